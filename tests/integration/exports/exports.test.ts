// CSV exports through the tools and the REST download, read back with csv-parse: quoting, amounts as
// decimal strings, one row per document, a balanced QuickBooks journal, another company sees nothing.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import * as s from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { createApiToken } from '../../../tools/auth/api-tokens.ts';
import { approveBill } from '../../../tools/bills/approve-bill.ts';
import { payBill } from '../../../tools/bills/pay-bill.ts';
import { recordBill } from '../../../tools/bills/record-bill.ts';
import { exportCsv } from '../../../tools/exports/export-csv.ts';
import { exportJournal } from '../../../tools/exports/export-journal.ts';
import type { AnyTool } from '../../../tools/define.ts';
import { invoke } from '../../../tools/invoke.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { createApp } from '../../../http/app.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let co: Awaited<ReturnType<typeof makeCompany>>;
let other: Awaited<ReturnType<typeof makeCompany>>;
const person = { source: 'rest' as const, byAi: false };
const period = { from: '2026-03-01', to: '2026-03-31' };

async function csvOf(tool: AnyTool, input: unknown, company = co) {
  const out = await invoke(company.session('accountant'), tool, input, person);
  if (out.kind !== 'read') throw new Error('expected a read');
  const result = out.output as { csv: string; rows: number; filename: string };
  return { ...result, records: parse(result.csv, { columns: true }) as Record<string, string>[] };
}

beforeAll(async () => {
  handle = await freshDatabase();
  co = await makeCompany(handle.db);
  other = await makeCompany(handle.db);
  const run = async (tool: Parameters<typeof propose>[1], input: unknown) => {
    const out = await propose(co.session('accountant'), tool, input, person);
    expect(out.status, JSON.stringify(out.error)).toBe('executed');
    return out.result as { id: string };
  };
  const supplier = await run(createSupplier, { name: 'Bureau "Plus", Inc.' });
  await run(createOrder, {
    supplierId: supplier.id,
    orderDate: '2026-03-03',
    lines: [{ description: 'Chaise', quantity: '2', unitPrice: '100.00' }],
  });
  const bill = await run(recordBill, {
    supplierId: supplier.id,
    supplierInvoiceNumber: 'F-1001',
    billDate: '2026-03-06',
    lines: [
      { description: 'Chaises', quantity: '10', unitPrice: '200.00', accountCode: 'Office furniture' },
      { description: 'Livraison', quantity: '1', unitPrice: '500.00' },
    ],
  });
  await run(approveBill, { billId: bill.id });
  await run(payBill, {
    billId: bill.id,
    amount: '1000.00',
    paidOn: '2026-03-20',
    method: 'cheque',
    reference: 'CHQ 1042',
  });
  await withTenant(handle.db, co.tenant.id, async (tx) => {
    const t = { tenantId: co.tenant.id };
    const [client] = await tx
      .insert(s.clients)
      .values({ ...t, name: 'Café "Le Coin", Inc.' })
      .returning();
    const [invoice] = await tx
      .insert(s.invoices)
      .values({
        ...t,
        number: 'INV2026-00001',
        clientId: client!.id,
        currency: 'CAD',
        language: 'fr',
        issueDate: '2026-03-07',
        dueDate: '2026-04-06',
        status: 'partially_paid',
        subtotalCents: 100000n,
        taxCents: 14975n,
        totalCents: 114975n,
        paidCents: 50000n,
        taxBreakdown: [
          { code: 'GST', rate: '0.05', base: '1000.00', amount: '50.00', labels: { fr: 'TPS', en: 'GST' } },
          { code: 'QST', rate: '0.09975', base: '1000.00', amount: '99.75', labels: { fr: 'TVQ', en: 'QST' } },
        ],
      })
      .returning();
    await tx.insert(s.payments).values({
      ...t,
      invoiceId: invoice!.id,
      amountCents: 50000n,
      currency: 'CAD',
      method: 'interac',
      receivedOn: '2026-03-15',
      reference: '=cmd|calc',
    });
    // Outside the period: never exported.
    await tx.insert(s.invoices).values({
      ...t,
      number: 'INV2026-00099',
      clientId: client!.id,
      currency: 'CAD',
      language: 'fr',
      issueDate: '2026-04-01',
      dueDate: '2026-05-01',
      subtotalCents: 1n,
      taxCents: 0n,
      totalCents: 1n,
      status: 'sent',
    });
  });
});
afterAll(() => handle?.close());

describe('CSV exports read back', () => {
  it('invoices: quoted names survive, amounts are decimal strings, balance = total − paid − credited', async () => {
    const out = await csvOf(exportCsv, { dataset: 'invoices', ...period });
    expect(out.filename).toBe('invoices_2026-03-01_2026-03-31.csv');
    expect(out.records).toEqual([
      {
        number: 'INV2026-00001',
        kind: 'invoice',
        client: 'Café "Le Coin", Inc.',
        issue_date: '2026-03-07',
        due_date: '2026-04-06',
        status: 'partially_paid',
        currency: 'CAD',
        subtotal: '1000.00',
        tax: '149.75',
        total: '1149.75',
        paid: '500.00',
        credited: '0.00',
        balance: '649.75',
      },
    ]);
  });

  it('bills: computed totals (2500.00 + GST 125.00 + QST 249.38) and what is left to pay', async () => {
    const out = await csvOf(exportCsv, { dataset: 'bills', ...period });
    expect(out.records).toEqual([
      {
        number: 'BILL2026-00001',
        supplier: 'Bureau "Plus", Inc.',
        supplier_invoice_number: 'F-1001',
        purchase_order: '',
        bill_date: '2026-03-06',
        due_date: '2026-04-05',
        status: 'partially_paid',
        currency: 'CAD',
        subtotal: '2500.00',
        tax: '374.38',
        total: '2874.38',
        paid: '1000.00',
        balance: '1874.38',
      },
    ]);
  });

  it('payments: received positive, paid negative, by date; a formula-looking reference is neutralised', async () => {
    const out = await csvOf(exportCsv, { dataset: 'payments', ...period });
    expect(out.records).toEqual([
      {
        date: '2026-03-15',
        direction: 'received',
        counterparty: 'Café "Le Coin", Inc.',
        document: 'INV2026-00001',
        method: 'interac',
        reference: "'=cmd|calc",
        currency: 'CAD',
        amount: '500.00',
      },
      {
        date: '2026-03-20',
        direction: 'paid',
        counterparty: 'Bureau "Plus", Inc.',
        document: 'BILL2026-00001',
        method: 'cheque',
        reference: 'CHQ 1042',
        currency: 'CAD',
        amount: '-1000.00',
      },
    ]);
  });

  it('purchase orders', async () => {
    const out = await csvOf(exportCsv, { dataset: 'purchase_orders', ...period });
    expect(out.records).toMatchObject([
      {
        supplier: 'Bureau "Plus", Inc.',
        order_date: '2026-03-03',
        status: 'draft',
        subtotal: '200.00',
        tax: '29.95',
        total: '229.95',
      },
    ]);
  });

  it('a QuickBooks Online journal whose every entry balances', async () => {
    const out = await csvOf(exportJournal, { ...period });
    expect(Object.keys(out.records[0]!)).toEqual([
      'Journal No.',
      'Journal Date',
      'Account Name',
      'Debits',
      'Credits',
      'Description',
      'Name',
    ]);
    const cents = (v: string | undefined) => (v ? Math.round(Number(v) * 100) : 0);
    const totals = new Map<string, number>();
    for (const r of out.records)
      totals.set(
        `${r['Journal No.']} ${r['Journal Date']}`,
        (totals.get(`${r['Journal No.']} ${r['Journal Date']}`) ?? 0) + cents(r.Debits) - cents(r.Credits),
      );
    expect([...totals.values()].every((v) => v === 0)).toBe(true);
    expect(
      out.records
        .filter((r) => r['Journal No.'] === 'BILL2026-00001' && r['Journal Date'] === '03/06/2026')
        .map((r) => [r['Account Name'], r.Debits, r.Credits]),
    ).toEqual([
      ['Office furniture', '2000.00', ''],
      ['Purchases', '500.00', ''],
      ['GST/HST Payable', '125.00', ''],
      ['QST Payable', '249.38', ''],
      ['Accounts Payable (A/P)', '', '2874.38'],
    ]);
    expect(
      out.records
        .filter((r) => r['Journal No.'] === 'INV2026-00001' && r['Journal Date'] === '03/07/2026')
        .map((r) => [r['Account Name'], r.Debits, r.Credits, r.Name]),
    ).toEqual([
      ['Accounts Receivable (A/R)', '1149.75', '', 'Café "Le Coin", Inc.'],
      ['Sales', '', '1000.00', 'Café "Le Coin", Inc.'],
      ['GST/HST Payable', '', '50.00', 'Café "Le Coin", Inc.'],
      ['QST Payable', '', '99.75', 'Café "Le Coin", Inc.'],
    ]);
    expect(out.rows).toBe(5 + 4 + 2 + 2);
  });

  it('gives another company empty files', async () => {
    for (const dataset of ['invoices', 'bills', 'payments', 'purchase_orders']) {
      expect((await csvOf(exportCsv, { dataset, ...period }, other)).records).toEqual([]);
    }
  });

  it('refuses a period that ends before it starts, in the language of the person asking', async () => {
    const reversed = { from: '2026-04-01', to: '2026-03-01' };
    await expect(
      invoke(co.session('viewer', 'en'), exportCsv, { dataset: 'bills', ...reversed }, person),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: 'The period starts (2026-04-01) after it ends (2026-03-01).',
    });
    await expect(
      invoke(co.session('viewer', 'fr'), exportCsv, { dataset: 'bills', ...reversed }, person),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: 'La période commence (2026-04-01) après sa fin (2026-03-01).',
    });
    await expect(invoke(co.session('accountant', 'fr'), exportJournal, reversed, person)).rejects.toMatchObject({
      code: 'invalid',
      message: 'La période commence (2026-04-01) après sa fin (2026-03-01).',
    });
  });
});

describe('REST download', () => {
  it('serves /api/exports/bills.csv as an attachment, and 404s an unknown export', async () => {
    const { token } = await createApiToken(handle.db, co.tenant.id, co.user('accountant').id, 'exports');
    const app = createApp({ handle, config: loadConfig({}), now: () => new Date('2026-03-31T12:00:00Z') });
    const res = await app.request('/api/exports/bills.csv?from=2026-03-01&to=2026-03-31', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bills_2026-03-01_2026-03-31.csv"');
    expect((parse(await res.text(), { columns: true }) as { number: string }[]).map((r) => r.number)).toEqual([
      'BILL2026-00001',
    ]);
    const journal = await app.request('/api/exports/journal.csv?from=2026-03-01&to=2026-03-31&dateFormat=YYYY-MM-DD', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await journal.text()).split('\r\n')[1]).toMatch(/^BILL2026-00001,2026-03-06,Office furniture,2000\.00,,/);
    const unknown = await app.request('/api/exports/secrets.csv?from=2026-03-01&to=2026-03-31', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(unknown.status).toBe(404);
    const bad = await app.request('/api/exports/bills.csv?from=yesterday', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bad.status).toBe(400);
    const anonymous = await app.request('/api/exports/bills.csv?from=2026-03-01&to=2026-03-31');
    expect(anonymous.status).toBe(401);
  });
});
