/** A person says a bank line's payer is not this client or supplier: the engine stops offering it. Undoable. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { bankTransactions } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { invalid, notFound } from '../errors.ts';
import { learn, openItems } from './reconciliation.ts';
import { bankingTexts } from './texts.ts';

export const rejectMatch = defineTool({
  name: 'banking_reject_match',
  title: 'Reject a reconciliation suggestion',
  description:
    'Refuse a suggested match between a bank line and an invoice or bill: the payer text of the line is ' +
    'learned as NOT being that client or supplier, so the suggestion (and the same payer for that party) ' +
    'is no longer offered. The line stays unmatched. Reversible with undo.',
  kind: 'write',
  risk: 'internal',
  effect: 'ends',
  roles: ['admin', 'manager', 'accountant'],
  input: z.object({
    transactionId: z.string().uuid(),
    targetKind: z.enum(['invoice', 'bill']),
    targetId: z.string().uuid(),
  }),
  output: z.object({ transactionId: z.string().uuid(), partyId: z.string().uuid(), number: z.string() }),
  async run(ctx, req) {
    const say = bankingTexts[ctx.lang];
    const [tx] = await ctx.db.select().from(bankTransactions).where(eq(bankTransactions.id, req.transactionId));
    if (!tx) throw notFound(say.transactionNotFound(req.transactionId), { field: 'transactionId' });
    if (tx.status !== 'unmatched') throw invalid(say.notUnmatched(tx.status), { status: tx.status });
    const open = await openItems(
      ctx.db,
      req.targetKind === 'invoice'
        ? { invoiceIds: [req.targetId], billIds: [] }
        : { invoiceIds: [], billIds: [req.targetId] },
    );
    const target = (req.targetKind === 'invoice' ? open.incoming : open.outgoing).find((i) => i.id === req.targetId);
    if (!target) throw notFound(say.targetNotOpen(req.targetId), { field: 'targetId' });
    await learn(ctx.db, ctx.tenantId, tx, target.partyId, 'rejected', 1, ctx.now);
    return { transactionId: tx.id, partyId: target.partyId, number: target.number };
  },
  async undo(ctx, _req, result) {
    const [tx] = await ctx.db.select().from(bankTransactions).where(eq(bankTransactions.id, result.transactionId));
    if (tx) await learn(ctx.db, ctx.tenantId, tx, result.partyId, 'rejected', -1, ctx.now);
  },
  summarize: (out, lang) => bankingTexts[lang].rejected(out.number),
});
