/** A period of days given by its first and last ISO dates, as the analytics and the exports take it. */
import type { Lang } from './context.ts';
import { invalid } from './errors.ts';

/** Refuses, in the person's language, a period that ends before it starts. */
export function assertPeriod(from: string, to: string, lang: Lang): void {
  if (from <= to) return;
  throw invalid(
    lang === 'fr'
      ? `La période commence (${from}) après sa fin (${to}).`
      : `The period starts (${from}) after it ends (${to}).`,
  );
}
