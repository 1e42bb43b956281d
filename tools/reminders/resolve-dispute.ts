/** A person settles a client's dispute: the resolution is kept with who and when, and reminders resume. */
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { invoiceDisputes } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { conflict } from '../errors.ts';
import { Dispute, disputeOut, invoiceToDispute } from './mark-disputed.ts';
import { openDispute } from './queries.ts';
import { disputeTexts } from './texts.ts';

export const resolveDispute = defineTool({
  name: 'reminders_resolve_dispute',
  title: "Resolve a client's dispute",
  description:
    'Close the open dispute of an invoice with what was decided (e.g. "credit note issued", "client agreed the ' +
    'amount is right"): reminders resume on the schedule. Give invoiceId (or invoiceNumber) and the resolution. ' +
    'The dispute and its resolution stay in the invoice history. Fails when the invoice has no open dispute.',
  kind: 'write',
  effect: 'sets',
  risk: 'internal',
  roles: ['admin', 'manager', 'accountant'],
  input: z.object({
    invoiceId: z.string().uuid().optional(),
    invoiceNumber: z.string().min(1).optional(),
    resolution: z.string().trim().min(3).max(2000).describe('What was decided.'),
  }),
  output: z.object({ dispute: Dispute }),
  async assess(ctx, request) {
    const invoice = await invoiceToDispute(ctx, request);
    if (!(await openDispute(ctx.db, invoice.id))) throw conflict(disputeTexts.noneOpen(ctx.lang, invoice.number));
    return {};
  },
  async run(ctx, request) {
    const invoice = await invoiceToDispute(ctx, request);
    const [row] = await ctx.db
      .update(invoiceDisputes)
      .set({ resolvedAt: ctx.now, resolvedBy: ctx.actor.userId, resolution: request.resolution })
      .where(and(eq(invoiceDisputes.invoiceId, invoice.id), isNull(invoiceDisputes.resolvedAt)))
      .returning();
    if (!row) throw conflict(disputeTexts.noneOpen(ctx.lang, invoice.number));
    return { dispute: disputeOut(row, invoice.number) };
  },
  summarize: (out, lang) => disputeTexts.resolved(lang, out.dispute.invoiceNumber),
});
