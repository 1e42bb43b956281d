import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { invoices } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { assertMove, type InvoiceStatus } from './model.ts';
import { invoiceById, invoiceSummary, type InvoiceRow } from './queries.ts';
import { InvoiceSummary } from './schemas.ts';

/**
 * Cancelling is for an invoice no money has touched. Once paid or credited in part, the numbered
 * document stays as it is and a credit note reverses what must be reversed.
 */
function checkCancellable(ctx: ToolCtx, invoice: InvoiceRow) {
  if (invoice.kind === 'credit_note') {
    throw invalid(
      ctx.lang === 'fr'
        ? `La note de crédit ${invoice.number} est déjà appliquée et ne peut pas être annulée : facturez à nouveau le montant au besoin.`
        : `Credit note ${invoice.number} is already applied and cannot be cancelled: invoice the amount again if needed.`,
    );
  }
  assertMove(invoice.number, invoice.status as InvoiceStatus, 'cancelled', ctx.lang);
  if (invoice.paidCents > 0n || invoice.creditedCents > 0n) {
    throw invalid(
      ctx.lang === 'fr'
        ? `La facture ${invoice.number} a déjà reçu un paiement ou un crédit : émettez une note de crédit pour le solde (invoicing_create_credit_note).`
        : `Invoice ${invoice.number} already has a payment or credit: issue a credit note for the balance (invoicing_create_credit_note).`,
    );
  }
}

export const cancelInvoice = defineTool({
  name: 'invoicing_cancel_invoice',
  title: 'Cancel an invoice',
  description:
    'Cancel an invoice nothing was paid or credited on (draft, sent, viewed or overdue). Its number stays ' +
    'used, marked cancelled. For an invoice with payments, issue a credit note instead.',
  kind: 'write',
  risk: 'internal',
  effect: 'ends',
  input: z.object({ invoiceId: z.string().uuid(), reason: z.string().trim().max(500).optional() }),
  output: InvoiceSummary,
  async assess(ctx, request) {
    const invoice = await invoiceById(ctx.db, request.invoiceId, false, ctx.lang);
    checkCancellable(ctx, invoice);
    return { amount: { cents: invoice.totalCents, currency: invoice.currency } };
  },
  async run(ctx, request) {
    const invoice = await invoiceById(ctx.db, request.invoiceId, true, ctx.lang);
    checkCancellable(ctx, invoice);
    await ctx.db.update(invoices).set({ status: 'cancelled', updatedAt: ctx.now }).where(eq(invoices.id, invoice.id));
    return invoiceSummary(ctx.db, invoice.id);
  },
  summarize: (i, lang) => (lang === 'fr' ? `Facture ${i.number} annulée.` : `Invoice ${i.number} cancelled.`),
});
