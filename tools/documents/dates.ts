/**
 * Dates as bills print them, in French, English, German, Spanish, Italian and Dutch: 2025-04-01,
 * 01/04/2025, 01.04.2025, 1 avril 2025, 1er avril 2025, April 1, 2025, 1. März 2025, 1 de abril de 2025, 01-Apr-2025. Numeric day/month order is ambiguous
 * (01/04 is 1 April in Québec and France, January 4 in the US): day first unless told otherwise or
 * impossible, and an ambiguous reading is reported as such so its confidence can be lowered.
 */
import { isIsoDate } from '../money.ts';

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  janvier: 1,
  janv: 1,
  february: 2,
  feb: 2,
  février: 2,
  fevrier: 2,
  févr: 2,
  fev: 2,
  fév: 2,
  march: 3,
  mar: 3,
  mars: 3,
  april: 4,
  apr: 4,
  avril: 4,
  avr: 4,
  may: 5,
  mai: 5,
  june: 6,
  jun: 6,
  juin: 6,
  july: 7,
  jul: 7,
  juillet: 7,
  juil: 7,
  august: 8,
  aug: 8,
  août: 8,
  aout: 8,
  september: 9,
  sep: 9,
  sept: 9,
  septembre: 9,
  october: 10,
  oct: 10,
  octobre: 10,
  november: 11,
  nov: 11,
  novembre: 11,
  december: 12,
  dec: 12,
  décembre: 12,
  decembre: 12,
  déc: 12,
  // German, Spanish, Italian and Dutch month names (those not already spelled the same above).
  januar: 1,
  jänner: 1,
  januari: 1,
  enero: 1,
  gennaio: 1,
  februar: 2,
  februari: 2,
  febrero: 2,
  febbraio: 2,
  märz: 3,
  maerz: 3,
  marzo: 3,
  maart: 3,
  abril: 4,
  aprile: 4,
  mayo: 5,
  maggio: 5,
  mei: 5,
  juni: 6,
  junio: 6,
  giugno: 6,
  juli: 7,
  julio: 7,
  luglio: 7,
  agosto: 8,
  augustus: 8,
  septiembre: 9,
  setiembre: 9,
  settembre: 9,
  oktober: 10,
  octubre: 10,
  ottobre: 10,
  noviembre: 11,
  dezember: 12,
  diciembre: 12,
  dicembre: 12,
};

const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

export interface FoundDate {
  iso: string;
  /** Where the date starts in the text, and its printed form. */
  index: number;
  raw: string;
  /** True when day and month could be swapped (both ≤ 12 and written as numbers). */
  ambiguous: boolean;
}

export type DayOrder = 'dmy' | 'mdy';

function iso(year: number, month: number, day: number): string | undefined {
  const full = year < 100 ? 2000 + year : year;
  if (full < 1990 || full > 2100) return undefined;
  const text = `${full}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(text) ? text : undefined;
}

const PATTERNS: {
  regex: RegExp;
  read: (m: RegExpExecArray, order: DayOrder) => { iso?: string; ambiguous: boolean };
}[] = [
  {
    // 2025-04-01, 2025/04/01, 2025.04.01
    regex: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g,
    read: (m) => ({ iso: iso(+m[1]!, +m[2]!, +m[3]!), ambiguous: false }),
  },
  {
    // 01/04/2025, 1-4-25, 01.04.2025 — not a run of digit pairs such as a phone number (06.12.34.56.78)
    regex: /(?<!\d[-/.])\b(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})\b(?![-/.]\d)/g,
    read: (m, order) => {
      const [a, b, year] = [+m[1]!, +m[3]!, +m[4]!];
      if (a > 12 && b <= 12) return { iso: iso(year, b, a), ambiguous: false };
      if (b > 12 && a <= 12) return { iso: iso(year, a, b), ambiguous: false };
      // Dotted dates (01.04.2025) are written day first wherever they are used (Germany, Netherlands, Italy).
      if (m[2] === '.') return { iso: iso(year, b, a), ambiguous: false };
      const ambiguous = a !== b;
      return order === 'mdy' ? { iso: iso(year, a, b), ambiguous } : { iso: iso(year, b, a), ambiguous };
    },
  },
  {
    // 1 avril 2025, 1er avril 2025, 01 Apr 2025, 01-Apr-2025, 7. Mai 2014
    regex: new RegExp(
      `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:er|st|nd|rd|th|º|°)?\\.?[\\s-]+(?:de\\s+)?(${MONTH})\\.?,?[\\s-]+(?:de\\s+)?(\\d{4})(?!\\p{N})`,
      'giu',
    ),
    read: (m) => ({ iso: iso(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!), ambiguous: false }),
  },
  {
    // April 1, 2025, Apr. 1 2025, August 3 , 2014
    regex: new RegExp(`\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})\\b`, 'giu'),
    read: (m) => ({ iso: iso(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!), ambiguous: false }),
  },
];

/** Every date in a line of text, in the order they appear. */
export function findDates(text: string, order: DayOrder = 'dmy'): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { regex, read } of PATTERNS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const { iso: value, ambiguous } = read(m, order);
      const overlaps = found.some((f) => m!.index < f.index + f.raw.length && f.index < m!.index + m![0].length);
      if (value && !overlaps) found.push({ iso: value, index: m.index, raw: m[0], ambiguous });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The one date in a piece of text, or undefined. */
export function parseDate(text: string, order: DayOrder = 'dmy'): string | undefined {
  return findDates(text, order)[0]?.iso;
}
