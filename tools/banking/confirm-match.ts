/**
 * Confirms what a bank line pays: one invoice or bill, or several (a split), each payment recorded by
 * the invoicing or bills tools themselves, the match kept with the action that made it, and the payer
 * learned as that client or supplier. Undo takes the payments back out: balances and statuses return.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  bankMatches,
  bankTransactions,
  billPayments,
  invoices,
  payments,
  supplierBills,
} from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid, notFound } from '../errors.ts';
import { payBill } from '../bills/pay-bill.ts';
import { recordPayment } from '../invoicing/record-payment.ts';
import { settledStatus } from '../invoicing/model.ts';
import { fromMinor, Money, toMinor } from '../money.ts';
import { openItems, learn } from './reconciliation.ts';
import { bankingTexts } from './texts.ts';
import type { OpenItem } from './engine/index-open.ts';
import { companyToday } from '../dates.ts';

const Target = z.object({
  kind: z.enum(['invoice', 'bill']).describe('invoice for money in, bill for money out.'),
  id: z.string().uuid(),
  amount: Money.optional().describe(
    'Part of the line applied to this document; default: what it still owes, in order.',
  ),
});

const input = z.object({
  transactionId: z.string().uuid(),
  targets: z.array(Target).min(1).max(20).describe('The documents the line pays; several for a split.'),
  writeOffFee: z
    .boolean()
    .default(false)
    .describe(
      'A payment short of an invoice by at most the company’s bank fee tolerance: record the difference as a ' +
        'bank fee withheld, so the invoice is settled, instead of leaving it open.',
    ),
});
type Request = z.output<typeof input>;

interface Plan {
  tx: typeof bankTransactions.$inferSelect;
  parts: { target: OpenItem; cents: bigint; feeCents: bigint }[];
  unappliedCents: bigint;
}

async function plan(ctx: ToolCtx, req: Request, lock: boolean): Promise<Plan> {
  const say = bankingTexts[ctx.lang];
  const query = ctx.db.select().from(bankTransactions).where(eq(bankTransactions.id, req.transactionId));
  const [tx] = lock ? await query.for('update') : await query;
  if (!tx) throw notFound(say.transactionNotFound(req.transactionId));
  if (tx.status !== 'unmatched') throw invalid(say.notUnmatched(tx.status), { status: tx.status });
  const incoming = tx.amountCents > 0n;
  const open = await openItems(ctx.db, {
    invoiceIds: req.targets.filter((t) => t.kind === 'invoice').map((t) => t.id),
    billIds: req.targets.filter((t) => t.kind === 'bill').map((t) => t.id),
  });
  const byId = new Map((incoming ? open.incoming : open.outgoing).map((i) => [i.id, i]));
  const ids = new Set<string>();
  let left = incoming ? tx.amountCents : -tx.amountCents;
  const parts: Plan['parts'] = [];
  for (const [i, t] of req.targets.entries()) {
    if ((t.kind === 'invoice') !== incoming) throw invalid(say.wrongDirection(t.kind), { field: `targets.${i}.kind` });
    if (ids.has(t.id)) throw invalid(say.targetTwice(t.id), { field: `targets.${i}.id` });
    ids.add(t.id);
    const target = byId.get(t.id);
    if (!target) throw notFound(say.targetNotOpen(t.id), { field: `targets.${i}.id` });
    if (target.currency !== tx.currency)
      throw invalid(say.currencyMismatch(tx.currency, target.currency), { field: `targets.${i}.id` });
    const balance = BigInt(target.balanceCents);
    const cents = t.amount === undefined ? (left < balance ? left : balance) : toMinor(t.amount, tx.currency);
    if (cents <= 0n || cents > balance)
      throw invalid(say.partOutOfRange(target.number, fromMinor(balance, target.currency)), {
        field: `targets.${i}.amount`,
      });
    if (cents > left)
      throw invalid(say.splitTooLarge(fromMinor(incoming ? tx.amountCents : -tx.amountCents, tx.currency)), {
        field: `targets.${i}.amount`,
      });
    left -= cents;
    parts.push({ target, cents, feeCents: 0n });
  }
  if (req.writeOffFee) {
    // Only an invoice left short once the whole line is applied, by no more than the tolerance.
    const tolerance = (await ctx.tenant()).bankFeeToleranceCents;
    const short = parts.filter((p) => p.target.kind === 'invoice' && BigInt(p.target.balanceCents) > p.cents);
    const gap = (p: Plan['parts'][number]) => BigInt(p.target.balanceCents) - p.cents;
    if (left !== 0n || short.length !== 1 || gap(short[0]!) > tolerance)
      throw invalid(say.noFeeToWriteOff(fromMinor(tolerance, tx.currency)), { field: 'writeOffFee' });
    short[0]!.feeCents = gap(short[0]!);
  }
  return { tx, parts, unappliedCents: left };
}

const MatchOut = z.object({
  matchId: z.string().uuid(),
  targetKind: z.enum(['invoice', 'bill']),
  targetId: z.string().uuid(),
  number: z.string(),
  amount: z.string(),
  paymentId: z.string().uuid(),
  /** The bank fee written off on this invoice, recorded as its own settlement; "0.00" when none. */
  fee: z.string().default('0.00'),
  feePaymentId: z.string().uuid().nullable().default(null),
  balance: z.string(),
  status: z.string(),
});

export const confirmMatch = defineTool({
  name: 'banking_confirm_match',
  title: 'Confirm a reconciliation match',
  description:
    'Record that a bank line pays one or several open documents: client invoices for money in, approved ' +
    'supplier bills for money out. Each target gets a payment (amount optional: by default what it still owes, ' +
    'in the order given, until the line is used up); the line becomes matched and the payer is learned as that ' +
    'client or supplier. What is left of the line (an over-payment) is returned as "unapplied". Candidates and ' +
    'their evidence come from banking_list_reconciliation; undo restores the balances.',
  kind: 'write',
  risk: 'money',
  effect: 'sets',
  roles: ['admin', 'manager', 'accountant'],
  input,
  output: z.object({
    transactionId: z.string().uuid(),
    status: z.literal('matched'),
    currency: z.string(),
    matches: z.array(MatchOut),
    unapplied: z.string(),
  }),
  async assess(ctx, req) {
    // Read under the locks run needs: when the door runs it at once (same transaction), it reuses this plan.
    const p = await plan(ctx, req, true);
    const total = p.parts.reduce((s, x) => s + x.cents, 0n);
    return { amount: { cents: total, currency: p.tx.currency }, prepared: p };
  },
  async run(ctx, req, prepared?: Plan) {
    const p = prepared ?? (await plan(ctx, req, true));
    const reference = [p.tx.reference, p.tx.description].filter(Boolean).join(' · ').slice(0, 100) || undefined;
    const matches: z.output<typeof MatchOut>[] = [];
    for (const { target, cents, feeCents } of p.parts) {
      const amount = fromMinor(cents, target.currency);
      let paymentId: string;
      let feePaymentId: string | null = null;
      let balance: string;
      let status: string;
      if (target.kind === 'invoice') {
        const out = await recordPayment.run(
          ctx,
          recordPayment.input.parse({
            invoiceId: target.id,
            amount,
            method: 'other',
            receivedOn: p.tx.bookedOn,
            reference,
          }),
        );
        ({ id: paymentId } = out.payment);
        ({ balance, status } = out.invoice);
        if (feeCents > 0n) {
          // The client paid in full; the bank kept a fee on the way: that part settles the invoice too.
          const fee = await recordPayment.run(
            ctx,
            recordPayment.input.parse({
              invoiceId: target.id,
              amount: fromMinor(feeCents, target.currency),
              method: 'other',
              receivedOn: p.tx.bookedOn,
              reference: bankingTexts[ctx.lang].feeReference(p.tx.reference ?? p.tx.description).slice(0, 200),
            }),
          );
          feePaymentId = fee.payment.id;
          ({ balance, status } = fee.invoice);
        }
      } else {
        const out = await payBill.run(
          ctx,
          payBill.input.parse({ billId: target.id, amount, paidOn: p.tx.bookedOn, method: 'other', reference }),
        );
        ({ paymentId, balance, status } = out);
      }
      const [match] = await ctx.db
        .insert(bankMatches)
        .values({
          tenantId: ctx.tenantId,
          transactionId: p.tx.id,
          targetKind: target.kind,
          targetId: target.id,
          amountCents: cents,
          score: 1,
          actionId: ctx.actionId ?? null,
        })
        .returning({ id: bankMatches.id });
      matches.push({
        matchId: match!.id,
        targetKind: target.kind,
        targetId: target.id,
        number: target.number,
        amount,
        paymentId,
        fee: fromMinor(feeCents, target.currency),
        feePaymentId,
        balance,
        status,
      });
    }
    await ctx.db.update(bankTransactions).set({ status: 'matched' }).where(eq(bankTransactions.id, p.tx.id));
    for (const partyId of new Set(p.parts.map((x) => x.target.partyId)))
      await learn(ctx.db, ctx.tenantId, p.tx, partyId, 'confirmed', 1, ctx.now);
    return {
      transactionId: p.tx.id,
      status: 'matched' as const,
      currency: p.tx.currency,
      matches,
      unapplied: fromMinor(p.unappliedCents, p.tx.currency),
    };
  },
  async undo(ctx, _req, result) {
    const [tx] = await ctx.db
      .select()
      .from(bankTransactions)
      .where(eq(bankTransactions.id, result.transactionId))
      .for('update');
    if (!tx) return;
    const parties = new Set<string>();
    for (const m of result.matches) {
      const cents = toMinor(m.amount, result.currency) + toMinor(m.fee ?? '0', result.currency);
      if (m.targetKind === 'invoice') {
        await ctx.db.delete(payments).where(eq(payments.id, m.paymentId));
        if (m.feePaymentId) await ctx.db.delete(payments).where(eq(payments.id, m.feePaymentId));
        const [inv] = await ctx.db.select().from(invoices).where(eq(invoices.id, m.targetId)).for('update');
        if (!inv) continue;
        parties.add(inv.clientId);
        const paidCents = inv.paidCents - cents;
        const status = settledStatus({
          totalCents: inv.totalCents,
          paidCents,
          creditedCents: inv.creditedCents,
          dueDate: inv.dueDate,
          viewed: inv.viewedAt !== null,
          today: await companyToday(ctx),
        });
        await ctx.db.update(invoices).set({ paidCents, status, updatedAt: ctx.now }).where(eq(invoices.id, inv.id));
      } else {
        await ctx.db.delete(billPayments).where(eq(billPayments.id, m.paymentId));
        const [bill] = await ctx.db.select().from(supplierBills).where(eq(supplierBills.id, m.targetId)).for('update');
        if (!bill) continue;
        parties.add(bill.supplierId);
        const paidCents = bill.paidCents - cents;
        await ctx.db
          .update(supplierBills)
          .set({ paidCents, status: paidCents > 0n ? 'partially_paid' : 'approved', updatedAt: ctx.now })
          .where(eq(supplierBills.id, bill.id));
      }
    }
    await ctx.db.delete(bankMatches).where(
      and(
        eq(bankMatches.transactionId, tx.id),
        inArray(
          bankMatches.id,
          result.matches.map((m) => m.matchId),
        ),
      ),
    );
    await ctx.db.update(bankTransactions).set({ status: 'unmatched' }).where(eq(bankTransactions.id, tx.id));
    for (const partyId of parties) await learn(ctx.db, ctx.tenantId, tx, partyId, 'confirmed', -1, ctx.now);
  },
  summarize: (out, lang) => bankingTexts[lang].confirmed(out.matches.map((m) => m.number)),
});
