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

/** The page's skew: the median slope of tesseract's text-line baselines (a scan fed 1° askew drops 19 px over 1100 px). */
export function skewOf(baselines: { x0: number; y0: number; x1: number; y1: number }[]): number {
  const slopes = baselines
    .filter((b) => b.x1 - b.x0 > 100)
    .map((b) => (b.y1 - b.y0) / (b.x1 - b.x0))
    .sort((a, b) => a - b);
  return slopes.length === 0 ? 0 : slopes[Math.floor(slopes.length / 2)]!;
}

/** Groups words into printed rows; `slope` straightens a skewed page so a row's far end stays in it. */
export function rowsOf(words: OcrWord[], slope = 0): OcrRow[] {
  const level = (w: OcrWord, y: number) => y - slope * ((w.bbox.x0 + w.bbox.x1) / 2);
  const mid = (w: OcrWord) => level(w, (w.bbox.y0 + w.bbox.y1) / 2);
  const sorted = words.filter((w) => w.text.trim() !== '').sort((a, b) => mid(a) - mid(b));
  const rows: OcrWord[][] = [];
  const height = (w: OcrWord) => w.bbox.y1 - w.bbox.y0;
  for (const word of sorted) {
    // Same row when the centres are within half the smaller height: a tall title beside two lines
    // of small print joins neither of them.
    const row = rows.find((r) => {
      const centre = r.reduce((sum, w) => sum + mid(w), 0) / r.length;
      const rowHeight = r.reduce((sum, w) => sum + height(w), 0) / r.length;
      return Math.abs(mid(word) - centre) < 0.5 * Math.min(height(word), rowHeight);
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
