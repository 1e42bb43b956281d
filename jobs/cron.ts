/**
 * Whether a five-field cron expression (minute hour day-of-month month day-of-week, in UTC) matches
 * a minute: what the in-process runner needs to run schedules written for Inngest. Supports `*`,
 * numbers, ranges `a-b`, steps `*\/n` and `a-b/n`, and lists; not names (MON, JAN) or time zones.
 */
const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

const parsed = new Map<string, Set<number>[]>();

export function parseCron(expression: string): Set<number>[] {
  const cached = parsed.get(expression);
  if (cached) return cached;
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5)
    throw new Error(`Cron "${expression}": expected 5 fields (minute hour day month weekday), got ${parts.length}.`);
  const sets = parts.map((part, i) => parseField(part, FIELDS[i]!, expression));
  // Sunday is 0 or 7.
  if (sets[4]!.has(7)) sets[4]!.add(0);
  parsed.set(expression, sets);
  return sets;
}

function parseField(part: string, field: (typeof FIELDS)[number], expression: string): Set<number> {
  const values = new Set<number>();
  for (const item of part.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!m) throw new Error(`Cron "${expression}": cannot read "${item}" in the ${field.name} field.`);
    const from = m[1] === '*' ? field.min : Number(m[2]);
    const to = m[1] === '*' ? field.max : m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? field.max : from;
    const step = m[4] !== undefined ? Number(m[4]) : 1;
    if (from < field.min || to > field.max || from > to || step < 1) {
      throw new Error(
        `Cron "${expression}": "${item}" is outside ${field.min}-${field.max} for the ${field.name} field.`,
      );
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function cronMatches(expression: string, at: Date): boolean {
  const [minute, hour, day, month, weekday] = parseCron(expression);
  const dayRestricted = !expression.trim().split(/\s+/)[2]!.startsWith('*');
  const weekdayRestricted = !expression.trim().split(/\s+/)[4]!.startsWith('*');
  const dayOk = day!.has(at.getUTCDate());
  const weekdayOk = weekday!.has(at.getUTCDay());
  // Classic cron: when both day fields are restricted, either one matching is enough.
  const dateOk = dayRestricted && weekdayRestricted ? dayOk || weekdayOk : dayOk && weekdayOk;
  return minute!.has(at.getUTCMinutes()) && hour!.has(at.getUTCHours()) && month!.has(at.getUTCMonth() + 1) && dateOk;
}
