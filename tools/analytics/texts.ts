/** Numbers in the analytics sentences, written as each language writes them ("0,5 h", "42,3 jours"). */
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
