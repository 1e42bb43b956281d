/**
 * What exports read, through ctx.db (tenant-scoped): invoices and payments from the invoicing schema
 * (no invoicing code imported), bills, bill payments and purchase orders. Each in date order.
 */
import { and, asc, gte, inArray, lte, notInArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  billPayments,
  clients,
  invoices,
  payments,
  purchaseOrders,
  supplierBillItems,
  supplierBills,
  suppliers,
} from '../../db/schema/index.ts';
import { tenantJoin } from '../../db/tenant.ts';

export async function invoiceRows(tx: Tx, from: string, to: string) {
  return tx
    .select({ invoice: invoices, clientName: clients.name })
    .from(invoices)
    .innerJoin(clients, tenantJoin(clients.id, invoices.clientId))
    .where(and(gte(invoices.issueDate, from), lte(invoices.issueDate, to)))
    .orderBy(asc(invoices.issueDate), asc(invoices.number));
}

export async function billRows(tx: Tx, from: string, to: string) {
  return tx
    .select({ bill: supplierBills, supplierName: suppliers.name, orderNumber: purchaseOrders.number })
    .from(supplierBills)
    .innerJoin(suppliers, tenantJoin(suppliers.id, supplierBills.supplierId))
    .leftJoin(purchaseOrders, tenantJoin(purchaseOrders.id, supplierBills.purchaseOrderId))
    .where(and(gte(supplierBills.billDate, from), lte(supplierBills.billDate, to)))
    .orderBy(asc(supplierBills.billDate), asc(supplierBills.number));
}

export async function billItemRows(tx: Tx, billIds: string[]) {
  if (!billIds.length) return [];
  return tx
    .select()
    .from(supplierBillItems)
    .where(inArray(supplierBillItems.billId, billIds))
    .orderBy(asc(supplierBillItems.position));
}

export async function receivedPaymentRows(tx: Tx, from: string, to: string) {
  return tx
    .select({ payment: payments, invoiceNumber: invoices.number, clientName: clients.name })
    .from(payments)
    .innerJoin(invoices, tenantJoin(invoices.id, payments.invoiceId))
    .innerJoin(clients, tenantJoin(clients.id, invoices.clientId))
    .where(and(gte(payments.receivedOn, from), lte(payments.receivedOn, to)))
    .orderBy(asc(payments.receivedOn), asc(invoices.number));
}

export async function madePaymentRows(tx: Tx, from: string, to: string) {
  return tx
    .select({
      payment: billPayments,
      billNumber: supplierBills.number,
      supplierInvoiceNumber: supplierBills.supplierInvoiceNumber,
      supplierName: suppliers.name,
    })
    .from(billPayments)
    .innerJoin(supplierBills, tenantJoin(supplierBills.id, billPayments.billId))
    .innerJoin(suppliers, tenantJoin(suppliers.id, supplierBills.supplierId))
    .where(and(gte(billPayments.paidOn, from), lte(billPayments.paidOn, to)))
    .orderBy(asc(billPayments.paidOn), asc(supplierBills.number));
}

export async function orderRows(tx: Tx, from: string, to: string) {
  return tx
    .select({ order: purchaseOrders, supplierName: suppliers.name })
    .from(purchaseOrders)
    .innerJoin(suppliers, tenantJoin(suppliers.id, purchaseOrders.supplierId))
    .where(and(gte(purchaseOrders.orderDate, from), lte(purchaseOrders.orderDate, to)))
    .orderBy(asc(purchaseOrders.orderDate), asc(purchaseOrders.number));
}

/** Documents that belong in the books: no drafts, nothing cancelled. */
export const bookedInvoices = (tx: Tx, from: string, to: string) =>
  tx
    .select({ invoice: invoices, clientName: clients.name })
    .from(invoices)
    .innerJoin(clients, tenantJoin(clients.id, invoices.clientId))
    .where(
      and(
        gte(invoices.issueDate, from),
        lte(invoices.issueDate, to),
        notInArray(invoices.status, ['draft', 'cancelled']),
      ),
    )
    .orderBy(asc(invoices.issueDate), asc(invoices.number));

export const bookedBills = (tx: Tx, from: string, to: string) =>
  tx
    .select({ bill: supplierBills, supplierName: suppliers.name })
    .from(supplierBills)
    .innerJoin(suppliers, tenantJoin(suppliers.id, supplierBills.supplierId))
    .where(
      and(
        gte(supplierBills.billDate, from),
        lte(supplierBills.billDate, to),
        notInArray(supplierBills.status, ['draft', 'cancelled']),
      ),
    )
    .orderBy(asc(supplierBills.billDate), asc(supplierBills.number));
