import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recurringInvoices } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { recurringSummary } from './queries.ts';
import { RecurringSummary } from './schemas.ts';

export const listRecurring = defineTool({
  name: 'invoicing_list_recurring',
  title: 'List recurring invoices',
  description:
    'List the recurring invoice schedules (active ones unless includeStopped), with client, frequency, next date and lines.',
  kind: 'read',
  input: z.object({ includeStopped: z.boolean().default(false) }),
  output: z.object({ recurring: z.array(RecurringSummary) }),
  async run(ctx, input) {
    const rows = await ctx.db
      .select({ id: recurringInvoices.id })
      .from(recurringInvoices)
      .where(input.includeStopped ? undefined : eq(recurringInvoices.active, true))
      .orderBy(asc(recurringInvoices.nextOn));
    const recurring = [];
    for (const row of rows) recurring.push(await recurringSummary(ctx.db, row.id));
    return { recurring };
  },
  summarize: (out, lang) =>
    lang === 'fr'
      ? `${out.recurring.length} facturation(s) récurrente(s).`
      : `${out.recurring.length} recurring invoice(s).`,
});
