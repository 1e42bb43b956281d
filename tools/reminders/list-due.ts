import { z } from 'zod';
import { defineTool } from '../define.ts';
import { fromMinor, formatAmount } from '../money.ts';
import { balanceOf } from '../invoicing/model.ts';
import { dueReminders, isoDay } from './due.ts';
import { pendingReminderAction } from './queries.ts';
import { refusals } from './texts.ts';

const DueLine = z.object({
  invoiceId: z.string().uuid(),
  number: z.string(),
  client: z.object({
    id: z.string().uuid(),
    name: z.string(),
    email: z.string().nullable(),
    language: z.enum(['fr', 'en']),
  }),
  dueDate: z.string(),
  daysPastDue: z.number().int().describe('Negative before the due date.'),
  scheduleDay: z.number().int().describe('The step of the reminder schedule due now (days from the due date).'),
  tone: z.enum(['courtesy', 'reminder', 'firm', 'final']),
  balance: z.string().describe('Outstanding amount, decimal string in the invoice currency.'),
  total: z.string(),
  currency: z.string(),
  blocked: z
    .object({
      reason: z.enum(['no_email', 'awaiting_approval', 'bank_match', 'disputed']),
      message: z.string(),
      actionNumber: z.number().int().optional(),
    })
    .nullable()
    .describe(
      'Why this reminder cannot be sent now: the client disputes the invoice (resolve it with ' +
        'reminders_resolve_dispute first), the bank statement shows the invoice paid (a pending or suggested ' +
        'reconciliation: confirm or reject it), the client has no email address (fix the data), or an earlier reminder for ' +
        'this invoice still awaits approval (actionNumber: decide it first); null when it can.',
    ),
});

export const listDueReminders = defineTool({
  name: 'reminders_list_due',
  title: 'List payment reminders due today',
  description:
    "List the client invoices due for a payment reminder today under the company's reminder schedule (days " +
    'relative to the due date, by default 15, 30 and 45): invoice, client and email, days past due, the outstanding ' +
    'balance (decimal string) and the schedule step. Send one with reminders_send_reminder (invoiceId and scheduleDay); ' +
    "a line with `blocked` cannot be sent until its reason is fixed (e.g. add the client's email address).",
  kind: 'read',
  input: z.object({}),
  output: z.object({ date: z.string(), reminders: z.array(DueLine) }),
  async run(ctx) {
    const tenant = await ctx.tenant();
    const today = isoDay(ctx.now);
    const due = await dueReminders(ctx.db, tenant, today);
    // One lookup per due invoice: a day's list is a handful of invoices.
    const pending = await Promise.all(due.map(({ invoice }) => pendingReminderAction(ctx.db, invoice)));
    const blockedLine = (i: number): z.output<typeof DueLine>['blocked'] => {
      const { invoice, client, blocked } = due[i]!;
      if (blocked === 'disputed') return { reason: blocked, message: refusals.disputed(ctx.lang, invoice.number) };
      if (blocked === 'bank_match') return { reason: blocked, message: refusals.bankMatch(ctx.lang, invoice.number) };
      if (blocked === 'no_email') return { reason: blocked, message: refusals.noEmail(ctx.lang, client.name) };
      const action = pending[i];
      return action
        ? {
            reason: 'awaiting_approval',
            message: refusals.pending(ctx.lang, invoice.number, action.number),
            actionNumber: action.number,
          }
        : null;
    };
    return {
      date: today,
      reminders: due.map(({ invoice, client, daysPastDue, step, tone }, i) => ({
        invoiceId: invoice.id,
        number: invoice.number,
        client: { id: client.id, name: client.name, email: client.email, language: invoice.language },
        dueDate: invoice.dueDate,
        daysPastDue,
        scheduleDay: step,
        tone,
        balance: fromMinor(balanceOf(invoice), invoice.currency),
        total: fromMinor(invoice.totalCents, invoice.currency),
        currency: invoice.currency,
        blocked: blockedLine(i),
      })),
    };
  },
  summarize: (out, lang) => {
    if (!out.reminders.length)
      return lang === 'fr' ? 'Aucun rappel de paiement à envoyer aujourd’hui.' : 'No payment reminder is due today.';
    const lines = out.reminders.map(
      (r) =>
        `${r.number} — ${r.client.name} — ${formatAmount(r.balance, r.currency, lang)} (${lang === 'fr' ? `jour ${r.scheduleDay}` : `day ${r.scheduleDay}`})` +
        (r.blocked ? ` — ${r.blocked.message}` : ''),
    );
    return `${lang === 'fr' ? `${out.reminders.length} rappel(s) à envoyer :` : `${out.reminders.length} reminder(s) due:`}\n${lines.join('\n')}`;
  },
});
