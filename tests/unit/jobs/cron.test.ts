import { describe, expect, it } from 'vitest';
import { cronMatches, parseCron } from '../../../jobs/cron.ts';

describe('cronMatches (UTC)', () => {
  it.each([
    { cron: '* * * * *', at: '2026-03-02T15:07:00Z', expect: true },
    { cron: '*/15 * * * *', at: '2026-03-02T15:00:00Z', expect: true },
    { cron: '*/15 * * * *', at: '2026-03-02T15:45:30Z', expect: true },
    { cron: '*/15 * * * *', at: '2026-03-02T15:07:00Z', expect: false },
    { cron: '5/20 * * * *', at: '2026-03-02T15:25:00Z', expect: true },
    { cron: '0 9 * * 1-5', at: '2026-03-02T09:00:00Z', expect: true }, // a Monday
    { cron: '0 9 * * 1-5', at: '2026-03-01T09:00:00Z', expect: false }, // a Sunday
    { cron: '0 9 * * 7', at: '2026-03-01T09:00:00Z', expect: true }, // 7 is Sunday too
    { cron: '30 6 1,15 * *', at: '2026-03-15T06:30:00Z', expect: true },
    { cron: '30 6 1,15 * *', at: '2026-03-16T06:30:00Z', expect: false },
    { cron: '0 0 1 * 1', at: '2026-03-02T00:00:00Z', expect: true }, // day 1 OR Monday
    { cron: '0 0 1 1 *', at: '2026-03-01T00:00:00Z', expect: false },
  ])('$cron at $at → $expect', ({ cron, at, expect: expected }) => {
    expect(cronMatches(cron, new Date(at))).toBe(expected);
  });

  it.each(['* * * *', '61 * * * *', '*/0 * * * *', 'MON * * * *', '5-1 * * * *'])(
    'refuses "%s" with a clear message',
    (cron) => {
      expect(() => parseCron(cron)).toThrow(/^Cron "/);
    },
  );
});
