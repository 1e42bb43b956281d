import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { products } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { embedText } from '../embeddings/embedder.ts';
import { conflict, invalid } from '../errors.ts';
import { formatAmount, fromMinor, toMinor } from '../money.ts';
import { ProductFields, productText } from './product-fields.ts';
import { categoryById, productById, productSummaryById, supplierById } from './queries.ts';
import { ProductSummary } from './schemas.ts';
import { purchasingRefusals } from './texts.ts';

const F = ProductFields;
const input = z.object({
  productId: z.string().uuid(),
  sku: F.sku.nullable().optional(),
  name: F.name.optional(),
  description: F.description.nullable().optional(),
  categoryId: F.categoryId.nullable().optional(),
  supplierId: F.supplierId.nullable().optional(),
  unit: F.unit.optional(),
  unitPrice: F.unitPrice.optional(),
  bulkPrice: F.bulkPrice.nullable().optional().describe('null removes the bulk price (and its threshold).'),
  bulkThreshold: F.bulkThreshold.optional(),
  leadTimeDays: F.leadTimeDays.nullable().optional(),
  taxTreatment: F.taxTreatment.optional(),
  accountCode: F.accountCode.nullable().optional(),
  active: z.boolean().optional().describe('false hides the product from search and new orders.'),
});

async function changes(ctx: ToolCtx, p: z.output<typeof input>) {
  const say = purchasingRefusals[ctx.lang];
  const { productId, ...given } = p;
  if (Object.values(given).every((v) => v === undefined)) throw invalid(say.nothingToChange);
  const product = await productById(ctx.db, productId, ctx.lang);
  if (p.categoryId) await categoryById(ctx.db, p.categoryId, ctx.lang);
  if (p.supplierId) await supplierById(ctx.db, p.supplierId, ctx.lang);
  if (p.sku) {
    const [other] = await ctx.db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.sku, p.sku), ne(products.id, productId)));
    if (other) throw conflict(say.skuTaken(p.sku, other.id), { id: other.id });
  }
  const c = product.currency;
  const unitPriceCents = p.unitPrice === undefined ? product.unitPriceCents : toMinor(p.unitPrice, c);
  const bulkPriceCents =
    p.bulkPrice === null ? null : p.bulkPrice === undefined ? product.bulkPriceCents : toMinor(p.bulkPrice, c);
  const bulkThreshold = p.bulkPrice === null ? null : (p.bulkThreshold ?? product.bulkThreshold);
  if ((bulkPriceCents === null) !== (bulkThreshold === null)) throw invalid(say.bulkPair);
  if (unitPriceCents < 0n || (bulkPriceCents !== null && bulkPriceCents < 0n)) throw invalid(say.negativePrice);
  if (bulkPriceCents !== null && bulkPriceCents > unitPriceCents) {
    const money = (cents: bigint) => formatAmount(fromMinor(cents, c), c, ctx.lang);
    throw invalid(say.bulkAboveUnit(money(bulkPriceCents), money(unitPriceCents)));
  }
  const { unitPrice: _u, bulkPrice: _b, bulkThreshold: _t, ...plain } = given;
  const renamed =
    (p.name !== undefined && p.name !== product.name) ||
    (p.description !== undefined && p.description !== product.description);
  const text = productText({
    name: p.name ?? product.name,
    description: p.description === undefined ? product.description : p.description,
  });
  return { product, set: { ...plain, unitPriceCents, bulkPriceCents, bulkThreshold }, renamed, text };
}

export const updateProduct = defineTool({
  name: 'purchasing_update_product',
  title: 'Update a product',
  description:
    'Change a product: name, description, SKU, category, usual supplier, unit, prices (decimal strings), ' +
    'bulk price and threshold (bulkPrice null removes it), lead time, tax treatment, or active=false to retire ' +
    'it. Only the fields given change. Orders already placed keep their prices.',
  kind: 'write',
  risk: 'internal',
  effect: 'sets',
  input,
  output: ProductSummary,
  async assess(ctx, p) {
    await changes(ctx, p);
    return {};
  },
  async run(ctx, p) {
    const { product, set, renamed, text } = await changes(ctx, p);
    const embedding = renamed ? await embedText(text) : undefined;
    await ctx.db
      .update(products)
      .set({ ...set, ...(renamed ? { embedding } : {}), updatedAt: ctx.now })
      .where(eq(products.id, product.id));
    return productSummaryById(ctx.db, product.id, ctx.lang);
  },
  summarize: (p, lang) => (lang === 'fr' ? `Produit ${p.name} mis à jour.` : `Product ${p.name} updated.`),
});
