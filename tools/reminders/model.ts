/**
 * Dunning rules, with no I/O: which step of the tenant's schedule an invoice is at on a given day,
 * and how firm its reminder should be. Schedule steps are days relative to the due date
 * (negative: before it), e.g. [15, 30, 45] (the default: J+15, J+30, J+45).
 */

import { daysBetween } from '../dates.ts';

export { addDays } from '../dates.ts';

/** Days from the due date to today (negative before it). Both are calendar days, YYYY-MM-DD. */
export const daysPastDue = (dueDate: string, today: string): number => daysBetween(dueDate, today);

/** The schedule as a sorted list of distinct whole days: a tenant may have typed it in any order. */
export const stepsOf = (schedule: readonly number[]): number[] =>
  [...new Set(schedule.filter(Number.isInteger))].sort((a, b) => a - b);

/**
 * The step to remind at today, or null. It is the latest step already reached, unless that step or a
 * later one was sent: a job that missed days sends one reminder for where the invoice stands, never
 * the backlog of gentler ones, and a firmer reminder already out is never followed by a gentler one.
 * @example dueStep([-3, 1, 7, 14, 30], 8, [1]) // 7
 */
export function dueStep(schedule: readonly number[], days: number, sent: readonly number[]): number | null {
  const reached = stepsOf(schedule).filter((s) => s <= days);
  const step = reached.at(-1);
  if (step === undefined) return null;
  return sent.some((s) => s >= step) ? null : step;
}

/** The next step after today, for "nothing to send until …" answers; null when the schedule is done. */
export function nextStep(schedule: readonly number[], days: number): number | null {
  return stepsOf(schedule).find((s) => s > days) ?? null;
}

/**
 * How firm the reminder is: a courtesy note until the due date, then a courteous reminder, then firm,
 * and the last step of the schedule is the final notice. A company may choose the tone of a step
 * (`tones`, keyed by day); the others take the tone of their place.
 */
export const TONES = ['courtesy', 'reminder', 'firm', 'final'] as const;
export type Tone = (typeof TONES)[number];
export type ToneChoices = Readonly<Record<string, Tone>>;

export function toneOf(schedule: readonly number[], step: number, tones: ToneChoices = {}): Tone {
  const chosen = tones[String(step)];
  if (chosen) return chosen;
  if (step <= 0) return 'courtesy';
  const late = stepsOf(schedule).filter((s) => s > 0);
  const position = late.indexOf(step);
  if (position <= 0) return 'reminder';
  return position === late.length - 1 ? 'final' : 'firm';
}

/** The schedule as people set it: each step's day and tone, in order. */
export const stepsWithTones = (schedule: readonly number[], tones: ToneChoices = {}) =>
  stepsOf(schedule).map((day) => ({ day, tone: toneOf(schedule, day, tones) }));

/** Bounds of a schedule a company may set: a month before the due date to a year after, at most 8 steps. */
export const SCHEDULE_BOUNDS = { earliest: -30, latest: 365, maxSteps: 8 } as const;

export type ScheduleProblem =
  | { problem: 'duplicate'; day: number }
  | { problem: 'gentler'; day: number; tone: Tone; after: number; afterTone: Tone };

/**
 * What is wrong with a schedule a person typed, or null: a day given twice, or a step gentler than
 * the one before it (a client who had a firm reminder must not get a friendlier one next).
 */
export function scheduleProblem(steps: readonly { day: number; tone?: Tone }[]): ScheduleProblem | null {
  const days = steps.map((s) => s.day);
  const twice = days.find((d, i) => days.indexOf(d) !== i);
  if (twice !== undefined) return { problem: 'duplicate', day: twice };
  const tones = Object.fromEntries(steps.filter((s) => s.tone).map((s) => [String(s.day), s.tone!]));
  const ordered = stepsWithTones(days, tones);
  for (let i = 1; i < ordered.length; i++) {
    const [before, step] = [ordered[i - 1]!, ordered[i]!];
    if (TONES.indexOf(step.tone) < TONES.indexOf(before.tone))
      return { problem: 'gentler', day: step.day, tone: step.tone, after: before.day, afterTone: before.tone };
  }
  return null;
}
