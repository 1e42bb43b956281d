/**
 * The web chat in headless Chromium, as people use it: a buyer logs in and asks the agent (a scripted
 * model) for chairs; the answer streams in with the tool calls and the purchase-order actions, the
 * submission pending approval; an approver logs in, approves it in the inbox and sees its status
 * change. Once in English and once in French. Screenshots go to tests/artifacts/.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { asc, eq } from 'drizzle-orm';
import { aiActionEvents, aiActions, suppliers } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { createTenant } from '../../../tools/tenancy.ts';
import { ARTIFACTS, serveInBrowser, type BrowserApp } from '../../support/browser.ts';
import { freshDatabase } from '../../support/database.ts';
import { answer, callTools, fakeModel, lastToolResult } from '../../support/scripted-model.ts';

let handle: DatabaseHandle;
let base: string;
let browser: Browser;
let web: BrowserApp;
let tenantId: string;

/** What a good model does with "10 chairs from Bureau Plus": search, draft, submit, then say what the door said. */
function orderingModel() {
  return fakeModel()
    .respond(callTools({ name: 'purchasing_find_suppliers', args: { query: 'Bureau Plus' } }))
    .respond((messages) => {
      const { suppliers: found } = lastToolResult(messages) as { suppliers: { id: string }[] };
      return callTools({
        name: 'purchasing_create_order',
        args: {
          supplierId: found[0]!.id,
          lines: [{ description: 'Chaise ergonomique', quantity: '10', unitPrice: '249.00' }],
          confidence: 0.9,
        },
      });
    })
    .respond((messages) => {
      const draft = lastToolResult(messages) as { result: { id: string } };
      return callTools({ name: 'purchasing_submit_order', args: { orderId: draft.result.id, confidence: 0.9 } });
    })
    .respond((messages) => answer((lastToolResult(messages) as { message: string }).message));
}

beforeAll(async () => {
  handle = await freshDatabase();
  const { tenant } = await createTenant(
    handle.db,
    { slug: 'e2e', name: 'Atelier Démo', province: 'QC', automationLevel: 'assisted' },
    [
      { email: 'sarah@e2e.test', name: 'Sarah Roy', role: 'buyer', language: 'en', password: 'sarah-pass' },
      { email: 'nadia@e2e.test', name: 'Nadia Côté', role: 'accountant', language: 'en', password: 'nadia-pass' },
      { email: 'luc@e2e.test', name: 'Luc Gagnon', role: 'buyer', language: 'fr', password: 'luc-pass' },
      { email: 'marc@e2e.test', name: 'Marc Tremblay', role: 'manager', language: 'fr', password: 'marc-pass' },
    ],
  );
  tenantId = tenant.id;
  await withTenant(handle.db, tenant.id, (tx) =>
    tx.insert(suppliers).values({ tenantId: tenant.id, name: 'Bureau Plus Inc.', province: 'QC' }),
  );
  web = await serveInBrowser({ handle, config: loadConfig({}), now: () => new Date(), chatModel: orderingModel });
  ({ base, browser } = web);
});

afterAll(async () => {
  await web?.close();
  await handle?.close();
});

async function orderAndApprove(p: {
  lang: 'en' | 'fr';
  buyer: [string, string];
  approver: [string, string];
  request: string;
  pendingText: RegExp;
  executedLabel: string;
  /** Edit the request in its form before approving it, instead of approving it as proposed. */
  edit?: boolean;
}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale: p.lang === 'fr' ? 'fr-CA' : 'en-CA',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));

  await web.logIn(page, ...p.buyer);
  await page.fill('.composer textarea', p.request);
  await page.click('.composer button[type=submit]');
  const reply = page.locator('.msg.assistant').last();
  await expect.poll(() => reply.locator('.text').textContent(), { timeout: 15_000 }).toMatch(p.pendingText);
  await expect.poll(() => reply.locator('.tool-call').count()).toBe(3);
  const badges = reply.locator('.action-badge');
  expect(await badges.count()).toBe(2);
  expect(await badges.nth(0).getAttribute('data-status')).toBe('executed');
  expect(await badges.nth(1).getAttribute('data-status')).toBe('pending_approval');
  const pendingNumber = await badges.nth(1).locator('.action-number').getAttribute('data-number');
  // The buyer may not decide it (money): her navigation counts nothing to decide; the approver's will.
  expect(await page.locator('header.top nav [data-nav="approvals"] .count').count()).toBe(0);
  await page.screenshot({ path: `${ARTIFACTS}/chat-${p.lang}.png`, fullPage: true });
  await context.clearCookies();

  await web.logIn(page, ...p.approver);
  expect(await page.locator('header.top nav [data-nav="approvals"] .count').textContent()).toBe('1');
  await page.locator('header.top nav [data-nav="approvals"]').click();
  const card = page.locator(`article.proposal[data-number="${pendingNumber}"]`);
  await card.waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/approvals-${p.lang}.png`, fullPage: true });
  if (p.edit) {
    // The request as its own form (not JSON): the order's note, typed in, then approved with it.
    await card.locator('details.edit-request summary').click();
    await card.locator('input[name="f.note"]').fill('Approved with a note from the inbox');
    await card.locator('button.approve-edited').click();
  } else {
    await card.locator('button.approve').click();
  }
  await page.waitForURL(/done=/);
  const row = page.locator(`table.activity tr[data-number="${pendingNumber}"]`);
  expect(await row.locator('td.status .badge').getAttribute('data-status')).toBe('executed');
  expect(await row.locator('td.status .badge').textContent()).toBe(p.executedLabel);
  await page.screenshot({ path: `${ARTIFACTS}/approved-${p.lang}.png`, fullPage: true });
  const [action] = await withTenant(handle.db, tenantId, (tx) =>
    tx
      .select()
      .from(aiActions)
      .where(eq(aiActions.number, Number(pendingNumber))),
  );
  const events = await withTenant(handle.db, tenantId, (tx) =>
    tx.select().from(aiActionEvents).where(eq(aiActionEvents.actionId, action!.id)).orderBy(asc(aiActionEvents.seq)),
  );
  expect(events.map((e) => e.type)).toEqual([
    'proposed',
    'queued',
    ...(p.edit ? ['edited'] : []),
    'approved',
    'executed',
  ]);
  if (p.edit) expect(action!.input).toMatchObject({ note: 'Approved with a note from the inbox' });
  expect(problems).toEqual([]);
  return { page, context };
}

describe('web chat in Chromium', { timeout: 120_000 }, () => {
  it('English: order through the chat, edit then approve in the inbox, see the status change', async () => {
    const { context } = await orderAndApprove({
      edit: true,
      lang: 'en',
      buyer: ['sarah@e2e.test', 'sarah-pass'],
      approver: ['nadia@e2e.test', 'nadia-pass'],
      request: 'Order 10 chairs from Bureau Plus',
      pendingText: /^Pending approval #\d+ \(level 1\): needs an accountant or above\.$/,
      executedLabel: 'executed',
    });
    await context.close();
  });

  it('French: the same, with every word in French', async () => {
    const { page, context } = await orderAndApprove({
      lang: 'fr',
      buyer: ['luc@e2e.test', 'luc-pass'],
      approver: ['marc@e2e.test', 'marc-pass'],
      request: 'Commande 10 chaises chez Bureau Plus',
      pendingText: /^En attente d'approbation n° \d+ \(niveau 1\) : doit être approuvée par un comptable ou plus\.$/,
      executedLabel: 'exécutée',
    });
    // A bill dropped on the chat: stored as a document, read by the documents area, fields shown with their confidence.
    const xml = readFileSync(`${process.cwd()}/../shared/data/invoices/factur-x/ubl-21-en16931.xml`, 'utf8');
    await page.goto(`${base}/app`);
    await page.locator('.dropzone').waitFor();
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'facture-ubl.xml', { type: 'application/xml' }));
      document
        .querySelector('.dropzone')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, xml);
    const dropped = page.locator('.msg.assistant').last();
    await expect
      .poll(() => dropped.textContent(), { timeout: 20_000 })
      .toContain('Document reçu : facture-ubl.xml (reçu).');
    await expect.poll(() => dropped.locator('table.fields tr').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    await page.screenshot({ path: `${ARTIFACTS}/upload-fr.png`, fullPage: true });
    // The other screens, as the French manager sees them.
    for (const screen of ['documents', 'bank', 'dashboards', 'settings']) {
      await page.goto(`${base}/app/${screen}`);
      await page.locator('#view h1').waitFor();
      await page.screenshot({ path: `${ARTIFACTS}/${screen}-fr.png`, fullPage: true });
    }
    expect(await page.locator('#view').textContent()).toContain('Seul un administrateur peut modifier ces paramètres.');
    await context.close();
  });
});
