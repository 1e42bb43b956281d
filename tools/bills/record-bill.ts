import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { documents, supplierBillItems, supplierBills } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { sameName } from '../embeddings/rank.ts';
import { normalizeText } from '../input-text.ts';
import { moneyFor } from '../invoicing/texts.ts';
import { CurrencyCode, Money, Quantity, toMinor, DateOf } from '../money.ts';
import { nextNumber } from '../numbering.ts';
import { orderById, orderItems, searchSuppliers, supplierById } from '../purchasing/queries.ts';
import { SupplierFields } from '../purchasing/supplier-fields.ts';
import { threeWayMatch, type MatchResult } from '../purchasing/three-way-match.ts';
import { moveOrder } from '../purchasing/transition.ts';
import { documentTotals, taxLinesOf } from '../totals.ts';
import {
  duplicateFactor,
  matchFactor,
  possibleDuplicates,
  supplierFactor,
  totalsFactor,
  usualAmountFactor,
  type SupplierResolution,
} from './model.ts';
import { billByInvoiceNumber, billSummary, pastBills, supplierByTaxNumber } from './queries.ts';
import { BillSummary } from './schemas.ts';
import { billRefusals } from './texts.ts';
import { addDays } from '../dates.ts';

/** A fuzzy name must score this high to be taken as the supplier; lower, the caller must choose. */
const FUZZY_SUPPLIER = 0.8;
/**
 * A runner-up scoring within this of the top hit is a near rival: the name on the bill does not tell
 * them apart, so nothing is booked and the person chooses (both are named in the refusal).
 */
const NEAR_RIVAL = 0.1;
/** Orders a bill can be recorded against: sent to the supplier and not closed. */
const BILLABLE = new Set(['sent', 'confirmed', 'partially_received', 'received', 'invoiced']);

const input = z
  .object({
    supplierId: z.string().uuid().optional(),
    supplier: z
      .object({
        name: z.string().trim().min(1).max(200).optional(),
        gstNumber: SupplierFields.gstNumber.optional(),
        qstNumber: SupplierFields.qstNumber.optional(),
      })
      .optional()
      .describe('When the id is not known: the name and/or tax numbers read on the bill.'),
    supplierInvoiceNumber: z.string().trim().min(1).max(100).optional().describe("The supplier's own invoice number."),
    billDate: DateOf('document'),
    dueDate: DateOf('due').optional().describe("Defaults to the bill date plus the supplier's payment terms."),
    currency: CurrencyCode.optional().describe("Defaults to the supplier's currency."),
    exchangeRate: z
      .string()
      .regex(/^\d{1,10}(\.\d{1,10})?$/, { error: 'Expected a positive decimal rate with a dot, e.g. "1.8123".' })
      .refine((rate) => /[1-9]/.test(rate), { error: 'A rate must be greater than zero.' })
      .optional()
      .describe(
        'For a bill in a foreign currency: the rate printed on it, in units of the company currency for 1 unit. ' +
          'Levels and limits then compare the converted amount; without it, the rate the company holds is used.',
      ),
    purchaseOrderId: z.string().uuid().optional(),
    documentId: z.string().uuid().optional().describe('The stored document (PDF, image) the bill was read from.'),
    lines: z
      .array(
        z.object({
          description: z.string().trim().min(1).max(500),
          quantity: Quantity,
          unitPrice: Money,
          treatment: z.enum(['taxable', 'exempt', 'zero_rated']).default('taxable'),
          accountCode: z.string().max(30).optional(),
          itemId: z.string().uuid().optional().describe('The purchase order line this bills, if known.'),
        }),
      )
      .max(500)
      .default([]),
    subtotal: Money.optional(),
    tax: Money.optional(),
    total: Money.optional(),
    taxes: z
      .array(z.object({ code: z.string().max(10), amount: Money }))
      .optional()
      .describe('Tax lines as printed, e.g. [{code:"GST", amount:"50.00"}].'),
    notes: z.string().max(2000).optional(),
  })
  .refine((i) => i.supplierId || i.supplier?.name || i.supplier?.gstNumber || i.supplier?.qstNumber, {
    error: 'Give supplierId, or supplier.name / supplier.gstNumber / supplier.qstNumber as read on the bill.',
    path: ['supplierId'],
  });
type Input = z.output<typeof input>;

async function resolveSupplier(
  ctx: ToolCtx,
  request: Input,
): Promise<{ supplier: Awaited<ReturnType<typeof supplierById>>; resolution: SupplierResolution }> {
  if (request.supplierId) {
    const supplier = await supplierById(ctx.db, request.supplierId, ctx.lang);
    return { supplier, resolution: { how: 'id', name: supplier.name } };
  }
  const byTax = await supplierByTaxNumber(ctx.db, request.supplier ?? {});
  if (byTax) return { supplier: byTax, resolution: { how: 'tax_number', name: byTax.name } };
  const asked = request.supplier?.name;
  if (asked) {
    const [best, ...others] = (await searchSuppliers(ctx.db, { query: asked, limit: 5 })).rows;
    if (best) {
      const exact = normalizeText(best.name).toLowerCase() === asked.toLowerCase();
      const top = best.score ?? 0;
      // A lookalike (same name once folded) is always a rival; a fuzzy top hit also has close runners-up.
      const rivals = others.filter((o) => sameName(o.name, asked) || (!exact && (o.score ?? 0) >= top - NEAR_RIVAL));
      if ((exact || top >= FUZZY_SUPPLIER) && rivals.length) {
        const candidates = [best, ...rivals].map((c) => ({ id: c.id, name: c.name, score: c.score }));
        const listed = candidates.map((c) => `${JSON.stringify(c.name)} (id ${c.id}, ${c.score?.toFixed(2)})`);
        throw conflict(billRefusals[ctx.lang].supplierAmbiguous(asked, listed.join(ctx.lang === 'fr' ? ' ; ' : '; ')), {
          candidates,
        });
      }
      const supplier = await supplierById(ctx.db, best.id, ctx.lang);
      if (exact) return { supplier, resolution: { how: 'name_exact', name: supplier.name } };
      if (top >= FUZZY_SUPPLIER)
        return { supplier, resolution: { how: 'name_fuzzy', name: supplier.name, asked, score: top } };
    }
  }
  const what = [asked, request.supplier?.gstNumber, request.supplier?.qstNumber].filter(Boolean).join(' / ');
  throw notFound(billRefusals[ctx.lang].noSupplier(what));
}

/** Everything the bill will hold, checked, with the evidence it carries; no write. */
async function prepare(ctx: ToolCtx, request: Input) {
  const say = billRefusals[ctx.lang];
  const tenant = await ctx.tenant();
  const { supplier, resolution } = await resolveSupplier(ctx, request);
  if (supplier.status === 'blocked') throw invalid(say.supplierBlocked(supplier.name));
  if (request.supplierInvoiceNumber) {
    const existing = await billByInvoiceNumber(ctx.db, supplier.id, request.supplierInvoiceNumber);
    if (existing)
      throw conflict(say.alreadyRecorded(request.supplierInvoiceNumber, supplier.name, existing.number), {
        billId: existing.id,
        number: existing.number,
      });
  }
  const currency = request.currency ?? supplier.currency;
  const order = request.purchaseOrderId ? await orderById(ctx.db, request.purchaseOrderId, ctx.lang) : null;
  if (order) {
    if (order.supplierId !== supplier.id) throw invalid(say.orderOtherSupplier(order.number, supplier.name));
    if (!BILLABLE.has(order.status))
      throw invalid(say.orderNotBillable(order.number, order.status), { status: order.status });
    if (order.currency !== currency) throw invalid(say.orderCurrency(order.number, order.currency, currency));
  }
  if (request.documentId) {
    const found = await ctx.db.query.documents.findFirst({
      columns: { id: true },
      where: (d, { eq }) => eq(d.id, request.documentId!),
    });
    if (!found) throw notFound(say.documentNotFound(request.documentId));
  }

  const lines = request.lines.map((l) => ({ ...l, unitPriceCents: toMinor(l.unitPrice, currency) }));
  const given = [request.subtotal, request.tax, request.total];
  if (given.some((v) => v !== undefined) && given.some((v) => v === undefined)) {
    throw invalid(say.partialTotals);
  }
  if (!lines.length && request.total === undefined) throw invalid(say.nothingToRecord);
  const computed = lines.length
    ? documentTotals({
        country: tenant.country === 'FR' ? 'FR' : 'CA',
        region: order?.shipToProvince ?? tenant.province,
        on: request.billDate,
        currency,
        lines,
        lang: ctx.lang,
      })
    : null;
  const asGiven = request.total !== undefined;
  const subtotalCents = asGiven ? toMinor(request.subtotal!, currency) : computed!.breakdown.subtotal;
  const taxCents = asGiven ? toMinor(request.tax!, currency) : computed!.breakdown.totalTax;
  const totalCents = asGiven ? toMinor(request.total!, currency) : computed!.breakdown.total;
  const taxBreakdown = request.taxes
    ? request.taxes.map((t) => ({ code: t.code, amount: t.amount }))
    : computed
      ? taxLinesOf(computed.breakdown)
      : [];

  let match: MatchResult | null = null;
  if (order && lines.length) {
    const items = await orderItems(ctx.db, order.id);
    match = threeWayMatch(items, lines, subtotalCents);
  }
  const past = await pastBills(ctx.db, supplier.id);
  const duplicates = possibleDuplicates({ billDate: request.billDate, totalCents }, past);
  const reader = { lang: ctx.lang, money: moneyFor(ctx.lang, tenant.country, currency) };
  const evidence = [
    supplierFactor(resolution, ctx.lang),
    totalsFactor(
      {
        subtotalCents,
        taxCents,
        totalCents,
        computed: computed
          ? { subtotalCents: computed.breakdown.subtotal, taxCents: computed.breakdown.totalTax }
          : undefined,
      },
      reader,
    ),
    matchFactor(match, order?.number ?? null, ctx.lang),
    duplicateFactor(duplicates, ctx.lang),
    usualAmountFactor(totalCents, past, reader),
  ].filter((f) => f !== null);
  const dueDate = request.dueDate ?? addDays(request.billDate, supplier.paymentTermsDays);
  return {
    supplier,
    order,
    currency,
    lines,
    lineTotals: computed?.lineTotals ?? [],
    subtotalCents,
    taxCents,
    totalCents,
    taxBreakdown,
    match,
    evidence,
    dueDate,
  };
}

export const recordBill = defineTool({
  name: 'bills_record_supplier_bill',
  title: 'Record a supplier bill',
  description:
    'Record a bill received from a supplier as a draft (accounts payable), from a document or typed in. ' +
    'Identify the supplier by id, or by the name / GST / QST number read on the bill. Give the lines ' +
    '(quantity, unit price as decimal strings) and/or subtotal, tax and total as printed; missing totals are ' +
    'computed from the lines and tax rules. Link the purchase order to get a three-way match (order ↔ ' +
    "receipts ↔ bill). Refuses the supplier's invoice number twice. The evidence (supplier match, totals " +
    'check, match result, possible duplicate, unusual amount) sets the confidence. Approve it with ' +
    'bills_approve_bill, pay it with bills_pay_bill.',
  kind: 'write',
  risk: 'draft',
  effect: 'adds',
  input,
  output: BillSummary,
  async assess(ctx, request) {
    const bill = await prepare(ctx, request);
    return {
      amount: { cents: bill.totalCents, currency: bill.currency, on: request.billDate, rate: request.exchangeRate },
      evidence: bill.evidence,
      prepared: bill,
    };
  },
  async run(ctx, request, prepared) {
    // Prepared by assess in this transaction when the door executes at once; an approval decided
    // later comes without it, and the bill is then checked again against today's data.
    const bill = prepared ?? (await prepare(ctx, request));
    const number = await nextNumber(ctx.db, ctx.tenantId, 'BILL', request.billDate);
    const [row] = await ctx.db
      .insert(supplierBills)
      .values({
        tenantId: ctx.tenantId,
        number,
        supplierId: bill.supplier.id,
        supplierInvoiceNumber: request.supplierInvoiceNumber,
        purchaseOrderId: bill.order?.id,
        documentId: request.documentId,
        currency: bill.currency,
        billDate: request.billDate,
        dueDate: bill.dueDate,
        subtotalCents: bill.subtotalCents,
        taxCents: bill.taxCents,
        totalCents: bill.totalCents,
        taxBreakdown: bill.taxBreakdown,
        matchResult: bill.match,
        notes: request.notes,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      // A concurrent recording of the same supplier invoice loses here instead of making two bills.
      .onConflictDoNothing()
      .returning({ id: supplierBills.id });
    if (!row)
      throw conflict(billRefusals[ctx.lang].justRecorded(request.supplierInvoiceNumber ?? '', bill.supplier.name));
    if (bill.lines.length) {
      await ctx.db.insert(supplierBillItems).values(
        bill.lines.map((l, i) => ({
          tenantId: ctx.tenantId,
          billId: row.id,
          position: i + 1,
          description: l.description,
          quantity: l.quantity,
          unitPriceCents: l.unitPriceCents,
          lineTotalCents: bill.lineTotals[i]!,
          accountCode: l.accountCode,
        })),
      );
    }
    if (request.documentId) {
      await ctx.db
        .update(documents)
        .set({ status: 'booked', updatedAt: ctx.now })
        .where(eq(documents.id, request.documentId));
    }
    // A fully received order is now billed; a partial one stays as it is until the rest arrives.
    if (bill.order?.status === 'received') await moveOrder(ctx, bill.order, 'invoiced', `bill ${number}`);
    return billSummary(ctx.db, row.id, ctx.lang);
  },
  summarize: (b, lang) =>
    lang === 'fr'
      ? `Facture fournisseur ${b.number} (${b.supplier.name}) enregistrée en brouillon : ${b.total} ${b.currency}.`
      : `Supplier bill ${b.number} (${b.supplier.name}) recorded as draft: ${b.total} ${b.currency}.`,
});
