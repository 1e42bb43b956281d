/**
 * Three whole journeys in headless Chromium, clicks and typing only (no model, no API call from the
 * test once the browser is open), each in English and in French:
 * - a manager decides a purchase order, a bill the AI read from an emailed PDF, and a reminder, all
 *   from the approvals inbox, without opening another page;
 * - an accountant turns an emailed bill from an unknown supplier into an approved bill: the supplier
 *   created in one click from what was read, the bill recorded from its form, then approved;
 * - a buyer creates a purchase order from its form (a mistake shown beside its field first), submits
 *   it, a manager approves it in the inbox, and the buyer sends it to the supplier.
 * Every screen is photographed at 1366 × 900 and 390 × 844 (tests/artifacts/), checked for sideways
 * scroll at 390 px and by axe-core (no serious or critical violation).
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import PDFDocument from 'pdfkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { inboundEmails, outboxEmails, purchaseOrderItems, supplierBills, suppliers } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { actorOf } from '../../../tools/auth/api-tokens.ts';
import { approveBill } from '../../../tools/bills/approve-bill.ts';
import { recordBill } from '../../../tools/bills/record-bill.ts';
import type { Lang, Session } from '../../../tools/context.ts';
import { storeDocument } from '../../../tools/documents/store.ts';
import { readBill } from '../../../tools/intake/read-bill.ts';
import { createClient } from '../../../tools/invoicing/create-client.ts';
import { createInvoice } from '../../../tools/invoicing/create-invoice.ts';
import { sendInvoice } from '../../../tools/invoicing/send-invoice.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { sendReminder } from '../../../tools/reminders/send-reminder.ts';
import { createTenant } from '../../../tools/tenancy.ts';
import { makeBills, renderBill } from '../../../evals/extraction/synthetic-bills.ts';
import { ARTIFACTS, serveInBrowser, type BrowserApp } from '../../support/browser.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let base: string;
let browser: Browser;
let web: BrowserApp;
let tenantId: string;
let session: (email: string) => Session;
let supplierId: string;

const PEOPLE = (['en', 'fr'] as const).flatMap((lang) =>
  (['buyer', 'accountant', 'manager'] as const).map((role) => ({
    email: `${role}-${lang}@journeys.test`,
    name: `${role[0]!.toUpperCase()}${role.slice(1)} ${lang.toUpperCase()}`,
    role,
    language: lang,
    password: `${role}-${lang}-pass`,
  })),
);
const person = (role: 'buyer' | 'accountant' | 'manager', lang: Lang) =>
  PEOPLE.find((p) => p.role === role && p.language === lang)!;

beforeAll(async () => {
  handle = await freshDatabase();
  // Assisted: the AI may record draft bills alone; anything that moves money or leaves the company waits.
  const { tenant, users } = await createTenant(
    handle.db,
    { slug: 'e2e-journeys', name: 'Atelier Parcours', province: 'QC', automationLevel: 'assisted' },
    PEOPLE,
  );
  tenantId = tenant.id;
  const [supplier] = await withTenant(handle.db, tenant.id, (tx) =>
    tx
      .insert(suppliers)
      .values({ tenantId: tenant.id, name: 'Bureau Plus Inc.', province: 'QC', email: 'commandes@bureauplus.test' })
      .returning(),
  );
  supplierId = supplier!.id;
  session = (email) => {
    const user = users.find((u) => u.email === email)!;
    return { db: handle.db, tenantId, actor: actorOf(user), lang: user.language as Lang, now: () => new Date() };
  };
  web = await serveInBrowser({ handle, config: loadConfig({}), now: () => new Date() });
  ({ base, browser } = web);
});

afterAll(async () => {
  await web?.close();
  await handle?.close();
});

/** Both sizes of the same screen photographed; at 390 px nothing scrolls sideways; axe at each. */
async function look(page: Page, name: string, lang: Lang) {
  const original = page.viewportSize()!;
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${ARTIFACTS}/journey-${name}-${lang}-${width}.png`, fullPage: true });
    if (width === 390) {
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(widths.scroll, `${name} scrolls sideways at 390 px`).toBeLessThanOrEqual(widths.client);
    }
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${name}@${width} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }
  await page.setViewportSize(original);
}

async function open(lang: Lang, role: 'buyer' | 'accountant' | 'manager', width = 1366) {
  const context = await browser.newContext({
    viewport: { width, height: width < 500 ? 844 : 900 },
    locale: lang === 'fr' ? 'fr-CA' : 'en-CA',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // A refused form answers 4xx on purpose, with the form and the reason; the browser logs those.
  page.on('console', (m) => m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && problems.push(m.text()));
  const who = person(role, lang);
  await web.logIn(page, who.email, who.password);
  return { page, problems, close: () => context.close() };
}

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

function billPdf(title: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(18).text(`Bureau Plus Inc. — ${title}`);
    doc.fontSize(12).text('Papier A4 (boîte)   3 x 40.00 = 120.00').text('Total 137.97 $');
    doc.end();
  });
}

/** Three things waiting for the manager: a buyer's order, the AI's bill from an email, the AI's reminder. */
async function threeToDecide(lang: Lang) {
  const buyer = session(person('buyer', lang).email);
  const accountant = session(person('accountant', lang).email);
  const order = (
    await propose(
      buyer,
      createOrder,
      {
        supplierId,
        lines: [{ description: 'Chaise ergonomique', quantity: '2', unitPrice: '207.00', treatment: 'exempt' }],
      },
      { source: 'rest', byAi: false },
    )
  ).result as { id: string; number: string };
  const submitted = await propose(buyer, submitOrder, { orderId: order.id }, { source: 'rest', byAi: false });
  expect(submitted.status).toBe('pending_approval');

  const invoiceNumber = `F-${lang}-${Date.now()}`;
  const documentId = await withTenant(handle.db, tenantId, async (tx) => {
    const [mail] = await tx
      .insert(inboundEmails)
      .values({
        tenantId,
        messageId: `<${invoiceNumber}@bureauplus.test>`,
        fromAddress: 'factures@bureauplus.test',
        subject: `Facture ${invoiceNumber}`,
      })
      .returning();
    const doc = await storeDocument(tx, tenantId, {
      filename: `${invoiceNumber}.pdf`,
      declaredType: 'application/pdf',
      content: await billPdf(invoiceNumber),
      source: 'email',
      inboundEmailId: mail!.id,
    });
    return doc.id;
  });
  const recorded = await propose(
    accountant,
    recordBill,
    {
      supplierId,
      supplierInvoiceNumber: invoiceNumber,
      billDate: isoDaysAgo(3),
      documentId,
      lines: [{ description: 'Papier A4 (boîte)', quantity: '3', unitPrice: '40.00' }],
    },
    { source: 'email', byAi: true, modelConfidence: 0.9 },
  );
  expect(recorded.status).toBe('executed');
  const bill = await propose(
    accountant,
    approveBill,
    { billId: (recorded.result as { id: string }).id },
    { source: 'email', byAi: true, modelConfidence: 0.9 },
  );
  expect(bill.status).toBe('pending_approval');

  const client = (
    await propose(
      accountant,
      createClient,
      {
        name: `Client ${lang}`,
        email: `compta-${lang}@client.test`,
        language: lang,
        province: 'QC',
        paymentTermsDays: 30,
      },
      { source: 'rest', byAi: false },
    )
  ).result as { id: string };
  const invoice = (
    await propose(
      accountant,
      createInvoice,
      {
        clientId: client.id,
        issueDate: isoDaysAgo(60),
        lines: [{ description: 'Atelier de formation', quantity: '1', unitPrice: '800.00' }],
      },
      { source: 'rest', byAi: false },
    )
  ).result as { id: string; number: string };
  const sent = await propose(accountant, sendInvoice, { invoiceId: invoice.id }, { source: 'rest', byAi: false });
  expect(sent.status).toBe('executed');
  const reminder = await propose(
    accountant,
    sendReminder,
    { invoiceId: invoice.id },
    { source: 'job', byAi: true, modelConfidence: 0.9 },
  );
  expect(reminder.status).toBe('pending_approval');
  return { order: { ...submitted, record: order.number }, bill, reminder: { ...reminder, invoice: invoice.number } };
}

const words = {
  en: {
    approvals: 'Approvals',
    executed: (n: number) => `Action #${n} executed.`,
    client: 'Client',
    approvedBill: 'approved',
    sentOrder: 'sent',
    draftOrder: 'draft',
  },
  fr: {
    approvals: 'Approbations',
    executed: (n: number) => `Action n° ${n} exécutée.`,
    client: 'Client',
    approvedBill: 'approuvée',
    sentOrder: 'envoyé',
    draftOrder: 'brouillon',
  },
} as const;

async function managerDecidesFromTheInbox(lang: Lang) {
  const w = words[lang];
  const waiting = await threeToDecide(lang);
  const { page, problems, close } = await open(lang, 'manager');
  const nav = page.locator('header.top nav [data-nav="approvals"]');
  await nav.click();
  await page.waitForURL(`${base}/app/approvals`);
  await look(page, 'inbox-three', lang);
  expect(await nav.textContent()).toBe(`${w.approvals} 3`);

  // The order as the document it will be.
  const orderCard = page.locator(`article.proposal[data-number="${waiting.order.number}"]`);
  expect(await orderCard.locator('.record-number').textContent()).toBe(waiting.order.record);
  expect(await orderCard.locator('.party').textContent()).toBe('Bureau Plus Inc.');
  // The AI's bill beside its PDF and the email it came in.
  const billCard = page.locator(`article.proposal[data-number="${waiting.bill.number}"]`);
  expect(await billCard.locator('table.lines tbody td').first().textContent()).toBe('Papier A4 (boîte)');
  expect(await billCard.locator('.origin').textContent()).toContain('factures@bureauplus.test');
  const frame = billCard.locator('iframe.doc-frame');
  expect(await frame.getAttribute('src')).toMatch(/^\/app\/documents\/[0-9a-f-]{36}\/file$/);
  expect(await billCard.locator('meter.bar').count()).toBe(1);
  // The reminder shows the invoice it chases, and its client.
  const reminderCard = page.locator(`article.proposal[data-number="${waiting.reminder.number}"]`);
  expect(await reminderCard.locator('h3').textContent()).toMatch(
    lang === 'fr' ? /— Envoyer une relance de paiement$/ : /— Send a payment reminder$/,
  );
  expect(await reminderCard.locator('.record-number').textContent()).toBe(waiting.reminder.invoice);
  expect(await reminderCard.locator('.record-facts dt').first().textContent()).toBe(w.client);

  // Three decisions, each answered by the inbox itself.
  for (const [n, left] of [
    [waiting.order.number, 2],
    [waiting.bill.number, 1],
    [waiting.reminder.number, 0],
  ] as const) {
    await page.locator(`article.proposal[data-number="${n}"] button.approve`).click();
    await page.waitForURL(/\/app\/approvals\?done=/);
    expect(await page.locator('main .notice.ok').first().textContent()).toBe(w.executed(n));
    expect(await nav.textContent()).toBe(left ? `${w.approvals} ${left}` : w.approvals);
  }
  expect(new URL(page.url()).pathname).toBe('/app/approvals');
  await look(page, 'inbox-decided', lang);
  // The reminder really left: one email to the client in the outbox.
  const mails = await withTenant(handle.db, tenantId, (tx) => tx.select().from(outboxEmails));
  expect(mails.filter((m) => m.to === `compta-${lang}@client.test`)).toHaveLength(2);
  expect(problems).toEqual([]);
  await close();
}

async function accountantTurnsAnUnknownSuppliersBill(lang: Lang) {
  const w = words[lang];
  // A bill from a supplier the company does not have, emailed in and read: no bill could be proposed.
  // Two suppliers of the generator's list: each language's run meets its own unknown supplier.
  const spec = makeBills(2, 21)[lang === 'en' ? 0 : 1];
  const documentId = await withTenant(handle.db, tenantId, async (tx) => {
    const [mail] = await tx
      .insert(inboundEmails)
      .values({
        tenantId,
        messageId: `<unknown-${lang}@supplier.test>`,
        fromAddress: `billing-${lang}@newsupplier.test`,
        subject: `Invoice ${spec!.invoiceNumber}`,
      })
      .returning();
    const doc = await storeDocument(tx, tenantId, {
      filename: `bill-${lang}.pdf`,
      declaredType: 'application/pdf',
      content: await renderBill(spec!),
      source: 'email',
      inboundEmailId: mail!.id,
    });
    return doc.id;
  });
  const read = await readBill(handle.db, tenantId, documentId, { source: 'email', now: () => new Date() });
  expect(read.status).toBe('extracted');

  const { page, problems, close } = await open(lang, 'accountant', 390);
  await page.locator('header.top nav [data-nav="documents"]').click();
  await page.waitForURL(`${base}/app/documents`);
  const row = page.locator(`tr[data-document-id="${documentId}"]`);
  // No instructions meant for the AI: a button.
  expect(await row.textContent()).not.toContain('purchasing_find_suppliers');
  await row.locator('a.record-bill').click();
  await page.waitForURL(`${base}/app/do/bill-from-document/${documentId}`);
  await look(page, 'bill-unknown-supplier', lang);
  const lead = page.locator('.unknown-supplier');
  expect(await lead.locator('.party').textContent()).toBe(spec!.supplier.name);

  // One click: the supplier exists, and the bill's form has it chosen.
  await page.locator('button.create-supplier').click();
  await page.waitForURL(/supplierId=/);
  expect(await page.locator('.unknown-supplier').count()).toBe(0);
  const picked = await page.locator('select[name="f.supplierId"] option:checked').textContent();
  expect(picked).toBe(spec!.supplier.name);
  const created = await withTenant(handle.db, tenantId, (tx) => tx.select().from(suppliers));
  expect(created.find((s) => s.name === spec!.supplier.name)?.email).toBe(`billing-${lang}@newsupplier.test`);
  await look(page, 'bill-form', lang);

  // Record it as read, then approve it from its page.
  await page.locator('form.action-form button.do-submit').click();
  await page.waitForURL(/\/app\/do\/record\/bill\//);
  expect(await page.locator('main .notice.ok').textContent()).toMatch(
    /^(Action #\d+ executed\.|Action n° \d+ exécutée\.)$/,
  );
  await look(page, 'bill-recorded', lang);
  await page.locator('button[data-tool="bills_approve_bill"]').click();
  await page.waitForURL(/\/app\/do\/record\/bill\/.*action=/);
  expect(await page.locator('.record-status').textContent()).toBe(w.approvedBill);
  await look(page, 'bill-approved', lang);
  const bills = await withTenant(handle.db, tenantId, (tx) => tx.select().from(supplierBills));
  const bill = bills.find((b) => b.documentId === documentId)!;
  expect(bill.status).toBe('approved');

  // The bills export is a download button: the file holds the new bill.
  await page.locator('header.top nav [data-nav="do"]').click();
  await page.waitForURL(`${base}/app/do`);
  await page.selectOption('select[name=dataset]', 'bills');
  await page.fill('input[name=from]', bill.billDate);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.download').click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await download.path());
  expect(csv.toString('utf8')).toContain(bill.number);
  expect(problems).toEqual([]);
  await close();
}

async function buyerCreatesSubmitsSends(lang: Lang) {
  const w = words[lang];
  const buyer = await open(lang, 'buyer');
  const page = buyer.page;
  await page.locator('header.top nav [data-nav="do"]').click();
  await page.waitForURL(`${base}/app/do`);
  await look(page, 'do-index', lang);
  await page.locator('a[data-tool="purchasing_create_order"]').click();
  await page.waitForURL(`${base}/app/do/purchasing_create_order`);

  await page.selectOption('select[name="f.supplierId"]', { label: 'Bureau Plus Inc.' });
  await page.fill('input[name="f.lines.0.description"]', 'Bureau assis-debout');
  await page.fill('input[name="f.lines.0.quantity"]', '1');
  await page.fill('input[name="f.lines.0.unitPrice"]', 'douze');
  await page.locator('button.add-line').click();
  await page.fill('input[name="f.lines.1.description"]', 'Lampe de bureau');
  await page.fill('input[name="f.lines.1.quantity"]', '2');
  await page.fill('input[name="f.lines.1.unitPrice"]', '45.00');
  // The first line kept what was typed through the "add a line" round trip; the bad price is refused beside it.
  expect(await page.inputValue('input[name="f.lines.0.description"]')).toBe('Bureau assis-debout');
  await page.locator('button.do-submit').click();
  const error = page.locator('#do-purchasing_create_order-lines-0-unitPrice-error');
  await error.waitFor();
  expect(await error.textContent()).toMatch(lang === 'fr' ? /montant|nombre|prix/i : /amount|number|price/i);
  expect(await page.inputValue('input[name="f.lines.1.description"]')).toBe('Lampe de bureau');
  await look(page, 'po-form-error', lang);

  await page.fill('input[name="f.lines.0.unitPrice"]', '610.00');
  await page.locator('button.do-submit').click();
  await page.waitForURL(/\/app\/do\/record\/purchase_order\//);
  expect(await page.locator('.record-status').textContent()).toBe(w.draftOrder);
  const orderUrl = new URL(page.url()).pathname;
  await look(page, 'po-created', lang);

  // Submit: a buyer does not decide on money, so it waits for a manager.
  await page.locator('button[data-tool="purchasing_submit_order"]').click();
  await page.waitForURL(/action=/);
  expect(await page.locator('main p.notice.warn').textContent()).toMatch(
    lang === 'fr'
      ? /^En attente d'approbation n° \d+ \(niveau 1\) : doit être approuvée par un comptable ou plus\.$/
      : /^Pending approval #\d+ \(level 1\): needs an accountant or above\.$/,
  );
  // Already waiting: not offered a second time.
  expect(await page.locator('button[data-tool="purchasing_submit_order"]').count()).toBe(0);
  expect(await page.locator('ul.waiting-actions li').count()).toBe(1);
  await look(page, 'po-submitted', lang);

  const manager = await open(lang, 'manager');
  await manager.page.locator('header.top nav [data-nav="approvals"]').click();
  const number = (await page.locator('h1').textContent())!.split(' ').at(-1)!;
  const card = manager.page.locator('article.proposal', {
    has: manager.page.locator(`.record-number:text-is("${number}")`),
  });
  await card.locator('button.approve').click();
  await manager.page.waitForURL(/done=/);
  expect(await manager.page.locator('main .notice.ok').count()).toBe(1);
  expect(manager.problems).toEqual([]);
  await manager.close();

  // Back to the order through the buyer's own activity, and send it.
  await page.locator('header.top nav [data-nav="approvals"]').click();
  await page.waitForURL(`${base}/app/approvals`);
  await page.locator(`table.activity a.record-link[href="${orderUrl}"]`).first().click();
  await page.waitForURL(`${base}${orderUrl}`);
  await page.locator('button[data-tool="purchasing_send_order"]').click();
  await page.waitForURL(/action=/);
  expect(await page.locator('main .notice.ok').textContent()).toMatch(
    /^(Action #\d+ executed\.|Action n° \d+ exécutée\.)$/,
  );
  expect(await page.locator('.record-status').textContent()).toBe(w.sentOrder);
  await look(page, 'po-sent', lang);
  expect(buyer.problems).toEqual([]);
  await buyer.close();
}

describe('edit then approve', { timeout: 180_000 }, () => {
  it('a manager corrects the AI’s order in its own form (a quantity, a line added) and approves it as edited', async () => {
    // Manual level: even the AI's draft waits, so the manager sees the order it proposes.
    const manual = await createTenant(
      handle.db,
      { slug: 'e2e-journeys-manual', name: 'Atelier Manuel', province: 'QC', automationLevel: 'manual' },
      [
        { email: 'manager@manual.test', name: 'Manager M', role: 'manager', language: 'en', password: 'manual-pass' },
        { email: 'buyer@manual.test', name: 'Buyer M', role: 'buyer', language: 'en', password: 'manual-buyer' },
      ],
    );
    const buyerSession: Session = {
      db: handle.db,
      tenantId: manual.tenant.id,
      actor: actorOf(manual.users.find((u) => u.role === 'buyer')!),
      lang: 'en',
      now: () => new Date(),
    };
    const [supplier] = await withTenant(handle.db, manual.tenant.id, (tx) =>
      tx
        .insert(suppliers)
        .values({ tenantId: manual.tenant.id, name: 'Papeterie Manuelle', province: 'QC' })
        .returning(),
    );
    const proposed = await propose(
      buyerSession,
      createOrder,
      { supplierId: supplier!.id, lines: [{ description: 'Cahiers', quantity: '10', unitPrice: '4.00' }] },
      { source: 'chat', byAi: true, modelConfidence: 0.9 },
    );
    expect(proposed.status).toBe('pending_approval');

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-CA' });
    const page = await context.newPage();
    await web.logIn(page, 'manager@manual.test', 'manual-pass');
    await page.locator('header.top nav [data-nav="approvals"]').click();
    const card = page.locator(`article.proposal[data-number="${proposed.number}"]`);
    await card.locator('details.edit-request summary').click();
    // The supplier is a picker showing its name, not an id.
    expect(await card.locator('select[name="f.supplierId"] option:checked').textContent()).toBe('Papeterie Manuelle');
    await card.locator('input[name="f.lines.0.quantity"]').fill('12');
    await card.locator('button.add-line').click();
    const again = page.locator(`article.proposal[data-number="${proposed.number}"]`);
    expect(await again.locator('input[name="f.lines.0.quantity"]').inputValue()).toBe('12');
    await again.locator('input[name="f.lines.1.description"]').fill('Stylos');
    await again.locator('input[name="f.lines.1.quantity"]').fill('5');
    await again.locator('input[name="f.lines.1.unitPrice"]').fill('2.50');
    await look(page, 'inbox-edit', 'en');
    await again.locator('button.approve-edited').click();
    await page.waitForURL(/\/app\/approvals\?done=/);
    expect(await page.locator('main .notice.ok').first().textContent()).toBe(`Action #${proposed.number} executed.`);
    const orders = await withTenant(handle.db, manual.tenant.id, (tx) =>
      tx.select().from(purchaseOrderItems).orderBy(purchaseOrderItems.position),
    );
    expect(orders.map((i) => [i.description, Number(i.quantity)])).toEqual([
      ['Cahiers', 12],
      ['Stylos', 5],
    ]);
    await context.close();
  });
});

describe('another company', { timeout: 120_000 }, () => {
  it('answers 404 for its order, bill document and forms opened with its ids', async () => {
    const other = await createTenant(handle.db, { slug: 'e2e-journeys-other', name: 'Autre Atelier', province: 'QC' }, [
      { email: 'buyer@other.test', name: 'Other Buyer', role: 'buyer', language: 'en', password: 'other-pass' },
    ]);
    const otherSession: Session = {
      db: handle.db,
      tenantId: other.tenant.id,
      actor: actorOf(other.users[0]!),
      lang: 'en',
      now: () => new Date(),
    };
    const [theirSupplier] = await withTenant(handle.db, other.tenant.id, (tx) =>
      tx.insert(suppliers).values({ tenantId: other.tenant.id, name: 'Their Supplier', province: 'QC' }).returning(),
    );
    const theirOrder = (
      await propose(
        otherSession,
        createOrder,
        { supplierId: theirSupplier!.id, lines: [{ description: 'X', quantity: '1', unitPrice: '1.00' }] },
        { source: 'rest', byAi: false },
      )
    ).result as { id: string };
    const theirDocument = await withTenant(handle.db, other.tenant.id, (tx) =>
      storeDocument(tx, other.tenant.id, {
        filename: 'theirs.pdf',
        declaredType: 'application/pdf',
        content: Buffer.from('%PDF-1.4\n%%EOF\n'),
        source: 'upload',
      }),
    );
    const { page, close } = await open('en', 'manager');
    for (const path of [
      `/app/do/record/purchase_order/${theirOrder.id}`,
      `/app/do/bill-from-document/${theirDocument.id}`,
      `/app/documents/${theirDocument.id}/file`,
    ])
      expect((await page.request.get(`${base}${path}`)).status(), path).toBe(404);
    // A form opened with their order's id shows no order of theirs (the picker lists ours only).
    const form = await page.request.get(`${base}/app/do/purchasing_receive_items?orderId=${theirOrder.id}`);
    expect(await form.text()).not.toContain('Their Supplier');
    await close();
  });
});

describe('journeys through the actions, clicks only', { timeout: 240_000 }, () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`${lang}: a manager decides an order, an AI-read bill with its PDF and a reminder from the inbox`, async () => {
      await managerDecidesFromTheInbox(lang);
    });
    it(`${lang}: an accountant turns an emailed bill from an unknown supplier into an approved bill`, async () => {
      await accountantTurnsAnUnknownSuppliersBill(lang);
    });
    it(`${lang}: a buyer creates, submits and, once approved, sends a purchase order`, async () => {
      await buyerCreatesSubmitsSends(lang);
    });
  }
});
