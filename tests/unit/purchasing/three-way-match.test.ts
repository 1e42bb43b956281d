// Three-way match of order, receipts and bill: each case lists the differences a person would see.
import { describe, expect, it } from 'vitest';
import { threeWayMatch, type OrderedItem } from '../../../tools/purchasing/three-way-match.ts';

const items: OrderedItem[] = [
  { id: 'chair', description: 'Chaise ergonomique', quantity: '10', quantityReceived: '10', unitPriceCents: 20000n },
  { id: 'desk', description: 'Bureau assis-debout', quantity: '2', quantityReceived: '1', unitPriceCents: 50000n },
];

describe('threeWayMatch', () => {
  it('matches a bill for exactly what arrived at the ordered prices', () => {
    const result = threeWayMatch(
      items,
      [
        { description: 'Chaises ergonomiques', quantity: '10', unitPriceCents: 20000n },
        { description: 'Bureau assis-debout', quantity: '1', unitPriceCents: 50000n },
      ],
      250000n,
    );
    expect(result).toEqual({
      status: 'matched',
      pairs: [
        { line: 0, itemId: 'chair' },
        { line: 1, itemId: 'desk' },
      ],
      differences: [],
    });
  });

  it('passes a price 1.5 % above the order within the 2 % tolerance, and says so', () => {
    // 203.00 vs 200.00 = +1.5 %; subtotal 10 × 203.00 = 2030.00 vs expected 2000.00: 30.00 off, above the 1.00 tolerance.
    const result = threeWayMatch(
      items,
      [{ description: 'x', quantity: '10', unitPriceCents: 20300n, itemId: 'chair' }],
      203000n,
    );
    expect(result.status).toBe('mismatch');
    expect(result.differences).toEqual([
      {
        kind: 'price_above_order',
        line: 0,
        itemId: 'chair',
        billedCents: '20300',
        orderedCents: '20000',
        withinTolerance: true,
      },
      { kind: 'received_not_billed', itemId: 'desk', description: 'Bureau assis-debout', received: '1' },
      { kind: 'subtotal_differs', expectedCents: '200000', billedCents: '203000', withinTolerance: false },
    ]);
  });

  it('is within tolerance for a one-cent rounding gap on the subtotal', () => {
    const result = threeWayMatch(
      items.slice(0, 1),
      [{ description: 'Chaise ergonomique', quantity: '10', unitPriceCents: 20000n }],
      200001n,
    );
    expect(result).toEqual({
      status: 'within_tolerance',
      pairs: [{ line: 0, itemId: 'chair' }],
      differences: [
        { kind: 'subtotal_differs', expectedCents: '200000', billedCents: '200001', withinTolerance: true },
      ],
    });
  });

  it('flags billing for more than arrived, a price 5 % above, and a line not on the order', () => {
    const result = threeWayMatch(
      items,
      [
        { description: 'Bureau assis-debout', quantity: '2', unitPriceCents: 52500n },
        { description: 'Livraison express', quantity: '1', unitPriceCents: 5000n },
        { description: 'Chaise ergonomique', quantity: '10', unitPriceCents: 20000n },
      ],
      310000n,
    );
    expect(result.status).toBe('mismatch');
    expect(result.pairs).toEqual([
      { line: 0, itemId: 'desk' },
      { line: 1, itemId: null },
      { line: 2, itemId: 'chair' },
    ]);
    expect(result.differences).toEqual([
      { kind: 'billed_more_than_received', line: 0, itemId: 'desk', billed: '2', received: '1' },
      {
        kind: 'price_above_order',
        line: 0,
        itemId: 'desk',
        billedCents: '52500',
        orderedCents: '50000',
        withinTolerance: false,
      },
      { kind: 'not_on_order', line: 1, description: 'Livraison express' },
      // Expected: desk capped at the 1 received × 500.00 + 10 chairs × 200.00 = 2500.00.
      { kind: 'subtotal_differs', expectedCents: '250000', billedCents: '310000', withinTolerance: false },
    ]);
  });

  it('flags billing more than was ordered', () => {
    const result = threeWayMatch(
      [{ ...items[0]!, quantityReceived: '10' }],
      [{ description: 'Chaise ergonomique', quantity: '12', unitPriceCents: 20000n }],
      200000n,
    );
    expect(result.differences.map((d) => d.kind)).toEqual(['billed_more_than_ordered', 'billed_more_than_received']);
  });
});
