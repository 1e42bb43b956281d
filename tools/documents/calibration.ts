/**
 * Per-field confidence, calibrated: a field shown at 0.9 should be right about 90 % of the time. The
 * parser's raw confidences (how a value was found × the OCR line's confidence) are ordered well but
 * not on that scale: on the extraction eval (evals/results/extraction.md, before this map) fields read
 * at a raw 0.70–0.80 were right 92 % of the time, those at 0.50–0.70 55 %. This map is the monotone
 * (isotonic) fit of that reliability table: raw bucket mean → share right, joined by straight lines.
 * The eval measures the calibrated values again, per template set, held-out templates apart.
 */

/** [raw confidence, share of fields right], raw ascending; from the eval run of 2026-12-07 (96 documents, 736 fields). */
const POINTS: readonly [number, number][] = [
  [0, 0],
  // 2 fields only below 0.5 (both wrong): pulled towards the next bucket rather than trusted.
  [0.45, 0.2],
  [0.612, 0.55],
  [0.73, 0.92],
  // 0.80–0.90 (94.7 %) and 0.90–0.95 (94.3 %) pooled: the fit may not go down.
  [0.875, 0.945],
  [0.964, 0.99],
  [1, 0.995],
];

/** The calibrated confidence of a raw field confidence, 0..1, rounded to 3 decimals. */
export function calibrated(raw: number): number {
  const x = Math.min(1, Math.max(0, raw));
  for (let i = 1; i < POINTS.length; i++) {
    const [x1, y1] = POINTS[i]!;
    if (x <= x1) {
      const [x0, y0] = POINTS[i - 1]!;
      return Math.round((y0 + ((y1 - y0) * (x - x0)) / (x1 - x0)) * 1000) / 1000;
    }
  }
  return POINTS.at(-1)![1];
}

/** Below this calibrated confidence a field is shown for review (more than about one in seven wrong). */
export const REVIEW_BELOW = 0.85;
