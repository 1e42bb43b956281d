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
