/**
 * Confidence is computed from evidence, never taken from the model's word alone: each factor adds or
 * removes a weight from a neutral prior, and the factors are stored so a manager can see why.
 */
import type { EvidenceFactor } from '../../db/schema/actions.ts';
import type { Lang } from '../context.ts';

export type { EvidenceFactor };

const PRIOR = 0.5;
/** The model's own estimate may move the score by at most this much either way. */
const MODEL_WEIGHT = 0.1;

export function confidenceFrom(factors: readonly EvidenceFactor[]): number {
  const score = factors.reduce((total, f) => total + f.weight, PRIOR);
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** The model's self-assessment (0..1) as one bounded factor among others, told in the language of the person it acts for. */
export function modelFactor(selfReported: number, lang: Lang): EvidenceFactor {
  const clamped = Math.min(1, Math.max(0, selfReported));
  const weight = Math.round((clamped - 0.5) * 2 * MODEL_WEIGHT * 1000) / 1000;
  const rating = clamped.toFixed(2);
  const detail =
    lang === 'fr'
      ? `Le modèle a noté sa propre proposition ${rating.replace('.', ',')}.`
      : `The model rated its own proposal ${rating}.`;
  return { factor: 'model_self_assessment', weight, detail };
}

/** A person asking directly knows what they want: full confidence, their rights still apply. */
export function personFactor(lang: Lang): EvidenceFactor {
  return {
    factor: 'person_request',
    weight: 0.5,
    detail: lang === 'fr' ? 'Demandé directement par une personne.' : 'Requested directly by a person.',
  };
}
