/**
 * One document as a person turns it into a bill: what was read from it (the stored extraction), its
 * status, and the email it came in with. The file's bytes are not read here (documentContent serves them).
 */
import { eq } from 'drizzle-orm';
import { documents, inboundEmails } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';
import type { Session } from '../context.ts';
import type { Extracted } from '../documents/schemas.ts';
import { notFound } from '../errors.ts';

export interface DocumentReading {
  id: string;
  filename: string;
  mimeType: string;
  status: string;
  extraction: Extracted | null;
  email: { from: string; subject: string | null } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Another company's document, or none, is "not found" alike (RLS hides it; the id check spares a query). */
export async function documentReading(session: Session, id: string): Promise<DocumentReading> {
  const missing = () => notFound(session.lang === 'fr' ? 'Document introuvable.' : 'No such document.');
  if (!UUID.test(id)) throw missing();
  const [row] = await withTenant(session.db, session.tenantId, (tx) =>
    tx
      .select({
        id: documents.id,
        filename: documents.filename,
        mimeType: documents.mimeType,
        status: documents.status,
        extraction: documents.extraction,
        from: inboundEmails.fromAddress,
        subject: inboundEmails.subject,
      })
      .from(documents)
      .leftJoin(inboundEmails, eq(inboundEmails.id, documents.inboundEmailId))
      .where(eq(documents.id, id)),
  );
  if (!row) throw missing();
  return {
    id: row.id,
    filename: row.filename,
    mimeType: row.mimeType,
    status: row.status,
    extraction: (row.extraction as Extracted | null) ?? null,
    email: row.from ? { from: row.from, subject: row.subject } : null,
  };
}
