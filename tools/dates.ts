/**
 * Calendar dates, the way money.ts owns money: a date is an ISO day ('2026-12-07'), and "today" is the
 * company's day in its own time zone, not the server's (a Vancouver company's evening is already
 * tomorrow in UTC). Day arithmetic works on the ISO day itself, so it never drifts with daylight saving.
 */
import type { ToolCtx } from './context.ts';

const DAY_MS = 86_400_000;

/** The ISO day an instant falls on in a time zone (UTC when none is given). */
export function isoDate(at: Date, timeZone = 'UTC'): string {
  if (timeZone === 'UTC') return at.toISOString().slice(0, 10);
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The ISO day `days` after (or before, when negative) an ISO day. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one ISO day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Today for the company a tool runs for, in its time zone. */
export async function companyToday(ctx: Pick<ToolCtx, 'now' | 'tenant'>): Promise<string> {
  return isoDate(ctx.now, (await ctx.tenant()).timeZone);
}

/** Where a company's day most likely starts, from its country and province, until it says otherwise. */
export function defaultTimeZone(country: string | null | undefined, province?: string | null): string {
  if (country === 'FR') return 'Europe/Paris';
  if (country !== 'CA' && country) return 'UTC';
  return PROVINCE_ZONES[province ?? ''] ?? 'America/Toronto';
}

const PROVINCE_ZONES: Record<string, string> = {
  BC: 'America/Vancouver',
  AB: 'America/Edmonton',
  SK: 'America/Regina',
  MB: 'America/Winnipeg',
  ON: 'America/Toronto',
  QC: 'America/Toronto',
  NB: 'America/Moncton',
  NS: 'America/Halifax',
  PE: 'America/Halifax',
  NL: 'America/St_Johns',
  YT: 'America/Whitehorse',
  NT: 'America/Yellowknife',
  NU: 'America/Iqaluit',
};

/** Whether a name is a time zone this runtime knows (IANA, e.g. "America/Toronto"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
