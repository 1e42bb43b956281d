/**
 * SWIFT MT940 statements and MT942 interim reports, read with mt940js. Its amounts are floats, so the amount of each line and
 * balance is taken again from the raw :61:, :60: or :62: field, with the library's own pattern, as
 * the exact decimal string.
 */
import mt940, { type Mt940Tag } from 'mt940js';
import { isIsoDate } from '../../money.ts';
import { amountOf, isoCurrency } from './amounts.ts';
import {
  clean,
  orNull,
  StatementError,
  withExternalIds,
  type BalanceSpan,
  type DraftLine,
  type StatedBalance,
  type Statement,
} from './types.ts';

export const looksLikeMt940 = (text: string): boolean => /(^|\n):(20|25|28C?|60[FM]|61|62[FM]|86):/.test(text);

/**
 * mt940js checks that the lines add up to the balance change with floats, and refuses the whole
 * file when they do not. That check is made again here in exact cents (balance.ts), per :60:/:62:
 * pair, and the import tool says when a statement does not add up instead of refusing it; the
 * mandatory tags and currency checks of mt940js stay.
 */
class Parser extends mt940.Parser {
  override _validateGroup(group: unknown, idx: number): void {
    try {
      super._validateGroup(group, idx);
    } catch (err) {
      if (!(err instanceof Error && err.message.startsWith('Sum of lines'))) throw err;
    }
  }
}

/** Banks put routing lines ("ABNANL2A", "940") before the first tag, which mt940js cannot place. */
const fromFirstTag = (text: string): string => {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => /^(:\d{2}[A-Z]?:|\{)/.test(l));
  return (first > 0 ? lines.slice(first) : lines).join('\n');
};

/**
 * The dates of a :61: line from its raw digits: mt940js builds them with Date.UTC, which turns a
 * bank's 30 February into 1 March; such a line is refused instead. The entry date has no year:
 * it takes the value date's, moved across New Year when that puts it half a year away.
 */
function lineDates(raw: RegExpExecArray, where: string): { valueOn: string; bookedOn: string } {
  const valueOn = `20${raw[1]}-${raw[2]}-${raw[3]}`;
  if (!isIsoDate(valueOn))
    throw new StatementError(
      `Date de valeur impossible « ${raw[1]}${raw[2]}${raw[3]} » (${where}).`,
      `Impossible value date '${raw[1]}${raw[2]}${raw[3]}' (${where}).`,
    );
  if (!raw[4]) return { valueOn, bookedOn: valueOn };
  const candidates = [-1, 0, 1]
    .map((shift) => `${Number(`20${raw[1]}`) + shift}-${raw[5]}-${raw[6]}`)
    .filter(isIsoDate);
  const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(valueOn));
  const bookedOn = candidates.sort((a, b) => distance(a) - distance(b))[0];
  if (!bookedOn)
    throw new StatementError(
      `Date comptable impossible « ${raw[5]}${raw[6]} » (${where}).`,
      `Impossible entry date '${raw[5]}${raw[6]}' (${where}).`,
    );
  return { valueOn, bookedOn };
}

/** "1250," is a whole amount in MT940, where the comma is always the decimal mark. */
const amountOfField = (text: string | undefined, currency: string, where: string) =>
  amountOf((text ?? '').replace(',', '.').replace(/\.$/, ''), currency, where);

/** A :60: or :62: balance from its raw field, with the library's own pattern: D is overdrawn. */
function statedBalance(tag: Mt940Tag, where: string): StatedBalance {
  const raw = new RegExp(tag.re.source).exec(tag.data);
  if (!raw)
    throw new StatementError(`Solde :${tag.id}: illisible (${where}).`, `Unreadable :${tag.id}: balance (${where}).`);
  const currency = isoCurrency(raw[5], where);
  const cents = amountOfField(raw[6], currency, `${where}, :${tag.id}:`);
  return { cents: raw[1] === 'D' ? -cents : cents, currency };
}

/** Each opening balance with the :61: lines up to the next closing balance (a group may hold several pages). */
function balanceSpans(tags: Mt940Tag[], lines: DraftLine[], where: string): BalanceSpan[] {
  const spans: BalanceSpan[] = [];
  let open: Omit<BalanceSpan, 'closing'> | null = null;
  let next = 0;
  for (const tag of tags) {
    if (tag.id === 60) open = { opening: statedBalance(tag, where), lines: [] };
    else if (tag.id === 61) {
      const line = lines[next++];
      if (line) open?.lines.push(line);
    } else if (tag.id === 62 && open) {
      spans.push({ ...open, closing: statedBalance(tag, where) });
      open = null;
    }
  }
  return spans;
}

const meaningful = (ref: string | undefined) =>
  ref?.trim() && ref.trim().toUpperCase() !== 'NONREF' ? ref.trim() : undefined;

export function readMt940(text: string): Statement[] {
  if (!/(^|\n):20:/.test(text)) {
    throw new StatementError(
      'Relevé MT940 incomplet : aucun champ :20: ne commence un relevé.',
      'Incomplete MT940 statement: no :20: field starts a statement.',
    );
  }
  let statements: ReturnType<Parser['parse']>;
  try {
    statements = new Parser().parse(fromFirstTag(text), true);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new StatementError(`Relevé MT940 illisible : ${why}`, `Unreadable MT940 statement: ${why}`);
  }
  if (!statements.length)
    throw new StatementError('Relevé MT940 vide : aucun relevé trouvé.', 'Empty MT940 file: no statement found.');
  return statements.map((s, i) => toStatement(s, i, s.currency, true));
}

type Parsed = ReturnType<Parser['parse']>[number];

function toStatement(s: Parsed, i: number, statementCurrency: string, withBalances: boolean): Statement {
  const where = `statement ${s.transactionReference || i + 1}`;
  const lineTags = (s.tags ?? []).filter((t) => t.id === 61);
  const drafts = s.transactions.map((t, j): DraftLine => {
    const raw = lineTags[j] && new RegExp(lineTags[j].re.source).exec(lineTags[j].data);
    if (!raw) throw new StatementError(`Ligne :61: illisible (${where}).`, `Unreadable :61: line (${where}).`);
    const mark = raw[7] ?? '';
    const currency = isoCurrency(t.currency || statementCurrency, where);
    const unsigned = amountOfField(raw[9], currency, `${where}, :61: ${j + 1}`);
    const debit = mark.endsWith('D');
    // A reversal (RC, RD) undoes the opposite movement: RD gives money back, RC takes it back.
    const negative = mark.startsWith('R') ? !debit : debit;
    const details = t.structuredDetails ?? {};
    const name = [details['32'], details['33']].filter(Boolean).join('') || details.NAME;
    return {
      ...lineDates(raw, `${where}, :61: ${j + 1}`),
      amountCents: negative ? -unsigned : unsigned,
      currency,
      description: clean(t.details) || clean(t.extraDetails),
      counterparty: orNull(name),
      reference: orNull(meaningful(details.EREF) ?? meaningful(t.reference)),
      bankId: meaningful(t.bankReference),
    };
  });
  const account = clean(s.accountIdentification);
  const iban = /[A-Z]{2}\d{2}[A-Z0-9]{10,30}/.exec(account.replace(/\s/g, ''))?.[0] ?? null;
  return {
    account: {
      iban,
      accountNumber: account || null,
      currency: statementCurrency || null,
      name: null,
      institution: null,
    },
    reference: orNull(s.transactionReference),
    lines: withExternalIds(drafts),
    balances: withBalances ? balanceSpans(s.tags ?? [], drafts, where) : [],
  };
}

/**
 * SWIFT MT942, the interim transaction report: the same :20: :25: :28C: :61: :86: fields as MT940,
 * read by the same mt940js parser, but no :60:/:62: balances. Instead :34F: gives the currency (and
 * floor limit), :13D: the time of the report and :90D:/:90C: the number and sum of the debit and
 * credit lines. mt940js knows none of those three, so they are taken out before it reads the rest,
 * and the :90D:/:90C: counts and sums are checked against the lines read, in exact cents: a report
 * cut short is refused rather than half imported.
 */
export const looksLikeMt942 = (text: string): boolean => /(^|\n):34F:/.test(text) && !/(^|\n):6[02][FM]:/.test(text);

/** "-" alone, or followed by control characters (an ETX, code 3) or spaces. */
const isEndMark = (line: string) => line.startsWith('-') && [...line.slice(1)].every((ch) => ch.charCodeAt(0) <= 32);

class InterimParser extends mt940.Parser {
  override _validateGroup(): void {
    // :20:, :25: and :28C: are checked below; there is no balance to check.
  }
}

interface Totals {
  currency: string | null;
  sums: { D?: { count: number; amount: string }; C?: { count: number; amount: string } };
}

export function readMt942(text: string): Statement[] {
  const body = fromFirstTag(text);
  const groups = body.split(/\n(?=:20:)/).filter((g) => /(^|\n):20:/.test(g));
  if (!groups.length)
    throw new StatementError(
      'Relevé MT942 incomplet : aucun champ :20: ne commence un relevé.',
      'Incomplete MT942 report: no :20: field starts a report.',
    );
  const totals: Totals[] = [];
  const stripped = groups.map((group) => {
    const t: Totals = { currency: null, sums: {} };
    const kept = group.split('\n').filter((line) => {
      const floor = /^:34F:([A-Z]{3})/.exec(line);
      if (floor) {
        t.currency ??= floor[1]!;
        return false;
      }
      const sum = /^:90([DC]):(\d+)([A-Z]{3})([\d,]+)/.exec(line);
      if (sum) {
        t.sums[sum[1] as 'D' | 'C'] = { count: Number(sum[2]), amount: sum[4]! };
        t.currency ??= sum[3]!;
        return false;
      }
      // The end-of-message mark ("-", sometimes with an ETX after it) is no part of the last :86:.
      return !/^:13D?:/.test(line) && !isEndMark(line);
    });
    totals.push(t);
    return kept.join('\n');
  });
  let reports: ReturnType<Parser['parse']>;
  try {
    reports = new InterimParser().parse(stripped.join('\n'), true);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new StatementError(`Relevé MT942 illisible : ${why}`, `Unreadable MT942 report: ${why}`);
  }
  return reports.map((r, i) => {
    const where = `report ${r.transactionReference || i + 1}`;
    const t = totals[i];
    if (!r.accountIdentification || !t?.currency)
      throw new StatementError(
        `Relevé MT942 incomplet : compte (:25:) ou devise (:34F:) manquant (${where}).`,
        `Incomplete MT942 report: account (:25:) or currency (:34F:) missing (${where}).`,
      );
    const statement = toStatement(r, i, t.currency, false);
    for (const mark of ['D', 'C'] as const) {
      const stated = t.sums[mark];
      if (!stated) continue;
      const lines = statement.lines.filter((l) => (mark === 'D' ? l.amountCents < 0n : l.amountCents > 0n));
      const cents = lines.reduce((s, l) => s + (l.amountCents < 0n ? -l.amountCents : l.amountCents), 0n);
      const expected = amountOfField(stated.amount, t.currency, `${where}, :90${mark}:`);
      if (lines.length !== stated.count || cents !== expected)
        throw new StatementError(
          `Relevé MT942 incohérent : :90${mark}: annonce ${stated.count} ligne(s) pour ${stated.amount}, le relevé en contient ${lines.length} (${where}).`,
          `Inconsistent MT942 report: :90${mark}: states ${stated.count} line(s) for ${stated.amount}, the report holds ${lines.length} (${where}).`,
        );
    }
    return statement;
  });
}
