/**
 * Document numbers as customers write them in a transfer: `INV2026-00012`, `FACT 2026-0012`,
 * `INV2026-12`, `2026-00012`, `Facture no 12`, `n° 12`, `#12`, and lists (`fact. 12, 13 et 14`).
 * Our numbers are PREFIX + year + "-" + sequence; what identifies one is (year, sequence), or the
 * sequence alone when the year is left out. Supplier numbers of any shape are read by their letters
 * and digits (`BP-7781` = `BP 7781` = `bp7781`). Pure.
 */
import { fold } from './names.ts';

/** One of our numbers read as (year, sequence); null for a number of another shape. */
export function parseOurNumber(number: string): { year: number; seq: number } | null {
  const m = /^[A-Z]*\s*(\d{4})-(\d{1,7})$/i.exec(number.trim());
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

export const yearKey = (year: number, seq: number) => `${year}:${seq}`;

export interface ReadReferences {
  /** (year, sequence) pairs written with their year. */
  full: string[];
  /** Sequences written without a year, after a word that says they are invoice numbers. */
  seqOnly: number[];
  /** Letters-and-digits runs of the text and of 2–3 adjacent words, for supplier numbers of any shape. */
  compact: Set<string>;
}

const KEYWORD = '(?:FACTURES?|FACT|FACTS|FAC|FA|INVOICES?|INV|INVS|NO|NOS|NUM|NUMERO|N|REF|BILL)';
// A year then a sequence, the prefix and separators optional: "FACT 2026-0012", "INV2026 12", "202600012".
const WITH_YEAR = /(?:^|[^0-9])(20[2-3]\d) ?0*(\d{1,6})(?![0-9])/g;
// A keyword then one or more sequences: "FACTURE NO 12", "N 12 13 ET 14", "INV 7 AND 9".
const WITH_KEYWORD = new RegExp(String.raw`(?:^| )${KEYWORD} ((?:0*\d{1,6}(?: (?:ET|AND|&)?\s?)?)+)`, 'g');

export function readReferences(...texts: (string | null | undefined)[]): ReadReferences {
  const full = new Set<string>();
  const seqOnly = new Set<number>();
  const compact = new Set<string>();
  for (const raw of texts) {
    if (!raw) continue;
    // "N°", "#" and "-" separate like spaces; a folded text has only letters, digits and single spaces.
    const text = fold(raw.replace(/[#°º]/g, ' '));
    const years = new Set<string>();
    for (const m of text.matchAll(WITH_YEAR)) {
      // A date (2026 03 01) is not an invoice number: a sequence of 2 digits right after a year then more digits is.
      const after = text.slice((m.index ?? 0) + m[0].length);
      if (/^ \d{2}\b/.test(after) && m[2]!.length <= 2) continue;
      full.add(yearKey(Number(m[1]), Number(m[2])));
      years.add(m[0]);
    }
    for (const m of text.matchAll(WITH_KEYWORD)) {
      // "FACT 2026 0012" was read above, with its year.
      if (/^20[2-3]\d( |$)/.test(m[1]!) || /^20[2-3]\d0*\d{1,6}( |$)/.test(m[1]!)) continue;
      for (const n of m[1]!.split(/ |ET|AND|&/).filter((x) => /^\d+$/.test(x))) {
        const value = Number(n);
        // Years read above are not sequences.
        if (n.length === 4 && value >= 2020 && value <= 2039) continue;
        if (value > 0) seqOnly.add(value);
      }
    }
    const words = text.split(' ').filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      let run = '';
      for (let j = i; j < Math.min(words.length, i + 3); j++) {
        run += words[j];
        if (run.length >= 4 && /\d/.test(run)) compact.add(run);
      }
    }
  }
  return { full: [...full], seqOnly: [...seqOnly], compact };
}
