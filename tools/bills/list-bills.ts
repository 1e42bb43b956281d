import { and, count, eq, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { supplierBills, suppliers } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { fromMinor, DateOf } from '../money.ts';
import { containing, Direction, Offset, orderOf, PageInfo, TextQuery } from '../paging.ts';
import { BILL_STATUSES } from './model.ts';
import { tenantJoin } from '../../db/tenant.ts';

const SORTS = ['due', 'date', 'number', 'supplier', 'total', 'balance', 'status'] as const;

export const listBills = defineTool({
  name: 'bills_list_bills',
  title: 'List supplier bills',
  description:
    'List supplier bills by due date (soonest first), a page at a time. Filter by status (e.g. ["approved"] for ' +
    'bills to pay), supplier, due on or before a date, or a query (part of our number, the supplier’s invoice ' +
    'number or the supplier name); sort by due, date, number, supplier, total, balance or status; page with ' +
    'offset. Returns number, supplier, dates, total and balance, and the total count.',
  kind: 'read',
  input: z.object({
    query: TextQuery,
    status: z.array(z.enum(BILL_STATUSES)).optional(),
    supplierId: z.string().uuid().optional(),
    dueBy: DateOf('report').optional(),
    sort: z.enum(SORTS).default('due'),
    direction: Direction.optional(),
    offset: Offset,
    limit: z.number().int().min(1).max(500).default(100),
  }),
  output: z
    .object({
      bills: z.array(
        z.object({
          id: z.string().uuid(),
          number: z.string(),
          status: z.string(),
          supplier: z.object({ id: z.string().uuid(), name: z.string() }),
          supplierInvoiceNumber: z.string().nullable(),
          billDate: z.string(),
          dueDate: z.string().nullable(),
          currency: z.string(),
          total: z.string(),
          balance: z.string(),
        }),
      ),
    })
    .extend(PageInfo.shape),
  async run(ctx, input) {
    const where: SQL[] = [];
    if (input.status?.length) where.push(inArray(supplierBills.status, input.status));
    if (input.supplierId) where.push(eq(supplierBills.supplierId, input.supplierId));
    if (input.dueBy) where.push(lte(supplierBills.dueDate, input.dueBy));
    if (input.query) {
      const pattern = containing(input.query);
      where.push(
        or(
          ilike(supplierBills.number, pattern),
          ilike(supplierBills.supplierInvoiceNumber, pattern),
          ilike(suppliers.name, pattern),
        )!,
      );
    }
    const direction =
      input.direction ?? (['due', 'number', 'supplier', 'status'].includes(input.sort) ? 'asc' : 'desc');
    const column = {
      due: supplierBills.dueDate,
      date: supplierBills.billDate,
      number: supplierBills.number,
      supplier: suppliers.name,
      total: supplierBills.totalCents,
      balance: sql`${supplierBills.totalCents} - ${supplierBills.paidCents}`,
      status: supplierBills.status,
    }[input.sort];
    const rows = await ctx.db
      .select({ bill: supplierBills, supplierName: suppliers.name })
      .from(supplierBills)
      .innerJoin(suppliers, tenantJoin(suppliers.id, supplierBills.supplierId))
      .where(and(...where))
      .orderBy(...orderOf(column, direction, supplierBills.id, { text: input.sort === 'supplier' }))
      .limit(input.limit)
      .offset(input.offset);
    const [counted] = await ctx.db
      .select({ n: count() })
      .from(supplierBills)
      .innerJoin(suppliers, tenantJoin(suppliers.id, supplierBills.supplierId))
      .where(and(...where));
    return {
      bills: rows.map(({ bill: b, supplierName }) => ({
        id: b.id,
        number: b.number,
        status: b.status,
        supplier: { id: b.supplierId, name: supplierName },
        supplierInvoiceNumber: b.supplierInvoiceNumber,
        billDate: b.billDate,
        dueDate: b.dueDate,
        currency: b.currency,
        total: fromMinor(b.totalCents, b.currency),
        balance: fromMinor(b.totalCents - b.paidCents, b.currency),
      })),
      total: counted?.n ?? 0,
      offset: input.offset,
      limit: input.limit,
    };
  },
  summarize: (out, lang) =>
    lang === 'fr'
      ? `${out.bills.length} facture(s) fournisseur sur ${out.total}.`
      : `${out.bills.length} of ${out.total} supplier bill(s).`,
});
