/**
 * Invoicing jobs, daily: recurring schedules generate the drafts they owe, then invoices past due
 * with a balance become overdue. Both also run on request (an event). The database decides what is
 * due, and both are idempotent, so a repeated or overlapping run generates or marks nothing twice.
 */
import { generateDueRecurring, markOverdue } from '../../tools/invoicing/index.ts';
import { defineJob, type JobDeps } from '../job.ts';

export const RECURRING_INVOICES_EVENT = 'comptoir/invoicing.recurring-requested';
export const OVERDUE_INVOICES_EVENT = 'comptoir/invoicing.overdue-requested';

export const recurringInvoicesJob = (deps: JobDeps) =>
  defineJob({
    id: 'recurring-invoices',
    name: 'Generate recurring invoices',
    // 09:00 UTC is early morning across Canada and mid-morning in France: drafts are ready for the day.
    triggers: [{ cron: '0 9 * * *' }, { event: RECURRING_INVOICES_EVENT }],
    handler: async ({ step }) => {
      // The clock is read inside the step, so a replayed run reuses its result rather than a new instant.
      const run = await step.run('generate-due', () => generateDueRecurring(deps.db, deps.now()));
      return { generated: run.generated.length, failed: run.failed };
    },
  });

export const overdueInvoicesJob = (deps: JobDeps) =>
  defineJob({
    id: 'overdue-invoices',
    name: 'Mark overdue invoices',
    // Just after midnight UTC, when yesterday's due dates have passed.
    triggers: [{ cron: '15 0 * * *' }, { event: OVERDUE_INVOICES_EVENT }],
    handler: async ({ step }) => {
      const { marked } = await step.run('mark-overdue', () => markOverdue(deps.db, deps.now()));
      return { marked: marked.length };
    },
  });
