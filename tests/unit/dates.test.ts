import { describe, expect, it } from 'vitest';
import { addDays, companyToday, daysBetween, defaultTimeZone, isoDate, isTimeZone } from '../../tools/dates.ts';

describe('calendar dates', () => {
  it('gives the day an instant falls on in the company time zone, not the server one', () => {
    const evening = new Date('2026-12-08T03:30:00Z'); // 19:30 on the 7th in Vancouver, 22:30 in Toronto
    expect(isoDate(evening)).toBe('2026-12-08');
    expect(isoDate(evening, 'America/Vancouver')).toBe('2026-12-07');
    expect(isoDate(evening, 'America/Toronto')).toBe('2026-12-07');
    expect(isoDate(evening, 'Europe/Paris')).toBe('2026-12-08');
  });

  it('adds days on the calendar, across month ends, leap days and daylight saving', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09'); // DST starts on 2026-03-08 in Canada
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
  });

  it('reads today from the company a tool runs for', async () => {
    const now = new Date('2026-07-01T02:00:00Z');
    expect(await companyToday({ now, tenant: async () => ({ timeZone: 'America/Toronto' }) as never })).toBe(
      '2026-06-30',
    );
    expect(await companyToday({ now, tenant: async () => ({ timeZone: 'Europe/Paris' }) as never })).toBe('2026-07-01');
  });

  it('defaults a company to the time zone of its province or country, and knows a real zone from a typo', () => {
    expect(defaultTimeZone('CA', 'BC')).toBe('America/Vancouver');
    expect(defaultTimeZone('CA', 'QC')).toBe('America/Toronto');
    expect(defaultTimeZone('CA', null)).toBe('America/Toronto');
    expect(defaultTimeZone('FR')).toBe('Europe/Paris');
    expect(isTimeZone('America/Halifax')).toBe(true);
    expect(isTimeZone('America/Quebec City')).toBe(false);
  });
});
