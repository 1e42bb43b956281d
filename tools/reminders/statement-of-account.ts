import { z } from 'zod';
import { AGING_BUCKETS } from '../analytics/model.ts';
import { defineTool } from '../define.ts';
import { DateOf, formatAmount, fromMinor } from '../money.ts';
import { isoDay } from './due.ts';
import { statementOf, statementPdf, statementWindow } from './statement.ts';

export const statementOfAccount = defineTool({
  name: 'reminders_statement_of_account',
  title: 'Statement of account for a client',
  description:
    "A client's statement of account as of a date (default today): open invoices with their balance and days " +
    'overdue, payments received since `since` (default the last 90 days), the balance due and its aging (not yet ' +
    "due, 1-30, 31-60, 61-90, over 90 days), in the client's currency (or `currency`). Amounts are decimal " +
    "strings. Returns the PDF in the client's language (base64). To send it with a reminder, use " +
    'reminders_send_reminder with attachStatement: true.',
  kind: 'read',
  input: z.object({
    clientId: z.string().uuid(),
    asOf: DateOf('report').optional(),
    since: DateOf('report').optional(),
    currency: z.string().length(3).optional(),
  }),
  output: z.object({
    client: z.object({ id: z.string().uuid(), name: z.string(), language: z.enum(['fr', 'en']) }),
    currency: z.string(),
    asOf: z.string(),
    since: z.string(),
    openInvoices: z.array(
      z.object({
        invoiceId: z.string().uuid(),
        number: z.string(),
        issueDate: z.string(),
        dueDate: z.string(),
        total: z.string(),
        balance: z.string(),
        daysPastDue: z.number().int(),
      }),
    ),
    payments: z.array(
      z.object({
        receivedOn: z.string(),
        invoiceNumber: z.string(),
        amount: z.string(),
        reference: z.string().nullable(),
      }),
    ),
    balance: z.string(),
    aging: z.object(
      Object.fromEntries(AGING_BUCKETS.map((b) => [b, z.string()])) as Record<
        (typeof AGING_BUCKETS)[number],
        z.ZodString
      >,
    ),
    pdf: z.object({
      filename: z.string(),
      contentType: z.literal('application/pdf'),
      sizeBytes: z.number().int(),
      base64: z.string(),
    }),
  }),
  async run(ctx, input) {
    const s = await statementOf(ctx, input.clientId, {
      ...statementWindow(input.asOf ?? isoDay(ctx.now), input.since),
      currency: input.currency?.toUpperCase(),
    });
    const pdf = await statementPdf(ctx, s);
    const money = (cents: bigint) => fromMinor(cents, s.currency);
    return {
      client: { id: s.client.id, name: s.client.name, language: s.client.language },
      currency: s.currency,
      asOf: s.asOf,
      since: s.since,
      openInvoices: s.open.map((l) => ({
        invoiceId: l.id,
        number: l.number,
        issueDate: l.issueDate,
        dueDate: l.dueDate,
        total: money(l.totalCents),
        balance: money(l.balanceCents),
        daysPastDue: l.daysPastDue,
      })),
      payments: s.payments.map((p) => ({
        receivedOn: p.receivedOn,
        invoiceNumber: p.invoiceNumber,
        amount: money(p.amountCents),
        reference: p.reference,
      })),
      balance: money(s.balanceCents),
      aging: Object.fromEntries(AGING_BUCKETS.map((b) => [b, money(s.aging[b])])) as Record<
        (typeof AGING_BUCKETS)[number],
        string
      >,
      pdf: {
        filename: pdf.filename,
        contentType: pdf.contentType,
        sizeBytes: pdf.bytes.length,
        base64: pdf.bytes.toString('base64'),
      },
    };
  },
  summarize: (out, lang) =>
    lang === 'fr'
      ? `Relevé de ${out.client.name} au ${out.asOf} : ${out.openInvoices.length} facture(s) ouverte(s), solde dû ${formatAmount(out.balance, out.currency, lang)}.`
      : `Statement for ${out.client.name} as of ${out.asOf}: ${out.openInvoices.length} open invoice(s), balance due ${formatAmount(out.balance, out.currency, lang)}.`,
});
