import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { purchaseOrderApprovals, purchaseOrderHistory, purchaseOrders } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { canMove } from './model.ts';
import { orderById, orderSummary } from './queries.ts';
import { OrderSummary } from './schemas.ts';
import { purchasingRefusals } from './texts.ts';
import { formatAmount } from '../money.ts';

/**
 * Committing to buy is the approval of a purchase order: the action door applies the tenant's
 * approval levels to the order total, so this tool runs only once the right person agreed.
 */
export const submitOrder = defineTool({
  name: 'purchasing_submit_order',
  title: 'Submit a purchase order for approval',
  description:
    'Commit a draft purchase order: it becomes "approved" once whoever the amount requires has agreed ' +
    '(above 1,000 a buyer, above 5,000 a manager, above 10,000 an administrator, by default). Returns the ' +
    'order; if approval is needed the answer says so and who must approve.',
  kind: 'write',
  risk: 'money',
  effect: 'sets',
  approvalLevels: true,
  input: z.object({ orderId: z.string().uuid(), note: z.string().max(1000).optional() }),
  output: OrderSummary,
  async assess(ctx, input) {
    const order = await orderById(ctx.db, input.orderId, ctx.lang);
    if (!canMove(order.status, 'approved'))
      throw invalid(purchasingRefusals[ctx.lang].notSubmittable(order.number, order.status));
    return { amount: { cents: order.totalCents, currency: order.currency, on: order.orderDate } };
  },
  async run(ctx, input) {
    const order = await orderById(ctx.db, input.orderId, ctx.lang, true);
    if (!canMove(order.status, 'approved'))
      throw invalid(purchasingRefusals[ctx.lang].notSubmittable(order.number, order.status));
    await ctx.db
      .update(purchaseOrders)
      .set({ status: 'approved', updatedAt: ctx.now })
      .where(eq(purchaseOrders.id, order.id));
    await ctx.db.insert(purchaseOrderApprovals).values({
      tenantId: ctx.tenantId,
      orderId: order.id,
      level: order.approvalLevel,
      approverId: ctx.actor.userId,
      decision: 'approved',
      note: input.note,
      decidedAt: ctx.now,
    });
    await ctx.db.insert(purchaseOrderHistory).values({
      tenantId: ctx.tenantId,
      orderId: order.id,
      fromStatus: order.status,
      toStatus: 'approved',
      actorId: ctx.actor.userId,
      note: input.note,
      at: ctx.now,
    });
    return orderSummary(ctx.db, order.id, ctx.lang);
  },
  async undo(ctx, input) {
    const order = await orderById(ctx.db, input.orderId, ctx.lang, true);
    if (order.status !== 'approved')
      throw invalid(purchasingRefusals[ctx.lang].notTakenBack(order.number, order.status));
    await ctx.db
      .update(purchaseOrders)
      .set({ status: 'draft', updatedAt: ctx.now })
      .where(eq(purchaseOrders.id, order.id));
    await ctx.db.insert(purchaseOrderHistory).values({
      tenantId: ctx.tenantId,
      orderId: order.id,
      fromStatus: 'approved',
      toStatus: 'draft',
      actorId: ctx.actor.userId,
      note: 'undo',
      at: ctx.now,
    });
  },
  summarize: (o, lang) =>
    lang === 'fr'
      ? `Bon de commande ${o.number} approuvé (${formatAmount(o.total, o.currency, lang)}).`
      : `Purchase order ${o.number} approved (${formatAmount(o.total, o.currency, lang)}).`,
});
