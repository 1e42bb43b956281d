/**
 * Keeps the PDF an email carries as a document of the tenant, so what the client received can be
 * shown again exactly as sent (an invoice, a reminder with the invoice attached).
 */
import { createHash } from 'node:crypto';
import { documents } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';

/** A file an email carries: an invoice PDF, a Factur-X PDF, an e-invoice XML. */
export interface SentFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** The stored document's id and the outbox attachment that points at it. */
export async function keepSentPdf(
  ctx: ToolCtx,
  pdf: SentFile,
): Promise<{ documentId: string; attachment: { filename: string; contentType: string; documentId: string } }> {
  const [document] = await ctx.db
    .insert(documents)
    .values({
      tenantId: ctx.tenantId,
      filename: pdf.filename,
      mimeType: pdf.contentType,
      sizeBytes: pdf.bytes.length,
      sha256: createHash('sha256').update(pdf.bytes).digest('hex'),
      content: pdf.bytes,
      // Produced by Comptoir, not received: bill intake must never read it as a supplier bill.
      source: 'generated',
      status: 'booked',
    })
    .returning({ id: documents.id });
  const documentId = document!.id;
  return { documentId, attachment: { filename: pdf.filename, contentType: pdf.contentType, documentId } };
}
