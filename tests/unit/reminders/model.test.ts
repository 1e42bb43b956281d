import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysPastDue,
  dueStep,
  nextStep,
  scheduleProblem,
  stepsWithTones,
  toneOf,
} from '../../../tools/reminders/model.ts';

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

  it('the default J+15, J+30, J+45 goes courteous, firm, final', () => {
    expect(stepsWithTones([15, 30, 45])).toEqual([
      { day: 15, tone: 'reminder' },
      { day: 30, tone: 'firm' },
      { day: 45, tone: 'final' },
    ]);
    expect([14, 15, 29, 30, 44, 45, 120].map((d) => dueStep([15, 30, 45], d, []))).toEqual([
      null,
      15,
      15,
      30,
      30,
      45,
      45,
    ]);
  });

  it("a company's chosen tone for a step wins over its place", () => {
    expect(toneOf([15, 30, 45], 30, { '30': 'final' })).toBe('final');
    expect(toneOf([15, 30, 45], 15, { '30': 'final' })).toBe('reminder');
    expect(stepsWithTones([45, 15], { '15': 'firm' })).toEqual([
      { day: 15, tone: 'firm' },
      { day: 45, tone: 'final' },
    ]);
  });
});

describe('a schedule a person sets', () => {
  const rows: { steps: { day: number; tone?: 'courtesy' | 'reminder' | 'firm' | 'final' }[]; problem: unknown }[] = [
    { steps: [{ day: 15 }, { day: 30 }, { day: 45 }], problem: null },
    { steps: [{ day: 45 }, { day: 15 }], problem: null },
    { steps: [{ day: 15 }, { day: 30 }, { day: 15 }], problem: { problem: 'duplicate', day: 15 } },
    {
      steps: [{ day: 15, tone: 'firm' }, { day: 30, tone: 'reminder' }, { day: 45 }],
      problem: { problem: 'gentler', day: 30, tone: 'reminder', after: 15, afterTone: 'firm' },
    },
    { steps: [{ day: -5 }, { day: 10, tone: 'final' }], problem: null },
    {
      steps: [
        { day: 10, tone: 'final' },
        { day: 20, tone: 'reminder' },
      ],
      problem: { problem: 'gentler', day: 20, tone: 'reminder', after: 10, afterTone: 'final' },
    },
  ];
  for (const r of rows)
    it(`${JSON.stringify(r.steps)} → ${JSON.stringify(r.problem)}`, () =>
      expect(scheduleProblem(r.steps)).toEqual(r.problem));
});
