import { z } from 'zod';
import { outboxEmails, reminders } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { fromMinor, formatAmount } from '../money.ts';
import { invoicePdf } from '../invoicing/invoice-pdf.ts';
import { balanceOf, OPEN_STATUSES, statusWord, type InvoiceStatus } from '../invoicing/model.ts';
import { clientById, invoiceById } from '../invoicing/queries.ts';
import { keepSentPdf } from '../invoicing/sent-pdf.ts';
import { formatDate, localeOf, moneyFor } from '../invoicing/texts.ts';
import { isoDay } from './due.ts';
import { addDays, daysPastDue, dueStep, stepsOf, toneOf } from './model.ts';
import { invoiceIdByNumber, openDispute, pendingReminderAction, sentSteps } from './queries.ts';
import { statementOf, statementPdf, statementWindow } from './statement.ts';
import { refusals, reminderEmail, reminderEvidence } from './texts.ts';

const input = z.object({
  invoiceId: z.string().uuid().optional(),
  invoiceNumber: z.string().min(1).optional().describe('e.g. INV2026-00012; used when invoiceId is not given.'),
  scheduleDay: z
    .number()
    .int()
    .optional()
    .describe('The schedule step to send (days from the due date); default: the step due today.'),
  attachStatement: z
    .boolean()
    .default(false)
    .describe("Also attach the client's statement of account (open invoices, payments, balance, aging) as a PDF."),
});

/**
 * Everything a reminder needs, checked: an issued invoice with a balance, no other reminder for it
 * waiting for approval, a client with an email, and a step of the schedule that has been reached and
 * not yet sent (nor any firmer one).
 */
async function prepare(ctx: ToolCtx, request: z.output<typeof input>) {
  const { lang } = ctx;
  let id = request.invoiceId ?? null;
  if (!id) {
    if (!request.invoiceNumber) throw invalid(refusals.which(lang));
    id = await invoiceIdByNumber(ctx.db, request.invoiceNumber);
    if (!id) throw notFound(refusals.unknownNumber(lang, request.invoiceNumber));
  }
  // Locked from the proposal on: two proposals for one invoice queue here, and the second sees the first's pending action.
  const invoice = await invoiceById(ctx.db, id, true);
  if (invoice.kind !== 'invoice') throw invalid(refusals.creditNote(lang, invoice.number));
  const status = invoice.status as InvoiceStatus;
  if (!OPEN_STATUSES.includes(status))
    throw invalid(refusals.notOpen(lang, invoice.number, statusWord(status, lang)), { status });
  const balance = balanceOf(invoice);
  if (balance <= 0n) throw invalid(refusals.nothingOwed(lang, invoice.number));
  const dispute = await openDispute(ctx.db, invoice.id);
  if (dispute) throw conflict(refusals.disputed(lang, invoice.number), { disputeId: dispute.id });
  // One reminder at a time: when approvals are slow, a second one would reach the client right after the first.
  const pending = await pendingReminderAction(ctx.db, invoice, ctx.actionId);
  if (pending) throw conflict(refusals.pending(lang, invoice.number, pending.number), { pendingAction: pending });
  const client = await clientById(ctx.db, invoice.clientId);
  if (!client.email) throw invalid(refusals.noEmail(lang, client.name));

  const tenant = await ctx.tenant();
  const schedule = stepsOf(tenant.reminderSchedule);
  const days = daysPastDue(invoice.dueDate, isoDay(ctx.now));
  const sent = (await sentSteps(ctx.db, [invoice.id])).get(invoice.id) ?? [];
  const wanted = request.scheduleDay;
  if (wanted !== undefined && !schedule.includes(wanted)) throw invalid(refusals.notInSchedule(lang, wanted, schedule));
  if (wanted !== undefined && wanted > days)
    throw invalid(refusals.tooEarly(lang, invoice.number, addDays(invoice.dueDate, wanted)));
  const step = wanted !== undefined ? (sent.some((s) => s >= wanted) ? null : wanted) : dueStep(schedule, days, sent);
  if (step === null) {
    const reached = schedule.filter((s) => s <= days).at(-1);
    if (reached === undefined)
      throw invalid(refusals.tooEarly(lang, invoice.number, addDays(invoice.dueDate, schedule[0] ?? 0)));
    throw conflict(refusals.alreadySent(lang, invoice.number, wanted ?? reached), { sent });
  }
  return {
    invoice,
    client,
    email: client.email,
    balance,
    days,
    step,
    tone: toneOf(schedule, step, tenant.reminderTones),
  };
}

export const sendReminder = defineTool({
  name: 'reminders_send_reminder',
  title: 'Send a payment reminder',
  description:
    "Email a payment reminder for one issued, unpaid invoice to the client, in the client's language, with the " +
    'outstanding balance, the due date and the invoice PDF attached; firmer at each step of the reminder schedule. ' +
    'Give invoiceId (or invoiceNumber) and, from reminders_list_due, the scheduleDay. Each step is sent once per ' +
    'invoice. Fails for a draft, paid or cancelled invoice, a client without email, a step not reached yet, or ' +
    'while another reminder for the invoice waits for approval (decide that one first).',
  kind: 'write',
  risk: 'external',
  effect: 'adds',
  openWorld: true,
  input,
  output: z.object({
    reminderId: z.string().uuid(),
    invoice: z.object({
      id: z.string().uuid(),
      number: z.string(),
      dueDate: z.string(),
      balance: z.string(),
      currency: z.string(),
    }),
    scheduleDay: z.number().int(),
    daysPastDue: z.number().int(),
    tone: z.enum(['courtesy', 'reminder', 'firm', 'final']),
    email: z.object({ id: z.string().uuid(), to: z.string(), subject: z.string(), language: z.enum(['fr', 'en']) }),
  }),
  async assess(ctx, request) {
    const r = await prepare(ctx, request);
    const { lang } = ctx;
    const balance = moneyFor(lang, r.client.country, r.invoice.currency)(r.balance);
    const dueDate = formatDate(r.invoice.dueDate, localeOf(lang, r.client.country));
    return {
      amount: { cents: r.balance, currency: r.invoice.currency },
      evidence: [
        {
          factor: 'client_email_on_file',
          weight: 0.1,
          detail: reminderEvidence.emailOnFile(lang, r.email, r.client.name),
        },
        {
          factor: 'reminder_step_due',
          weight: 0.2,
          detail: reminderEvidence.stepDue(lang, { step: r.step, days: r.days, dueDate, balance }),
        },
      ],
    };
  },
  async run(ctx, request) {
    // The invoice row lock makes two approvals of the same step queue; the unique (invoice, step) settles them.
    const r = await prepare(ctx, request);
    const lang = r.invoice.language;
    const [reminder] = await ctx.db
      .insert(reminders)
      .values({
        tenantId: ctx.tenantId,
        invoiceId: r.invoice.id,
        scheduleDay: r.step,
        language: lang,
        sentAt: ctx.now,
        outcome: 'queued',
      })
      .onConflictDoNothing()
      .returning({ id: reminders.id });
    if (!reminder) throw conflict(refusals.alreadySent(ctx.lang, r.invoice.number, r.step));
    const tenant = await ctx.tenant();
    const money = moneyFor(lang, r.client.country, r.invoice.currency);
    const message = reminderEmail({
      lang,
      tone: r.tone,
      number: r.invoice.number,
      tenantName: tenant.name,
      balance: money(r.balance),
      total: money(r.invoice.totalCents),
      partlyPaid: r.balance !== r.invoice.totalCents,
      dueDate: formatDate(r.invoice.dueDate, localeOf(lang, r.client.country)),
      daysPastDue: r.days,
    });
    const { attachment } = await keepSentPdf(ctx, await invoicePdf(ctx, r.invoice.id));
    const attachments = [attachment];
    if (request.attachStatement) {
      const statement = await statementOf(ctx, r.client.id, {
        ...statementWindow(isoDay(ctx.now)),
        currency: r.invoice.currency,
      });
      attachments.push((await keepSentPdf(ctx, await statementPdf(ctx, statement))).attachment);
    }
    const [outbox] = await ctx.db
      .insert(outboxEmails)
      .values({
        tenantId: ctx.tenantId,
        to: r.email,
        subject: message.subject,
        text: message.text,
        attachments,
        relatedType: 'reminder',
        relatedId: reminder.id,
      })
      .returning({ id: outboxEmails.id });
    return {
      reminderId: reminder.id,
      invoice: {
        id: r.invoice.id,
        number: r.invoice.number,
        dueDate: r.invoice.dueDate,
        balance: fromMinor(r.balance, r.invoice.currency),
        currency: r.invoice.currency,
      },
      scheduleDay: r.step,
      daysPastDue: r.days,
      tone: r.tone,
      email: { id: outbox!.id, to: r.email, subject: message.subject, language: lang },
    };
  },
  summarize: (out, lang) =>
    lang === 'fr'
      ? `Rappel pour ${out.invoice.number} envoyé à ${out.email.to} (solde ${formatAmount(out.invoice.balance, out.invoice.currency, lang)}, jour ${out.scheduleDay}).`
      : `Reminder for ${out.invoice.number} sent to ${out.email.to} (balance ${formatAmount(out.invoice.balance, out.invoice.currency, lang)}, day ${out.scheduleDay}).`,
});
