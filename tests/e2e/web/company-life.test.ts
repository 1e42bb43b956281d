/**
 * The journey in headless Chromium, by clicks (fr and en): an administrator creates a company from the
 * login page and invites an accountant; the invitation leaves over SMTP (a loopback sink); the
 * accountant opens the link from that mail, sets a password and logs in. Then the dashboards (Chart.js
 * charts, each with its table) and the settings screens at 1366×900 and 390×844: screenshots, axe-core
 * with no serious or critical violation, no sideways scroll.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { asSystem } from '../../../db/tenant.ts';
import { deliverOutbox, smtpTransport } from '../../../email/outbound.ts';
import { sql } from 'drizzle-orm';
import { ARTIFACTS, type BrowserApp, serveInBrowser } from '../../support/browser.ts';
import { freshDatabase } from '../../support/database.ts';
import { accountLinkIn, type SmtpSink, startSmtpSink } from '../../support/smtp-sink.ts';

const PUBLIC = 'http://comptoir.example';
let handle: DatabaseHandle;
let web: BrowserApp;
let base: string;
let browser: Browser;
let sink: SmtpSink;

beforeAll(async () => {
  handle = await freshDatabase();
  sink = await startSmtpSink();
  web = await serveInBrowser({ handle, config: loadConfig({ PUBLIC_URL: PUBLIC }), now: () => new Date() });
  ({ base, browser } = web);
});
afterAll(async () => {
  await web?.close();
  await sink?.close();
  await handle?.close();
});

/** axe-core needs a page of its own context. */
const newPage = async (width: number, height: number) =>
  (await browser.newContext({ viewport: { width, height } })).newPage();

async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    wide: [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 3)
      .map((e) => `${e.tagName}.${e.className}`),
  }));
  // What sticks out is named in the failure (it may sit inside its own scrolling box, which is fine).
  expect({ page: page.url(), scroll: widths.scroll, wide: widths.wide }).toEqual({
    page: page.url(),
    scroll: widths.client,
    wide: expect.any(Array),
  });
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Sends what the outbox holds over SMTP, as the delivery job does, and returns the new mails. */
async function deliverAll() {
  const before = sink.messages.length;
  const tenants = await asSystem(handle.db, async (tx) => {
    const r = await tx.execute(sql`select distinct tenant_id from outbox_emails where status = 'queued'`);
    return ((Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { tenant_id: string }[]).map(
      (x) => x.tenant_id,
    );
  });
  for (const t of tenants)
    await deliverOutbox(handle.db, t, smtpTransport(sink.url), 'Comptoir <no-reply@comptoir.example>');
  return sink.messages.slice(before);
}

const WORDS = {
  fr: {
    signUpLink: 'Créer une entreprise',
    create: 'Créer l’entreprise',
    invite: 'Envoyer l’invitation',
    invited: 'est invité(e)',
    save: 'Enregistrer le mot de passe',
    saved: 'Mot de passe enregistré. Connectez-vous.',
    signIn: 'Se connecter',
    subject: 'Invitation à rejoindre',
    tableView: 'Voir les chiffres en tableau',
  },
  en: {
    signUpLink: 'Create a company',
    create: 'Create the company',
    invite: 'Send the invitation',
    invited: 'is invited',
    save: 'Save the password',
    saved: 'Password saved. Log in.',
    signIn: 'Log in',
    subject: 'Invitation to join',
    tableView: 'Show the figures as a table',
  },
} as const;

for (const lang of ['fr', 'en'] as const) {
  const w = WORDS[lang];
  describe(`company life in ${lang}`, () => {
    const admin = `admin-${lang}@journey.test`;
    const accountant = `compta-${lang}@journey.test`;

    it('an admin signs up a company and invites an accountant, who sets a password through the link and logs in', async () => {
      const page = await newPage(1366, 900);
      await page.goto(`${base}/login?lang=${lang}`);
      await page.getByRole('link', { name: w.signUpLink }).click();
      await page.fill('#companyName', `Atelier ${lang.toUpperCase()} Journey`);
      await page.selectOption('#province', 'QC');
      await page.fill('#adminName', 'Julie Admin');
      await page.fill('#email', admin);
      await page.fill('#password', 'admin-password-1');
      await expectAccessible(page);
      await page.screenshot({ path: `${ARTIFACTS}/signup-${lang}-1366.png`, fullPage: true });
      await Promise.all([
        page.waitForURL(/\/app\/settings\/people/),
        page.getByRole('button', { name: w.create }).click(),
      ]);

      await page.fill('#invite-email', accountant);
      await page.fill('#invite-name', 'Nadia Comptable');
      await page.selectOption('#invite-role', 'accountant');
      await page.selectOption('#invite-language', lang);
      await page.fill('#invite-approvalLimit', '2500.00');
      await page.getByRole('button', { name: w.invite }).click();
      await expect.poll(() => page.locator('.notice.ok').textContent()).toContain(w.invited);
      await expect.poll(() => page.locator(`tr[data-person="${accountant}"]`).count()).toBe(1);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: `${ARTIFACTS}/people-${lang}-1366.png`, fullPage: true });
      await page.close();

      const mails = await deliverAll();
      const mail = mails.find((m) => m.mail.subject?.startsWith(w.subject));
      expect(mail).toBeDefined();
      const link = accountLinkIn(mail!.mail.text).replace(PUBLIC, base);

      const invitee = await newPage(390, 844);
      await invitee.goto(link);
      await invitee.fill('input[name=password]', 'nadia-password-1');
      await invitee.fill('input[name=confirm]', 'nadia-password-1');
      await expectAccessible(invitee);
      await expectNoSidewaysScroll(invitee);
      await invitee.screenshot({ path: `${ARTIFACTS}/invite-link-${lang}-390.png`, fullPage: true });
      await Promise.all([invitee.waitForURL(/\/login/), invitee.getByRole('button', { name: w.save }).click()]);
      expect(await invitee.locator('.notice.ok').textContent()).toBe(w.saved);
      await invitee.fill('input[name=email]', accountant);
      await invitee.fill('input[name=password]', 'nadia-password-1');
      await Promise.all([invitee.waitForURL(`${base}/app`), invitee.getByRole('button', { name: w.signIn }).click()]);
      expect(await invitee.locator('.who .person').textContent()).toContain('Nadia Comptable');
      await invitee.close();
    }, 60_000);

    for (const [width, height] of [
      [1366, 900],
      [390, 844],
    ] as const) {
      it(`shows dashboards as charts with tables, and settings, at ${width} px`, async () => {
        const page = await newPage(width, height);
        await web.logIn(page, admin, 'admin-password-1');
        await page.goto(`${base}/app/dashboards`);
        // Chart.js drew on each canvas of a card with figures; each card has its table.
        await expect
          .poll(() => page.evaluate(() => [...document.querySelectorAll('canvas')].every((c) => c.width > 0)))
          .toBe(true);
        expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(1);
        const summaries = page.locator('details.table-view summary');
        expect(await summaries.count()).toBe(await page.locator('canvas').count());
        await summaries.first().click();
        expect(await page.locator('details.table-view[open] table').count()).toBe(1);
        expect(await page.locator('main').innerText()).not.toMatch(/[{[]\s*"/);
        await expectAccessible(page);
        await expectNoSidewaysScroll(page);
        await page.screenshot({ path: `${ARTIFACTS}/dashboards-${lang}-${width}.png`, fullPage: true });
        for (const path of ['settings', 'settings/people']) {
          await page.goto(`${base}/app/${path}`);
          await page.waitForSelector('h1');
          await expectAccessible(page);
          await expectNoSidewaysScroll(page);
          await page.screenshot({
            path: `${ARTIFACTS}/${path.replace('/', '-')}-${lang}-${width}.png`,
            fullPage: true,
          });
        }
        await page.close();
      }, 90_000);
    }
  });
}
