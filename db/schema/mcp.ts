/**
 * MCP sessions opened over Streamable HTTP. The live session (its transport) stays in the process
 * that opened it; this row lets any other instance, or the same one after a restart, recognise the
 * session id and serve it without server-initiated requests (mcp-server/http.ts).
 */
import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, sameTenant, tenantIsolation, tenantKey } from './columns.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const mcpSessions = pgTable(
  'mcp_sessions',
  {
    /** The Mcp-Session-Id the client sends. */
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    createdAt: createdAt(),
    closedAt: at('closed_at'),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.userId, () => users).onDelete('cascade'),
    index('mcp_sessions_user').on(t.tenantId, t.userId).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();
