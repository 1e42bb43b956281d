// Money rules: parsing, canonical strings, display, and half-up rounding. Every expected value is
// written out so a reader can check it by hand.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../tools/errors.ts';
import {
  convertMinor,
  CurrencyCode,
  IsoDate,
  Money,
  Quantity,
  formatMoney,
  fromMinor,
  minorDigits,
  mulQuantity,
  mulRate,
  sum,
  toMinor,
} from '../../tools/money.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('minorDigits', () => {
  it.each([
    ['CAD', 2],
    ['EUR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('%s has %i decimals', (currency, digits) => {
    expect(minorDigits(currency)).toBe(digits);
  });

  it('refuses a code that is not 3 capital letters', () => {
    expect(() => minorDigits('cad')).toThrow(AppError);
  });
});

describe('toMinor', () => {
  it.each([
    { text: '1250.00', currency: 'CAD', minor: 125000n },
    { text: '1250', currency: 'CAD', minor: 125000n },
    { text: '1250.5', currency: 'CAD', minor: 125050n },
    { text: '-3.5', currency: 'CAD', minor: -350n },
    { text: '+7', currency: 'CAD', minor: 700n },
    { text: '0.01', currency: 'CAD', minor: 1n },
    { text: '.5', currency: 'CAD', minor: 50n },
    { text: '  42.10 ', currency: 'CAD', minor: 4210n },
    { text: '1 250,00', currency: 'CAD', minor: 125000n },
    { text: `1${NBSP}250,00`, currency: 'CAD', minor: 125000n },
    { text: `1${NNBSP}250,00`, currency: 'EUR', minor: 125000n },
    { text: '1 250 000,5', currency: 'EUR', minor: 125000050n },
    { text: '-1 250,75', currency: 'CAD', minor: -125075n },
    { text: '12,5', currency: 'EUR', minor: 1250n },
    { text: '1,250.00', currency: 'USD', minor: 125000n },
    { text: '1,250,000', currency: 'USD', minor: 125000000n },
    { text: '-1,250.75', currency: 'USD', minor: -125075n },
    { text: '1.250,00', currency: 'EUR', minor: 125000n },
    { text: '12.340', currency: 'CAD', minor: 1234n },
    { text: '1250.000', currency: 'CAD', minor: 125000n },
    { text: '1250', currency: 'JPY', minor: 1250n },
    { text: '1.250', currency: 'KWD', minor: 1250n },
    { text: '123456789012345678901.23', currency: 'CAD', minor: 12345678901234567890123n },
  ])('reads "$text" in $currency as $minor', ({ text, currency, minor }) => {
    expect(toMinor(text, currency)).toBe(minor);
  });

  it('defaults to CAD', () => {
    expect(toMinor('19.99')).toBe(1999n);
  });

  it.each([
    { text: '12.345', currency: 'CAD', why: 'CAD allows at most 2 decimals' },
    { text: '0,125', currency: 'EUR', why: 'EUR allows at most 2 decimals' },
    { text: '1250.5', currency: 'JPY', why: 'JPY allows at most 0 decimals' },
    { text: '1,250', currency: 'CAD', why: 'ambiguous' },
    { text: '', currency: 'CAD', why: 'expected a decimal number' },
    { text: 'abc', currency: 'CAD', why: 'expected a decimal number' },
    { text: '$12.00', currency: 'CAD', why: 'expected a decimal number' },
    { text: '12.00 €', currency: 'EUR', why: 'expected a decimal number' },
    { text: '1e5', currency: 'CAD', why: 'expected a decimal number' },
    { text: '--5', currency: 'CAD', why: 'expected a decimal number' },
    { text: '1250.', currency: 'CAD', why: 'expected digits after the decimal mark' },
    { text: '1.2.3', currency: 'CAD', why: 'misplaced thousands separator' },
    { text: '12 50', currency: 'CAD', why: 'misplaced thousands separator' },
    { text: '1,25,000', currency: 'CAD', why: 'misplaced thousands separator' },
    { text: '1,250.00.5', currency: 'CAD', why: 'more than one decimal mark' },
  ])('refuses "$text" in $currency ($why)', ({ text, currency, why }) => {
    const error = captureError(() => toMinor(text, currency));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'invalid' });
    expect((error as AppError).message).toContain('Invalid money amount');
    expect((error as AppError).message).toContain(why);
  });

  it.each([
    { text: '12.345', currency: 'CAD', message: 'Montant invalide « 12.345 » : le CAD admet au plus 2 décimales.' },
    { text: '1250.5', currency: 'JPY', message: 'Montant invalide « 1250.5 » : le JPY n’a pas de décimales.' },
    {
      text: '1,250',
      currency: 'CAD',
      message: 'Montant invalide « 1,250 » : ambigu : milliers ou décimales ? Écrivez "1250.00" ou "1.250".',
    },
    {
      text: '12 €',
      currency: 'EUR',
      message: 'Montant invalide « 12 € » : un nombre décimal est attendu, p. ex. "1250.00", "1 250,00" ou "1,250.00".',
    },
    { text: '12,3,4', currency: 'CAD', message: 'Montant invalide « 12,3,4 » : séparateur de milliers mal placé.' },
    { text: '1,250.00.5', currency: 'CAD', message: 'Montant invalide « 1,250.00.5 » : plus d’un séparateur décimal.' },
    {
      text: '1250,',
      currency: 'CAD',
      message: 'Montant invalide « 1250, » : des chiffres sont attendus après le séparateur décimal.',
    },
  ])('refuses "$text" in $currency in French for a French reader', ({ text, currency, message }) => {
    const error = captureError(() => toMinor(text, currency, 'fr'));
    expect(error).toMatchObject({ code: 'invalid', message, details: expect.objectContaining({ value: text }) });
  });
});

describe('fromMinor', () => {
  it.each([
    { minor: 125000n, currency: 'CAD', text: '1250.00' },
    { minor: 5n, currency: 'CAD', text: '0.05' },
    { minor: 0n, currency: 'EUR', text: '0.00' },
    { minor: -350n, currency: 'CAD', text: '-3.50' },
    { minor: -5n, currency: 'USD', text: '-0.05' },
    { minor: 1250n, currency: 'JPY', text: '1250' },
    { minor: -1n, currency: 'KWD', text: '-0.001' },
    { minor: 12345678901234567890123n, currency: 'CAD', text: '123456789012345678901.23' },
  ])('writes $minor $currency as "$text"', ({ minor, currency, text }) => {
    expect(fromMinor(minor, currency)).toBe(text);
  });
});

describe('formatMoney', () => {
  // Node's ICU: fr-CA groups with U+00A0; fr-FR groups with U+202F and puts U+00A0 before the symbol.
  it.each([
    { minor: 125000n, currency: 'CAD', locale: 'fr-CA', text: `1${NBSP}250,00${NBSP}$` },
    { minor: 125000n, currency: 'CAD', locale: 'en-CA', text: '$1,250.00' },
    { minor: 125000n, currency: 'EUR', locale: 'fr-FR', text: `1${NNBSP}250,00${NBSP}€` },
    { minor: 125000n, currency: 'USD', locale: 'en-US', text: '$1,250.00' },
    { minor: 125000n, currency: 'CAD', locale: 'en-US', text: 'CA$1,250.00' },
    { minor: 125000n, currency: 'USD', locale: 'en-CA', text: 'US$1,250.00' },
    { minor: 125000n, currency: 'USD', locale: 'fr-CA', text: `1${NBSP}250,00${NBSP}$${NBSP}US` },
    { minor: -125075n, currency: 'CAD', locale: 'fr-CA', text: `-1${NBSP}250,75${NBSP}$` },
    { minor: -125075n, currency: 'CAD', locale: 'en-CA', text: '-$1,250.75' },
    { minor: 5n, currency: 'EUR', locale: 'fr-FR', text: `0,05${NBSP}€` },
    { minor: 1250n, currency: 'JPY', locale: 'en-US', text: '¥1,250' },
    {
      minor: 12345678901234567890123n,
      currency: 'CAD',
      locale: 'en-CA',
      text: '$123,456,789,012,345,678,901.23',
    },
  ] as const)('formats $minor $currency in $locale', ({ minor, currency, locale, text }) => {
    expect(formatMoney(minor, currency, locale)).toBe(text);
  });
});

describe('mulRate', () => {
  it.each([
    { minor: 1000n, rate: '0.09975', result: 100n, note: '99.75 → 100' },
    { minor: 1001n, rate: '0.05', result: 50n, note: '50.05 → 50' },
    { minor: 1010n, rate: '0.05', result: 51n, note: '50.5 → 51 (half-up)' },
    { minor: 1009n, rate: '0.05', result: 50n, note: '50.45 → 50' },
    { minor: 2000n, rate: '0.09975', result: 200n, note: '199.5 → 200' },
    { minor: 123456n, rate: '0.09975', result: 12315n, note: '12314.736 → 12315' },
    { minor: 50n, rate: '0.13', result: 7n, note: '6.5 → 7' },
    { minor: 0n, rate: '0.15', result: 0n, note: '0' },
    { minor: 10000n, rate: '0', result: 0n, note: 'zero rate' },
    { minor: 10000n, rate: '1', result: 10000n, note: 'rate of one' },
    { minor: -1010n, rate: '0.05', result: -51n, note: '-50.5 → -51 (away from zero)' },
    { minor: -1009n, rate: '0.05', result: -50n, note: '-50.45 → -50' },
    { minor: -10n, rate: '0.05', result: -1n, note: '-0.5 → -1' },
    { minor: -2000n, rate: '0.09975', result: -200n, note: '-199.5 → -200' },
  ])('$minor × $rate = $result ($note)', ({ minor, rate, result }) => {
    expect(mulRate(minor, rate)).toBe(result);
  });

  it.each([
    { minor: 1010n, basisPoints: 500, result: 51n },
    { minor: 10000n, basisPoints: 1300, result: 1300n },
    { minor: 333n, basisPoints: 1, result: 0n },
  ])('$minor × $basisPoints basis points = $result', ({ minor, basisPoints, result }) => {
    expect(mulRate(minor, { basisPoints })).toBe(result);
  });

  it.each(['-0.05', '5%', '0,05', 'abc'])('refuses the rate "%s"', (rate) => {
    expect(() => mulRate(100n, rate)).toThrow(AppError);
  });

  it('refuses fractional basis points', () => {
    expect(() => mulRate(100n, { basisPoints: 997.5 })).toThrow(AppError);
  });
});

describe('mulQuantity', () => {
  it.each([
    { unit: 1999n, quantity: '2', result: 3998n, note: '19.99 × 2' },
    { unit: 1999n, quantity: '2.5', result: 4998n, note: '49.975 → 49.98' },
    { unit: 1000n, quantity: '0.0125', result: 13n, note: '12.5 → 13' },
    { unit: 3333n, quantity: '0.3333', result: 1111n, note: '1110.8889 → 1111' },
    { unit: 1n, quantity: '0.5', result: 1n, note: '0.5 → 1' },
    { unit: 1n, quantity: '0.4999', result: 0n, note: '0.4999 → 0' },
    { unit: -1n, quantity: '0.5', result: -1n, note: '-0.5 → -1' },
    { unit: 1250n, quantity: '1.50000', result: 1875n, note: 'trailing zeros are not extra decimals' },
  ])('$unit × $quantity = $result ($note)', ({ unit, quantity, result }) => {
    expect(mulQuantity(unit, quantity)).toBe(result);
  });

  it.each(['2.12345', '2,5', 'two', ''])('refuses the quantity "%s"', (quantity) => {
    expect(() => mulQuantity(100n, quantity)).toThrow(AppError);
  });
});

describe('sum', () => {
  it.each([
    { values: [], total: 0n },
    { values: [100n, 250n, -50n], total: 300n },
  ])('adds $values to $total', ({ values, total }) => {
    expect(sum(values)).toBe(total);
  });
});

describe('boundary schemas', () => {
  it.each([
    ['1250.00', true],
    ['1 250,00', true],
    ['-3.5', true],
    ['1,250', false],
    ['12 €', false],
    ['', false],
  ])('Money accepts "%s": %s', (text, ok) => {
    expect(Money.safeParse(text).success).toBe(ok);
  });

  it.each([
    ['2.5', true],
    ['1', true],
    ['0.0001', true],
    ['0', false],
    ['0.0000', false],
    ['-1', false],
    ['2.12345', false],
    ['2,5', false],
  ])('Quantity accepts "%s": %s', (text, ok) => {
    expect(Quantity.safeParse(text).success).toBe(ok);
  });

  it.each([
    ['2025-04-01', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-4-1', false],
    ['2025-04-01T00:00:00Z', false],
  ])('IsoDate accepts "%s": %s', (text, ok) => {
    expect(IsoDate.safeParse(text).success).toBe(ok);
  });

  it.each([
    ['CAD', true],
    ['XAF', true],
    ['cad', false],
    ['CA', false],
  ])('CurrencyCode accepts "%s": %s', (text, ok) => {
    expect(CurrencyCode.safeParse(text).success).toBe(ok);
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('convertMinor', () => {
  it.each([
    [900000n, 'GBP', 'CAD', '1.8', 1620000n],
    [900000n, 'GBP', 'CAD', '1.81235', 1631115n], // 16 311.15 exactly
    [1001n, 'USD', 'CAD', '1.365', 1366n], // 13.66365 → 13.66
    [1001n, 'USD', 'CAD', '1.3655', 1367n], // 13.668655 → 13.67
    [5n, 'USD', 'CAD', '0.1', 1n], // 0.005 → half-up 0.01
    [10000n, 'JPY', 'CAD', '0.0091', 9100n], // ¥10 000 → 91.00 CAD (JPY has no decimals)
    [10000n, 'CAD', 'JPY', '110', 11000n], // 100.00 CAD → ¥11 000
    [-900000n, 'GBP', 'CAD', '1.8', -1620000n],
  ] as const)('%s %s → %s at %s', (minor, from, to, rate, expected) => {
    expect(convertMinor(minor, from, to, rate)).toBe(expected);
  });
});
