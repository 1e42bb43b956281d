/**
 * Approval requests by email. The door, in the transaction that queues an action, writes an in-app
 * notification for each approver (and expiry writes one on escalation). This scan turns every such
 * notification not yet emailed into an outbox email with one-click approve/reject links, in the
 * approver's language. Why a scan and not an event sent by the door: the notification commits with
 * the action or not at all, so no request can be lost between a commit and an event, the door does
 * no I/O beyond its database, and re-running the scan is harmless (an outbox row names the
 * notification it was written for). An event only makes the scan run sooner.
 */
import { and, asc, eq, exists, gt, inArray, ne, notExists, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { aiActions, notifications, outboxEmails, users } from '../../db/schema/index.ts';
import { asSystem, tenantJoin, withTenant } from '../../db/tenant.ts';
import { approvalLinkUrl, createApprovalLinks } from './approval-links.ts';
import { approvalEmail } from './approval-texts.ts';
import { toolNamed } from '../tool-lookup.ts';

/** Notifications that ask someone to decide. */
export const APPROVAL_KINDS = ['approval_requested', 'approval_escalated'] as const;
/** The outbox row's link back to the notification it was written for: what makes the scan idempotent. */
export const OUTBOX_RELATED_TYPE = 'notification';
const BATCH = 100;

export interface EmailApproversOptions {
  /** Where people reach the app: links in emails start with it. */
  publicUrl: string;
  now: Date;
  /** Scan only this tenant (an event named it); otherwise every tenant with pending actions. */
  tenantId?: string;
}

export async function emailApprovers(db: Database, options: EmailApproversOptions): Promise<{ queued: number }> {
  const tenantIds = options.tenantId
    ? [options.tenantId]
    : (
        await asSystem(db, (tx) =>
          tx
            .selectDistinct({ tenantId: aiActions.tenantId })
            .from(aiActions)
            .where(and(eq(aiActions.status, 'pending_approval'), gt(aiActions.expiresAt, options.now))),
        )
      ).map((r) => r.tenantId);
  let queued = 0;
  for (const tenantId of tenantIds) {
    for (;;) {
      const batch = await withTenant(db, tenantId, (tx) => emailBatch(tx, options));
      queued += batch.queued;
      if (batch.seen < BATCH) break;
    }
  }
  return { queued };
}

async function emailBatch(
  tx: Tx,
  { publicUrl, now }: EmailApproversOptions,
): Promise<{ queued: number; seen: number }> {
  const emailed = (notificationId: typeof notifications.id) =>
    tx
      .select({ one: sql`1` })
      .from(outboxEmails)
      .where(
        and(eq(outboxEmails.relatedType, OUTBOX_RELATED_TYPE), tenantJoin(outboxEmails.relatedId, notificationId)),
      );
  const candidates = await tx
    .select({ notificationId: notifications.id, kind: notifications.kind, user: users, action: aiActions })
    .from(notifications)
    .innerJoin(aiActions, tenantJoin(aiActions.id, notifications.actionId))
    .innerJoin(users, tenantJoin(users.id, notifications.userId))
    .where(
      and(
        inArray(notifications.kind, [...APPROVAL_KINDS]),
        // Only what can still be decided, and only by someone who still may: an action escalated
        // before its first email went out is not mailed to the level it left.
        eq(aiActions.status, 'pending_approval'),
        gt(aiActions.expiresAt, now),
        sql`jsonb_exists(${aiActions.decision} -> 'approvers', ${users.role}::text)`,
        eq(users.active, true),
        ne(users.email, ''),
        notExists(emailed(notifications.id)),
      ),
    )
    .orderBy(asc(notifications.createdAt))
    .limit(BATCH)
    // Concurrent scans take different notifications; the lock is held until this batch commits.
    .for('update', { of: notifications, skipLocked: true });
  if (!candidates.length) return { queued: 0, seen: 0 };

  // Asked again in a new statement, now that the rows are locked: a scan that committed just before
  // the lock was taken is visible here, though it was not to the query above (read committed).
  // One probe of the (tenant_id, related_type, related_id) index per notification, as in `emailed`:
  // a list of ids against the whole index would read every approval email the company ever had.
  const done = new Set(
    (
      await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            inArray(
              notifications.id,
              candidates.map((c) => c.notificationId),
            ),
            exists(emailed(notifications.id)),
          ),
        )
    ).map((r) => r.id),
  );
  let queued = 0;
  for (const { notificationId, kind, user, action } of candidates) {
    if (done.has(notificationId)) continue;
    const expiresAt = action.expiresAt!;
    const tokens = await createApprovalLinks(tx, { action, approver: user, expiresAt });
    const email = approvalEmail(
      user.language,
      user,
      {
        number: action.number,
        tool: action.tool,
        toolTitle: toolNamed(action.tool)?.title ?? action.tool,
        requiredLevel: action.requiredLevel,
        amountCents: action.amountCents,
        currency: action.currency,
        confidence: action.confidence,
        evidence: action.evidence,
        rationale: action.rationale,
        expiresAt,
      },
      { approve: approvalLinkUrl(publicUrl, tokens.approve), reject: approvalLinkUrl(publicUrl, tokens.reject) },
      kind === 'approval_escalated',
    );
    await tx.insert(outboxEmails).values({
      tenantId: action.tenantId,
      to: user.email,
      subject: email.subject,
      text: email.text,
      html: email.html,
      status: 'queued',
      relatedType: OUTBOX_RELATED_TYPE,
      relatedId: notificationId,
      createdAt: now,
    });
    queued += 1;
  }
  return { queued, seen: candidates.length };
}
