/**
 * Pure rules of supplier bills: the statuses a bill goes through, and the evidence a recorded bill
 * carries (how its supplier was found, whether its arithmetic holds, the three-way match, possible
 * duplicates, an amount out of the supplier's usual range). Evidence weights add to the door's
 * neutral 0.5 prior (tools/actions/confidence.ts), so a clean, matched bill reaches 1 and a
 * doubtful one falls under any tenant's threshold.
 */
import type { EvidenceFactor } from '../../db/schema/actions.ts';
import type { Lang } from '../context.ts';
import type { MatchResult } from '../purchasing/three-way-match.ts';
import { billEvidence, DIFFERENCE_WORDS } from './texts.ts';

import type { BillStatus } from './statuses.ts';

export { BILL_STATUSES, type BillStatus } from './statuses.ts';

const NEXT: Record<BillStatus, readonly BillStatus[]> = {
  draft: ['approved', 'cancelled'],
  booked: ['approved', 'cancelled'],
  approved: ['partially_paid', 'paid', 'cancelled'],
  partially_paid: ['partially_paid', 'paid'],
  paid: [],
  cancelled: [],
};
export const canMoveBill = (from: BillStatus, to: BillStatus) => NEXT[from].includes(to);

/** The person the evidence is written for: their language, and amounts written for them (see moneyFor). */
export interface Reader {
  lang: Lang;
  money: (cents: bigint) => string;
}

export type SupplierResolution =
  | { how: 'id' | 'tax_number' | 'name_exact'; name: string }
  | { how: 'name_fuzzy'; name: string; asked: string; score: number };

export function supplierFactor(r: SupplierResolution, lang: Lang): EvidenceFactor {
  const say = billEvidence[lang];
  switch (r.how) {
    case 'id':
      return { factor: 'supplier_exact', weight: 0.2, detail: say.supplierById(r.name) };
    case 'tax_number':
      return { factor: 'supplier_exact', weight: 0.2, detail: say.supplierByTaxNumber(r.name) };
    case 'name_exact':
      return { factor: 'supplier_exact', weight: 0.15, detail: say.supplierByName(r.name) };
    case 'name_fuzzy':
      return { factor: 'supplier_fuzzy', weight: 0.05, detail: say.supplierFuzzy(r.asked, r.name, r.score.toFixed(2)) };
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
export function totalsFactor(t: TotalsCheck, reader: Reader): EvidenceFactor {
  const { money: m } = reader;
  const say = billEvidence[reader.lang];
  if (t.subtotalCents + t.taxCents !== t.totalCents) {
    return {
      factor: 'totals_inconsistent',
      weight: -0.3,
      detail: say.totalsInconsistent(m(t.subtotalCents), m(t.taxCents), m(t.totalCents)),
    };
  }
  if (!t.computed)
    return {
      factor: 'totals_consistent',
      weight: 0.05,
      detail: say.totalsConsistent(m(t.subtotalCents), m(t.taxCents), m(t.totalCents)),
    };
  if (t.computed.subtotalCents !== t.subtotalCents) {
    return {
      factor: 'lines_differ_from_subtotal',
      weight: -0.2,
      detail: say.linesDiffer(m(t.computed.subtotalCents), m(t.subtotalCents)),
    };
  }
  if (t.computed.taxCents !== t.taxCents) {
    return { factor: 'tax_differs', weight: -0.1, detail: say.taxDiffers(m(t.computed.taxCents), m(t.taxCents)) };
  }
  return { factor: 'totals_match', weight: 0.15, detail: say.totalsMatch(m(t.totalCents)) };
}

export function matchFactor(match: MatchResult | null, orderNumber: string | null, lang: Lang): EvidenceFactor {
  const say = billEvidence[lang];
  if (!match || !orderNumber) return { factor: 'no_purchase_order', weight: 0, detail: say.noOrder };
  if (match.status === 'matched') return { factor: 'three_way_match', weight: 0.15, detail: say.matched(orderNumber) };
  const kinds = [...new Set(match.differences.map((d) => DIFFERENCE_WORDS[d.kind][lang]))].join(', ');
  if (match.status === 'within_tolerance')
    return { factor: 'three_way_match_tolerance', weight: 0.05, detail: say.withinTolerance(orderNumber, kinds) };
  return { factor: 'three_way_mismatch', weight: -0.3, detail: say.mismatch(orderNumber, kinds) };
}

export interface PastBill {
  number: string;
  supplierInvoiceNumber: string | null;
  billDate: string;
  totalCents: bigint;
  status: BillStatus;
}

const days = (a: string, b: string) =>
  Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;

/** A bill of the same supplier for the same total within 30 days, not cancelled: maybe the same bill sent twice. */
export const DUPLICATE_WINDOW_DAYS = 30;
export function possibleDuplicates(
  bill: { billDate: string; totalCents: bigint },
  past: readonly PastBill[],
): PastBill[] {
  return past.filter(
    (p) =>
      p.status !== 'cancelled' &&
      p.totalCents === bill.totalCents &&
      days(p.billDate, bill.billDate) <= DUPLICATE_WINDOW_DAYS,
  );
}

export function duplicateFactor(duplicates: readonly PastBill[], lang: Lang): EvidenceFactor | null {
  if (!duplicates.length) return null;
  const list = duplicates
    .map((d) => d.number + (d.supplierInvoiceNumber ? ` (${d.supplierInvoiceNumber})` : ''))
    .join(', ');
  return {
    factor: 'possible_duplicate',
    weight: -0.4,
    detail: billEvidence[lang].duplicate(list, DUPLICATE_WINDOW_DAYS),
  };
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
export function usualAmountFactor(
  totalCents: bigint,
  past: readonly PastBill[],
  reader: Reader,
): EvidenceFactor | null {
  const amounts = past.filter((p) => p.status !== 'cancelled').map((p) => p.totalCents);
  if (amounts.length < USUAL_MIN_BILLS) return null;
  const median = medianCents(amounts)!;
  const { money: m } = reader;
  const say = billEvidence[reader.lang];
  if (totalCents > USUAL_FACTOR * median) {
    return {
      factor: 'amount_above_usual',
      weight: -0.15,
      detail: say.aboveUsual(m(totalCents), m(median), amounts.length),
    };
  }
  return { factor: 'amount_usual', weight: 0.05, detail: say.usual(m(totalCents), m(median)) };
}
