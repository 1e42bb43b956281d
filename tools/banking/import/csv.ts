/**
 * A simple bank CSV export: one header row naming a date, an amount (or debit and credit) and a
 * description, in English or French; read with csv-parse.
 */
import { parse } from 'csv-parse/sync';
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
      'Relevé CSV non reconnu : il faut une ligne d’en-tête avec les colonnes date, montant (ou débit et crédit) et description.',
      'CSV statement not recognised: it needs a header row with date, amount (or debit and credit) and description columns.',
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
