/**
 * Repairs OCR's usual misreadings on bills before the field parser sees a line, using only what any
 * bill shares: how amounts are written and the label vocabulary (labels.ts). Nothing here knows a
 * layout; names and numbers are never rewritten, only amounts split by a space and label words.
 */
import { BILL_LANGS, VOCABULARY } from './labels.ts';

/**
 * Letter groups OCR confuses on small or bold print, each way: "rn" read as "m" ("Factuumummer"),
 * "O" as "D" ("MEMD"), "l" as "I" or "1", "cl" as "d", "vv" as "w".
 */
const CONFUSIONS: [string, string][] = [
  ['m', 'rn'],
  ['rn', 'm'],
  ['d', 'o'],
  ['o', 'd'],
  ['0', 'o'],
  ['i', 'l'],
  ['l', 'i'],
  ['1', 'l'],
  ['d', 'cl'],
  ['w', 'vv'],
  ['e', 'c'],
  ['c', 'e'],
];

type Words = Record<(typeof BILL_LANGS)[number], string[]>;

/** Every label of every role and language as one anchored regex: "is this text a label?". */
const ANY_LABEL = new RegExp(
  `^(?:${[
    ...new Set(Object.values(VOCABULARY).flatMap((role) => BILL_LANGS.flatMap((lang) => (role as Words)[lang]))),
  ].join('|')})$`,
  'iu',
);

/** The spellings one confusion away from `word`, lower-cased. */
function variants(word: string): string[] {
  const lower = word.toLowerCase();
  const out: string[] = [];
  for (const [from, to] of CONFUSIONS) {
    for (let at = lower.indexOf(from); at >= 0; at = lower.indexOf(from, at + 1))
      out.push(lower.slice(0, at) + to + lower.slice(at + from.length));
  }
  return out;
}

/** The word as written, with the repaired letters in the original's case (all capitals stay capitals). */
const inCaseOf = (original: string, repaired: string) => {
  if (original === original.toUpperCase() && original !== original.toLowerCase()) return repaired.toUpperCase();
  const first = original[0]!;
  return first !== first.toLowerCase() ? repaired[0]!.toUpperCase() + repaired.slice(1) : repaired;
};

/**
 * A word of five letters or more that is no label, but would be one with one OCR confusion undone
 * ("Factuumummer" → "factuurnummer"), is replaced; so is the second word of a two-word label
 * ("CREDIT MEMD" → "CREDIT MEMO"). Short words are left alone: too many of them are one confusion
 * from a label by chance.
 */
export function repairLabels(line: string): string {
  const tokens = line.split(/(\s+)/);
  for (let i = 0; i < tokens.length; i += 2) {
    const token = tokens[i]!;
    const core = token.match(/^([\p{L}\p{N}]+)(.*)$/u);
    if (!core || core[1]!.length < 4 || !/\p{L}/u.test(core[1]!)) continue;
    const word = core[1]!;
    if (ANY_LABEL.test(word)) continue;
    const previous = i >= 2 ? tokens[i - 2]!.replace(/[^\p{L}]/gu, '') : '';
    const fixed = variants(word).find(
      (v) => (word.length >= 5 && ANY_LABEL.test(v)) || (previous && ANY_LABEL.test(`${previous} ${v}`)),
    );
    if (fixed) tokens[i] = inCaseOf(word, fixed) + core[2];
  }
  return tokens.join('');
}

/**
 * Amounts: OCR often splits an amount at its decimal mark on wide or monospaced print ("$50. 51",
 * "12, 99 €") and reads a dollar sign after an amount as S. Only a mark followed by exactly two digits
 * that end the number is joined, so dates ("12. 05. 2025") and lists stay as printed.
 */
export function repairAmounts(line: string): string {
  return line.replace(/(\d[.,])[ ](\d{2})(?![\d.,]|\s?\d)/g, '$1$2').replace(/(\d[.,]\d{2})\s?S(?![\p{L}])/gu, '$1 $');
}

/** Both repairs, for one OCR line. */
export function repairOcrLine(line: string): string {
  return repairAmounts(repairLabels(line));
}
