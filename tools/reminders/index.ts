/** Payment reminders (dunning): what is due under the tenant's schedule, and the reminder emails. */
import { listDueReminders } from './list-due.ts';
import { sendReminder } from './send-reminder.ts';

export const reminderTools = [listDueReminders, sendReminder];

export { proposeDueReminders } from './propose-due.ts';
