// Analytics on one fixed data set; every expected number is worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import {
  agingBucket,
  aiDashboard,
  arAging,
  cashFlowForecast,
  dso,
  paymentHistory,
  spendBy,
  type ActionRow,
  type OpenInvoice,
  type SpendLine,
} from '../../../tools/analytics/model.ts';

const spend: SpendLine[] = [
  { supplierId: 's1', supplierName: 'Bureau Plus', category: 'Mobilier', on: '2026-01-15', amountCents: 100000n },
  { supplierId: 's1', supplierName: 'Bureau Plus', category: 'Fournitures', on: '2026-02-03', amountCents: 25000n },
  { supplierId: 's2', supplierName: 'Papeterie', category: 'Fournitures', on: '2026-02-20', amountCents: 50000n },
  { supplierId: 's2', supplierName: 'Papeterie', category: null, on: '2026-04-01', amountCents: 25000n },
];

describe('spendBy (total 2000.00)', () => {
  it('by supplier: 1250.00 (62.5 %) and 750.00 (37.5 %)', () => {
    expect(spendBy(spend, 'supplier')).toEqual({
      totalCents: 200000n,
      rows: [
        { key: 's1', label: 'Bureau Plus', amountCents: 125000n, documents: 2, shareBasisPoints: 6250 },
        { key: 's2', label: 'Papeterie', amountCents: 75000n, documents: 2, shareBasisPoints: 3750 },
      ],
    });
  });
  it('by category, uncategorised as "—"', () => {
    expect(spendBy(spend, 'category').rows.map((r) => [r.label, r.amountCents, r.shareBasisPoints])).toEqual([
      ['Mobilier', 100000n, 5000],
      ['Fournitures', 75000n, 3750],
      ['—', 25000n, 1250],
    ]);
  });
  it('by month and by quarter, in time order', () => {
    expect(spendBy(spend, 'month').rows.map((r) => [r.key, r.amountCents])).toEqual([
      ['2026-01', 100000n],
      ['2026-02', 75000n],
      ['2026-04', 25000n],
    ]);
    expect(spendBy(spend, 'quarter').rows.map((r) => [r.key, r.amountCents])).toEqual([
      ['2026-Q1', 175000n],
      ['2026-Q2', 25000n],
    ]);
  });
  it('rounds shares half-up: 1/3 → 3333, 2/3 → 6667 basis points', () => {
    const rows = spendBy(
      [
        { ...spend[0]!, amountCents: 1n },
        { ...spend[2]!, amountCents: 2n },
      ],
      'supplier',
    ).rows;
    expect(rows.map((r) => r.shareBasisPoints)).toEqual([6667, 3333]);
  });
});

const asOf = '2026-03-31';
const open: OpenInvoice[] = [
  { id: 'i1', clientId: 'c', number: 'I1', dueDate: '2026-04-15', balanceCents: 10000n }, // not due
  { id: 'i2', clientId: 'c', number: 'I2', dueDate: '2026-03-31', balanceCents: 20000n }, // due today: current
  { id: 'i3', clientId: 'c', number: 'I3', dueDate: '2026-03-30', balanceCents: 30000n }, // 1 day late
  { id: 'i4', clientId: 'c', number: 'I4', dueDate: '2026-03-01', balanceCents: 40000n }, // 30 days late
  { id: 'i5', clientId: 'c', number: 'I5', dueDate: '2026-02-28', balanceCents: 50000n }, // 31
  { id: 'i6', clientId: 'c', number: 'I6', dueDate: '2026-01-29', balanceCents: 60000n }, // 2 + 28 + 31 = 61
  { id: 'i7', clientId: 'c', number: 'I7', dueDate: '2025-12-31', balanceCents: 70000n }, // 31 + 28 + 31 = 90
  { id: 'i8', clientId: 'c', number: 'I8', dueDate: '2025-12-30', balanceCents: 80000n }, // 91
  { id: 'i9', clientId: 'c', number: 'I9', dueDate: '2025-01-01', balanceCents: 0n }, // settled: ignored
];

describe('AR aging as of 2026-03-31', () => {
  it.each([
    ['2026-04-15', 'current'],
    ['2026-03-31', 'current'],
    ['2026-03-30', '1_30'],
    ['2026-03-01', '1_30'],
    ['2026-02-28', '31_60'],
    ['2026-01-29', '61_90'],
    ['2025-12-31', '61_90'],
    ['2025-12-30', 'over_90'],
  ])('due %s is in bucket %s', (due, bucket) => expect(agingBucket(due, asOf)).toBe(bucket));

  it('sums balances per bucket', () => {
    expect(arAging(open, asOf)).toEqual({
      totalCents: 360000n,
      buckets: {
        current: { amountCents: 30000n, invoices: 2 },
        '1_30': { amountCents: 70000n, invoices: 2 },
        '31_60': { amountCents: 50000n, invoices: 1 },
        '61_90': { amountCents: 130000n, invoices: 2 },
        over_90: { amountCents: 80000n, invoices: 1 },
      },
    });
  });

  it.each([
    [360000n, 900000n, 90, 36],
    [100000n, 300000n, 90, 30],
    // 100000 / 700000 × 90 = 12.857… → 12.9
    [100000n, 700000n, 90, 12.9],
    [100000n, 0n, 90, null],
  ])('DSO of %s receivable on %s sales over %i days is %s', (ar, sales, days, expected) =>
    expect(dso(ar, sales, days)).toBe(expected),
  );
});

describe('13-week cash-flow forecast from 2026-03-02', () => {
  const start = '2026-03-02';
  const paid = [
    { clientId: 'A', dueDate: '2026-01-10', paidOn: '2026-01-20' }, // 10 days late
    { clientId: 'A', dueDate: '2026-02-10', paidOn: '2026-02-14' }, // 4 days late → A: 7 on average
    { clientId: 'B', dueDate: '2026-01-05', paidOn: '2026-01-05' },
  ];
  const invoices: OpenInvoice[] = [
    { id: 'a1', clientId: 'A', number: 'A1', dueDate: '2026-03-05', balanceCents: 100000n }, // expected 03-12: day 10, week 2
    { id: 'b1', clientId: 'B', number: 'B1', dueDate: '2026-03-10', balanceCents: 50001n }, // day 8, week 2, × 0.5 = 25000.5 → 25001
    { id: 'b2', clientId: 'B', number: 'B2', dueDate: '2025-11-01', balanceCents: 20000n }, // 121 days late: week 1, × 0.5 = 10000
    { id: 'c1', clientId: 'C', number: 'C1', dueDate: '2026-03-02', balanceCents: 33333n }, // week 1
    { id: 'c2', clientId: 'C', number: 'C2', dueDate: '2026-06-30', balanceCents: 99999n }, // day 120: beyond 13 weeks
  ];
  const history = paymentHistory(paid, invoices, start);

  it("reads each client's payment history: average days late and collection rate", () => {
    expect(Object.fromEntries(history)).toEqual({
      A: { averageDaysLate: 7, collectionRate: 1, paidInvoices: 2 },
      // One paid, one open more than 90 days late: 1 / 2.
      B: { averageDaysLate: 0, collectionRate: 0.5, paidInvoices: 1 },
      C: { averageDaysLate: 0, collectionRate: 1, paidInvoices: 0 },
    });
  });

  it('places weighted receipts and payments by week, with a running balance from 5000.00', () => {
    const weeks = cashFlowForecast({
      asOf: start,
      openingCents: 500000n,
      invoices,
      history,
      payables: [
        { kind: 'bill', reference: 'X', dueDate: '2026-03-01', amountCents: 40000n }, // overdue: week 1
        { kind: 'bill', reference: 'Y', dueDate: '2026-03-20', amountCents: 60000n }, // day 18: week 3
        { kind: 'order', reference: 'Z', dueDate: '2026-05-31', amountCents: 70000n }, // day 90: week 13
        { kind: 'order', reference: 'W', dueDate: '2026-06-01', amountCents: 10000n }, // day 91: left out
      ],
    });
    expect(weeks).toHaveLength(13);
    expect(weeks[0]).toEqual({
      week: 1,
      start: '2026-03-02',
      end: '2026-03-08',
      inflowCents: 43333n,
      outflowCents: 40000n,
      netCents: 3333n,
      closingCents: 503333n,
    });
    expect(weeks[1]).toEqual({
      week: 2,
      start: '2026-03-09',
      end: '2026-03-15',
      inflowCents: 125001n,
      outflowCents: 0n,
      netCents: 125001n,
      closingCents: 628334n,
    });
    expect(weeks[2]).toMatchObject({ week: 3, outflowCents: 60000n, netCents: -60000n, closingCents: 568334n });
    expect(weeks.slice(3, 12).every((w) => w.netCents === 0n && w.closingCents === 568334n)).toBe(true);
    expect(weeks[12]).toEqual({
      week: 13,
      start: '2026-05-25',
      end: '2026-05-31',
      inflowCents: 0n,
      outflowCents: 70000n,
      netCents: -70000n,
      closingCents: 498334n,
    });
  });
});

describe('AI dashboard', () => {
  const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
  const row = (
    tool: string,
    status: string,
    byAi: boolean,
    autoExecuted: boolean,
    created = '10:00',
    decided: string | null = null,
  ): ActionRow => ({
    tool,
    status,
    byAi,
    autoExecuted,
    createdAt: at(created),
    decidedAt: decided ? at(decided) : null,
  });
  const actions = [
    row('bills_record_supplier_bill', 'executed', true, true),
    row('purchasing_create_order', 'executed', true, true),
    row('purchasing_submit_order', 'executed', true, false, '10:00', '10:30'),
    row('purchasing_send_order', 'rejected', true, false, '09:00', '11:00'),
    row('bills_pay_bill', 'pending_approval', true, false),
    row('invoicing_create_invoice', 'executed', false, true),
    row('some_new_tool', 'executed', true, true),
    row('purchasing_create_order', 'executed', true, false, '08:00', '08:10'),
  ];
  it('counts statuses, the auto-execution rate, approval latency and minutes saved', () => {
    expect(aiDashboard(actions)).toEqual({
      total: 8,
      byAi: 7,
      byStatus: { executed: 6, rejected: 1, pending_approval: 1 },
      // 3 of 7 AI actions ran at once: 4285.7 → 4286 basis points.
      autoExecutionBasisPoints: 4286,
      // Decisions after 30, 120 and 10 minutes: median 30, mean 160 / 3 = 53.3.
      approvalLatencyMinutes: { median: 30, mean: 53.3, decided: 3 },
      // Executed AI actions: bill 8 + order 6 + submit 2 + unknown 2 + order 6 = 24 (the person's invoice does not count).
      minutesSaved: 24,
    });
  });
  it('has no rate and no latency without actions', () => {
    expect(aiDashboard([])).toEqual({
      total: 0,
      byAi: 0,
      byStatus: {},
      autoExecutionBasisPoints: null,
      approvalLatencyMinutes: { median: null, mean: null, decided: 0 },
      minutesSaved: 0,
    });
  });
});
