import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { invoiceItems, invoices } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { formatAmount, DateOf } from '../money.ts';
import { taxLinesOf } from '../totals.ts';
import { dueDateFor } from './model.ts';
import { assertPositive, insertItems, lineOfItem, linesIn, priceFor } from './pricing.ts';
import { clientById, invoiceById, invoiceSummary, itemsOf, type InvoiceRow } from './queries.ts';
import { InvoiceLineInput, InvoiceSummary } from './schemas.ts';

const input = z.object({
  invoiceId: z.string().uuid(),
  lines: z.array(InvoiceLineInput).min(1).max(200).optional().describe('The new lines, replacing all current ones.'),
  issueDate: DateOf('document')
    .optional()
    .describe('A new invoice date in the same year (the number carries the year).'),
  notes: z.string().trim().max(2000).nullable().optional().describe('New notes; null removes them.'),
});

/** The draft re-priced with its client's current place, language and terms, as if created now. */
async function repriced(ctx: ToolCtx, invoice: InvoiceRow, request: z.output<typeof input>) {
  if (invoice.kind !== 'invoice' || invoice.status !== 'draft') {
    throw invalid(
      ctx.lang === 'fr'
        ? `${invoice.number} n'est pas un brouillon : une facture envoyée ne se modifie plus, émettez une note de crédit (invoicing_create_credit_note).`
        : `${invoice.number} is not a draft: a sent invoice is not changed, issue a credit note instead (invoicing_create_credit_note).`,
    );
  }
  if (request.lines === undefined && request.issueDate === undefined && request.notes === undefined) {
    throw invalid(
      ctx.lang === 'fr'
        ? 'Rien à modifier : donnez des lignes, une date ou des notes.'
        : 'Nothing to change: give lines, a date or notes.',
    );
  }
  const issueDate = request.issueDate ?? invoice.issueDate;
  if (issueDate.slice(0, 4) !== invoice.issueDate.slice(0, 4)) {
    throw invalid(
      ctx.lang === 'fr'
        ? `${invoice.number} est numérotée en ${invoice.issueDate.slice(0, 4)} : pour une autre année, annulez-la et créez une nouvelle facture.`
        : `${invoice.number} is numbered in ${invoice.issueDate.slice(0, 4)}: for another year, cancel it and create a new invoice.`,
    );
  }
  const client = await clientById(ctx.db, invoice.clientId);
  const lines = request.lines
    ? linesIn(client, request.lines, ctx.lang)
    : (await itemsOf(ctx.db, invoice.id)).map((item) => lineOfItem(item, client.country));
  const priced = priceFor(client, lines, issueDate, ctx.lang);
  assertPositive(priced, client, ctx.lang);
  return { client, issueDate, priced };
}

export const updateDraft = defineTool({
  name: 'invoicing_update_draft',
  title: 'Change a draft invoice',
  description:
    'Change a draft invoice before it is sent: replace its lines (written as for invoicing_create_invoice), ' +
    'its date (same year) or its notes. Taxes, due date, language and currency are worked out again from the ' +
    'client as it is now. The number stays. A sent invoice cannot be changed: issue a credit note.',
  kind: 'write',
  risk: 'draft',
  effect: 'sets',
  input,
  output: InvoiceSummary,
  async assess(ctx, request) {
    const invoice = await invoiceById(ctx.db, request.invoiceId, false, ctx.lang);
    const { priced } = await repriced(ctx, invoice, request);
    return { amount: { cents: priced.breakdown.total, currency: priced.currency } };
  },
  async run(ctx, request) {
    const invoice = await invoiceById(ctx.db, request.invoiceId, true, ctx.lang);
    const { client, issueDate, priced } = await repriced(ctx, invoice, request);
    await ctx.db
      .update(invoices)
      .set({
        issueDate,
        dueDate: dueDateFor(issueDate, client.paymentTermsDays),
        currency: priced.currency,
        language: client.language,
        placeOfSupply: priced.placeOfSupply,
        subtotalCents: priced.breakdown.subtotal,
        taxCents: priced.breakdown.totalTax,
        totalCents: priced.breakdown.total,
        taxBreakdown: taxLinesOf(priced.breakdown),
        ...(request.notes !== undefined ? { notes: request.notes } : {}),
        updatedAt: ctx.now,
      })
      .where(eq(invoices.id, invoice.id));
    await ctx.db.delete(invoiceItems).where(eq(invoiceItems.invoiceId, invoice.id));
    await insertItems(ctx.db, ctx.tenantId, invoice.id, priced);
    return invoiceSummary(ctx.db, invoice.id);
  },
  summarize: (i, lang) =>
    lang === 'fr'
      ? `Brouillon ${i.number} modifié : total ${formatAmount(i.total, i.currency, lang)}.`
      : `Draft ${i.number} updated: total ${formatAmount(i.total, i.currency, lang)}.`,
});
