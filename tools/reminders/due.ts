/** Which invoices of the tenant are due for a reminder today, and at which step of its schedule. */
import type { Tx } from '../../db/client.ts';
import type { ClientRow, InvoiceRow } from '../invoicing/queries.ts';
import { addDays, daysPastDue, dueStep, stepsOf, toneOf, type Tone, type ToneChoices } from './model.ts';
import { disputedInvoices, owingInvoices, sentSteps } from './queries.ts';
import { invoicesWithBankMatch } from '../banking/pending-matches.ts';

export interface DueReminder {
  invoice: InvoiceRow;
  client: ClientRow;
  daysPastDue: number;
  step: number;
  tone: Tone;
  /**
   * Why it cannot be sent as things stand: the client contests the invoice (a person resolves the
   * dispute first), the bank statement shows it paid, or the client has no email to send it to.
   */
  blocked: 'disputed' | 'bank_match' | 'no_email' | null;
}

export { isoDate as isoDay } from '../dates.ts';

/** The tenant's schedule: days from the due date, and the tones it chose for some of them. */
export interface Schedule {
  reminderSchedule: readonly number[];
  reminderTones: ToneChoices;
}

export async function dueReminders(tx: Tx, schedule: Schedule, today: string): Promise<DueReminder[]> {
  const steps = stepsOf(schedule.reminderSchedule);
  if (!steps.length) return [];
  // An invoice reaches the earliest step this many days before (or after) its due date.
  const owing = await owingInvoices(tx, addDays(today, -steps[0]!));
  // Reminders follow the reconciled truth: an invoice the statement shows paid is not chased.
  const matched = owing.length ? await invoicesWithBankMatch(tx) : new Set<string>();
  const ids = owing.map((o) => o.invoice.id);
  const sent = await sentSteps(tx, ids);
  // A contested invoice is not chased until a person resolves the dispute.
  const disputed = await disputedInvoices(tx, ids);
  const due: DueReminder[] = [];
  for (const { invoice, client } of owing) {
    const days = daysPastDue(invoice.dueDate, today);
    const step = dueStep(steps, days, sent.get(invoice.id) ?? []);
    if (step !== null)
      due.push({
        invoice,
        client,
        daysPastDue: days,
        step,
        tone: toneOf(steps, step, schedule.reminderTones),
        blocked: disputed.has(invoice.id)
          ? 'disputed'
          : matched.has(invoice.id)
            ? 'bank_match'
            : client.email
              ? null
              : 'no_email',
      });
  }
  return due;
}
