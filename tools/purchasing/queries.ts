/** The SQL purchasing needs, always through ctx.db (a tenant-scoped transaction). */
import { asc, eq, ilike, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { purchaseOrderItems, purchaseOrders, suppliers } from '../../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { canonicalQuantity, fromMinor } from '../money.ts';
import type { OrderSummary } from './schemas.ts';

export async function supplierById(tx: Tx, id: string) {
  const [row] = await tx.select().from(suppliers).where(eq(suppliers.id, id));
  if (!row) throw notFound(`Supplier ${id} not found. Use purchasing_find_suppliers to look suppliers up by name.`);
  return row;
}

export async function findSuppliers(tx: Tx, query: string, limit: number) {
  const pattern = `%${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return tx
    .select()
    .from(suppliers)
    .where(or(ilike(suppliers.name, pattern), ilike(suppliers.legalName, pattern)))
    .orderBy(asc(suppliers.name))
    .limit(limit);
}

export async function orderById(tx: Tx, id: string, lock = false) {
  const query = tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound(`Purchase order ${id} not found. Use purchasing_list_orders to find it.`);
  return row;
}

export async function orderSummary(tx: Tx, id: string): Promise<OrderSummary> {
  const order = await orderById(tx, id);
  const supplier = await supplierById(tx, order.supplierId);
  const items = await tx.select().from(purchaseOrderItems).where(eq(purchaseOrderItems.orderId, id)).orderBy(asc(purchaseOrderItems.position));
  const money = (cents: bigint) => fromMinor(cents, order.currency);
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    supplier: { id: supplier.id, name: supplier.name },
    currency: order.currency,
    orderDate: order.orderDate,
    expectedOn: order.expectedOn,
    lines: items.map((i) => ({
      description: i.description,
      quantity: canonicalQuantity(i.quantity),
      quantityReceived: canonicalQuantity(i.quantityReceived),
      unitPrice: money(i.unitPriceCents),
      lineTotal: money(i.lineTotalCents),
    })),
    subtotal: money(order.subtotalCents),
    taxes: order.taxBreakdown as OrderSummary['taxes'],
    tax: money(order.taxCents),
    total: money(order.totalCents),
    approvalLevel: order.approvalLevel,
  };
}
