/**
 * The settings page in headless Chromium, as a manager sees it in French: the company's rules shown
 * but not editable (and looking so), each person's AI limit written as money. Screenshot in tests/artifacts/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { createTenant } from '../../../tools/tenancy.ts';
import { ARTIFACTS, serveInBrowser, type BrowserApp } from '../../support/browser.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let base: string;
let browser: Browser;
let web: BrowserApp;

beforeAll(async () => {
  handle = await freshDatabase();
  await createTenant(handle.db, { slug: 'e2e-settings', name: 'Atelier Réglages', province: 'QC' }, [
    {
      email: 'louise@settings.test',
      name: 'Louise Tremblay',
      role: 'admin',
      language: 'fr',
      password: 'louise-pass',
      aiAutoApproveLimitCents: 1_000_000n,
    },
    { email: 'marc@settings.test', name: 'Marc Gagnon', role: 'manager', language: 'fr', password: 'marc-pass' },
  ]);
  web = await serveInBrowser({ handle, config: loadConfig({}), now: () => new Date() });
  ({ base, browser } = web);
});

afterAll(async () => {
  await web?.close();
  await handle?.close();
});

it('shows a manager the rules as read-only fields and the AI limits as money', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await web.logIn(page, 'marc@settings.test', 'marc-pass');
  await page.goto(`${base}/app/settings`);
  const threshold = page.locator('input[name=confidenceThreshold]');
  await expect.poll(() => threshold.isDisabled()).toBe(true);
  // Greyed like the disabled selects, not only refusing input.
  const colour = await threshold.evaluate((input) => getComputedStyle(input).color);
  expect(colour).toBe('rgb(107, 107, 102)');
  const limits = await page.locator('table.grid td.num').allTextContents();
  // fr-CA groups with a no-break space and puts the symbol after: "10 000,00 $", not "10000.00".
  expect(limits.map((limit) => limit.replace(/\s/g, ' '))).toEqual(['10 000,00 $', '0,00 $']);
  await page.screenshot({ path: `${ARTIFACTS}/settings-manager-fr.png`, fullPage: true });
  await page.close();
});
