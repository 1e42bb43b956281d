/**
 * Pending actions do not wait forever: when an action's deadline passes, it moves one approval level
 * up (the tenant chose 'escalate') or expires. Run by a job; safe to run twice, and safe against a
 * person approving the same action at the same moment (the row lock and the status guard decide).
 */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { aiActions, notifications, tenants, users } from '../../db/schema/index.ts';
import { asSystem, withTenant } from '../../db/tenant.ts';
import type { Lang } from '../context.ts';
import { eventWriter, type ActionRow } from './door.ts';
import { escalatedNotice, expiredNotice } from './approval-texts.ts';
import { approversFor, type ApprovalLevel, type Decision } from './policy.ts';
import { toolNamed } from '../tool-lookup.ts';

/** Rows handled per transaction: keeps row locks short when a backlog has built up. */
const BATCH = 200;
const HOUR = 3_600_000;

export interface ExpiryResult {
  escalated: number;
  expired: number;
  /** The actions that moved up a level: their new approvers are notified (and then emailed). */
  escalations: { tenantId: string; actionId: string; level: number }[];
}

export async function expireDue(db: Database, now: Date): Promise<ExpiryResult> {
  const result: ExpiryResult = { escalated: 0, expired: 0, escalations: [] };
  // Only tenant ids are read outside a tenant: those with at least one overdue action.
  const due = await asSystem(db, (tx) =>
    tx
      .selectDistinct({ tenantId: aiActions.tenantId })
      .from(aiActions)
      .where(and(eq(aiActions.status, 'pending_approval'), lte(aiActions.expiresAt, now))),
  );
  for (const { tenantId } of due) {
    for (;;) {
      const batch = await withTenant(db, tenantId, (tx) => expireBatch(tx, tenantId, now));
      result.escalated += batch.escalated;
      result.expired += batch.expired;
      result.escalations.push(...batch.escalations);
      // A short batch means nothing overdue is left that another worker is not already handling.
      if (batch.seen < BATCH) break;
    }
  }
  return result;
}

async function expireBatch(tx: Tx, tenantId: string, now: Date): Promise<ExpiryResult & { seen: number }> {
  const out = { escalated: 0, expired: 0, escalations: [] as ExpiryResult['escalations'], seen: 0 };
  const [tenant] = await tx
    .select({ hours: tenants.approvalExpiryHours, behaviour: tenants.expiryBehaviour })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!tenant) return out;
  // SKIP LOCKED: an action a person is deciding right now is theirs; if it stays pending, the next run sees it.
  const rows = await tx
    .select()
    .from(aiActions)
    .where(and(eq(aiActions.status, 'pending_approval'), lte(aiActions.expiresAt, now)))
    .orderBy(asc(aiActions.number))
    .limit(BATCH)
    .for('update', { skipLocked: true });
  out.seen = rows.length;
  for (const row of rows) {
    if (tenant.behaviour === 'escalate' && row.requiredLevel < 3) {
      // At least an hour: a zero-hour setting would make the new deadline already due, and a second
      // run at the same instant would escalate again.
      const level = Math.min(3, Math.max(1, row.requiredLevel + 1)) as ApprovalLevel;
      if (await escalate(tx, row, level, new Date(now.getTime() + Math.max(1, tenant.hours) * HOUR), now)) {
        out.escalated += 1;
        out.escalations.push({ tenantId, actionId: row.id, level });
      }
    } else if (await expire(tx, row, now)) {
      out.expired += 1;
    }
  }
  return out;
}

/** The guards repeat what the row lock already ensures, so a change of this file cannot lose it. */
const stillDue = (row: ActionRow, now: Date) =>
  and(
    eq(aiActions.id, row.id),
    eq(aiActions.status, 'pending_approval'),
    lte(aiActions.expiresAt, now),
    eq(aiActions.requiredLevel, row.requiredLevel),
  );

async function escalate(tx: Tx, row: ActionRow, level: ApprovalLevel, expiresAt: Date, now: Date): Promise<boolean> {
  const decision = row.decision as Decision;
  const approvers = approversFor(await riskOf(row.tool), level);
  const next: Decision =
    decision.outcome === 'queue'
      ? { ...decision, level, approvers }
      : { outcome: 'queue', level, approvers, reasons: decision.reasons };
  const [updated] = await tx
    .update(aiActions)
    .set({ requiredLevel: level, expiresAt, decision: next, updatedAt: now })
    .where(stillDue(row, now))
    .returning({ id: aiActions.id });
  if (!updated) return false;
  const event = eventWriter(tx, row, null, 'job', now);
  event(
    'escalated',
    {
      requiredLevel: row.requiredLevel,
      expiresAt: row.expiresAt,
      approvers: decision.outcome === 'queue' ? decision.approvers : [],
    },
    { requiredLevel: level, expiresAt, approvers },
    'No decision before the deadline.',
  );
  await event.flush();
  const people = await tx
    .select({ id: users.id, language: users.language })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, approvers)))
    .orderBy(asc(users.createdAt));
  const rows = people
    // As in the door: a person's own direct request is decided by someone else.
    .filter((u) => row.byAi || u.id !== row.actorId)
    .map((u) => ({
      tenantId: row.tenantId,
      userId: u.id,
      kind: 'approval_escalated',
      title: escalatedNotice(u.language, row.number, level),
      body: `${row.tool} — ${row.rationale ?? ''}`.trim(),
      link: `/approvals/${row.id}`,
      actionId: row.id,
      createdAt: now,
    }));
  if (rows.length) await tx.insert(notifications).values(rows);
  return true;
}

async function expire(tx: Tx, row: ActionRow, now: Date): Promise<boolean> {
  const [updated] = await tx
    .update(aiActions)
    .set({ status: 'expired', updatedAt: now })
    .where(stillDue(row, now))
    .returning({ id: aiActions.id });
  if (!updated) return false;
  const event = eventWriter(tx, row, null, 'job', now);
  event(
    'expired',
    { status: 'pending_approval', requiredLevel: row.requiredLevel, expiresAt: row.expiresAt },
    { status: 'expired' },
    'No decision before the deadline.',
  );
  await event.flush();
  // The person the action was for learns it will not happen, instead of waiting for it.
  if (row.actorId) {
    const [actor] = await tx.select({ language: users.language }).from(users).where(eq(users.id, row.actorId));
    const lang: Lang = actor?.language ?? 'fr';
    await tx.insert(notifications).values({
      tenantId: row.tenantId,
      userId: row.actorId,
      kind: 'action_expired',
      title: expiredNotice(lang, row.number),
      body: row.tool,
      link: `/approvals/${row.id}`,
      actionId: row.id,
      createdAt: now,
    });
  }
  return true;
}

/** The risk of the action's tool; a tool no longer registered is treated as the strictest risk. */
async function riskOf(toolName: string) {
  const tool = toolNamed(toolName);
  return tool?.kind === 'write' ? tool.risk : 'money';
}
