/**
 * The rows analytics reads, through ctx.db (tenant-scoped). Invoices and payments are read straight
 * from the schema the invoicing area writes (db/schema/invoices.ts); no invoicing code is imported.
 * Amounts are in the tenant's currency only: documents in another currency are counted apart.
 */
import { and, eq, gt, gte, inArray, lte, notInArray, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.ts';
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
 * When a payment really arrived: the date of the bank line it was reconciled with (the line named on
 * the payment, or the line matched to its invoice for the same amount), else the date typed when it
 * was recorded. DSO counts money when the bank statement shows it, not when someone marked it paid.
 */
const paidOn = sql`coalesce(
  (select bt.booked_on from bank_transactions bt where bt.tenant_id = p.tenant_id and bt.id = p.bank_transaction_id),
  (select min(bt.booked_on) from bank_matches m join bank_transactions bt on bt.tenant_id = m.tenant_id and bt.id = m.transaction_id
    where m.tenant_id = p.tenant_id and m.target_kind = 'invoice' and m.target_id = p.invoice_id and m.amount_cents = p.amount_cents),
  p.received_on)`;

/**
 * Receivables on `asOf` as the bank saw them: what invoices issued by then still owe, plus the
 * payments recorded on them whose bank date is after asOf (an invoice paid later was owed on asOf).
 * Also how many of the payments up to asOf were reconciled with a bank line.
 */
export async function receivablesAsOf(
  tx: Tx,
  currency: string,
  asOf: string,
): Promise<{ receivablesCents: bigint; payments: number; reconciled: number }> {
  const result = await tx.execute(sql`
    with paid as (
      select p.invoice_id, p.amount_cents, ${paidOn} as on_day,
        (p.bank_transaction_id is not null or exists (select 1 from bank_matches m where m.tenant_id = p.tenant_id
          and m.target_kind = 'invoice' and m.target_id = p.invoice_id and m.amount_cents = p.amount_cents)) as reconciled
      from payments p where p.currency = ${currency}
    ), owed as (
      select i.id, i.total_cents - i.paid_cents - i.credited_cents
        + coalesce((select sum(amount_cents) from paid where paid.invoice_id = i.id and paid.on_day > ${asOf}), 0) as balance
      from invoices i
      where i.kind = 'invoice' and i.status not in ('draft', 'cancelled') and i.currency = ${currency} and i.issue_date <= ${asOf}
    )
    select coalesce((select sum(greatest(balance, 0)) from owed), 0)::text as receivables,
      (select count(*) from paid where on_day <= ${asOf})::int as payments,
      (select count(*) from paid where on_day <= ${asOf} and reconciled)::int as reconciled`);
  const [row] = rowsOf<{ receivables: string; payments: number; reconciled: number }>(result);
  return {
    receivablesCents: BigInt(row?.receivables ?? '0'),
    payments: Number(row?.payments ?? 0),
    reconciled: Number(row?.reconciled ?? 0),
  };
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
