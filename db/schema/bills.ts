/** Supplier bills (accounts payable), read from documents or entered by hand, linked to purchase orders. */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, cents, createdAt, id, quantity, sameTenant, tenantIsolation, tenantKey, updatedAt } from './columns.ts';
import { documents } from './documents.ts';
import { paymentMethod } from './invoices.ts';
import { purchaseOrders } from './purchase-orders.ts';
import { suppliers } from './suppliers.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const billStatus = pgEnum('bill_status', ['draft', 'booked', 'approved', 'partially_paid', 'paid', 'cancelled']);

const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

export const supplierBills = pgTable(
  'supplier_bills',
  {
    id: id(),
    tenantId: tenantId(),
    number: text('number').notNull(),
    supplierId: uuid('supplier_id').notNull(),
    /** The supplier's own invoice number: one bill per supplier and number. */
    supplierInvoiceNumber: text('supplier_invoice_number'),
    purchaseOrderId: uuid('purchase_order_id'),
    documentId: uuid('document_id'),
    status: billStatus('status').notNull().default('draft'),
    currency: text('currency').notNull(),
    billDate: date('bill_date').notNull(),
    dueDate: date('due_date'),
    subtotalCents: cents('subtotal_cents').notNull(),
    taxCents: cents('tax_cents').notNull(),
    totalCents: cents('total_cents').notNull(),
    paidCents: cents('paid_cents').notNull().default(sql`0`),
    taxBreakdown: jsonb('tax_breakdown').notNull().default([]),
    /** Three-way match (order ↔ receipts ↔ bill) found when the bill was recorded; null without an order. */
    matchResult: jsonb('match_result'),
    notes: text('notes'),
    approvedBy: uuid('approved_by'),
    approvedAt: at('approved_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.supplierId, () => suppliers),
    sameTenant(t.purchaseOrderId, () => purchaseOrders),
    sameTenant(t.documentId, () => documents),
    sameTenant(t.approvedBy, () => users),
    sameTenant(t.createdBy, () => users),
    uniqueIndex('supplier_bills_tenant_number').on(t.tenantId, t.number),
    // Also a supplier's bills, and the reference to the supplier.
    uniqueIndex('supplier_bills_supplier_invoice').on(t.tenantId, t.supplierId, t.supplierInvoiceNumber),
    index('supplier_bills_purchase_order')
      .on(t.tenantId, t.purchaseOrderId)
      .where(sql`${t.purchaseOrderId} is not null`)
      .concurrently(),
    index('supplier_bills_document')
      .on(t.tenantId, t.documentId)
      .where(sql`${t.documentId} is not null`)
      .concurrently(),
    index('supplier_bills_approved_by')
      .on(t.tenantId, t.approvedBy)
      .where(sql`${t.approvedBy} is not null`)
      .concurrently(),
    index('supplier_bills_created_by')
      .on(t.tenantId, t.createdBy)
      .where(sql`${t.createdBy} is not null`)
      .concurrently(),
    // The bill register by due date, whole or by status; exports and spend by bill date.
    index('supplier_bills_due').on(t.tenantId, t.dueDate, t.number).concurrently(),
    index('supplier_bills_status').on(t.tenantId, t.status, t.dueDate).concurrently(),
    index('supplier_bills_bill_date').on(t.tenantId, t.billDate).concurrently(),
    // Bills still to pay: payables, cash-flow forecast, reconciliation candidates.
    index('supplier_bills_open')
      .on(t.tenantId, t.dueDate)
      .where(sql`${t.status} not in ('paid', 'cancelled')`)
      .concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const supplierBillItems = pgTable(
  'supplier_bill_items',
  {
    id: id(),
    tenantId: tenantId(),
    billId: uuid('bill_id').notNull(),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: quantity('quantity').notNull(),
    unitPriceCents: cents('unit_price_cents').notNull(),
    lineTotalCents: cents('line_total_cents').notNull(),
    accountCode: text('account_code'),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.billId, () => supplierBills).onDelete('cascade'),
    // A bill's lines, in order.
    index('supplier_bill_items_bill').on(t.tenantId, t.billId, t.position).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

/** Money paid to a supplier against a bill: several part payments may settle one bill. */
export const billPayments = pgTable(
  'bill_payments',
  {
    id: id(),
    tenantId: tenantId(),
    billId: uuid('bill_id').notNull(),
    amountCents: cents('amount_cents').notNull(),
    currency: text('currency').notNull(),
    method: paymentMethod('method').notNull(),
    paidOn: date('paid_on').notNull(),
    reference: text('reference'),
    paidBy: uuid('paid_by'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.billId, () => supplierBills).onDelete('cascade'),
    sameTenant(t.paidBy, () => users),
    index('bill_payments_bill').on(t.tenantId, t.billId).concurrently(),
    index('bill_payments_paid_by').on(t.tenantId, t.paidBy).where(sql`${t.paidBy} is not null`).concurrently(),
    // Payments made over a period (exports).
    index('bill_payments_paid_on').on(t.tenantId, t.paidOn).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();
