/**
 * The bank page in headless Chromium: an accountant uploads an OFX statement, sees the count
 * imported and the transactions; the same file again adds nothing; a malformed file shows the
 * server's reason and imports nothing; a statement that does not add up is imported and the page
 * says by how much. Screenshot in tests/artifacts/.
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { createTenant } from '../../../tools/tenancy.ts';
import { ARTIFACTS, serveInBrowser, type BrowserApp } from '../../support/browser.ts';
import { freshDatabase } from '../../support/database.ts';

const sample = (path: string) => fileURLToPath(new URL(`../../../../shared/data/bank/${path}`, import.meta.url));

let handle: DatabaseHandle;
let base: string;
let browser: Browser;
let web: BrowserApp;

beforeAll(async () => {
  handle = await freshDatabase();
  await createTenant(handle.db, { slug: 'e2e-bank', name: 'Atelier Banque', province: 'QC' }, [
    { email: 'nadia@bank.test', name: 'Nadia Côté', role: 'accountant', language: 'en', password: 'nadia-pass' },
  ]);
  web = await serveInBrowser({ handle, config: loadConfig({}), now: () => new Date() });
  ({ base, browser } = web);
});

afterAll(async () => {
  await web?.close();
  await handle?.close();
});

it('uploads a statement on the bank page, once, and reports a bad file', async () => {
  const page = await browser.newPage();
  await web.logIn(page, 'nadia@bank.test', 'nadia-pass');
  await page.goto(`${base}/app/bank`);

  await page.setInputFiles('input[name=statement]', sample('ofx/checking.ofx'));
  const status = page.locator('.import-status');
  await expect
    .poll(() => status.textContent())
    .toMatch(/3 transaction\(s\) imported from the OFX statement, 0 already known/);
  await expect.poll(() => page.locator('table.grid tbody tr').count()).toBe(4); // 1 account + 3 transactions
  await page.screenshot({ path: `${ARTIFACTS}/bank-import.png`, fullPage: true });

  await page.setInputFiles('input[name=statement]', sample('ofx/checking.ofx'));
  await expect
    .poll(() => page.locator('.import-status').textContent())
    .toMatch(/0 transaction\(s\) imported .* 3 already known/);

  await page.setInputFiles('input[name=statement]', sample('camt/camt053.v2.wrong.xml'));
  await expect.poll(() => page.locator('.import-status').textContent()).toMatch(/Incomplete camt statement/);
  expect(await page.locator('table.grid tbody tr').count()).toBe(4);

  // A statement whose lines do not reach its closing balance is imported, and the page says by how much.
  await page.setInputFiles('input[name=statement]', sample('mt940/jejik/ing.sta'));
  await expect
    .poll(() => page.locator('.import-status').textContent())
    .toMatch(
      /7 transaction\(s\) imported from the MT940 statement, 0 already known\. Statement MPBZ of account 0001234567 does not add up: .*closing balance is €3\.47 \(difference €49\.06\)\. The transactions were imported anyway/,
    );
  await expect.poll(() => page.locator('table.grid tbody tr').count()).toBe(12); // 2 accounts + 10 transactions
  await page.close();
});
