/**
 * Reads a freshly uploaded bill when the documents area offers extractDocument(bytes, options)
 * (from its index, or extract.ts): the result is shown in the chat as read. Keeping it on the
 * document row and proposing the bill is the documents area's job (documents.extraction); until it
 * does, the document stays "received" and the page says so.
 */
import type { Session } from '../../tools/context.ts';
import { documentContent } from '../../tools/uploads/uploads.ts';

type Extract = (bytes: Uint8Array, options: { filename: string; mimeType?: string }) => Promise<unknown>;

// Computed specifiers: these modules may not exist yet, and their absence is a normal state, not a build error.
const CANDIDATES = ['../../tools/documents/index.ts', '../../tools/documents/extract.ts'].map((p) => new URL(p, import.meta.url).href);

async function extractor(): Promise<Extract | null> {
  for (const specifier of CANDIDATES) {
    try {
      const mod = (await import(specifier)) as { extractDocument?: Extract };
      if (typeof mod.extractDocument === 'function') return mod.extractDocument;
    } catch {
      // Not there (yet): try the next one.
    }
  }
  return null;
}

export type UploadReading = { available: false } | { available: true; result: unknown };

export async function readUpload(session: Session, documentId: string): Promise<UploadReading> {
  const extract = await extractor();
  if (!extract) return { available: false };
  const file = await documentContent(session, documentId);
  // extractDocument never throws by contract: a failure is a result with a reason and a message.
  return { available: true, result: await extract(new Uint8Array(file.content), { filename: file.filename, mimeType: file.mimeType }) };
}
