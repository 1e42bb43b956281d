import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { supplierBills } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { conflict, invalid } from '../errors.ts';
import type { MatchResult } from '../purchasing/three-way-match.ts';
import { canMoveBill } from './model.ts';
import { billById, billSummary } from './queries.ts';
import { BillSummary } from './schemas.ts';
import { billRefusals, DIFFERENCE_WORDS } from './texts.ts';

const input = z.object({
  billId: z.string().uuid(),
  acceptMismatch: z
    .boolean()
    .default(false)
    .describe('Approve although the three-way match found differences; say why in note.'),
  note: z.string().max(1000).optional(),
});

async function checked(ctx: ToolCtx, request: z.output<typeof input>, lock: boolean) {
  const say = billRefusals[ctx.lang];
  const bill = await billById(ctx.db, request.billId, ctx.lang, lock);
  if (!canMoveBill(bill.status, 'approved'))
    throw invalid(say.notApprovable(bill.number, bill.status), { status: bill.status });
  const match = bill.matchResult as MatchResult | null;
  if (match?.status === 'mismatch' && !(request.acceptMismatch && request.note)) {
    throw invalid(
      say.mismatch(
        bill.number,
        [...new Set(match.differences.map((d) => DIFFERENCE_WORDS[d.kind][ctx.lang]))].join(', '),
      ),
      { differences: match.differences },
    );
  }
  return bill;
}

export const approveBill = defineTool({
  name: 'bills_approve_bill',
  title: 'Approve a supplier bill for payment',
  description:
    'Approve a draft supplier bill: the company agrees it owes the amount. Follows the purchase approval ' +
    'levels by amount. A bill whose three-way match failed needs acceptMismatch: true and a note.',
  kind: 'write',
  risk: 'money',
  effect: 'sets',
  approvalLevels: true,
  input,
  output: BillSummary,
  async assess(ctx, request) {
    const bill = await checked(ctx, request, false);
    return { amount: { cents: bill.totalCents, currency: bill.currency } };
  },
  async run(ctx, request) {
    const bill = await checked(ctx, request, true);
    const note = request.note ? [bill.notes, `Approval: ${request.note}`].filter(Boolean).join('\n') : bill.notes;
    const updated = await ctx.db
      .update(supplierBills)
      .set({ status: 'approved', approvedBy: ctx.actor.userId, approvedAt: ctx.now, notes: note, updatedAt: ctx.now })
      .where(and(eq(supplierBills.id, bill.id), eq(supplierBills.status, bill.status)))
      .returning({ id: supplierBills.id });
    if (!updated.length) throw conflict(billRefusals[ctx.lang].changedMeanwhile(bill.number));
    return billSummary(ctx.db, bill.id, ctx.lang);
  },
  summarize: (b, lang) =>
    lang === 'fr'
      ? `Facture ${b.number} approuvée (${b.total} ${b.currency}).`
      : `Bill ${b.number} approved (${b.total} ${b.currency}).`,
});
