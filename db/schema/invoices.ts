/**
 * Sales invoices and credit notes, their items, payments received, reminders sent, disputes, overdue
 * alerts and recurring templates.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { inboundEmails } from './email.ts';
import {
  at,
  cents,
  createdAt,
  id,
  quantity,
  sameTenant,
  type TenantTable,
  tenantIsolation,
  tenantKey,
  updatedAt,
} from './columns.ts';
import { clients } from './clients.ts';
import { products } from './products.ts';
import { language, tenants } from './tenants.ts';
import { users } from './users.ts';

export const invoiceStatus = pgEnum('invoice_status', [
  'draft',
  'sent',
  'viewed',
  'partially_paid',
  'paid',
  'overdue',
  'cancelled',
]);
export const paymentMethod = pgEnum('payment_method', ['interac', 'wire', 'cheque', 'cash', 'card', 'other']);
export const recurrence = pgEnum('recurrence', ['monthly', 'quarterly', 'yearly']);

const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

export const recurringInvoices = pgTable(
  'recurring_invoices',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: uuid('client_id').notNull(),
    frequency: recurrence('frequency').notNull(),
    startOn: date('start_on').notNull(),
    nextOn: date('next_on').notNull(),
    endOn: date('end_on'),
    /** Items and notes copied into each generated invoice. */
    template: jsonb('template').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.clientId, () => clients),
    index('recurring_invoices_client').on(t.tenantId, t.clientId).concurrently(),
    // The schedules due to run (the recurring-invoice job, the list of active schedules).
    index('recurring_invoices_due').on(t.tenantId, t.nextOn).where(sql`${t.active}`).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    tenantId: tenantId(),
    number: text('number').notNull(),
    kind: text('kind', { enum: ['invoice', 'credit_note'] })
      .notNull()
      .default('invoice'),
    /** For a credit note: the invoice it credits. */
    creditOf: uuid('credit_of'),
    clientId: uuid('client_id').notNull(),
    status: invoiceStatus('status').notNull().default('draft'),
    currency: text('currency').notNull(),
    language: language('language').notNull(),
    issueDate: date('issue_date').notNull(),
    dueDate: date('due_date').notNull(),
    placeOfSupply: text('place_of_supply'),
    subtotalCents: cents('subtotal_cents').notNull(),
    taxCents: cents('tax_cents').notNull(),
    totalCents: cents('total_cents').notNull(),
    paidCents: cents('paid_cents').notNull().default(sql`0`),
    /**
     * Credit notes applied to this invoice (positive cents). What the client still owes is
     * total − paid − credited, readable from the row alone (AR aging, reminders, payments).
     */
    creditedCents: cents('credited_cents').notNull().default(sql`0`),
    taxBreakdown: jsonb('tax_breakdown').notNull().default([]),
    notes: text('notes'),
    recurringId: uuid('recurring_id'),
    /** The period a recurring invoice was generated for: unique, so a job run twice makes one invoice. */
    recurringPeriod: date('recurring_period'),
    sentAt: at('sent_at'),
    /** The e-invoice format it was sent as (facturx, ubl, cii); null for a plain PDF or not sent. */
    einvoiceFormat: text('einvoice_format', { enum: ['facturx', 'ubl', 'cii'] }),
    viewedAt: at('viewed_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.creditOf, (): TenantTable => invoices),
    sameTenant(t.clientId, () => clients),
    sameTenant(t.recurringId, () => recurringInvoices),
    sameTenant(t.createdBy, () => users),
    uniqueIndex('invoices_tenant_number').on(t.tenantId, t.number),
    // Also serves the reference to the recurring schedule.
    uniqueIndex('invoices_recurring_period').on(t.tenantId, t.recurringId, t.recurringPeriod),
    // A client's invoices, newest first (what the client owes, the register filtered by client).
    index('invoices_client').on(t.tenantId, t.clientId, t.issueDate).concurrently(),
    index('invoices_credit_of').on(t.tenantId, t.creditOf).where(sql`${t.creditOf} is not null`).concurrently(),
    index('invoices_created_by').on(t.tenantId, t.createdBy).where(sql`${t.createdBy} is not null`).concurrently(),
    // The invoice register, newest first, whole or by status; exports, sales and DSO by issue date.
    index('invoices_issued').on(t.tenantId, t.issueDate, t.number).concurrently(),
    index('invoices_status').on(t.tenantId, t.status, t.issueDate).concurrently(),
    // The credit-note register: a few among many invoices, so not found by walking the invoice register.
    index('invoices_credit_notes')
      .on(t.tenantId, t.issueDate, t.number)
      .where(sql`${t.kind} = 'credit_note'`)
      .concurrently(),
    // Open invoices by due date: reminders, overdue marking, AR aging, reconciliation candidates.
    index('invoices_open')
      .on(t.tenantId, t.dueDate)
      .where(sql`${t.status} in ('sent', 'viewed', 'partially_paid', 'overdue')`)
      .concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const invoiceItems = pgTable(
  'invoice_items',
  {
    id: id(),
    tenantId: tenantId(),
    invoiceId: uuid('invoice_id').notNull(),
    position: integer('position').notNull(),
    productId: uuid('product_id'),
    description: text('description').notNull(),
    quantity: quantity('quantity').notNull(),
    unitPriceCents: cents('unit_price_cents').notNull(),
    lineTotalCents: cents('line_total_cents').notNull(),
    accountCode: text('account_code'),
    taxTreatment: text('tax_treatment', { enum: ['taxable', 'exempt', 'zero_rated'] })
      .notNull()
      .default('taxable'),
    /** French VAT rate class for a French client. */
    frRate: text('fr_rate', { enum: ['normal', 'intermediate', 'reduced', 'special'] }),
    /** Why an exempt or zero-rated line carries no VAT, as an EN 16931 VATEX code (e-invoices need it). */
    vatExemption: text('vat_exemption'),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.invoiceId, () => invoices).onDelete('cascade'),
    sameTenant(t.productId, () => products),
    // An invoice's lines, in order.
    index('invoice_items_invoice').on(t.tenantId, t.invoiceId, t.position).concurrently(),
    index('invoice_items_product').on(t.tenantId, t.productId).where(sql`${t.productId} is not null`).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const payments = pgTable(
  'payments',
  {
    id: id(),
    tenantId: tenantId(),
    invoiceId: uuid('invoice_id').notNull(),
    amountCents: cents('amount_cents').notNull(),
    currency: text('currency').notNull(),
    method: paymentMethod('method').notNull(),
    receivedOn: date('received_on').notNull(),
    reference: text('reference'),
    bankTransactionId: uuid('bank_transaction_id'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.invoiceId, () => invoices),
    index('payments_invoice').on(t.tenantId, t.invoiceId).concurrently(),
    // Payments received over a period (exports).
    index('payments_received_on').on(t.tenantId, t.receivedOn).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const reminders = pgTable(
  'reminders',
  {
    id: id(),
    tenantId: tenantId(),
    invoiceId: uuid('invoice_id').notNull(),
    /** Which step of the tenant's schedule this reminder is (days from the due date). */
    scheduleDay: integer('schedule_day').notNull(),
    channel: text('channel', { enum: ['email'] })
      .notNull()
      .default('email'),
    language: language('language').notNull(),
    sentAt: at('sent_at'),
    outcome: text('outcome'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.invoiceId, () => invoices).onDelete('cascade'),
    // Also the reminders of an invoice, and the reference to it.
    uniqueIndex('reminders_invoice_day').on(t.tenantId, t.invoiceId, t.scheduleDay),
    // The reminders register, newest first.
    index('reminders_created').on(t.tenantId, t.createdAt).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

/**
 * A client contests an invoice: while a dispute is open (resolvedAt null) the invoice gets no
 * reminder. Opened by a person or from the client's email reply (emailId is the evidence); the
 * resolution is kept with who resolved it and how, so the history of an invoice is never lost.
 */
export const invoiceDisputes = pgTable(
  'invoice_disputes',
  {
    id: id(),
    tenantId: tenantId(),
    invoiceId: uuid('invoice_id').notNull(),
    source: text('source', { enum: ['person', 'email'] }).notNull(),
    reason: text('reason').notNull(),
    /** The client's email that contests the invoice, when it came by email. */
    emailId: uuid('email_id'),
    openedBy: uuid('opened_by'),
    openedAt: at('opened_at').notNull(),
    resolvedAt: at('resolved_at'),
    resolvedBy: uuid('resolved_by'),
    resolution: text('resolution'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.invoiceId, () => invoices).onDelete('cascade'),
    sameTenant(t.emailId, () => inboundEmails),
    sameTenant(t.openedBy, () => users),
    sameTenant(t.resolvedBy, () => users),
    // One open dispute per invoice: a second complaint about the same invoice joins the first.
    uniqueIndex('invoice_disputes_open').on(t.tenantId, t.invoiceId).where(sql`${t.resolvedAt} is null`),
    // An invoice's disputes, open and resolved.
    index('invoice_disputes_invoice').on(t.tenantId, t.invoiceId, t.openedAt).concurrently(),
    index('invoice_disputes_email').on(t.tenantId, t.emailId).concurrently(),
    index('invoice_disputes_opened_by').on(t.tenantId, t.openedBy).concurrently(),
    index('invoice_disputes_resolved_by').on(t.tenantId, t.resolvedBy).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

/**
 * Managers are told once when an invoice reaches 30, 60 and 90 days overdue: the row is written in
 * the same transaction as the notifications and emails, and its key makes a second run a no-op.
 */
export const overdueAlerts = pgTable(
  'overdue_alerts',
  {
    id: id(),
    tenantId: tenantId(),
    invoiceId: uuid('invoice_id').notNull(),
    /** 30, 60 or 90 days past the due date. */
    threshold: integer('threshold').notNull(),
    alertedOn: date('alerted_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.invoiceId, () => invoices).onDelete('cascade'),
    uniqueIndex('overdue_alerts_invoice').on(t.tenantId, t.invoiceId, t.threshold),
    tenantIsolation(),
  ],
).enableRLS();
