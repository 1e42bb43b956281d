/**
 * The rows behind email as chat (email/chat-reply.ts): who wrote, which conversation a thread
 * continues, and the reply queued in the outbox in the same transaction that ties the thread to its
 * conversation.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { aiConversations, outboxEmails, users } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';

export type UserRow = typeof users.$inferSelect;

export async function userById(db: Database, tenantId: string, userId: string): Promise<UserRow | undefined> {
  const [user] = await withTenant(db, tenantId, (tx) => tx.select().from(users).where(eq(users.id, userId)));
  return user;
}

/** The conversation an email thread continues for this person, if the thread has one. */
export async function threadConversation(db: Database, tenantId: string, threadKey: string, userId: string) {
  const [existing] = await withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(aiConversations)
      .where(and(eq(aiConversations.threadKey, threadKey), eq(aiConversations.userId, userId))),
  );
  return existing;
}

export interface EmailReply {
  conversationId: string;
  /** Set when the conversation was just opened by this email: it becomes the thread's. */
  newThreadKey: string | null;
  to: string;
  subject: string;
  text: string;
  inReplyTo: string;
}

export async function queueEmailReply(db: Database, tenantId: string, reply: EmailReply): Promise<void> {
  await withTenant(db, tenantId, async (tx) => {
    if (reply.newThreadKey)
      await tx
        .update(aiConversations)
        .set({ channel: 'email', threadKey: reply.newThreadKey })
        .where(eq(aiConversations.id, reply.conversationId));
    await tx.insert(outboxEmails).values({
      tenantId,
      to: reply.to,
      subject: reply.subject,
      text: reply.text,
      inReplyTo: reply.inReplyTo,
      relatedType: 'conversation',
      relatedId: reply.conversationId,
    });
  });
}
