import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { purchaseOrderItems, purchaseReceipts } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { Quantity, DateOf } from '../money.ts';
import { applyReceipt, type ReceiptProblem } from './model.ts';
import { refreshPerformance } from './performance.ts';
import { orderById, orderItems, orderSummary } from './queries.ts';
import { OrderSummary } from './schemas.ts';
import { purchasingRefusals } from './texts.ts';
import { checkMove, moveOrder } from './transition.ts';
import { companyToday } from '../dates.ts';

const input = z.object({
  orderId: z.string().uuid(),
  receivedOn: DateOf('document').optional().describe('Delivery date; defaults to today.'),
  lines: z
    .array(
      z.object({
        itemId: z.string().uuid().describe('Order line id (lines[].itemId of purchasing_get_order).'),
        quantity: Quantity,
      }),
    )
    .min(1)
    .max(500),
  note: z.string().max(1000).optional(),
});

function problemText(lang: ToolCtx['lang'], p: ReceiptProblem): string {
  return p.kind === 'unknown_item'
    ? purchasingRefusals[lang].unknownItem(p.itemId)
    : purchasingRefusals[lang].overReceipt(p);
}

async function planned(ctx: ToolCtx, request: z.output<typeof input>, lock: boolean) {
  const order = await orderById(ctx.db, request.orderId, ctx.lang, lock);
  checkMove(ctx, order, 'received');
  const items = await orderItems(ctx.db, order.id);
  const receipt = applyReceipt(items, request.lines);
  if (!receipt.ok) {
    const list = receipt.problems.map((p) => problemText(ctx.lang, p)).join('; ');
    throw invalid(purchasingRefusals[ctx.lang].receiptRefused(list), { problems: receipt.problems });
  }
  return { order, receipt };
}

export const receiveItems = defineTool({
  name: 'purchasing_receive_items',
  title: 'Receive items of a purchase order',
  description:
    'Record a delivery against a sent or confirmed purchase order: for each order line (itemId from ' +
    'purchasing_get_order) the quantity that arrived. Several partial deliveries are fine; the order becomes ' +
    '"partially_received" or "received". Receiving more than ordered is refused (nothing is recorded). ' +
    "The supplier's on-time performance score is updated.",
  kind: 'write',
  risk: 'internal',
  effect: 'adds',
  input,
  output: OrderSummary.extend({ receiptId: z.string().uuid(), supplierPerformanceScore: z.number().int().nullable() }),
  async assess(ctx, request) {
    await planned(ctx, request, false);
    return {};
  },
  async run(ctx, request) {
    const { order, receipt } = await planned(ctx, request, true);
    const receivedOn = request.receivedOn ?? (await companyToday(ctx));
    for (const line of receipt.received) {
      await ctx.db
        .update(purchaseOrderItems)
        .set({ quantityReceived: line.quantityReceived })
        .where(and(eq(purchaseOrderItems.id, line.itemId), eq(purchaseOrderItems.orderId, order.id)));
    }
    const [row] = await ctx.db
      .insert(purchaseReceipts)
      .values({
        tenantId: ctx.tenantId,
        orderId: order.id,
        receivedOn,
        receivedBy: ctx.actor.userId,
        lines: request.lines,
        note: request.note,
        createdAt: ctx.now,
      })
      .returning({ id: purchaseReceipts.id });
    await moveOrder(ctx, order, receipt.status, request.note ?? `receipt of ${receivedOn}`);
    const today = await companyToday(ctx);
    const performance = await refreshPerformance(ctx.db, order.supplierId, receivedOn > today ? receivedOn : today);
    return {
      ...(await orderSummary(ctx.db, order.id, ctx.lang)),
      receiptId: row!.id,
      supplierPerformanceScore: performance.score,
    };
  },
  summarize: (o, lang) =>
    lang === 'fr'
      ? `Réception enregistrée pour ${o.number} : ${o.status === 'received' ? 'commande reçue en entier' : 'réception partielle'}.`
      : `Receipt recorded for ${o.number}: ${o.status === 'received' ? 'order fully received' : 'partial receipt'}.`,
});
