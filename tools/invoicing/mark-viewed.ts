import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { invoices } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { assertMove, type InvoiceStatus } from './model.ts';
import { invoiceById, invoiceSummary } from './queries.ts';
import { InvoiceSummary } from './schemas.ts';

export const markViewed = defineTool({
  name: 'invoicing_mark_viewed',
  title: 'Record that the client viewed an invoice',
  description:
    'Record that the client opened or acknowledged a sent invoice (status "viewed"), e.g. after they replied ' +
    'about it. Only a sent invoice can become viewed.',
  kind: 'write',
  risk: 'internal',
  effect: 'sets',
  input: z.object({ invoiceId: z.string().uuid() }),
  output: InvoiceSummary,
  async assess(ctx, request) {
    const invoice = await invoiceById(ctx.db, request.invoiceId, false, ctx.lang);
    assertMove(invoice.number, invoice.status as InvoiceStatus, 'viewed', ctx.lang);
    return {};
  },
  async run(ctx, request) {
    const invoice = await invoiceById(ctx.db, request.invoiceId, true, ctx.lang);
    assertMove(invoice.number, invoice.status as InvoiceStatus, 'viewed', ctx.lang);
    await ctx.db
      .update(invoices)
      .set({ status: 'viewed', viewedAt: ctx.now, updatedAt: ctx.now })
      .where(eq(invoices.id, invoice.id));
    return invoiceSummary(ctx.db, invoice.id);
  },
  summarize: (i, lang) =>
    lang === 'fr' ? `Facture ${i.number} marquée consultée.` : `Invoice ${i.number} marked as viewed.`,
});
