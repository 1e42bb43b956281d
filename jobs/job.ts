/**
 * A background job, defined once: its id, its triggers (cron schedules and event names) and its
 * handler. The same definition becomes an Inngest function (served to an Inngest server) and runs
 * in the in-process runner when there is no server. Handlers use only `step.run` and
 * `step.sendEvent`, which both engines provide; step results must be plain JSON, as Inngest stores them.
 */
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { JobClient } from './client.ts';

export interface JobEvent<D extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  data: D;
  id?: string;
  ts?: number;
}

export interface JobStep {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sendEvent(id: string, events: JobEvent | JobEvent[]): Promise<unknown>;
}

export interface JobContext {
  event: JobEvent;
  step: JobStep;
  runId: string;
  attempt: number;
}

export type JobTrigger = { cron: string } | { event: string };

export interface Job<T = unknown> {
  id: string;
  name: string;
  triggers: JobTrigger[];
  /** Attempts after the first one; every step is idempotent, so a retry repeats nothing twice. */
  retries?: number;
  handler: (ctx: JobContext) => Promise<T>;
}

/** What jobs need from the process: the database (the source of truth), the public address and a clock. */
export interface JobDeps {
  db: Database;
  publicUrl: string;
  now: () => Date;
  /** The settings jobs of optional features read (model, SMTP, IMAP); absent in most tests. */
  config?: Config;
}

export const defineJob = <T>(job: Job<T>): Job<T> => job;

/** Cron event Inngest sends for a schedule; the in-process runner sends the same. */
export const SCHEDULED_EVENT = 'inngest/scheduled.timer';

export function toInngestFunction(client: JobClient, job: Job) {
  return client.createFunction(
    { id: job.id, name: job.name, triggers: job.triggers, retries: (job.retries ?? 3) as 3 },
    // Inngest's context is a superset of JobContext: its step.run and step.sendEvent are the real ones.
    (ctx) => job.handler(ctx as unknown as JobContext),
  );
}
