/** Per-user API tokens (MCP, REST): created once and shown once, stored hashed, revocable. */
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { apiTokens, users } from '../../db/schema/index.ts';
import { tenantJoin, withTenant } from '../../db/tenant.ts';
import type { Actor } from '../context.ts';
import { notFound, unauthorized } from '../errors.ts';
import { mintSecret, sha256, tenantOfSecret } from './tokens.ts';

const PREFIX = 'cpt';

export async function createApiToken(db: Database, tenantId: string, userId: string, name: string, expiresAt?: Date) {
  const { token, hash, display } = mintSecret(PREFIX, tenantId);
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ tenantId, userId, name, tokenHash: hash, prefix: display, expiresAt })
      .returning();
    return { id: row!.id, token, prefix: display };
  });
}

export async function revokeApiToken(db: Database, tenantId: string, tokenId: string, now = new Date()) {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw notFound('No active token with this id.');
  });
}

export async function listApiTokens(db: Database, tenantId: string) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        userId: apiTokens.userId,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .orderBy(desc(apiTokens.createdAt)),
  );
}

/**
 * "Last used" is written at most once a minute per token: enough to tell a live token from a forgotten
 * one, without turning every API or MCP call into a write.
 */
export const LAST_USED_EVERY_MS = 60_000;

const INVALID =
  'Invalid or revoked API token. Create a new one in Settings → API tokens, or with `comptoir token create`.';

/** The tenant and person behind a token; an unknown, revoked or expired token is refused. */
export async function authenticateToken(
  db: Database,
  token: string,
  now = new Date(),
): Promise<{ tenantId: string; actor: Actor }> {
  const tenantId = tenantOfSecret(PREFIX, token.trim());
  if (!tenantId) throw unauthorized(INVALID);
  const found = await withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, tenantJoin(users.id, apiTokens.userId))
      .where(eq(apiTokens.tokenHash, sha256(token.trim())));
    return row;
  });
  if (!found || found.token.revokedAt || !found.user.active || (found.token.expiresAt && found.token.expiresAt <= now))
    throw unauthorized(INVALID);
  const last = found.token.lastUsedAt;
  if (!last || now.getTime() - last.getTime() >= LAST_USED_EVERY_MS) {
    const before = new Date(now.getTime() - LAST_USED_EVERY_MS);
    await withTenant(db, tenantId, (tx) =>
      tx
        .update(apiTokens)
        .set({ lastUsedAt: now })
        // The guard again in SQL: of two requests at once, one writes.
        .where(
          and(eq(apiTokens.id, found.token.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, before))),
        ),
    );
  }
  return { tenantId, actor: actorOf(found.user) };
}

/** One line of `comptoir token list`: id, prefix, name, state and when it was last used. */
export function tokenListLine(t: Awaited<ReturnType<typeof listApiTokens>>[number]): string {
  const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'active';
  const used = t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString()}` : 'never used';
  return `${t.id}  ${t.prefix}  ${t.name}  ${state}  ${used}`;
}

export function actorOf(user: typeof users.$inferSelect): Actor {
  return {
    userId: user.id,
    name: user.name,
    role: user.role,
    lang: user.language,
    aiAutoApproveLimitCents: user.aiAutoApproveLimitCents,
    approvalLimitCents: user.approvalLimitCents,
  };
}
