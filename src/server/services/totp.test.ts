import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpAt } from './totp.js';

describe('TOTP (RFC 6238 / RFC 4226)', () => {
  const rfcKey = Buffer.from('12345678901234567890');

  it('gives the HOTP values of RFC 4226 appendix D', () => {
    expect([0, 1, 2, 9].map((c) => hotp(rfcKey, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('gives the SHA-1 TOTP values of RFC 6238 appendix B (8 digits)', () => {
    const at = (seconds: number) => hotp(rfcKey, Math.floor(seconds / 30), 8);
    expect([59, 1111111109, 1234567890, 2000000000].map(at)).toEqual(['94287082', '07081804', '89005924', '69279037']);
  });

  it('round-trips base32 and accepts a code one step early or late, not two', () => {
    const secret = base32Encode(rfcKey);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(secret).equals(rfcKey)).toBe(true);
    const now = new Date('2026-11-02T15:00:10.000Z');
    const step = Math.floor(now.getTime() / 30_000);
    expect(matchTotp(secret, totpAt(secret, now), now)).toBe(step);
    expect(matchTotp(secret, totpAt(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchTotp(secret, totpAt(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
    expect(matchTotp(secret, totpAt(secret, new Date(now.getTime() - 60_000)), now)).toBeUndefined();
    expect(matchTotp(secret, 'abcdef', now)).toBeUndefined();
  });

  it('writes the otpauth:// URI authenticator apps read', () => {
    expect(otpauthUri('ABC', 'olive@test.example', 'Closer')).toBe('otpauth://totp/Closer:olive%40test.example?secret=ABC&issuer=Closer&algorithm=SHA1&digits=6&period=30');
  });
});
