import { and, count, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { clients, invoices } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { DateOf, fromMinor } from '../money.ts';
import { containing, Direction, Offset, orderOf, PageInfo, TextQuery } from '../paging.ts';
import { balanceOf, INVOICE_STATUSES } from './model.ts';
import { tenantJoin } from '../../db/tenant.ts';

const InvoiceLine = z.object({
  id: z.string().uuid(),
  number: z.string(),
  kind: z.enum(['invoice', 'credit_note']),
  status: z.enum(INVOICE_STATUSES),
  client: z.object({ id: z.string().uuid(), name: z.string() }),
  issueDate: z.string(),
  dueDate: z.string(),
  total: z.string(),
  balance: z.string(),
  currency: z.string(),
});

const SORTS = ['date', 'due', 'number', 'client', 'total', 'balance', 'status'] as const;

export const listInvoices = defineTool({
  name: 'invoicing_list_invoices',
  title: 'List invoices',
  description:
    'List the company invoices and credit notes, newest first, a page at a time. Filter by status (e.g. ' +
    '["overdue"]), client id, kind, issue date range (from/to) or a query (part of the number or client name); ' +
    'sort by date, due, number, client, total, balance or status; page with offset. Returns id, number, ' +
    'client, dates, total, balance owed and status, and the total count; read one in full with ' +
    'invoicing_get_invoice.',
  kind: 'read',
  input: z.object({
    query: TextQuery,
    status: z.array(z.enum(INVOICE_STATUSES)).optional(),
    clientId: z.string().uuid().optional(),
    kind: z.enum(['invoice', 'credit_note']).optional(),
    from: DateOf('report').optional(),
    to: DateOf('report').optional(),
    sort: z.enum(SORTS).default('date'),
    direction: Direction.optional(),
    offset: Offset,
    limit: z.number().int().min(1).max(200).default(50),
  }),
  output: z.object({ invoices: z.array(InvoiceLine) }).extend(PageInfo.shape),
  async run(ctx, input) {
    const where: SQL[] = [];
    if (input.status?.length) where.push(inArray(invoices.status, input.status));
    if (input.clientId) where.push(eq(invoices.clientId, input.clientId));
    if (input.kind) where.push(eq(invoices.kind, input.kind));
    if (input.from) where.push(gte(invoices.issueDate, input.from));
    if (input.to) where.push(lte(invoices.issueDate, input.to));
    if (input.query) {
      const pattern = containing(input.query);
      where.push(or(ilike(invoices.number, pattern), ilike(clients.name, pattern))!);
    }
    const direction = input.direction ?? (['number', 'client', 'status'].includes(input.sort) ? 'asc' : 'desc');
    const column = {
      date: invoices.issueDate,
      due: invoices.dueDate,
      number: invoices.number,
      client: clients.name,
      total: invoices.totalCents,
      balance: sql`${invoices.totalCents} - ${invoices.paidCents} - ${invoices.creditedCents}`,
      status: invoices.status,
    }[input.sort];
    const rows = await ctx.db
      .select({ invoice: invoices, clientName: clients.name })
      .from(invoices)
      .innerJoin(clients, tenantJoin(clients.id, invoices.clientId))
      .where(and(...where))
      .orderBy(...orderOf(column, direction, invoices.id, { text: input.sort === 'client' }))
      .limit(input.limit)
      .offset(input.offset);
    const [counted] = await ctx.db
      .select({ n: count() })
      .from(invoices)
      .innerJoin(clients, tenantJoin(clients.id, invoices.clientId))
      .where(and(...where));
    return {
      invoices: rows.map(({ invoice, clientName }) => ({
        id: invoice.id,
        number: invoice.number,
        kind: invoice.kind,
        status: invoice.status,
        client: { id: invoice.clientId, name: clientName },
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        total: fromMinor(invoice.totalCents, invoice.currency),
        balance: fromMinor(invoice.kind === 'credit_note' ? 0n : balanceOf(invoice), invoice.currency),
        currency: invoice.currency,
      })),
      total: counted?.n ?? 0,
      offset: input.offset,
      limit: input.limit,
    };
  },
  summarize: (out, lang) =>
    lang === 'fr'
      ? `${out.invoices.length} facture(s) sur ${out.total}.`
      : `${out.invoices.length} of ${out.total} invoice(s).`,
});
