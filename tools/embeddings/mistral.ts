/**
 * mistral-embed through the official client: 1024 dimensions, multilingual, so "chaise" and
 * "chair" are close without sharing a letter. Used when a Mistral API key is configured.
 */
import { Mistral } from '@mistralai/mistralai';
import { EMBEDDING_DIMENSIONS } from '../../db/schema/columns.ts';
import { upstream } from '../errors.ts';
import type { Embedder } from './types.ts';

/** The part of the Mistral client this embedder uses, so tests can hand in a fake. */
export interface MistralEmbeddingsClient {
  embeddings: {
    create(request: {
      model: string;
      inputs: string[];
    }): Promise<{ data: { embedding?: number[] | undefined; index?: number | undefined }[] }>;
  };
}

export const MISTRAL_EMBED_MODEL = 'mistral-embed';

export function mistralEmbedder(apiKey: string, client: MistralEmbeddingsClient = new Mistral({ apiKey })): Embedder {
  return {
    name: MISTRAL_EMBED_MODEL,
    dimensions: EMBEDDING_DIMENSIONS,
    // mistral-embed puts unrelated business texts around 0.6–0.7 cosine; related ones above 0.78.
    relatedAbove: 0.75,
    async embed(texts) {
      const wanted = texts.map((t, i) => ({ t: t.trim(), i })).filter((x) => x.t.length > 0);
      const out: (number[] | null)[] = texts.map(() => null);
      if (!wanted.length) return out;
      let response: Awaited<ReturnType<typeof client.embeddings.create>>;
      try {
        response = await client.embeddings.create({ model: MISTRAL_EMBED_MODEL, inputs: wanted.map((x) => x.t) });
      } catch (error) {
        throw upstream(
          `Mistral embeddings failed: ${(error as Error).message}. Check MISTRAL_API_KEY, or unset it to use the local embedder.`,
        );
      }
      response.data.forEach((d, k) => {
        const vector = d.embedding;
        if (!vector || vector.length !== EMBEDDING_DIMENSIONS)
          throw upstream(
            `Mistral returned an embedding of ${vector?.length ?? 0} dimensions, expected ${EMBEDDING_DIMENSIONS}.`,
          );
        out[wanted[d.index ?? k]!.i] = vector;
      });
      return out;
    },
  };
}
