import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recurringInvoices } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { recurringById, recurringSummary } from './queries.ts';
import { RecurringSummary } from './schemas.ts';

export const stopRecurring = defineTool({
  name: 'invoicing_stop_recurring',
  title: 'Stop a recurring invoice',
  description:
    'Stop a recurring invoice schedule: no further invoices are generated. Invoices already generated stay as they are.',
  kind: 'write',
  risk: 'internal',
  effect: 'ends',
  input: z.object({ recurringId: z.string().uuid() }),
  output: RecurringSummary,
  async assess(ctx, request) {
    const row = await recurringById(ctx.db, request.recurringId, false, ctx.lang);
    if (!row.active)
      throw invalid(
        ctx.lang === 'fr'
          ? 'Cette facturation récurrente est déjà arrêtée.'
          : 'This recurring invoice is already stopped.',
      );
    return {};
  },
  async run(ctx, request) {
    const row = await recurringById(ctx.db, request.recurringId, true, ctx.lang);
    if (!row.active)
      throw invalid(
        ctx.lang === 'fr'
          ? 'Cette facturation récurrente est déjà arrêtée.'
          : 'This recurring invoice is already stopped.',
      );
    await ctx.db.update(recurringInvoices).set({ active: false }).where(eq(recurringInvoices.id, row.id));
    return recurringSummary(ctx.db, row.id);
  },
  summarize: (r, lang) =>
    lang === 'fr'
      ? `Facturation récurrente de ${r.client.name} arrêtée.`
      : `Recurring invoice for ${r.client.name} stopped.`,
});
