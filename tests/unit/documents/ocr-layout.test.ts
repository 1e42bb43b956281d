// Rows rebuilt from OCR word boxes: columns joined with a tab, skew straightened, and a tall title
// kept out of the small lines beside it. Boxes are written out in pixels.
import { describe, expect, it } from 'vitest';
import { rowsOf, skewOf, type OcrWord } from '../../../tools/documents/ocr-layout.ts';

const word = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 90): OcrWord => ({
  text,
  confidence,
  bbox: { x0, y0, x1, y1 },
});

describe('rowsOf', () => {
  it('joins a label and its amount far to the right into one row, with a tab across the gap', () => {
    const rows = rowsOf([
      word('Total', 100, 500, 160, 520),
      word('265,87', 900, 501, 980, 521),
      word('$', 985, 501, 995, 521),
      word('TPS', 100, 470, 140, 490),
    ]);
    expect(rows.map((r) => r.text)).toEqual(['TPS', 'Total\t265,87 $']);
  });

  it('straightens a page skewed by 1°: the amount 800 px to the right sits 14 px lower', () => {
    const words = [
      word('Sous-total', 100, 500, 200, 520),
      word('678,93', 900, 514, 980, 534),
      word('TPS', 100, 530, 140, 550),
      word('33,95', 900, 544, 980, 564),
    ];
    const slope = skewOf([{ x0: 100, y0: 520, x1: 980, y1: 535 }]);
    expect(rowsOf(words, slope).map((r) => r.text)).toEqual(['Sous-total\t678,93', 'TPS\t33,95']);
  });

  it('keeps a tall title out of the two small lines printed beside it', () => {
    const rows = rowsOf([
      word('FACTURE', 100, 100, 400, 160),
      word('Papeterie', 600, 105, 700, 125),
      word('88,', 600, 135, 630, 155),
      word('boulevard', 640, 135, 740, 155),
    ]);
    expect(rows.map((r) => r.text)).toEqual(['Papeterie', 'FACTURE', '88, boulevard']);
  });

  it('reports the mean word confidence of a row from 0 to 1', () => {
    expect(rowsOf([word('Total', 0, 0, 50, 20, 80), word('12,00', 60, 0, 110, 20, 100)])[0]!.confidence).toBe(0.9);
  });
});
