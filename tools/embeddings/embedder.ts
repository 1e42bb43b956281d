/**
 * Which embedder the process uses: chosen once at start from the configuration (a Mistral key
 * means mistral-embed, otherwise the local hashed n-gram embedder), then read by the tools. Tools
 * never read the environment; they call embedText() and get the configured embedder's vector.
 */
import { localEmbedder } from './local.ts';
import { mistralEmbedder } from './mistral.ts';
import type { Embedder } from './types.ts';

export type { Embedder } from './types.ts';

let current: Embedder = localEmbedder;

/** Called once at start (server, MCP stdio, CLI); tests may set a fake. */
export function configureEmbedder(embedder: Embedder): void {
  current = embedder;
}

/** The embedder for a configuration: Mistral when a key is set, the offline embedder otherwise. */
export function embedderFor(config: { MISTRAL_API_KEY?: string | undefined }): Embedder {
  return config.MISTRAL_API_KEY ? mistralEmbedder(config.MISTRAL_API_KEY) : localEmbedder;
}

export const currentEmbedder = (): Embedder => current;

/**
 * The vector to store for a record (supplier, product, client). Null when the text is empty or the
 * embedder is unreachable: the record is still saved and still found by name, never blocked by a
 * network failure; the next rename embeds it again.
 */
export async function embedText(text: string): Promise<number[] | null> {
  try {
    const [vector] = await current.embed([text]);
    return vector ?? null;
  } catch (error) {
    console.warn(`Embedding skipped (${current.name}): ${(error as Error).message}`);
    return null;
  }
}
