import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { purchaseOrders, suppliers } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { fromMinor } from '../money.ts';
import { ORDER_STATUSES } from './model.ts';
import { tenantJoin } from '../../db/tenant.ts';

const OrderLine = z.object({
  id: z.string().uuid(),
  number: z.string(),
  status: z.string(),
  supplier: z.object({ id: z.string().uuid(), name: z.string() }),
  orderDate: z.string(),
  total: z.string(),
  currency: z.string(),
});

export const listOrders = defineTool({
  name: 'purchasing_list_orders',
  title: 'List purchase orders',
  description:
    'List the company purchase orders, newest first. Filter by status (e.g. ["draft"]) or supplier id. ' +
    'Returns id, number, supplier, date, total and status; read one in full with purchasing_get_order.',
  kind: 'read',
  input: z.object({
    status: z.array(z.enum(ORDER_STATUSES)).optional(),
    supplierId: z.string().uuid().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  }),
  output: z.object({ orders: z.array(OrderLine) }),
  async run(ctx, input) {
    const where: SQL[] = [];
    if (input.status?.length) where.push(inArray(purchaseOrders.status, input.status));
    if (input.supplierId) where.push(eq(purchaseOrders.supplierId, input.supplierId));
    const rows = await ctx.db
      .select({ order: purchaseOrders, supplierName: suppliers.name })
      .from(purchaseOrders)
      .innerJoin(suppliers, tenantJoin(suppliers.id, purchaseOrders.supplierId))
      .where(and(...where))
      .orderBy(desc(purchaseOrders.createdAt), desc(purchaseOrders.number))
      .limit(input.limit);
    return {
      orders: rows.map(({ order, supplierName }) => ({
        id: order.id,
        number: order.number,
        status: order.status,
        supplier: { id: order.supplierId, name: supplierName },
        orderDate: order.orderDate,
        total: fromMinor(order.totalCents, order.currency),
        currency: order.currency,
      })),
    };
  },
  summarize: (out, lang) =>
    lang === 'fr' ? `${out.orders.length} bon(s) de commande.` : `${out.orders.length} purchase order(s).`,
});
