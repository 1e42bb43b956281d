/**
 * Dunning rules, with no I/O: which step of the tenant's schedule an invoice is at on a given day,
 * and how firm its reminder should be. Schedule steps are days relative to the due date
 * (negative: before it), e.g. [-3, 1, 7, 14, 30].
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
 * How firm the reminder is: a courtesy note until the due date, then a reminder, then firm, and the
 * last step of the schedule is the final notice. Each step after the due date is firmer than the last.
 */
export type Tone = 'courtesy' | 'reminder' | 'firm' | 'final';

export function toneOf(schedule: readonly number[], step: number): Tone {
  if (step <= 0) return 'courtesy';
  const late = stepsOf(schedule).filter((s) => s > 0);
  const position = late.indexOf(step);
  if (position <= 0) return 'reminder';
  return position === late.length - 1 ? 'final' : 'firm';
}
