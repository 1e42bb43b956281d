/**
 * The browser tests' rig: the web app served on a loopback port, a headless Debian Chromium to drive
 * it, and the login every test starts with. Screenshots go to ARTIFACTS (not tracked by git).
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../http/app.ts';

export const ARTIFACTS = `${process.cwd()}/tests/artifacts`;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserApp {
  base: string;
  browser: Browser;
  /** Logs in through the login page and waits for the app to open. */
  logIn(page: Page, email: string, password: string): Promise<void>;
  /** Closes the browser and the server; the database stays the test's to close. */
  close(): Promise<void>;
}

export async function serveInBrowser(deps: Parameters<typeof createApp>[0]): Promise<BrowserApp> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const app = createApp(deps);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    base,
    browser,
    async logIn(page, email, password) {
      await page.goto(`${base}/login`);
      await page.fill('input[name=email]', email);
      await page.fill('input[name=password]', password);
      await Promise.all([page.waitForURL(`${base}/app`), page.click('button[type=submit]')]);
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
