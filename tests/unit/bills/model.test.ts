// Evidence rules of supplier bills, each case computed by hand.
import { describe, expect, it } from 'vitest';
import {
  canMoveBill,
  matchFactor,
  medianCents,
  possibleDuplicates,
  totalsFactor,
  usualAmountFactor,
  type PastBill,
} from '../../../tools/bills/model.ts';
import { moneyFor } from '../../../tools/invoicing/texts.ts';
import type { MatchResult } from '../../../tools/purchasing/three-way-match.ts';

const english = { lang: 'en' as const, money: moneyFor('en', 'CA', 'CAD') };
const french = { lang: 'fr' as const, money: moneyFor('fr', 'CA', 'CAD') };
const bill = (
  number: string,
  billDate: string,
  totalCents: bigint,
  status: PastBill['status'] = 'approved',
): PastBill => ({ number, supplierInvoiceNumber: null, billDate, totalCents, status });

describe('bill statuses', () => {
  it.each([
    ['draft', 'approved', true],
    ['approved', 'paid', true],
    ['partially_paid', 'paid', true],
    ['draft', 'paid', false],
    ['paid', 'cancelled', false],
    ['partially_paid', 'cancelled', false],
  ] as const)('%s → %s: %s', (from, to, ok) => expect(canMoveBill(from, to)).toBe(ok));
});

describe('medianCents', () => {
  it.each([
    [[], null],
    [[500n], 500n],
    [[300n, 100n, 200n], 200n],
    [[400n, 100n, 300n, 200n], 200n],
  ] as const)('median of case %#', (values, median) => expect(medianCents(values)).toBe(median));
});

describe('possibleDuplicates', () => {
  const past = [
    bill('B1', '2026-03-01', 1000n),
    bill('B2', '2026-01-15', 1000n),
    bill('B3', '2026-03-05', 999n),
    bill('B4', '2026-03-10', 1000n, 'cancelled'),
  ];
  it('finds same-total bills within 30 days either side, not cancelled ones', () => {
    expect(possibleDuplicates({ billDate: '2026-03-20', totalCents: 1000n }, past).map((b) => b.number)).toEqual([
      'B1',
    ]);
    // 2026-01-15 → 2026-02-14 is exactly 30 days: still a possible duplicate.
    expect(possibleDuplicates({ billDate: '2026-02-14', totalCents: 1000n }, past).map((b) => b.number)).toEqual([
      'B1',
      'B2',
    ]);
    expect(possibleDuplicates({ billDate: '2026-02-15', totalCents: 1000n }, past).map((b) => b.number)).toEqual([
      'B1',
    ]);
  });
});

describe('usualAmountFactor', () => {
  const past = [bill('B1', '2026-01-01', 10000n), bill('B2', '2026-02-01', 12000n), bill('B3', '2026-03-01', 50000n)];
  it.each([
    // Median of 100.00, 120.00, 500.00 is 120.00: above usual means above 240.00.
    [24000n, 'amount_usual'],
    [24001n, 'amount_above_usual'],
  ])('a total of %s cents is %s', (total, factor) =>
    expect(usualAmountFactor(total, past, english)?.factor).toBe(factor),
  );
  it('says nothing with fewer than 3 earlier bills', () =>
    expect(usualAmountFactor(999999n, past.slice(0, 2), english)).toBeNull());
});

describe('totalsFactor', () => {
  it.each([
    [
      {
        subtotalCents: 10000n,
        taxCents: 1498n,
        totalCents: 11498n,
        computed: { subtotalCents: 10000n, taxCents: 1498n },
      },
      'totals_match',
      0.15,
    ],
    [{ subtotalCents: 10000n, taxCents: 1498n, totalCents: 11500n }, 'totals_inconsistent', -0.3],
    [{ subtotalCents: 10000n, taxCents: 1498n, totalCents: 11498n }, 'totals_consistent', 0.05],
    [
      {
        subtotalCents: 10000n,
        taxCents: 1498n,
        totalCents: 11498n,
        computed: { subtotalCents: 9000n, taxCents: 1348n },
      },
      'lines_differ_from_subtotal',
      -0.2,
    ],
    [
      {
        subtotalCents: 10000n,
        taxCents: 1300n,
        totalCents: 11300n,
        computed: { subtotalCents: 10000n, taxCents: 1498n },
      },
      'tax_differs',
      -0.1,
    ],
  ])('case %# gives the expected factor', (check, factor, weight) =>
    expect(totalsFactor(check, english)).toMatchObject({ factor, weight }),
  );
});

describe("what a bill's evidence says to the person it is recorded for", () => {
  // No-break spaces (U+00A0) are those of fr-CA amounts: "1 207,24 $".
  const plain = (text: string | undefined) => text?.replace(/\u00a0/g, ' ');
  const past = [
    bill('B1', '2026-01-01', 100000n),
    bill('B2', '2026-02-01', 120724n),
    bill('B3', '2026-03-01', 287438n),
  ];
  const mismatch: MatchResult = {
    status: 'mismatch',
    pairs: [{ line: 0, itemId: 'desk' }],
    differences: [
      { kind: 'billed_more_than_received', line: 0, itemId: 'desk', billed: '2', received: '1' },
      { kind: 'received_not_billed', itemId: 'chair', description: 'Chaise', received: '10' },
    ],
  };

  it('writes amounts and the three-way differences in French for a French reader', () => {
    expect(plain(usualAmountFactor(1040000n, past, french)?.detail)).toBe(
      'Le total de 10 400,00 $ dépasse le double de la facture médiane de ce fournisseur (1 207,24 $ sur 3 factures).',
    );
    expect(
      plain(totalsFactor({ subtotalCents: 900000n, taxCents: 100000n, totalCents: 1040000n }, french).detail),
    ).toBe('Sous-total 9 000,00 $ + taxes 1 000,00 $ ≠ total 10 400,00 $.');
    expect(matchFactor(mismatch, 'PO2026-00001', 'fr').detail).toBe(
      'Ne correspond pas à PO2026-00001 : facturé plus que reçu, reçu mais non facturé.',
    );
  });

  it('keeps them in English for an English reader', () => {
    expect(usualAmountFactor(1040000n, past, english)?.detail).toBe(
      "Total $10,400.00 is more than twice this supplier's median bill ($1,207.24 over 3 bills).",
    );
    expect(totalsFactor({ subtotalCents: 900000n, taxCents: 100000n, totalCents: 1040000n }, english).detail).toBe(
      'Subtotal $9,000.00 + tax $1,000.00 ≠ total $10,400.00.',
    );
    expect(matchFactor(mismatch, 'PO2026-00001', 'en').detail).toBe(
      'Does not match PO2026-00001: billed more than received, received but not billed.',
    );
  });
});
