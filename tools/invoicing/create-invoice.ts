import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { invoices } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { formatAmount, DateOf } from '../money.ts';
import { creditEvidence } from './evidence.ts';
import { assertMove, dueDateFor } from './model.ts';
import { assertPositive, insertInvoice, linesIn, priceFor } from './pricing.ts';
import { clientById, invoiceById, invoiceSummary } from './queries.ts';
import { InvoiceLineInput, InvoiceSummary } from './schemas.ts';
import { invoicingEvidence } from './texts.ts';
import { companyToday } from '../dates.ts';

const input = z.object({
  clientId: z.string().uuid(),
  lines: z.array(InvoiceLineInput).min(1).max(200),
  issueDate: DateOf('document')
    .optional()
    .describe('Invoice date; defaults to today. Taxes are those in force that day.'),
  notes: z.string().trim().max(2000).optional().describe('Printed on the invoice, e.g. payment instructions.'),
});

/** The request priced for its client, refused if it would not be an invoice (nothing to collect). */
async function priced(ctx: ToolCtx, request: z.output<typeof input>) {
  const client = await clientById(ctx.db, request.clientId, ctx.lang);
  const issueDate = request.issueDate ?? (await companyToday(ctx));
  const priced = priceFor(client, linesIn(client, request.lines, ctx.lang), issueDate, ctx.lang);
  assertPositive(priced, client, ctx.lang);
  return { client, issueDate, priced };
}

export const createInvoice = defineTool({
  name: 'invoicing_create_invoice',
  title: 'Create a draft invoice',
  description:
    'Draft an invoice for one client (find its id with invoicing_find_clients). Lines: description, quantity ' +
    '("2.5"), unitPrice before tax as a decimal string in the client currency ("125.00"), optional revenue ' +
    'accountCode, tax treatment, and for a French client the VAT class (frRate). Sales tax follows the ' +
    "client's province (Canada) or French VAT, at the rates in force on the invoice date; the due date follows " +
    "the client's payment terms. Returns the numbered draft (INV2026-00001) with totals; send it with " +
    'invoicing_send_invoice.',
  kind: 'write',
  risk: 'draft',
  effect: 'adds',
  input,
  output: InvoiceSummary,
  async assess(ctx, request) {
    const { client, priced: p } = await priced(ctx, request);
    return {
      amount: { cents: p.breakdown.total, currency: p.currency },
      evidence: [
        { factor: 'client_exact', weight: 0.2, detail: invoicingEvidence[ctx.lang].clientById(client.name) },
        ...(await creditEvidence(ctx, client, p.breakdown.total)),
      ],
    };
  },
  async run(ctx, request) {
    const { client, issueDate, priced: p } = await priced(ctx, request);
    const row = await insertInvoice(ctx.db, {
      tenantId: ctx.tenantId,
      userId: ctx.actor.userId,
      client,
      kind: 'invoice',
      priced: p,
      issueDate,
      dueDate: dueDateFor(issueDate, client.paymentTermsDays),
      notes: request.notes,
    });
    return invoiceSummary(ctx.db, row.id);
  },
  // The number stays taken (numbering is gapless), so undoing a draft cancels it rather than deleting it.
  async undo(ctx, _request, result) {
    const invoice = await invoiceById(ctx.db, result.id, true);
    assertMove(invoice.number, invoice.status, 'cancelled', ctx.lang);
    if (invoice.status !== 'draft')
      throw invalid(
        ctx.lang === 'fr'
          ? `La facture ${invoice.number} n'est plus un brouillon.`
          : `Invoice ${invoice.number} is no longer a draft.`,
      );
    await ctx.db.update(invoices).set({ status: 'cancelled', updatedAt: ctx.now }).where(eq(invoices.id, invoice.id));
  },
  summarize: (i, lang) =>
    lang === 'fr'
      ? `Facture ${i.number} (${i.client.name}) en brouillon : total ${formatAmount(i.total, i.currency, lang)}, échéance ${i.dueDate}.`
      : `Draft invoice ${i.number} (${i.client.name}): total ${formatAmount(i.total, i.currency, lang)}, due ${i.dueDate}.`,
});
