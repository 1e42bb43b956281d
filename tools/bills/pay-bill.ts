import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { billPayments, supplierBills } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { conflict, invalid } from '../errors.ts';
import { moneyFor } from '../invoicing/texts.ts';
import { toMinor, DateOf, NonNegativeMoney } from '../money.ts';
import { canMoveBill } from './model.ts';
import { billById, billSummary } from './queries.ts';
import { BillSummary } from './schemas.ts';
import { billRefusals } from './texts.ts';
import { companyToday } from '../dates.ts';

const input = z.object({
  billId: z.string().uuid(),
  amount: NonNegativeMoney.optional().describe('Defaults to the whole balance.'),
  paidOn: DateOf('payment').optional().describe('Defaults to today.'),
  method: z.enum(['interac', 'wire', 'cheque', 'cash', 'card', 'other']).default('wire'),
  reference: z.string().max(100).optional().describe('Cheque number, transfer reference.'),
});

async function checked(ctx: ToolCtx, request: z.output<typeof input>, lock: boolean) {
  const say = billRefusals[ctx.lang];
  const bill = await billById(ctx.db, request.billId, ctx.lang, lock);
  const balance = bill.totalCents - bill.paidCents;
  const amountCents = request.amount === undefined ? balance : toMinor(request.amount, bill.currency);
  if (!canMoveBill(bill.status, 'paid')) {
    throw invalid(
      bill.status === 'draft' || bill.status === 'booked'
        ? say.notApprovedYet(bill.number)
        : say.nothingToPay(bill.number, bill.status),
      { status: bill.status },
    );
  }
  if (amountCents <= 0n) throw invalid(say.paymentNotPositive);
  if (amountCents > balance) {
    // Only on refusal: the amounts are written the way the company reads money.
    const money = moneyFor(ctx.lang, (await ctx.tenant()).country, bill.currency);
    throw invalid(say.overBalance(money(amountCents), bill.number, money(balance)), {
      amount: money(amountCents),
      balance: money(balance),
    });
  }
  return { bill, amountCents, balance };
}

export const payBill = defineTool({
  name: 'bills_pay_bill',
  title: 'Record a payment of a supplier bill',
  description:
    'Record money paid to a supplier against an approved bill: the whole balance by default, or part of it ' +
    '(decimal string). The bill becomes partially_paid or paid. Paying more than the balance is refused.',
  kind: 'write',
  risk: 'money',
  effect: 'adds',
  input,
  output: BillSummary.extend({ paymentId: z.string().uuid() }),
  async assess(ctx, request) {
    const { bill, amountCents } = await checked(ctx, request, false);
    return { amount: { cents: amountCents, currency: bill.currency } };
  },
  async run(ctx, request) {
    const { bill, amountCents, balance } = await checked(ctx, request, true);
    const [payment] = await ctx.db
      .insert(billPayments)
      .values({
        tenantId: ctx.tenantId,
        billId: bill.id,
        amountCents,
        currency: bill.currency,
        method: request.method,
        paidOn: request.paidOn ?? (await companyToday(ctx)),
        reference: request.reference,
        paidBy: ctx.actor.userId,
        createdAt: ctx.now,
      })
      .returning({ id: billPayments.id });
    const status = amountCents === balance ? 'paid' : 'partially_paid';
    const updated = await ctx.db
      .update(supplierBills)
      .set({ paidCents: bill.paidCents + amountCents, status, updatedAt: ctx.now })
      .where(and(eq(supplierBills.id, bill.id), eq(supplierBills.paidCents, bill.paidCents)))
      .returning({ id: supplierBills.id });
    if (!updated.length) throw conflict(billRefusals[ctx.lang].changedMeanwhile(bill.number));
    return { ...(await billSummary(ctx.db, bill.id, ctx.lang)), paymentId: payment!.id };
  },
  summarize: (b, lang) =>
    lang === 'fr'
      ? `Paiement enregistré sur ${b.number} : solde ${b.balance} ${b.currency}.`
      : `Payment recorded on ${b.number}: balance ${b.balance} ${b.currency}.`,
});
