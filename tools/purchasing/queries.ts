/** The SQL purchasing needs, always through ctx.db (a tenant-scoped transaction). */
import { and, asc, count, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { orderOf } from '../paging.ts';
import { rowsOf, type Tx } from '../../db/client.ts';
import { productCategories, products, purchaseOrderItems, purchaseOrders, suppliers } from '../../db/schema/index.ts';
import { currentEmbedder, embedText } from '../embeddings/embedder.ts';
import { rankCandidates, sameName, vectorLiteral } from '../embeddings/rank.ts';
import type { Lang } from '../context.ts';
import { notFound } from '../errors.ts';
import { canonicalQuantity, fromMinor } from '../money.ts';
import type { OrderSummary, ProductSummary, SupplierSummary } from './schemas.ts';
import { supplierSummary } from './supplier-fields.ts';
import { purchasingRefusals } from './texts.ts';
import { tenantJoin } from '../../db/tenant.ts';

/**
 * How many rows, nearest by vector first, search scores in JS. Every supplier of a small or mid-size
 * business fits (names are matched on all of them); past it only the nearest by meaning are scored.
 */
const SEARCH_CANDIDATES = 2000;

/** A supplier's columns but its embedding: a thousand numbers no caller reads, parsed on every lookup. */
const { embedding: _supplierEmbedding, ...supplierColumns } = getTableColumns(suppliers);

/** The supplier, or a refusal in the asker's language (lang) naming the tool that finds it. */
export async function supplierById(tx: Tx, id: string, lang: Lang) {
  const [row] = await tx.select(supplierColumns).from(suppliers).where(eq(suppliers.id, id));
  if (!row) throw notFound(purchasingRefusals[lang].supplierNotFound(id));
  return row;
}

/**
 * Another supplier with this name, or one a person could not tell from it (sameName: case, accents,
 * invisible characters, legal form), with `exact` saying which. Names are compared in JS over the
 * company's suppliers (id and name only: a few thousand short rows at most for our companies).
 */
export async function supplierByName(tx: Tx, name: string, exceptId?: string) {
  const rows = await tx.select({ id: suppliers.id, name: suppliers.name }).from(suppliers);
  const others = rows.filter((r) => r.id !== exceptId);
  const exact = others.find((r) => r.name === name);
  if (exact) return { ...exact, exact: true };
  const lookalike = others.find((r) => sameName(r.name, name));
  return lookalike && { ...lookalike, exact: false };
}

/** pgvector cosine distance of a column to the query's vector, or SQL null without one. */
const distanceTo = (
  column: SQL | typeof suppliers.embedding | typeof products.embedding,
  vector: number[] | null,
): SQL<number | null> =>
  vector ? sql<number>`(${column} <=> ${vectorLiteral(vector)}::vector)` : sql<null>`null::float8`;

/**
 * Suppliers by fuzzy name (accents, legal forms, plurals) and by meaning; best first, with their score.
 * Without a query, a page of them in the chosen order; with one, a page of the ranked matches. `total`
 * counts every row the filters (and the query) match.
 */
export async function searchSuppliers(
  tx: Tx,
  input: {
    query: string;
    status?: readonly SupplierSummary['status'][] | undefined;
    id?: string | undefined;
    limit: number;
    offset?: number;
    sort?: 'name' | 'created';
    direction?: 'asc' | 'desc' | undefined;
  },
) {
  const columns = supplierColumns;
  const offset = input.offset ?? 0;
  const where = and(
    input.status?.length ? inArray(suppliers.status, input.status as never) : undefined,
    input.id ? eq(suppliers.id, input.id) : undefined,
  );
  if (!input.query) {
    const sort = input.sort ?? 'name';
    const direction = input.direction ?? (sort === 'name' ? 'asc' : 'desc');
    const rows = await tx
      .select(columns)
      .from(suppliers)
      .where(where)
      .orderBy(
        ...orderOf(sort === 'name' ? suppliers.name : suppliers.createdAt, direction, suppliers.id, {
          text: sort === 'name',
        }),
      )
      .limit(input.limit)
      .offset(offset);
    const [counted] = await tx.select({ n: count() }).from(suppliers).where(where);
    return { rows: rows.map((r) => ({ ...supplierSummary(r), score: null })), total: counted?.n ?? 0 };
  }
  const distance = distanceTo(suppliers.embedding, await embedText(input.query));
  const rows = await tx
    .select({ ...columns, distance })
    .from(suppliers)
    .where(where)
    .orderBy(sql`${distance} asc nulls last`, asc(sql`lower(${suppliers.name})`))
    .limit(SEARCH_CANDIDATES);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ranked = rankCandidates(
    input.query,
    rows.map((r) => ({
      id: r.id,
      texts: [r.name, r.legalName, r.gstNumber, r.qstNumber, r.vatNumber, r.siren],
      distance: r.distance === null ? null : Number(r.distance),
    })),
    currentEmbedder().relatedAbove,
  );
  return {
    rows: ranked
      .slice(offset, offset + input.limit)
      .map((r) => ({ ...supplierSummary(byId.get(r.id)!), score: r.score })),
    total: ranked.length,
  };
}

export async function categoryById(tx: Tx, id: string, lang: Lang) {
  const [row] = await tx.select().from(productCategories).where(eq(productCategories.id, id));
  if (!row) throw notFound(purchasingRefusals[lang].categoryNotFound(id));
  return row;
}

export async function productById(tx: Tx, id: string, lang: Lang) {
  const { embedding: _skip, ...columns } = getTableColumns(products);
  const [row] = await tx.select(columns).from(products).where(eq(products.id, id));
  if (!row) throw notFound(purchasingRefusals[lang].productNotFound(id));
  return row;
}

type ProductRow = Omit<typeof products.$inferSelect, 'embedding'>;

export function productSummary(p: ProductRow, category: { id: string; name: string } | null): ProductSummary {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    description: p.description,
    category,
    supplierId: p.supplierId,
    unit: p.unit,
    currency: p.currency,
    unitPrice: fromMinor(p.unitPriceCents, p.currency),
    bulkPrice: p.bulkPriceCents === null ? null : fromMinor(p.bulkPriceCents, p.currency),
    bulkThreshold: p.bulkThreshold === null ? null : canonicalQuantity(p.bulkThreshold),
    leadTimeDays: p.leadTimeDays,
    taxTreatment: p.taxTreatment,
    active: p.active,
  };
}

export async function productSummaryById(tx: Tx, id: string, lang: Lang): Promise<ProductSummary> {
  const product = await productById(tx, id, lang);
  const category = product.categoryId ? await categoryById(tx, product.categoryId, lang) : null;
  return productSummary(product, category && { id: category.id, name: category.name });
}

/** Products by name, SKU, description (French name, English description) and meaning; best first. */
export async function searchProducts(
  tx: Tx,
  input: {
    query: string;
    categoryId?: string | undefined;
    supplierId?: string | undefined;
    id?: string | undefined;
    includeInactive: boolean;
    limit: number;
    offset?: number;
    sort?: 'name' | 'sku' | 'price';
    direction?: 'asc' | 'desc' | undefined;
  },
) {
  const { embedding: _skip, ...columns } = getTableColumns(products);
  const filters: SQL[] = [];
  if (input.categoryId) filters.push(eq(products.categoryId, input.categoryId));
  if (input.supplierId) filters.push(eq(products.supplierId, input.supplierId));
  if (input.id) filters.push(eq(products.id, input.id));
  if (!input.includeInactive && !input.id) filters.push(eq(products.active, true));
  const offset = input.offset ?? 0;
  const summaryOf = (r: ProductRow & { categoryName: string | null }) =>
    productSummary(r, r.categoryId && r.categoryName ? { id: r.categoryId, name: r.categoryName } : null);
  if (!input.query) {
    const sort = input.sort ?? 'name';
    const column = { name: products.name, sku: products.sku, price: products.unitPriceCents }[sort];
    const rows = await tx
      .select({ ...columns, categoryName: productCategories.name })
      .from(products)
      .leftJoin(productCategories, tenantJoin(productCategories.id, products.categoryId))
      .where(and(...filters))
      .orderBy(...orderOf(column, input.direction ?? 'asc', products.id, { text: sort !== 'price' }))
      .limit(input.limit)
      .offset(offset);
    const [counted] = await tx
      .select({ n: count() })
      .from(products)
      .where(and(...filters));
    return { rows: rows.map((r) => ({ ...summaryOf(r), score: null })), total: counted?.n ?? 0 };
  }
  const distance = distanceTo(products.embedding, await embedText(input.query));
  const rows = await tx
    .select({ ...columns, distance, categoryName: productCategories.name })
    .from(products)
    .leftJoin(productCategories, tenantJoin(productCategories.id, products.categoryId))
    .where(and(...filters))
    .orderBy(sql`${distance} asc nulls last`, asc(sql`lower(${products.name})`))
    .limit(SEARCH_CANDIDATES);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ranked = rankCandidates(
    input.query,
    rows.map((r) => ({
      id: r.id,
      texts: [r.name, r.description, r.sku],
      distance: r.distance === null ? null : Number(r.distance),
    })),
    currentEmbedder().relatedAbove,
  );
  return {
    rows: ranked.slice(offset, offset + input.limit).map((r) => ({ ...summaryOf(byId.get(r.id)!), score: r.score })),
    total: ranked.length,
  };
}

export async function orderById(tx: Tx, id: string, lang: Lang, lock = false) {
  const query = tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound(purchasingRefusals[lang].orderNotFound(id));
  return row;
}

export async function orderItems(tx: Tx, orderId: string) {
  return tx
    .select()
    .from(purchaseOrderItems)
    .where(eq(purchaseOrderItems.orderId, orderId))
    .orderBy(asc(purchaseOrderItems.position));
}

interface OrderSummaryRow {
  id: string;
  number: string;
  status: OrderSummary['status'];
  currency: string;
  order_date: string;
  expected_on: string | null;
  subtotal_cents: string;
  tax_cents: string;
  total_cents: string;
  tax_breakdown: OrderSummary['taxes'];
  approval_level: number;
  supplier_id: string;
  supplier_name: string;
  lines: {
    id: string;
    description: string;
    quantity: string;
    quantityReceived: string;
    unitPriceCents: string;
    lineTotalCents: string;
  }[];
}

/**
 * The order with its supplier's name and its lines, in one statement: it is the most-read document
 * (every purchasing tool answers with it), and three queries built one by one cost three round trips
 * and most of a read's CPU. Amounts and quantities leave the database as text, exact.
 */
export async function orderSummary(tx: Tx, id: string, lang: Lang): Promise<OrderSummary> {
  const [order] = rowsOf<OrderSummaryRow>(
    await tx.execute(sql`
      select o.id, o.number, o.status, o.currency, o.order_date, o.expected_on, o.subtotal_cents::text, o.tax_cents::text,
             o.total_cents::text, o.tax_breakdown, o.approval_level, s.id as supplier_id, s.name as supplier_name,
             coalesce((select json_agg(json_build_object('id', i.id, 'description', i.description, 'quantity', i.quantity::text,
                                       'quantityReceived', i.quantity_received::text, 'unitPriceCents', i.unit_price_cents::text,
                                       'lineTotalCents', i.line_total_cents::text) order by i.position)
                       from purchase_order_items i where i.tenant_id = o.tenant_id and i.order_id = o.id), '[]') as lines
      from purchase_orders o join suppliers s on s.tenant_id = o.tenant_id and s.id = o.supplier_id
      where o.id = ${id}`),
  );
  if (!order) throw notFound(purchasingRefusals[lang].orderNotFound(id));
  const money = (cents: string) => fromMinor(BigInt(cents), order.currency);
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    supplier: { id: order.supplier_id, name: order.supplier_name },
    currency: order.currency,
    orderDate: order.order_date,
    expectedOn: order.expected_on,
    lines: order.lines.map((i) => ({
      itemId: i.id,
      description: i.description,
      quantity: canonicalQuantity(i.quantity),
      quantityReceived: canonicalQuantity(i.quantityReceived),
      unitPrice: money(i.unitPriceCents),
      lineTotal: money(i.lineTotalCents),
    })),
    subtotal: money(order.subtotal_cents),
    taxes: order.tax_breakdown,
    tax: money(order.tax_cents),
    total: money(order.total_cents),
    approvalLevel: order.approval_level,
  };
}
