/**
 * Pure analytics: spend, receivables aging and DSO, the 13-week cash-flow forecast and the AI
 * dashboard. Inputs are plain rows (amounts in cents, dates as YYYY-MM-DD); every formula is written
 * in the comment above its function so a manager can check a number by hand.
 */

import { addDays, daysBetween } from '../dates.ts';

export { addDays, daysBetween };

// ---------------------------------------------------------------------------------------------
// Spend

export interface SpendLine {
  supplierId: string;
  supplierName: string;
  category: string | null;
  /** The document date (order date or bill date). */
  on: string;
  /** Before tax: sales tax paid by a registered business comes back as input tax credits. */
  amountCents: bigint;
}

export type SpendGroup = 'supplier' | 'category' | 'month' | 'quarter' | 'year';

export interface SpendRow {
  key: string;
  label: string;
  amountCents: bigint;
  documents: number;
  /** Share of the total, in basis points (10 000 = 100 %), rounded half-up. */
  shareBasisPoints: number;
}

const UNCATEGORISED = '—';

function groupKey(line: SpendLine, by: SpendGroup): [string, string] {
  switch (by) {
    case 'supplier':
      return [line.supplierId, line.supplierName];
    case 'category':
      return [line.category ?? UNCATEGORISED, line.category ?? UNCATEGORISED];
    case 'month':
      return [line.on.slice(0, 7), line.on.slice(0, 7)];
    case 'quarter': {
      const q = `${line.on.slice(0, 4)}-Q${Math.floor((Number(line.on.slice(5, 7)) - 1) / 3) + 1}`;
      return [q, q];
    }
    case 'year':
      return [line.on.slice(0, 4), line.on.slice(0, 4)];
  }
}

/** Spend per group, largest first for suppliers and categories, chronological for periods. */
export function spendBy(lines: readonly SpendLine[], by: SpendGroup): { rows: SpendRow[]; totalCents: bigint } {
  const groups = new Map<string, { label: string; amountCents: bigint; documents: number }>();
  for (const line of lines) {
    const [key, label] = groupKey(line, by);
    const g = groups.get(key) ?? { label, amountCents: 0n, documents: 0 };
    g.amountCents += line.amountCents;
    g.documents += 1;
    groups.set(key, g);
  }
  const totalCents = lines.reduce((s, l) => s + l.amountCents, 0n);
  const rows = [...groups].map(([key, g]) => ({
    key,
    label: g.label,
    amountCents: g.amountCents,
    documents: g.documents,
    shareBasisPoints: totalCents === 0n ? 0 : Number((g.amountCents * 20_000n + totalCents) / (2n * totalCents)),
  }));
  const periods = by === 'month' || by === 'quarter' || by === 'year';
  rows.sort((a, b) =>
    periods
      ? a.key < b.key
        ? -1
        : 1
      : a.amountCents === b.amountCents
        ? a.label < b.label
          ? -1
          : 1
        : a.amountCents > b.amountCents
          ? -1
          : 1,
  );
  return { rows, totalCents };
}

// ---------------------------------------------------------------------------------------------
// Receivables

export interface OpenInvoice {
  id: string;
  clientId: string;
  number: string;
  dueDate: string;
  /** total − paid − credited: what the client still owes. */
  balanceCents: bigint;
}

export const AGING_BUCKETS = ['current', '1_30', '31_60', '61_90', 'over_90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** current: not yet due (due today or later); then days past the due date: 1–30, 31–60, 61–90, 91 and more. */
export function agingBucket(dueDate: string, asOf: string): AgingBucket {
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return 'current';
  if (late <= 30) return '1_30';
  if (late <= 60) return '31_60';
  if (late <= 90) return '61_90';
  return 'over_90';
}

export function arAging(
  invoices: readonly OpenInvoice[],
  asOf: string,
): { buckets: Record<AgingBucket, { amountCents: bigint; invoices: number }>; totalCents: bigint } {
  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, { amountCents: 0n, invoices: 0 }])) as Record<
    AgingBucket,
    { amountCents: bigint; invoices: number }
  >;
  let totalCents = 0n;
  for (const inv of invoices) {
    if (inv.balanceCents <= 0n) continue;
    const b = buckets[agingBucket(inv.dueDate, asOf)];
    b.amountCents += inv.balanceCents;
    b.invoices += 1;
    totalCents += inv.balanceCents;
  }
  return { buckets, totalCents };
}

/**
 * Days sales outstanding, the standard way: receivables today ÷ credit sales of the last `days` days × `days`.
 * Rounded to one decimal; null without sales in the period (it would be infinite).
 */
export function dso(receivablesCents: bigint, creditSalesCents: bigint, days: number): number | null {
  if (creditSalesCents <= 0n) return null;
  // Tenths of a day, rounded half-up, in integers.
  const tenths = (receivablesCents * BigInt(days) * 20n + creditSalesCents) / (2n * creditSalesCents);
  return Number(tenths) / 10;
}

// ---------------------------------------------------------------------------------------------
// Cash-flow forecast

export interface PaidInvoice {
  clientId: string;
  dueDate: string;
  /** Date of the payment that settled it. */
  paidOn: string;
}

export interface ClientPaymentHistory {
  /** Mean days between due date and payment over the client's paid invoices (negative: early); 0 without history. */
  averageDaysLate: number;
  /** Paid invoices ÷ (paid invoices + open invoices more than 90 days late); 1 without history. */
  collectionRate: number;
  paidInvoices: number;
}

export function paymentHistory(
  paid: readonly PaidInvoice[],
  open: readonly OpenInvoice[],
  asOf: string,
): Map<string, ClientPaymentHistory> {
  const clients = new Set([...paid.map((p) => p.clientId), ...open.map((o) => o.clientId)]);
  const out = new Map<string, ClientPaymentHistory>();
  for (const clientId of clients) {
    const mine = paid.filter((p) => p.clientId === clientId);
    const stale = open.filter((o) => o.clientId === clientId && daysBetween(o.dueDate, asOf) > 90).length;
    const averageDaysLate = mine.length
      ? Math.round(mine.reduce((s, p) => s + daysBetween(p.dueDate, p.paidOn), 0) / mine.length)
      : 0;
    const collectionRate = mine.length + stale === 0 ? 1 : mine.length / (mine.length + stale);
    out.set(clientId, { averageDaysLate, collectionRate, paidInvoices: mine.length });
  }
  return out;
}

export interface Payable {
  /** bill or order */
  kind: 'bill' | 'order';
  reference: string;
  /** When the money is expected to leave: the bill's due date, an order's expected date + payment terms. */
  dueDate: string;
  amountCents: bigint;
}

export interface ForecastWeek {
  week: number;
  start: string;
  end: string;
  inflowCents: bigint;
  outflowCents: bigint;
  netCents: bigint;
  /** Opening balance + every net flow up to and including this week. */
  closingCents: bigint;
}

/**
 * 13 weeks from `asOf` (week 1 = asOf … asOf + 6 days). Money in: each open invoice's balance × its
 * client's collection rate, on its due date + the client's average days late. Money out: open bills
 * on their due date and approved, not yet billed orders on their expected date + the supplier's terms.
 * Anything expected before asOf (overdue) lands in week 1: it is due now. Beyond week 13 it is left out.
 * Weighted amounts are rounded half-up to the cent per invoice.
 */
export function cashFlowForecast(input: {
  asOf: string;
  openingCents: bigint;
  invoices: readonly OpenInvoice[];
  history: Map<string, ClientPaymentHistory>;
  payables: readonly Payable[];
  weeks?: number;
}): ForecastWeek[] {
  const count = input.weeks ?? 13;
  const weeks: ForecastWeek[] = Array.from({ length: count }, (_, i) => ({
    week: i + 1,
    start: addDays(input.asOf, 7 * i),
    end: addDays(input.asOf, 7 * i + 6),
    inflowCents: 0n,
    outflowCents: 0n,
    netCents: 0n,
    closingCents: 0n,
  }));
  const weekOf = (date: string) => Math.max(0, Math.floor(daysBetween(input.asOf, date) / 7));
  for (const inv of input.invoices) {
    if (inv.balanceCents <= 0n) continue;
    const h = input.history.get(inv.clientId) ?? { averageDaysLate: 0, collectionRate: 1, paidInvoices: 0 };
    const w = weekOf(addDays(inv.dueDate, h.averageDaysLate));
    if (w >= count) continue;
    // collectionRate as a fraction of 10 000, then half-up to the cent.
    const rate = BigInt(Math.round(h.collectionRate * 10_000));
    weeks[w]!.inflowCents += (inv.balanceCents * rate * 2n + 10_000n) / 20_000n;
  }
  for (const p of input.payables) {
    const w = weekOf(p.dueDate);
    if (w < count) weeks[w]!.outflowCents += p.amountCents;
  }
  let running = input.openingCents;
  for (const week of weeks) {
    week.netCents = week.inflowCents - week.outflowCents;
    running += week.netCents;
    week.closingCents = running;
  }
  return weeks;
}

export interface BankPosition {
  name: string;
  /** The closing balance a statement last stated, and the last day that statement covers. */
  statedCents: bigint | null;
  statedOn: string | null;
  /** Sum of the account's transactions booked up to asOf (used when no balance was ever stated). */
  upToAsOfCents: bigint;
  /** Booked after the stated day, up to asOf. */
  afterStatedCents: bigint;
  /** Booked after asOf, up to the stated day (a statement newer than the forecast's start). */
  afterAsOfCents: bigint;
  transactions: number;
}

export type OpeningSource = 'statements' | 'transactions' | 'none';

/**
 * The bank balance on asOf over the company-currency accounts: each account's stated closing balance
 * moved by the transactions booked between its day and asOf. An account whose files never stated a
 * balance (OFX, CSV) counts the sum of its transactions, which is its balance only if it was opened
 * empty: the source says which, so a person knows how far to trust the starting point.
 */
export function bankBalanceOn(positions: readonly BankPosition[]): { cents: bigint; source: OpeningSource } {
  let cents = 0n;
  let stated = 0;
  let summed = 0;
  for (const p of positions) {
    if (p.statedCents !== null && p.statedOn !== null) {
      cents += p.statedCents + p.afterStatedCents - p.afterAsOfCents;
      stated++;
    } else if (p.transactions > 0) {
      cents += p.upToAsOfCents;
      summed++;
    }
  }
  return { cents, source: summed ? 'transactions' : stated ? 'statements' : 'none' };
}

// ---------------------------------------------------------------------------------------------
// AI dashboard

/**
 * Minutes a person spends on each task by hand, for the "time saved" estimate. Our own estimates
 * for a small business clerk, not a study: reading and keying a supplier bill with its checks is the
 * longest; a payment record the shortest. Counted only for actions the AI proposed and that executed.
 */
export const MINUTES_PER_ACTION: Record<string, number> = {
  bills_record_supplier_bill: 8,
  bills_approve_bill: 2,
  bills_pay_bill: 3,
  purchasing_create_order: 6,
  purchasing_submit_order: 2,
  purchasing_send_order: 4,
  purchasing_receive_items: 3,
  purchasing_confirm_order: 2,
  purchasing_create_supplier: 4,
  purchasing_create_product: 4,
  invoicing_create_invoice: 7,
  invoicing_send_invoice: 4,
  invoicing_record_payment: 3,
  invoicing_create_client: 4,
  reminders_send_reminder: 5,
  banking_reconcile_transaction: 2,
};
/** Any other tool: a couple of minutes of clicking. */
export const DEFAULT_MINUTES = 2;

export interface ActionRow {
  tool: string;
  status: string;
  byAi: boolean;
  /** The policy let it execute at once, without a person. */
  autoExecuted: boolean;
  createdAt: Date;
  decidedAt: Date | null;
}

export interface AiDashboard {
  total: number;
  byAi: number;
  byStatus: Record<string, number>;
  /** AI actions executed at once ÷ AI actions, in basis points; null without AI actions. */
  autoExecutionBasisPoints: number | null;
  /** Minutes from proposal to a person's decision, over decided actions: median and mean (1 decimal). */
  approvalLatencyMinutes: { median: number | null; mean: number | null; decided: number };
  /** Σ MINUTES_PER_ACTION over executed AI actions. */
  minutesSaved: number;
}

export function aiDashboard(actions: readonly ActionRow[]): AiDashboard {
  const byStatus: Record<string, number> = {};
  for (const a of actions) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  const ai = actions.filter((a) => a.byAi);
  const auto = ai.filter((a) => a.autoExecuted).length;
  const latencies = actions
    .filter((a) => a.decidedAt)
    .map((a) => (a.decidedAt!.getTime() - a.createdAt.getTime()) / 60_000)
    .sort((x, y) => x - y);
  const one = (n: number) => Math.round(n * 10) / 10;
  const median = latencies.length
    ? one(
        latencies.length % 2
          ? latencies[(latencies.length - 1) / 2]!
          : (latencies[latencies.length / 2 - 1]! + latencies[latencies.length / 2]!) / 2,
      )
    : null;
  const mean = latencies.length ? one(latencies.reduce((s, x) => s + x, 0) / latencies.length) : null;
  const minutesSaved = ai
    .filter((a) => a.status === 'executed')
    .reduce((s, a) => s + (MINUTES_PER_ACTION[a.tool] ?? DEFAULT_MINUTES), 0);
  return {
    total: actions.length,
    byAi: ai.length,
    byStatus,
    autoExecutionBasisPoints: ai.length ? Math.round((auto * 10_000) / ai.length) : null,
    approvalLatencyMinutes: { median, mean, decided: latencies.length },
    minutesSaved,
  };
}
