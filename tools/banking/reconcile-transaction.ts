/**
 * Reconciles a bank transaction with the invoice or bill it pays: the payment is recorded by the
 * invoicing and bills tools themselves (same checks, same status changes), then the match is kept.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { bankMatches, bankTransactions } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid, notFound } from '../errors.ts';
import { payBill } from '../bills/pay-bill.ts';
import { recordPayment } from '../invoicing/record-payment.ts';
import { fromMinor, Money, toMinor } from '../money.ts';
import { openTargets, weigh } from './matching.ts';
import { bankingTexts } from './texts.ts';

const input = z.object({
  transactionId: z.string().uuid(),
  targetKind: z.enum(['invoice', 'bill']).describe('invoice for money in, bill for money out.'),
  targetId: z.string().uuid().describe('The invoice or bill id, as banking_suggest_matches gives it.'),
  amount: Money.optional().describe('Part of the transaction to apply; defaults to the whole transaction amount.'),
});
type Request = z.output<typeof input>;

async function transactionOf(ctx: ToolCtx, id: string, lock: boolean) {
  const query = ctx.db.select().from(bankTransactions).where(eq(bankTransactions.id, id));
  const [tx] = lock ? await query.for('update') : await query;
  const say = bankingTexts[ctx.lang];
  if (!tx) throw notFound(say.transactionNotFound(id));
  if (tx.status !== 'unmatched') throw invalid(say.notUnmatched(tx.status), { status: tx.status });
  return tx;
}

/** The checked request: the transaction, the payment input for the invoicing or bills tool, the evidence. */
async function checked(ctx: ToolCtx, req: Request, lock: boolean) {
  const say = bankingTexts[ctx.lang];
  const tx = await transactionOf(ctx, req.transactionId, lock);
  if ((req.targetKind === 'invoice') !== tx.amountCents > 0n) throw invalid(say.wrongDirection(req.targetKind));
  const [target] = await openTargets(ctx, tx.amountCents > 0n ? 'in' : 'out', req.targetId);
  if (target && target.currency !== tx.currency) throw invalid(say.currencyMismatch(tx.currency, target.currency));
  const whole = tx.amountCents < 0n ? -tx.amountCents : tx.amountCents;
  const amount = fromMinor(req.amount === undefined ? whole : toMinor(req.amount, tx.currency), tx.currency);
  const reference = [tx.reference, tx.description].filter(Boolean).join(' · ').slice(0, 100) || undefined;
  const evidence = target ? (weigh(tx, target, ctx.lang)?.evidence ?? []) : [];
  const payment =
    req.targetKind === 'invoice'
      ? ({
          tool: recordPayment,
          input: recordPayment.input.parse({
            invoiceId: req.targetId,
            amount,
            method: 'other',
            receivedOn: tx.bookedOn,
            reference,
          }),
        } as const)
      : ({
          tool: payBill,
          input: payBill.input.parse({ billId: req.targetId, amount, paidOn: tx.bookedOn, method: 'other', reference }),
        } as const);
  return { tx, payment, evidence, score: evidence.reduce((s, e) => s + e.weight, 0) };
}

export const reconcileTransaction = defineTool({
  name: 'banking_reconcile_transaction',
  title: 'Reconcile a bank transaction',
  description:
    'Record that a bank transaction pays an open client invoice (money in) or an approved supplier bill ' +
    '(money out): the payment is recorded on the invoice or bill, which becomes partially_paid or paid, and ' +
    'the transaction is marked matched. The amount defaults to the whole transaction; more than the balance ' +
    'is refused. Find candidates with banking_suggest_matches first.',
  kind: 'write',
  risk: 'money',
  effect: 'sets',
  roles: ['admin', 'manager', 'accountant'],
  input,
  output: z.object({
    transactionId: z.string().uuid(),
    status: z.literal('matched'),
    matchId: z.string().uuid(),
    targetKind: z.enum(['invoice', 'bill']),
    number: z.string(),
    amount: z.string(),
    currency: z.string(),
    balance: z.string(),
    targetStatus: z.string(),
  }),
  async assess(ctx, req) {
    const { payment, evidence } = await checked(ctx, req, false);
    // The invoicing or bills tool checks the payment itself (open, not over the balance).
    const inner =
      payment.tool === recordPayment
        ? await recordPayment.assess!(ctx, payment.input as never)
        : await payBill.assess!(ctx, payment.input as never);
    return { amount: inner.amount, evidence: [...evidence, ...(inner.evidence ?? [])] };
  },
  async run(ctx, req) {
    const { tx, payment, score } = await checked(ctx, req, true);
    let settled: { number: string; balance: string; status: string; currency: string; amountCents: bigint };
    if (payment.tool === recordPayment) {
      const out = await recordPayment.run(ctx, payment.input as z.output<typeof recordPayment.input>);
      settled = {
        number: out.invoice.number,
        balance: out.invoice.balance,
        status: out.invoice.status,
        currency: out.invoice.currency,
        amountCents: toMinor(out.payment.amount, out.invoice.currency),
      };
    } else {
      const out = await payBill.run(ctx, payment.input as z.output<typeof payBill.input>);
      settled = {
        number: out.number,
        balance: out.balance,
        status: out.status,
        currency: out.currency,
        amountCents: toMinor(payment.input.amount!, out.currency),
      };
    }
    const [match] = await ctx.db
      .insert(bankMatches)
      .values({
        tenantId: ctx.tenantId,
        transactionId: tx.id,
        targetKind: req.targetKind,
        targetId: req.targetId,
        amountCents: settled.amountCents,
        score: Math.max(0, Math.min(1, score)),
        // The action that made the match: its audit trail says who asked, who approved, and why.
        actionId: ctx.actionId ?? null,
      })
      .returning({ id: bankMatches.id });
    await ctx.db.update(bankTransactions).set({ status: 'matched' }).where(eq(bankTransactions.id, tx.id));
    return {
      transactionId: tx.id,
      status: 'matched' as const,
      matchId: match!.id,
      targetKind: req.targetKind,
      number: settled.number,
      amount: fromMinor(settled.amountCents, settled.currency),
      currency: settled.currency,
      balance: settled.balance,
      targetStatus: settled.status,
    };
  },
  summarize: (out, lang) => bankingTexts[lang].reconciled(out.number),
});
