/** Conversations with the agent (chat, email, MCP) and their messages, with token and latency figures. */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, sameTenant, tenantIsolation, tenantKey, updatedAt } from './columns.ts';
import { language, tenants } from './tenants.ts';
import { users } from './users.ts';

export const aiConversations = pgTable(
  'ai_conversations',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id'),
    channel: text('channel', { enum: ['chat', 'email', 'mcp'] })
      .notNull()
      .default('chat'),
    title: text('title'),
    language: language('language').notNull(),
    /** For email: the thread's first Message-ID, so replies land in the same conversation. */
    threadKey: text('thread_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.userId, () => users),
    // A person's conversations, latest first.
    index('ai_conversations_user').on(t.tenantId, t.userId, t.updatedAt).concurrently(),
    // The conversation an email reply belongs to.
    index('ai_conversations_thread').on(t.tenantId, t.threadKey).where(sql`${t.threadKey} is not null`).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const aiMessages = pgTable(
  'ai_messages',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').notNull(),
    role: text('role', { enum: ['user', 'assistant', 'tool', 'system'] }).notNull(),
    content: text('content').notNull(),
    toolCalls: jsonb('tool_calls'),
    actionIds: jsonb('action_ids').$type<string[]>().notNull().default([]),
    tokensIn: integer('tokens_in'),
    tokensOut: integer('tokens_out'),
    latencyMs: integer('latency_ms'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.conversationId, () => aiConversations).onDelete('cascade'),
    // A conversation's messages, in order.
    index('ai_messages_conversation').on(t.tenantId, t.conversationId, t.createdAt).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();
