// Statement readers against the third-party samples in shared/data/bank and their upstream expected
// outputs (SOURCES.md): every transaction's amount in minor units, currency and date must agree.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imbalanceOf } from '../../../tools/banking/import/balance.ts';
import {
  detectFormat,
  readStatement,
  StatementError,
  type StatementLine,
} from '../../../tools/banking/import/index.ts';
import { camtExpected, mt940Expected, type Expected } from './upstream.ts';

const bank = join(import.meta.dirname, '../../../../shared/data/bank');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const read = (path: string) => readStatement(readFileSync(path, 'latin1'));
const lines = (path: string): StatementLine[] => read(path).statements.flatMap((s) => s.lines);

/** The reason a file is refused, or null when it reads; anything but a StatementError fails the test. */
function refusal(path: string): string | null {
  try {
    read(path);
    return null;
  } catch (err) {
    expect(err, `${path} must fail with a StatementError`).toBeInstanceOf(StatementError);
    const e = err as StatementError;
    expect(e.fr).not.toBe(e.en);
    return e.en;
  }
}

const agree = (got: StatementLine[], expected: Expected[], date: (l: StatementLine) => string | null) =>
  got.length === expected.length &&
  got.every(
    (l, i) =>
      l.amountCents === expected[i]!.amountCents &&
      l.currency === expected[i]!.currency &&
      (expected[i]!.date === null || date(l) === expected[i]!.date),
  );

describe('camt.052 / camt.053 / camt.054', () => {
  const samples = files(join(bank, 'camt')).filter(
    (p) => p.endsWith('.xml') && existsSync(p.replace(/\.xml$/, '.json')),
  );

  it('agrees with upstream on every sample that has an expected output', () => {
    const failed: string[] = [];
    for (const xml of samples) {
      const statements = read(xml).statements;
      // The upstream dump keeps the entries of the last record only.
      if (!agree(statements.at(-1)?.lines ?? [], camtExpected(xml.replace(/\.xml$/, '.json')), (l) => l.bookedOn))
        failed.push(xml);
    }
    console.log(`camt: ${samples.length - failed.length}/${samples.length} samples agree with upstream`);
    expect(failed).toEqual([]);
    expect(samples.length).toBe(25);
  });

  it('reads both statements of a multi-statement file, signed by credit/debit, in exact cents', () => {
    const [first, second] = read(join(bank, 'camt/camt053.v2.multi.statement.xml')).statements;
    expect(first!.lines.map((l) => l.amountCents)).toEqual([885n]);
    expect(second!.lines.map((l) => [l.amountCents, l.currency, l.bookedOn, l.valueOn, l.counterparty])).toEqual([
      [-700n, 'EUR', '2014-12-31', '2015-01-02', 'Company Name 2'],
    ]);
    expect(first!.account.iban).toBe('NL26VAYB8060476890');
  });

  it('decodes the standard XML entities of a camt statement: "Smith &amp; Co" is Smith & Co', () => {
    const xml = readFileSync(join(bank, 'camt/camt053.v2.minimal.xml'), 'latin1').replace(
      '<Nm>NAME NAME</Nm>',
      '<Nm>Smith &amp; Co</Nm>',
    );
    expect(readStatement(xml).statements.flatMap((s) => s.lines.map((l) => l.counterparty))).toContain('Smith & Co');
  });

  it('keeps the debtor, the remittance text and the bank reference of a camt.054 line', () => {
    const [line] = lines(join(bank, 'camt/camt054.v4.xml'));
    expect(line).toMatchObject({
      amountCents: -20000000n,
      currency: 'SEK',
      counterparty: 'Example Creditor 3 - V1',
      externalId: expect.stringMatching(/^bank:ACSR/),
    });
    expect(line!.description).toMatch(/^Unstructured Remittance Inform/);
  });

  it('refuses the malformed camt053.v2.wrong.xml in both languages', () => {
    expect(refusal(join(bank, 'camt/camt053.v2.wrong.xml'))).toMatch(/no account statement/);
  });
});

describe('MT940', () => {
  const samples = files(join(bank, 'mt940')).filter(
    (p) => p.endsWith('.sta') && existsSync(p.replace(/\.sta$/, '.yml')),
  );
  // Upstream reads a reversed credit (RC) as money in; SWIFT says RC is a debit entry, as we read it.
  const reversedCredits = new Map([['sepa_mt9401.sta', [5, 18]]]);

  it('agrees with upstream on the statements it reads, and refuses the others with a reason', () => {
    const agreed: string[] = [];
    const refused: string[] = [];
    const disagreed: string[] = [];
    for (const sta of samples) {
      if (refusal(sta)) {
        refused.push(sta);
        continue;
      }
      const got = lines(sta).map((l, i) =>
        reversedCredits.get(sta.split('/').at(-1)!)?.includes(i) ? { ...l, amountCents: -l.amountCents } : l,
      );
      (agree(got, mt940Expected(sta.replace(/\.sta$/, '.yml')), (l) => l.valueOn) ? agreed : disagreed).push(sta);
    }
    console.log(
      `mt940: ${agreed.length}/${samples.length} agree with upstream, ${refused.length} refused with a reason, ${disagreed.length} disagree`,
    );
    expect(disagreed).toEqual([]);
    expect(agreed.length).toBeGreaterThanOrEqual(22);
    // The bank exports (ABN AMRO, ING, Rabobank, Knab, SNS, Triodos, PostFinance, mBank) all read.
    for (const name of ['abnamro', 'ing', 'rabobank', 'rabobank-iban', 'knab', 'sns', 'triodos', 'postfinance']) {
      expect(
        agreed.some((p) => p.endsWith(`jejik/${name}.sta`)),
        name,
      ).toBe(true);
    }
  });

  it('refuses an impossible date (30 February) rather than moving it to March', () => {
    expect(refusal(join(bank, 'mt940/self-provided/february_30.sta'))).toMatch(/Impossible value date '160230'/);
  });

  it('refuses a fragment that is no statement', () => {
    expect(refusal(join(bank, 'mt940/cmxl/statement_line.sta'))).toMatch(/no :20: field/);
  });
});

describe('OFX', () => {
  it('reads an OFX 1.02 SGML checking statement with signed exact amounts and bank ids', () => {
    const got = lines(join(bank, 'ofx/checking.ofx'));
    expect(got.map((l) => [l.bookedOn, l.amountCents, l.currency, l.externalId])).toEqual([
      ['2011-03-31', 1n, 'USD', 'bank:0000486'],
      ['2011-04-05', -3451n, 'USD', 'bank:0000487'],
      ['2011-04-07', -2500n, 'USD', 'bank:0000488'],
    ]);
  });

  it('reads a credit card statement and a Canadian bank statement', () => {
    expect(lines(join(bank, 'ofx/anzcc.ofx')).map((l) => [l.amountCents, l.currency])).toEqual([[-550n, 'AUD']]);
    const medium = lines(join(bank, 'ofx/bank_medium.ofx'));
    expect(medium[0]).toMatchObject({
      bookedOn: '2009-04-01',
      amountCents: -660n,
      currency: 'CAD',
      counterparty: "MCDONALD'S #112",
    });
  });

  it('reports the malformed and the non-bank files instead of crashing', () => {
    expect(refusal(join(bank, 'ofx/fail_nice/date_missing.ofx'))).toMatch(/date missing/);
    expect(refusal(join(bank, 'ofx/fail_nice/decimal_error.ofx'))).toMatch(/Unreadable amount '\$120'/);
    expect(refusal(join(bank, 'ofx/signon_fail.ofx'))).toMatch(/refused the OFX sign-on/);
    expect(refusal(join(bank, 'ofx/investment_401k.ofx'))).toMatch(/no bank or card statement/);
    const all = files(join(bank, 'ofx'));
    const read = all.filter((p) => refusal(p) === null);
    console.log(
      `ofx: ${read.length}/${all.length} files read, the others refused with a reason (investments, sign-on only, malformed)`,
    );
  });
});

describe('CSV and format detection', () => {
  it('reads a French export with debit/credit columns and day-first dates', () => {
    const csv =
      'Date;Libellé;Débit;Crédit\n31/01/2026;VIR CLIENT FACT-2026-0001;;1 149,75\n02/02/2026;PRLV BELL;85,10;\n';
    const { format, statements } = readStatement(csv, 'CAD');
    expect(format).toBe('csv');
    expect(statements[0]!.lines.map((l) => [l.bookedOn, l.amountCents, l.currency, l.description])).toEqual([
      ['2026-01-31', 114975n, 'CAD', 'VIR CLIENT FACT-2026-0001'],
      ['2026-02-02', -8510n, 'CAD', 'PRLV BELL'],
    ]);
  });

  it('tells formats by content, not by name, and refuses ambiguous dates', () => {
    expect(detectFormat(readFileSync(join(bank, 'camt/camt053.v3.xml'), 'utf8'))).toBe('camt');
    expect(detectFormat(readFileSync(join(bank, 'ofx/checking.ofx'), 'utf8'))).toBe('ofx');
    expect(detectFormat(readFileSync(join(bank, 'mt940/ASNB/0708271685_09022020_164516.940.txt'), 'utf8'))).toBe(
      'mt940',
    );
    expect(() => readStatement('date,amount,description\n01/02/2026,10.00,x\n')).toThrow(/Ambiguous dates/);
    expect(() => readStatement('<html><body>hello</body></html>')).toThrow(StatementError);
  });
});

describe('opening balance + lines = closing balance', () => {
  /** Per statement span of a file: null when it adds up, else the difference in cents or the currencies met. */
  const gaps = (path: string) =>
    read(path).statements.flatMap((s) =>
      s.balances
        .map(imbalanceOf)
        .map((g) => (g === null ? null : g.kind === 'difference' ? g.differenceCents : g.currencies.join('/'))),
    );
  const readable = files(bank).filter((p) => /\.(xml|sta|txt|ofx)$/.test(p) && refusal(p) === null);

  it('checks every sample that states both balances, in exact cents', () => {
    const checked = Object.fromEntries(
      readable.map((p) => [p.slice(bank.length + 1), gaps(p)] as const).filter(([, g]) => g.length),
    );
    const off = Object.fromEntries(Object.entries(checked).filter(([, g]) => g.some((x) => x !== null)));
    console.log(
      `balances: ${readable.length} samples read, ${Object.keys(checked).length} state both balances, ${Object.keys(off).length} do not add up (imported with a warning)`,
    );
    // The anonymised or cut-down exports of real banks, and upstream's synthetic camt fixtures, as they are.
    expect(off).toEqual({
      'camt/camt053.v2.all-balance-types.xml': [-582n],
      'camt/camt053.v2.five.decimals.xml': [5n],
      'camt/camt053.v2.minimal.ultimate.xml': ['EUR/SEK'],
      'camt/camt053.v2.minimal.xml': ['EUR/SEK'],
      'camt/camt053.v2.with-party-ids.xml': ['EUR/SEK'],
      'camt/camt053.v3.xml': ['EUR/SEK'],
      'camt/camt053.v4.xml': ['EUR/SEK'],
      'camt/camt053.v8.xml': ['EUR/SEK'],
      'mt940/betterplace/sepa_snippet.sta': [null, 30008n],
      'mt940/betterplace/sepa_snippet_broken.sta': [30760386n],
      'mt940/jejik/abnamro.sta': [-203800n, -100260n],
      'mt940/jejik/ing.sta': [4906n],
      'mt940/jejik/knab.sta': [null, 450000n],
      'mt940/jejik/postfinance.sta': [null, 20n],
      'mt940/jejik/rabobank.sta': [113593n, null, 23656n, null],
      'mt940/jejik/triodos.sta': [11140n],
      'mt940/mBank/with_newline_in_tnr.sta': [77071n],
      'mt940/self-provided/details_60-63.sta': [23401n],
      'mt940/self-provided/malformed_details.sta': [23401n],
      'mt940/self-provided/overly_long_details.sta': [23401n],
      'mt940/self-provided/raiffeisen-cmi.sta': [112326400n],
      'mt940/self-provided/whitespace.sta': [23401n],
    });
    expect(Object.keys(checked).length - Object.keys(off).length).toBe(10);
  });

  it('adds up every page of a multi-page export, reversals included', () => {
    // 31 daily statements, most of them without a line.
    expect(gaps(join(bank, 'mt940/ASNB/0708271685_09022020_164516.940.txt'))).toEqual(Array(31).fill(null));
    // 26 statements, two with :60M:/:62M: pages; they add up only with RC read as money out (SWIFT), not in.
    expect(gaps(join(bank, 'mt940/betterplace/sepa_mt9401.sta'))).toEqual(Array(26).fill(null));
    expect(gaps(join(bank, 'camt/camt053.v2.multi.statement.xml'))).toEqual([null, null]);
  });

  it('counts only booked camt entries, and takes PRCD as the opening balance when OPBD is missing', () => {
    const xml = readFileSync(join(bank, 'camt/camt053.v2.multi.statement.xml'), 'latin1');
    // The first statement: 18.15 + 8.85 = 27.00. A pending entry of 5.00 is not in the booked balance.
    const pending = xml.replace(
      /(<Ntry>[\s\S]*?<\/Ntry>)/,
      (entry) =>
        `${entry}${entry
          .replace('8.85', '5.00')
          .replace('<Sts>BOOK</Sts>', '<Sts>PDNG</Sts>')
          .replace(/<AcctSvcrRef>[^<]*</, '<AcctSvcrRef>PENDING-1<')}`,
    );
    const [first] = readStatement(pending).statements;
    expect(first!.lines.map((l) => l.amountCents)).toEqual([885n, 500n]);
    expect(first!.balances.map(imbalanceOf)).toEqual([null]);
    expect(
      readStatement(xml.replace('<Cd>OPBD</Cd>', '<Cd>PRCD</Cd>')).statements[0]!.balances.map(imbalanceOf),
    ).toEqual([null]);
    // Booked after all: then the 5.00 is one too many.
    expect(
      readStatement(pending.replace('<Sts>PDNG</Sts>', '<Sts>BOOK</Sts>')).statements[0]!.balances.map(imbalanceOf),
    ).toMatchObject([{ differenceCents: -500n }]);
  });

  it('has nothing to check where the format states no opening balance (OFX, CSV, camt.054)', () => {
    for (const path of ['ofx/checking.ofx', 'ofx/bank_medium.ofx', 'camt/camt054.v4.xml', 'camt/camt052.v4.xml'])
      expect(gaps(join(bank, path)), path).toEqual([]);
    expect(readStatement('Date;Libellé;Montant\n2026-01-31;VIR;10,00\n').statements[0]!.balances).toEqual([]);
  });
});
