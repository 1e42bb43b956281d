// The offline embedder and the ranking of search candidates: expected values are written out.
import { describe, expect, it } from 'vitest';
import { EMBEDDING_DIMENSIONS } from '../../../db/schema/columns.ts';
import { configureEmbedder, currentEmbedder, embedText, embedderFor } from '../../../tools/embeddings/embedder.ts';
import { localEmbedder, localEmbedding } from '../../../tools/embeddings/local.ts';
import { mistralEmbedder, type MistralEmbeddingsClient } from '../../../tools/embeddings/mistral.ts';
import { nameScore, rankCandidates } from '../../../tools/embeddings/rank.ts';
import { foldText, stemOf } from '../../../tools/embeddings/text.ts';

const cosine = (a: string, b: string) => {
  const x = localEmbedding(a)!;
  const y = localEmbedding(b)!;
  return x.reduce((s, v, i) => s + v * y[i]!, 0);
};

describe('foldText and stemOf', () => {
  it.each([
    ['Québec-Électrique Ltée', 'quebec electrique ltee'],
    ['  Bureau   Plus Inc. ', 'bureau plus inc'],
    ['Œuvre & Cie', 'oeuvre cie'],
  ])('folds %j to %j', (text, folded) => expect(foldText(text)).toBe(folded));

  it.each([
    ['ergonomiques', 'ergonomic'],
    ['ergonomique', 'ergonomic'],
    ['ergonomic', 'ergonomic'],
    ['chaises', 'chais'],
    ['chaise', 'chais'],
    ['bureaux', 'bureau'],
    ['journaux', 'journal'],
    ['class', 'class'],
  ])('stems %s to %s', (word, stem) => expect(stemOf(word)).toBe(stem));
});

describe('localEmbedding', () => {
  it('is 1024 numbers of unit length, the same every time', () => {
    const v = localEmbedding('Bureau Plus Inc.')!;
    expect(v).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(Math.abs(Math.sqrt(v.reduce((s, x) => s + x * x, 0)) - 1)).toBeLessThan(1e-9);
    expect(localEmbedding('Bureau Plus Inc.')).toEqual(v);
  });

  it('has no vector for a text without letters or digits', () => {
    expect(localEmbedding('  -- ')).toBeNull();
  });

  it.each([
    // [a, b, at least, at most]
    ['Hydro Québec', 'hydro-quebec', 0.999, 1.001],
    ['ergonomique', 'ergonomic', 0.999, 1.001],
    ['Bureau Plus', 'Bureau Plus Inc.', 0.75, 0.9],
    ['chaises ergonomiques', 'Chaise ergonomique', 0.999, 1.001],
    ['ergonomic chair', 'Chaise ergonomique. Ergonomic chair', 0.8, 1],
    ['Bureau Plus', 'Papeterie Laval', -0.1, 0.1],
    ['chaises ergonomiques', 'Bureau assis-debout. Standing desk', -0.1, 0.1],
  ])('cosine(%j, %j) is within [%f, %f]', (a, b, low, high) => {
    const c = cosine(a, b);
    expect(c).toBeGreaterThanOrEqual(low);
    expect(c).toBeLessThanOrEqual(high);
  });
});

describe('nameScore', () => {
  it.each([
    ['Bureau Plus', 'Bureau Plus Inc.', 1],
    ['bureau plus', 'BUREAU PLUS LTÉE', 1],
    ['chaises ergonomiques', 'Chaise ergonomique', 1],
    ['Plus', 'Bureau Plus Inc.', 0.9],
    ['bureauplus', 'Bureau Plus Inc.', 0.95],
    // Dice of stems: 2 × 1 shared / (2 + 3 words) × 0.85 = 0.34
    ['Bureau Plus', 'Bureau en Gros', 0.34],
    ['ergonomic chair', 'Chaise ergonomique', 0.425],
    ['Acme', 'Bureau Plus Inc.', 0],
    ['', 'Bureau Plus', 0],
  ])('nameScore(%j, %j) = %f', (q, c, expected) => expect(nameScore(q, c)).toBe(expected));
});

describe('rankCandidates', () => {
  it('puts the exact name first, keeps related meanings, drops the unrelated', () => {
    const ranked = rankCandidates(
      'Bureau Plus',
      [
        { id: 'a', texts: ['Bureau en Gros'], distance: 0.5 },
        { id: 'b', texts: ['Bureau Plus Inc.', null], distance: 0.2 },
        { id: 'c', texts: ['Papeterie Laval'], distance: 1 },
        { id: 'd', texts: ['Fournitures BP'], distance: 0.6 },
      ],
      0.3,
    );
    // b: 0.6 × 1 + 0.4 × 0.8 = 0.92; a: 0.6 × 0.34 + 0.4 × 0.5 = 0.404; d: 0.6 × 0 + 0.4 × 0.4 = 0.16
    expect(ranked).toEqual([
      { id: 'b', score: 0.92, nameScore: 1, vectorScore: 0.8 },
      { id: 'a', score: 0.404, nameScore: 0.34, vectorScore: 0.5 },
      { id: 'd', score: 0.16, nameScore: 0, vectorScore: 0.4 },
    ]);
  });

  it('matches a tax number written with or without spaces', () => {
    const ranked = rankCandidates(
      '123456789RT0001',
      [{ id: 'x', texts: ['Acme', '123456789 RT0001'], distance: null }],
      0.3,
    );
    expect(ranked).toEqual([{ id: 'x', score: 0.6, nameScore: 1, vectorScore: 0 }]);
  });
});

describe('the configured embedder', () => {
  it('is local without a Mistral key and Mistral with one', () => {
    expect(embedderFor({}).name).toBe('local-ngram');
    expect(embedderFor({ MISTRAL_API_KEY: 'k' }).name).toBe('mistral-embed');
  });

  it('asks Mistral for mistral-embed vectors and keeps their order, skipping empty texts', async () => {
    const calls: unknown[] = [];
    const fake: MistralEmbeddingsClient = {
      embeddings: {
        create: async (request) => {
          calls.push(request);
          return {
            data: request.inputs.map((_, i) => ({ index: i, embedding: new Array(EMBEDDING_DIMENSIONS).fill(i + 1) })),
          };
        },
      },
    };
    const out = await mistralEmbedder('key', fake).embed(['un', ' ', 'deux']);
    expect(calls).toEqual([{ model: 'mistral-embed', inputs: ['un', 'deux'] }]);
    expect(out.map((v) => v?.[0] ?? null)).toEqual([1, null, 2]);
  });

  it('stores no vector (null) when the embedder fails, instead of failing the write', async () => {
    const broken: MistralEmbeddingsClient = {
      embeddings: {
        create: async () => {
          throw new Error('401 Unauthorized');
        },
      },
    };
    const warn = console.warn;
    console.warn = () => {};
    try {
      configureEmbedder(mistralEmbedder('bad', broken));
      expect(await embedText('Bureau Plus')).toBeNull();
    } finally {
      configureEmbedder(localEmbedder);
      console.warn = warn;
    }
    expect(currentEmbedder().name).toBe('local-ngram');
  });
});
