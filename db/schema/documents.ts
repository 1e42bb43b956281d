/** Files received (uploads, email attachments) and what extraction read from them. */
import { customType, integer, jsonb, pgEnum, pgTable, real, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, embedding, id, tenantIsolation, updatedAt } from './columns.ts';
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
    embedding: embedding(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  () => [tenantIsolation()],
).enableRLS();
