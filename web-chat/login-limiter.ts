/**
 * Slows password guessing: after `max` failed logins for one key within the window, that key is
 * refused until the oldest failure has left the window. The failures are kept in the database
 * (tools/auth/login-failures.ts), so every instance counts the same ones and a restart forgives nothing.
 */
import type { FailureStore } from '../tools/auth/login-failures.ts';

export class LoginLimiter {
  constructor(
    readonly store: FailureStore,
    readonly max = 5,
    readonly windowMs = 15 * 60_000,
    /** Keys are kept apart per limiter: the same email counts separately per IP and per account. */
    readonly prefix = '',
  ) {}

  /** Null when the attempt may go ahead, else the seconds to wait. */
  async retryAfter(key: string, now: number): Promise<number | null> {
    // A failure exactly windowMs old has left the window.
    const recent = await this.store.recent(this.prefix + key, now - this.windowMs + 1);
    if (recent.length < this.max) return null;
    return Math.ceil((recent[recent.length - this.max]! + this.windowMs - now) / 1000);
  }

  fail(key: string, now: number): Promise<void> {
    return this.store.add(this.prefix + key, now);
  }

  succeed(key: string): Promise<void> {
    return this.store.clear(this.prefix + key);
  }
}

/**
 * Both limits on a login: per IP and email (5 failures in 15 minutes), and per account across all
 * IPs (20 failures in an hour), so guessing one person's password from many addresses is slowed too,
 * with a slower back-off. A success forgives its own IP only: it must not wipe an attack from others,
 * whose failures leave the account's window by themselves.
 */
export class LoginThrottle {
  readonly perAddress: LoginLimiter;
  readonly perAccount: LoginLimiter;

  constructor(store: FailureStore) {
    this.perAddress = new LoginLimiter(store, 5, 15 * 60_000, 'ip|');
    this.perAccount = new LoginLimiter(store, 20, 60 * 60_000, 'account|');
  }

  /** Null when the attempt may go ahead, else the seconds to wait (the longer of the two limits). */
  async retryAfter(ip: string, email: string, now: number): Promise<number | null> {
    const waits = await Promise.all([
      this.perAddress.retryAfter(`${ip}|${email}`, now),
      this.perAccount.retryAfter(email, now),
    ]);
    const blocked = waits.filter((w): w is number => w !== null);
    return blocked.length ? Math.max(...blocked) : null;
  }

  async fail(ip: string, email: string, now: number): Promise<void> {
    await this.perAddress.fail(`${ip}|${email}`, now);
    await this.perAccount.fail(email, now);
  }

  succeed(ip: string, email: string): Promise<void> {
    return this.perAddress.succeed(`${ip}|${email}`);
  }
}
