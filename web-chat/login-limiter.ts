/**
 * Slows password guessing: after `max` failed logins for one IP and email within the window, that
 * pair is refused until the window has passed. In memory, per process: enough for one server, and
 * a restart forgives (the cost of keeping no state in the database for attackers to fill).
 */
export class LoginLimiter {
  private failures = new Map<string, number[]>();

  constructor(
    readonly max = 5,
    readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Null when the attempt may go ahead, else the seconds to wait. */
  retryAfter(key: string, now: number): number | null {
    const recent = this.recent(key, now);
    if (recent.length < this.max) return null;
    return Math.ceil((recent[0]! + this.windowMs - now) / 1000);
  }

  fail(key: string, now: number): void {
    // Many distinct keys (a scan over emails) must not grow memory without bound.
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()]) this.recent(k, now);
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}

/**
 * Both limits on a login: per IP and email (5 failures in 15 minutes), and per account across all
 * IPs (20 failures in an hour), so guessing one person's password from many addresses is slowed too,
 * with a slower back-off. A success forgives its own IP only: it must not wipe an attack from others,
 * whose failures leave the account's window by themselves.
 */
export class LoginThrottle {
  constructor(
    readonly perAddress = new LoginLimiter(5, 15 * 60_000),
    readonly perAccount = new LoginLimiter(20, 60 * 60_000),
  ) {}

  /** Null when the attempt may go ahead, else the seconds to wait (the longer of the two limits). */
  retryAfter(ip: string, email: string, now: number): number | null {
    const waits = [this.perAddress.retryAfter(`${ip}|${email}`, now), this.perAccount.retryAfter(email, now)];
    const blocked = waits.filter((w): w is number => w !== null);
    return blocked.length ? Math.max(...blocked) : null;
  }

  fail(ip: string, email: string, now: number): void {
    this.perAddress.fail(`${ip}|${email}`, now);
    this.perAccount.fail(email, now);
  }

  succeed(ip: string, email: string): void {
    this.perAddress.succeed(`${ip}|${email}`);
  }
}
