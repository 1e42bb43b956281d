/**
 * Reads a bill dropped in the chat through the same intake as emailed bills: the reading is kept on
 * the document and the bill proposed through the action door for the person who dropped it. The
 * chat shows what was read.
 */
import { eq } from 'drizzle-orm';
import { documents } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';
import type { Session } from '../../tools/context.ts';
import { readBill, type IntakeOutcome } from '../../tools/intake/read-bill.ts';

export type UploadReading = { available: false } | { available: true; result: unknown; intake: IntakeOutcome };

export async function readUpload(session: Session, documentId: string): Promise<UploadReading> {
  const intake = await readBill(session.db, session.tenantId, documentId, {
    source: 'chat',
    now: session.now,
    uploaderId: session.actor.userId,
  });
  const [doc] = await withTenant(session.db, session.tenantId, (tx) =>
    tx.select({ extraction: documents.extraction }).from(documents).where(eq(documents.id, documentId)),
  );
  return doc?.extraction ? { available: true, result: doc.extraction, intake } : { available: false };
}
