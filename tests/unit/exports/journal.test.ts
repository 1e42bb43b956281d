// The journal and the CSV writer: each entry balances, each cell is written out by hand.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { safeText, toCsv } from '../../../tools/exports/csv.ts';
import { formatDate, journalLines } from '../../../tools/exports/journal.ts';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, neutralises formulas, keeps negative amounts', () => {
    const csv = toCsv(
      ['name', 'note', 'amount'],
      [
        ['Café "Le Coin", Inc.', 'ligne 1\nligne 2', '-12.50'],
        ['=HYPERLINK("x")', '@SUM(A1)', '0.00'],
      ],
    );
    expect(csv).toBe(
      'name,note,amount\r\n"Café ""Le Coin"", Inc.","ligne 1\nligne 2",-12.50\r\n"\'=HYPERLINK(""x"")",\'@SUM(A1),0.00\r\n',
    );
    expect(parse(csv, { columns: true })).toEqual([
      { name: 'Café "Le Coin", Inc.', note: 'ligne 1\nligne 2', amount: '-12.50' },
      { name: '\'=HYPERLINK("x")', note: "'@SUM(A1)", amount: '0.00' },
    ]);
  });
  it.each([
    [null, ''],
    ['-5', '-5'],
    ['-abc', "'-abc"],
    ['+1 514 555 0101', "'+1 514 555 0101"],
  ])('safeText(%j) = %j', (value, text) => expect(safeText(value)).toBe(text));
});

describe('journalLines', () => {
  it('books a bill with its lines, taxes and payable; an invoice, a credit note and both payments', () => {
    const lines = journalLines([
      {
        kind: 'bill',
        number: 'BILL2026-00001',
        date: '2026-03-06',
        currency: 'CAD',
        supplier: 'Bureau Plus',
        reference: 'F-1001',
        lines: [
          { accountCode: 'Office furniture', amountCents: 200000n },
          { accountCode: null, amountCents: 50000n },
        ],
        subtotalCents: 250000n,
        taxCents: 37438n,
        totalCents: 287438n,
        taxes: [
          { code: 'GST', amount: '125.00' },
          { code: 'QST', amount: '249.38' },
        ],
      },
      {
        kind: 'invoice',
        number: 'INV2026-00001',
        date: '2026-03-07',
        currency: 'CAD',
        client: 'Client A',
        subtotalCents: 100000n,
        taxCents: 5000n,
        totalCents: 105000n,
        taxes: [{ code: 'GST', amount: '50.00' }],
      },
      {
        kind: 'credit_note',
        number: 'CN2026-00001',
        date: '2026-03-08',
        currency: 'CAD',
        client: 'Client A',
        subtotalCents: 10000n,
        taxCents: 500n,
        totalCents: 10500n,
        taxes: [{ code: 'GST', amount: '5.00' }],
      },
      {
        kind: 'payment_received',
        number: 'INV2026-00001',
        date: '2026-03-09',
        amountCents: 94500n,
        client: 'Client A',
        reference: 'Interac 77',
      },
      {
        kind: 'bill_payment',
        number: 'BILL2026-00001',
        date: '2026-03-10',
        amountCents: 287438n,
        supplier: 'Bureau Plus',
        reference: null,
      },
    ]);
    const brief = lines.map((l) => [l.journalNo, l.account, l.debitCents, l.creditCents]);
    expect(brief).toEqual([
      ['BILL2026-00001', 'Office furniture', 200000n, 0n],
      ['BILL2026-00001', 'Purchases', 50000n, 0n],
      ['BILL2026-00001', 'GST/HST Payable', 12500n, 0n],
      ['BILL2026-00001', 'QST Payable', 24938n, 0n],
      ['BILL2026-00001', 'Accounts Payable (A/P)', 0n, 287438n],
      ['INV2026-00001', 'Accounts Receivable (A/R)', 105000n, 0n],
      ['INV2026-00001', 'Sales', 0n, 100000n],
      ['INV2026-00001', 'GST/HST Payable', 0n, 5000n],
      ['CN2026-00001', 'Accounts Receivable (A/R)', 0n, 10500n],
      ['CN2026-00001', 'Sales', 10000n, 0n],
      ['CN2026-00001', 'GST/HST Payable', 500n, 0n],
      ['INV2026-00001', 'Bank', 94500n, 0n],
      ['INV2026-00001', 'Accounts Receivable (A/R)', 0n, 94500n],
      ['BILL2026-00001', 'Accounts Payable (A/P)', 287438n, 0n],
      ['BILL2026-00001', 'Bank', 0n, 287438n],
    ]);
    expect(lines[0]).toMatchObject({
      description: 'Bill BILL2026-00001 (F-1001)',
      name: 'Bureau Plus',
      date: '2026-03-06',
    });
  });

  it('puts tax the breakdown does not explain in the other tax account, so the entry still balances', () => {
    const lines = journalLines([
      {
        kind: 'bill',
        number: 'B',
        date: '2026-01-01',
        currency: 'CAD',
        supplier: 'S',
        reference: null,
        lines: [],
        subtotalCents: 1000n,
        taxCents: 150n,
        totalCents: 1150n,
        taxes: [],
      },
    ]);
    expect(lines.map((l) => [l.account, l.debitCents, l.creditCents])).toEqual([
      ['Purchases', 1000n, 0n],
      ['Sales Tax Payable', 150n, 0n],
      ['Accounts Payable (A/P)', 0n, 1150n],
    ]);
  });

  it.each([
    ['MM/DD/YYYY', '03/06/2026'],
    ['DD/MM/YYYY', '06/03/2026'],
    ['YYYY-MM-DD', '2026-03-06'],
  ] as const)('writes 2026-03-06 as %s: %s', (format, text) => expect(formatDate('2026-03-06', format)).toBe(text));
});
