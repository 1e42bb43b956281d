/** Which invoices of the tenant are due for a reminder today, and at which step of its schedule. */
import type { Tx } from '../../db/client.ts';
import type { ClientRow, InvoiceRow } from '../invoicing/queries.ts';
import { addDays, daysPastDue, dueStep, stepsOf, toneOf, type Tone } from './model.ts';
import { owingInvoices, sentSteps } from './queries.ts';
import { invoicesWithBankMatch } from '../banking/pending-matches.ts';

export interface DueReminder {
  invoice: InvoiceRow;
  client: ClientRow;
  daysPastDue: number;
  step: number;
  tone: Tone;
  /** Why it cannot be sent as things stand: reminders go by email, and a client without one needs it added first. */
  blocked: 'no_email' | 'bank_match' | null;
}

export { isoDate as isoDay } from '../dates.ts';

export async function dueReminders(tx: Tx, schedule: readonly number[], today: string): Promise<DueReminder[]> {
  const steps = stepsOf(schedule);
  if (!steps.length) return [];
  // An invoice reaches the earliest step this many days before (or after) its due date.
  const owing = await owingInvoices(tx, addDays(today, -steps[0]!));
  // Reminders follow the reconciled truth: an invoice the statement shows paid is not chased.
  const matched = owing.length ? await invoicesWithBankMatch(tx) : new Set<string>();
  const sent = await sentSteps(
    tx,
    owing.map((o) => o.invoice.id),
  );
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
        tone: toneOf(steps, step),
        blocked: matched.has(invoice.id) ? 'bank_match' : client.email ? null : 'no_email',
      });
  }
  return due;
}
