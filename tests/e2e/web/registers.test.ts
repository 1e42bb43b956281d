/**
 * The registers and record pages in headless Chromium, in French and in English, at 1366 × 900 and at
 * 390 × 844: each of the nine registers and one record page of each kind rendered from a company's real
 * records (made through the door, as people make them), money and dates in the reader's notation, no
 * page wider than a phone at 390 px, axe with nothing serious or critical. Another company's ids answer
 * 404 and a bad filter 400, both as a page. Screenshots go to tests/artifacts/.
 */
import AxeBuilder from '@axe-core/playwright';
import PDFDocument from 'pdfkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { reminders } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { actorOf } from '../../../tools/auth/api-tokens.ts';
import { approveBill } from '../../../tools/bills/approve-bill.ts';
import { payBill } from '../../../tools/bills/pay-bill.ts';
import { recordBill } from '../../../tools/bills/record-bill.ts';
import type { Lang, Session } from '../../../tools/context.ts';
import type { AnyWriteTool } from '../../../tools/define.ts';
import { storeDocument } from '../../../tools/documents/store.ts';
import { createClient } from '../../../tools/invoicing/create-client.ts';
import { createInvoice } from '../../../tools/invoicing/create-invoice.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createProduct } from '../../../tools/purchasing/create-product.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { receiveItems } from '../../../tools/purchasing/receive-items.ts';
import { sendOrder } from '../../../tools/purchasing/send-order.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { createTenant } from '../../../tools/tenancy.ts';
import { ARTIFACTS, serveInBrowser, type BrowserApp } from '../../support/browser.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let base: string;
let browser: Browser;
let web: BrowserApp;
const ids: Record<string, string> = {};
const other: Record<string, string> = {};

const PEOPLE: Record<Lang, { email: string; password: string }> = {
  fr: { email: 'marie@registres.test', password: 'marie-pass' },
  en: { email: 'sam@registres.test', password: 'sam-pass' },
};

function billPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(18).text('Bureau Plus Inc. — Facture F-2001');
    doc.fontSize(11).text('Chaise ergonomique  10 × 200,00 $');
    doc.end();
  });
}

async function done<T>(session: Session, tool: AnyWriteTool, input: unknown): Promise<T> {
  const out = await propose(session, tool, input, { source: 'rest', byAi: false });
  expect(out.status, JSON.stringify(out.error ?? out.decision)).toBe('executed');
  return out.result as T;
}

async function company(slug: string, people: { email: string; name: string; language: Lang; password: string }[]) {
  const { tenant, users } = await createTenant(
    handle.db,
    { slug, name: slug === 'registres' ? 'Atelier Démo' : 'Autre Compagnie', province: 'QC' },
    people.map((p) => ({ ...p, role: 'admin' as const, aiAutoApproveLimitCents: 10_000_000n })),
  );
  const session = (lang: Lang = 'fr'): Session => ({
    db: handle.db,
    tenantId: tenant.id,
    actor: actorOf(users[0]!),
    lang,
    now: () => new Date(),
  });
  return { tenant, session };
}

beforeAll(async () => {
  handle = await freshDatabase();
  const co = await company('registres', [
    { email: PEOPLE.fr.email, name: 'Marie Tremblay', language: 'fr', password: PEOPLE.fr.password },
    { email: PEOPLE.en.email, name: 'Sam Clarke', language: 'en', password: PEOPLE.en.password },
  ]);
  const s = co.session();
  ids.suppliers = (
    await done<{ id: string }>(s, createSupplier, {
      name: 'Bureau Plus Inc.',
      province: 'QC',
      email: 'ventes@bureauplus.test',
    })
  ).id;
  ids.products = (
    await done<{ id: string }>(s, createProduct, {
      sku: 'CH-ERGO',
      name: 'Chaise ergonomique',
      supplierId: ids.suppliers,
      unitPrice: '200.00',
    })
  ).id;
  const order = await done<{ id: string; lines: { itemId: string }[] }>(s, createOrder, {
    supplierId: ids.suppliers,
    lines: [{ productId: ids.products, description: 'Chaise ergonomique', quantity: '10', unitPrice: '200.00' }],
  });
  ids.orders = order.id;
  await done(s, submitOrder, { orderId: order.id });
  await done(s, sendOrder, { orderId: order.id });
  await done(s, receiveItems, {
    orderId: order.id,
    receivedOn: new Date().toISOString().slice(0, 10),
    lines: [{ itemId: order.lines[0]!.itemId, quantity: '10' }],
  });
  const document = await withTenant(handle.db, co.tenant.id, async (tx) =>
    storeDocument(tx, co.tenant.id, {
      filename: 'facture-F-2001.pdf',
      declaredType: 'application/pdf',
      content: await billPdf(),
      source: 'upload',
    }),
  );
  ids.documents = document.id;
  const bill = await done<{ id: string }>(s, recordBill, {
    supplier: { name: 'Bureau Plus Inc.' },
    supplierInvoiceNumber: 'F-2001',
    billDate: new Date().toISOString().slice(0, 10),
    purchaseOrderId: order.id,
    documentId: document.id,
    lines: [{ description: 'Chaise ergonomique', quantity: '10', unitPrice: '200.00' }],
    subtotal: '2000.00',
    tax: '299.50',
    total: '2299.50',
  });
  ids.bills = bill.id;
  await done(s, approveBill, { billId: bill.id });
  await done(s, payBill, { billId: bill.id, amount: '1000.00', reference: 'VIR-7' });
  ids.clients = (await done<{ id: string }>(s, createClient, { name: 'Café Olimpico', province: 'QC' })).id;
  const invoice = await done<{ id: string }>(s, createInvoice, {
    clientId: ids.clients,
    lines: [{ description: 'Hébergement mensuel', quantity: '3', unitPrice: '989.17' }],
  });
  ids.invoices = invoice.id;
  await withTenant(handle.db, co.tenant.id, (tx) =>
    tx.insert(reminders).values({ tenantId: co.tenant.id, invoiceId: invoice.id, scheduleDay: 7, language: 'fr' }),
  );
  const [action] = await handle.raw('select id from ai_actions where tenant_id = $1 order by number limit 1', [
    co.tenant.id,
  ]);
  ids.actions = action!.id as string;

  // Another company, whose ids the first must never reach.
  const them = await company('autre', [{ email: 'x@autre.test', name: 'X', language: 'fr', password: 'x-pass-123' }]);
  other.suppliers = (
    await done<{ id: string }>(them.session(), createSupplier, { name: 'Fournisseur Secret', province: 'QC' })
  ).id;
  other.orders = (
    await done<{ id: string }>(them.session(), createOrder, {
      supplierId: other.suppliers,
      lines: [{ description: 'Secret', quantity: '1', unitPrice: '10.00' }],
    })
  ).id;

  web = await serveInBrowser({ handle, config: loadConfig({}), now: () => new Date() });
  ({ base, browser } = web);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await handle?.close();
});

const REGISTERS = [
  'orders',
  'invoices',
  'bills',
  'suppliers',
  'clients',
  'products',
  'documents',
  'reminders',
  'actions',
];
const DETAILS = ['orders', 'invoices', 'bills', 'suppliers', 'clients', 'products', 'documents', 'actions'];

async function signedIn(lang: Lang, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await web.logIn(page, PEOPLE[lang].email, PEOPLE[lang].password);
  return page;
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function serious(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each(['fr', 'en'] as const)('registers and record pages in %s', (lang) => {
  it('shows every register at 1366 px with the reader’s numbers, and axe finds nothing serious', async () => {
    const page = await signedIn(lang, 1366, 900);
    for (const name of REGISTERS) {
      const response = await page.goto(`${base}/app/registers/${name}`);
      expect(response?.status(), name).toBe(200);
      await expect(page.locator('table.register tbody tr').count(), name).resolves.toBeGreaterThan(0);
      await page.screenshot({ path: `${ARTIFACTS}/register-${name}-${lang}-1366.png`, fullPage: true });
      expect(await serious(page), name).toEqual([]);
    }
    // Money as the reader writes it, never "2967.51".
    await page.goto(`${base}/app/registers/invoices`);
    const text = await page.locator('table.register').textContent();
    expect(text).toContain(lang === 'fr' ? '3\u00a0411,90\u00a0$' : '$3,411.90');
    expect(text).not.toContain('3411.90');
    await page.context().close();
  }, 120_000);

  it('shows one record page of each kind at 1366 px: lines, totals, file, history and links', async () => {
    const page = await signedIn(lang, 1366, 900);
    for (const name of DETAILS) {
      const response = await page.goto(`${base}/app/registers/${name}/${ids[name]}`);
      expect(response?.status(), name).toBe(200);
      await page.screenshot({ path: `${ARTIFACTS}/record-${name}-${lang}-1366.png`, fullPage: true });
      expect(await serious(page), name).toEqual([]);
    }
    // The bill: its lines and taxes, its PDF framed, and the chain PO → receipt → payment.
    await page.goto(`${base}/app/registers/bills/${ids.bills}`);
    await expect(page.locator('table.lines tbody tr').count()).resolves.toBe(1);
    await expect(page.locator('.detail-file iframe').getAttribute('src')).resolves.toBe(
      `/app/documents/${ids.documents}/file`,
    );
    for (const kind of ['purchase_order', 'receipt', 'document', 'bill_payment'])
      await expect(page.locator(`ul.links li[data-link=${kind}]`).count(), kind).resolves.toBeGreaterThan(0);
    await expect(page.locator('ol.history li').count()).resolves.toBeGreaterThan(1);
    // The order: its history shows its status changes, and it leads to its bill.
    await page.goto(`${base}/app/registers/orders/${ids.orders}`);
    await expect(page.locator('ul.links li[data-link=bill]').count()).resolves.toBe(1);
    await expect(page.locator('ol.history').textContent()).resolves.toContain(lang === 'fr' ? 'envoyé' : 'sent');
    // The invoice: its reminder, and its PDF served for the frame.
    await page.goto(`${base}/app/registers/invoices/${ids.invoices}`);
    await expect(page.locator('ul.links li[data-link=reminder]').count()).resolves.toBe(1);
    const pdf = await page.request.get(`${base}/app/registers/invoices/${ids.invoices}/pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await page.context().close();
  }, 120_000);

  it('fits every register and record page in 390 px without sideways scrolling', async () => {
    const page = await signedIn(lang, 390, 844);
    const wide: string[] = [];
    for (const path of [
      ...REGISTERS.map((n) => `/app/registers/${n}`),
      ...DETAILS.map((n) => `/app/registers/${n}/${ids[n]}`),
    ]) {
      await page.goto(`${base}${path}`);
      const name = path.replace('/app/registers/', '').replace(/\/[0-9a-f-]{36}$/, '-record');
      await page.screenshot({ path: `${ARTIFACTS}/register-${name}-${lang}-390.png`, fullPage: true });
      const extra = await overflow(page);
      if (extra > 0) wide.push(`${path}: ${extra}px`);
    }
    expect(wide).toEqual([]);
    await page.context().close();
  }, 120_000);
});

describe('tenant isolation and refusals on the register pages', () => {
  it('answers 404 for another company’s ids and 400 for a bad filter, as a page in the reader’s language', async () => {
    const page = await signedIn('en', 1366, 900);
    for (const name of ['orders', 'suppliers'] as const) {
      const response = await page.goto(`${base}/app/registers/${name}/${other[name]}`);
      expect(response?.status(), name).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toBe('Not found');
      await expect(page.locator('body').textContent()).resolves.not.toContain('Secret');
    }
    const register = await page.goto(`${base}/app/registers/suppliers?q=Secret`);
    expect(register?.status()).toBe(200);
    await expect(page.locator('table.register').count()).resolves.toBe(0);
    const refused = await page.goto(`${base}/app/registers/bills?status=lost`);
    expect(refused?.status()).toBe(400);
    await expect(page.locator('.notice.error').textContent()).resolves.toMatch(/status/i);
    const trail = await page.goto(`${base}/app/registers/bills/${other.orders}`);
    expect(trail?.status()).toBe(404);
    await page.context().close();
  }, 60_000);
});
