/**
 * Payment reminders, daily: the reminders due under each tenant's schedule are proposed through the
 * action door as the AI, and managers are alerted about invoices 30/60/90 days overdue. Also runs on request (an event). The database decides what is due and what
 * was already proposed or sent, so a repeated or overlapping run sends nothing twice.
 */
import { alertOverdueInvoices, proposeDueReminders } from '../../tools/reminders/index.ts';
import { defineJob, type JobDeps } from '../job.ts';

export const PAYMENT_REMINDERS_EVENT = 'comptoir/reminders.due-requested';

export const paymentRemindersJob = (deps: JobDeps) =>
  defineJob({
    id: 'payment-reminders',
    name: 'Propose the payment reminders due',
    // 14:00 UTC is 9:00 in Montréal (winter) and mid-afternoon in France: reminders arrive in office hours.
    triggers: [{ cron: '0 14 * * *' }, { event: PAYMENT_REMINDERS_EVENT }],
    handler: async ({ step }) => {
      // The clock is read inside the step, so a replayed run reuses its result rather than a new instant.
      const run = await step.run('propose-due', () => proposeDueReminders(deps.db, deps.now()));
      // Managers hear about invoices reaching 30/60/90 days overdue, once each (overdue_alerts).
      const alerts = await step.run('alert-overdue', () => alertOverdueInvoices(deps.db, deps.now()));
      // Waiting for an approval and missing client emails are counted, not failed: they recur daily until someone acts.
      return {
        proposed: run.proposed.filter((p) => !p.duplicate).length,
        alreadyProposed: run.proposed.filter((p) => p.duplicate).length,
        waiting: run.waiting.length,
        needsEmail: run.needsEmail.length,
        paused: run.paused.length,
        overdueAlerts: alerts.alerted.length,
        failed: run.failed,
      };
    },
  });
