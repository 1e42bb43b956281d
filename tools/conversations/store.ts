/**
 * Chat conversations and their messages (ai_conversations, ai_messages), always through the person's
 * own tenant transaction. A person sees only their own conversations: history is per user.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { aiConversations, aiMessages } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';
import type { Session } from '../context.ts';
import { notFound } from '../errors.ts';

export type ConversationRow = typeof aiConversations.$inferSelect;
export type MessageRow = typeof aiMessages.$inferSelect;

export interface NewMessage {
  role: 'user' | 'assistant' | 'tool' | 'system';
  content: string;
  toolCalls?: unknown;
  actionIds?: string[];
  tokensIn?: number | null;
  tokensOut?: number | null;
  latencyMs?: number | null;
}

const TITLE_LENGTH = 80;

/** The person's conversation with this id, or a new one titled after the first message. */
export async function openConversation(
  session: Session,
  conversationId: string | undefined,
  firstText: string,
): Promise<ConversationRow> {
  return withTenant(session.db, session.tenantId, async (tx) => {
    if (conversationId) {
      const [row] = await tx
        .select()
        .from(aiConversations)
        .where(and(eq(aiConversations.id, conversationId), eq(aiConversations.userId, session.actor.userId)));
      if (!row)
        throw notFound(
          session.lang === 'fr'
            ? 'Conversation introuvable : commencez-en une nouvelle.'
            : 'Conversation not found: start a new one.',
        );
      return row;
    }
    const title = firstText.trim().replace(/\s+/g, ' ').slice(0, TITLE_LENGTH) || null;
    const [row] = await tx
      .insert(aiConversations)
      .values({
        tenantId: session.tenantId,
        userId: session.actor.userId,
        channel: 'chat',
        title,
        language: session.lang,
      })
      .returning();
    return row!;
  });
}

export async function appendMessage(
  session: Session,
  conversationId: string,
  message: NewMessage,
): Promise<MessageRow> {
  return withTenant(session.db, session.tenantId, async (tx) => {
    const [row] = await tx
      .insert(aiMessages)
      .values({
        tenantId: session.tenantId,
        conversationId,
        role: message.role,
        content: message.content,
        toolCalls: message.toolCalls ?? null,
        actionIds: message.actionIds ?? [],
        tokensIn: message.tokensIn ?? null,
        tokensOut: message.tokensOut ?? null,
        latencyMs: message.latencyMs ?? null,
        // The database clock, not the session's: messages are ordered by it, and an injected test
        // clock that stands still would make a question and its answer tie.
      })
      .returning();
    await tx.update(aiConversations).set({ updatedAt: row!.createdAt }).where(eq(aiConversations.id, conversationId));
    return row!;
  });
}

/** The person's conversations, most recently active first. */
export async function listConversations(session: Session, limit = 50): Promise<ConversationRow[]> {
  return withTenant(session.db, session.tenantId, (tx) =>
    tx
      .select()
      .from(aiConversations)
      .where(eq(aiConversations.userId, session.actor.userId))
      .orderBy(desc(aiConversations.updatedAt))
      .limit(limit),
  );
}

/** Messages of one of the person's conversations, oldest first. */
export async function conversationMessages(session: Session, conversationId: string): Promise<MessageRow[]> {
  return withTenant(session.db, session.tenantId, async (tx) => {
    const [owned] = await tx
      .select({ id: aiConversations.id })
      .from(aiConversations)
      .where(and(eq(aiConversations.id, conversationId), eq(aiConversations.userId, session.actor.userId)));
    if (!owned) throw notFound(session.lang === 'fr' ? 'Conversation introuvable.' : 'Conversation not found.');
    return tx
      .select()
      .from(aiMessages)
      .where(eq(aiMessages.conversationId, conversationId))
      .orderBy(asc(aiMessages.createdAt), asc(aiMessages.id));
  });
}
