// Sales tax of a document, Canada and France. Each row is a case worked out by hand: the expected
// taxes are written out, never recomputed with the formula under test.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../tools/errors.ts';
import { fromMinor } from '../../../tools/money.ts';
import { computeTax, ratesInForce, type TaxBreakdown, type TaxLine } from '../../../tools/tax/index.ts';

const NBSP = '\u00a0';

/** Components as { code: amount } in decimal strings, the way a reader checks an invoice. */
const taxes = (breakdown: TaxBreakdown): Record<string, string> =>
  Object.fromEntries(breakdown.components.map((component) => [component.code, fromMinor(component.amount)]));

const onOneLine = (region: string, on: string, amount: bigint): TaxBreakdown =>
  computeTax({ country: 'CA', region, on, currency: 'CAD', lines: [{ amount }] });

describe('Canada: every province and territory around the NS change of 2025-04-01', () => {
  // 100.00: GST 5.00; PST BC 7.00, SK 6.00; RST MB 7.00; HST ON 13.00, NB/NL/PE 15.00, NS 15.00 then 14.00;
  // QST 100.00 × 9.975 % = 9.975 → 9.98 (on the pre-GST price).
  // 1234.56: × 5 % = 61.728 → 61.73; × 6 % = 74.0736 → 74.07; × 7 % = 86.4192 → 86.42;
  // × 13 % = 160.4928 → 160.49; × 14 % = 172.8384 → 172.84; × 15 % = 185.184 → 185.18;
  // × 9.975 % = 123.14736 → 123.15.
  it.each([
    { region: 'AB', on: '2025-03-31', subtotal: 10000n, expected: { GST: '5.00' }, total: '105.00' },
    { region: 'AB', on: '2025-04-01', subtotal: 10000n, expected: { GST: '5.00' }, total: '105.00' },
    { region: 'AB', on: '2025-03-31', subtotal: 123456n, expected: { GST: '61.73' }, total: '1296.29' },
    { region: 'AB', on: '2025-04-01', subtotal: 123456n, expected: { GST: '61.73' }, total: '1296.29' },
    { region: 'BC', on: '2025-03-31', subtotal: 10000n, expected: { GST: '5.00', PST: '7.00' }, total: '112.00' },
    { region: 'BC', on: '2025-04-01', subtotal: 10000n, expected: { GST: '5.00', PST: '7.00' }, total: '112.00' },
    { region: 'BC', on: '2025-03-31', subtotal: 123456n, expected: { GST: '61.73', PST: '86.42' }, total: '1382.71' },
    { region: 'BC', on: '2025-04-01', subtotal: 123456n, expected: { GST: '61.73', PST: '86.42' }, total: '1382.71' },
    { region: 'MB', on: '2025-03-31', subtotal: 10000n, expected: { GST: '5.00', RST: '7.00' }, total: '112.00' },
    { region: 'MB', on: '2025-04-01', subtotal: 10000n, expected: { GST: '5.00', RST: '7.00' }, total: '112.00' },
    { region: 'MB', on: '2025-03-31', subtotal: 123456n, expected: { GST: '61.73', RST: '86.42' }, total: '1382.71' },
    { region: 'MB', on: '2025-04-01', subtotal: 123456n, expected: { GST: '61.73', RST: '86.42' }, total: '1382.71' },
    { region: 'NB', on: '2025-03-31', subtotal: 10000n, expected: { HST: '15.00' }, total: '115.00' },
    { region: 'NB', on: '2025-04-01', subtotal: 10000n, expected: { HST: '15.00' }, total: '115.00' },
    { region: 'NB', on: '2025-03-31', subtotal: 123456n, expected: { HST: '185.18' }, total: '1419.74' },
    { region: 'NB', on: '2025-04-01', subtotal: 123456n, expected: { HST: '185.18' }, total: '1419.74' },
    { region: 'NL', on: '2025-03-31', subtotal: 10000n, expected: { HST: '15.00' }, total: '115.00' },
    { region: 'NL', on: '2025-04-01', subtotal: 10000n, expected: { HST: '15.00' }, total: '115.00' },
    { region: 'NL', on: '2025-03-31', subtotal: 123456n, expected: { HST: '185.18' }, total: '1419.74' },
    { region: 'NL', on: '2025-04-01', subtotal: 123456n, expected: { HST: '185.18' }, total: '1419.74' },
    { region: 'NS', on: '2025-03-31', subtotal: 10000n, expected: { HST: '15.00' }, total: '115.00' },
    { region: 'NS', on: '2025-04-01', subtotal: 10000n, expected: { HST: '14.00' }, total: '114.00' },
    { region: 'NS', on: '2025-03-31', subtotal: 123456n, expected: { HST: '185.18' }, total: '1419.74' },
    { region: 'NS', on: '2025-04-01', subtotal: 123456n, expected: { HST: '172.84' }, total: '1407.40' },
    { region: 'NT', on: '2025-03-31', subtotal: 10000n, expected: { GST: '5.00' }, total: '105.00' },
    { region: 'NT', on: '2025-04-01', subtotal: 10000n, expected: { GST: '5.00' }, total: '105.00' },
    { region: 'NT', on: '2025-03-31', subtotal: 123456n, expected: { GST: '61.73' }, total: '1296.29' },
    { region: 'NT', on: '2025-04-01', subtotal: 123456n, expected: { GST: '61.73' }, total: '1296.29' },
    { region: 'NU', on: '2025-03-31', subtotal: 10000n, expected: { GST: '5.00' }, total: '105.00' },
    { region: 'NU', on: '2025-04-01', subtotal: 10000n, expected: { GST: '5.00' }, total: '105.00' },
    { region: 'NU', on: '2025-03-31', subtotal: 123456n, expected: { GST: '61.73' }, total: '1296.29' },
    { region: 'NU', on: '2025-04-01', subtotal: 123456n, expected: { GST: '61.73' }, total: '1296.29' },
    { region: 'ON', on: '2025-03-31', subtotal: 10000n, expected: { HST: '13.00' }, total: '113.00' },
    { region: 'ON', on: '2025-04-01', subtotal: 10000n, expected: { HST: '13.00' }, total: '113.00' },
    { region: 'ON', on: '2025-03-31', subtotal: 123456n, expected: { HST: '160.49' }, total: '1395.05' },
    { region: 'ON', on: '2025-04-01', subtotal: 123456n, expected: { HST: '160.49' }, total: '1395.05' },
    { region: 'PE', on: '2025-03-31', subtotal: 10000n, expected: { HST: '15.00' }, total: '115.00' },
    { region: 'PE', on: '2025-04-01', subtotal: 10000n, expected: { HST: '15.00' }, total: '115.00' },
    { region: 'PE', on: '2025-03-31', subtotal: 123456n, expected: { HST: '185.18' }, total: '1419.74' },
    { region: 'PE', on: '2025-04-01', subtotal: 123456n, expected: { HST: '185.18' }, total: '1419.74' },
    { region: 'QC', on: '2025-03-31', subtotal: 10000n, expected: { GST: '5.00', QST: '9.98' }, total: '114.98' },
    { region: 'QC', on: '2025-04-01', subtotal: 10000n, expected: { GST: '5.00', QST: '9.98' }, total: '114.98' },
    { region: 'QC', on: '2025-03-31', subtotal: 123456n, expected: { GST: '61.73', QST: '123.15' }, total: '1419.44' },
    { region: 'QC', on: '2025-04-01', subtotal: 123456n, expected: { GST: '61.73', QST: '123.15' }, total: '1419.44' },
    { region: 'SK', on: '2025-03-31', subtotal: 10000n, expected: { GST: '5.00', PST: '6.00' }, total: '111.00' },
    { region: 'SK', on: '2025-04-01', subtotal: 10000n, expected: { GST: '5.00', PST: '6.00' }, total: '111.00' },
    { region: 'SK', on: '2025-03-31', subtotal: 123456n, expected: { GST: '61.73', PST: '74.07' }, total: '1370.36' },
    { region: 'SK', on: '2025-04-01', subtotal: 123456n, expected: { GST: '61.73', PST: '74.07' }, total: '1370.36' },
    { region: 'YT', on: '2025-03-31', subtotal: 10000n, expected: { GST: '5.00' }, total: '105.00' },
    { region: 'YT', on: '2025-04-01', subtotal: 10000n, expected: { GST: '5.00' }, total: '105.00' },
    { region: 'YT', on: '2025-03-31', subtotal: 123456n, expected: { GST: '61.73' }, total: '1296.29' },
    { region: 'YT', on: '2025-04-01', subtotal: 123456n, expected: { GST: '61.73' }, total: '1296.29' },
  ])('$region on $on: $subtotal cents → $expected', ({ region, on, subtotal, expected, total }) => {
    const breakdown = onOneLine(region, on, subtotal);
    expect(taxes(breakdown)).toEqual(expected);
    expect(fromMinor(breakdown.total)).toBe(total);
    expect(breakdown.subtotal).toBe(subtotal);
  });

  it('lists GST before the provincial tax, with exact rates and the taxable base', () => {
    const breakdown = onOneLine('QC', '2025-04-01', 123456n);
    expect(breakdown.components.map(({ code, rate, base }) => ({ code, rate, base }))).toEqual([
      { code: 'GST', rate: '0.05', base: 123456n },
      { code: 'QST', rate: '0.09975', base: 123456n },
    ]);
    expect(breakdown.totalTax).toBe(18488n);
  });

  it('accepts a lower-case province code', () => {
    expect(taxes(onOneLine('ns', '2025-04-01', 10000n))).toEqual({ HST: '14.00' });
  });
});

describe('Canada: rates in force on earlier dates', () => {
  it.each([
    { region: 'ON', on: '2010-06-30', expected: { GST: '5.00', RST: '8.00' }, note: 'Ontario RST before HST' },
    { region: 'ON', on: '2010-07-01', expected: { HST: '13.00' }, note: 'Ontario HST begins' },
    { region: 'BC', on: '2010-07-01', expected: { HST: '12.00' }, note: 'B.C. HST begins' },
    { region: 'BC', on: '2013-03-31', expected: { HST: '12.00' }, note: 'last day of B.C. HST' },
    { region: 'BC', on: '2013-04-01', expected: { GST: '5.00', PST: '7.00' }, note: 'B.C. PST is back' },
    { region: 'NB', on: '2016-06-30', expected: { HST: '13.00' }, note: 'NB before its increase' },
    { region: 'NB', on: '2016-07-01', expected: { HST: '15.00' }, note: 'NB 15 %' },
    { region: 'NL', on: '2016-07-01', expected: { HST: '15.00' }, note: 'NL 15 %' },
    { region: 'PE', on: '2016-09-30', expected: { HST: '14.00' }, note: 'PE before its increase' },
    { region: 'PE', on: '2016-10-01', expected: { HST: '15.00' }, note: 'PE 15 %' },
    { region: 'NS', on: '2010-06-30', expected: { HST: '13.00' }, note: 'NS before 15 %' },
    { region: 'SK', on: '2017-03-22', expected: { GST: '5.00', PST: '5.00' }, note: 'SK before its increase' },
    { region: 'SK', on: '2017-03-23', expected: { GST: '5.00', PST: '6.00' }, note: 'SK 6 %' },
    { region: 'MB', on: '2019-06-30', expected: { GST: '5.00', RST: '8.00' }, note: 'MB 8 %' },
    { region: 'MB', on: '2019-07-01', expected: { GST: '5.00', RST: '7.00' }, note: 'MB back to 7 %' },
    { region: 'QC', on: '2013-01-01', expected: { GST: '5.00', QST: '9.98' }, note: 'QST on the pre-GST price' },
    { region: 'AB', on: '2008-01-01', expected: { GST: '5.00' }, note: 'GST 5 % begins' },
  ])('$region on $on on 100.00 ($note)', ({ region, on, expected }) => {
    expect(taxes(onOneLine(region, on, 10000n))).toEqual(expected);
  });
});

describe('Canada: rounding once per component per document', () => {
  it.each([
    { region: 'AB', lines: [1010n], expected: { GST: '0.51' }, note: '50.5 cents rounds up' },
    { region: 'AB', lines: [1009n], expected: { GST: '0.50' }, note: '50.45 cents rounds down' },
    { region: 'QC', lines: [2000n], expected: { GST: '1.00', QST: '2.00' }, note: 'QST 199.5 cents rounds up' },
    { region: 'QC', lines: [1010n], expected: { GST: '0.51', QST: '1.01' }, note: 'QST 100.7475 cents → 101' },
    { region: 'ON', lines: [50n], expected: { HST: '0.07' }, note: 'HST 6.5 cents rounds up' },
    {
      region: 'ON',
      lines: [10n, 10n, 10n],
      expected: { HST: '0.04' },
      note: 'base 0.30 × 13 % = 3.9 cents → 4, where rounding each line would give 1 + 1 + 1 = 3',
    },
    {
      region: 'QC',
      lines: [1010n, 1010n],
      expected: { GST: '1.01', QST: '2.01' },
      note: 'base 20.20: GST 101 cents, QST 201.495 → 201 (per line: 51 + 51 and 101 + 101)',
    },
    { region: 'AB', lines: [-1010n], expected: { GST: '-0.51' }, note: 'a credit rounds away from zero' },
    {
      region: 'QC',
      lines: [10000n, -2000n],
      expected: { GST: '4.00', QST: '7.98' },
      note: 'a discount line lowers the base to 80.00; QST 7.98',
    },
  ])('$region $lines: $note', ({ region, lines, expected }) => {
    const breakdown = computeTax({
      country: 'CA',
      region,
      on: '2025-04-01',
      currency: 'CAD',
      lines: lines.map((amount) => ({ amount })),
    });
    expect(taxes(breakdown)).toEqual(expected);
  });
});

describe('Canada: exempt and zero-rated lines', () => {
  it('taxes only the taxable lines and reports the others apart', () => {
    const lines: TaxLine[] = [
      { amount: 10000n },
      { amount: 5000n, treatment: 'exempt' },
      { amount: 2000n, treatment: 'zero_rated' },
      { amount: 2345n, treatment: 'taxable' },
    ];
    const breakdown = computeTax({ country: 'CA', region: 'QC', on: '2025-04-01', currency: 'CAD', lines });
    // Taxable base 100.00 + 23.45 = 123.45: GST 6.1725 → 6.17; QST 12.3141375 → 12.31.
    expect(breakdown.components.map(({ code, base, amount }) => ({ code, base, amount }))).toEqual([
      { code: 'GST', base: 12345n, amount: 617n },
      { code: 'QST', base: 12345n, amount: 1231n },
    ]);
    expect(breakdown).toMatchObject({
      subtotal: 19345n,
      exemptSubtotal: 5000n,
      zeroRatedSubtotal: 2000n,
      totalTax: 1848n,
      total: 21193n,
    });
  });

  it('lists no component when nothing is taxable', () => {
    const breakdown = computeTax({
      country: 'CA',
      region: 'NS',
      on: '2025-04-01',
      currency: 'CAD',
      lines: [
        { amount: 4000n, treatment: 'zero_rated' },
        { amount: 6000n, treatment: 'exempt' },
      ],
    });
    expect(breakdown).toEqual({
      currency: 'CAD',
      subtotal: 10000n,
      exemptSubtotal: 6000n,
      zeroRatedSubtotal: 4000n,
      components: [],
      totalTax: 0n,
      total: 10000n,
    });
  });

  it('ignores a French VAT class on a Canadian line', () => {
    const breakdown = computeTax({
      country: 'CA',
      region: 'ON',
      on: '2025-04-01',
      currency: 'CAD',
      lines: [{ amount: 10000n, frRate: 'reduced' }],
    });
    expect(taxes(breakdown)).toEqual({ HST: '13.00' });
  });
});

describe('France: VAT classes', () => {
  it.each([
    { frRate: 'normal', expected: '20.00', rate: '0.20' },
    { frRate: 'intermediate', expected: '10.00', rate: '0.10' },
    { frRate: 'reduced', expected: '5.50', rate: '0.055' },
    { frRate: 'special', expected: '2.10', rate: '0.021' },
  ] as const)('$frRate on 100.00 € is $expected €', ({ frRate, expected, rate }) => {
    const breakdown = computeTax({
      country: 'FR',
      on: '2025-04-01',
      currency: 'EUR',
      lines: [{ amount: 10000n, frRate }],
    });
    expect(breakdown.components).toHaveLength(1);
    expect(breakdown.components[0]).toMatchObject({ code: 'TVA', rate, base: 10000n });
    expect(fromMinor(breakdown.totalTax, 'EUR')).toBe(expected);
  });

  it('defaults a line to the normal rate', () => {
    const breakdown = computeTax({ country: 'FR', on: '2025-04-01', currency: 'EUR', lines: [{ amount: 123456n }] });
    // 1234.56 × 20 % = 246.912 → 246.91
    expect(breakdown.components.map(({ rate, amount }) => ({ rate, amount }))).toEqual([
      { rate: '0.20', amount: 24691n },
    ]);
  });

  it('computes one component per class used on a mixed invoice', () => {
    const breakdown = computeTax({
      country: 'FR',
      on: '2025-04-01',
      currency: 'EUR',
      lang: 'en',
      lines: [
        { amount: 33333n, frRate: 'reduced' },
        { amount: 100000n, frRate: 'normal' },
        { amount: 8000n, frRate: 'intermediate' },
        { amount: 23456n },
        { amount: 1000n, frRate: 'special' },
        { amount: 5000n, treatment: 'exempt' },
        { amount: 7000n, treatment: 'zero_rated', frRate: 'normal' },
      ],
    });
    // normal: 1000.00 + 234.56 = 1234.56 × 20 % = 246.912 → 246.91
    // intermediate: 80.00 × 10 % = 8.00; reduced: 333.33 × 5.5 % = 18.33315 → 18.33; special: 10.00 × 2.1 % = 0.21
    expect(breakdown.components.map(({ label, base, amount }) => ({ label, base, amount }))).toEqual([
      { label: 'VAT 20%', base: 123456n, amount: 24691n },
      { label: 'VAT 10%', base: 8000n, amount: 800n },
      { label: 'VAT 5.5%', base: 33333n, amount: 1833n },
      { label: 'VAT 2.1%', base: 1000n, amount: 21n },
    ]);
    // 1234.56 + 80.00 + 333.33 + 10.00 + 50.00 + 70.00 = 1777.89; tax 246.91 + 8.00 + 18.33 + 0.21 = 273.45
    expect(breakdown).toMatchObject({
      subtotal: 177789n,
      exemptSubtotal: 5000n,
      zeroRatedSubtotal: 7000n,
      totalTax: 27345n,
      total: 205134n,
    });
  });
});

describe('labels', () => {
  it.each([
    { country: 'CA', region: 'QC', lang: 'fr', labels: ['TPS', 'TVQ'] },
    { country: 'CA', region: 'QC', lang: 'en', labels: ['GST', 'QST'] },
    { country: 'CA', region: 'ON', lang: 'fr', labels: ['TVH'] },
    { country: 'CA', region: 'ON', lang: 'en', labels: ['HST'] },
    { country: 'CA', region: 'BC', lang: 'fr', labels: ['TPS', 'TVP'] },
    { country: 'CA', region: 'BC', lang: 'en', labels: ['GST', 'PST'] },
    { country: 'CA', region: 'SK', lang: 'fr', labels: ['TPS', 'TVP'] },
    { country: 'CA', region: 'MB', lang: 'fr', labels: ['TPS', 'TVD'] },
    { country: 'CA', region: 'MB', lang: 'en', labels: ['GST', 'RST'] },
    { country: 'FR', region: undefined, lang: 'fr', labels: [`TVA 20${NBSP}%`] },
    { country: 'FR', region: undefined, lang: 'en', labels: ['VAT 20%'] },
  ] as const)('$country $region in $lang: $labels', ({ country, region, lang, labels }) => {
    const breakdown = computeTax({
      country,
      region,
      on: '2025-04-01',
      currency: 'CAD',
      lang,
      lines: [{ amount: 10000n }],
    });
    expect(breakdown.components.map((component) => component.label)).toEqual(labels);
  });

  it('labels in French by default and always carries both languages', () => {
    const breakdown = onOneLine('QC', '2025-04-01', 10000n);
    expect(breakdown.components.map(({ label, labels }) => ({ label, labels }))).toEqual([
      { label: 'TPS', labels: { fr: 'TPS', en: 'GST' } },
      { label: 'TVQ', labels: { fr: 'TVQ', en: 'QST' } },
    ]);
  });

  it('writes the French reduced rate with a decimal comma', () => {
    const breakdown = computeTax({
      country: 'FR',
      on: '2025-04-01',
      currency: 'EUR',
      lines: [{ amount: 100n, frRate: 'reduced' }],
    });
    expect(breakdown.components[0]?.labels).toEqual({ fr: `TVA 5,5${NBSP}%`, en: 'VAT 5.5%' });
  });
});

describe('ratesInForce', () => {
  it.each([
    {
      country: 'CA',
      region: 'QC',
      on: '2025-04-01',
      rates: [
        ['GST', '0.05'],
        ['QST', '0.09975'],
      ],
    },
    { country: 'CA', region: 'NS', on: '2025-03-31', rates: [['HST', '0.15']] },
    { country: 'CA', region: 'NS', on: '2025-04-01', rates: [['HST', '0.14']] },
    { country: 'CA', region: 'YT', on: '2025-04-01', rates: [['GST', '0.05']] },
    {
      country: 'FR',
      region: undefined,
      on: '2014-01-01',
      rates: [
        ['TVA', '0.20'],
        ['TVA', '0.10'],
        ['TVA', '0.055'],
        ['TVA', '0.021'],
      ],
    },
  ] as const)('$country $region on $on', ({ country, region, on, rates }) => {
    expect(ratesInForce(country, region, on).map((rate) => [rate.component, rate.rate])).toEqual(rates);
  });

  it('gives the source of each rate', () => {
    const [hst] = ratesInForce('CA', 'NS', '2025-04-01');
    expect(hst).toMatchObject({ jurisdiction: 'CA-NS', from: '2025-04-01' });
    expect(hst?.until).toBeUndefined();
    expect(hst?.source).toContain('14 % from 2025-04-01');
  });
});

describe('refusals', () => {
  it.each([
    { input: { country: 'CA', region: 'XX', on: '2025-04-01' }, message: "Unknown province or territory 'XX'" },
    { input: { country: 'CA', region: 'PQ', on: '2025-04-01' }, message: "Unknown province or territory 'PQ'" },
    { input: { country: 'CA', region: undefined, on: '2025-04-01' }, message: 'province of the place of supply' },
    {
      input: { country: 'CA', region: 'AB', on: '2007-12-31' },
      message: "No GST rate known on 2007-12-31: Comptoir's table for Canada starts on 2008-01-01",
    },
    {
      input: { country: 'CA', region: 'ON', on: '2007-12-31' },
      message: 'No sales tax rate known for ON on 2007-12-31',
    },
    {
      input: { country: 'CA', region: 'QC', on: '2012-12-31' },
      message: "No sales tax rate known for QC on 2012-12-31: Comptoir's table covers QC from 2013-01-01",
    },
    { input: { country: 'CA', region: 'PE', on: '2013-03-31' }, message: 'covers PE from 2013-04-01' },
    {
      input: { country: 'FR', region: undefined, on: '2013-12-31' },
      message: "No French VAT rate known on 2013-12-31: Comptoir's table for France starts on 2014-01-01",
    },
    { input: { country: 'FR', region: 'COR', on: '2025-04-01' }, message: 'omit region for mainland France' },
    { input: { country: 'CA', region: 'QC', on: '2025-02-29' }, message: "Invalid date '2025-02-29'" },
    { input: { country: 'CA', region: 'QC', on: '01/04/2025' }, message: "Invalid date '01/04/2025'" },
    { input: { country: 'US', region: 'NY', on: '2025-04-01' }, message: "Unsupported country 'US'" },
  ])('$input.country $input.region on $input.on: $message', ({ input, message }) => {
    const run = () =>
      computeTax({
        ...(input as { country: 'CA'; region?: string; on: string }),
        currency: 'CAD',
        lines: [{ amount: 10000n }],
      });
    expect(run).toThrow(AppError);
    expect(run).toThrow(message);
    expect(() => ratesInForce(input.country as 'CA', input.region, input.on)).toThrow(message);
  });

  it.each([
    { line: { amount: 100n, treatment: 'reverse_charge' }, message: "Line 1: unknown treatment 'reverse_charge'" },
    { line: { amount: 100n, frRate: 'super_reduced' }, message: "Line 1: unknown French VAT class 'super_reduced'" },
  ])('refuses $line', ({ line, message }) => {
    const run = () => computeTax({ country: 'FR', on: '2025-04-01', currency: 'EUR', lines: [line as TaxLine] });
    expect(run).toThrow(message);
  });

  it('refuses an invalid currency code', () => {
    expect(() => computeTax({ country: 'CA', region: 'QC', on: '2025-04-01', currency: 'cad', lines: [] })).toThrow(
      AppError,
    );
  });
});

describe('refusals in the language of the person asking', () => {
  it.each([
    {
      input: { country: 'CA', region: 'XX', on: '2025-04-01' },
      message:
        "Province ou territoire inconnu « XX ». Utilisez l'un de AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, QC, SK, YT : la province du lieu de fourniture.",
    },
    {
      input: { country: 'CA', region: undefined, on: '2025-04-01' },
      message:
        'Une vente au Canada exige la province du lieu de fourniture (celle de l\'acheteur ou de la livraison), p. ex. "QC".',
    },
    {
      input: { country: 'CA', region: 'AB', on: '2007-12-31' },
      message: 'Aucun taux de TPS connu le 2007-12-31 : la table de Comptoir pour le Canada commence le 2008-01-01.',
    },
    {
      input: { country: 'CA', region: 'QC', on: '2012-12-31' },
      message:
        'Aucun taux de taxe de vente connu pour QC le 2012-12-31 : la table de Comptoir couvre QC à partir du 2013-01-01.',
    },
    {
      input: { country: 'FR', region: undefined, on: '2013-12-31' },
      message:
        'Aucun taux de TVA française connu le 2013-12-31 : la table de Comptoir pour la France commence le 2014-01-01.',
    },
    {
      input: { country: 'FR', region: 'COR', on: '2025-04-01' },
      message:
        'Les taux français par région ne sont pas pris en charge (reçu : « COR ») : omettez la région pour la France métropolitaine.',
    },
    {
      input: { country: 'CA', region: 'QC', on: '01/04/2025' },
      message: 'Date invalide « 01/04/2025 » : une date réelle écrite AAAA-MM-JJ est attendue, p. ex. "2025-04-01".',
    },
    {
      input: { country: 'US', region: 'NY', on: '2025-04-01' },
      message: 'Pays non pris en charge « US » : les taxes de vente sont calculées pour CA et FR.',
    },
  ])('$input.country $input.region on $input.on, in French', ({ input, message }) => {
    const place = input as { country: 'CA'; region?: string; on: string };
    // Labels in English (the client's language), refusal in French (the person's): the two are apart.
    expect(() =>
      computeTax({ ...place, currency: 'CAD', lang: 'en', refuseIn: 'fr', lines: [{ amount: 10000n }] }),
    ).toThrow(message);
    expect(() => ratesInForce(place.country, place.region, place.on, 'fr')).toThrow(message);
  });

  it.each([
    {
      line: { amount: 100n, treatment: 'reverse_charge' },
      message: 'Ligne 1 : traitement fiscal inconnu « reverse_charge » ; utilisez taxable, exempt, zero_rated.',
    },
    {
      line: { amount: 100n, frRate: 'super_reduced' },
      message:
        'Ligne 1 : taux de TVA française inconnu « super_reduced » ; utilisez normal, intermediate, reduced, special.',
    },
  ])('refuses $line in French', ({ line, message }) => {
    expect(() =>
      computeTax({ country: 'FR', on: '2025-04-01', currency: 'EUR', refuseIn: 'fr', lines: [line as TaxLine] }),
    ).toThrow(message);
  });
});
