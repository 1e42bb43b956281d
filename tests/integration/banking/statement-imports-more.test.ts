/**
 * The import shapes people try after camt.053/MT940/OFX: an MT942 interim report, a camt.054
 * notification whose one entry carries several payments (one bank line per payment when the details
 * add up to the entry, else one line for the entry: never money lost or counted twice), and a CSV
 * read through a column mapping the person sets once, saved on the bank account. Checked against
 * the upstream expected outputs of shared/data/bank (SOURCES.md), and through the import tool on
 * the database: a statement imported twice adds nothing the second time.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { bankTransactions } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { listAccounts, previewStatement } from '../../../tools/banking/accounts.ts';
import { importStatement } from '../../../tools/banking/import-statement.ts';
import { type CsvMapping, readStatement, StatementError } from '../../../tools/banking/import/index.ts';
import type { Session } from '../../../tools/context.ts';
import { invoke } from '../../../tools/invoke.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { camtExpected, mt940Expected } from './upstream.ts';

const bank = new URL('../../../../shared/data/bank/', import.meta.url);
const sample = (path: string) => readFileSync(new URL(path, bank), 'latin1');
const samplePath = (path: string) => new URL(path, bank).pathname;

function refusal(fn: () => unknown): StatementError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StatementError);
    return err as StatementError;
  }
  throw new Error('expected a refusal');
}

describe('MT942 interim report', () => {
  it('reads mBank’s MT942 as upstream does: three credits of 0.01 PLN on 2017-01-19, with bank ids', () => {
    const parsed = readStatement(sample('mt940/mBank/mt942.sta'));
    expect(parsed.format).toBe('mt942');
    const lines = parsed.statements.flatMap((s) => s.lines);
    const expected = mt940Expected(samplePath('mt940/mBank/mt942.yml'));
    expect(expected).toHaveLength(3);
    expect(lines.map((l) => ({ amountCents: l.amountCents, currency: l.currency, date: l.valueOn }))).toEqual(expected);
    expect(lines.map((l) => l.externalId)).toEqual([
      'bank:MB170119012058',
      'bank:MB170119012085',
      'bank:MB170119012121',
    ]);
    expect(parsed.statements[0]!.account.iban).toBe('PL29114010810000267002001002');
    // The end-of-message mark is not kept in the last line's text.
    expect(lines[2]!.description).toMatch(/TNR: 179171073864291\.000001$/);
    // No opening or closing balance in an interim report: nothing to add up.
    expect(parsed.statements[0]!.balances).toEqual([]);
  });

  it('refuses a report whose :90C: count or sum disagrees with its lines, in both languages', () => {
    const cut = sample('mt940/mBank/mt942.sta').replace(':90C:3PLN0,03', ':90C:4PLN0,04');
    const e = refusal(() => readStatement(cut));
    expect(e.en).toMatch(/:90C: states 4 line\(s\) for 0,04, the report holds 3/);
    expect(e.fr).toMatch(/:90C: annonce 4 ligne\(s\)/);
  });
});

/** mBank-like camt.054 sample from upstream with the entry and its details put in one currency. */
function batch054(entryAmount: string): string {
  return sample('camt/camt054.v8.xml').replace(
    '<Amt Ccy="SEK">200000</Amt>\n        <CdtDbtInd>DBIT</CdtDbtInd>',
    `<Amt Ccy="CHF">${entryAmount}</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>`,
  );
}

describe('camt.054 with several transaction details in one entry', () => {
  it('keeps upstream’s entry amounts where the details cannot split the entry (other currency), and every detail’s party', () => {
    for (const name of ['camt054.v2', 'camt054.v4', 'camt054.v8']) {
      const statements = readStatement(sample(`camt/${name}.xml`)).statements;
      const lines = statements.at(-1)!.lines;
      const expected = camtExpected(samplePath(`camt/${name}.json`));
      expect(lines.map((l) => ({ amountCents: l.amountCents, currency: l.currency, date: l.bookedOn }))).toEqual(
        expected,
      );
    }
    const [line] = readStatement(sample('camt/camt054.v8.xml')).statements[0]!.lines;
    // Three details (creditors 3, 4 and 5 of the sample) survive in the one line's text.
    expect(line!.description.split(' | ')).toHaveLength(3);
  });

  it('gives one bank line per detail when the details add up to the entry, in exact cents', () => {
    const text = batch054('9.5');
    expect(text).toContain('<Amt Ccy="CHF">9.5</Amt>');
    const lines = readStatement(text).statements.flatMap((s) => s.lines);
    expect(lines.map((l) => l.amountCents)).toEqual([310n, 320n, 320n]);
    expect(lines.reduce((s, l) => s + l.amountCents, 0n)).toBe(950n);
    // Upstream’s own detail amounts (the 2nd and 3rd; its dump elides the 1st) are 3.20 CHF each.
    const upstream = JSON.parse(readFileSync(samplePath('camt/camt054.v8.json'), 'utf8'));
    const details = upstream.getEntries[0].getTransactionDetails.filter((d: unknown) => typeof d === 'object');
    expect(
      details.map((d: { getAmount: { getAmount: string } }) => BigInt(d.getAmount.getAmount.replace('-', ''))),
    ).toEqual(lines.slice(1).map((l) => l.amountCents));
    expect(new Set(lines.map((l) => l.externalId)).size).toBe(3);
    // A detail's own debtor: money in names who paid.
    expect(lines.every((l) => l.bookedOn === '2007-10-18' && l.currency === 'CHF')).toBe(true);
  });

  it('keeps the entry whole when the details do not add up to it: no money lost or doubled', () => {
    const lines = readStatement(batch054('9.6')).statements.flatMap((s) => s.lines);
    expect(lines.map((l) => l.amountCents)).toEqual([960n]);
  });
});

const noHeader = [
  '02/03/2026,"CAD$ 1,250.00",VIREMENT BOUTIQUE LAVAL,FACT-2026-0012',
  '05/03/2026,-$45.10,FRAIS MENSUELS,',
  '31/03/2026,(12.00),FRAIS VIREMENT,',
].join('\n');
const noHeaderMapping: CsvMapping = {
  header: false,
  date: 0,
  dateFormat: 'dd/mm/yyyy',
  amount: 1,
  decimalComma: false,
  description: 2,
  reference: 3,
};
const french = [
  'Date Posted;Libellé;Débit euros;Crédit euros;Montant(EUROS)',
  '01/02/2026;PRLV EDF;1 234,56;;',
  '15/02/2026;VIR CLIENT DUPONT;;2.000,10;',
].join('\r\n');
const frenchMapping: CsvMapping = {
  header: true,
  date: 0,
  dateFormat: 'dd/mm/yyyy',
  debit: 2,
  credit: 3,
  decimalComma: true,
  description: 1,
};

describe('CSV through a column mapping', () => {
  it('reads a file without a header row, amounts with $ and CAD$, parentheses, dd/mm/yyyy', () => {
    const lines = readStatement(noHeader, 'CAD', noHeaderMapping).statements[0]!.lines;
    expect(lines.map((l) => [l.bookedOn, l.amountCents, l.description, l.reference])).toEqual([
      ['2026-03-02', 125000n, 'VIREMENT BOUTIQUE LAVAL', 'FACT-2026-0012'],
      ['2026-03-05', -4510n, 'FRAIS MENSUELS', null],
      ['2026-03-31', -1200n, 'FRAIS VIREMENT', null],
    ]);
  });

  it('reads unusual French headers with debit/credit columns and decimal commas', () => {
    const lines = readStatement(french, 'EUR', frenchMapping).statements[0]!.lines;
    expect(lines.map((l) => [l.bookedOn, l.amountCents, l.currency])).toEqual([
      ['2026-02-01', -123456n, 'EUR'],
      ['2026-02-15', 200010n, 'EUR'],
    ]);
  });

  it('refuses a date that does not fit the format, naming the line', () => {
    const e = refusal(() => readStatement(noHeader, 'CAD', { ...noHeaderMapping, dateFormat: 'mm/dd/yyyy' }));
    expect(e.en).toMatch(/Unreadable date '31\/03\/2026' for the format mm\/dd\/yyyy \(line 3\)/);
  });
});

describe('through the import tool', () => {
  let handle: DatabaseHandle;
  let co: Awaited<ReturnType<typeof makeCompany>>;
  const readOut = (x: Awaited<ReturnType<typeof invoke>>) =>
    (x.kind === 'read' ? x.output : null) as Record<string, unknown>;
  const run = (session: Session, input: Record<string, unknown>) =>
    propose(session, importStatement, input, { source: 'rest', byAi: false });

  beforeAll(async () => {
    handle = await freshDatabase();
    co = await makeCompany(handle.db);
  });
  afterAll(() => handle?.close());

  it('imports MT942 and a split camt.054 once: the same file again adds nothing', async () => {
    const session = co.session('accountant', 'en');
    for (const content of [sample('mt940/mBank/mt942.sta'), batch054('9.5')]) {
      const first = await run(session, { content });
      expect(first.status).toBe('executed');
      const again = await run(session, { content });
      expect(again.result).toMatchObject({ imported: 0, skipped: (first.result as { total: number }).total });
    }
    const rows = await withTenant(handle.db, co.tenant.id, (tx) => tx.select().from(bankTransactions));
    expect(rows.map((r) => r.amountCents).sort((a, b) => (a < b ? -1 : 1))).toEqual([1n, 1n, 1n, 310n, 320n, 320n]);
  });

  it('saves the mapping on the account, reuses it for the next CSV, and shows it in the account list', async () => {
    const session = co.session('accountant', 'fr');
    const unknown = await run(session, { content: noHeader }).catch((e: Error) => e);
    expect((unknown as Error).message).toMatch(/correspondance des colonnes/);

    const first = await run(session, { content: noHeader, csvMapping: noHeaderMapping });
    expect(first.result).toMatchObject({ format: 'csv', imported: 3, skipped: 0 });
    const accountId = (first.result as { accounts: { id: string }[] }).accounts[0]!.id;

    // Next month's export, with one line already known: the saved mapping reads it.
    const next = `${noHeader.split('\n')[2]}\n02/04/2026,$980.00,VIREMENT CLIENT NORD,F-2026-0020`;
    const second = await run(session, { content: next, accountId });
    expect(second.result).toMatchObject({ imported: 1, skipped: 1 });

    const accounts = await invoke(session, listAccounts, {}, { source: 'rest', byAi: false });
    const listed = (readOut(accounts) as { accounts: { id: string; csvMappingSaved: boolean }[] }).accounts;
    expect(listed.find((a) => a.id === accountId)?.csvMappingSaved).toBe(true);

    const preview = await invoke(
      session,
      previewStatement,
      { content: next, accountId },
      { source: 'rest', byAi: false },
    );
    expect(readOut(preview)).toMatchObject({ format: 'csv', columns: 4, savedMapping: noHeaderMapping });
    expect((readOut(preview) as { rows: string[][] }).rows[1]).toEqual([
      '02/04/2026',
      '$980.00',
      'VIREMENT CLIENT NORD',
      'F-2026-0020',
    ]);
    const rows = await withTenant(handle.db, co.tenant.id, (tx) =>
      tx.select().from(bankTransactions).where(eq(bankTransactions.accountId, accountId)),
    );
    expect(rows).toHaveLength(4);
  });

  it('refuses a mapping without an amount column (400, in the person’s language)', async () => {
    const out = await run(co.session('accountant', 'en'), {
      content: noHeader,
      csvMapping: { ...noHeaderMapping, amount: undefined },
    }).catch((e: { code?: string; message: string }) => e);
    expect((out as { code?: string }).code).toBe('invalid');
  });
});
