/** Purchase orders: items, receipts of goods, approvals by level and the full status history. */
import { date, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, cents, createdAt, id, quantity, tenantIsolation, updatedAt } from './columns.ts';
import { products } from './products.ts';
import { suppliers } from './suppliers.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const purchaseOrderStatus = pgEnum('purchase_order_status', [
  'draft',
  'pending_approval',
  'approved',
  'sent',
  'confirmed',
  'partially_received',
  'received',
  'invoiced',
  'completed',
  'cancelled',
]);

const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    id: id(),
    tenantId: tenantId(),
    number: text('number').notNull(),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    status: purchaseOrderStatus('status').notNull().default('draft'),
    currency: text('currency').notNull(),
    orderDate: date('order_date').notNull(),
    expectedOn: date('expected_on'),
    /** Province the goods are delivered to: the place of supply for sales tax. */
    shipToProvince: text('ship_to_province'),
    subtotalCents: cents('subtotal_cents').notNull(),
    taxCents: cents('tax_cents').notNull(),
    totalCents: cents('total_cents').notNull(),
    taxBreakdown: jsonb('tax_breakdown').notNull().default([]),
    /** Approval level the amount requires (0 = none). */
    approvalLevel: integer('approval_level').notNull().default(0),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('purchase_orders_tenant_number').on(t.tenantId, t.number), tenantIsolation()],
).enableRLS();

export const purchaseOrderItems = pgTable(
  'purchase_order_items',
  {
    id: id(),
    tenantId: tenantId(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => purchaseOrders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: uuid('product_id').references(() => products.id),
    description: text('description').notNull(),
    quantity: quantity('quantity').notNull(),
    quantityReceived: quantity('quantity_received').notNull().default('0'),
    unitPriceCents: cents('unit_price_cents').notNull(),
    lineTotalCents: cents('line_total_cents').notNull(),
    taxTreatment: text('tax_treatment', { enum: ['taxable', 'exempt', 'zero_rated'] })
      .notNull()
      .default('taxable'),
  },
  () => [tenantIsolation()],
).enableRLS();

export const purchaseReceipts = pgTable(
  'purchase_receipts',
  {
    id: id(),
    tenantId: tenantId(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => purchaseOrders.id, { onDelete: 'cascade' }),
    receivedOn: date('received_on').notNull(),
    receivedBy: uuid('received_by').references(() => users.id),
    /** [{ itemId, quantity }] received in this delivery. */
    lines: jsonb('lines').$type<{ itemId: string; quantity: string }[]>().notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  () => [tenantIsolation()],
).enableRLS();

export const purchaseOrderApprovals = pgTable(
  'purchase_order_approvals',
  {
    id: id(),
    tenantId: tenantId(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => purchaseOrders.id, { onDelete: 'cascade' }),
    level: integer('level').notNull(),
    approverId: uuid('approver_id').references(() => users.id),
    decision: text('decision', { enum: ['approved', 'rejected'] }).notNull(),
    note: text('note'),
    decidedAt: at('decided_at').notNull().defaultNow(),
  },
  () => [tenantIsolation()],
).enableRLS();

export const purchaseOrderHistory = pgTable(
  'purchase_order_history',
  {
    id: id(),
    tenantId: tenantId(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => purchaseOrders.id, { onDelete: 'cascade' }),
    fromStatus: purchaseOrderStatus('from_status'),
    toStatus: purchaseOrderStatus('to_status').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    note: text('note'),
    at: at('at').notNull().defaultNow(),
  },
  () => [tenantIsolation()],
).enableRLS();
