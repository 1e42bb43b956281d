/**
 * Money for all of Comptoir: the only module that parses, rounds and formats amounts.
 * An amount is an integer count of minor units (`bigint`, cents for CAD) plus an ISO 4217 currency;
 * rates and quantities are exact decimals. No float ever touches an amount.
 */
import currencyCodes from 'currency-codes';
import { z } from 'zod';
import type { Lang } from './context.ts';
import { invalid } from './errors.ts';
import { isoDate } from './dates.ts';

/** The currencies we invoice in. Any other 3-letter ISO code is accepted through `CurrencyCode`. */
export type Currency = 'CAD' | 'USD' | 'EUR' | 'GBP' | 'CHF' | 'JPY';

/** A 3-letter ISO 4217 code; the union keeps editor completion for the ones we support. */
export type CurrencyCode = Currency | (string & {});

/**
 * What the boundary schemas below refuse, in French and English. A schema keeps its English sentence
 * (so every parser of it reads something clear); the action door words the same problem in the
 * person's language, finding it with boundaryProblem().
 */
export const BOUNDARY_WORDS = {
  en: {
    money: 'Expected a decimal amount as a string, e.g. "1250.00".',
    quantity: 'Expected a positive decimal quantity with at most 4 decimals, e.g. "2.5".',
    zeroQuantity: 'A quantity must be greater than zero.',
    date: 'Expected a real calendar date written YYYY-MM-DD, e.g. "2025-04-01".',
    currency: 'Expected a 3-letter ISO 4217 currency code in capitals, e.g. "CAD".',
    unknownCurrency: 'Not an ISO 4217 currency: expected a code such as "CAD", "USD" or "EUR".',
    tooLarge: 'Amount too large: at most 999 999 999 999 in any currency.',
    negative: 'Expected an amount of zero or more: a price or payment cannot be negative.',
  },
  fr: {
    money: 'Montant décimal attendu, en texte, p. ex. "1250.00" ou "1 250,00".',
    quantity: 'Quantité décimale positive attendue, avec un point et 4 décimales au plus, p. ex. "2.5".',
    zeroQuantity: 'Une quantité doit être supérieure à zéro.',
    date: 'Date réelle attendue, écrite AAAA-MM-JJ, p. ex. "2025-04-01".',
    currency: 'Code de devise ISO 4217 attendu, en 3 lettres majuscules, p. ex. "CAD".',
    unknownCurrency: 'Devise inconnue de la norme ISO 4217 : un code comme "CAD", "USD" ou "EUR" est attendu.',
    tooLarge: 'Montant trop grand : au plus 999 999 999 999, quelle que soit la devise.',
    negative: 'Un montant positif ou nul est attendu : un prix ou un paiement ne peut pas être négatif.',
  },
} satisfies Record<Lang, unknown>;
export type BoundaryProblem = keyof (typeof BOUNDARY_WORDS)['en'];

const CURRENCY_PATTERN = /^[A-Z]{3}$/;
// At most 10 digits before the point: quantity columns are numeric(14, 4).
const QUANTITY_PATTERN = /^\d{1,10}(\.\d{1,4})?$/;

// Refinements carry their problem as params; a regex check cannot, so its issue is known by its pattern
// (kept a regex because MCP clients read it from the JSON Schema).
const PATTERN_PROBLEMS = new Map<string, BoundaryProblem>([
  [String(CURRENCY_PATTERN), 'currency'],
  [String(QUANTITY_PATTERN), 'quantity'],
]);

/** Which of the boundary schemas below raised a zod issue, if one did. */
export function boundaryProblem(issue: z.core.$ZodIssue): BoundaryProblem | undefined {
  if (issue.code === 'custom') {
    const problem = (issue.params as { problem?: string } | undefined)?.problem;
    return problem && problem in BOUNDARY_WORDS.en ? (problem as BoundaryProblem) : undefined;
  }
  if (issue.code === 'invalid_format' && issue.format === 'regex') return PATTERN_PROBLEMS.get(String(issue.pattern));
  return undefined;
}

/**
 * A boundary schema's refusal worded in `lang`, or undefined when the issue is not one of theirs.
 * Dates outside their window carry the window in the issue, so their sentence is built here.
 */
export function boundaryText(issue: z.core.$ZodIssue, lang: Lang): string | undefined {
  if (issue.code === 'custom') {
    const params = issue.params as { problem?: string; kind?: DateKind; from?: string; to?: string } | undefined;
    if (params?.problem === 'dateWindow' && params.kind && params.from && params.to)
      return DATE_WINDOW_WORDS[lang](params.kind, params.from, params.to);
  }
  const problem = boundaryProblem(issue);
  return problem ? BOUNDARY_WORDS[lang][problem] : undefined;
}

/**
 * True for a code of the ISO 4217 list (the `currency-codes` package, which follows the ISO
 * maintenance agency's list one). Funds, metals and the testing and "no currency" codes
 * (XAU, XBA…, XTS, XXX) are in that list but are not money a company invoices in.
 */
export function isIsoCurrency(code: string): boolean {
  const record = currencyCodes.code(code);
  return record !== undefined && !record.countries.some((country) => /^zz\d/i.test(country));
}

export const CurrencyCode = z
  .string()
  .regex(CURRENCY_PATTERN, { error: BOUNDARY_WORDS.en.currency })
  .refine((code) => !CURRENCY_PATTERN.test(code) || isIsoCurrency(code), {
    error: BOUNDARY_WORDS.en.unknownCurrency,
    params: { problem: 'unknownCurrency' },
  });

export type MoneyLocale = 'fr-CA' | 'en-CA' | 'fr-FR' | 'en-US';

/**
 * An exact decimal rate: `"0.09975"` is 9.975 %. Whole basis points are accepted too:
 * `{ basisPoints: 500 }` is 5 %. Never a float: 0.09975 has no exact binary representation.
 */
export type Rate = string | { readonly basisPoints: number };

// ISO 4217 exponents that differ from 2. Kept explicit rather than read from ICU, whose CLDR
// "digits" follow cash practice for some currencies (e.g. ISK, HUF) instead of ISO 4217.
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'UYI',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** Digits after the decimal point for a currency (ISO 4217 exponent): CAD 2, JPY 0, KWD 3. */
export function minorDigits(currency: CurrencyCode): number {
  // Only the shape here: statements and e-invoices from files may carry withdrawn codes (DEM); the
  // door's CurrencyCode schema is where a person's currency must be a current ISO 4217 one.
  if (!/^[A-Z]{3}$/.test(currency))
    throw invalid(`Unknown currency '${currency}': expected a 3-letter ISO 4217 code such as "CAD".`);
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

/** An exact decimal: value = units / 10^scale, with no trailing zero in the fraction. */
interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const CANONICAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;
// Space-like group separators: fr-CA writes U+00A0, fr-FR writes U+202F, people type U+0020.
const SPACES = '[ \\u00a0\\u202f\\u2009]';
const LOCALIZED = new RegExp(`^([+-]?)((?:\\d|[.,]|${SPACES})+)$`);

const POW10 = (n: number): bigint => 10n ** BigInt(n);

function toDecimal(sign: string, integer: string, fraction: string): Decimal {
  const frac = fraction.replace(/0+$/, '');
  const units = BigInt(`${integer || '0'}${frac}`);
  return { units: sign === '-' ? -units : units, scale: frac.length };
}

/** A typed amount refused, and why, in each language: "Invalid money amount '1,250': ambiguous: …". */
const AMOUNT_WORDS = {
  en: {
    invalid: (text: string, why: string) => `Invalid money amount '${text}': ${why}`,
    notANumber: 'expected a decimal number such as "1250.00", "1 250,00" or "1,250.00".',
    ambiguous: (asThousands: string, asDecimals: string) =>
      `ambiguous: thousands or decimals? Write "${asThousands}" or "${asDecimals}".`,
    severalDecimalMarks: 'more than one decimal mark.',
    noDecimals: 'expected digits after the decimal mark.',
    misplacedSeparator: 'misplaced thousands separator.',
    noDigits: 'no digits.',
    tooManyDecimals: (currency: string, digits: number) => `${currency} allows at most ${digits} decimals.`,
  },
  fr: {
    invalid: (text: string, why: string) => `Montant invalide « ${text} » : ${why}`,
    notANumber: 'un nombre décimal est attendu, p. ex. "1250.00", "1 250,00" ou "1,250.00".',
    ambiguous: (asThousands: string, asDecimals: string) =>
      `ambigu : milliers ou décimales ? Écrivez "${asThousands}" ou "${asDecimals}".`,
    severalDecimalMarks: 'plus d’un séparateur décimal.',
    noDecimals: 'des chiffres sont attendus après le séparateur décimal.',
    misplacedSeparator: 'séparateur de milliers mal placé.',
    noDigits: 'aucun chiffre.',
    tooManyDecimals: (currency: string, digits: number) =>
      digits === 0 ? `le ${currency} n’a pas de décimales.` : `le ${currency} admet au plus ${digits} décimales.`,
  },
} satisfies Record<Lang, unknown>;

/**
 * Reads "1250.00", "-3.5", "1 250,00" (fr) or "1,250.00" (en). A mark appearing once is the decimal
 * mark (the later one when both appear); a mark appearing several times groups thousands.
 * "1,250" alone is refused: it reads 1250 in English and 1.25 in French, and money is never guessed.
 */
function parseLocalized(text: string, lang: Lang): Decimal {
  const say = AMOUNT_WORDS[lang];
  const refuse = (why: string) => invalid(say.invalid(text, why), { value: text });
  const match = LOCALIZED.exec(text.trim().replace(/^\u2212/, '-'));
  if (!match) throw refuse(say.notANumber);
  const [, sign = '', body = ''] = match;
  const count = (mark: string) => body.split(mark).length - 1;
  const dots = count('.');
  const commas = count(',');

  let decimalMark: '.' | ',' | undefined;
  if (dots > 0 && commas > 0) decimalMark = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
  else if (dots === 1) decimalMark = '.';
  else if (commas === 1) {
    if (/^[1-9]\d{0,2},\d{3}$/.test(body))
      throw refuse(say.ambiguous(`${body.replace(',', '')}.00`, body.replace(',', '.')));
    decimalMark = ',';
  }
  if (decimalMark && count(decimalMark) > 1) throw refuse(say.severalDecimalMarks);
  const groupMarks = decimalMark === '.' ? ',' : decimalMark === ',' ? '.' : '.,';

  const [integerPart = '', fraction = ''] = decimalMark ? body.split(decimalMark) : [body];
  if (decimalMark && !/^\d+$/.test(fraction)) throw refuse(say.noDecimals);
  const groups = integerPart.split(new RegExp(`${SPACES}|[${groupMarks}]`));
  const [first = '', ...rest] = groups;
  const grouped = /^\d{1,3}$/.test(first) && rest.every((group) => /^\d{3}$/.test(group));
  if (rest.length > 0 ? !grouped : !/^\d*$/.test(first)) throw refuse(say.misplacedSeparator);
  if (first === '' && !decimalMark) throw refuse(say.noDigits);
  return toDecimal(sign, groups.join(''), fraction);
}

function parseCanonical(text: string, what: string, example: string): Decimal {
  const match = CANONICAL.exec(text.trim());
  if (!match)
    throw invalid(`Invalid ${what} '${text}': expected a decimal with a dot, e.g. "${example}".`, { value: text });
  return toDecimal(match[1] ?? '', match[2] ?? '', match[3] ?? '');
}

/**
 * Parses a decimal amount into minor units. Extra decimals are refused unless they are zeros,
 * because rounding here would silently change what someone typed. A refusal is worded in `lang`,
 * the language of the person who typed the amount.
 * @example toMinor('1250.00', 'CAD') // 125000n
 * @example toMinor('1 250,5', 'EUR') // 125050n
 */
export function toMinor(text: string, currency: CurrencyCode = 'CAD', lang: Lang = 'en'): bigint {
  const digits = minorDigits(currency);
  const { units, scale } = parseLocalized(text, lang);
  if (scale > digits) {
    const say = AMOUNT_WORDS[lang];
    throw invalid(say.invalid(text, say.tooManyDecimals(currency, digits)), { value: text, currency });
  }
  return units * POW10(digits - scale);
}

/**
 * The canonical decimal string of an amount, as used in JSON outputs.
 * @example fromMinor(125000n, 'CAD') // "1250.00"
 */
export function fromMinor(minor: bigint, currency: CurrencyCode = 'CAD'): string {
  const digits = minorDigits(currency);
  const sign = minor < 0n ? '-' : '';
  const abs = (minor < 0n ? -minor : minor).toString();
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * An amount for people to read, with the locale's separators and symbol.
 * Intl receives the exact decimal string (ES2023 Intl.NumberFormat v3, in Node 20), so large amounts
 * keep every digit. Spaces are those of Node's ICU: U+00A0 in fr-CA, U+202F (groups) in fr-FR.
 * @example formatMoney(125000n, 'CAD', 'fr-CA') // "1 250,00 $"
 */
export function formatMoney(minor: bigint, currency: CurrencyCode, locale: MoneyLocale): string {
  const key = `${locale}/${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = minorDigits(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  // TypeScript's ES2022 lib types format(number | bigint) only; the runtime accepts decimal strings.
  const format = formatter.format as unknown as (value: string) => string;
  return format(fromMinor(minor, currency));
}

/**
 * A decimal amount as a tool's output carries it ("2862.88"), written for a person in their language.
 * @example formatAmount('2862.88', 'CAD', 'fr') // "2 862,88 $"; 'en' → "$2,862.88"
 */
export function formatAmount(amount: string, currency: CurrencyCode, lang: 'fr' | 'en'): string {
  return formatMoney(toMinor(amount, currency), currency, lang === 'fr' ? 'fr-CA' : 'en-CA');
}

/** Divides and rounds half-up, away from zero for negatives (-0.5 → -1), as tax authorities expect. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

function rateRatio(rate: Rate): { numerator: bigint; denominator: bigint } {
  if (typeof rate === 'string') {
    const { units, scale } = parseCanonical(rate, 'rate', '0.09975');
    if (units < 0n) throw invalid(`Invalid rate '${rate}': a rate cannot be negative.`);
    return { numerator: units, denominator: POW10(scale) };
  }
  if (!Number.isSafeInteger(rate.basisPoints) || rate.basisPoints < 0) {
    throw invalid(`Invalid rate of ${rate.basisPoints} basis points: expected a whole, non-negative number.`);
  }
  return { numerator: BigInt(rate.basisPoints), denominator: 10_000n };
}

/**
 * An amount times a rate, rounded half-up to the minor unit.
 * @example mulRate(1000n, '0.09975') // 100n (99.75 cents)
 * @example mulRate(1010n, { basisPoints: 500 }) // 51n (50.5 cents)
 */
export function mulRate(minor: bigint, rate: Rate): bigint {
  const { numerator, denominator } = rateRatio(rate);
  return divideHalfUp(minor * numerator, denominator);
}

/**
 * An amount in one currency converted into another at `rate` (units of `to` for one unit of `from`),
 * rounded half-up to the minor unit of `to`, like taxes: 9 000.00 GBP at "1.8123" → 16 310.70 CAD.
 * Minor digits may differ (JPY has none, CAD two), so the exponent difference is applied exactly.
 * @example convertMinor(900000n, 'GBP', 'CAD', '1.8') // 1620000n
 */
export function convertMinor(minor: bigint, from: CurrencyCode, to: CurrencyCode, rate: Rate): bigint {
  const { numerator, denominator } = rateRatio(rate);
  const shift = minorDigits(to) - minorDigits(from);
  return shift >= 0
    ? divideHalfUp(minor * numerator * POW10(shift), denominator)
    : divideHalfUp(minor * numerator, denominator * POW10(-shift));
}

/** Quantities carry at most 4 decimals (e.g. 2.5 kg, 0.0125 h), like the `Quantity` schema. */
const QUANTITY_DECIMALS = 4;

/**
 * A unit price times a decimal quantity, rounded half-up to the minor unit.
 * @example mulQuantity(1999n, '2.5') // 4998n (49.975 → 49.98)
 */
export function mulQuantity(unitPriceMinor: bigint, quantity: string): bigint {
  const { units, scale } = parseCanonical(quantity, 'quantity', '2.5');
  if (scale > QUANTITY_DECIMALS)
    throw invalid(`Invalid quantity '${quantity}': at most ${QUANTITY_DECIMALS} decimals.`);
  return divideHalfUp(unitPriceMinor * units, POW10(scale));
}

/** The sum of amounts in the same currency. */
export function sum(values: readonly bigint[]): bigint {
  return values.reduce((total, value) => total + value, 0n);
}

const parses = (parse: () => unknown): boolean => {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
};

/**
 * A decimal amount as text at a tool boundary ("1250.00", "1 250,00", "1,250.00"); parse it with
 * `toMinor(text, currency)`, which also checks the decimals allowed by the document's currency.
 */
/**
 * The largest amount a field takes, in whole currency units: twelve digits. In minor units (at most
 * three decimals) that stays under 2^53, so an amount survives JSON numbers, and totals of many such
 * amounts stay far inside PostgreSQL's bigint; the door checks totals against MAX_AMOUNT_MINOR.
 */
const MAX_WHOLE_UNITS = 10n ** 12n;
/** The largest total the door accepts, in minor units: what JavaScript numbers hold exactly. */
export const MAX_AMOUNT_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

const decimalOf = (text: string): Decimal | undefined => {
  try {
    return parseLocalized(text, 'en');
  } catch {
    return undefined;
  }
};
const magnitude = (d: Decimal) => (d.units < 0n ? -d.units : d.units);

/**
 * A decimal amount as text at a tool boundary ("1250.00", "1 250,00", "1,250.00"); parse it with
 * `toMinor(text, currency)`, which also checks the decimals allowed by the document's currency.
 */
export const Money = z
  .string()
  .refine((text) => parses(() => parseLocalized(text, 'en')), {
    error: BOUNDARY_WORDS.en.money,
    params: { problem: 'money' },
  })
  .refine(
    (text) => {
      const d = decimalOf(text);
      return d === undefined || magnitude(d) < MAX_WHOLE_UNITS * POW10(d.scale);
    },
    { error: BOUNDARY_WORDS.en.tooLarge, params: { problem: 'tooLarge' } },
  )
  .describe('Decimal string in the document currency, e.g. "1250.00".');

/** An amount that cannot be below zero: unit prices of orders and invoices, payments. */
export const NonNegativeMoney = Money.refine((text) => (decimalOf(text)?.units ?? 0n) >= 0n, {
  error: BOUNDARY_WORDS.en.negative,
  params: { problem: 'negative' },
});

/** A positive decimal quantity with at most 4 decimals, e.g. "2.5". */
export const Quantity = z
  .string()
  .regex(QUANTITY_PATTERN, { error: BOUNDARY_WORDS.en.quantity })
  .refine((text) => /[1-9]/.test(text), { error: BOUNDARY_WORDS.en.zeroQuantity, params: { problem: 'zeroQuantity' } })
  .describe('Decimal string, e.g. "2.5".');

/** True for a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2025-02-29 no). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return year >= 1 && days !== undefined && day >= 1 && day <= days;
}

/** A calendar date as text, YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .refine(isIsoDate, { error: BOUNDARY_WORDS.en.date, params: { problem: 'date' } })
  .describe('Date as YYYY-MM-DD.');

/**
 * The kinds of dates a tool takes, each with the window a real one falls in, in years before and
 * after the day the request is read. Outside it a date is a typo (a payment dated 1900 or 2200), not
 * a fact, and is refused at the door instead of skewing aging, taxes and numbering. One table:
 * - document: the date of an order, invoice or bill, or of a delivery: books are kept 6 years (CRA)
 *   to 10 (France's Code de commerce); 20 leaves room for archives taken over, and one is dated at
 *   most a year ahead;
 * - payment: money paid or received, same past; a payment is recorded at most a year ahead;
 * - due: a due, expected or end date, or a schedule's start, may lie further ahead (10 years);
 * - report: the bounds of a report or an export, which may look back further (50 years).
 */
export const DATE_WINDOWS = {
  document: { yearsBack: 20, yearsAhead: 1 },
  payment: { yearsBack: 20, yearsAhead: 1 },
  due: { yearsBack: 10, yearsAhead: 10 },
  report: { yearsBack: 50, yearsAhead: 10 },
} as const;
export type DateKind = keyof typeof DATE_WINDOWS;

const DATE_KIND_WORDS: Record<Lang, Record<DateKind, string>> = {
  en: { document: 'A document date', payment: 'A payment date', due: 'A due or planned date', report: 'A report date' },
  fr: {
    document: 'La date d’un document',
    payment: 'La date d’un paiement',
    due: 'Une date d’échéance ou prévue',
    report: 'Une date de rapport',
  },
};
const DATE_WINDOW_WORDS: Record<Lang, (kind: DateKind, from: string, to: string) => string> = {
  en: (kind, from, to) => `${DATE_KIND_WORDS.en[kind]} must fall between ${from} and ${to}.`,
  fr: (kind, from, to) => `${DATE_KIND_WORDS.fr[kind]} doit tomber entre le ${from} et le ${to}.`,
};

/** The window of a kind of date around `today` (YYYY-MM-DD), as ISO dates; 29 February keeps to 28. */
export function dateWindow(kind: DateKind, today: string): { from: string; to: string } {
  const { yearsBack, yearsAhead } = DATE_WINDOWS[kind];
  const year = Number(today.slice(0, 4));
  const monthDay = today.slice(4) === '-02-29' ? '-02-28' : today.slice(4);
  const at = (y: number) => `${String(y).padStart(4, '0')}${monthDay}`;
  return { from: at(year - yearsBack), to: at(year + yearsAhead) };
}

/**
 * A date of a given kind: a real calendar date inside its window (DATE_WINDOWS) around the day the
 * request is read, by the server's clock (a schema cannot see a request's injected time, and a
 * window of years does not hinge on the day).
 */
export function DateOf(kind: DateKind) {
  return IsoDate.superRefine((value, ctx) => {
    if (!isIsoDate(value)) return;
    const { from, to } = dateWindow(kind, isoDate(new Date()));
    if (value >= from && value <= to) return;
    ctx.addIssue({
      code: 'custom',
      message: DATE_WINDOW_WORDS.en(kind, from, to),
      params: { problem: 'dateWindow', kind, from, to },
    });
  });
}

/**
 * A quantity as people write it: the database keeps 4 decimals ("10.0000"), people read "10".
 * @example canonicalQuantity('2.5000') // "2.5"
 */
export function canonicalQuantity(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** JSON.stringify's replacer for values holding cents: JSON has no bigint, so they leave as strings. */
export const bigintAsString = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : value;
