/**
 * Reads a bill dropped in the chat through the same intake as emailed bills: the reading is kept on
 * the document and the bill proposed through the action door for the person who dropped it. The
 * chat shows what was read.
 */
import type { Session } from '../../tools/context.ts';
import { documentReading } from '../../tools/documents/store.ts';
import { readBill, type IntakeOutcome } from '../../tools/intake/read-bill.ts';

export type UploadReading = { available: false } | { available: true; result: unknown; intake: IntakeOutcome };

export async function readUpload(session: Session, documentId: string): Promise<UploadReading> {
  const intake = await readBill(session.db, session.tenantId, documentId, {
    source: 'chat',
    now: session.now,
    uploaderId: session.actor.userId,
  });
  const reading = await documentReading(session.db, session.tenantId, documentId);
  return reading ? { available: true, result: reading, intake } : { available: false };
}
