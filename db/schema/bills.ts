/** Supplier bills (accounts payable), read from documents or entered by hand, linked to purchase orders. */
import { sql } from 'drizzle-orm';
import { date, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, cents, createdAt, id, quantity, tenantIsolation, updatedAt } from './columns.ts';
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
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    /** The supplier's own invoice number: one bill per supplier and number. */
    supplierInvoiceNumber: text('supplier_invoice_number'),
    purchaseOrderId: uuid('purchase_order_id').references(() => purchaseOrders.id),
    documentId: uuid('document_id').references(() => documents.id),
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
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: at('approved_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('supplier_bills_tenant_number').on(t.tenantId, t.number),
    uniqueIndex('supplier_bills_supplier_invoice').on(t.tenantId, t.supplierId, t.supplierInvoiceNumber),
    tenantIsolation(),
  ],
).enableRLS();

export const supplierBillItems = pgTable(
  'supplier_bill_items',
  {
    id: id(),
    tenantId: tenantId(),
    billId: uuid('bill_id')
      .notNull()
      .references(() => supplierBills.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: quantity('quantity').notNull(),
    unitPriceCents: cents('unit_price_cents').notNull(),
    lineTotalCents: cents('line_total_cents').notNull(),
    accountCode: text('account_code'),
  },
  () => [tenantIsolation()],
).enableRLS();

/** Money paid to a supplier against a bill: several part payments may settle one bill. */
export const billPayments = pgTable(
  'bill_payments',
  {
    id: id(),
    tenantId: tenantId(),
    billId: uuid('bill_id')
      .notNull()
      .references(() => supplierBills.id, { onDelete: 'cascade' }),
    amountCents: cents('amount_cents').notNull(),
    currency: text('currency').notNull(),
    method: paymentMethod('method').notNull(),
    paidOn: date('paid_on').notNull(),
    reference: text('reference'),
    paidBy: uuid('paid_by').references(() => users.id),
    createdAt: createdAt(),
  },
  () => [tenantIsolation()],
).enableRLS();
