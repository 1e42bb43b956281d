// OCR repairs that hold on any bill: amounts split at their decimal mark, label words one OCR
// confusion away from the vocabulary. Names, numbers and dates are left as read.
import { describe, expect, it } from 'vitest';
import { repairAmounts, repairLabels, repairOcrLine } from '../../../tools/documents/ocr-text.ts';
import { readBillText } from '../../../tools/documents/text-fields.ts';

describe('repairAmounts', () => {
  it.each([
    ['Subtotal $50. 51', 'Subtotal $50.51'],
    ['TOTAL $53. 04', 'TOTAL $53.04'],
    ['Total TTC 12, 99 €', 'Total TTC 12,99 €'],
    ['Total 12,50 S', 'Total 12,50 $'],
  ])('%s → %s', (line, repaired) => expect(repairAmounts(line)).toBe(repaired));

  it.each(['Date 12. 05. 2025', 'Tel. 01.45.22.33.18', '1 x Copy paper $13. 66 2', 'Item 3. 250 g'])(
    'leaves %s as read',
    (line) => expect(repairAmounts(line)).toBe(line),
  );
});

describe('repairLabels', () => {
  it.each([
    ['Factuumummer: FA--69455', 'Factuurnummer: FA--69455'],
    ['Pacific Packaging Corp.\tCREDIT MEMD', 'Pacific Packaging Corp.\tCREDIT MEMO'],
  ])('%s → %s', (line, repaired) => expect(repairLabels(line)).toBe(repaired));

  it.each(['Northem Office Supply Ltd.', 'Rechnungsnummer: R-1', 'Fomiture Milano S.r.l.', 'BTW 21 %'])(
    'leaves %s as read (no label, or already one)',
    (line) => expect(repairLabels(line)).toBe(line),
  );
});

describe('a receipt read by OCR', () => {
  it('finds the amounts once they are joined again', () => {
    const rows = [
      'PACIFIC PACKAGING CORP.',
      'RECEIPT',
      'Date: 2025-11-22',
      'Subtotal $50. 51',
      'GST 5 % $2. 53',
      'TOTAL $53. 04',
    ];
    const read = (repair: (l: string) => string) =>
      readBillText(
        rows.map((text) => ({ text: repair(text), confidence: 0.9, page: 1 })),
        { ocr: true },
      ).fields;
    expect(read((l) => l).total?.value).not.toBe('53.04');
    const fields = read(repairOcrLine);
    expect([fields.subtotal?.value, fields.totalTax?.value, fields.total?.value]).toEqual(['50.51', '2.53', '53.04']);
  });
});
