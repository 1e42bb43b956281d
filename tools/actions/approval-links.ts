/**
 * One-click approval from an email: each approver gets an approve and a reject link for one action.
 * A link is a secret that names its tenant (so its lookup runs under that tenant's row-level
 * security), is stored only as a SHA-256 hash, expires with the action's deadline, works once, and
 * decides through the door as the person it was sent to: role and limit checks still apply.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { aiActions, approvalLinks, users } from '../../db/schema/index.ts';
import { tenantJoin, withTenant } from '../../db/tenant.ts';
import { actorOf } from '../auth/api-tokens.ts';
import { mintSecret, sha256, tenantOfSecret } from '../auth/tokens.ts';
import type { Lang, Session } from '../context.ts';
import { AppError, conflict, forbidden, notFound } from '../errors.ts';
import { linkTexts } from './approval-texts.ts';
import { approve, reject, type ActionOutcome, type ActionRow } from './door.ts';

const PREFIX = 'cal';

export type LinkDecision = 'approve' | 'reject';

/** Two single-use links for one approver of one action; returns the tokens, which are never stored. */
export async function createApprovalLinks(
  tx: Tx,
  params: { action: Pick<ActionRow, 'id' | 'tenantId'>; approver: { id: string }; expiresAt: Date },
): Promise<Record<LinkDecision, string>> {
  const minted = {
    approve: mintSecret(PREFIX, params.action.tenantId),
    reject: mintSecret(PREFIX, params.action.tenantId),
  };
  await tx.insert(approvalLinks).values(
    (['approve', 'reject'] as const).map((decision) => ({
      tenantId: params.action.tenantId,
      actionId: params.action.id,
      approverId: params.approver.id,
      decision,
      tokenHash: minted[decision].hash,
      expiresAt: params.expiresAt,
    })),
  );
  return { approve: minted.approve.token, reject: minted.reject.token };
}

/** The public address of a link, as emails carry it. */
export const approvalLinkUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}/approvals/link/${token}`;

export type LinkState = 'open' | 'used' | 'expired' | 'decided' | 'inactive';

export interface LinkView {
  state: LinkState;
  lang: Lang;
  decision: LinkDecision;
  approver: { id: string; name: string };
  action: ActionRow;
}

/** What a link is for and whether it can still decide; reads only (mail scanners open links too). */
export async function readLink(db: Database, token: string, now: Date): Promise<LinkView | null> {
  const found = await findLink(db, token);
  if (!found) return null;
  const { link, user, action } = found;
  const state: LinkState = link.usedAt
    ? 'used'
    : link.expiresAt <= now
      ? 'expired'
      : !user.active
        ? 'inactive'
        : action.status !== 'pending_approval'
          ? 'decided'
          : 'open';
  return { state, lang: user.language, decision: link.decision, approver: { id: user.id, name: user.name }, action };
}

export interface LinkDecisionResult {
  decision: LinkDecision;
  lang: Lang;
  action: ActionOutcome;
  /** One sentence for the person, in their language. */
  message: string;
}

/**
 * Decides an action from a link, as the link's approver, with source 'email'. The page a link opens
 * offers both choices, so `decision` may differ from the link's own: either link of a pair proves
 * the same thing (this approver, this action). Refused, with a clear message and nothing changed:
 * an unknown, used or expired link, a deactivated approver, an approver the door refuses, an action
 * already decided.
 */
export async function decideByLink(
  db: Database,
  token: string,
  now: Date,
  options: { decision?: LinkDecision; note?: string } = {},
): Promise<LinkDecisionResult> {
  const found = await findLink(db, token);
  if (!found) throw notFound(`${linkTexts.fr.unknown}\n${linkTexts.en.unknown}`, { reason: 'link_unknown' });
  const { link, user } = found;
  const lang = user.language;
  try {
    if (link.usedAt) throw conflict(linkTexts[lang].used, { reason: 'link_used' });
    if (link.expiresAt <= now) throw conflict(linkTexts[lang].expired, { reason: 'link_expired' });
    if (!user.active) throw forbidden(linkTexts[lang].inactive, { reason: 'approver_inactive' });

    const decision = options.decision ?? link.decision;
    const session: Session = { db, tenantId: link.tenantId, actor: actorOf(user), lang, now: () => now };
    // Spent in the door's own transaction, after its checks: a refusal leaves the link unused, and of
    // two clicks at once only one can spend it (the guard on used_at).
    const spend = async (tx: Tx) => {
      const [spent] = await tx
        .update(approvalLinks)
        .set({ usedAt: now })
        .where(and(eq(approvalLinks.id, link.id), isNull(approvalLinks.usedAt), gt(approvalLinks.expiresAt, now)))
        .returning({ id: approvalLinks.id });
      if (!spent) throw conflict(linkTexts[lang].used, { reason: 'link_used' });
    };
    const note =
      options.note?.trim() ||
      (decision === 'approve' ? linkTexts[lang].approvedByLink : linkTexts[lang].rejectedByLink);
    const action =
      decision === 'approve'
        ? await approve(session, link.actionId, { source: 'email', note, beforeDecide: spend })
        : await reject(session, link.actionId, { source: 'email', note, beforeDecide: spend });
    const message =
      decision === 'reject' && action.status === 'rejected' ? linkTexts[lang].rejected(action.number) : action.message;
    return { decision, lang, action, message };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // Every refusal names its reason and the approver's language, so a page can answer in it. The
    // door's conflict is "already decided", with the action's status in its words.
    const details = (err.details ?? {}) as { reason?: string };
    const reason = details.reason ?? (err.code === 'conflict' ? 'already_decided' : err.code);
    throw new AppError(err.code, err.message, { ...details, reason, lang });
  }
}

async function findLink(db: Database, token: string) {
  const clean = token.trim();
  const tenantId = tenantOfSecret(PREFIX, clean);
  if (!tenantId) return null;
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ link: approvalLinks, user: users, action: aiActions })
      .from(approvalLinks)
      .innerJoin(users, tenantJoin(users.id, approvalLinks.approverId))
      .innerJoin(aiActions, tenantJoin(aiActions.id, approvalLinks.actionId))
      .where(eq(approvalLinks.tokenHash, sha256(clean))),
  );
  return row ?? null;
}
