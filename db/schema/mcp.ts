/**
 * What outlives one process for the MCP endpoint: open MCP sessions, so any instance can answer a
 * session another opened (and a restart drops none); and failed logins, so the login throttle holds
 * across instances.
 */
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, sameTenant, tenantIsolation, tenantKey } from './columns.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const mcpSessions = pgTable(
  'mcp_sessions',
  {
    /** The Mcp-Session-Id the client sends. */
    id: uuid('id').notNull(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    /** The language and choices the session was opened with (Accept-Language, ?toolsets, ?detail). */
    lang: text('lang').notNull(),
    toolsets: text('toolsets').array(),
    detail: text('detail').notNull(),
    /** The client's initialize params (version, capabilities, name): replayed to rebuild the session elsewhere. */
    initialize: jsonb('initialize').notNull(),
    createdAt: createdAt(),
    lastSeenAt: at('last_seen_at').notNull().default(sql`now()`),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.userId, () => users).onDelete('cascade'),
    index('mcp_sessions_user').on(t.tenantId, t.userId),
    index('mcp_sessions_last_seen').on(t.lastSeenAt),
    tenantIsolation(),
  ],
).enableRLS();

/**
 * Failed logins, shared by every instance: the throttle counts them by key (IP and email, or email
 * alone). Before login no company is known, so the table has none (read and written as the owner).
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: id().primaryKey(),
    key: text('key').notNull(),
    failedAt: at('failed_at').notNull(),
  },
  (t) => [index('login_failures_key').on(t.key, t.failedAt)],
  // Row-level security with no policy for the application role: its keys hold people's email
  // addresses across companies, so only the owner role (asSystem) reads or writes them.
).enableRLS();
