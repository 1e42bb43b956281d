/** Payment reminders (dunning): what is due under the tenant's schedule, and the reminder emails. */
import { listDueReminders } from './list-due.ts';
import { listReminders } from './list-reminders.ts';
import { sendReminder } from './send-reminder.ts';

export const reminderTools = [listDueReminders, listReminders, sendReminder];

export { proposeDueReminders } from './propose-due.ts';
