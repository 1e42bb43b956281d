/**
 * The approvals inbox in headless Chromium, clicks only, in French and in English, at 1366 px and at
 * 390 px: a manager sees each action as the document it will become (supplier, lines, taxes, total),
 * the bill's PDF and the email it came in beside it, why it waits and its evidence as sentences with a
 * confidence bar (no weights); approves an order, rejects the AI's bill with a reason (and reads that it
 * was rejected, not "already decided"), undoes what the AI did alone; the navigation counts only what
 * this person may decide. No page scrolls sideways at 390 px; axe finds nothing serious. Screenshots go
 * to tests/artifacts/.
 */
import AxeBuilder from '@axe-core/playwright';
import PDFDocument from 'pdfkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { inboundEmails, suppliers } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose, undo } from '../../../tools/actions/door.ts';
import { actorOf } from '../../../tools/auth/api-tokens.ts';
import { approveBill } from '../../../tools/bills/approve-bill.ts';
import { recordBill } from '../../../tools/bills/record-bill.ts';
import type { Lang, Session } from '../../../tools/context.ts';
import { storeDocument } from '../../../tools/documents/store.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { createTenant } from '../../../tools/tenancy.ts';
import { ARTIFACTS, serveInBrowser, type BrowserApp } from '../../support/browser.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let base: string;
let browser: Browser;
let web: BrowserApp;
let tenantId: string;
let session: (email: string) => Session;
let supplierId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  // Full automation with a modest floor: the AI's confident submissions run on their own, so they can be undone.
  const { tenant, users } = await createTenant(
    handle.db,
    { slug: 'e2e-inbox', name: 'Atelier Démo', province: 'QC', automationLevel: 'full', confidenceFloor: 0.5 },
    [
      { email: 'sarah@inbox.test', name: 'Sarah Roy', role: 'buyer', language: 'en', password: 'sarah-pass' },
      { email: 'nadia@inbox.test', name: 'Nadia Côté', role: 'accountant', language: 'en', password: 'nadia-pass' },
      { email: 'marie@inbox.test', name: 'Marie Tremblay', role: 'manager', language: 'fr', password: 'marie-pass' },
    ],
  );
  tenantId = tenant.id;
  const [supplier] = await withTenant(handle.db, tenant.id, (tx) =>
    tx.insert(suppliers).values({ tenantId: tenant.id, name: 'Bureau Plus Inc.', province: 'QC' }).returning(),
  );
  supplierId = supplier!.id;
  session = (email) => {
    const user = users.find((u) => u.email === email)!;
    return {
      db: handle.db,
      tenantId: tenant.id,
      actor: actorOf(user),
      lang: user.language as Lang,
      now: () => new Date(),
    };
  };
  web = await serveInBrowser({ handle, config: loadConfig({}), now: () => new Date() });
  ({ base, browser } = web);
});

afterAll(async () => {
  await web?.close();
  await handle?.close();
});

function billPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(18).text('Bureau Plus Inc. — Facture F-1001');
    doc.fontSize(12).text('Papier A4 (boîte)   3 x 40.00 = 120.00').text('Total 137.97 $');
    doc.end();
  });
}

async function draft(total: string) {
  const made = await propose(
    session('sarah@inbox.test'),
    createOrder,
    {
      supplierId,
      lines: [{ description: 'Chaise ergonomique', quantity: '1', unitPrice: total, treatment: 'exempt' }],
    },
    { source: 'rest', byAi: false },
  );
  return made.result as { id: string; number: string };
}

/** An order the buyer submits herself: a buyer does not decide on money, so it waits for approval. */
async function queuedSubmission(total: string) {
  const order = await draft(total);
  const queued = await propose(
    session('sarah@inbox.test'),
    submitOrder,
    { orderId: order.id },
    { source: 'rest', byAi: false },
  );
  expect(queued.status).toBe('pending_approval');
  return { number: queued.number, order: order.number };
}

/** A bill the AI read from an emailed PDF for the buyer, and its approval for payment, which waits. */
async function aiBillFromEmail(invoiceNumber: string) {
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
      content: await billPdf(),
      source: 'email',
      inboundEmailId: mail!.id,
    });
    return doc.id;
  });
  // Recorded as a draft on its own (full automation); approving it for payment waits for someone who decides on money.
  const recorded = await propose(
    session('sarah@inbox.test'),
    recordBill,
    {
      supplierId,
      supplierInvoiceNumber: invoiceNumber,
      billDate: '2026-11-20',
      documentId,
      lines: [{ description: 'Papier A4 (boîte)', quantity: '3', unitPrice: '40.00' }],
      subtotal: '120.00',
      tax: '17.97',
      total: '137.97',
    },
    { source: 'email', byAi: true, modelConfidence: 0.8 },
  );
  expect(recorded.status).toBe('executed');
  const queued = await propose(
    session('sarah@inbox.test'),
    approveBill,
    { billId: (recorded.result as { id: string }).id },
    { source: 'email', byAi: true, modelConfidence: 0.8 },
  );
  expect(queued.status).toBe('pending_approval');
  return queued;
}

/** An order the AI submits on the approver's behalf, confident and small: it runs at once. */
async function aiSubmission(approverEmail: string, total: string) {
  const ran = await propose(
    session(approverEmail),
    submitOrder,
    { orderId: (await draft(total)).id },
    { source: 'chat', byAi: true, modelConfidence: 0.95 },
  );
  expect(ran.status).toBe('executed');
  return ran;
}

/** No page may scroll sideways: the document is as wide as the window. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

interface Words {
  lang: Lang;
  approver: [string, string, string];
  navLabel: string;
  supplierLabel: string;
  emailFrom: string;
  openPdf: (name: string) => string;
  total: string;
  rejectedMessage: (n: number) => string;
  executedMessage: (n: number) => string;
  undoneMessage: (n: number) => string;
  approvedBy: string;
  automatic: string;
  alreadyUndone: RegExp;
}

async function decideFromTheInbox(p: Words, width: number) {
  const [email, password, name] = p.approver;
  const order = await queuedSubmission('414.00');
  const bill = await aiBillFromEmail(`F-${p.lang}-${width}`);
  const undoable = await aiSubmission(email, '180.00');
  const stale = await aiSubmission(email, '95.00');
  const context = await browser.newContext({
    viewport: { width, height: width < 500 ? 844 : 900 },
    locale: p.lang === 'fr' ? 'fr-CA' : 'en-CA',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // Refusals answer 4xx on purpose, with the inbox and the reason; the browser logs those as errors.
  page.on('console', (m) => m.type() === 'error' && !/status of 40\d/.test(m.text()) && problems.push(m.text()));
  await web.logIn(page, email, password);
  await page.locator('header.top nav [data-nav="approvals"]').click();
  await page.waitForURL(`${base}/app/approvals`);
  const shot = (what: string) =>
    page.screenshot({ path: `${ARTIFACTS}/inbox-${what}-${p.lang}-${width}.png`, fullPage: true });
  await shot('pending');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // The navigation counts what this person may decide: here, the two cards.
  const nav = page.locator('header.top nav [data-nav="approvals"]');
  expect(await page.locator('article.proposal').count()).toBe(2);
  expect(await nav.textContent()).toBe(`${p.navLabel} 2`);

  // The order shows as the document it is: its number, supplier, line and total.
  const orderCard = page.locator(`article.proposal[data-number="${order.number}"]`);
  expect(await orderCard.locator('.record-number').textContent()).toBe(order.order);
  expect(await orderCard.locator('.party').textContent()).toBe('Bureau Plus Inc.');
  expect(await orderCard.locator('.record-facts dt').first().textContent()).toBe(p.supplierLabel);
  expect(await orderCard.locator('table.lines tbody td').first().textContent()).toBe('Chaise ergonomique');
  expect(await orderCard.locator('.total').textContent()).toBe(p.total);

  // The AI's bill: what it will record, the PDF and the email it came from, its evidence in sentences.
  const billCard = page.locator(`article.proposal[data-number="${bill.number}"]`);
  expect(await billCard.locator('table.lines tbody td').first().textContent()).toBe('Papier A4 (boîte)');
  expect(await billCard.locator('.origin').textContent()).toContain(p.emailFrom);
  expect(await billCard.locator('a.open-document').textContent()).toBe(p.openPdf(`F-${p.lang}-${width}.pdf`));
  expect(await billCard.locator('meter.bar').getAttribute('value')).toBe(String(bill.confidence));
  const evidence = (await billCard.locator('ul.evidence').textContent()) ?? '';
  expect(evidence).not.toMatch(/\([+−-]\d/);
  expect(await billCard.locator('ul.evidence li').count()).toBe(bill.evidence.length);
  const pdf = await page.request.get(`${base}${await billCard.locator('a.open-document').getAttribute('href')}`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  // Approve the order: the inbox comes back saying so, its count one less.
  await orderCard.locator('button.approve').click();
  await page.waitForURL(/done=/);
  expect(await page.locator('main .notice.ok').first().textContent()).toBe(p.executedMessage(order.number));
  expect(await nav.textContent()).toBe(`${p.navLabel} 1`);
  const approved = page.locator(`table.activity tr[data-number="${order.number}"]`);
  expect(await approved.locator('.decider').textContent()).toBe(`${p.approvedBy} ${name}`);

  // Reject the bill: the reason is asked for first (the browser keeps the form), then it is rejected.
  await billCard.locator('button.reject').click();
  expect(page.url()).toMatch(/done=/);
  await billCard.locator('textarea[name=note]').fill('Pas commandé / not ordered');
  await billCard.locator('button.reject').click();
  await page.waitForURL(new RegExp(`done=${bill.id}`));
  const said = page.locator('main .notice').first();
  expect(await said.textContent()).toBe(p.rejectedMessage(bill.number));
  expect(await said.getAttribute('class')).toContain('ok');
  expect(await nav.textContent()).toBe(p.navLabel);
  await shot('decided');

  // Undo what the AI did alone, after confirming.
  const auto = page.locator(`table.activity tr[data-number="${undoable.number}"]`);
  expect(await auto.locator('.decider').textContent()).toBe(p.automatic);
  await auto.locator('details.undo summary').click();
  await auto.locator('button.undo-confirm').click();
  await page.waitForURL(new RegExp(`done=${undoable.id}`));
  expect(await page.locator('main .notice.ok').first().textContent()).toBe(p.undoneMessage(undoable.number));
  expect(
    await page.locator(`table.activity tr[data-number="${undoable.number}"] .badge`).getAttribute('data-status'),
  ).toBe('undone');

  // Someone else undoes one first: the click is refused with the server's reason on that row.
  await undo(session(email), stale.id, { source: 'rest' });
  const staleRow = page.locator(`table.activity tr[data-number="${stale.number}"]`);
  await staleRow.locator('details.undo summary').click();
  await staleRow.locator('button.undo-confirm').click();
  await page.locator(`table.activity tr[data-number="${stale.number}"] .notice.error`).waitFor();
  expect(await page.locator(`table.activity tr[data-number="${stale.number}"] .notice.error`).textContent()).toMatch(
    p.alreadyUndone,
  );
  await shot('activity');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // Chat and documents at the same width: no sideways scroll either.
  for (const screen of ['chat', 'documents'] as const) {
    await page.locator(`header.top nav [data-nav="${screen}"]`).click();
    await page.waitForURL(`${base}/app${screen === 'chat' ? '' : `/${screen}`}`);
    await page.locator('main#view > *').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/${screen}-${p.lang}-${width}.png`, fullPage: true });
    await expectNoSidewaysScroll(page);
  }
  expect(problems).toEqual([]);
  await context.close();
}

const en: Words = {
  lang: 'en',
  approver: ['nadia@inbox.test', 'nadia-pass', 'Nadia Côté'],
  navLabel: 'Approvals',
  supplierLabel: 'Supplier',
  emailFrom: 'Read by the AI from an email from factures@bureauplus.test',
  openPdf: (f) => `Open ${f}`,
  total: '$414.00',
  rejectedMessage: (n) => `Action #${n} rejected: it will not run.`,
  executedMessage: (n) => `Action #${n} executed.`,
  undoneMessage: (n) => `Action #${n} undone: what it did is reversed.`,
  approvedBy: 'approved by',
  automatic: 'executed automatically',
  alreadyUndone: /^Action #\d+ was already decided \(status: undone\)\.$/,
};

const fr: Words = {
  lang: 'fr',
  approver: ['marie@inbox.test', 'marie-pass', 'Marie Tremblay'],
  navLabel: 'Approbations',
  supplierLabel: 'Fournisseur',
  emailFrom: 'Lue par l’IA dans un courriel de factures@bureauplus.test',
  openPdf: (f) => `Ouvrir ${f}`,
  total: '414,00\u00a0$',
  rejectedMessage: (n) => `Action n° ${n} refusée : elle ne sera pas exécutée.`,
  executedMessage: (n) => `Action n° ${n} exécutée.`,
  undoneMessage: (n) => `Action n° ${n} annulée : ce qu'elle avait fait est défait.`,
  approvedBy: 'approuvée par',
  automatic: 'exécutée d’office',
  alreadyUndone: /^L'action n° \d+ est déjà décidée \(statut : undone\)\.$/,
};

describe('approvals inbox in Chromium', { timeout: 180_000 }, () => {
  it('English at 1366 px: decide from the inbox, the document beside each action', async () => {
    await decideFromTheInbox(en, 1366);
  });
  it('French at 390 px: the same on a phone, nothing off-screen', async () => {
    await decideFromTheInbox(fr, 390);
  });
  it('English at 390 px and French at 1366 px', async () => {
    await decideFromTheInbox(en, 390);
    await decideFromTheInbox(fr, 1366);
  });
});
