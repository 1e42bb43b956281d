/** Reading the action queue and its audit trail (tenant-scoped). */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { aiActionEvents, aiActions } from '../../db/schema/index.ts';
import { notFound } from '../errors.ts';

export type ActionStatusFilter = (typeof aiActions.$inferSelect)['status'];

export async function listActions(tx: Tx, filter: { status?: ActionStatusFilter[]; tool?: string; limit: number }) {
  const where: SQL[] = [];
  if (filter.status?.length) where.push(inArray(aiActions.status, filter.status));
  if (filter.tool) where.push(eq(aiActions.tool, filter.tool));
  return tx.select().from(aiActions).where(and(...where)).orderBy(desc(aiActions.number)).limit(filter.limit);
}

export async function actionWithEvents(tx: Tx, id: string) {
  const [action] = await tx.select().from(aiActions).where(eq(aiActions.id, id));
  if (!action) throw notFound(`No action ${id} in this company.`);
  const events = await tx.select().from(aiActionEvents).where(eq(aiActionEvents.actionId, id)).orderBy(asc(aiActionEvents.seq));
  return { action, events };
}
