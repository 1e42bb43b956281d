/**
 * Whether the database answers, as the app sees it. While PostgreSQL cannot be reached, requests are
 * refused at once (503 with Retry-After) instead of each waiting for its own connection attempt; a probe
 * every second notices the database back, and requests go through again without a restart.
 */
import type { DatabaseHandle } from './client.ts';

/** Errors that say the server cannot be reached or went away (postgres.js codes, Node socket codes, SQLSTATE class 08 and shutdowns). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
]);

/** Whether an error (or what caused it: drizzle wraps the driver's) means the database is unreachable. */
export function databaseUnreachable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = String((e as { code?: unknown }).code ?? '');
    if (UNREACHABLE.has(code) || code.startsWith('08')) return true;
  }
  return false;
}

export interface DatabaseWatch {
  /** True while the last contact with the database failed and no probe has succeeded since. */
  down(): boolean;
  /** Reports an error seen on a request: an unreachable database starts the probe. */
  report(err: unknown): void;
  /** Answers within `withinMs`: whether `SELECT 1` came back, and the error when not. */
  check(withinMs?: number): Promise<{ reachable: boolean; error?: string; ms: number }>;
  stop(): void;
}

export function watchDatabase(handle: DatabaseHandle, probeEveryMs = 1_000): DatabaseWatch {
  let failing: string | null = null;
  let probe: NodeJS.Timeout | undefined;

  async function check(withinMs = 900) {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error(`no answer within ${withinMs} ms`), { code: 'ETIMEDOUT' })),
        withinMs,
      );
    });
    try {
      await Promise.race([handle.raw('select 1'), late]);
      recovered();
      return { reachable: true, ms: Date.now() - started };
    } catch (err) {
      watch.report(err);
      return { reachable: false, error: (err as Error).message, ms: Date.now() - started };
    } finally {
      clearTimeout(timer);
    }
  }

  function recovered() {
    failing = null;
    if (probe) clearInterval(probe);
    probe = undefined;
  }

  const watch: DatabaseWatch = {
    down: () => failing !== null,
    report(err) {
      if (!databaseUnreachable(err)) return;
      failing = (err as Error).message;
      if (probe) return;
      probe = setInterval(() => void check(probeEveryMs), probeEveryMs);
      probe.unref();
    },
    check,
    stop: () => recovered(),
  };
  return watch;
}
