import { z } from 'zod';
import { defineTool } from '../define.ts';
import { orderById, orderSummary } from './queries.ts';
import { OrderSummary } from './schemas.ts';
import { checkMove, moveOrder } from './transition.ts';

export const cancelOrder = defineTool({
  name: 'purchasing_cancel_order',
  title: 'Cancel a purchase order',
  description:
    'Cancel a purchase order that nothing was received for yet (draft, pending, approved, sent or confirmed), ' +
    'with the reason. Once goods arrived it cannot be cancelled: complete it instead.',
  kind: 'write',
  risk: 'internal',
  effect: 'ends',
  input: z.object({ orderId: z.string().uuid(), reason: z.string().trim().min(1).max(1000) }),
  output: OrderSummary,
  async assess(ctx, input) {
    checkMove(ctx, await orderById(ctx.db, input.orderId, ctx.lang), 'cancelled');
    return {};
  },
  async run(ctx, input) {
    const order = await orderById(ctx.db, input.orderId, ctx.lang, true);
    await moveOrder(ctx, order, 'cancelled', input.reason);
    return orderSummary(ctx.db, order.id, ctx.lang);
  },
  summarize: (o, lang) =>
    lang === 'fr' ? `Bon de commande ${o.number} annulé.` : `Purchase order ${o.number} cancelled.`,
});
