import { z } from 'zod';
import { products } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { embedText } from '../embeddings/embedder.ts';
import { conflict, invalid } from '../errors.ts';
import { fromMinor, toMinor, formatAmount } from '../money.ts';
import { ProductFields, productText } from './product-fields.ts';
import { categoryById, productSummaryById, supplierById } from './queries.ts';
import { ProductSummary } from './schemas.ts';
import { purchasingRefusals } from './texts.ts';

const F = ProductFields;
const input = z.object({
  sku: F.sku.optional(),
  name: F.name,
  description: F.description.optional(),
  categoryId: F.categoryId.optional(),
  supplierId: F.supplierId.optional(),
  unit: F.unit.default('unit'),
  currency: F.currency.optional().describe("Defaults to the usual supplier's currency, else the company's."),
  unitPrice: F.unitPrice,
  bulkPrice: F.bulkPrice.optional(),
  bulkThreshold: F.bulkThreshold.optional(),
  leadTimeDays: F.leadTimeDays.optional(),
  taxTreatment: F.taxTreatment.default('taxable'),
  accountCode: F.accountCode.optional(),
});

/** Prices in minor units, checked against each other and against the company's data. */
async function checked(ctx: ToolCtx, p: z.output<typeof input>) {
  const say = purchasingRefusals[ctx.lang];
  if ((p.bulkPrice === undefined) !== (p.bulkThreshold === undefined)) throw invalid(say.bulkPairOrNeither);
  const supplier = p.supplierId ? await supplierById(ctx.db, p.supplierId, ctx.lang) : null;
  if (p.categoryId) await categoryById(ctx.db, p.categoryId, ctx.lang);
  if (p.sku) {
    const existing = await ctx.db.query.products.findFirst({
      columns: { id: true },
      where: (t, { eq }) => eq(t.sku, p.sku!),
    });
    if (existing) throw conflict(say.skuExists(p.sku, existing.id), { id: existing.id });
  }
  const currency = p.currency ?? supplier?.currency ?? (await ctx.tenant()).currency;
  const unitPriceCents = toMinor(p.unitPrice, currency);
  const bulkPriceCents = p.bulkPrice === undefined ? null : toMinor(p.bulkPrice, currency);
  if (unitPriceCents < 0n || (bulkPriceCents !== null && bulkPriceCents < 0n)) throw invalid(say.negativePrice);
  if (bulkPriceCents !== null && bulkPriceCents > unitPriceCents) {
    const money = (cents: bigint) => formatAmount(fromMinor(cents, currency), currency, ctx.lang);
    throw invalid(say.bulkAboveUnit(money(bulkPriceCents), money(unitPriceCents)));
  }
  return { currency, unitPriceCents, bulkPriceCents };
}

export const createProduct = defineTool({
  name: 'purchasing_create_product',
  title: 'Create a product',
  description:
    'Add a product the company buys: name (French), description (e.g. the English name), SKU, category, ' +
    'usual supplier, unit, list price and an optional bulk price from a threshold quantity, lead time in ' +
    'days and tax treatment. Prices are decimal strings ("249.99"). Fails on a SKU already used.',
  kind: 'write',
  risk: 'internal',
  effect: 'adds',
  input,
  output: ProductSummary,
  async assess(ctx, p) {
    await checked(ctx, p);
    return {};
  },
  async run(ctx, p) {
    const { currency, unitPriceCents, bulkPriceCents } = await checked(ctx, p);
    const embedding = await embedText(productText(p));
    const [row] = await ctx.db
      .insert(products)
      .values({
        tenantId: ctx.tenantId,
        sku: p.sku,
        name: p.name,
        description: p.description,
        categoryId: p.categoryId,
        supplierId: p.supplierId,
        unit: p.unit,
        currency,
        unitPriceCents,
        bulkPriceCents,
        bulkThreshold: p.bulkThreshold,
        leadTimeDays: p.leadTimeDays,
        taxTreatment: p.taxTreatment,
        accountCode: p.accountCode,
        embedding,
      })
      .returning({ id: products.id });
    return productSummaryById(ctx.db, row!.id, ctx.lang);
  },
  summarize: (p, lang) =>
    lang === 'fr'
      ? `Produit ${p.name} créé (${formatAmount(p.unitPrice, p.currency, lang)}).`
      : `Product ${p.name} created (${formatAmount(p.unitPrice, p.currency, lang)}).`,
});
