/** What analytics write for people: numbers as each language writes them ("0,5 h", "42,3 jours") and refusals. */
import type { Lang } from '../context.ts';

const formats: Record<Lang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-CA', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-CA', { maximumFractionDigits: 2 }),
};

/** A decimal number (or its decimal string) for people; not for money, which formatAmount writes. */
export function formatDecimal(value: number | string, lang: Lang): string {
  // Intl takes a decimal string as is (Intl.NumberFormat v3): "12.50" is not rounded through a float.
  return (formats[lang].format as (value: number | string) => string)(value);
}

/** What analytics say when they refuse a request, in the language of the person asking. */
export const analyticsRefusals = {
  fr: {
    periodReversed: (from: string, to: string) => `La période commence (${from}) après sa fin (${to}).`,
  },
  en: {
    periodReversed: (from: string, to: string) => `The period starts (${from}) after it ends (${to}).`,
  },
} satisfies Record<Lang, unknown>;
