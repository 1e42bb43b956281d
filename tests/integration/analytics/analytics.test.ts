// Analytics tools on a real database with a small fixed data set written row by row; every expected
// number is worked out in the comments. Invoices are inserted straight into the invoicing schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import * as s from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { aiDashboardTool } from '../../../tools/analytics/ai-dashboard.ts';
import { receivablesAging } from '../../../tools/analytics/ar-aging.ts';
import { cashFlow } from '../../../tools/analytics/cash-flow.ts';
import { spendAnalysis } from '../../../tools/analytics/spend.ts';
import { supplierScorecard } from '../../../tools/analytics/supplier-performance.ts';
import type { AnyTool } from '../../../tools/define.ts';
import { invoke } from '../../../tools/invoke.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let co: Awaited<ReturnType<typeof makeCompany>>;
let other: Awaited<ReturnType<typeof makeCompany>>;

async function read<T>(tool: AnyTool, input: unknown, company = co): Promise<T> {
  const out = await invoke(company.session('viewer'), tool, input, { source: 'rest', byAi: false });
  if (out.kind !== 'read') throw new Error('expected a read tool');
  return out.output as T;
}

beforeAll(async () => {
  handle = await freshDatabase();
  co = await makeCompany(handle.db, {}, () => new Date('2026-03-31T12:00:00Z'));
  other = await makeCompany(handle.db);
  await withTenant(handle.db, co.tenant.id, async (tx) => {
    const t = { tenantId: co.tenant.id };
    const [a, b] = await tx
      .insert(s.clients)
      .values([
        { ...t, name: 'Client A' },
        { ...t, name: 'Client B' },
      ])
      .returning();
    const inv = (
      number: string,
      clientId: string,
      issueDate: string,
      dueDate: string,
      totalCents: bigint,
      status: 'draft' | 'sent' | 'paid' | 'partially_paid' | 'overdue',
      extra: Partial<typeof s.invoices.$inferInsert> = {},
    ) => ({
      ...t,
      number,
      clientId,
      currency: 'CAD',
      language: 'fr' as const,
      issueDate,
      dueDate,
      subtotalCents: totalCents,
      taxCents: 0n,
      totalCents,
      status,
      ...extra,
    });
    const [paid] = await tx
      .insert(s.invoices)
      .values([
        inv('INV-1', a!.id, '2026-01-01', '2026-01-31', 100000n, 'paid', { paidCents: 100000n }),
        inv('INV-2', a!.id, '2026-03-01', '2026-03-31', 50000n, 'sent'),
        inv('INV-3', b!.id, '2026-01-15', '2026-02-14', 80000n, 'partially_paid', {
          paidCents: 30000n,
          creditedCents: 10000n,
        }),
        inv('INV-4', b!.id, '2025-11-01', '2025-12-01', 20000n, 'overdue'),
        inv('INV-5', a!.id, '2026-03-20', '2026-04-19', 99999n, 'draft'),
        inv('CN-1', b!.id, '2026-02-01', '2026-02-01', 10000n, 'sent', { kind: 'credit_note' }),
      ])
      .returning();
    await tx.insert(s.payments).values({
      ...t,
      invoiceId: paid!.id,
      amountCents: 100000n,
      currency: 'CAD',
      method: 'interac',
      receivedOn: '2026-02-10',
    });

    const [s1, s2] = await tx
      .insert(s.suppliers)
      .values([
        { ...t, name: 'Bureau Plus', paymentTermsDays: 30, rating: 4 },
        { ...t, name: 'Papeterie', paymentTermsDays: 15 },
      ])
      .returning();
    const [furniture] = await tx
      .insert(s.productCategories)
      .values({ ...t, name: 'Mobilier' })
      .returning();
    const [chair] = await tx
      .insert(s.products)
      .values({ ...t, name: 'Chaise', categoryId: furniture!.id, unitPriceCents: 10000n })
      .returning();
    const po = (
      number: string,
      supplierId: string,
      status: (typeof s.purchaseOrderStatus.enumValues)[number],
      orderDate: string,
      expectedOn: string | null,
      totalCents: bigint,
    ) => ({
      ...t,
      number,
      supplierId,
      status,
      currency: 'CAD',
      orderDate,
      expectedOn,
      subtotalCents: totalCents,
      taxCents: 0n,
      totalCents,
    });
    const [o1, o2, o3, o4] = await tx
      .insert(s.purchaseOrders)
      .values([
        po('PO-1', s1!.id, 'approved', '2026-03-10', '2026-04-01', 20000n),
        po('PO-2', s2!.id, 'received', '2026-02-01', '2026-02-10', 15000n),
        po('PO-3', s1!.id, 'draft', '2026-03-12', null, 5000n),
        po('PO-4', s1!.id, 'cancelled', '2026-03-13', null, 7000n),
      ])
      .returning();
    const item = (orderId: string, lineTotalCents: bigint, productId?: string) => ({
      ...t,
      orderId,
      position: 1,
      productId,
      description: 'x',
      quantity: '2',
      quantityReceived: '0',
      unitPriceCents: lineTotalCents / 2n,
      lineTotalCents,
    });
    const [, o2item] = await tx
      .insert(s.purchaseOrderItems)
      .values([
        item(o1!.id, 20000n, chair!.id),
        item(o2!.id, 15000n),
        item(o3!.id, 5000n, chair!.id),
        item(o4!.id, 7000n, chair!.id),
      ])
      .returning();
    await tx
      .insert(s.purchaseReceipts)
      .values({ ...t, orderId: o2!.id, receivedOn: '2026-02-12', lines: [{ itemId: o2item!.id, quantity: '2' }] });
    const bill = (
      number: string,
      supplierId: string,
      status: (typeof s.billStatus.enumValues)[number],
      billDate: string,
      dueDate: string,
      subtotalCents: bigint,
      totalCents: bigint,
      purchaseOrderId?: string,
    ) => ({
      ...t,
      number,
      supplierId,
      status,
      currency: 'CAD',
      billDate,
      dueDate,
      subtotalCents,
      taxCents: totalCents - subtotalCents,
      totalCents,
      purchaseOrderId,
      paidCents: status === 'paid' ? totalCents : 0n,
    });
    await tx
      .insert(s.supplierBills)
      .values([
        bill('B1', s1!.id, 'approved', '2026-03-16', '2026-04-15', 26000n, 30000n),
        bill('B2', s1!.id, 'draft', '2026-03-30', '2026-04-30', 5000n, 5000n),
        bill('B3', s2!.id, 'paid', '2026-02-20', '2026-03-07', 10000n, 11498n, o2!.id),
      ]);

    const action = (
      number: number,
      tool: string,
      status: 'executed',
      outcome: 'execute' | 'queue',
      createdAt: string,
      decidedAt: string | null,
    ) => ({
      ...t,
      number,
      tool,
      input: {},
      source: 'chat' as const,
      byAi: true,
      confidence: 0.9,
      decision: { outcome },
      status,
      createdAt: new Date(createdAt),
      decidedAt: decidedAt ? new Date(decidedAt) : null,
    });
    await tx
      .insert(s.aiActions)
      .values([
        action(1, 'bills_record_supplier_bill', 'executed', 'execute', '2026-03-02T10:00:00Z', null),
        action(2, 'purchasing_submit_order', 'executed', 'queue', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z'),
      ]);
  });
});
afterAll(() => handle?.close());

describe('analytics tools on a fixed data set (as of 2026-03-31)', () => {
  it('ages receivables (balance = total − paid − credited) and computes DSO', async () => {
    const out = await read(receivablesAging, {});
    expect(out).toEqual({
      asOf: '2026-03-31',
      currency: 'CAD',
      // INV-2 500.00 (due today) + INV-3 800.00 − 300.00 − 100.00 (45 days late) + INV-4 200.00 (120 days late)
      total: '1100.00',
      buckets: {
        current: { amount: '500.00', invoices: 1 },
        '1_30': { amount: '0.00', invoices: 0 },
        '31_60': { amount: '400.00', invoices: 1 },
        '61_90': { amount: '0.00', invoices: 0 },
        over_90: { amount: '200.00', invoices: 1 },
      },
      // Sales issued after 2025-12-31: 1000.00 + 500.00 + 800.00 − credit note 100.00 = 2200.00; draft excluded.
      creditSales: '2200.00',
      // 1100 / 2200 × 90
      dso: 45,
      dsoDays: 90,
      receivablesForDso: '1100.00',
      reconciledPayments: { payments: 1, reconciled: 0 },
    });
  });

  it('forecasts 13 weeks of cash from an opening 1000.00', async () => {
    const out = await read<{
      weeks: { week: number; inflow: string; outflow: string; closing: string }[];
      lowest: unknown;
    }>(cashFlow, { openingBalance: '1000.00' });
    const brief = out.weeks.map((w) => [w.week, w.inflow, w.outflow, w.closing]);
    // A pays 10 days late on average: INV-2 (due 03-31) lands 04-10, week 2. B never paid and has an
    // invoice over 90 days late: collection rate 0, nothing expected. Out: B1 on 04-15 (week 3); draft B2
    // 50.00 on 04-30 and PO-1 (no bill yet) 200.00 on 04-01 + 30 days = 05-01, both week 5. PO-2 is billed (B3, paid).
    expect(brief.slice(0, 6)).toEqual([
      [1, '0.00', '0.00', '1000.00'],
      [2, '500.00', '0.00', '1500.00'],
      [3, '0.00', '300.00', '1200.00'],
      [4, '0.00', '0.00', '1200.00'],
      [5, '0.00', '250.00', '950.00'],
      [6, '0.00', '0.00', '950.00'],
    ]);
    expect(brief[12]).toEqual([13, '0.00', '0.00', '950.00']);
    expect(out.lowest).toEqual({ week: 5, closing: '950.00' });
  });

  it('measures committed spend by category and billed spend by supplier', async () => {
    const byCategory = await read(spendAnalysis, { groupBy: 'category' });
    // PO-1 (approved) 200.00 of chairs, PO-2 (received) 150.00 without product; draft and cancelled excluded.
    expect(byCategory).toEqual({
      currency: 'CAD',
      from: '2025-03-31',
      to: '2026-03-31',
      total: '350.00',
      rows: [
        { key: 'Mobilier', label: 'Mobilier', amount: '200.00', documents: 1, sharePercent: '57.14' },
        { key: '—', label: '—', amount: '150.00', documents: 1, sharePercent: '42.86' },
      ],
    });
    const billed = await read<{ total: string; rows: { label: string; amount: string }[] }>(spendAnalysis, {
      groupBy: 'supplier',
      basis: 'billed',
    });
    // B1 260.00 before tax, B3 100.00; draft B2 excluded.
    expect(billed.total).toBe('360.00');
    expect(billed.rows.map((r) => [r.label, r.amount])).toEqual([
      ['Bureau Plus', '260.00'],
      ['Papeterie', '100.00'],
    ]);
    const byMonth = await read<{ rows: { key: string; amount: string }[] }>(spendAnalysis, {
      groupBy: 'month',
      basis: 'billed',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(byMonth.rows).toEqual([
      { key: '2026-03', label: '2026-03', amount: '260.00', documents: 1, sharePercent: '100.00' },
    ]);
  });

  it('scores suppliers on deliveries: Papeterie delivered 2 days late (0), Bureau Plus has nothing due yet', async () => {
    const out = await read<{
      suppliers: {
        name: string;
        score: number | null;
        lateOrders: number;
        averageDaysLate: number;
        billed: string;
        rating: number | null;
      }[];
    }>(supplierScorecard, {});
    expect(out.suppliers.map((x) => [x.name, x.score, x.lateOrders, x.averageDaysLate, x.billed, x.rating])).toEqual([
      ['Papeterie', 0, 1, 2, '114.98', null],
      ['Bureau Plus', null, 0, 0, '350.00', 4],
    ]);
  });

  it('summarises AI actions: half executed at once, 60 minutes to decide, 10 minutes saved', async () => {
    const out = await read(aiDashboardTool, { from: '2026-03-01', to: '2026-03-31' });
    expect(out).toMatchObject({
      total: 2,
      byAi: 2,
      byStatus: { executed: 2 },
      autoExecutionPercent: '50.00',
      approvalLatencyMinutes: { median: 60, mean: 60, decided: 1 },
      // bills_record_supplier_bill 8 + purchasing_submit_order 2
      minutesSaved: 10,
      hoursSaved: '0.2',
    });
  });

  it('refuses a period that ends before it starts, in the language of the person asking', async () => {
    const reversed = { from: '2026-04-01', to: '2026-03-01' };
    const ask = (tool: AnyTool, lang: 'fr' | 'en') =>
      invoke(co.session('viewer', lang), tool, reversed, { source: 'rest', byAi: false });
    await expect(ask(spendAnalysis, 'en')).rejects.toMatchObject({
      code: 'invalid',
      message: 'The period starts (2026-04-01) after it ends (2026-03-01).',
    });
    await expect(ask(spendAnalysis, 'fr')).rejects.toMatchObject({
      code: 'invalid',
      message: 'La période commence (2026-04-01) après sa fin (2026-03-01).',
    });
    await expect(ask(aiDashboardTool, 'fr')).rejects.toMatchObject({
      code: 'invalid',
      message: 'La période commence (2026-04-01) après sa fin (2026-03-01).',
    });
  });

  it('shows another company none of these numbers', async () => {
    const aging = await read<{ total: string }>(receivablesAging, { asOf: '2026-03-31' }, other);
    expect(aging.total).toBe('0.00');
    const spend = await read<{ rows: unknown[] }>(spendAnalysis, { basis: 'billed', to: '2026-03-31' }, other);
    expect(spend.rows).toEqual([]);
  });
});
