/** The SQL supplier bills need, always through ctx.db (a tenant-scoped transaction). */
import { and, asc, desc, eq, ne, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { purchaseOrders, supplierBillItems, supplierBills, suppliers } from '../../db/schema/index.ts';
import type { Lang } from '../context.ts';
import { notFound } from '../errors.ts';
import { canonicalQuantity, fromMinor } from '../money.ts';
import type { PastBill } from './model.ts';
import type { BillSummary } from './schemas.ts';
import { billRefusals } from './texts.ts';

export async function billById(tx: Tx, id: string, lang: Lang, lock = false) {
  const query = tx.select().from(supplierBills).where(eq(supplierBills.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound(billRefusals[lang].billNotFound(id));
  return row;
}

export async function billByInvoiceNumber(tx: Tx, supplierId: string, supplierInvoiceNumber: string) {
  const [row] = await tx
    .select({ id: supplierBills.id, number: supplierBills.number })
    .from(supplierBills)
    .where(
      and(eq(supplierBills.supplierId, supplierId), eq(supplierBills.supplierInvoiceNumber, supplierInvoiceNumber)),
    );
  return row;
}

export async function supplierByTaxNumber(
  tx: Tx,
  numbers: { gstNumber?: string | undefined; qstNumber?: string | undefined },
) {
  const conditions = [
    numbers.gstNumber ? eq(suppliers.gstNumber, numbers.gstNumber) : undefined,
    numbers.qstNumber ? eq(suppliers.qstNumber, numbers.qstNumber) : undefined,
  ].filter((c) => c !== undefined);
  if (!conditions.length) return undefined;
  const [row] = await tx
    .select()
    .from(suppliers)
    .where(or(...conditions))
    .limit(1);
  return row;
}

/** The supplier's earlier bills, newest first (the bill being recorded excluded once it exists). */
export async function pastBills(tx: Tx, supplierId: string, exceptId?: string): Promise<PastBill[]> {
  return tx
    .select({
      number: supplierBills.number,
      supplierInvoiceNumber: supplierBills.supplierInvoiceNumber,
      billDate: supplierBills.billDate,
      totalCents: supplierBills.totalCents,
      status: supplierBills.status,
    })
    .from(supplierBills)
    .where(
      exceptId
        ? and(eq(supplierBills.supplierId, supplierId), ne(supplierBills.id, exceptId))
        : eq(supplierBills.supplierId, supplierId),
    )
    .orderBy(desc(supplierBills.billDate))
    .limit(200);
}

export async function billSummary(tx: Tx, id: string, lang: Lang): Promise<BillSummary> {
  const bill = await billById(tx, id, lang);
  const [supplier] = await tx
    .select({ id: suppliers.id, name: suppliers.name })
    .from(suppliers)
    .where(eq(suppliers.id, bill.supplierId));
  const order = bill.purchaseOrderId
    ? ((
        await tx
          .select({ id: purchaseOrders.id, number: purchaseOrders.number })
          .from(purchaseOrders)
          .where(eq(purchaseOrders.id, bill.purchaseOrderId))
      )[0] ?? null)
    : null;
  const items = await tx
    .select()
    .from(supplierBillItems)
    .where(eq(supplierBillItems.billId, id))
    .orderBy(asc(supplierBillItems.position));
  const m = (c: bigint) => fromMinor(c, bill.currency);
  return {
    id: bill.id,
    number: bill.number,
    status: bill.status,
    supplier: supplier!,
    supplierInvoiceNumber: bill.supplierInvoiceNumber,
    purchaseOrder: order,
    documentId: bill.documentId,
    currency: bill.currency,
    billDate: bill.billDate,
    dueDate: bill.dueDate,
    lines: items.map((i) => ({
      description: i.description,
      quantity: canonicalQuantity(i.quantity),
      unitPrice: m(i.unitPriceCents),
      lineTotal: m(i.lineTotalCents),
      accountCode: i.accountCode,
    })),
    subtotal: m(bill.subtotalCents),
    tax: m(bill.taxCents),
    total: m(bill.totalCents),
    paid: m(bill.paidCents),
    balance: m(bill.totalCents - bill.paidCents),
    taxes: bill.taxBreakdown as unknown[],
    match: bill.matchResult ?? null,
    approvedAt: bill.approvedAt?.toISOString() ?? null,
  };
}
