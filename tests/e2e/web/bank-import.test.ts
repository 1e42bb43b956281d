/**
 * The bank screen in headless Chromium, clicks only, in French at 1366 × 900 and in English at
 * 390 × 844 (and the list in the two other combinations): an accountant uploads a CSV export without
 * a header row, says which column is which (the mapping is saved on the account), sees each line
 * with its suggestions (invoice number, client, amount, difference, a confidence bar and sentences),
 * confirms an exact payment, one transfer paying two invoices (a split), a payment short by a bank
 * fee written off, and rejects a suggestion the person knows is wrong. Also: an MT942 report imported twice adds
 * nothing the second time, a malformed file shows the reason, another company's bank line answers
 * 404. No page scrolls sideways at 390 px; axe finds nothing serious or critical. Screenshots in
 * tests/artifacts/.
 */
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { bankAccounts, bankTransactions } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { actorOf } from '../../../tools/auth/api-tokens.ts';
import type { Lang, Session } from '../../../tools/context.ts';
import { createClient } from '../../../tools/invoicing/create-client.ts';
import { createInvoice } from '../../../tools/invoicing/create-invoice.ts';
import { sendInvoice } from '../../../tools/invoicing/send-invoice.ts';
import { createTenant } from '../../../tools/tenancy.ts';
import { ARTIFACTS, serveInBrowser, type BrowserApp } from '../../support/browser.ts';
import { freshDatabase } from '../../support/database.ts';

const sample = (path: string) => fileURLToPath(new URL(`../../../../shared/data/bank/${path}`, import.meta.url));

let handle: DatabaseHandle;
let base: string;
let browser: Browser;
let web: BrowserApp;
let session: (email: string) => Session;
let strangerLineId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  const { tenant, users } = await createTenant(
    handle.db,
    { slug: 'e2e-bank', name: 'Atelier Banque', province: 'QC' },
    [
      { email: 'nadia@bank.test', name: 'Nadia Côté', role: 'accountant', language: 'en', password: 'nadia-pass' },
      { email: 'luc@bank.test', name: 'Luc Gagnon', role: 'accountant', language: 'fr', password: 'luc-pass' },
    ],
  );
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
  // Another company, with a bank line of its own.
  const other = await createTenant(handle.db, { slug: 'e2e-bank-other', name: 'Autre Cie', province: 'ON' }, []);
  strangerLineId = await withTenant(handle.db, other.tenant.id, async (tx) => {
    const [account] = await tx
      .insert(bankAccounts)
      .values({ tenantId: other.tenant.id, name: 'Other bank', currency: 'CAD' })
      .returning();
    const [line] = await tx
      .insert(bankTransactions)
      .values({
        tenantId: other.tenant.id,
        accountId: account!.id,
        bookedOn: '2026-11-20',
        amountCents: 11498n,
        currency: 'CAD',
        description: 'SECRET PAYMENT',
        externalId: 'x1',
      })
      .returning();
    return line!.id;
  });
  web = await serveInBrowser({ handle, config: loadConfig({}), now: () => new Date() });
  ({ base, browser } = web);
});

afterAll(async () => {
  await web?.close();
  await handle?.close();
});

/** A sent invoice of `quantity` × 10.00 in Québec (10 → 114.98, 5 → 57.49) to a new or given client. */
async function sentInvoice(s: Session, client: string | { id: string }, quantity: string) {
  const clientId =
    typeof client === 'string'
      ? (
          (
            await propose(
              s,
              createClient,
              { name: client, email: `${client.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@c.test`, province: 'QC' },
              PERSON,
            )
          ).result as { id: string }
        ).id
      : client.id;
  const draft = (
    await propose(
      s,
      createInvoice,
      {
        clientId,
        issueDate: '2026-11-10',
        lines: [{ description: 'Travaux', quantity, unitPrice: '10.00', accountCode: '4100' }],
      },
      PERSON,
    )
  ).result as { id: string };
  const sent = await propose(s, sendInvoice, { invoiceId: draft.id }, PERSON);
  expect(sent.status).toBe('executed');
  return { clientId, number: (sent.result as { invoice: { number: string } }).invoice.number };
}
const PERSON = { source: 'rest', byAi: false } as const;

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
  who: [string, string];
  width: number;
  /** The CSV as this person's bank writes it, and the date format to pick. */
  csv: (n: { exact: string; first: string; second: string; fee: string; doubt: string }, tag: string) => string;
  dateFormat: string;
  decimalComma: boolean;
  nav: string;
  mapTitle: string;
  imported: RegExp;
  matched: (numbers: string[]) => string;
  rejected: RegExp;
  chosen: string;
  confidence: RegExp;
  group: string;
  writeOff: RegExp;
}

async function reconcileByClicks(w: Words) {
  const s = session(w.who[0]);
  const tag = `${w.lang}${w.width}`;
  const exact = await sentInvoice(s, `Boutique Laval ${tag}`, '10');
  const first = await sentInvoice(s, `Construction Tremblay ${tag}`, '10');
  const second = await sentInvoice(s, { id: first.clientId }, '5');
  const fee = await sentInvoice(s, `Garage Nord ${tag}`, '10');
  const doubt = await sentInvoice(s, `Café Sud ${tag}`, '5');
  const csv = w.csv(
    { exact: exact.number, first: first.number, second: second.number, fee: fee.number, doubt: doubt.number },
    tag,
  );

  const context = await browser.newContext({
    viewport: { width: w.width, height: w.width < 500 ? 844 : 900 },
    locale: w.lang === 'fr' ? 'fr-CA' : 'en-CA',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !/status of 40\d/.test(m.text()) && problems.push(m.text()));
  await web.logIn(page, ...w.who);
  await page.locator('header.top nav [data-nav="bank"]').click();
  await page.waitForURL(`${base}/app/bank`);
  expect(await page.locator('header.top nav [data-nav="bank"]').textContent()).toBe(w.nav);
  const shot = (what: string) => page.screenshot({ path: `${ARTIFACTS}/bank-${what}-${tag}.png`, fullPage: true });

  // A CSV without a header row: the screen asks which column is which, showing the first rows.
  await page.setInputFiles('#statement-file', {
    name: `releve-${tag}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.getByRole('button', { name: w.lang === 'fr' ? 'Importer' : 'Import', exact: true }).click();
  await page.locator('#mapping-title').waitFor();
  expect(await page.locator('#mapping-title').textContent()).toBe(w.mapTitle);
  expect(await page.locator('table.csv-preview tbody tr').count()).toBe(5);
  await shot('mapping');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await page.selectOption('#map-date', '0');
  await page.selectOption('#map-dateFormat', w.dateFormat);
  await page.selectOption('#map-amount', '1');
  await page.selectOption('#map-description', '2');
  await page.selectOption('#map-reference', '3');
  if (w.decimalComma) await page.check('input[name=decimalComma]');
  else await page.uncheck('input[name=decimalComma]');
  await page.uncheck('input[name=header]');
  await page.locator('.mapping-form button[type=submit]').click();
  await page.waitForURL(/\/app\/bank\?done=/);
  expect(await page.locator('.flash').textContent()).toMatch(w.imported);
  // The account now remembers its columns.
  expect(await page.locator('ul.accounts').textContent()).toMatch(w.lang === 'fr' ? /mémorisées : oui/ : /saved: yes/);
  await shot('list');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  const lineOf = (text: string) => page.locator('article.rec-line', { hasText: text });
  // The person knows better: this deposit is not that invoice's payment.
  const doubtful = lineOf(`SUD ${tag}`);
  await doubtful.locator('li.candidate', { hasText: doubt.number }).first().locator('button.reject').click();
  await page.waitForURL(/done=/);
  expect(await page.locator('.flash').textContent()).toMatch(w.rejected);
  expect(await page.locator('.flash').textContent()).toContain(doubt.number);
  // The exact payment: its suggestion names the invoice, the client, a confidence in words and a bar.
  const exactLine = lineOf(`LAVAL ${tag}`);
  const best = exactLine.locator('li.candidate', { hasText: exact.number }).first();
  expect(await best.locator('.target-number').textContent()).toContain(exact.number);
  expect(await best.locator('.party').textContent()).toBe(`Boutique Laval ${tag}`);
  expect(await best.locator('.score span').textContent()).toMatch(w.confidence);
  expect(await best.locator('meter.bar').count()).toBe(1);
  expect(await best.textContent()).toContain(w.chosen);
  await best.locator('button.confirm').click();
  await page.waitForURL(/done=/);
  expect(await page.locator('.flash').textContent()).toContain(w.matched([exact.number]));
  expect(await lineOf(`LAVAL ${tag}`).count()).toBe(0);

  // One transfer for two invoices of the same client: the group suggestion confirms as a split.
  const groupCard = lineOf(`TREMBLAY ${tag}`).locator('li.candidate', { hasText: w.group }).first();
  expect(await groupCard.locator('.target-number').count()).toBe(2);
  await groupCard.locator('button.confirm').click();
  await page.waitForURL(/done=/);
  const flash = await page.locator('.flash').textContent();
  expect(flash).toContain(first.number);
  expect(flash).toContain(second.number);

  // Paid short by a bank fee: written off, the invoice is settled.
  const feeCard = lineOf(`NORD ${tag}`).locator('li.candidate', { hasText: fee.number }).first();
  expect((await feeCard.locator('label.check').textContent())?.replace(/[\u00a0\u202f]/g, ' ')).toMatch(w.writeOff);
  await feeCard.locator('input[name=writeOffFee]').check();
  await feeCard.locator('button.confirm').click();
  await page.waitForURL(/done=/);
  expect(await page.locator('.flash').textContent()).toContain(w.matched([fee.number]));

  await shot('after');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // Filters and pages are read on the server: money out shows only the bank's own fees of this statement.
  await page.selectOption('#f-direction', 'out');
  await page.locator('form.filters button[type=submit]').click();
  await page.waitForURL(/direction=out/);
  const out = page.locator('article.rec-line', { hasText: tag });
  expect(await out.count()).toBe(1);
  expect(await out.locator('.amount').getAttribute('class')).toContain('out');
  expect(problems).toEqual([]);
  await context.close();
}

const fr: Omit<Words, 'width'> = {
  lang: 'fr',
  who: ['luc@bank.test', 'luc-pass'],
  csv: (n, tag) =>
    [
      `20/11/2026;114,98 $;VIREMENT BOUTIQUE LAVAL ${tag};${n.exact}`,
      `21/11/2026;172,47 $;VIREMENT CONSTRUCTION TREMBLAY ${tag};${n.first} ${n.second}`,
      `22/11/2026;107,98 $;VIREMENT GARAGE NORD ${tag};${n.fee}`,
      `23/11/2026;57,49 $;DEPOT CAFE SUD ${tag};${n.doubt}`,
      `24/11/2026;-12,00 $;FRAIS MENSUELS ${tag};`,
    ].join('\n'),
  dateFormat: 'dd/mm/yyyy',
  decimalComma: true,
  nav: 'Banque',
  mapTitle: 'Quelles colonnes contiennent quoi ?',
  imported: /5 opération\(s\) importée\(s\) depuis un relevé CSV, 0 déjà connue\(s\)/,
  matched: (numbers) => `Opération rapprochée de ${numbers.join(', ')}.`,
  rejected: /exécutée\. Correspondance avec .* refusée/,
  chosen: 'Meilleur choix sur l’ensemble du relevé',
  confidence: /^Confiance : \d+ % — (très probable|probable|à vérifier)$/,
  group: 'Un virement pour plusieurs factures',
  writeOff: /Passer l’écart de 7,00 \$ en frais bancaires/,
};
const en: Omit<Words, 'width'> = {
  lang: 'en',
  who: ['nadia@bank.test', 'nadia-pass'],
  csv: (n, tag) =>
    [
      `11/20/2026,$114.98,WIRE BOUTIQUE LAVAL ${tag},${n.exact}`,
      `11/21/2026,"CAD$ 172.47",WIRE CONSTRUCTION TREMBLAY ${tag},${n.first} ${n.second}`,
      `11/22/2026,$107.98,WIRE GARAGE NORD ${tag},${n.fee}`,
      `11/23/2026,$57.49,DEPOSIT CAFE SUD ${tag},${n.doubt}`,
      `11/24/2026,($12.00),MONTHLY FEES ${tag},`,
    ].join('\n'),
  dateFormat: 'mm/dd/yyyy',
  decimalComma: false,
  nav: 'Bank',
  mapTitle: 'Which column holds what?',
  imported: /5 transaction\(s\) imported from the CSV statement, 0 already known/,
  matched: (numbers) => `Transaction matched to ${numbers.join(', ')}.`,
  rejected: /executed\. Match with .* refused/,
  chosen: 'Best choice across the whole statement',
  confidence: /^Confidence: \d+% — (very likely|likely|check it)$/,
  group: 'One transfer for several invoices',
  writeOff: /Write off the \$7\.00 difference as a bank fee/,
};

describe('an accountant reconciles by clicks', () => {
  it('in French at 1366 × 900', () => reconcileByClicks({ ...fr, width: 1366 }), 120_000);
  it('in English at 390 × 844', () => reconcileByClicks({ ...en, width: 390 }), 120_000);
  it('in French at 390 × 844', () => reconcileByClicks({ ...fr, width: 390 }), 120_000);
  it('in English at 1366 × 900', () => reconcileByClicks({ ...en, width: 1366 }), 120_000);
});

describe('statement files on the bank screen', () => {
  it('imports an MT942 report once, shows a malformed file’s reason, and hides another company’s line', async () => {
    const page = await browser.newPage();
    await web.logIn(page, 'nadia@bank.test', 'nadia-pass');
    await page.goto(`${base}/app/bank`);
    const upload = async (path: string) => {
      await page.setInputFiles('#statement-file', sample(path));
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.locator('.flash').waitFor();
      return page.locator('.flash').textContent();
    };
    expect(await upload('mt940/mBank/mt942.sta')).toMatch(
      /3 transaction\(s\) imported from the MT942 statement, 0 already known/,
    );
    expect(await upload('mt940/mBank/mt942.sta')).toMatch(
      /0 transaction\(s\) imported from the MT942 statement, 3 already known/,
    );
    expect(await upload('camt/camt053.v2.wrong.xml')).toMatch(/Incomplete camt statement/);

    // Another company's bank line: not found, whether shown or confirmed.
    const shown = await page.goto(`${base}/app/bank/lines/${strangerLineId}`);
    expect(shown!.status()).toBe(404);
    expect(await page.locator('.flash').textContent()).toContain('not found');
    expect(await page.content()).not.toContain('SECRET PAYMENT');
    const csrf = await page.locator('input[name=_csrf]').first().getAttribute('value');
    const confirmed = await page.request.post(`${base}/app/bank/lines/${strangerLineId}/confirm`, {
      headers: { Origin: base },
      form: { _csrf: csrf!, target: `invoice:${strangerLineId}:1.00` },
    });
    expect(confirmed.status()).toBe(404);
    await page.close();
  });
});
