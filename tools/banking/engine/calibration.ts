/**
 * Raw match probability (the softmax of a proposal's evidence against its rivals) → the accuracy
 * observed for it, by piecewise-linear interpolation between knots fitted with isotonic regression
 * on generated companies the eval does not score (`npm run eval:reconcile -- --fit`).
 */
let knots: [number, number][] | null = [];

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
  return Math.round(value * 1000) / 1000;
}
