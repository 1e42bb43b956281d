/**
 * Ranking of search candidates: a fuzzy name score (accent- and legal-form-blind, stem-aware) mixed
 * with the vector similarity from pgvector. Names decide when they agree — "Bureau Plus" finds
 * "Bureau Plus Inc." first — and meaning fills in when words differ ("ergonomic chair" finds
 * "Chaise ergonomique" through its English description or, with mistral-embed, across languages).
 */
import { foldText, nameWords, stemOf } from './text.ts';

/** How much each signal counts in the final score; names first, because people search by name. */
export const NAME_WEIGHT = 0.6;
export const VECTOR_WEIGHT = 0.4;
/** A name this close is a match on its own, whatever the vectors say. */
const NAME_MATCH = 0.3;

const stemsOf = (text: string) => nameWords(text).map(stemOf);

/** Two stems match when equal, or one begins the other and both have 4 letters or more ("ergonom" / "ergonomic"). */
const stemsMatch = (a: string, b: string) =>
  a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)));

/**
 * 1 for the same name once folded (accents, case, legal form, plurals), 0.9 when the query is a
 * run of words inside the name, else 0.85 × the Dice overlap of stems; 0 when nothing is shared.
 * @example nameScore('Bureau Plus', 'Bureau Plus Inc.') // 1
 * @example nameScore('chaises ergonomiques', 'Chaise ergonomique') // 1
 */
export function nameScore(query: string, candidate: string): number {
  const q = stemsOf(query);
  const c = stemsOf(candidate);
  if (!q.length || !c.length) return 0;
  if (q.join(' ') === c.join(' ')) return 1;
  if (` ${c.join(' ')} `.includes(` ${q.join(' ')} `)) return 0.9;
  // A query typed as one word ("bureauplus") against a spaced name.
  if (q.length === 1 && c.join('') === q[0]) return 0.95;
  const used = new Set<number>();
  let matched = 0;
  for (const word of q) {
    const at = c.findIndex((w, i) => !used.has(i) && stemsMatch(word, w));
    if (at >= 0) {
      used.add(at);
      matched++;
    }
  }
  return Math.round(0.85 * ((2 * matched) / (q.length + c.length)) * 1000) / 1000;
}

/**
 * Two names a person could not tell apart: the same once folded (case, accents, invisible characters,
 * punctuation, legal form, plurals). "Bureau\u200b Plus Inc." and "BUREAU PLUS" are; "Bureau Plus
 * Québec" is not. Duplicate checks of suppliers and clients refuse a lookalike as they refuse a twin.
 */
export function sameName(a: string, b: string): boolean {
  const x = stemsOf(a).join(' ');
  return x !== '' && x === stemsOf(b).join(' ');
}

export interface Candidate {
  id: string;
  /** Every text the record is known by: name, legal name, description, tax numbers. */
  texts: (string | null | undefined)[];
  /** pgvector cosine distance (`<=>`) to the query, null when either has no embedding. */
  distance: number | null;
}

export interface Ranked {
  id: string;
  score: number;
  nameScore: number;
  vectorScore: number;
}

/**
 * Scores and sorts candidates, keeping those whose name matches or whose meaning is related
 * (cosine similarity above the embedder's own threshold). Ties break on id for stable output.
 */
export function rankCandidates(query: string, candidates: readonly Candidate[], relatedAbove: number): Ranked[] {
  const folded = foldText(query);
  const ranked: Ranked[] = [];
  for (const candidate of candidates) {
    const names = candidate.texts.filter((t): t is string => Boolean(t?.trim()));
    const exactCode = names.some(
      (t) => foldText(t).replace(/ /g, '') === folded.replace(/ /g, '') && /\d/.test(folded),
    );
    const byName = exactCode ? 1 : Math.max(0, ...names.map((t) => nameScore(query, t)));
    const similarity =
      candidate.distance === null || Number.isNaN(candidate.distance) ? 0 : Math.max(0, 1 - candidate.distance);
    if (byName < NAME_MATCH && similarity < relatedAbove) continue;
    const score = Math.round((NAME_WEIGHT * byName + VECTOR_WEIGHT * similarity) * 1000) / 1000;
    ranked.push({ id: candidate.id, score, nameScore: byName, vectorScore: Math.round(similarity * 1000) / 1000 });
  }
  return ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/** A vector as pgvector's text input: '[0.1,0.2,…]'. */
export const vectorLiteral = (vector: readonly number[]): string => `[${vector.join(',')}]`;
