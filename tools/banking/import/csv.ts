/**
 * A simple bank CSV export: one header row naming a date, an amount (or debit and credit) and a
 * description, in English or French; read with csv-parse.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { amountOf, isoCurrency } from './amounts.ts';
import { isIsoDate } from '../../money.ts';
import { clean, orNull, StatementError, withExternalIds, type DraftLine, type Statement } from './types.ts';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

/** Header names banks use, folded (no accents, lower case). The first present wins. */
const COLUMNS = {
  date: [
    'booking date',
    'booked on',
    'date',
    'transaction date',
    'posted date',
    'date comptable',
    'date operation',
    'date de l operation',
    'date de transaction',
  ],
  valueDate: ['value date', 'date de valeur', 'date valeur'],
  amount: ['amount', 'montant', 'transaction amount'],
  debit: ['debit', 'withdrawal', 'withdrawals', 'retrait', 'retraits', 'money out'],
  credit: ['credit', 'deposit', 'deposits', 'depot', 'depots', 'money in'],
  description: ['description', 'libelle', 'memo', 'details', 'narrative', 'label', 'operation'],
  currency: ['currency', 'devise', 'ccy'],
  counterparty: ['counterparty', 'payee', 'name', 'beneficiaire', 'tiers', 'contrepartie'],
  reference: ['reference', 'ref'],
  id: ['id', 'transaction id', 'fitid', 'identifiant'],
} as const;

/** Day-first or month-first slashes are settled over the whole column, never line by line. */
function dateReader(values: string[]): (text: string, where: string) => string {
  const slashed = values.map((v) => /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v.trim())).filter((m) => m !== null);
  const dayFirst = slashed.some((m) => Number(m[1]) > 12);
  const monthFirst = slashed.some((m) => Number(m[2]) > 12);
  return (text, where) => {
    const value = text.trim();
    const iso = /^(\d{4})[-/](\d{2})[-/](\d{2})$/.exec(value);
    let date = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : '';
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
    if (m) {
      if (dayFirst === monthFirst && !value.includes('.')) {
        throw new StatementError(
          `Dates ambiguës (jour/mois ou mois/jour ?) : « ${value} ». Exportez les dates au format AAAA-MM-JJ.`,
          `Ambiguous dates (day/month or month/day?): '${value}'. Export dates as YYYY-MM-DD.`,
        );
      }
      // Dotted dates (31.12.2024) are always day first.
      const [d, mo] = monthFirst && !value.includes('.') ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
      date = `${m[3]}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    }
    if (!isIsoDate(date))
      throw new StatementError(`Date illisible « ${value} » (${where}).`, `Unreadable date '${value}' (${where}).`);
    return date;
  };
}

export function readCsv(text: string, defaultCurrency: string): Statement[] {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ',']
    .map((d) => [d, header.split(d).length] as const)
    .sort((a, b) => b[1] - a[1])[0]![0];
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, delimiter, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new StatementError(`Fichier CSV illisible : ${why}`, `Unreadable CSV file: ${why}`);
  }
  const [names = [], ...data] = rows;
  const folded = names.map(fold);
  const col = (key: keyof typeof COLUMNS) => {
    for (const name of COLUMNS[key]) {
      const i = folded.indexOf(name);
      if (i >= 0) return i;
    }
    return -1;
  };
  const [date, amount, debit, credit, description] = [
    col('date'),
    col('amount'),
    col('debit'),
    col('credit'),
    col('description'),
  ];
  if (date < 0 || description < 0 || (amount < 0 && (debit < 0 || credit < 0))) {
    throw new StatementError(
      'Relevé CSV non reconnu : il faut une ligne d’en-tête avec les colonnes date, montant (ou débit et crédit) et description, ou une correspondance des colonnes pour ce compte.',
      'CSV statement not recognised: it needs a header row with date, amount (or debit and credit) and description columns, or a column mapping for this account.',
    );
  }
  const [valueDate, currencyCol, counterparty, reference, id] = [
    col('valueDate'),
    col('currency'),
    col('counterparty'),
    col('reference'),
    col('id'),
  ];
  const readDate = dateReader(data.map((r) => r[date] ?? ''));
  const readValueDate = valueDate >= 0 ? dateReader(data.map((r) => r[valueDate] ?? '')) : undefined;
  const drafts = data.map((row, i): DraftLine => {
    const where = `line ${i + 2}`;
    const cell = (c: number) => (c >= 0 ? (row[c] ?? '').trim() : '');
    const currency = isoCurrency(cell(currencyCol) || defaultCurrency, where);
    let amountCents: bigint;
    if (amount >= 0) {
      const raw = cell(amount).replace(/\u2212/, '-');
      const negative = raw.startsWith('-') || /^\(.*\)$/.test(raw);
      const unsigned = amountOf(raw.replace(/^[+-]|[()]/g, ''), currency, where);
      amountCents = negative ? -unsigned : unsigned;
    } else {
      const out = cell(debit) ? amountOf(cell(debit).replace(/^-/, ''), currency, where) : 0n;
      const into = cell(credit) ? amountOf(cell(credit), currency, where) : 0n;
      amountCents = into - out;
    }
    const valueText = cell(valueDate);
    return {
      bookedOn: readDate(cell(date), where),
      valueOn: readValueDate && valueText ? readValueDate(valueText, where) : null,
      amountCents,
      currency,
      description: clean(cell(description)),
      counterparty: orNull(cell(counterparty)),
      reference: orNull(cell(reference)),
      bankId: cell(id) || null,
    };
  });
  return [
    {
      account: { iban: null, accountNumber: null, currency: null, name: null, institution: null },
      reference: null,
      lines: withExternalIds(drafts),
      balances: [],
    },
  ];
}

/**
 * A column mapping the person sets once for a bank's CSV export (saved on the bank account): which
 * column holds what, by position, whether the first row is a header, how dates and amounts are
 * written. For files without a header row, or with headers no list can guess (`Date Posted`,
 * `Montant(EUROS)`, `Débit euros`), and for amounts written `$1,234.50`, `CAD$ 12`, `1 234,50 €`.
 */
export const DATE_FORMATS = ['yyyy-mm-dd', 'dd/mm/yyyy', 'mm/dd/yyyy'] as const;
const Column = z.number().int().min(0).max(99);
export const CsvMapping = z
  .object({
    header: z.boolean().describe('The first row names the columns and is not a transaction.'),
    date: Column.describe('Column (from 0) of the booking date.'),
    dateFormat: z.enum(DATE_FORMATS).describe('How the dates are written; the separator may be / . or -.'),
    amount: Column.optional().describe('Column of a signed amount (negative: money out).'),
    debit: Column.optional().describe('Column of money out, when the bank splits amounts in two.'),
    credit: Column.optional().describe('Column of money in, with debit.'),
    decimalComma: z.boolean().describe('Amounts are written 1 234,56 (comma before the cents).'),
    description: Column.describe('Column of the text of the transaction.'),
    reference: Column.optional().describe('Column of the payment reference.'),
    counterparty: Column.optional().describe('Column of the payer or payee name.'),
  })
  .refine((m) => m.amount !== undefined || (m.debit !== undefined && m.credit !== undefined), {
    message: 'Give an amount column, or both a debit and a credit column.',
    path: ['amount'],
  });
export type CsvMapping = z.output<typeof CsvMapping>;

/** The delimiter that splits the first line into the most columns. */
function delimiterOf(text: string): string {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return [';', '\t', ',', '|'].map((d) => [d, header.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
}

function rowsOf(text: string): string[][] {
  try {
    return parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new StatementError(`Fichier CSV illisible : ${why}`, `Unreadable CSV file: ${why}`);
  }
}

/** The first rows of a CSV, for the person to say which column is which. */
export function previewCsv(text: string, rows = 5): { delimiter: string; columns: number; rows: string[][] } {
  const all = rowsOf(text);
  return {
    delimiter: delimiterOf(text),
    columns: Math.max(0, ...all.slice(0, 50).map((r) => r.length)),
    rows: all.slice(0, rows),
  };
}

/**
 * An amount as a person's bank wrote it: currency signs and codes ($, CAD$, €, EUR), spaces and
 * thousands separators dropped; a minus before or after, or parentheses, make it negative.
 */
export function mappedAmount(raw: string, decimalComma: boolean, currency: string, where: string): bigint {
  let value = raw
    .replace(/\u2212/g, '-')
    .replace(/[A-Za-z$€£\s\u00a0\u202f']/g, '')
    .trim();
  let negative = false;
  if (/^\(.*\)$/.test(value)) {
    negative = true;
    value = value.slice(1, -1);
  }
  if (/^-|-$/.test(value)) {
    negative = !negative;
    value = value.replace(/^-|-$/g, '');
  }
  value = value.replace(/^\+/, '');
  value = decimalComma ? value.replace(/\./g, '').replace(',', '.') : value.replace(/,/g, '');
  const unsigned = amountOf(value, currency, where);
  return negative ? -unsigned : unsigned;
}

function mappedDate(raw: string, format: CsvMapping['dateFormat'], where: string): string {
  const value = raw.trim();
  const parts = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})/.exec(value);
  let date = '';
  if (parts) {
    const [a, b, c] = [parts[1]!, parts[2]!, parts[3]!];
    const [y, m, d] = format === 'yyyy-mm-dd' ? [a, b, c] : format === 'dd/mm/yyyy' ? [c, b, a] : [c, a, b];
    if (y.length === 4) date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  }
  if (!isIsoDate(date))
    throw new StatementError(
      `Date illisible « ${value} » au format ${format} (${where}).`,
      `Unreadable date '${value}' for the format ${format} (${where}).`,
    );
  return date;
}

/** A CSV read through the person's mapping: every row is a transaction, none guessed. */
export function readMappedCsv(text: string, mapping: CsvMapping, currency: string): Statement[] {
  const rows = rowsOf(text);
  const data = mapping.header ? rows.slice(1) : rows;
  const first = mapping.header ? 2 : 1;
  const drafts = data.map((row, i): DraftLine => {
    const where = `line ${i + first}`;
    const cell = (c: number | undefined) => (c === undefined ? '' : (row[c] ?? '').trim());
    let amountCents: bigint;
    if (mapping.amount !== undefined) {
      amountCents = mappedAmount(cell(mapping.amount), mapping.decimalComma, currency, where);
    } else {
      const out = cell(mapping.debit);
      const into = cell(mapping.credit);
      const outCents = out ? mappedAmount(out, mapping.decimalComma, currency, where) : 0n;
      const inCents = into ? mappedAmount(into, mapping.decimalComma, currency, where) : 0n;
      // Some banks write debits as negative numbers in the debit column: money out either way.
      amountCents = (inCents < 0n ? -inCents : inCents) - (outCents < 0n ? -outCents : outCents);
      if (!out && !into)
        throw new StatementError(`Ni débit ni crédit (${where}).`, `Neither a debit nor a credit (${where}).`);
    }
    return {
      bookedOn: mappedDate(cell(mapping.date), mapping.dateFormat, where),
      valueOn: null,
      amountCents,
      currency,
      description: clean(cell(mapping.description)),
      counterparty: orNull(cell(mapping.counterparty)),
      reference: orNull(cell(mapping.reference)),
      bankId: null,
    };
  });
  if (!drafts.length)
    throw new StatementError('Relevé CSV vide : aucune ligne à importer.', 'Empty CSV statement: no line to import.');
  return [
    {
      account: { iban: null, accountNumber: null, currency: null, name: null, institution: null },
      reference: null,
      lines: withExternalIds(drafts),
      balances: [],
    },
  ];
}
