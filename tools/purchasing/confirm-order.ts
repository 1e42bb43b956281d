import { z } from 'zod';
import { defineTool } from '../define.ts';
import { DateOf } from '../money.ts';
import { orderById, orderSummary } from './queries.ts';
import { OrderSummary } from './schemas.ts';
import { checkMove, moveOrder } from './transition.ts';

export const confirmOrder = defineTool({
  name: 'purchasing_confirm_order',
  title: 'Record the supplier confirmation of an order',
  description:
    'Mark a sent purchase order as confirmed by the supplier, optionally with the delivery date the ' +
    'supplier promised (it replaces the expected date, and on-time performance is measured against it) ' +
    'and their reference.',
  kind: 'write',
  risk: 'internal',
  effect: 'sets',
  input: z.object({
    orderId: z.string().uuid(),
    expectedOn: DateOf('due').optional().describe('Delivery date promised by the supplier.'),
    supplierReference: z.string().max(100).optional(),
  }),
  output: OrderSummary,
  async assess(ctx, input) {
    checkMove(ctx, await orderById(ctx.db, input.orderId, ctx.lang), 'confirmed');
    return {};
  },
  async run(ctx, input) {
    const order = await orderById(ctx.db, input.orderId, ctx.lang, true);
    const note = input.supplierReference ? `supplier ref. ${input.supplierReference}` : undefined;
    await moveOrder(ctx, order, 'confirmed', note, input.expectedOn ? { expectedOn: input.expectedOn } : {});
    return orderSummary(ctx.db, order.id, ctx.lang);
  },
  summarize: (o, lang) =>
    lang === 'fr'
      ? `Bon de commande ${o.number} confirmé par le fournisseur.`
      : `Purchase order ${o.number} confirmed by the supplier.`,
});
