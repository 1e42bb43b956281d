/** Shared pieces of analytics inputs: a period, defaulting to the last 12 months. */
import { DateOf } from '../money.ts';
import { isoDate } from '../dates.ts';

export const Period = {
  from: DateOf('report').optional().describe('First day; defaults to one year before `to`.'),
  to: DateOf('report').optional().describe('Last day; defaults to today.'),
};

export function periodOf(input: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const to = input.to ?? isoDate(now);
  const from = input.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`.replace(/-02-29$/, '-02-28');
  return { from, to };
}
