/**
 * The offline embedder: hashed character trigrams and word stems, signed, L2-normalised, in the
 * same 1024 dimensions as mistral-embed. Deterministic, so matching works without a network and
 * tests know exactly what they get. Texts sharing words, stems or spellings are close; unrelated
 * texts land near zero because each feature is hashed with a random-looking sign.
 */
import { EMBEDDING_DIMENSIONS } from '../../db/schema/columns.ts';
import type { Embedder } from './types.ts';
import { stemOf, wordsOf } from './text.ts';

/** FNV-1a, 32 bits: small, fast, and stable across Node versions (no dependence on Math.random). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Whole stems weigh more than trigrams: a shared word is stronger evidence than a shared spelling. */
const STEM_WEIGHT = 2;
const TRIGRAM_WEIGHT = 1;

function features(text: string): [string, number][] {
  const out: [string, number][] = [];
  for (const word of wordsOf(text)) {
    const stem = stemOf(word);
    out.push([`w:${stem}`, STEM_WEIGHT]);
    const padded = ` ${stem} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.push([`t:${padded.slice(i, i + 3)}`, TRIGRAM_WEIGHT]);
  }
  return out;
}

/** The vector of one text, or null when it has no letter or digit (a zero vector has no direction). */
export function localEmbedding(text: string, dimensions = EMBEDDING_DIMENSIONS): number[] | null {
  const vector = new Array<number>(dimensions).fill(0);
  const found = features(text);
  if (!found.length) return null;
  for (const [feature, weight] of found) {
    const hash = fnv1a(feature);
    const sign = (hash >>> 16) & 1 ? 1 : -1;
    vector[hash % dimensions]! += sign * weight;
  }
  const norm = Math.sqrt(vector.reduce((s, v) => s + v * v, 0));
  if (norm === 0) return null;
  return vector.map((v) => v / norm);
}

export const localEmbedder: Embedder = {
  name: 'local-ngram',
  dimensions: EMBEDDING_DIMENSIONS,
  // Measured on product and company names: unrelated pairs score below 0.2, a shared word above 0.35.
  relatedAbove: 0.3,
  embed: async (texts) => texts.map((t) => localEmbedding(t)),
};
