/**
 * Single-use links by email for a person's own account: an invitation to set a first password, or a
 * password reset. The token (mintSecret 'cal') names its company, is stored only as a SHA-256 hash,
 * expires, and is spent by a guarded update, so two clicks cannot both use it. A link of one company
 * is looked up inside that company only: changing the company part of a token finds nothing.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { accountLinks, outboxEmails, tenants, users } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';
import type { Lang } from '../context.ts';
import { invalid } from '../errors.ts';
import { accountMail } from './account-texts.ts';
import { hashPassword } from './passwords.ts';
import { loginCandidates } from './sessions.ts';
import { mintSecret, sha256, tenantOfSecret } from './tokens.ts';

const PREFIX = 'cal';
export const INVITE_DAYS = 7;
export const RESET_MINUTES = 60;
/** Long enough to resist guessing offline, short enough to type; the page says so in both languages. */
export const MIN_PASSWORD = 10;

export type LinkPurpose = 'invite' | 'reset';

export const accountLinkUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}/account/link/${token}`;

/** Mints a link for a person of this company; the token is returned once, for the mail. */
export async function mintAccountLink(tx: Tx, tenantId: string, userId: string, purpose: LinkPurpose, now: Date) {
  const { token, hash } = mintSecret(PREFIX, tenantId);
  const ms = purpose === 'invite' ? INVITE_DAYS * 86_400_000 : RESET_MINUTES * 60_000;
  await tx
    .insert(accountLinks)
    .values({ tenantId, userId, purpose, tokenHash: hash, createdAt: now, expiresAt: new Date(now.getTime() + ms) });
  return token;
}

/**
 * Writes an invitation to the company's outbox for a person who has no password yet (a new invitee,
 * or one whose first link ran out): a new link each time, the older ones spent.
 */
export async function sendInvitation(
  db: Database,
  tenantId: string,
  a: { userId: string; inviterName: string; publicUrl: string; now: Date },
): Promise<{ to: string; expiresAt: Date }> {
  return withTenant(db, tenantId, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, a.userId));
    if (!user) throw invalid('No such person in this company.');
    if (user.passwordHash) throw invalid('This person has already set a password: they can log in.');
    const [company] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
    await spendOpenLinks(tx, user.id, a.now);
    const token = await mintAccountLink(tx, tenantId, user.id, 'invite', a.now);
    const words = accountMail[user.language];
    await tx.insert(outboxEmails).values({
      tenantId,
      to: user.email,
      subject: words.inviteSubject(company!.name),
      text: words.inviteText({
        name: user.name,
        inviter: a.inviterName,
        company: company!.name,
        role: user.role,
        link: accountLinkUrl(a.publicUrl, token),
        days: INVITE_DAYS,
      }),
      relatedType: 'account_invite',
      relatedId: user.id,
    });
    return { to: user.email, expiresAt: new Date(a.now.getTime() + INVITE_DAYS * 86_400_000) };
  });
}

/**
 * A reset link to every company where this email has an active login; nothing at all for an unknown
 * email. The caller answers the same sentence either way, so the form tells nobody who has an account.
 */
export async function requestPasswordReset(db: Database, email: string, publicUrl: string, now: Date): Promise<void> {
  const normalized = email.trim().toLowerCase();
  for (const company of await loginCandidates(db, normalized)) {
    await withTenant(db, company.tenantId, async (tx) => {
      const [user] = await tx
        .select()
        .from(users)
        .where(and(eq(users.email, normalized), eq(users.active, true)));
      if (!user) return;
      const token = await mintAccountLink(tx, company.tenantId, user.id, 'reset', now);
      const words = accountMail[user.language];
      await tx.insert(outboxEmails).values({
        tenantId: company.tenantId,
        to: user.email,
        subject: words.resetSubject(company.name),
        text: words.resetText({
          name: user.name,
          company: company.name,
          link: accountLinkUrl(publicUrl, token),
          minutes: RESET_MINUTES,
        }),
        relatedType: 'account_reset',
        relatedId: user.id,
      });
    });
  }
}

export interface OpenLink {
  tenantId: string;
  companyName: string;
  purpose: LinkPurpose;
  name: string;
  email: string;
  lang: Lang;
}

async function liveLink(tx: Tx, token: string, now: Date) {
  const [row] = await tx
    .select({ link: accountLinks, user: users })
    .from(accountLinks)
    .innerJoin(users, and(eq(users.tenantId, accountLinks.tenantId), eq(users.id, accountLinks.userId)))
    .where(
      and(
        eq(accountLinks.tokenHash, sha256(token)),
        isNull(accountLinks.usedAt),
        gt(accountLinks.expiresAt, now),
        eq(users.active, true),
      ),
    );
  return row ?? null;
}

/** What a live link opens (for its page), or null: unknown, used, expired, or the person deactivated. */
export async function openAccountLink(db: Database, token: string, now: Date): Promise<OpenLink | null> {
  const tenantId = tenantOfSecret(PREFIX, token);
  if (!tenantId) return null;
  return withTenant(db, tenantId, async (tx) => {
    const row = await liveLink(tx, token, now);
    if (!row) return null;
    const [company] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
    return {
      tenantId,
      companyName: company?.name ?? '',
      purpose: row.link.purpose,
      name: row.user.name,
      email: row.user.email,
      lang: row.user.language,
    };
  });
}

/**
 * Sets the person's password through a live link and spends it (with every other open link of theirs,
 * so an older reset mail cannot be used afterwards). Null when the link is no longer live.
 */
export async function useAccountLink(
  db: Database,
  token: string,
  password: string,
  now: Date,
): Promise<{ tenantId: string; email: string } | null> {
  const tenantId = tenantOfSecret(PREFIX, token);
  if (!tenantId) return null;
  const hash = await hashPassword(password);
  return withTenant(db, tenantId, async (tx) => {
    const row = await liveLink(tx, token, now);
    if (!row) return null;
    // The guard again in SQL: of two submissions at once, one spends the link.
    const [spent] = await tx
      .update(accountLinks)
      .set({ usedAt: now })
      .where(and(eq(accountLinks.id, row.link.id), isNull(accountLinks.usedAt)))
      .returning({ id: accountLinks.id });
    if (!spent) return null;
    await spendOpenLinks(tx, row.user.id, now);
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, row.user.id));
    return { tenantId, email: row.user.email };
  });
}

async function spendOpenLinks(tx: Tx, userId: string, now: Date) {
  await tx
    .update(accountLinks)
    .set({ usedAt: now })
    .where(and(eq(accountLinks.userId, userId), isNull(accountLinks.usedAt)));
}
