/**
 * Runs the jobs. With an Inngest server configured, the server schedules and retries them and calls
 * the app at /api/inngest (web-chat/routes/inngest.ts). Without one (the embedded default), this
 * in-process runner does it: each minute it runs the jobs whose cron matches, and events sent to it
 * (by a job's step.sendEvent or by the app) go to the jobs they trigger — the same definitions, with
 * a step.run that simply runs. Nothing is remembered here: what must survive a restart is in the
 * database, and every step is idempotent, so a job cut short just runs again at its next turn.
 */
import { randomUUID } from 'node:crypto';
import { NonRetriableError } from 'inngest';
import type { Config } from '../config.ts';
import { createJobClient, inngestConfigured } from './client.ts';
import { cronMatches } from './cron.ts';
import { jobDefinitions } from './index.ts';
import { SCHEDULED_EVENT, type Job, type JobContext, type JobDeps, type JobEvent } from './job.ts';

export interface JobRunner {
  /** Queues the events for the jobs they trigger; resolves once queued, not once run. */
  send(events: JobEvent | JobEvent[]): Promise<{ ids: string[] }>;
  /** Queues the jobs whose cron matches this minute (the runner's own timer calls it each minute). */
  tick(at: Date): Promise<void>;
  /** Resolves when every queued run has finished (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops the timer, refuses new work and waits for the runs in progress. */
  stop(): Promise<void>;
}

export interface RunnerOptions {
  log?: (line: string) => void;
  /** First retry delay, doubled at each attempt. */
  retryDelayMs?: number;
  /** Start the minute timer (off in tests, which call tick()). */
  timer?: boolean;
}

export function createInProcessRunner(jobs: Job[], options: RunnerOptions = {}): JobRunner {
  const log = options.log ?? ((line) => console.error(line));
  const retryDelay = options.retryDelayMs ?? 2_000;
  // One queue per job: a job never overlaps itself, as with a concurrency limit of one on Inngest.
  const queues = new Map<string, Promise<void>>();
  // A schedule that fires while its previous run is still queued is skipped, not piled up.
  const scheduled = new Set<string>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // Stopping cuts retry waits short: the next start picks the work up from the database.
  const stopping = new AbortController();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      stopping.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(t);
          resolve();
        },
        { once: true },
      );
    });

  const enqueue = (job: Job, event: JobEvent) => {
    const run = (queues.get(job.id) ?? Promise.resolve()).then(() => execute(job, event));
    queues.set(job.id, run);
    return run;
  };

  async function execute(job: Job, event: JobEvent): Promise<void> {
    const runId = randomUUID();
    const attempts = 1 + (job.retries ?? 3);
    for (let attempt = 0; attempt < attempts && !stopped; attempt++) {
      const ctx: JobContext = {
        event,
        runId,
        attempt,
        step: {
          run: (_id, fn) => fn(),
          sendEvent: (_id, events) => runner.send(events),
        },
      };
      try {
        await job.handler(ctx);
        return;
      } catch (err) {
        const final = err instanceof NonRetriableError || attempt === attempts - 1;
        log(
          `Job ${job.id} (${event.name}) failed${final ? '' : `, retrying (attempt ${attempt + 2} of ${attempts})`}: ${(err as Error)?.message ?? err}`,
        );
        if (final) return;
        await pause(retryDelay * 2 ** attempt);
      }
    }
  }

  const runner: JobRunner = {
    async send(events) {
      const list = (Array.isArray(events) ? events : [events]).map((e) => ({
        ...e,
        id: e.id ?? randomUUID(),
        ts: e.ts ?? Date.now(),
      }));
      if (stopped) {
        log(`Jobs are stopped: ${list.length} event(s) not run (${list.map((e) => e.name).join(', ')}).`);
        return { ids: [] };
      }
      for (const event of list) {
        for (const job of jobs) {
          if (job.triggers.some((t) => 'event' in t && t.event === event.name)) void enqueue(job, event);
        }
      }
      return { ids: list.map((e) => e.id) };
    },
    async tick(at) {
      if (stopped) return;
      for (const job of jobs) {
        const cron = job.triggers.find((t): t is { cron: string } => 'cron' in t && cronMatches(t.cron, at));
        if (!cron || scheduled.has(job.id)) continue;
        scheduled.add(job.id);
        void enqueue(job, {
          name: SCHEDULED_EVENT,
          data: { cron: cron.cron },
          id: randomUUID(),
          ts: at.getTime(),
        }).finally(() => scheduled.delete(job.id));
      }
    },
    async idle() {
      // A run may queue more work (sendEvent): wait until the queues stop changing.
      for (;;) {
        const pending = [...queues.values()];
        await Promise.all(pending);
        if ([...queues.values()].every((q, i) => q === pending[i]) && queues.size === pending.length) return;
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      stopping.abort();
      await runner.idle();
    },
  };

  if (options.timer) {
    const next = () => {
      // Fire just after each minute starts, as cron does.
      timer = setTimeout(
        () => {
          void runner.tick(new Date());
          next();
        },
        60_000 - (Date.now() % 60_000) + 50,
      );
      timer.unref();
    };
    next();
  }
  return runner;
}

export interface RunningJobs {
  mode: 'inngest' | 'in-process';
  send(events: JobEvent | JobEvent[]): Promise<unknown>;
  stop(): Promise<void>;
}

/** What the server starts: nothing to run here when an Inngest server drives the jobs. */
export function startJobs(config: Config, deps: JobDeps, log: (line: string) => void = console.log): RunningJobs {
  if (inngestConfigured(config)) {
    const client = createJobClient(config);
    log(
      `Jobs: run by the Inngest server${config.INNGEST_BASE_URL ? ` at ${config.INNGEST_BASE_URL}` : ''}, which calls /api/inngest.`,
    );
    return { mode: 'inngest', send: (events) => client.send(events), stop: async () => {} };
  }
  const runner = createInProcessRunner(jobDefinitions(deps), { log, timer: true });
  log(
    'Jobs: in-process runner (no Inngest server configured): approval expiry every 15 minutes, approval emails every minute.',
  );
  return { mode: 'in-process', send: runner.send, stop: runner.stop };
}
