/**
 * Browser sessions. Login by email must find the person's company before any tenant context exists:
 * one SECURITY DEFINER function (comptoir_login_candidates) names the companies, then the password is
 * checked inside each company's own tenant transaction. The cookie token carries its tenant id
 * (mintSecret 'css'), so every later lookup runs under row-level security; only its hash is stored.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/index.ts';
import { tenantJoin, withoutTenant, withTenant } from '../../db/tenant.ts';
import type { Actor } from '../context.ts';
import { unauthorized } from '../errors.ts';
import { actorOf } from './api-tokens.ts';
import { verifyPassword } from './passwords.ts';
import { mintSecret, sha256, tenantOfSecret } from './tokens.ts';

const PREFIX = 'css';
/** A working day and then some; people log in again after that. */
export const SESSION_HOURS = 12;

export interface Company {
  tenantId: string;
  name: string;
}

export type LoginResult =
  | { outcome: 'invalid' }
  | { outcome: 'choose'; companies: (Company & { userId: string })[] }
  | ({ outcome: 'ok' } & NewSession);

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  tenantId: string;
  actor: Actor;
}

/** The companies where this email has an active login; nothing else leaves the definer function. */
export async function loginCandidates(db: Database, email: string): Promise<Company[]> {
  const rows = await withoutTenant(db, (tx) =>
    tx.execute(sql`select tenant_id, tenant_name from comptoir_login_candidates(${email})`),
  );
  return rowsOf<{ tenant_id: string; tenant_name: string }>(rows).map((r) => ({
    tenantId: r.tenant_id,
    name: r.tenant_name,
  }));
}

/**
 * Checks the password in every company the email belongs to; several matches let the person pick
 * (tenantId then says which). An unknown email and a wrong password answer alike.
 */
export async function login(
  db: Database,
  email: string,
  password: string,
  now: Date,
  tenantId?: string,
): Promise<LoginResult> {
  const normalized = email.trim().toLowerCase();
  const candidates = (await loginCandidates(db, normalized)).filter((c) => !tenantId || c.tenantId === tenantId);
  const matches: { company: Company; user: typeof users.$inferSelect }[] = [];
  for (const company of candidates) {
    const [user] = await withTenant(db, company.tenantId, (tx) =>
      tx
        .select()
        .from(users)
        .where(and(eq(users.email, normalized), eq(users.active, true))),
    );
    if (user && (await verifyPassword(password, user.passwordHash))) matches.push({ company, user });
  }
  if (!matches.length) return { outcome: 'invalid' };
  if (matches.length > 1)
    return { outcome: 'choose', companies: matches.map((m) => ({ ...m.company, userId: m.user.id })) };
  const { company, user } = matches[0]!;
  return { outcome: 'ok', ...(await startSession(db, company.tenantId, user.id, now)) };
}

/** A new session for a person whose password was just verified (by login, or before a company choice). */
export async function startSession(db: Database, tenantId: string, userId: string, now: Date): Promise<NewSession> {
  const { token, hash } = mintSecret(PREFIX, tenantId);
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  return withTenant(db, tenantId, async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.active, true)));
    if (!user) throw unauthorized('This account is not active.');
    await tx.insert(sessions).values({ tenantId, userId, tokenHash: hash, csrfToken, expiresAt, createdAt: now });
    return { token, csrfToken, expiresAt, tenantId, actor: actorOf(user) };
  });
}

export interface BrowserSession {
  sessionId: string;
  tenantId: string;
  tenantName: string;
  actor: Actor;
  email: string;
  csrfToken: string;
}

/** The live session behind a cookie, or null (unknown, expired, or the person deactivated). */
export async function sessionFromToken(db: Database, token: string, now: Date): Promise<BrowserSession | null> {
  const tenantId = tenantOfSecret(PREFIX, token);
  if (!tenantId) return null;
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, tenantJoin(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, sha256(token)));
    if (!row || row.session.expiresAt <= now || !row.user.active) return null;
    const tenant = await tx.query.tenants.findFirst({ columns: { name: true } });
    return {
      sessionId: row.session.id,
      tenantId,
      tenantName: tenant?.name ?? '',
      actor: actorOf(row.user),
      email: row.user.email,
      csrfToken: row.session.csrfToken,
    };
  });
}

export async function logout(db: Database, token: string): Promise<void> {
  const tenantId = tenantOfSecret(PREFIX, token);
  if (!tenantId) return;
  await withTenant(db, tenantId, (tx) => tx.delete(sessions).where(eq(sessions.tokenHash, sha256(token))));
}
