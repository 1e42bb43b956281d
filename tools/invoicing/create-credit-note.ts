import { z } from 'zod';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { balanceOf, checkCredit, statusWord } from './model.ts';
import { insertInvoice, lineOfItem, linesIn, priceFor, type PricedLine } from './pricing.ts';
import { clientById, invoiceById, invoiceSummary, itemsOf, type InvoiceRow } from './queries.ts';
import { InvoiceLineInput, InvoiceSummary } from './schemas.ts';
import { applyMoney, assertOpen } from './settle.ts';
import { invoicingEvidence, moneyFor } from './texts.ts';
import { formatAmount } from '../money.ts';
import { companyToday } from '../dates.ts';

const input = z.object({
  invoiceId: z.string().uuid().describe('The invoice to credit.'),
  lines: z
    .array(InvoiceLineInput)
    .min(1)
    .max(200)
    .optional()
    .describe(
      'What to credit, with positive prices before tax (e.g. a returned item). Omit to credit the whole invoice.',
    ),
  reason: z.string().trim().min(1).max(500).describe('Why, printed on the credit note, e.g. "2 chairs returned".'),
});

/**
 * The credit note priced as the invoice was: same place of supply, language and currency, and tax at
 * the invoice's date, so it takes back exactly the tax that was charged (not today's rate).
 */
async function priced(ctx: ToolCtx, invoice: InvoiceRow, request: z.output<typeof input>) {
  assertOpen(invoice, 'credit', ctx.lang);
  const client = await clientById(ctx.db, invoice.clientId);
  const asInvoiced = {
    ...client,
    country: invoice.placeOfSupply === 'FR' ? 'FR' : 'CA',
    province: invoice.placeOfSupply === 'FR' ? null : invoice.placeOfSupply,
    currency: invoice.currency,
    language: invoice.language,
  };
  let lines: PricedLine[];
  if (request.lines) {
    lines = linesIn(asInvoiced, request.lines, ctx.lang);
  } else {
    if (invoice.paidCents > 0n || invoice.creditedCents > 0n) {
      throw invalid(
        ctx.lang === 'fr'
          ? `La facture ${invoice.number} est déjà payée ou créditée en partie : indiquez les lignes à créditer.`
          : `Invoice ${invoice.number} is already partly paid or credited: give the lines to credit.`,
      );
    }
    lines = (await itemsOf(ctx.db, invoice.id)).map((item) => lineOfItem(item, asInvoiced.country));
  }
  // Stored negative: summing invoices and credit notes gives net sales and net tax without special cases.
  const negative = lines.map((line) => ({ ...line, unitPriceCents: -line.unitPriceCents }));
  const credit = priceFor(asInvoiced, negative, invoice.issueDate, ctx.lang);
  const creditCents = -credit.breakdown.total;
  checkCredit(
    creditCents,
    balanceOf(invoice),
    invoice.number,
    ctx.lang,
    moneyFor(ctx.lang, asInvoiced.country, invoice.currency),
  );
  return { client: asInvoiced, credit, creditCents };
}

export const createCreditNote = defineTool({
  name: 'invoicing_create_credit_note',
  title: 'Issue a credit note',
  description:
    'Credit all or part of a sent invoice (returned goods, a billing error, a goodwill gesture). Give the ' +
    'invoice id, a reason, and the lines to credit with positive prices before tax, or no lines to credit ' +
    "the whole invoice. Tax is reversed at the invoice's own rates. The credit note (CN2026-00001) is applied " +
    'at once and lowers what the client owes; it cannot exceed what remains owed on the invoice.',
  kind: 'write',
  risk: 'money',
  effect: 'adds',
  input,
  output: z.object({ creditNote: InvoiceSummary, invoice: InvoiceSummary }),
  async assess(ctx, request) {
    const invoice = await invoiceById(ctx.db, request.invoiceId, false, ctx.lang);
    const { creditCents } = await priced(ctx, invoice, request);
    return {
      amount: { cents: creditCents, currency: invoice.currency },
      evidence: [
        { factor: 'invoice_exact', weight: 0.2, detail: invoicingEvidence[ctx.lang].invoiceById(invoice.number) },
      ],
    };
  },
  async run(ctx, request) {
    const invoice = await invoiceById(ctx.db, request.invoiceId, true, ctx.lang);
    const { client, credit, creditCents } = await priced(ctx, invoice, request);
    const today = await companyToday(ctx);
    const note = await insertInvoice(ctx.db, {
      tenantId: ctx.tenantId,
      userId: ctx.actor.userId,
      client,
      kind: 'credit_note',
      priced: credit,
      issueDate: today,
      dueDate: today,
      // Applied in full to the invoice it credits, as accounting software records an allocated credit.
      status: 'paid',
      notes: request.reason,
      creditOf: invoice.id,
    });
    await applyMoney(ctx.db, invoice, { creditedCents: creditCents }, ctx.now, ctx.lang);
    return { creditNote: await invoiceSummary(ctx.db, note.id), invoice: await invoiceSummary(ctx.db, invoice.id) };
  },
  summarize: (out, lang) =>
    lang === 'fr'
      ? `Note de crédit ${out.creditNote.number} de ${formatAmount(out.creditNote.total, out.creditNote.currency, lang)} sur ${out.invoice.number} : solde ${formatAmount(out.invoice.balance, out.invoice.currency, lang)}, ${statusWord(out.invoice.status, lang)}.`
      : `Credit note ${out.creditNote.number} for ${formatAmount(out.creditNote.total, out.creditNote.currency, lang)} on ${out.invoice.number}: balance ${formatAmount(out.invoice.balance, out.invoice.currency, lang)}, ${statusWord(out.invoice.status, lang)}.`,
});
