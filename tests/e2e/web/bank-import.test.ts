/**
 * The bank page in headless Chromium: an accountant uploads an OFX statement, sees the count
 * imported and the transactions; the same file again adds nothing; a malformed file shows the
 * server's reason and imports nothing. Screenshot in tests/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { createTenant } from '../../../tools/tenancy.ts';
import { createApp } from '../../../web-chat/app.ts';
import { freshDatabase } from '../../support/database.ts';

const ARTIFACTS = `${process.cwd()}/tests/artifacts`;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
const sample = (path: string) => fileURLToPath(new URL(`../../../../shared/data/bank/${path}`, import.meta.url));

let handle: DatabaseHandle;
let server: ServerType;
let base: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  handle = await freshDatabase();
  await createTenant(handle.db, { slug: 'e2e-bank', name: 'Atelier Banque', province: 'QC' }, [
    { email: 'nadia@bank.test', name: 'Nadia Côté', role: 'accountant', language: 'en', password: 'nadia-pass' },
  ]);
  const app = createApp({ handle, config: loadConfig({}), now: () => new Date() });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await handle?.close();
});

it('uploads a statement on the bank page, once, and reports a bad file', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/login`);
  await page.fill('input[name=email]', 'nadia@bank.test');
  await page.fill('input[name=password]', 'nadia-pass');
  await Promise.all([page.waitForURL(`${base}/app`), page.click('button[type=submit]')]);
  await page.goto(`${base}/app/bank`);

  await page.setInputFiles('input[name=statement]', sample('ofx/checking.ofx'));
  const status = page.locator('.import-status');
  await expect.poll(() => status.textContent()).toMatch(/3 transaction\(s\) imported from the OFX statement, 0 already known/);
  await expect.poll(() => page.locator('table.grid tbody tr').count()).toBe(4); // 1 account + 3 transactions
  await page.screenshot({ path: `${ARTIFACTS}/bank-import.png`, fullPage: true });

  await page.setInputFiles('input[name=statement]', sample('ofx/checking.ofx'));
  await expect.poll(() => page.locator('.import-status').textContent()).toMatch(/0 transaction\(s\) imported .* 3 already known/);

  await page.setInputFiles('input[name=statement]', sample('camt/camt053.v2.wrong.xml'));
  await expect.poll(() => page.locator('.import-status').textContent()).toMatch(/Incomplete camt statement/);
  expect(await page.locator('table.grid tbody tr').count()).toBe(4);
  await page.close();
});
