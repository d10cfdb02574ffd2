import { deleteSignInCounter, getSignInCounters, hitSignInCounter, inTransaction, touchSignInMarker, type Store } from '../../storage/index.js';
import { sha256 } from './secrets.js';
import signInData from '../../../data/security/sign-in.json' with { type: 'json' };

/**
 * Sign-in and set-up limits kept in the database (`sign_in_counters`, migration 018), so that they hold across every
 * server instance on one database: with the counters in each process's memory, N servers behind a proxy gave an
 * attacker N times the attempts. Each counter is a fixed window that starts at its first hit; a hit is one upsert,
 * so concurrent hits from two servers both count. Keys are SHA-256 hashes: the table names no account or address.
 */

/** How long an address an account signed in from stays "known" to it (data/security/sign-in.json). */
const KNOWN_ADDRESS_MS = signInData.loginKnownAddressDays.value * 86_400_000;

function counterKey(kind: string, ...parts: string[]): string {
  return sha256(`${kind}\n${parts.join('\n')}`);
}

/** Seconds until a window that started at `windowStart` ends (at least 1). */
function secondsLeft(windowStart: string, windowMs: number, now: Date): number {
  return Math.max(1, Math.ceil((new Date(windowStart).getTime() + windowMs - now.getTime()) / 1000));
}

/** A fixed-window limit per key: `take` counts one attempt and says whether it is within the limit. */
export class RateLimiter {
  constructor(
    private readonly store: Store,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => Date,
  ) {}

  /** Counts one attempt; returns 0 when it may go ahead, else the seconds until the key's window ends. */
  async take(key: string): Promise<number> {
    const now = this.now();
    const state = await hitSignInCounter(this.store.db, counterKey(this.name, key), now, new Date(now.getTime() - this.windowMs), new Date(now.getTime() + this.windowMs));
    return state.count <= this.limit ? 0 : secondsLeft(state.windowStart, this.windowMs, now);
  }
}

export interface LoginLimits {
  /** Failures for one account from one address. */
  perAccount: number;
  /** Failures from one address over all accounts. */
  perIp: number;
  /** Failures for one account from every address, applied only to addresses the account never signed in from. */
  perAccountAnyAddress?: number;
  windowMinutes: number;
}

/**
 * Sign-in limits that an attacker elsewhere cannot turn against a user: failures count per (account, address)
 * and per address; the account-wide cap holds only for addresses the account has signed in from (within
 * loginKnownAddressDays), so the owner at a known address still gets in while someone sprays their account from
 * elsewhere. Only failures count, and a blocked attempt is refused before any password hash is computed.
 */
export class LoginThrottle {
  private readonly windowMs: number;
  constructor(
    private readonly store: Store,
    private readonly limits: LoginLimits,
    private readonly now: () => Date,
  ) {
    this.windowMs = limits.windowMinutes * 60_000;
  }

  private keys(account: string, ip: string) {
    const a = account.trim().toLowerCase();
    return { pair: counterKey('login-pair', a, ip), ip: counterKey('login-ip', ip), account: counterKey('login-account', a), known: counterKey('login-known', a, ip) };
  }

  /** Seconds to wait before trying again, or 0 when this attempt may go ahead. */
  async retryAfter(account: string, ip: string): Promise<number> {
    const now = this.now();
    const k = this.keys(account, ip);
    const rows = await getSignInCounters(this.store.db, [k.pair, k.ip, k.account, k.known]);
    const blockedFor = (key: string, limit: number): number => {
      const c = rows.get(key);
      if (!c || now.getTime() - new Date(c.windowStart).getTime() >= this.windowMs || c.count < limit) return 0;
      return secondsLeft(c.windowStart, this.windowMs, now);
    };
    const waits = [blockedFor(k.pair, this.limits.perAccount), blockedFor(k.ip, this.limits.perIp)];
    const known = rows.get(k.known);
    const isKnown = known !== undefined && now.getTime() - new Date(known.windowStart).getTime() < KNOWN_ADDRESS_MS;
    if (this.limits.perAccountAnyAddress !== undefined && !isKnown) waits.push(blockedFor(k.account, this.limits.perAccountAnyAddress));
    return Math.max(...waits);
  }

  /** Seconds an address waits under the per-address limit alone (sign-ins without an account, as single sign-on's callback). */
  async addressRetryAfter(ip: string): Promise<number> {
    const now = this.now();
    const c = (await getSignInCounters(this.store.db, [this.keys('', ip).ip])).get(this.keys('', ip).ip);
    if (!c || now.getTime() - new Date(c.windowStart).getTime() >= this.windowMs || c.count < this.limits.perIp) return 0;
    return secondsLeft(c.windowStart, this.windowMs, now);
  }

  /** Counts a failure of an address without an account (the per-address counter only). */
  async addressFailed(ip: string): Promise<void> {
    const now = this.now();
    await hitSignInCounter(this.store.db, this.keys('', ip).ip, now, new Date(now.getTime() - this.windowMs), new Date(now.getTime() + this.windowMs));
  }

  async failed(account: string, ip: string): Promise<void> {
    const now = this.now();
    const k = this.keys(account, ip);
    const stale = new Date(now.getTime() - this.windowMs);
    const expires = new Date(now.getTime() + this.windowMs);
    await inTransaction(this.store.db, async (tx) => {
      for (const key of [k.pair, k.ip, k.account]) await hitSignInCounter(tx, key, now, stale, expires);
    });
  }

  async succeeded(account: string, ip: string): Promise<void> {
    const now = this.now();
    const k = this.keys(account, ip);
    await inTransaction(this.store.db, async (tx) => {
      await deleteSignInCounter(tx, k.pair);
      await touchSignInMarker(tx, k.known, now, new Date(now.getTime() + KNOWN_ADDRESS_MS));
    });
  }
}
