/** Reading the action queue and its audit trail (tenant-scoped). */
import { and, asc, count, desc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import { tenantJoin } from '../../db/tenant.ts';
import { aiActionEvents, aiActions, users } from '../../db/schema/index.ts';
import type { Lang } from '../context.ts';
import { notFound } from '../errors.ts';
import { noActionMessage } from './messages.ts';
import { containing } from '../paging.ts';

export type ActionStatusFilter = (typeof aiActions.$inferSelect)['status'];

export interface ActionFilter {
  status?: ActionStatusFilter[];
  tool?: string;
  /** Only what the AI proposed (true) or only what people asked directly (false). */
  byAi?: boolean;
  source?: (typeof aiActions.source.enumValues)[number];
  /** An action number, or part of a tool name. */
  query?: string;
  limit: number;
  offset?: number;
  direction?: 'asc' | 'desc';
}

function actionWhere(filter: ActionFilter): SQL | undefined {
  const where: SQL[] = [];
  if (filter.status?.length) where.push(inArray(aiActions.status, filter.status));
  if (filter.tool) where.push(eq(aiActions.tool, filter.tool));
  if (filter.byAi !== undefined) where.push(eq(aiActions.byAi, filter.byAi));
  if (filter.source) where.push(eq(aiActions.source, filter.source));
  const query = filter.query?.replace(/^#|^n°\s*/i, '').trim();
  if (query)
    where.push(
      /^\d{1,15}$/.test(query) ? eq(aiActions.number, Number(query)) : ilike(aiActions.tool, containing(query)),
    );
  return and(...where);
}

/** How many actions the filter matches, all pages together. */
export async function countActions(tx: Tx, filter: ActionFilter): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(aiActions).where(actionWhere(filter));
  return row?.n ?? 0;
}

export async function listActions(tx: Tx, filter: ActionFilter) {
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
    .where(actionWhere(filter))
    .orderBy(filter.direction === 'asc' ? asc(aiActions.number) : desc(aiActions.number))
    .limit(filter.limit)
    .offset(filter.offset ?? 0);
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
