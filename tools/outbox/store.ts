/**
 * The outbox's rows: claiming queued mail for one sender at a time, and marking each message sent or
 * failed. Delivery itself (SMTP) is the mail frontend's (email/outbound.ts); the rows are here, with
 * the other tables, so no frontend touches them.
 */
import { and, asc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { documents, outboxEmails } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';

export type OutboxRow = typeof outboxEmails.$inferSelect;

/** How long a claim keeps other instances off a message: far longer than one SMTP exchange. */
const CLAIM_MS = 5 * 60_000;

/**
 * The oldest queued messages of a company nobody else holds, now held by this caller. Several
 * instances may claim at once: rows locked by another claim are skipped, claimed ones are left alone
 * until their claim runs out, so each message goes to one sender only.
 */
export async function claimQueuedMail(db: Database, tenantId: string, now: Date, limit: number): Promise<OutboxRow[]> {
  const queued = await withTenant(db, tenantId, (tx) => {
    const claimable = tx
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(
        and(
          eq(outboxEmails.status, 'queued'),
          or(isNull(outboxEmails.claimedUntil), lt(outboxEmails.claimedUntil, now)),
        ),
      )
      .orderBy(asc(outboxEmails.createdAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return tx
      .update(outboxEmails)
      .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS) })
      .where(inArray(outboxEmails.id, claimable))
      .returning();
  });
  return queued.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** The stored files a message attaches, by document id. */
export async function attachedFiles(db: Database, tenantId: string, mail: OutboxRow) {
  const ids = mail.attachments.map((a) => a.documentId).filter((id): id is string => Boolean(id));
  return ids.length
    ? withTenant(db, tenantId, (tx) => tx.select().from(documents).where(inArray(documents.id, ids)))
    : [];
}

export async function markSent(db: Database, tenantId: string, id: string, now: Date): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx
      .update(outboxEmails)
      .set({ status: 'sent', sentAt: now, error: null, claimedUntil: null })
      .where(and(eq(outboxEmails.id, id), eq(outboxEmails.status, 'queued'))),
  );
}

export async function markFailed(db: Database, tenantId: string, id: string, error: string): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx.update(outboxEmails).set({ status: 'failed', error, claimedUntil: null }).where(eq(outboxEmails.id, id)),
  );
}
