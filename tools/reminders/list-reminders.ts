/**
 * The reminders register: every payment reminder the company sent or prepared, a page at a time, with
 * its invoice, client and the balance still owed. What is due today is reminders_list_due.
 */
import { and, count, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { clients, invoices, reminders } from '../../db/schema/index.ts';
import { tenantJoin } from '../../db/tenant.ts';
import { defineTool } from '../define.ts';
import { balanceOf } from '../invoicing/model.ts';
import { fromMinor } from '../money.ts';
import { containing, Direction, Offset, orderOf, PageInfo, TextQuery } from '../paging.ts';

const SORTS = ['created', 'invoice', 'client', 'day'] as const;

export const listReminders = defineTool({
  name: 'reminders_list_reminders',
  title: 'List payment reminders sent',
  description:
    'List the payment reminders of the company, newest first, a page at a time: the invoice, its client, the ' +
    'schedule step (days from the due date), when it was sent and the balance still owed. Filter sent or not ' +
    'yet sent, by invoice id, or a query (part of the invoice number or client name); sort by created, ' +
    'invoice, client or day; page with offset. What is due today is reminders_list_due.',
  kind: 'read',
  input: z.object({
    query: TextQuery,
    sent: z.boolean().optional().describe('true: only reminders sent; false: only those not sent yet.'),
    invoiceId: z.string().uuid().optional(),
    sort: z.enum(SORTS).default('created'),
    direction: Direction.optional(),
    offset: Offset,
    limit: z.number().int().min(1).max(200).default(50),
  }),
  output: z
    .object({
      reminders: z.array(
        z.object({
          id: z.string().uuid(),
          scheduleDay: z.number().int(),
          channel: z.string(),
          language: z.enum(['fr', 'en']),
          sentAt: z.string().nullable(),
          outcome: z.string().nullable(),
          createdAt: z.string(),
          invoice: z.object({
            id: z.string().uuid(),
            number: z.string(),
            status: z.string(),
            dueDate: z.string(),
            total: z.string(),
            balance: z.string(),
            currency: z.string(),
          }),
          client: z.object({ id: z.string().uuid(), name: z.string() }),
        }),
      ),
    })
    .extend(PageInfo.shape),
  async run(ctx, input) {
    const where: SQL[] = [];
    if (input.sent === true) where.push(isNotNull(reminders.sentAt));
    if (input.sent === false) where.push(isNull(reminders.sentAt));
    if (input.invoiceId) where.push(eq(reminders.invoiceId, input.invoiceId));
    if (input.query) {
      const pattern = containing(input.query);
      where.push(or(ilike(invoices.number, pattern), ilike(clients.name, pattern))!);
    }
    const direction = input.direction ?? (input.sort === 'created' ? 'desc' : 'asc');
    const column = {
      created: reminders.createdAt,
      invoice: invoices.number,
      client: clients.name,
      day: reminders.scheduleDay,
    }[input.sort];
    const base = () =>
      ctx.db
        .select({ reminder: reminders, invoice: invoices, clientName: clients.name })
        .from(reminders)
        .innerJoin(invoices, tenantJoin(invoices.id, reminders.invoiceId))
        .innerJoin(clients, tenantJoin(clients.id, invoices.clientId));
    const rows = await base()
      .where(and(...where))
      .orderBy(...orderOf(column, direction, reminders.id, { text: input.sort === 'client' }))
      .limit(input.limit)
      .offset(input.offset);
    const [counted] = await ctx.db
      .select({ n: count() })
      .from(reminders)
      .innerJoin(invoices, tenantJoin(invoices.id, reminders.invoiceId))
      .innerJoin(clients, tenantJoin(clients.id, invoices.clientId))
      .where(and(...where));
    return {
      reminders: rows.map(({ reminder: r, invoice: i, clientName }) => ({
        id: r.id,
        scheduleDay: r.scheduleDay,
        channel: r.channel,
        language: r.language,
        sentAt: r.sentAt?.toISOString() ?? null,
        outcome: r.outcome,
        createdAt: r.createdAt.toISOString(),
        invoice: {
          id: i.id,
          number: i.number,
          status: i.status,
          dueDate: i.dueDate,
          total: fromMinor(i.totalCents, i.currency),
          balance: fromMinor(balanceOf(i), i.currency),
          currency: i.currency,
        },
        client: { id: i.clientId, name: clientName },
      })),
      total: counted?.n ?? 0,
      offset: input.offset,
      limit: input.limit,
    };
  },
  summarize: (out, lang) =>
    lang === 'fr'
      ? `${out.reminders.length} rappel(s) sur ${out.total}.`
      : `${out.reminders.length} of ${out.total} reminder(s).`,
});
