import { z } from 'zod';
import { defineTool } from '../define.ts';
import { orderById, orderSummary } from './queries.ts';
import { OrderSummary } from './schemas.ts';
import { checkMove, moveOrder } from './transition.ts';

export const completeOrder = defineTool({
  name: 'purchasing_complete_order',
  title: 'Complete a purchase order',
  description:
    'Close a purchase order whose goods were all received (and usually billed). A completed order takes no more receipts or bills.',
  kind: 'write',
  risk: 'internal',
  effect: 'sets',
  input: z.object({ orderId: z.string().uuid(), note: z.string().max(1000).optional() }),
  output: OrderSummary,
  async assess(ctx, input) {
    checkMove(ctx, await orderById(ctx.db, input.orderId, ctx.lang), 'completed');
    return {};
  },
  async run(ctx, input) {
    const order = await orderById(ctx.db, input.orderId, ctx.lang, true);
    await moveOrder(ctx, order, 'completed', input.note);
    return orderSummary(ctx.db, order.id, ctx.lang);
  },
  summarize: (o, lang) =>
    lang === 'fr' ? `Bon de commande ${o.number} terminé.` : `Purchase order ${o.number} completed.`,
});
