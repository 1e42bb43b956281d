/** Moves a purchase order to its next status, only along the lifecycle, with a history row each time. */
import { and, eq } from 'drizzle-orm';
import { purchaseOrderHistory, purchaseOrders } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { canMove, nextStatuses, type OrderStatus } from './model.ts';
import { purchasingRefusals, refusedMove } from './texts.ts';

type OrderRow = typeof purchaseOrders.$inferSelect;

/** Throws a clear, bilingual refusal when the order cannot go to `to` from where it is. */
export function checkMove(
  ctx: Pick<ToolCtx, 'lang'>,
  order: Pick<OrderRow, 'number' | 'status'>,
  to: OrderStatus,
): void {
  if (!canMove(order.status, to)) {
    throw invalid(refusedMove(ctx.lang, order.number, order.status, to, nextStatuses(order.status)), {
      status: order.status,
      wanted: to,
    });
  }
}

export async function moveOrder(
  ctx: ToolCtx,
  order: OrderRow,
  to: OrderStatus,
  note?: string,
  extra: Partial<typeof purchaseOrders.$inferInsert> = {},
): Promise<void> {
  checkMove(ctx, order, to);
  // Guarded on the status read under lock: a concurrent change makes this update touch nothing.
  const updated = await ctx.db
    .update(purchaseOrders)
    .set({ ...extra, status: to, updatedAt: ctx.now })
    .where(and(eq(purchaseOrders.id, order.id), eq(purchaseOrders.status, order.status)))
    .returning({ id: purchaseOrders.id });
  if (!updated.length) throw conflict(purchasingRefusals[ctx.lang].changedMeanwhile(order.number));
  await ctx.db.insert(purchaseOrderHistory).values({
    tenantId: ctx.tenantId,
    orderId: order.id,
    fromStatus: order.status,
    toStatus: to,
    actorId: ctx.actor.userId,
    note,
    at: ctx.now,
  });
}
