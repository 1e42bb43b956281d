/** Mail in and out: inbound messages (idempotent on Message-ID) and the outbox of mail Comptoir sends. */
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, tenantIsolation, tenantKey } from './columns.ts';
import { tenants } from './tenants.ts';

export const inboundEmails = pgTable(
  'inbound_emails',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    fromAddress: text('from_address').notNull(),
    subject: text('subject'),
    status: text('status', { enum: ['received', 'processed', 'quarantined', 'failed'] })
      .notNull()
      .default('received'),
    reason: text('reason'),
    raw: text('raw'),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [tenantKey(t), uniqueIndex('inbound_emails_message').on(t.tenantId, t.messageId), tenantIsolation()],
).enableRLS();

export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** [{ filename, contentType, documentId }] */
    attachments: jsonb('attachments')
      .$type<{ filename: string; contentType: string; documentId?: string }[]>()
      .notNull()
      .default([]),
    inReplyTo: text('in_reply_to'),
    status: text('status', { enum: ['queued', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    error: text('error'),
    /**
     * While set and in the future, one instance has claimed the message and is sending it; the others
     * skip it. A sender that dies mid-send leaves a claim that runs out, and the message is sent again.
     */
    claimedUntil: at('claimed_until'),
    relatedType: text('related_type'),
    relatedId: uuid('related_id'),
    createdAt: createdAt(),
    sentAt: at('sent_at'),
  },
  (t) => [
    tenantKey(t),
    // Mail waiting to go out, oldest first: a small set, whatever the archive's size.
    index('outbox_emails_queued').on(t.tenantId, t.createdAt).where(sql`${t.status} = 'queued'`).concurrently(),
    // Whether a mail was already sent for a record (an approval request's notification).
    index('outbox_emails_related')
      .on(t.tenantId, t.relatedType, t.relatedId)
      .where(sql`${t.relatedId} is not null`)
      .concurrently(),
    tenantIsolation(),
  ],
).enableRLS();
