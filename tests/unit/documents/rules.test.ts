// Pure rules of bill reading: dates, amounts, rates and tax numbers as bills print them. Each row is
// a case a reader can check by hand.
import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../../tools/documents/amounts.ts';
import { findDates, parseDate } from '../../../tools/documents/dates.ts';
import { canonicalAmount, percentToRate } from '../../../tools/documents/decimals.ts';
import { findTaxIds, frenchVatKey, luhnValid } from '../../../tools/documents/tax-ids.ts';

describe('parseDate', () => {
  it.each([
    ['2025-04-01', '2025-04-01'],
    ['01/04/2025', '2025-04-01'],
    ['1 avril 2025', '2025-04-01'],
    ['1er avril 2025', '2025-04-01'],
    ['April 1, 2025', '2025-04-01'],
    ['Apr. 1 2025', '2025-04-01'],
    ['01-Apr-2025', '2025-04-01'],
    ['le 15 février 2026', '2026-02-15'],
    ['31 décembre 2025', '2025-12-31'],
    ['August 3 , 2014', '2014-08-03'],
    ['7. Mai 2014', '2014-05-07'],
    ['25/12/25', '2025-12-25'],
    ['12/25/2025', '2025-12-25'],
    ['2025/02/29', undefined],
    ['31/04/2025', undefined],
    ['Invoice 12345', undefined],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('reads 01/04/2025 as 1 April by default and as January 4 when told month first', () => {
    expect(findDates('01/04/2025')[0]).toMatchObject({ iso: '2025-04-01', ambiguous: true });
    expect(findDates('01/04/2025', 'mdy')[0]).toMatchObject({ iso: '2025-01-04', ambiguous: true });
  });

  it('finds two dates on one line in order', () => {
    expect(findDates('Date: 2025-03-05  Due: 4 avril 2025').map((d) => d.iso)).toEqual(['2025-03-05', '2025-04-04']);
  });
});

describe('findAmounts', () => {
  it.each([
    ['Total: $1,234.56', [123456n]],
    ['Total TTC : 1 234,56 €', [123456n]],
    ['Sous-total 1\u00a0250,00 $', [125000n]],
    ['€ 717,97', [71797n]],
    ['TPS (5 %) 50,00 $', [5000n]],
    ['Crédit -9,32', [-932n]],
    ['Montant 500 $', [50000n]],
    ['Qty 3 at 12.50 = 37.50', [1250n, 3750n]],
    ['Invoice 2025-0042 on 2025-04-01', []],
    ['Rate 9.975%', []],
    ['1,250', []],
  ])('%s', (text, expected) => {
    expect(findAmounts(text).map((a) => a.minor)).toEqual(expected);
  });
});

describe('canonicalAmount and percentToRate', () => {
  it.each([
    ['1 250,5', 'EUR', '1250.50'],
    ['1,250.00', 'CAD', '1250.00'],
    ['60.0000', 'EUR', '60.00'],
    ['47.0504', 'EUR', '47.0504'],
    ['abc', 'EUR', undefined],
  ])('amount %s %s → %s', (text, currency, expected) => {
    expect(canonicalAmount(text, currency)).toBe(expected);
  });
  it.each([
    ['5', '0.05'],
    ['9.975', '0.09975'],
    ['9,975', '0.09975'],
    ['20.00', '0.2'],
    ['5.5', '0.055'],
    ['13', '0.13'],
    ['0.00', '0'],
    ['100', '1'],
  ])('percent %s → rate %s', (percent, rate) => {
    expect(percentToRate(percent)).toBe(rate);
  });
});

describe('tax numbers', () => {
  it.each([
    ['123456782', true],
    ['123456789', false],
    ['421938861', true],
    ['53084813400017', true],
    ['53084813400018', false],
  ])('Luhn %s → %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });

  it('computes the French VAT key of a SIREN: FR60 421938861 (Free SAS)', () => {
    expect(frenchVatKey('421938861')).toBe('60');
  });

  it.each([
    ['TPS/TVH : 123456782 RT0001', [['gst', '123456782RT0001', true]]],
    [
      'No TPS 123 456 782 RT 0001 — No TVQ 1006150787 TQ 0001',
      [
        ['gst', '123456782RT0001', true],
        ['qst', '1006150787TQ0001', true],
      ],
    ],
    // QST numbers carry a check digit (stdnum's ca.qst): a made-up one is recognised but not valid.
    ['No TVQ 1234567890 TQ 0001', [['qst', '1234567890TQ0001', false]]],
    ['GST# 123456789RT0001', [['gst', '123456789RT0001', false]]],
    [
      'B 421 938 861 RCS Paris − TVA : FR 604 219 388 61',
      [
        ['siren', '421938861', true],
        ['vat', 'FR60421938861', true],
      ],
    ],
    ['Siret 53084813400017', [['siret', '53084813400017', true]]],
    ['N° TVA : FR32 123 456 789', [['vat', 'FR32123456789', false]]],
    ['UStId DE 232 446 240', [['vat', 'DE232446240', true]]],
    ['Order 123456789 shipped', []],
  ])('%s', (text, expected) => {
    expect(findTaxIds(text).map((id) => [id.kind, id.value, id.valid])).toEqual(expected);
  });
});

describe('currency signs', () => {
  it.each([
    ['Grand Total Rs 1939', 193900n, 'Rs'],
    ['Total ₹ 319.00', 31900n, '₹'],
    ['Total US$ 12.00', 1200n, 'US$'],
  ])('%s', (text, minor, sign) => {
    expect(findAmounts(text, 'INR').map((a) => [a.minor, a.sign])).toEqual([[minor, sign]]);
  });
});
