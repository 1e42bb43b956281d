/**
 * Three-way match: what was ordered (purchase order), what arrived (receipts) and what is billed must
 * agree before a bill is paid. Pure: quantities as exact decimals, prices in cents. Differences are
 * listed one by one so a person sees what to check; small price differences (rounding, a fuel
 * surcharge spread over lines) pass within the tolerance.
 */
import { nameScore } from '../embeddings/rank.ts';
import { quantityText, quantityUnits } from './model.ts';
import { mulQuantity } from '../money.ts';

export interface MatchTolerance {
  /** A unit price may be this many basis points above the order's (200 = 2 %). */
  priceBasisPoints: number;
  /** The billed subtotal may differ from received × ordered price by this many cents. */
  subtotalCents: bigint;
}

/** 2 % on unit prices and 1.00 on the subtotal: the usual AP tolerances of small businesses. */
export const DEFAULT_TOLERANCE: MatchTolerance = { priceBasisPoints: 200, subtotalCents: 100n };

export interface OrderedItem {
  id: string;
  description: string;
  quantity: string;
  quantityReceived: string;
  unitPriceCents: bigint;
}

export interface BilledLine {
  description: string;
  quantity: string;
  unitPriceCents: bigint;
  /** The order item this line bills, when the caller knows it. */
  itemId?: string | undefined;
}

export type Difference =
  | { kind: 'not_on_order'; line: number; description: string }
  | { kind: 'billed_more_than_received'; line: number; itemId: string; billed: string; received: string }
  | { kind: 'billed_more_than_ordered'; line: number; itemId: string; billed: string; ordered: string }
  | {
      kind: 'price_above_order';
      line: number;
      itemId: string;
      billedCents: string;
      orderedCents: string;
      withinTolerance: boolean;
    }
  | { kind: 'price_below_order'; line: number; itemId: string; billedCents: string; orderedCents: string }
  | { kind: 'received_not_billed'; itemId: string; description: string; received: string }
  | { kind: 'subtotal_differs'; expectedCents: string; billedCents: string; withinTolerance: boolean };

export interface MatchResult {
  /** matched: everything agrees; within_tolerance: only small price differences; mismatch: a person must look. */
  status: 'matched' | 'within_tolerance' | 'mismatch';
  /** Bill line (0-based) → order item id, or null when it matched nothing. */
  pairs: { line: number; itemId: string | null }[];
  differences: Difference[];
}

/** A line names its item by id, else by the closest description (score ≥ 0.5) not yet taken. */
function pairLines(items: readonly OrderedItem[], lines: readonly BilledLine[]) {
  const taken = new Set<string>();
  return lines.map((line, i) => {
    let itemId: string | null = null;
    if (line.itemId && items.some((it) => it.id === line.itemId)) itemId = line.itemId;
    else {
      let best = 0.5;
      for (const it of items) {
        if (taken.has(it.id)) continue;
        const score = nameScore(line.description, it.description);
        if (score >= best) [best, itemId] = [score, it.id];
      }
    }
    if (itemId) taken.add(itemId);
    return { line: i, itemId };
  });
}

export function threeWayMatch(
  items: readonly OrderedItem[],
  lines: readonly BilledLine[],
  billedSubtotalCents: bigint,
  tolerance = DEFAULT_TOLERANCE,
): MatchResult {
  const pairs = pairLines(items, lines);
  const differences: Difference[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const billedUnits = new Map<string, bigint>();
  for (const { line, itemId } of pairs) {
    const billed = lines[line]!;
    if (!itemId) {
      differences.push({ kind: 'not_on_order', line, description: billed.description });
      continue;
    }
    const item = byId.get(itemId)!;
    const units = (billedUnits.get(itemId) ?? 0n) + quantityUnits(billed.quantity);
    billedUnits.set(itemId, units);
    if (units > quantityUnits(item.quantity)) {
      differences.push({
        kind: 'billed_more_than_ordered',
        line,
        itemId,
        billed: quantityText(units),
        ordered: quantityText(quantityUnits(item.quantity)),
      });
    }
    if (units > quantityUnits(item.quantityReceived)) {
      differences.push({
        kind: 'billed_more_than_received',
        line,
        itemId,
        billed: quantityText(units),
        received: quantityText(quantityUnits(item.quantityReceived)),
      });
    }
    if (billed.unitPriceCents > item.unitPriceCents) {
      // Integer test of billed ≤ ordered × (1 + bp / 10 000), no division, no float.
      const within =
        billed.unitPriceCents * 10_000n <= item.unitPriceCents * BigInt(10_000 + tolerance.priceBasisPoints);
      differences.push({
        kind: 'price_above_order',
        line,
        itemId,
        billedCents: `${billed.unitPriceCents}`,
        orderedCents: `${item.unitPriceCents}`,
        withinTolerance: within,
      });
    } else if (billed.unitPriceCents < item.unitPriceCents) {
      differences.push({
        kind: 'price_below_order',
        line,
        itemId,
        billedCents: `${billed.unitPriceCents}`,
        orderedCents: `${item.unitPriceCents}`,
      });
    }
  }
  for (const item of items) {
    if (quantityUnits(item.quantityReceived) > 0n && !billedUnits.has(item.id)) {
      differences.push({
        kind: 'received_not_billed',
        itemId: item.id,
        description: item.description,
        received: quantityText(quantityUnits(item.quantityReceived)),
      });
    }
  }
  // What the bill should come to: each billed quantity (capped at what arrived) at the ordered price.
  const expected = [...billedUnits].reduce((sum, [itemId, units]) => {
    const item = byId.get(itemId)!;
    const capped = units < quantityUnits(item.quantityReceived) ? units : quantityUnits(item.quantityReceived);
    return sum + mulQuantity(item.unitPriceCents, quantityText(capped));
  }, 0n);
  if (expected !== billedSubtotalCents) {
    const gap = billedSubtotalCents - expected;
    const within = (gap < 0n ? -gap : gap) <= tolerance.subtotalCents;
    differences.push({
      kind: 'subtotal_differs',
      expectedCents: `${expected}`,
      billedCents: `${billedSubtotalCents}`,
      withinTolerance: within,
    });
  }
  const blocking = differences.some(
    (d) =>
      d.kind === 'not_on_order' ||
      d.kind === 'billed_more_than_received' ||
      d.kind === 'billed_more_than_ordered' ||
      (d.kind === 'price_above_order' && !d.withinTolerance) ||
      (d.kind === 'subtotal_differs' && !d.withinTolerance),
  );
  // A lower price or goods still to be billed are not errors, but the bill no longer matches exactly.
  const status = blocking ? 'mismatch' : differences.length ? 'within_tolerance' : 'matched';
  return { status, pairs, differences };
}
