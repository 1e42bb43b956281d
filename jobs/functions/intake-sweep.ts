/**
 * Every minute, and when a server starts: documents whose reading was cut short (a process killed,
 * an event lost) are read again, and given up with the reason after a few attempts. What is stuck is
 * read from the database, so any instance may run it and a run that overlaps another does nothing twice.
 */
import { resumeStuckDocuments } from '../../tools/intake/resume-stuck.ts';
import { defineJob, type JobDeps } from '../job.ts';

/** Sent by a starting server: what a killed process left is picked up without waiting for the minute. */
export const INTAKE_SWEEP_EVENT = 'comptoir/intake.sweep-requested';

export const intakeSweep = (deps: JobDeps) =>
  defineJob({
    id: 'intake-sweep',
    name: 'Resume documents whose reading was interrupted',
    triggers: [{ cron: '* * * * *' }, { event: INTAKE_SWEEP_EVENT }],
    handler: ({ step }) =>
      step.run('resume-stuck', () =>
        resumeStuckDocuments(deps.db, {
          now: deps.now,
          staleMs: (deps.config?.INTAKE_STALE_SECONDS ?? 300) * 1000,
          maxAttempts: deps.config?.INTAKE_MAX_READS ?? 3,
        }),
      ),
  });
