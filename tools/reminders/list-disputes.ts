/** The invoices clients contest: open disputes (what blocks reminders), or every dispute of one invoice. */
import { desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { invoiceDisputes, invoices } from '../../db/schema/index.ts';
import { tenantJoin } from '../../db/tenant.ts';
import { defineTool } from '../define.ts';
import { Dispute, disputeOut } from './mark-disputed.ts';
import { disputeTexts } from './texts.ts';

export const listDisputes = defineTool({
  name: 'reminders_list_disputes',
  title: 'List disputed invoices',
  description:
    'List the invoices clients contest. Without invoiceId: the open disputes, oldest first (their invoices get ' +
    'no reminder). With invoiceId: every dispute of that invoice, open and resolved, newest first, with the ' +
    'resolution. Resolve one with reminders_resolve_dispute.',
  kind: 'read',
  input: z.object({ invoiceId: z.string().uuid().optional() }),
  output: z.object({ disputes: z.array(Dispute) }),
  async run(ctx, input) {
    const rows = await ctx.db
      .select({ dispute: invoiceDisputes, number: invoices.number })
      .from(invoiceDisputes)
      .innerJoin(invoices, tenantJoin(invoices.id, invoiceDisputes.invoiceId))
      .where(input.invoiceId ? eq(invoiceDisputes.invoiceId, input.invoiceId) : isNull(invoiceDisputes.resolvedAt))
      .orderBy(input.invoiceId ? desc(invoiceDisputes.openedAt) : invoiceDisputes.openedAt)
      .limit(500);
    return { disputes: rows.map((r) => disputeOut(r.dispute, r.number)) };
  },
  summarize: (out, lang) =>
    disputeTexts.listed(
      lang,
      out.disputes.map((d) => d.invoiceNumber),
    ),
});
