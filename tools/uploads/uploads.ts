/**
 * Bills dropped in the chat: kept as documents rows (source "upload") through the documents area's
 * own storeDocument (size limit, real type from the bytes), and listed for the documents page with
 * what extraction read, when it has run.
 */
import { desc, eq } from 'drizzle-orm';
import { documents } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';
import type { Session } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { storeDocument } from '../documents/store.ts';

export interface DocumentListItem {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  source: string;
  status: string;
  confidence: number | null;
  extraction: unknown;
  error: string | null;
  createdAt: string;
}

const item = (d: Omit<typeof documents.$inferSelect, 'content' | 'embedding'>): DocumentListItem => ({
  id: d.id,
  filename: d.filename,
  mimeType: d.mimeType,
  sizeBytes: d.sizeBytes,
  source: d.source,
  status: d.status,
  confidence: d.confidence,
  extraction: d.extraction,
  error: d.error,
  createdAt: d.createdAt.toISOString(),
});

const columns = {
  id: documents.id,
  tenantId: documents.tenantId,
  filename: documents.filename,
  mimeType: documents.mimeType,
  sizeBytes: documents.sizeBytes,
  sha256: documents.sha256,
  source: documents.source,
  inboundEmailId: documents.inboundEmailId,
  status: documents.status,
  extraction: documents.extraction,
  confidence: documents.confidence,
  error: documents.error,
  readAttempts: documents.readAttempts,
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
};

/** Viewers read; they do not add documents to the company's books. */
export async function storeUpload(
  session: Session,
  file: { filename: string; declaredType: string; content: Buffer },
): Promise<DocumentListItem> {
  if (session.actor.role === 'viewer')
    throw forbidden(
      session.lang === 'fr'
        ? 'Un lecteur peut consulter, pas déposer de document.'
        : 'Viewers can read but not upload documents.',
    );
  const row = await withTenant(session.db, session.tenantId, (tx) =>
    storeDocument(tx, session.tenantId, { ...file, source: 'upload' }, session.lang),
  );
  return item(row);
}

export async function listDocuments(session: Session, limit = 100): Promise<DocumentListItem[]> {
  const rows = await withTenant(session.db, session.tenantId, (tx) =>
    tx.select(columns).from(documents).orderBy(desc(documents.createdAt)).limit(limit),
  );
  return rows.map(item);
}

export async function documentContent(
  session: Session,
  id: string,
): Promise<{ filename: string; mimeType: string; content: Buffer }> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('No such document.');
  const [row] = await withTenant(session.db, session.tenantId, (tx) =>
    tx
      .select({ filename: documents.filename, mimeType: documents.mimeType, content: documents.content })
      .from(documents)
      .where(eq(documents.id, id)),
  );
  if (!row) throw notFound('No such document.');
  return row;
}
