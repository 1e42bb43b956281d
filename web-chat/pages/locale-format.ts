/**
 * Numbers, money, dates and sizes as the reader writes them (fr-CA or en-CA): never "2967.50" on a
 * screen. Money goes through tools/money.ts (exact decimal strings, no float).
 */
import type { Lang } from '../../tools/context.ts';
import { formatAmount } from '../../tools/money.ts';

export const localeOf = (lang: Lang) => (lang === 'fr' ? 'fr-CA' : 'en-CA');

export const money = (amount: string | null | undefined, currency: string | null | undefined, lang: Lang) =>
  amount === null || amount === undefined ? '—' : formatAmount(amount, currency ?? 'CAD', lang);

export const integer = (n: number, lang: Lang) => new Intl.NumberFormat(localeOf(lang)).format(n);

/** Quantities as decimal strings ("2.500"), without trailing zeros, in the reader's notation. */
export function quantity(q: string, lang: Lang): string {
  const trimmed = q.includes('.') ? q.replace(/0+$/, '').replace(/\.$/, '') : q;
  return lang === 'fr' ? trimmed.replace('.', ',') : trimmed;
}

/** A calendar date (YYYY-MM-DD or an ISO timestamp's day), e.g. « 7 déc. 2026 » / "Dec 7, 2026". */
export function day(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T12:00:00Z`),
  );
}

export function when(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

export const percent = (x: number | null, lang: Lang) =>
  x === null ? '—' : new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 }).format(x);

/** A file size in kB or MB, the reader's decimal mark. */
export function fileSize(bytes: number, lang: Lang): string {
  const f = (n: number, unit: string) =>
    `${new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes < 1000) return f(bytes, lang === 'fr' ? 'o' : 'B');
  if (bytes < 1_000_000) return f(bytes / 1000, lang === 'fr' ? 'ko' : 'kB');
  return f(bytes / 1_000_000, lang === 'fr' ? 'Mo' : 'MB');
}
