import { z } from 'zod';
import { payments } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { fromMinor, toMinor, formatAmount, DateOf, NonNegativeMoney } from '../money.ts';
import { balanceOf, checkPayment, statusWord } from './model.ts';
import { clientById, invoiceById, invoiceSummary, type InvoiceRow } from './queries.ts';
import { InvoiceSummary, PaymentMethod } from './schemas.ts';
import { applyMoney, assertOpen } from './settle.ts';
import { invoicingEvidence, moneyFor } from './texts.ts';
import { companyToday } from '../dates.ts';

const input = z.object({
  invoiceId: z.string().uuid(),
  amount: NonNegativeMoney.describe('Amount received, a decimal string in the invoice currency, e.g. "500.00".'),
  method: PaymentMethod,
  receivedOn: DateOf('payment').optional().describe('Day the money was received; defaults to today.'),
  reference: z.string().trim().max(200).optional().describe('Cheque number, Interac or wire reference.'),
});

/** The payment checked against the invoice: open, positive, not more than the balance, not in the future. */
async function checked(ctx: ToolCtx, invoice: InvoiceRow, request: z.output<typeof input>) {
  assertOpen(invoice, 'payment', ctx.lang);
  const client = await clientById(ctx.db, invoice.clientId);
  const amountCents = toMinor(request.amount, invoice.currency, ctx.lang);
  const money = moneyFor(ctx.lang, client.country, invoice.currency);
  checkPayment(amountCents, balanceOf(invoice), invoice.number, ctx.lang, money);
  const today = await companyToday(ctx);
  const receivedOn = request.receivedOn ?? today;
  if (receivedOn > today) {
    throw invalid(
      ctx.lang === 'fr'
        ? `Un paiement ne peut pas être reçu dans le futur (${receivedOn}).`
        : `A payment cannot be received in the future (${receivedOn}).`,
    );
  }
  return { amountCents, receivedOn, money };
}

export const recordPayment = defineTool({
  name: 'invoicing_record_payment',
  title: 'Record a payment received',
  description:
    'Record money received for a sent invoice: amount as a decimal string in the invoice currency, method ' +
    '(interac, wire, cheque, cash, card, other), the day received and a reference. Partial payments are ' +
    'fine; the invoice becomes partially_paid, or paid when nothing is left. A payment larger than the ' +
    'balance is refused: check the amount or the invoice.',
  kind: 'write',
  risk: 'money',
  effect: 'adds',
  input,
  output: z.object({
    payment: z.object({
      id: z.string().uuid(),
      amount: z.string(),
      method: PaymentMethod,
      receivedOn: z.string(),
      reference: z.string().nullable(),
    }),
    invoice: InvoiceSummary,
  }),
  async assess(ctx, request) {
    const invoice = await invoiceById(ctx.db, request.invoiceId, false, ctx.lang);
    const { amountCents, money } = await checked(ctx, invoice, request);
    const balance = balanceOf(invoice);
    const say = invoicingEvidence[ctx.lang];
    return {
      amount: { cents: amountCents, currency: invoice.currency },
      evidence: [
        amountCents === balance
          ? { factor: 'amount_matches_balance', weight: 0.2, detail: say.amountMatchesBalance(invoice.number) }
          : {
              factor: 'partial_payment',
              weight: 0,
              detail: say.partialPayment(money(balance - amountCents), invoice.number),
            },
      ],
    };
  },
  async run(ctx, request) {
    // The row lock queues concurrent payments on one invoice, so two cannot both fit the same balance.
    const invoice = await invoiceById(ctx.db, request.invoiceId, true, ctx.lang);
    const { amountCents, receivedOn } = await checked(ctx, invoice, request);
    const [payment] = await ctx.db
      .insert(payments)
      .values({
        tenantId: ctx.tenantId,
        invoiceId: invoice.id,
        amountCents,
        currency: invoice.currency,
        method: request.method,
        receivedOn,
        reference: request.reference ?? null,
      })
      .returning();
    await applyMoney(ctx.db, invoice, { paidCents: amountCents }, ctx.now, ctx.lang);
    return {
      payment: {
        id: payment!.id,
        amount: fromMinor(amountCents, invoice.currency),
        method: payment!.method,
        receivedOn: payment!.receivedOn,
        reference: payment!.reference,
      },
      invoice: await invoiceSummary(ctx.db, invoice.id),
    };
  },
  summarize: (out, lang) =>
    lang === 'fr'
      ? `Paiement de ${formatAmount(out.payment.amount, out.invoice.currency, lang)} enregistré sur ${out.invoice.number} : solde ${formatAmount(out.invoice.balance, out.invoice.currency, lang)}, ${statusWord(out.invoice.status, lang)}.`
      : `Payment of ${formatAmount(out.payment.amount, out.invoice.currency, lang)} recorded on ${out.invoice.number}: balance ${formatAmount(out.invoice.balance, out.invoice.currency, lang)}, ${statusWord(out.invoice.status, lang)}.`,
});
