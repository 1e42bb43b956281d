/**
 * The reconciliation engine on a tenant's books: loads the open invoices and bills, the learned payer
 * aliases and every unmatched bank line (in pages, so a large statement is never one query), runs the
 * pure engine over the whole statement, and learns from people's confirmations and rejections.
 */
import { and, asc, eq, gt, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  bankAccounts,
  bankPayerAliases,
  bankTransactions,
  clients,
  invoices,
  supplierBills,
  suppliers,
} from '../../db/schema/index.ts';
import { tenantJoin } from '../../db/tenant.ts';
import type { ToolCtx } from '../context.ts';
import { balanceOf } from '../invoicing/model.ts';
import { indexOpen, type OpenItem } from './engine/index-open.ts';
import { type Alias, type Line, type LineResult, matchStatement } from './engine/match.ts';
import { payerOf } from './engine/names.ts';

const OPEN_INVOICES = ['sent', 'viewed', 'partially_paid', 'overdue'] as const;
const PAYABLE_BILLS = ['approved', 'partially_paid'] as const;
export const PAGE = 5000;

/**
 * The open invoices and payable bills of the tenant, or only those with the given ids (a confirmation
 * reads its own targets, never the whole book).
 */
export async function openItems(
  db: Tx,
  only?: { invoiceIds: string[]; billIds: string[] },
): Promise<{ incoming: OpenItem[]; outgoing: OpenItem[] }> {
  const [inv, bills] = await Promise.all([
    only && !only.invoiceIds.length
      ? []
      : db
          .select({ invoice: invoices, clientId: clients.id, party: clients.name })
          .from(invoices)
          .innerJoin(clients, tenantJoin(clients.id, invoices.clientId))
          .where(
            and(
              eq(invoices.kind, 'invoice'),
              inArray(invoices.status, [...OPEN_INVOICES]),
              only ? inArray(invoices.id, only.invoiceIds) : undefined,
            ),
          ),
    only && !only.billIds.length
      ? []
      : db
          .select({ bill: supplierBills, supplierId: suppliers.id, party: suppliers.name })
          .from(supplierBills)
          .innerJoin(suppliers, tenantJoin(suppliers.id, supplierBills.supplierId))
          .where(
            and(
              inArray(supplierBills.status, [...PAYABLE_BILLS]),
              only ? inArray(supplierBills.id, only.billIds) : undefined,
            ),
          ),
  ]);
  return {
    incoming: inv.map(({ invoice, clientId, party }) => ({
      kind: 'invoice' as const,
      id: invoice.id,
      number: invoice.number,
      partyId: clientId,
      party,
      currency: invoice.currency,
      balanceCents: Number(balanceOf(invoice)),
      issuedOn: invoice.issueDate,
      dueOn: invoice.dueDate,
    })),
    outgoing: bills.map(({ bill, supplierId, party }) => ({
      kind: 'bill' as const,
      id: bill.id,
      number: bill.number,
      otherNumbers: bill.supplierInvoiceNumber ? [bill.supplierInvoiceNumber] : [],
      partyId: supplierId,
      party,
      currency: bill.currency,
      balanceCents: Number(bill.totalCents - bill.paidCents),
      issuedOn: bill.billDate,
      dueOn: bill.dueDate,
    })),
  };
}

export type TransactionRow = typeof bankTransactions.$inferSelect;

export const lineOf = (t: TransactionRow): Line => ({
  id: t.id,
  accountId: t.accountId,
  bookedOn: t.bookedOn,
  amountCents: Number(t.amountCents),
  currency: t.currency,
  description: t.description,
  counterparty: t.counterparty,
  reference: t.reference,
});

/** Every unmatched line of the tenant, oldest first, read PAGE at a time by key. */
export async function unmatchedLines(db: Tx, onPage?: (read: number) => void): Promise<TransactionRow[]> {
  const out: TransactionRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page: TransactionRow[] = await db
      .select()
      .from(bankTransactions)
      .where(
        and(
          eq(bankTransactions.status, 'unmatched'),
          ne(bankTransactions.amountCents, 0n),
          after ? gt(bankTransactions.id, after) : undefined,
        ),
      )
      .orderBy(asc(bankTransactions.id))
      .limit(PAGE);
    out.push(...page);
    onPage?.(out.length);
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  return out.sort((a, b) => a.bookedOn.localeCompare(b.bookedOn) || a.id.localeCompare(b.id));
}

export async function aliasesOf(db: Tx): Promise<{ incoming: Alias[]; outgoing: Alias[] }> {
  const rows = await db.select().from(bankPayerAliases);
  const as = (r: (typeof rows)[number]): Alias => ({
    payer: r.payer,
    partyId: r.partyId,
    confirmed: r.confirmed,
    rejected: r.rejected,
  });
  return {
    incoming: rows.filter((r) => r.direction === 'in').map(as),
    outgoing: rows.filter((r) => r.direction === 'out').map(as),
  };
}

/** The engine over every unmatched line of the tenant (or the given ones, still against the whole statement). */
export async function reconcileStatement(
  ctx: Pick<ToolCtx, 'db' | 'tenant'>,
  onPage?: (read: number) => void,
): Promise<{ results: LineResult[]; rows: Map<string, TransactionRow>; items: Map<string, OpenItem> }> {
  const [open, aliases, rows, tenant] = await Promise.all([
    openItems(ctx.db),
    aliasesOf(ctx.db),
    unmatchedLines(ctx.db, onPage),
    ctx.tenant(),
  ]);
  const results = matchStatement(
    rows.map(lineOf),
    { incoming: indexOpen(open.incoming), outgoing: indexOpen(open.outgoing) },
    { feeToleranceCents: Number(tenant.bankFeeToleranceCents) },
    [...aliases.incoming, ...aliases.outgoing],
  );
  return {
    results,
    rows: new Map(rows.map((r) => [r.id, r])),
    items: new Map([...open.incoming, ...open.outgoing].map((i) => [i.id, i])),
  };
}

/** How many times a person confirmed this payer as this party. */
export async function confirmationsOf(db: Tx, direction: 'in' | 'out', payer: string, partyId: string) {
  const [row] = await db
    .select({ confirmed: bankPayerAliases.confirmed })
    .from(bankPayerAliases)
    .where(
      and(
        eq(bankPayerAliases.direction, direction),
        eq(bankPayerAliases.payer, payer),
        eq(bankPayerAliases.partyId, partyId),
      ),
    );
  return row?.confirmed ?? 0;
}

/** Learns (or unlearns, with -1) that a payer text is or is not a party. */
export async function learn(
  db: Tx,
  tenantId: string,
  tx: Pick<TransactionRow, 'counterparty' | 'description' | 'amountCents'>,
  partyId: string,
  what: 'confirmed' | 'rejected',
  by: 1 | -1,
  now: Date,
) {
  const payer = payerOf(tx.counterparty, tx.description);
  if (!payer) return;
  const direction = tx.amountCents > 0n ? 'in' : 'out';
  const column = what === 'confirmed' ? bankPayerAliases.confirmed : bankPayerAliases.rejected;
  await db
    .insert(bankPayerAliases)
    .values({
      tenantId,
      direction,
      payer,
      partyId,
      confirmed: what === 'confirmed' ? Math.max(0, by) : 0,
      rejected: what === 'rejected' ? Math.max(0, by) : 0,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [bankPayerAliases.tenantId, bankPayerAliases.direction, bankPayerAliases.payer, bankPayerAliases.partyId],
      set: { [what]: sql`greatest(0, ${column} + ${by})`, updatedAt: now },
    });
}

/** A page of unmatched lines, newest first, of one account (part of its name, IBAN or number) or one line. */
export async function unmatchedTransactions(
  ctx: ToolCtx,
  filter: { transactionId?: string; account?: string },
  limit = 50,
): Promise<TransactionRow[]> {
  const like = filter.account ? `%${filter.account.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  // The accounts as a subquery, not a join: joined, the planner misjudged how many of a company's lines
  // one account holds and walked them all by account rather than the unmatched ones by date.
  const accounts = like
    ? ctx.db
        .select({ id: bankAccounts.id })
        .from(bankAccounts)
        .where(
          or(ilike(bankAccounts.name, like), ilike(bankAccounts.iban, like), ilike(bankAccounts.accountNumber, like)),
        )
    : undefined;
  return ctx.db
    .select()
    .from(bankTransactions)
    .where(
      and(
        eq(bankTransactions.status, 'unmatched'),
        ne(bankTransactions.amountCents, 0n),
        filter.transactionId ? eq(bankTransactions.id, filter.transactionId) : undefined,
        accounts ? inArray(bankTransactions.accountId, accounts) : undefined,
      ),
    )
    .orderBy(sql`${bankTransactions.bookedOn} desc`, bankTransactions.id)
    .limit(limit);
}
