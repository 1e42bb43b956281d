/**
 * Pure rules of supplier bills: the statuses a bill goes through, and the evidence a recorded bill
 * carries (how its supplier was found, whether its arithmetic holds, the three-way match, possible
 * duplicates, an amount out of the supplier's usual range). Evidence weights add to the door's
 * neutral 0.5 prior (tools/actions/confidence.ts), so a clean, matched bill reaches 1 and a
 * doubtful one falls under any tenant's threshold.
 */
import type { EvidenceFactor } from '../../db/schema/actions.ts';
import { fromMinor } from '../money.ts';
import type { MatchResult } from '../purchasing/three-way-match.ts';

export const BILL_STATUSES = ['draft', 'booked', 'approved', 'partially_paid', 'paid', 'cancelled'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

const NEXT: Record<BillStatus, readonly BillStatus[]> = {
  draft: ['approved', 'cancelled'],
  booked: ['approved', 'cancelled'],
  approved: ['partially_paid', 'paid', 'cancelled'],
  partially_paid: ['partially_paid', 'paid'],
  paid: [],
  cancelled: [],
};
export const canMoveBill = (from: BillStatus, to: BillStatus) => NEXT[from].includes(to);

export type SupplierResolution = { how: 'id' | 'tax_number' | 'name_exact'; name: string } | { how: 'name_fuzzy'; name: string; asked: string; score: number };

export function supplierFactor(r: SupplierResolution): EvidenceFactor {
  switch (r.how) {
    case 'id':
      return { factor: 'supplier_exact', weight: 0.2, detail: `Supplier ${r.name} identified by id.` };
    case 'tax_number':
      return { factor: 'supplier_exact', weight: 0.2, detail: `Supplier ${r.name} identified by its tax number.` };
    case 'name_exact':
      return { factor: 'supplier_exact', weight: 0.15, detail: `Supplier ${r.name} identified by its exact name.` };
    case 'name_fuzzy':
      return { factor: 'supplier_fuzzy', weight: 0.05, detail: `Supplier "${r.asked}" taken as ${r.name} (search score ${r.score.toFixed(2)}).` };
  }
}

export interface TotalsCheck {
  subtotalCents: bigint;
  taxCents: bigint;
  totalCents: bigint;
  /** What the lines and tax rules give, when there are lines. */
  computed?: { subtotalCents: bigint; taxCents: bigint } | undefined;
}

/** Lines + taxes = total, and the lines add up to the subtotal the supplier printed. */
export function totalsFactor(t: TotalsCheck, currency: string): EvidenceFactor {
  const m = (c: bigint) => fromMinor(c, currency);
  if (t.subtotalCents + t.taxCents !== t.totalCents) {
    return { factor: 'totals_inconsistent', weight: -0.3, detail: `Subtotal ${m(t.subtotalCents)} + tax ${m(t.taxCents)} ≠ total ${m(t.totalCents)}.` };
  }
  if (!t.computed) return { factor: 'totals_consistent', weight: 0.05, detail: `Subtotal ${m(t.subtotalCents)} + tax ${m(t.taxCents)} = total ${m(t.totalCents)}; no lines to check.` };
  if (t.computed.subtotalCents !== t.subtotalCents) {
    return { factor: 'lines_differ_from_subtotal', weight: -0.2, detail: `Lines add up to ${m(t.computed.subtotalCents)}, the bill says ${m(t.subtotalCents)}.` };
  }
  if (t.computed.taxCents !== t.taxCents) {
    return { factor: 'tax_differs', weight: -0.1, detail: `Tax by the rules is ${m(t.computed.taxCents)}, the bill charges ${m(t.taxCents)}.` };
  }
  return { factor: 'totals_match', weight: 0.15, detail: `Lines + taxes = total (${m(t.totalCents)}).` };
}

export function matchFactor(match: MatchResult | null, orderNumber: string | null): EvidenceFactor {
  if (!match || !orderNumber) return { factor: 'no_purchase_order', weight: 0, detail: 'No purchase order linked: no three-way match.' };
  if (match.status === 'matched') return { factor: 'three_way_match', weight: 0.15, detail: `Matches ${orderNumber} and its receipts exactly.` };
  const kinds = [...new Set(match.differences.map((d) => d.kind))].join(', ');
  if (match.status === 'within_tolerance') return { factor: 'three_way_match_tolerance', weight: 0.05, detail: `Matches ${orderNumber} within tolerance (${kinds}).` };
  return { factor: 'three_way_mismatch', weight: -0.3, detail: `Does not match ${orderNumber}: ${kinds}.` };
}

export interface PastBill {
  number: string;
  supplierInvoiceNumber: string | null;
  billDate: string;
  totalCents: bigint;
  status: BillStatus;
}

const days = (a: string, b: string) => Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;

/** A bill of the same supplier for the same total within 30 days, not cancelled: maybe the same bill sent twice. */
export const DUPLICATE_WINDOW_DAYS = 30;
export function possibleDuplicates(bill: { billDate: string; totalCents: bigint }, past: readonly PastBill[]): PastBill[] {
  return past.filter((p) => p.status !== 'cancelled' && p.totalCents === bill.totalCents && days(p.billDate, bill.billDate) <= DUPLICATE_WINDOW_DAYS);
}

export function duplicateFactor(duplicates: readonly PastBill[]): EvidenceFactor | null {
  if (!duplicates.length) return null;
  const list = duplicates.map((d) => d.number + (d.supplierInvoiceNumber ? ` (${d.supplierInvoiceNumber})` : '')).join(', ');
  return { factor: 'possible_duplicate', weight: -0.4, detail: `Possible duplicate of ${list}: same supplier and total within ${DUPLICATE_WINDOW_DAYS} days.` };
}

/** Median of amounts (the lower middle for an even count: amounts stay whole cents). */
export function medianCents(amounts: readonly bigint[]): bigint | null {
  if (!amounts.length) return null;
  const sorted = [...amounts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Usual means: at least 3 earlier bills; above usual means more than twice their median. */
export const USUAL_MIN_BILLS = 3;
export const USUAL_FACTOR = 2n;
export function usualAmountFactor(totalCents: bigint, past: readonly PastBill[], currency: string): EvidenceFactor | null {
  const amounts = past.filter((p) => p.status !== 'cancelled').map((p) => p.totalCents);
  if (amounts.length < USUAL_MIN_BILLS) return null;
  const median = medianCents(amounts)!;
  const m = (c: bigint) => fromMinor(c, currency);
  if (totalCents > USUAL_FACTOR * median) {
    return { factor: 'amount_above_usual', weight: -0.15, detail: `Total ${m(totalCents)} is more than twice this supplier's median bill (${m(median)} over ${amounts.length} bills).` };
  }
  return { factor: 'amount_usual', weight: 0.05, detail: `Total ${m(totalCents)} is in this supplier's usual range (median ${m(median)}).` };
}
