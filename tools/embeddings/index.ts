/** Embeddings for matching and search: the configured embedder, the offline one, and ranking. */
export { configureEmbedder, currentEmbedder, embedText, embedderFor, type Embedder } from './embedder.ts';
export { localEmbedder, localEmbedding } from './local.ts';
export { mistralEmbedder } from './mistral.ts';
export { nameScore, rankCandidates, vectorLiteral, type Candidate, type Ranked } from './rank.ts';
export { foldText, nameWords, stemOf, wordsOf } from './text.ts';
