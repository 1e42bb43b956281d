import { and, count, eq, gte, ilike, inArray, lte, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { purchaseOrders, suppliers } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { DateOf, fromMinor } from '../money.ts';
import { containing, Direction, Offset, orderOf, PageInfo, TextQuery } from '../paging.ts';
import { ORDER_STATUSES } from './model.ts';
import { tenantJoin } from '../../db/tenant.ts';

const OrderLine = z.object({
  id: z.string().uuid(),
  number: z.string(),
  status: z.string(),
  supplier: z.object({ id: z.string().uuid(), name: z.string() }),
  orderDate: z.string(),
  expectedOn: z.string().nullable(),
  total: z.string(),
  currency: z.string(),
});

const SORTS = ['created', 'date', 'number', 'supplier', 'total', 'status'] as const;

export const listOrders = defineTool({
  name: 'purchasing_list_orders',
  title: 'List purchase orders',
  description:
    'List the company purchase orders, newest first, a page at a time. Filter by status (e.g. ["draft"]), ' +
    'supplier id, order date range (from/to, YYYY-MM-DD) or a query (part of the number or supplier name); ' +
    'sort by created, date, number, supplier, total or status; page with offset. Returns id, number, ' +
    'supplier, date, total and status, and the total count; read one in full with purchasing_get_order.',
  kind: 'read',
  input: z.object({
    query: TextQuery,
    status: z.array(z.enum(ORDER_STATUSES)).optional(),
    supplierId: z.string().uuid().optional(),
    from: DateOf('report').optional(),
    to: DateOf('report').optional(),
    sort: z.enum(SORTS).default('created'),
    direction: Direction.optional(),
    offset: Offset,
    limit: z.number().int().min(1).max(200).default(50),
  }),
  output: z.object({ orders: z.array(OrderLine) }).extend(PageInfo.shape),
  async run(ctx, input) {
    const where: SQL[] = [];
    if (input.status?.length) where.push(inArray(purchaseOrders.status, input.status));
    if (input.supplierId) where.push(eq(purchaseOrders.supplierId, input.supplierId));
    if (input.from) where.push(gte(purchaseOrders.orderDate, input.from));
    if (input.to) where.push(lte(purchaseOrders.orderDate, input.to));
    if (input.query) {
      const pattern = containing(input.query);
      where.push(or(ilike(purchaseOrders.number, pattern), ilike(suppliers.name, pattern))!);
    }
    const direction = input.direction ?? (['number', 'supplier', 'status'].includes(input.sort) ? 'asc' : 'desc');
    const column = {
      created: purchaseOrders.createdAt,
      date: purchaseOrders.orderDate,
      number: purchaseOrders.number,
      supplier: suppliers.name,
      total: purchaseOrders.totalCents,
      status: purchaseOrders.status,
    }[input.sort];
    const rows = await ctx.db
      .select({ order: purchaseOrders, supplierName: suppliers.name })
      .from(purchaseOrders)
      .innerJoin(suppliers, tenantJoin(suppliers.id, purchaseOrders.supplierId))
      .where(and(...where))
      .orderBy(...orderOf(column, direction, purchaseOrders.id, { text: input.sort === 'supplier' }))
      .limit(input.limit)
      .offset(input.offset);
    const [counted] = await ctx.db
      .select({ n: count() })
      .from(purchaseOrders)
      .innerJoin(suppliers, tenantJoin(suppliers.id, purchaseOrders.supplierId))
      .where(and(...where));
    return {
      orders: rows.map(({ order, supplierName }) => ({
        id: order.id,
        number: order.number,
        status: order.status,
        supplier: { id: order.supplierId, name: supplierName },
        orderDate: order.orderDate,
        expectedOn: order.expectedOn,
        total: fromMinor(order.totalCents, order.currency),
        currency: order.currency,
      })),
      total: counted?.n ?? 0,
      offset: input.offset,
      limit: input.limit,
    };
  },
  summarize: (out, lang) =>
    lang === 'fr'
      ? `${out.orders.length} bon(s) de commande sur ${out.total}.`
      : `${out.orders.length} of ${out.total} purchase order(s).`,
});
