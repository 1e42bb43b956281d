/**
 * MCP sessions kept in the database, so that any instance can answer a session another one opened,
 * and a restart drops none. Each instance still keeps a live transport per session it served (the SDK's
 * protocol state); the row is what lets another instance build its own (mcp-server/http.ts) and
 * what says the session still exists.
 */
import type { InitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { mcpSessions } from '../../db/schema/index.ts';
import { asSystem, withTenant } from '../../db/tenant.ts';
import type { Lang } from '../context.ts';

export interface StoredSession {
  id: string;
  tenantId: string;
  userId: string;
  lang: Lang;
  toolsets: string[] | undefined;
  /** How much tools/list carries (mcp-server/register.ts ListDetail). */
  detail: 'summary' | 'full';
  initialize: InitializeRequest['params'];
}

export async function saveSession(db: Database, stored: StoredSession, now: Date): Promise<void> {
  await withTenant(db, stored.tenantId, (tx) =>
    tx
      .insert(mcpSessions)
      .values({
        id: stored.id,
        tenantId: stored.tenantId,
        userId: stored.userId,
        lang: stored.lang,
        toolsets: stored.toolsets ?? null,
        detail: stored.detail,
        initialize: stored.initialize,
        createdAt: now,
        lastSeenAt: now,
      })
      .onConflictDoNothing(),
  );
}

/**
 * The session `id` of this person, seen now: its last use moves forward. Undefined when it was closed,
 * expired, or belongs to someone else (the same answer for all three: it reveals nothing).
 */
export async function touchSession(
  db: Database,
  tenantId: string,
  userId: string,
  id: string,
  now: Date,
): Promise<StoredSession | undefined> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .update(mcpSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(mcpSessions.tenantId, tenantId), eq(mcpSessions.id, id), eq(mcpSessions.userId, userId)))
      .returning(),
  );
  if (!row) return undefined;
  return {
    id: row.id,
    tenantId: row.tenantId,
    userId: row.userId,
    lang: row.lang as Lang,
    toolsets: row.toolsets ?? undefined,
    detail: row.detail === 'full' ? 'full' : 'summary',
    initialize: row.initialize as InitializeRequest['params'],
  };
}

export async function deleteSession(db: Database, tenantId: string, id: string): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx.delete(mcpSessions).where(and(eq(mcpSessions.tenantId, tenantId), eq(mcpSessions.id, id))),
  );
}

/** Sessions no instance has seen since `cutoff`, in every company: their clients start new ones. */
export async function deleteIdleSessions(db: Database, cutoff: Date): Promise<number> {
  const gone = await asSystem(db, (tx) =>
    tx.delete(mcpSessions).where(lt(mcpSessions.lastSeenAt, cutoff)).returning({ id: mcpSessions.id }),
  );
  return gone.length;
}
