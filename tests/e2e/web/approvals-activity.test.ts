/**
 * The approvals inbox in headless Chromium: both tables head their confidence column as the AI's, and
 * show none for a person's own request; an approver approves a queued order and the activity feed names
 * them, rejects the AI's request, and the navigation's count follows each decision without a reload;
 * then undoes an order the AI submitted on its own and sees its status change; an undo the server
 * refuses shows the server's message. Once in English and once in French. Screenshots go to
 * tests/artifacts/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { suppliers } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose, reject, undo } from '../../../tools/actions/door.ts';
import { actorOf } from '../../../tools/auth/api-tokens.ts';
import type { Lang, Session } from '../../../tools/context.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { createTenant } from '../../../tools/tenancy.ts';
import { ARTIFACTS, serveInBrowser, type BrowserApp } from '../../support/browser.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let base: string;
let browser: Browser;
let web: BrowserApp;
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

async function draft(total: string) {
  const made = await propose(
    session('sarah@inbox.test'),
    createOrder,
    { supplierId, lines: [{ description: 'Chaise', quantity: '1', unitPrice: total, treatment: 'exempt' }] },
    { source: 'rest', byAi: false },
  );
  return (made.result as { id: string }).id;
}

/** An order the buyer submits herself: a buyer does not decide on money, so it waits for approval. */
async function queuedSubmission(total: string) {
  const queued = await propose(
    session('sarah@inbox.test'),
    submitOrder,
    { orderId: await draft(total) },
    { source: 'rest', byAi: false },
  );
  expect(queued.status).toBe('pending_approval');
  return queued.number;
}

/** An order the AI submits for the buyer: a buyer does not decide on money, so however confident, it waits. */
async function aiQueuedSubmission(total: string) {
  const queued = await propose(
    session('sarah@inbox.test'),
    submitOrder,
    { orderId: await draft(total) },
    { source: 'chat', byAi: true, modelConfidence: 0.95 },
  );
  expect(queued.status).toBe('pending_approval');
  return queued;
}

/** An order the AI submits on the approver's behalf, confident and small: it runs at once. */
async function aiSubmission(approverEmail: string, total: string) {
  const ran = await propose(
    session(approverEmail),
    submitOrder,
    { orderId: await draft(total) },
    { source: 'chat', byAi: true, modelConfidence: 0.95 },
  );
  expect(ran.status).toBe('executed');
  return ran;
}

async function approveThenUndo(p: {
  lang: Lang;
  approver: [string, string, string];
  navLabel: string;
  aiConfidence: string;
  approvedBy: string;
  automatic: string;
  undoLabel: string;
  undoneLabel: string;
  alreadyUndone: RegExp;
  undoneMessage: (n: number) => string;
  undoOf: (n: number) => string;
  executedBy: string;
  /** The first evidence line of the person's and of the AI's pending request, both made by an English-speaking buyer. */
  evidence: { person: string; ai: string };
}) {
  const [email, password, name] = p.approver;
  const pendingNumber = await queuedSubmission('900.00');
  const aiPending = await aiQueuedSubmission('60.00');
  const undoable = await aiSubmission(email, '180.00');
  const refused = await aiSubmission(email, '95.00');
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: p.lang === 'fr' ? 'fr-CA' : 'en-CA',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // The refused undo answers 409 on purpose; the browser logs that failed request as a console error.
  page.on('console', (m) => m.type() === 'error' && !/status of 409/.test(m.text()) && problems.push(m.text()));
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.accept();
  });

  await web.logIn(page, email, password);
  await page.goto(`${base}/app/approvals`);
  const pending = page.locator(`table.approvals tr[data-number="${pendingNumber}"]`);
  await pending.waitFor();
  // Both tables head the column as the AI's confidence; a person's own request shows none.
  expect(await page.locator('table.approvals thead th').nth(4).textContent()).toBe(p.aiConfidence);
  expect(await page.locator('table.activity thead th').nth(3).textContent()).toBe(p.aiConfidence);
  const aiRow = page.locator(`table.approvals tr[data-number="${aiPending.number}"]`);
  expect(await aiRow.locator('td').nth(4).textContent()).toBe(`${Math.round(aiPending.confidence * 100)} %`);
  expect(await pending.locator('td').nth(4).textContent()).toBe('—');
  // Each evidence line: the factor named in the approver's language, then the detail in the requester's.
  expect(await pending.locator('ul.evidence li').first().textContent()).toBe(p.evidence.person);
  expect(await aiRow.locator('ul.evidence li').first().textContent()).toBe(p.evidence.ai);

  // The navigation's count follows each decision; a reload would drop this mark.
  const nav = page.locator('header.top nav [data-nav="approvals"]');
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  expect(await nav.textContent()).toBe(`${p.navLabel} 2`);
  await pending.locator('button.approve').click();
  await expect
    .poll(() => pending.locator('td.status .badge').getAttribute('data-status'), { timeout: 10_000 })
    .toBe('executed');
  await expect.poll(() => nav.locator('.count').textContent(), { timeout: 10_000 }).toBe('1');
  await page.screenshot({ path: `${ARTIFACTS}/approvals-count-${p.lang}.png`, fullPage: true });
  await aiRow.locator('button.reject').click();
  await expect
    .poll(() => aiRow.locator('td.status .badge').getAttribute('data-status'), { timeout: 10_000 })
    .toBe('rejected');
  await expect.poll(() => nav.textContent(), { timeout: 10_000 }).toBe(p.navLabel);
  expect(await nav.locator('.count').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  const approved = page.locator(`table.activity tr[data-number="${pendingNumber}"]`);
  await expect
    .poll(() => approved.locator('.decider').textContent(), { timeout: 10_000 })
    .toBe(`${p.approvedBy} ${name}`);
  expect(await approved.locator('button.undo').count()).toBe(0);

  const auto = page.locator(`table.activity tr[data-number="${undoable.number}"]`);
  expect(await auto.locator('.decider').textContent()).toBe(p.automatic);
  expect(await auto.locator('button.undo').textContent()).toBe(p.undoLabel);
  await page.screenshot({ path: `${ARTIFACTS}/activity-${p.lang}.png`, fullPage: true });
  // A request arrives meanwhile from someone else: the undo's redraw of the count shows it.
  const arrived = await aiQueuedSubmission('70.00');
  await auto.locator('button.undo').click();
  await expect
    .poll(() => auto.locator('td.status .badge').getAttribute('data-status'), { timeout: 10_000 })
    .toBe('undone');
  await expect.poll(() => nav.textContent(), { timeout: 10_000 }).toBe(`${p.navLabel} 1`);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(await auto.locator('td.status .badge').textContent()).toBe(p.undoneLabel);
  expect(await auto.locator('button.undo').count()).toBe(0);
  expect(await auto.locator('.notice.ok').textContent()).toBe(p.undoneMessage(undoable.number));
  expect(dialogs).toHaveLength(1);
  expect(dialogs[0]).toContain(String(undoable.number));

  // Someone else undoes it first: the click is refused and the server's reason is shown on the row.
  await undo(session(email), refused.id, { source: 'rest' });
  const stale = page.locator(`table.activity tr[data-number="${refused.number}"]`);
  await stale.locator('button.undo').click();
  await expect.poll(() => stale.locator('.notice.error').textContent(), { timeout: 10_000 }).toMatch(p.alreadyUndone);
  expect(await stale.locator('td.status .badge').getAttribute('data-status')).toBe('undone');
  expect(await stale.locator('button.undo').count()).toBe(0);
  // Reloaded, the feed lists the undo itself, naming the action it reversed.
  await page.reload();
  const undoRow = page.locator('table.activity tr', { hasText: p.undoOf(undoable.number) });
  await undoRow.waitFor();
  expect(await undoRow.locator('.decider').textContent()).toBe(`${p.executedBy} ${name}`);
  await page.screenshot({ path: `${ARTIFACTS}/activity-undone-${p.lang}.png`, fullPage: true });
  expect(problems).toEqual([]);
  await context.close();
  // The next language starts from an empty queue.
  await reject(session(email), arrived.id, { source: 'rest' });
}

describe('approvals inbox in Chromium', { timeout: 120_000 }, () => {
  it('English: approved by a name, executed automatically, undo with confirmation', async () => {
    await approveThenUndo({
      lang: 'en',
      approver: ['nadia@inbox.test', 'nadia-pass', 'Nadia Côté'],
      navLabel: 'Approvals',
      aiConfidence: 'AI confidence',
      approvedBy: 'approved by',
      automatic: 'executed automatically',
      undoLabel: 'Undo',
      undoneLabel: 'undone',
      alreadyUndone: /^Action #\d+ was already decided \(status: undone\)\.$/,
      undoneMessage: (n) => `Action #${n} undone: what it did is reversed.`,
      undoOf: (n) => `Undo of action #${n}`,
      executedBy: 'executed by',
      evidence: {
        person: 'Direct request — Requested directly by a person. (+0.5)',
        ai: 'Model self-assessment — The model rated its own proposal 0.95. (+0.09)',
      },
    });
  });

  it('French: the same, with every word in French', async () => {
    await approveThenUndo({
      lang: 'fr',
      approver: ['marie@inbox.test', 'marie-pass', 'Marie Tremblay'],
      navLabel: 'Approbations',
      aiConfidence: 'Confiance de l’IA',
      approvedBy: 'approuvée par',
      automatic: 'exécutée d’office',
      undoLabel: 'Annuler l’action',
      undoneLabel: 'annulée',
      alreadyUndone: /^L'action n° \d+ est déjà décidée \(statut : undone\)\.$/,
      undoneMessage: (n) => `Action n° ${n} annulée : ce qu'elle avait fait est défait.`,
      undoOf: (n) => `Annulation de l’action n° ${n}`,
      executedBy: 'exécutée par',
      evidence: {
        person: 'Demande directe — Requested directly by a person. (+0.5)',
        ai: 'Auto-évaluation du modèle — The model rated its own proposal 0.95. (+0.09)',
      },
    });
  });
});
