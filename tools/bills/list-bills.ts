import { and, asc, eq, inArray, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { supplierBills, suppliers } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { fromMinor, DateOf } from '../money.ts';
import { BILL_STATUSES } from './model.ts';
import { tenantJoin } from '../../db/tenant.ts';

export const listBills = defineTool({
  name: 'bills_list_bills',
  title: 'List supplier bills',
  description:
    'List supplier bills by due date (soonest first). Filter by status (e.g. ["approved"] for bills to pay), ' +
    'supplier, or due on or before a date. Returns number, supplier, dates, total and balance.',
  kind: 'read',
  input: z.object({
    status: z.array(z.enum(BILL_STATUSES)).optional(),
    supplierId: z.string().uuid().optional(),
    dueBy: DateOf('report').optional(),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  output: z.object({
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
  }),
  async run(ctx, input) {
    const where: SQL[] = [];
    if (input.status?.length) where.push(inArray(supplierBills.status, input.status));
    if (input.supplierId) where.push(eq(supplierBills.supplierId, input.supplierId));
    if (input.dueBy) where.push(lte(supplierBills.dueDate, input.dueBy));
    const rows = await ctx.db
      .select({ bill: supplierBills, supplierName: suppliers.name })
      .from(supplierBills)
      .innerJoin(suppliers, tenantJoin(suppliers.id, supplierBills.supplierId))
      .where(and(...where))
      .orderBy(asc(supplierBills.dueDate), asc(supplierBills.number))
      .limit(input.limit);
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
    };
  },
  summarize: (out, lang) =>
    lang === 'fr' ? `${out.bills.length} facture(s) fournisseur.` : `${out.bills.length} supplier bill(s).`,
});
