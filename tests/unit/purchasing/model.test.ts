// Pure purchasing rules: lifecycle, bulk prices, receipts and delivery performance, each case written out.
import { describe, expect, it } from 'vitest';
import {
  applyReceipt,
  canMove,
  quantityText,
  quantityUnits,
  supplierPerformance,
  unitPriceFor,
  type DeliveryHistory,
} from '../../../tools/purchasing/model.ts';

describe('order lifecycle', () => {
  it.each([
    ['draft', 'approved', true],
    ['approved', 'sent', true],
    ['sent', 'confirmed', true],
    ['confirmed', 'partially_received', true],
    ['partially_received', 'partially_received', true],
    ['partially_received', 'received', true],
    ['received', 'completed', true],
    ['received', 'invoiced', true],
    ['confirmed', 'cancelled', true],
    ['draft', 'sent', false],
    ['approved', 'confirmed', false],
    ['partially_received', 'cancelled', false],
    ['received', 'cancelled', false],
    ['completed', 'cancelled', false],
    ['cancelled', 'approved', false],
    ['sent', 'completed', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => expect(canMove(from, to)).toBe(allowed));
});

describe('quantities', () => {
  it.each([
    ['2.5', 25000n],
    ['10', 100000n],
    ['0.0001', 1n],
    ['10.0000', 100000n],
  ])('%s is %s ten-thousandths', (text, units) => expect(quantityUnits(text)).toBe(units));
  it.each([
    [25000n, '2.5'],
    [100000n, '10'],
    [1n, '0.0001'],
  ])('%s reads back as %s', (units, text) => expect(quantityText(units)).toBe(text));
});

describe('unitPriceFor', () => {
  const chair = { unitPriceCents: 24999n, bulkPriceCents: 21999n, bulkThreshold: '10.0000' };
  it.each([
    ['1', 24999n, false],
    ['9.5', 24999n, false],
    ['10', 21999n, true],
    ['250', 21999n, true],
  ])('%s chairs cost %s each (bulk: %s)', (qty, price, bulk) =>
    expect(unitPriceFor(chair, qty)).toEqual({ unitPriceCents: price, bulk }),
  );
  it('uses the list price when there is no bulk price', () => {
    expect(unitPriceFor({ unitPriceCents: 500n, bulkPriceCents: null, bulkThreshold: null }, '1000')).toEqual({
      unitPriceCents: 500n,
      bulk: false,
    });
  });
});

describe('applyReceipt', () => {
  const items = [
    { id: 'a', description: 'Chaise', quantity: '10.0000', quantityReceived: '0.0000' },
    { id: 'b', description: 'Bureau', quantity: '2.0000', quantityReceived: '1.0000' },
  ];
  it('records a partial delivery', () => {
    expect(applyReceipt(items, [{ itemId: 'a', quantity: '4' }])).toEqual({
      ok: true,
      received: [
        { itemId: 'a', quantityReceived: '4' },
        { itemId: 'b', quantityReceived: '1' },
      ],
      status: 'partially_received',
    });
  });
  it('completes the order when every line is complete, summing repeated lines', () => {
    expect(
      applyReceipt(items, [
        { itemId: 'a', quantity: '6' },
        { itemId: 'a', quantity: '4' },
        { itemId: 'b', quantity: '1' },
      ]),
    ).toEqual({
      ok: true,
      received: [
        { itemId: 'a', quantityReceived: '10' },
        { itemId: 'b', quantityReceived: '2' },
      ],
      status: 'received',
    });
  });
  it('refuses an over-receipt and a line not on the order, naming both', () => {
    expect(
      applyReceipt(items, [
        { itemId: 'b', quantity: '1.5' },
        { itemId: 'zz', quantity: '1' },
      ]),
    ).toEqual({
      ok: false,
      problems: [
        {
          kind: 'over_receipt',
          itemId: 'b',
          description: 'Bureau',
          ordered: '2',
          alreadyReceived: '1',
          receiving: '1.5',
        },
        { kind: 'unknown_item', itemId: 'zz' },
      ],
    });
  });
});

describe('supplierPerformance', () => {
  const U = (n: number) => BigInt(n) * 10_000n;
  const orders: DeliveryHistory[] = [
    // On time and complete: 1.
    {
      expectedOn: '2026-01-10',
      status: 'received',
      orderedUnits: U(10),
      receipts: [{ receivedOn: '2026-01-09', units: U(10) }],
    },
    // 6 of 10 by the date, the rest 5 days late: 0.6, completed 5 days late.
    {
      expectedOn: '2026-01-20',
      status: 'received',
      orderedUnits: U(10),
      receipts: [
        { receivedOn: '2026-01-20', units: U(6) },
        { receivedOn: '2026-01-25', units: U(4) },
      ],
    },
    // Nothing yet, due: 0.
    { expectedOn: '2026-02-01', status: 'confirmed', orderedUnits: U(4), receipts: [] },
    // Entirely late by 10 days: 0, completed 10 days late.
    {
      expectedOn: '2026-02-05',
      status: 'received',
      orderedUnits: U(1),
      receipts: [{ receivedOn: '2026-02-15', units: U(1) }],
    },
    // Not due yet, not sent, cancelled, no date: not scored.
    { expectedOn: '2026-03-30', status: 'sent', orderedUnits: U(5), receipts: [] },
    { expectedOn: '2026-01-05', status: 'approved', orderedUnits: U(5), receipts: [] },
    { expectedOn: '2026-01-05', status: 'cancelled', orderedUnits: U(5), receipts: [] },
    { expectedOn: null, status: 'received', orderedUnits: U(5), receipts: [{ receivedOn: '2026-01-01', units: U(5) }] },
  ];
  it('scores 100 × mean on-time share of due orders: (1 + 0.6 + 0 + 0) / 4 = 40', () => {
    expect(supplierPerformance(orders, '2026-03-01')).toEqual({
      score: 40,
      dueOrders: 4,
      onTimeOrders: 1,
      lateOrders: 3,
      averageDaysLate: 7.5,
    });
  });
  it('has no score before any delivery is due', () => {
    expect(supplierPerformance(orders, '2026-01-01')).toEqual({
      score: null,
      dueOrders: 0,
      onTimeOrders: 0,
      lateOrders: 0,
      averageDaysLate: 0,
    });
  });
});
