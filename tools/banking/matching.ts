/**
 * Which open invoice or bill a bank transaction most likely pays, and why. Money in is weighed
 * against open client invoices, money out against approved supplier bills; each candidate gets a
 * score from evidence a person can check (amount, document number, name, date).
 */
import { and, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import type { EvidenceFactor } from '../../db/schema/actions.ts';
import { bankAccounts, bankTransactions, clients, invoices, supplierBills, suppliers } from '../../db/schema/index.ts';
import type { Lang, ToolCtx } from '../context.ts';
import { balanceOf } from '../invoicing/model.ts';
import { formatMoney } from '../money.ts';
import { bankingTexts } from './texts.ts';
import { tenantJoin } from '../../db/tenant.ts';

export type TransactionRow = typeof bankTransactions.$inferSelect;

export interface Target {
  kind: 'invoice' | 'bill';
  id: string;
  /** Our number, and for a bill the supplier's own invoice number. */
  numbers: string[];
  party: string;
  currency: string;
  balanceCents: bigint;
  /** From when a payment is expected: issue date of an invoice, date of a bill. */
  from: string;
  dueOn: string | null;
}

export interface Candidate {
  target: Target;
  /** What the payment would be: the transaction's amount, never more than the balance. */
  amountCents: bigint;
  score: number;
  evidence: EvidenceFactor[];
}

/** A score from which a match is proposed on its own, when no other candidate comes close. */
export const CONFIDENT = 0.8;

const OPEN_INVOICES = ['sent', 'viewed', 'partially_paid', 'overdue'] as const;
const PAYABLE_BILLS = ['approved', 'partially_paid'] as const;

const folded = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
/** Letters and digits only: "FACT-2026 0001" and "FACT20260001" are the same number to a bank. */
const compact = (s: string) => folded(s).replace(/[^A-Z0-9]/g, '');
const words = (s: string) =>
  folded(s)
    .split(/[^A-Z0-9]+/)
    .filter((w) => w.length >= 3 && !LEGAL_FORMS.has(w));
const LEGAL_FORMS = new Set(['INC', 'LTD', 'LTEE', 'LLC', 'SARL', 'SAS', 'CORP', 'CIE', 'GMBH', 'THE', 'LES', 'DES']);
const days = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);

export async function openTargets(ctx: ToolCtx, direction: 'in' | 'out', targetId?: string): Promise<Target[]> {
  if (direction === 'in') {
    const rows = await ctx.db
      .select({ invoice: invoices, party: clients.name })
      .from(invoices)
      .innerJoin(clients, tenantJoin(clients.id, invoices.clientId))
      .where(
        and(
          eq(invoices.kind, 'invoice'),
          inArray(invoices.status, [...OPEN_INVOICES]),
          targetId ? eq(invoices.id, targetId) : undefined,
        ),
      );
    return rows.map(({ invoice, party }) => ({
      kind: 'invoice',
      id: invoice.id,
      numbers: [invoice.number],
      party,
      currency: invoice.currency,
      balanceCents: balanceOf(invoice),
      from: invoice.issueDate,
      dueOn: invoice.dueDate,
    }));
  }
  const rows = await ctx.db
    .select({ bill: supplierBills, party: suppliers.name })
    .from(supplierBills)
    .innerJoin(suppliers, tenantJoin(suppliers.id, supplierBills.supplierId))
    .where(
      and(inArray(supplierBills.status, [...PAYABLE_BILLS]), targetId ? eq(supplierBills.id, targetId) : undefined),
    );
  return rows.map(({ bill, party }) => ({
    kind: 'bill',
    id: bill.id,
    numbers: [bill.number, bill.supplierInvoiceNumber].filter((n): n is string => !!n),
    party,
    currency: bill.currency,
    balanceCents: bill.totalCents - bill.paidCents,
    from: bill.billDate,
    dueOn: bill.dueDate,
  }));
}

/**
 * The evidence that `tx` pays `target`, or null when it cannot (other currency, more than owed).
 * Details are written in `lang`: people read them in the approvals inbox and the chat.
 */
export function weigh(tx: TransactionRow, target: Target, lang: Lang): Candidate | null {
  const paid = tx.amountCents < 0n ? -tx.amountCents : tx.amountCents;
  if (target.currency !== tx.currency || target.balanceCents <= 0n || paid === 0n || paid > target.balanceCents)
    return null;
  const say = bankingTexts[lang].evidence;
  const money = (cents: bigint) => formatMoney(cents, target.currency, lang === 'fr' ? 'fr-CA' : 'en-CA');
  const ours = target.numbers[0]!;
  const evidence: EvidenceFactor[] = [];
  if (paid === target.balanceCents)
    evidence.push({
      factor: 'amount_equals_balance',
      weight: 0.45,
      detail: say.amountEqualsBalance(money(paid), ours),
    });
  else
    evidence.push({
      factor: 'partial_amount',
      weight: 0.1,
      detail: say.partialAmount(money(paid), money(target.balanceCents), ours),
    });

  const text = [tx.description, tx.reference ?? ''].join(' ');
  const number = target.numbers.find((n) => compact(n).length >= 3 && compact(text).includes(compact(n)));
  if (number) evidence.push({ factor: 'number_in_text', weight: 0.35, detail: say.numberInText(number) });

  const partyText = folded([tx.counterparty ?? '', tx.description].join(' '));
  const nameWords = words(target.party);
  const found = nameWords.filter((w) => new RegExp(`(^|[^A-Z0-9])${w}([^A-Z0-9]|$)`).test(partyText));
  if (nameWords.length && found.length === nameWords.length)
    evidence.push({ factor: 'name_matches', weight: 0.2, detail: say.nameMatches(target.party, tx.amountCents > 0n) });
  else if (found.length)
    evidence.push({
      factor: 'name_partly_matches',
      weight: 0.1,
      detail: say.namePartlyMatches(target.party, found.join(', ').toLowerCase()),
    });

  const sinceIssue = days(tx.bookedOn, target.from);
  const afterDue = target.dueOn ? days(tx.bookedOn, target.dueOn) : 0;
  if (sinceIssue >= -3 && afterDue <= 60)
    evidence.push({
      factor: 'date_plausible',
      weight: 0.1,
      detail: say.datePlausible(tx.bookedOn, sinceIssue, ours, target.from),
    });
  else if (sinceIssue < -3)
    evidence.push({
      factor: 'before_document',
      weight: -0.3,
      detail: say.beforeDocument(tx.bookedOn, ours, target.from),
    });

  const score = Math.max(
    0,
    Math.min(
      1,
      evidence.reduce((s, e) => s + e.weight, 0),
    ),
  );
  return { target, amountCents: paid, score: Math.round(score * 100) / 100, evidence };
}

/** The best candidates for a transaction, best first; weak ones (amount alone when partial) are left out. */
export function rank(tx: TransactionRow, targets: Target[], lang: Lang, limit = 3): Candidate[] {
  return targets
    .map((t) => weigh(tx, t, lang))
    .filter((c): c is Candidate => c !== null && c.score >= 0.3)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** Proposed on its own only when clearly ahead: the next candidate is at least 0.2 behind. */
export const isConfident = (ranked: Candidate[]): boolean =>
  ranked[0] !== undefined &&
  ranked[0].score >= CONFIDENT &&
  (ranked[1] === undefined || ranked[0].score - ranked[1].score >= 0.2);

/** `account`: part of the account's name, IBAN or number, as a person types it. */
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
