/** Purchase orders: items, receipts of goods, approvals by level and the full status history. */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, cents, createdAt, id, quantity, sameTenant, tenantIsolation, tenantKey, updatedAt } from './columns.ts';
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
    supplierId: uuid('supplier_id').notNull(),
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
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.supplierId, () => suppliers),
    sameTenant(t.createdBy, () => users),
    uniqueIndex('purchase_orders_tenant_number').on(t.tenantId, t.number),
    // A supplier's orders, newest first (the order register filtered by supplier, supplier performance).
    index('purchase_orders_supplier').on(t.tenantId, t.supplierId, t.createdAt).concurrently(),
    index('purchase_orders_created_by')
      .on(t.tenantId, t.createdBy)
      .where(sql`${t.createdBy} is not null`)
      .concurrently(),
    // The order register, newest first, whole or by status; exports and spend by order date.
    index('purchase_orders_created').on(t.tenantId, t.createdAt).concurrently(),
    index('purchase_orders_status').on(t.tenantId, t.status, t.createdAt).concurrently(),
    index('purchase_orders_order_date').on(t.tenantId, t.orderDate).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const purchaseOrderItems = pgTable(
  'purchase_order_items',
  {
    id: id(),
    tenantId: tenantId(),
    orderId: uuid('order_id').notNull(),
    position: integer('position').notNull(),
    productId: uuid('product_id'),
    description: text('description').notNull(),
    quantity: quantity('quantity').notNull(),
    quantityReceived: quantity('quantity_received').notNull().default('0'),
    unitPriceCents: cents('unit_price_cents').notNull(),
    lineTotalCents: cents('line_total_cents').notNull(),
    taxTreatment: text('tax_treatment', { enum: ['taxable', 'exempt', 'zero_rated'] })
      .notNull()
      .default('taxable'),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.orderId, () => purchaseOrders).onDelete('cascade'),
    sameTenant(t.productId, () => products),
    // An order's lines, in order.
    index('purchase_order_items_order').on(t.tenantId, t.orderId, t.position).concurrently(),
    index('purchase_order_items_product')
      .on(t.tenantId, t.productId)
      .where(sql`${t.productId} is not null`)
      .concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const purchaseReceipts = pgTable(
  'purchase_receipts',
  {
    id: id(),
    tenantId: tenantId(),
    orderId: uuid('order_id').notNull(),
    receivedOn: date('received_on').notNull(),
    receivedBy: uuid('received_by'),
    /** [{ itemId, quantity }] received in this delivery. */
    lines: jsonb('lines').$type<{ itemId: string; quantity: string }[]>().notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.orderId, () => purchaseOrders).onDelete('cascade'),
    sameTenant(t.receivedBy, () => users),
    index('purchase_receipts_order').on(t.tenantId, t.orderId).concurrently(),
    index('purchase_receipts_received_by')
      .on(t.tenantId, t.receivedBy)
      .where(sql`${t.receivedBy} is not null`)
      .concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const purchaseOrderApprovals = pgTable(
  'purchase_order_approvals',
  {
    id: id(),
    tenantId: tenantId(),
    orderId: uuid('order_id').notNull(),
    level: integer('level').notNull(),
    approverId: uuid('approver_id'),
    decision: text('decision', { enum: ['approved', 'rejected'] }).notNull(),
    note: text('note'),
    decidedAt: at('decided_at').notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.orderId, () => purchaseOrders).onDelete('cascade'),
    sameTenant(t.approverId, () => users),
    index('purchase_order_approvals_order').on(t.tenantId, t.orderId).concurrently(),
    index('purchase_order_approvals_approver')
      .on(t.tenantId, t.approverId)
      .where(sql`${t.approverId} is not null`)
      .concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const purchaseOrderHistory = pgTable(
  'purchase_order_history',
  {
    id: id(),
    tenantId: tenantId(),
    orderId: uuid('order_id').notNull(),
    fromStatus: purchaseOrderStatus('from_status'),
    toStatus: purchaseOrderStatus('to_status').notNull(),
    actorId: uuid('actor_id'),
    note: text('note'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.orderId, () => purchaseOrders).onDelete('cascade'),
    sameTenant(t.actorId, () => users),
    // An order's history, in time order.
    index('purchase_order_history_order').on(t.tenantId, t.orderId, t.at).concurrently(),
    index('purchase_order_history_actor').on(t.tenantId, t.actorId).where(sql`${t.actorId} is not null`).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();
