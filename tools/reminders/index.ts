/** Payment reminders (dunning): what is due under the tenant's schedule, the reminder emails, client disputes. */
import { listDisputes } from './list-disputes.ts';
import { listDueReminders } from './list-due.ts';
import { markDisputed } from './mark-disputed.ts';
import { resolveDispute } from './resolve-dispute.ts';
import { listReminders } from './list-reminders.ts';
import { sendReminder } from './send-reminder.ts';
import { statementOfAccount } from './statement-of-account.ts';

export const reminderTools = [
  listDueReminders,
  listReminders,
  sendReminder,
  markDisputed,
  resolveDispute,
  listDisputes,
  statementOfAccount,
];

export { proposeDueReminders } from './propose-due.ts';
export { alertOverdueInvoices } from './overdue-alerts.ts';
