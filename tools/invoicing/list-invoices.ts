import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { clients, invoices } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { fromMinor } from '../money.ts';
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

export const listInvoices = defineTool({
  name: 'invoicing_list_invoices',
  title: 'List invoices',
  description:
    'List the company invoices and credit notes, newest first. Filter by status (e.g. ["overdue"]), client id ' +
    'or kind. Returns id, number, client, dates, total, balance owed and status; read one in full with ' +
    'invoicing_get_invoice.',
  kind: 'read',
  input: z.object({
    status: z.array(z.enum(INVOICE_STATUSES)).optional(),
    clientId: z.string().uuid().optional(),
    kind: z.enum(['invoice', 'credit_note']).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  }),
  output: z.object({ invoices: z.array(InvoiceLine) }),
  async run(ctx, input) {
    const where: SQL[] = [];
    if (input.status?.length) where.push(inArray(invoices.status, input.status));
    if (input.clientId) where.push(eq(invoices.clientId, input.clientId));
    if (input.kind) where.push(eq(invoices.kind, input.kind));
    const rows = await ctx.db
      .select({ invoice: invoices, clientName: clients.name })
      .from(invoices)
      .innerJoin(clients, tenantJoin(clients.id, invoices.clientId))
      .where(and(...where))
      .orderBy(desc(invoices.issueDate), desc(invoices.number))
      .limit(input.limit);
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
    };
  },
  summarize: (out, lang) =>
    lang === 'fr' ? `${out.invoices.length} facture(s).` : `${out.invoices.length} invoice(s).`,
});
