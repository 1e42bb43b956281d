/**
 * Rebuilds the rows of a page from OCR words. Tesseract splits a bill into blocks by column, which
 * would put "Total" and its amount in different blocks; grouping words by their vertical position
 * puts each printed row back together, with a tab where a wide gap separates two columns.
 */
export interface OcrWord {
  text: string;
  /** 0..100, as tesseract reports it. */
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface OcrRow {
  text: string;
  /** Mean word confidence, 0..1. */
  confidence: number;
}

export function rowsOf(words: OcrWord[]): OcrRow[] {
  const sorted = words.filter((w) => w.text.trim() !== '').sort((a, b) => a.bbox.y0 + a.bbox.y1 - (b.bbox.y0 + b.bbox.y1));
  const rows: OcrWord[][] = [];
  for (const word of sorted) {
    const mid = (word.bbox.y0 + word.bbox.y1) / 2;
    const row = rows.find((r) => {
      const top = Math.min(...r.map((w) => w.bbox.y0));
      const bottom = Math.max(...r.map((w) => w.bbox.y1));
      return mid > top && mid < bottom;
    });
    if (row) row.push(word);
    else rows.push([word]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    const height = row.reduce((h, w) => h + (w.bbox.y1 - w.bbox.y0), 0) / row.length;
    let text = '';
    for (const [i, word] of row.entries()) {
      if (i > 0) text += word.bbox.x0 - row[i - 1]!.bbox.x1 > 2.5 * height ? '\t' : ' ';
      text += word.text;
    }
    return { text, confidence: row.reduce((c, w) => c + w.confidence, 0) / row.length / 100 };
  });
}
