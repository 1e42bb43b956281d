/**
 * The rows analytics reads, through ctx.db (tenant-scoped). Invoices and payments are read straight
 * from the schema the invoicing area writes (db/schema/invoices.ts); no invoicing code is imported.
 * Amounts are in the tenant's currency only: documents in another currency are counted apart.
 */
import { and, eq, gt, gte, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  aiActions,
  bankAccounts,
  bankTransactions,
  invoices,
  payments,
  productCategories,
  products,
  purchaseOrderItems,
  purchaseOrders,
  supplierBills,
  suppliers,
} from '../../db/schema/index.ts';
import type { ActionRow, BankPosition, OpenInvoice, PaidInvoice, Payable, SpendLine } from './model.ts';
import { addDays } from './model.ts';
import { tenantJoin } from '../../db/tenant.ts';

/** Orders the company has committed to: approved and beyond, not cancelled. */
export const COMMITTED = [
  'approved',
  'sent',
  'confirmed',
  'partially_received',
  'received',
  'invoiced',
  'completed',
] as const;

export async function committedSpend(tx: Tx, currency: string, from: string, to: string): Promise<SpendLine[]> {
  const rows = await tx
    .select({
      supplierId: suppliers.id,
      supplierName: suppliers.name,
      category: productCategories.name,
      on: purchaseOrders.orderDate,
      amountCents: purchaseOrderItems.lineTotalCents,
    })
    .from(purchaseOrderItems)
    .innerJoin(purchaseOrders, tenantJoin(purchaseOrders.id, purchaseOrderItems.orderId))
    .innerJoin(suppliers, tenantJoin(suppliers.id, purchaseOrders.supplierId))
    .leftJoin(products, tenantJoin(products.id, purchaseOrderItems.productId))
    .leftJoin(productCategories, tenantJoin(productCategories.id, products.categoryId))
    .where(
      and(
        inArray(purchaseOrders.status, [...COMMITTED]),
        eq(purchaseOrders.currency, currency),
        gte(purchaseOrders.orderDate, from),
        lte(purchaseOrders.orderDate, to),
      ),
    );
  return rows;
}

/** Bills that were accepted (not drafts, not cancelled), before tax; bills carry no product category. */
export async function billedSpend(tx: Tx, currency: string, from: string, to: string): Promise<SpendLine[]> {
  const rows = await tx
    .select({
      supplierId: suppliers.id,
      supplierName: suppliers.name,
      on: supplierBills.billDate,
      amountCents: supplierBills.subtotalCents,
    })
    .from(supplierBills)
    .innerJoin(suppliers, tenantJoin(suppliers.id, supplierBills.supplierId))
    .where(
      and(
        notInArray(supplierBills.status, ['draft', 'cancelled']),
        eq(supplierBills.currency, currency),
        gte(supplierBills.billDate, from),
        lte(supplierBills.billDate, to),
      ),
    );
  return rows.map((r) => ({ ...r, category: null }));
}

const OPEN_STATUSES = ['sent', 'viewed', 'partially_paid', 'overdue'] as const;

/** Invoices a client still owes on: sent and not settled, with their balance. */
export async function openInvoices(tx: Tx, currency: string, asOf: string): Promise<OpenInvoice[]> {
  const rows = await tx
    .select({
      id: invoices.id,
      clientId: invoices.clientId,
      number: invoices.number,
      dueDate: invoices.dueDate,
      balanceCents: sql<string>`${invoices.totalCents} - ${invoices.paidCents} - ${invoices.creditedCents}`,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.kind, 'invoice'),
        inArray(invoices.status, [...OPEN_STATUSES]),
        eq(invoices.currency, currency),
        lte(invoices.issueDate, asOf),
      ),
    );
  return rows.map((r) => ({ ...r, balanceCents: BigInt(r.balanceCents) })).filter((r) => r.balanceCents > 0n);
}

/** Invoiced minus credited over (from, to]: the credit sales DSO divides by. */
export async function creditSales(tx: Tx, currency: string, from: string, to: string): Promise<bigint> {
  const [row] = await tx
    .select({
      total: sql<string>`coalesce(sum(case when ${invoices.kind} = 'credit_note' then -abs(${invoices.totalCents}) else ${invoices.totalCents} end), 0)`,
    })
    .from(invoices)
    .where(
      and(
        notInArray(invoices.status, ['draft', 'cancelled']),
        eq(invoices.currency, currency),
        gt(invoices.issueDate, from),
        lte(invoices.issueDate, to),
      ),
    );
  return BigInt(row?.total ?? '0');
}

/** Paid invoices with the date of their last payment: each client's payment habit. */
export async function paidInvoices(tx: Tx, asOf: string): Promise<PaidInvoice[]> {
  const rows = await tx
    .select({
      clientId: invoices.clientId,
      dueDate: invoices.dueDate,
      paidOn: sql<string>`max(${payments.receivedOn})`,
    })
    .from(invoices)
    .innerJoin(payments, tenantJoin(payments.invoiceId, invoices.id))
    .where(and(eq(invoices.kind, 'invoice'), eq(invoices.status, 'paid'), lte(payments.receivedOn, asOf)))
    .groupBy(invoices.tenantId, invoices.id, invoices.clientId, invoices.dueDate);
  return rows.map((r) => ({ ...r, paidOn: String(r.paidOn).slice(0, 10) }));
}

/** What the company will pay: open bills, and committed orders no bill covers yet. */
export async function payables(tx: Tx, currency: string): Promise<Payable[]> {
  const bills = await tx
    .select({
      number: supplierBills.number,
      dueDate: supplierBills.dueDate,
      billDate: supplierBills.billDate,
      totalCents: supplierBills.totalCents,
      paidCents: supplierBills.paidCents,
    })
    .from(supplierBills)
    .where(and(notInArray(supplierBills.status, ['paid', 'cancelled']), eq(supplierBills.currency, currency)));
  const billed = tx
    .select({ id: supplierBills.purchaseOrderId })
    .from(supplierBills)
    .where(and(sql`${supplierBills.purchaseOrderId} is not null`, notInArray(supplierBills.status, ['cancelled'])));
  const orders = await tx
    .select({
      number: purchaseOrders.number,
      expectedOn: purchaseOrders.expectedOn,
      orderDate: purchaseOrders.orderDate,
      totalCents: purchaseOrders.totalCents,
      terms: suppliers.paymentTermsDays,
    })
    .from(purchaseOrders)
    .innerJoin(suppliers, tenantJoin(suppliers.id, purchaseOrders.supplierId))
    .where(
      and(
        inArray(purchaseOrders.status, ['approved', 'sent', 'confirmed', 'partially_received', 'received']),
        eq(purchaseOrders.currency, currency),
        notInArray(purchaseOrders.id, billed),
      ),
    );
  return [
    ...bills.map((b) => ({
      kind: 'bill' as const,
      reference: b.number,
      dueDate: b.dueDate ?? b.billDate,
      amountCents: b.totalCents - b.paidCents,
    })),
    ...orders.map((o) => ({
      kind: 'order' as const,
      reference: o.number,
      dueDate: addDays(o.expectedOn ?? o.orderDate, o.terms),
      amountCents: o.totalCents,
    })),
  ];
}

export async function actionRows(tx: Tx, from: Date, to: Date): Promise<ActionRow[]> {
  const rows = await tx
    .select({
      tool: aiActions.tool,
      status: aiActions.status,
      byAi: aiActions.byAi,
      decision: aiActions.decision,
      createdAt: aiActions.createdAt,
      decidedAt: aiActions.decidedAt,
    })
    .from(aiActions)
    .where(and(gte(aiActions.createdAt, from), lte(aiActions.createdAt, to), sql`${aiActions.undoOf} is null`));
  return rows.map((r) => ({ ...r, autoExecuted: (r.decision as { outcome?: string }).outcome === 'execute' }));
}

/**
 * Each bank account in the company currency with what decides its balance on `asOf`: the balance a
 * statement last stated and its day, and the sums of the transactions on either side of that day.
 */
export async function bankPositions(tx: Tx, currency: string, asOf: string): Promise<BankPosition[]> {
  const on = bankAccounts.statedBalanceOn;
  const amount = bankTransactions.amountCents;
  const booked = bankTransactions.bookedOn;
  const rows = await tx
    .select({
      name: bankAccounts.name,
      statedCents: bankAccounts.statedBalanceCents,
      statedOn: on,
      upToAsOf: sql<string>`coalesce(sum(${amount}) filter (where ${booked} <= ${asOf}), 0)`,
      afterStated: sql<string>`coalesce(sum(${amount}) filter (where ${booked} > ${on} and ${booked} <= ${asOf}), 0)`,
      afterAsOf: sql<string>`coalesce(sum(${amount}) filter (where ${booked} > ${asOf} and ${booked} <= ${on}), 0)`,
      transactions: sql<number>`count(${bankTransactions.id})::int`,
    })
    .from(bankAccounts)
    .leftJoin(bankTransactions, tenantJoin(bankTransactions.accountId, bankAccounts.id))
    .where(eq(bankAccounts.currency, currency))
    .groupBy(bankAccounts.tenantId, bankAccounts.id);
  return rows.map((r) => ({
    name: r.name,
    statedCents: r.statedCents,
    statedOn: r.statedOn,
    upToAsOfCents: BigInt(r.upToAsOf),
    afterStatedCents: BigInt(r.afterStated),
    afterAsOfCents: BigInt(r.afterAsOf),
    transactions: r.transactions,
  }));
}
