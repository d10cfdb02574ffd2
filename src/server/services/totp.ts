import { createHmac, randomBytes } from 'node:crypto';
import signIn from '../../../data/security/sign-in.json' with { type: 'json' };

/** TOTP (RFC 6238) over HOTP (RFC 4226) with HMAC-SHA-1, the parameters every authenticator app assumes. */
export const TOTP_STEP_SECONDS = signIn.totpStepSeconds.value;
export const TOTP_DIGITS = signIn.totpDigits.value;
const DRIFT_STEPS = signIn.totpDriftSteps.value;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = BASE32.indexOf(ch);
    if (i < 0) throw new Error('not base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new shared secret: 160 bits, the HMAC-SHA-1 key length RFC 4226 recommends, as base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export function hotp(key: Buffer, counter: number, digits = TOTP_DIGITS): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  const bin = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS);
}

export function totpAt(secret: string, now: Date): string {
  return hotp(base32Decode(secret), totpStep(now));
}

/** The time step a code belongs to (within the allowed drift), or undefined when it matches none. */
export function matchTotp(secret: string, code: string, now: Date): number | undefined {
  if (!/^\d+$/.test(code) || code.length !== TOTP_DIGITS) return undefined;
  const key = base32Decode(secret);
  const step = totpStep(now);
  for (let d = -DRIFT_STEPS; d <= DRIFT_STEPS; d++) {
    if (hotp(key, step + d) === code) return step + d;
  }
  return undefined;
}

/** The enrolment link authenticator apps read (Key Uri Format of Google Authenticator). */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${TOTP_DIGITS}&period=${TOTP_STEP_SECONDS}`;
}
