/** Fixed-window counter per key, in memory: one process is the unit we protect (see docs/decisions). */
export class RateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => Date,
  ) {}

  /** Counts one attempt; returns false when the key is over its limit for the current window. */
  take(key: string): boolean {
    const t = this.now().getTime();
    const entry = this.hits.get(key);
    if (!entry || t - entry.windowStart >= this.windowMs) {
      this.hits.set(key, { windowStart: t, count: 1 });
      if (this.hits.size > 10_000) this.sweep(t);
      return true;
    }
    entry.count += 1;
    return entry.count <= this.limit;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(t: number): void {
    for (const [k, v] of this.hits) if (t - v.windowStart >= this.windowMs) this.hits.delete(k);
  }
}

/** Failures per key in a fixed window that starts at the key's first failure. */
class FailureCounter {
  private readonly failures = new Map<string, { windowStart: number; count: number }>();
  constructor(
    private readonly windowMs: number,
    private readonly now: () => Date,
  ) {}

  /** Seconds until the key's window ends when it has reached `limit`, else 0. */
  blockedFor(key: string, limit: number): number {
    const t = this.now().getTime();
    const e = this.failures.get(key);
    if (!e || t - e.windowStart >= this.windowMs || e.count < limit) return 0;
    return Math.max(1, Math.ceil((e.windowStart + this.windowMs - t) / 1000));
  }

  add(key: string): void {
    const t = this.now().getTime();
    const e = this.failures.get(key);
    if (!e || t - e.windowStart >= this.windowMs) {
      this.failures.set(key, { windowStart: t, count: 1 });
      if (this.failures.size > 10_000) this.sweep(t);
    } else e.count += 1;
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private sweep(t: number): void {
    for (const [k, v] of this.failures) if (t - v.windowStart >= this.windowMs) this.failures.delete(k);
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
 * and per address; the account-wide cap holds only for addresses the account has not signed in from, so the
 * owner at a known address still gets in while someone sprays their account from elsewhere. Only failures
 * count, and a blocked attempt is refused before any password hash is computed.
 */
export class LoginThrottle {
  private readonly counter: FailureCounter;
  private readonly known = new Map<string, Set<string>>();
  constructor(
    private readonly limits: LoginLimits,
    now: () => Date,
  ) {
    this.counter = new FailureCounter(limits.windowMinutes * 60_000, now);
  }

  /** Seconds to wait before trying again, or 0 when this attempt may go ahead. */
  retryAfter(account: string, ip: string): number {
    const waits = [this.counter.blockedFor(`pair:${account}\n${ip}`, this.limits.perAccount), this.counter.blockedFor(`ip:${ip}`, this.limits.perIp)];
    if (this.limits.perAccountAnyAddress !== undefined && !this.known.get(account)?.has(ip)) {
      waits.push(this.counter.blockedFor(`account:${account}`, this.limits.perAccountAnyAddress));
    }
    return Math.max(...waits);
  }

  failed(account: string, ip: string): void {
    this.counter.add(`pair:${account}\n${ip}`);
    this.counter.add(`ip:${ip}`);
    this.counter.add(`account:${account}`);
  }

  succeeded(account: string, ip: string): void {
    this.counter.reset(`pair:${account}\n${ip}`);
    let ips = this.known.get(account);
    if (!ips) {
      if (this.known.size >= 10_000) this.known.delete(this.known.keys().next().value!);
      ips = new Set();
      this.known.set(account, ips);
    }
    if (ips.size >= 20) ips.delete(ips.values().next().value!);
    ips.add(ip);
  }
}
