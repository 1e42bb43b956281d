/** Reading the action queue and its audit trail (tenant-scoped). */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import { tenantJoin } from '../../db/tenant.ts';
import { aiActionEvents, aiActions, users } from '../../db/schema/index.ts';
import type { Lang } from '../context.ts';
import { notFound } from '../errors.ts';
import { noActionMessage } from './messages.ts';

export type ActionStatusFilter = (typeof aiActions.$inferSelect)['status'];

export async function listActions(tx: Tx, filter: { status?: ActionStatusFilter[]; tool?: string; limit: number }) {
  const where: SQL[] = [];
  if (filter.status?.length) where.push(inArray(aiActions.status, filter.status));
  if (filter.tool) where.push(eq(aiActions.tool, filter.tool));
  // The names of who asked and who decided come with each action, so no client maps user ids itself.
  const decider = alias(users, 'decider');
  const requester = alias(users, 'requester');
  const original = alias(aiActions, 'original');
  return tx
    .select({
      action: aiActions,
      deciderName: decider.name,
      requesterName: requester.name,
      requesterLanguage: requester.language,
      undoOfNumber: original.number,
    })
    .from(aiActions)
    .leftJoin(decider, tenantJoin(decider.id, aiActions.decidedBy))
    .leftJoin(requester, tenantJoin(requester.id, aiActions.actorId))
    .leftJoin(original, tenantJoin(original.id, aiActions.undoOf))
    .where(and(...where))
    .orderBy(desc(aiActions.number))
    .limit(filter.limit);
}

export async function actionWithEvents(tx: Tx, id: string, lang: Lang) {
  const [action] = await tx.select().from(aiActions).where(eq(aiActions.id, id));
  if (!action) throw notFound(noActionMessage(lang, id));
  const events = await tx
    .select()
    .from(aiActionEvents)
    .where(eq(aiActionEvents.actionId, id))
    .orderBy(asc(aiActionEvents.seq));
  return { action, events };
}
