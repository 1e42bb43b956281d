/**
 * Raw match probability (the softmax of a proposal's evidence against its rivals) → the accuracy
 * observed for it, by piecewise-linear interpolation between knots fitted with isotonic regression
 * on generated companies the eval does not score (`npm run eval:reconcile -- --fit`).
 */
// Fitted 2026-12-07 on seeds 101–130 (6,000 invoices, 5,200 lines); the eval scores seeds 11–30.
const FITTED: [number, number][] = [
  [0.084, 0.429],
  [0.123, 0.609],
  [0.159, 0.629],
  [0.193, 0.679],
  [0.243, 0.75],
  [0.401, 0.865],
  [0.583, 0.896],
  [0.941, 1],
];
/** No sample proves certainty: a calibrated confidence stops short of 1. */
const CEILING = 0.99;
let knots: [number, number][] | null = FITTED;

/** Replaces the knots (null: identity), for fitting. */
export function setCalibration(next: [number, number][] | null) {
  knots = next;
}

export function calibrated(raw: number): number {
  const k = knots;
  if (!k?.length) return Math.round(raw * 1000) / 1000;
  let value: number;
  if (raw <= k[0]![0]) value = k[0]![1] * (raw / Math.max(k[0]![0], 1e-9));
  else if (raw >= k.at(-1)![0]) value = k.at(-1)![1];
  else {
    let i = 1;
    while (k[i]![0] < raw) i++;
    const [x0, y0] = k[i - 1]!;
    const [x1, y1] = k[i]!;
    value = y0 + ((y1 - y0) * (raw - x0)) / (x1 - x0);
  }
  return Math.round(Math.min(CEILING, value) * 1000) / 1000;
}
