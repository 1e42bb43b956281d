import { z } from 'zod';
import { recurringInvoices } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { DateOf } from '../money.ts';
import { linesIn, priceFor } from './pricing.ts';
import { clientById, recurringSummary } from './queries.ts';
import { Frequency, InvoiceLineInput, RecurringSummary } from './schemas.ts';
import { invoicingEvidence } from './texts.ts';

const input = z.object({
  clientId: z.string().uuid(),
  frequency: Frequency,
  startOn: DateOf('due').describe(
    'Date of the first invoice; later ones fall on the same day of the month (or the last day of shorter months).',
  ),
  endOn: DateOf('due').optional().describe('No invoice after this day; omit to continue until stopped.'),
  lines: z.array(InvoiceLineInput).min(1).max(200),
  notes: z.string().trim().max(2000).optional(),
});

/** Prices the template once as a check (client, province, decimals), and gives the amount per invoice. */
async function checked(ctx: ToolCtx, request: z.output<typeof input>) {
  if (request.endOn && request.endOn < request.startOn) {
    throw invalid(
      ctx.lang === 'fr' ? 'La date de fin précède la date de début.' : 'The end date is before the start date.',
    );
  }
  const client = await clientById(ctx.db, request.clientId, ctx.lang);
  const priced = priceFor(client, linesIn(client, request.lines, ctx.lang), request.startOn, ctx.lang);
  if (priced.breakdown.total <= 0n)
    throw invalid(
      ctx.lang === 'fr' ? 'Le total de chaque facture doit être positif.' : 'Each invoice total must be positive.',
    );
  return { client, priced };
}

export const createRecurring = defineTool({
  name: 'invoicing_create_recurring',
  title: 'Set up a recurring invoice',
  description:
    'Invoice a client on a schedule (monthly, quarterly or yearly) from startOn, until endOn or until stopped. ' +
    'Lines are written as for invoicing_create_invoice. Each period a draft invoice is generated with the taxes ' +
    'and terms in force that day, once per period; send drafts with invoicing_send_invoice.',
  kind: 'write',
  risk: 'internal',
  effect: 'adds',
  input,
  output: RecurringSummary,
  async assess(ctx, request) {
    const { client, priced } = await checked(ctx, request);
    return {
      amount: { cents: priced.breakdown.total, currency: priced.currency },
      evidence: [{ factor: 'client_exact', weight: 0.2, detail: invoicingEvidence[ctx.lang].clientById(client.name) }],
    };
  },
  async run(ctx, request) {
    const { client } = await checked(ctx, request);
    const [row] = await ctx.db
      .insert(recurringInvoices)
      .values({
        tenantId: ctx.tenantId,
        clientId: client.id,
        frequency: request.frequency,
        startOn: request.startOn,
        nextOn: request.startOn,
        endOn: request.endOn ?? null,
        template: { lines: request.lines, ...(request.notes ? { notes: request.notes } : {}) },
      })
      .returning({ id: recurringInvoices.id });
    return recurringSummary(ctx.db, row!.id);
  },
  summarize: (r, lang) =>
    lang === 'fr'
      ? `Facturation récurrente (${r.frequency}) pour ${r.client.name} : prochaine facture le ${r.nextOn}.`
      : `Recurring invoice (${r.frequency}) for ${r.client.name}: next invoice on ${r.nextOn}.`,
});
