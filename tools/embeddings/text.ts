/**
 * Text as matching sees it: accents folded, lower case, punctuation gone, and words reduced to a
 * rough French/English stem, so "Chaises ergonomiques" and "ergonomic chair" share "ergonomic".
 */
import { normalizeText } from '../input-text.ts';

/**
 * "Bureau Plus Inc." → "bureau plus inc"; "Québec-Électrique" → "quebec electrique". Starts from the
 * door's normal form (input-text.ts), so text stored before the door normalised it, or read from a
 * document, compares as typed text does: "Bur\u200beau" is "bureau".
 */
export function foldText(text: string): string {
  return normalizeText(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const wordsOf = (text: string): string[] => foldText(text).split(' ').filter(Boolean);

/**
 * A deliberately small stemmer: plural marks, then the French "-ique" that English writes "-ic",
 * then a final mute "e". It only has to make words that share a root land on the same string;
 * a full Snowball stemmer would be more exact but changes nothing at the lengths of product names.
 * @example stemOf('ergonomiques') // "ergonomic"
 * @example stemOf('chaises') // "chais"
 */
export function stemOf(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('aux') && !w.endsWith('eaux')) w = `${w.slice(0, -3)}al`;
  else if (w.length > 3 && (w.endsWith('s') || w.endsWith('x')) && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ique')) w = `${w.slice(0, -4)}ic`;
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/**
 * Legal forms say nothing about who a company is: "Bureau Plus" and "Bureau Plus Inc." are the same
 * supplier. Canadian (Inc., Ltée, S.E.N.C., Enr.) and French (SA, SAS, SARL, EURL) forms.
 */
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'incorporee',
  'ltd',
  'ltee',
  'limited',
  'limitee',
  'llc',
  'llp',
  'corp',
  'corporation',
  'co',
  'cie',
  'senc',
  'sencrl',
  'enr',
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'gmbh',
  'the',
  'la',
  'le',
  'les',
]);

/** The words of a company name without its legal form. */
export const nameWords = (text: string): string[] => {
  const words = wordsOf(text);
  const kept = words.filter((w) => !LEGAL_FORMS.has(w));
  return kept.length ? kept : words;
};
