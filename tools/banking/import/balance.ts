/**
 * Whether a statement adds up: opening balance + its booked lines = closing balance, in exact minor
 * units. Only MT940 (:60:/:62:) and camt (OPBD or PRCD, and CLBD) state both balances; OFX gives a
 * closing ledger balance alone, CSV exports none, so those cannot be checked.
 */
import { sum } from '../../money.ts';
import type { BalanceSpan, StatedBalance } from './types.ts';

export type Imbalance = { opening: StatedBalance; closing: StatedBalance; count: number; currencies: string[] } & (
  | {
      kind: 'difference';
      movedCents: bigint;
      /** closing − (opening + lines): positive when the closing balance is higher than the lines explain. */
      differenceCents: bigint;
    }
  /** Balances or lines in more than one currency: nothing to add up exactly. */
  | { kind: 'currencies' }
);

/** Null when the span adds up to the cent. */
export function imbalanceOf(span: BalanceSpan): Imbalance | null {
  const { opening, closing, lines } = span;
  const currencies = [...new Set([opening.currency, closing.currency, ...lines.map((l) => l.currency)])];
  const facts = { opening, closing, count: lines.length, currencies };
  if (currencies.length > 1) return { kind: 'currencies', ...facts };
  const movedCents = sum(lines.map((l) => l.amountCents));
  const differenceCents = closing.cents - opening.cents - movedCents;
  return differenceCents === 0n ? null : { kind: 'difference', ...facts, movedCents, differenceCents };
}
