/** What every embedder offers: its own module so the embedders and the chooser both read it. */
export interface Embedder {
  /** Stored with nothing, but logged and shown by diagnostics: which space the vectors live in. */
  name: string;
  dimensions: number;
  /** Cosine similarity above which two texts are taken as related (each model spreads differently). */
  relatedAbove: number;
  /** One vector per text, null for a text with nothing to embed. */
  embed(texts: readonly string[]): Promise<(number[] | null)[]>;
}
