/** Files received (uploads, email attachments) and what extraction read from them. */
import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgEnum, pgTable, real, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, embedding, id, tenantIsolation, tenantKey, updatedAt } from './columns.ts';
import { tenants } from './tenants.ts';

export const documentStatus = pgEnum('document_status', [
  'received',
  'reading',
  'extracted',
  'proposed',
  'booked',
  'failed',
  'quarantined',
]);

/** File bytes kept in the database, so one backup holds everything and tenants stay isolated by RLS. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export const documents = pgTable(
  'documents',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** 'generated': a document Comptoir produced itself (a purchase order PDF sent to a supplier). */
    source: text('source', { enum: ['upload', 'email', 'mcp', 'api', 'generated'] }).notNull(),
    inboundEmailId: uuid('inbound_email_id'),
    status: documentStatus('status').notNull().default('received'),
    /** Fields read, each with its value, confidence and where it came from (xml, text, ocr). */
    extraction: jsonb('extraction'),
    confidence: real('confidence'),
    error: text('error'),
    /** Times reading started: the intake sweep gives up (failed, with the reason) after a few. */
    readAttempts: integer('read_attempts').notNull().default(0),
    embedding: embedding(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey(t),
    // The uploads list, newest first.
    index('documents_created').on(t.tenantId, t.createdAt).concurrently(),
    // The documents register filtered by status (failed, quarantined…), newest first.
    index('documents_status').on(t.tenantId, t.status, t.createdAt).concurrently(),
    // Documents still waiting to be read or being read: a small set, whatever the archive's size.
    index('documents_unread')
      .on(t.tenantId, t.createdAt)
      .where(sql`${t.status} in ('received', 'reading')`)
      .concurrently(),
    tenantIsolation(),
  ],
).enableRLS();
