// Whether a statement adds up from its opening to its closing balance, in exact cents; each case by hand.
import { describe, expect, it } from 'vitest';
import { imbalanceOf } from '../../../tools/banking/import/balance.ts';
import type { BalanceSpan } from '../../../tools/banking/import/types.ts';

const eur = (cents: bigint) => ({ cents, currency: 'EUR' });
const span = (opening: bigint, lines: bigint[], closing: bigint): BalanceSpan => ({
  opening: eur(opening),
  closing: eur(closing),
  lines: lines.map(eur).map(({ cents, currency }) => ({ amountCents: cents, currency })),
});

describe('imbalanceOf', () => {
  it.each([
    // 100.00 − 10.00 + 0.30 = 90.30
    { opening: 10000n, lines: [-1000n, 30n], closing: 9030n },
    // An overdrawn account: −4 500.00 − 150.00 = −4 650.00
    { opening: -450000n, lines: [-15000n], closing: -465000n },
    // A day with no transaction: the balance stays.
    { opening: 37929n, lines: [], closing: 37929n },
    // 0.10 + 0.20 = 0.30 exactly, where floats make 0.30000000000000004.
    { opening: 0n, lines: [10n, 20n], closing: 30n },
  ])('adds up: $opening + $lines = $closing', ({ opening, lines, closing }) =>
    expect(imbalanceOf(span(opening, lines, closing))).toBeNull(),
  );

  it.each([
    // ING sample: 0.00 − 45.59 = −45.59, the bank says 3.47: 49.06 short.
    {
      opening: 0n,
      lines: [-2503n, -303n, -111n, -2000n, -110n, 368n, 100n],
      closing: 347n,
      moved: -4559n,
      difference: 4906n,
    },
    // One cent off.
    { opening: 10000n, lines: [-1000n], closing: 8999n, moved: -1000n, difference: -1n },
    // A missing line on an otherwise quiet day.
    { opening: 57774n, lines: [], closing: 57609n, moved: 0n, difference: -165n },
  ])(
    'does not add up: $opening + $moved ≠ $closing (difference $difference)',
    ({ opening, lines, closing, moved, difference }) =>
      expect(imbalanceOf(span(opening, lines, closing))).toMatchObject({
        kind: 'difference',
        count: lines.length,
        movedCents: moved,
        differenceCents: difference,
      }),
  );

  it('cannot add up balances in two currencies, even when the figures would', () => {
    // camt053.v2.minimal: opening 18.15 EUR + 8.85 EUR, closing 27.00 SEK (debit).
    const got = imbalanceOf({
      opening: eur(1815n),
      closing: { cents: -2700n, currency: 'SEK' },
      lines: [{ amountCents: 885n, currency: 'EUR' }],
    });
    expect(got).toMatchObject({ kind: 'currencies', currencies: ['EUR', 'SEK'], count: 1 });
  });

  it('cannot add up a line in another currency than the balances', () => {
    const got = imbalanceOf({ opening: eur(0n), closing: eur(500n), lines: [{ amountCents: 500n, currency: 'CHF' }] });
    expect(got).toMatchObject({ kind: 'currencies', currencies: ['EUR', 'CHF'] });
  });
});
