// Evidence rules of supplier bills, each case computed by hand.
import { describe, expect, it } from 'vitest';
import { canMoveBill, medianCents, possibleDuplicates, totalsFactor, usualAmountFactor, type PastBill } from '../../../tools/bills/model.ts';

const bill = (number: string, billDate: string, totalCents: bigint, status: PastBill['status'] = 'approved'): PastBill => ({ number, supplierInvoiceNumber: null, billDate, totalCents, status });

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
  const past = [bill('B1', '2026-03-01', 1000n), bill('B2', '2026-01-15', 1000n), bill('B3', '2026-03-05', 999n), bill('B4', '2026-03-10', 1000n, 'cancelled')];
  it('finds same-total bills within 30 days either side, not cancelled ones', () => {
    expect(possibleDuplicates({ billDate: '2026-03-20', totalCents: 1000n }, past).map((b) => b.number)).toEqual(['B1']);
    // 2026-01-15 → 2026-02-14 is exactly 30 days: still a possible duplicate.
    expect(possibleDuplicates({ billDate: '2026-02-14', totalCents: 1000n }, past).map((b) => b.number)).toEqual(['B1', 'B2']);
    expect(possibleDuplicates({ billDate: '2026-02-15', totalCents: 1000n }, past).map((b) => b.number)).toEqual(['B1']);
  });
});

describe('usualAmountFactor', () => {
  const past = [bill('B1', '2026-01-01', 10000n), bill('B2', '2026-02-01', 12000n), bill('B3', '2026-03-01', 50000n)];
  it.each([
    // Median of 100.00, 120.00, 500.00 is 120.00: above usual means above 240.00.
    [24000n, 'amount_usual'],
    [24001n, 'amount_above_usual'],
  ])('a total of %s cents is %s', (total, factor) => expect(usualAmountFactor(total, past, 'CAD')?.factor).toBe(factor));
  it('says nothing with fewer than 3 earlier bills', () => expect(usualAmountFactor(999999n, past.slice(0, 2), 'CAD')).toBeNull());
});

describe('totalsFactor', () => {
  it.each([
    [{ subtotalCents: 10000n, taxCents: 1498n, totalCents: 11498n, computed: { subtotalCents: 10000n, taxCents: 1498n } }, 'totals_match', 0.15],
    [{ subtotalCents: 10000n, taxCents: 1498n, totalCents: 11500n }, 'totals_inconsistent', -0.3],
    [{ subtotalCents: 10000n, taxCents: 1498n, totalCents: 11498n }, 'totals_consistent', 0.05],
    [{ subtotalCents: 10000n, taxCents: 1498n, totalCents: 11498n, computed: { subtotalCents: 9000n, taxCents: 1348n } }, 'lines_differ_from_subtotal', -0.2],
    [{ subtotalCents: 10000n, taxCents: 1300n, totalCents: 11300n, computed: { subtotalCents: 10000n, taxCents: 1498n } }, 'tax_differs', -0.1],
  ])('case %# gives the expected factor', (check, factor, weight) => expect(totalsFactor(check, 'CAD')).toMatchObject({ factor, weight }));
});
