// Field confidences are mapped onto how often fields read at that confidence were right on the eval.
import { describe, expect, it } from 'vitest';
import { calibrated } from '../../../tools/documents/calibration.ts';

describe('calibrated', () => {
  it('puts the eval buckets where their share right was', () => {
    expect(calibrated(0.612)).toBeCloseTo(0.55, 2);
    expect(calibrated(0.73)).toBeCloseTo(0.92, 2);
    expect(calibrated(0.964)).toBeCloseTo(0.99, 2);
  });

  it('never goes down as the raw confidence goes up, and stays within 0..1', () => {
    let last = -1;
    for (let raw = -0.1; raw <= 1.1; raw += 0.01) {
      const c = calibrated(raw);
      expect(c).toBeGreaterThanOrEqual(last);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
      last = c;
    }
  });
});
