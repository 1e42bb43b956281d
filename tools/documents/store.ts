/**
 * Keeps a received file (upload, email attachment, MCP, API) as a `documents` row, inside the
 * tenant's transaction. The one place that decides which files are bills we can read.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { documents } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';
import type { Lang } from '../context.ts';
import { invalid } from '../errors.ts';
import { storeRefusals } from './texts.ts';

/** A bill is rarely over a few MB; 20 MB leaves room for phone photos and scans. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** What extraction can read: PDFs, images of paper bills, and e-invoice XML. */
export const READABLE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'image/webp',
  'application/xml',
  'text/xml',
] as const;

/** The file's real type from its first bytes; the declared type and extension are only hints. */
export function sniffType(content: Buffer, declared: string, filename: string): string {
  const head = content.subarray(0, 16);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 4).toString('latin1') === 'II*\u0000' || head.subarray(0, 4).toString('latin1') === 'MM\u0000*')
    return 'image/tiff';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  const text = content
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<?xml') || (/\.xml$/i.test(filename) && text.startsWith('<'))) return 'application/xml';
  return declared.toLowerCase().split(';')[0]!.trim() || 'application/octet-stream';
}

export const isReadable = (mimeType: string) => (READABLE_TYPES as readonly string[]).includes(mimeType);

export type DocumentSource = (typeof documents.$inferInsert)['source'];

/** Refuses, in `lang`, a file over the documents' size limit: for callers that know its size before its bytes. */
export function assertDocumentSize(filename: string, bytes: number, lang: Lang): void {
  if (bytes > MAX_DOCUMENT_BYTES)
    throw invalid(storeRefusals[lang].tooLarge(filename, (bytes / 1048576).toFixed(1), MAX_DOCUMENT_BYTES / 1048576));
}

/** Keeps one file; an empty or oversized one is refused in `lang`, the language of the person who sent it. */
export async function storeDocument(
  tx: Tx,
  tenantId: string,
  file: { filename: string; declaredType: string; content: Buffer; source: DocumentSource; inboundEmailId?: string },
  lang: Lang = 'en',
) {
  if (file.content.length === 0) throw invalid(storeRefusals[lang].empty(file.filename));
  assertDocumentSize(file.filename, file.content.length, lang);
  const mimeType = sniffType(file.content, file.declaredType, file.filename);
  const [row] = await tx
    .insert(documents)
    .values({
      tenantId,
      filename: file.filename.slice(0, 255),
      mimeType,
      sizeBytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      source: file.source,
      inboundEmailId: file.inboundEmailId,
      status: isReadable(mimeType) ? 'received' : 'failed',
      error: isReadable(mimeType)
        ? null
        : `Not a bill format Comptoir reads (${mimeType}): send a PDF, an image or e-invoice XML.`,
    })
    .returning();
  return row!;
}

/** What was read from a document (null before it is read, or when it could not be). */
export async function documentReading(db: Database, tenantId: string, documentId: string): Promise<unknown> {
  const [doc] = await withTenant(db, tenantId, (tx) =>
    tx.select({ extraction: documents.extraction }).from(documents).where(eq(documents.id, documentId)),
  );
  return doc?.extraction ?? null;
}
