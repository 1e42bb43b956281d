/** The SQL of a record's trail: its actions' audit events, its status history, the records linked to it. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import {
  aiActionEvents,
  aiActions,
  bankMatches,
  bankTransactions,
  billPayments,
  clients,
  documents,
  invoices,
  payments,
  products,
  purchaseOrderHistory,
  purchaseOrders,
  purchaseReceipts,
  reminders,
  supplierBills,
  suppliers,
  users,
} from '../../db/schema/index.ts';
import { tenantJoin } from '../../db/tenant.ts';
import { fromMinor } from '../money.ts';
import { actionSubject } from './subject.ts';
import { isoDate } from '../dates.ts';

export const RECORD_KINDS = ['purchase_order', 'invoice', 'bill', 'supplier', 'client', 'product', 'document'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const LINK_KINDS = [
  'purchase_order',
  'receipt',
  'bill',
  'bill_payment',
  'payment',
  'bank_transaction',
  'invoice',
  'reminder',
  'document',
  'supplier',
  'client',
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface Link {
  kind: LinkKind;
  id: string;
  label: string;
  date: string | null;
  amount: string | null;
  currency: string | null;
  status: string | null;
}

export interface HistoryEntry {
  at: string;
  /** An audit event of an action on this record, or a status change of the record itself. */
  source: 'action' | 'status';
  type: string;
  actionId: string | null;
  actionNumber: number | null;
  tool: string | null;
  actor: string | null;
  note: string | null;
  from: string | null;
  to: string | null;
}

/** Whether the record is there for this company (row-level security hides another company's). */
export async function recordExists(tx: Tx, kind: RecordKind, id: string): Promise<boolean> {
  const table = {
    purchase_order: purchaseOrders,
    invoice: invoices,
    bill: supplierBills,
    supplier: suppliers,
    client: clients,
    product: products,
    document: documents,
  }[kind];
  const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.id, id));
  return Boolean(row);
}

/** The audit events of every action on this record, oldest first, and a PO's status changes. */
export async function historyOf(tx: Tx, kind: RecordKind, id: string): Promise<HistoryEntry[]> {
  const actor = alias(users, 'actor');
  const events = await tx
    .select({
      at: aiActionEvents.at,
      type: aiActionEvents.type,
      actionId: aiActions.id,
      number: aiActions.number,
      tool: aiActions.tool,
      actor: actor.name,
      note: aiActionEvents.note,
    })
    .from(aiActions)
    .innerJoin(aiActionEvents, tenantJoin(aiActionEvents.actionId, aiActions.id))
    .leftJoin(actor, tenantJoin(actor.id, aiActionEvents.actorId))
    .where(eq(actionSubject, id))
    .orderBy(asc(aiActionEvents.at), asc(aiActionEvents.seq))
    .limit(200);
  const entries: HistoryEntry[] = events.map((e) => ({
    at: e.at.toISOString(),
    source: 'action',
    type: e.type,
    actionId: e.actionId,
    actionNumber: e.number,
    tool: e.tool,
    actor: e.actor,
    note: e.note,
    from: null,
    to: null,
  }));
  if (kind === 'purchase_order') {
    const changes = await tx
      .select({
        at: purchaseOrderHistory.at,
        from: purchaseOrderHistory.fromStatus,
        to: purchaseOrderHistory.toStatus,
        actor: actor.name,
        note: purchaseOrderHistory.note,
      })
      .from(purchaseOrderHistory)
      .leftJoin(actor, tenantJoin(actor.id, purchaseOrderHistory.actorId))
      .where(eq(purchaseOrderHistory.orderId, id))
      .orderBy(asc(purchaseOrderHistory.at))
      .limit(200);
    for (const c of changes)
      entries.push({
        at: c.at.toISOString(),
        source: 'status',
        type: 'status',
        actionId: null,
        actionNumber: null,
        tool: null,
        actor: c.actor,
        note: c.note,
        from: c.from,
        to: c.to,
      });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

const money = (cents: bigint, currency: string) => ({ amount: fromMinor(cents, currency), currency });

async function bankLinesFor(tx: Tx, targetKind: 'invoice' | 'bill', ids: string[]): Promise<Link[]> {
  if (!ids.length) return [];
  const rows = await tx
    .select({ t: bankTransactions })
    .from(bankMatches)
    .innerJoin(bankTransactions, tenantJoin(bankTransactions.id, bankMatches.transactionId))
    .where(and(eq(bankMatches.targetKind, targetKind), inArray(bankMatches.targetId, ids)))
    .limit(50);
  return rows.map(({ t }) => ({
    kind: 'bank_transaction' as const,
    id: t.id,
    label: t.counterparty ? `${t.counterparty} — ${t.description}` : t.description,
    date: t.bookedOn,
    ...money(t.amountCents, t.currency),
    status: t.status,
  }));
}

async function billLinks(tx: Tx, bills: (typeof supplierBills.$inferSelect)[]): Promise<Link[]> {
  const ids = bills.map((b) => b.id);
  if (!ids.length) return [];
  const paid = await tx
    .select()
    .from(billPayments)
    .where(inArray(billPayments.billId, ids))
    .orderBy(asc(billPayments.paidOn))
    .limit(50);
  return [
    ...bills.map((b) => ({
      kind: 'bill' as const,
      id: b.id,
      label: b.supplierInvoiceNumber ? `${b.number} (${b.supplierInvoiceNumber})` : b.number,
      date: b.billDate,
      ...money(b.totalCents, b.currency),
      status: b.status,
    })),
    ...paid.map((p) => ({
      kind: 'bill_payment' as const,
      id: p.id,
      label: p.reference ?? p.method,
      date: p.paidOn,
      ...money(p.amountCents, p.currency),
      status: p.method,
    })),
    ...(await bankLinesFor(tx, 'bill', ids)),
  ];
}

async function receiptsOf(tx: Tx, orderId: string): Promise<Link[]> {
  const rows = await tx
    .select()
    .from(purchaseReceipts)
    .where(eq(purchaseReceipts.orderId, orderId))
    .orderBy(asc(purchaseReceipts.receivedOn))
    .limit(50);
  return rows.map((r) => ({
    kind: 'receipt' as const,
    id: r.id,
    label: r.note ?? r.receivedOn,
    date: r.receivedOn,
    amount: null,
    currency: null,
    status: `${r.lines.length}`,
  }));
}

const orderLink = (o: typeof purchaseOrders.$inferSelect): Link => ({
  kind: 'purchase_order',
  id: o.id,
  label: o.number,
  date: o.orderDate,
  ...money(o.totalCents, o.currency),
  status: o.status,
});

const invoiceLink = (i: typeof invoices.$inferSelect): Link => ({
  kind: 'invoice',
  id: i.id,
  label: i.number,
  date: i.issueDate,
  ...money(i.totalCents, i.currency),
  status: i.status,
});

/** The records this one leads to or comes from: PO ↔ receipt ↔ bill ↔ payment ↔ bank line; invoice ↔ reminders ↔ payments. */
export async function linksOf(tx: Tx, kind: RecordKind, id: string): Promise<Link[]> {
  switch (kind) {
    case 'purchase_order': {
      const bills = await tx.select().from(supplierBills).where(eq(supplierBills.purchaseOrderId, id)).limit(50);
      return [...(await receiptsOf(tx, id)), ...(await billLinks(tx, bills))];
    }
    case 'bill': {
      const [bill] = await tx.select().from(supplierBills).where(eq(supplierBills.id, id));
      if (!bill) return [];
      const out: Link[] = [];
      if (bill.purchaseOrderId) {
        const [order] = await tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, bill.purchaseOrderId));
        if (order) out.push(orderLink(order), ...(await receiptsOf(tx, order.id)));
      }
      if (bill.documentId) {
        const [doc] = await tx
          .select({ id: documents.id, filename: documents.filename, status: documents.status, at: documents.createdAt })
          .from(documents)
          .where(eq(documents.id, bill.documentId));
        if (doc)
          out.push({
            kind: 'document',
            id: doc.id,
            label: doc.filename,
            date: isoDate(doc.at),
            amount: null,
            currency: null,
            status: doc.status,
          });
      }
      return [...out, ...(await billLinks(tx, [bill])).filter((l) => l.kind !== 'bill')];
    }
    case 'invoice': {
      const received = await tx
        .select()
        .from(payments)
        .where(eq(payments.invoiceId, id))
        .orderBy(asc(payments.receivedOn))
        .limit(50);
      const sent = await tx
        .select()
        .from(reminders)
        .where(eq(reminders.invoiceId, id))
        .orderBy(asc(reminders.scheduleDay))
        .limit(50);
      const credits = await tx.select().from(invoices).where(eq(invoices.creditOf, id)).limit(50);
      const [self] = await tx.select({ creditOf: invoices.creditOf }).from(invoices).where(eq(invoices.id, id));
      const original = self?.creditOf ? await tx.select().from(invoices).where(eq(invoices.id, self.creditOf)) : [];
      const bankIds = received.flatMap((p) => (p.bankTransactionId ? [p.bankTransactionId] : []));
      const viaPayments = bankIds.length
        ? await tx.select().from(bankTransactions).where(inArray(bankTransactions.id, bankIds))
        : [];
      const matched = await bankLinesFor(tx, 'invoice', [id]);
      const bankLines = [
        ...matched,
        ...viaPayments
          .filter((t) => !matched.some((m) => m.id === t.id))
          .map((t) => ({
            kind: 'bank_transaction' as const,
            id: t.id,
            label: t.counterparty ? `${t.counterparty} — ${t.description}` : t.description,
            date: t.bookedOn,
            ...money(t.amountCents, t.currency),
            status: t.status,
          })),
      ];
      return [
        ...original.map(invoiceLink),
        ...credits.map(invoiceLink),
        ...sent.map((r) => ({
          kind: 'reminder' as const,
          id: r.id,
          label: `${r.scheduleDay}`,
          date: r.sentAt ? isoDate(r.sentAt) : null,
          amount: null,
          currency: null,
          status: r.sentAt ? 'sent' : 'pending',
        })),
        ...received.map((p) => ({
          kind: 'payment' as const,
          id: p.id,
          label: p.reference ?? p.method,
          date: p.receivedOn,
          ...money(p.amountCents, p.currency),
          status: p.method,
        })),
        ...bankLines,
      ];
    }
    case 'supplier': {
      const orders = await tx
        .select()
        .from(purchaseOrders)
        .where(eq(purchaseOrders.supplierId, id))
        .orderBy(desc(purchaseOrders.createdAt))
        .limit(10);
      const bills = await tx
        .select()
        .from(supplierBills)
        .where(eq(supplierBills.supplierId, id))
        .orderBy(desc(supplierBills.billDate))
        .limit(10);
      return [
        ...orders.map(orderLink),
        ...bills.map((b) => ({
          kind: 'bill' as const,
          id: b.id,
          label: b.number,
          date: b.billDate,
          ...money(b.totalCents, b.currency),
          status: b.status,
        })),
      ];
    }
    case 'client': {
      const rows = await tx
        .select()
        .from(invoices)
        .where(eq(invoices.clientId, id))
        .orderBy(desc(invoices.issueDate))
        .limit(10);
      return rows.map(invoiceLink);
    }
    case 'product': {
      const [row] = await tx
        .select({ id: suppliers.id, name: suppliers.name })
        .from(products)
        .innerJoin(suppliers, tenantJoin(suppliers.id, products.supplierId))
        .where(eq(products.id, id));
      return row
        ? [{ kind: 'supplier', id: row.id, label: row.name, date: null, amount: null, currency: null, status: null }]
        : [];
    }
    case 'document': {
      const bills = await tx.select().from(supplierBills).where(eq(supplierBills.documentId, id)).limit(10);
      return billLinks(tx, bills);
    }
  }
}
