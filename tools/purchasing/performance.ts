/** A supplier's delivery history read from its orders and receipts, and the score written back on the supplier. */
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { purchaseOrderItems, purchaseOrders, purchaseReceipts, suppliers } from '../../db/schema/index.ts';
import { quantityUnits, supplierPerformance, type DeliveryHistory, type SupplierPerformance } from './model.ts';

export async function deliveryHistory(tx: Tx, supplierId: string): Promise<DeliveryHistory[]> {
  const orders = await tx
    .select({ id: purchaseOrders.id, expectedOn: purchaseOrders.expectedOn, status: purchaseOrders.status })
    .from(purchaseOrders)
    .where(eq(purchaseOrders.supplierId, supplierId));
  if (!orders.length) return [];
  const ids = orders.map((o) => o.id);
  const items = await tx
    .select({ orderId: purchaseOrderItems.orderId, quantity: purchaseOrderItems.quantity })
    .from(purchaseOrderItems)
    .where(inArray(purchaseOrderItems.orderId, ids));
  const receipts = await tx.select().from(purchaseReceipts).where(inArray(purchaseReceipts.orderId, ids));
  return orders.map((o) => ({
    expectedOn: o.expectedOn,
    status: o.status,
    orderedUnits: items.filter((i) => i.orderId === o.id).reduce((s, i) => s + quantityUnits(i.quantity), 0n),
    receipts: receipts
      .filter((r) => r.orderId === o.id)
      .map((r) => ({ receivedOn: r.receivedOn, units: r.lines.reduce((s, l) => s + quantityUnits(l.quantity), 0n) })),
  }));
}

/** Recomputes the supplier's performance score after a delivery; null until a delivery was due. */
export async function refreshPerformance(tx: Tx, supplierId: string, asOf: string): Promise<SupplierPerformance> {
  const performance = supplierPerformance(await deliveryHistory(tx, supplierId), asOf);
  await tx.update(suppliers).set({ performanceScore: performance.score }).where(eq(suppliers.id, supplierId));
  return performance;
}
