import { describe, expect, it } from 'vitest';
import { addDays, daysPastDue, dueStep, nextStep, toneOf } from '../../../tools/reminders/model.ts';

const SCHEDULE = [-3, 1, 7, 14, 30];

describe('reminder schedule', () => {
  it('counts calendar days from the due date, across months and leap days', () => {
    expect(daysPastDue('2026-03-17', '2026-03-14')).toBe(-3);
    expect(daysPastDue('2026-03-17', '2026-03-17')).toBe(0);
    expect(daysPastDue('2028-02-28', '2028-03-01')).toBe(2);
    expect(addDays('2026-03-17', 30)).toBe('2026-04-16');
    expect(addDays('2026-03-01', -3)).toBe('2026-02-26');
  });

  const cases: { days: number; sent: number[]; step: number | null }[] = [
    { days: -4, sent: [], step: null },
    { days: -3, sent: [], step: -3 },
    { days: 0, sent: [], step: -3 },
    { days: 0, sent: [-3], step: null },
    { days: 1, sent: [-3], step: 1 },
    // The job missed days: only where the invoice stands now, not the gentler backlog.
    { days: 9, sent: [], step: 7 },
    { days: 9, sent: [7], step: null },
    { days: 14, sent: [-3, 1, 7], step: 14 },
    // A firmer reminder already out is never followed by a gentler one.
    { days: 14, sent: [30], step: null },
    { days: 30, sent: [14], step: 30 },
    { days: 90, sent: [-3, 1, 7, 14, 30], step: null },
  ];
  for (const c of cases) {
    it(`at day ${c.days} with ${JSON.stringify(c.sent)} sent, reminds at ${c.step}`, () =>
      expect(dueStep(SCHEDULE, c.days, c.sent)).toBe(c.step));
  }

  it('reads a schedule typed out of order or with repeats', () => {
    expect(dueStep([30, 7, 7, 1], 8, [])).toBe(7);
    expect(nextStep([30, 7, 1], 8)).toBe(30);
    expect(nextStep(SCHEDULE, 30)).toBeNull();
  });

  it('grows firmer at each step after the due date, the last one a final notice', () => {
    expect(SCHEDULE.map((s) => toneOf(SCHEDULE, s))).toEqual(['courtesy', 'reminder', 'firm', 'firm', 'final']);
    expect([1, 30].map((s) => toneOf([1, 30], s))).toEqual(['reminder', 'final']);
    expect(toneOf([0, 10], 0)).toBe('courtesy');
  });
});
