/** Latency statistics and a bounded concurrent load loop shared by the benchmarks. */
export interface LoadResult {
  operations: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function percentile(sortedMs: number[], p: number): number {
  if (!sortedMs.length) return 0;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return Math.round(sortedMs[Math.max(0, index)]! * 100) / 100;
}

/**
 * Runs `count` operations with `concurrency` workers, each calling one after the other; a call gets
 * its index and its worker's number. As fast as the workers go, or, given `perSecond`, one call every
 * 1/perSecond s: the latency at that rate rather than at saturation.
 */
export async function load(
  count: number,
  concurrency: number,
  op: (i: number, worker: number) => Promise<unknown>,
  perSecond?: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < count) {
        const i = next++;
        // Paced: call i is due at its slot; its latency counts from then, so a call that had to wait
        // for a free worker is not reported as fast (no coordinated omission).
        const due = perSecond ? started + (i * 1000) / perSecond : performance.now();
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        try {
          await op(i, worker);
          latencies.push(performance.now() - due);
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    operations: latencies.length,
    errors,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: percentile(latencies, 100),
  };
}

/**
 * The longest stall an event-loop delay histogram saw (perf_hooks.monitorEventLoopDelay, 10 ms
 * resolution), in ms: the histogram holds whole sampling intervals, what exceeds the interval is the stall.
 */
export function stallMs(histogram: { max: number }): number {
  return Math.max(0, Math.round((histogram.max / 1e6 - 10) * 10) / 10);
}
