/**
 * A record's trail for its detail page (and the agent): what happened to it, from the audit events of
 * the actions on it, and the records linked to it. Another company's id answers not found.
 */
import { z } from 'zod';
import { defineTool } from '../define.ts';
import { notFound } from '../errors.ts';
import { historyOf, LINK_KINDS, linksOf, RECORD_KINDS, recordExists } from './queries.ts';
import { recordRefusals } from './texts.ts';

export const getTrail = defineTool({
  name: 'records_get_trail',
  title: 'Show a record’s history and linked records',
  description:
    'For one purchase order, invoice, bill, supplier, client, product or document (kind and id): its history ' +
    '(every audit event of the actions on it — proposed, approved, executed… with who and when — and a ' +
    'purchase order’s status changes) and its linked records (PO ↔ receipts ↔ bills ↔ payments ↔ bank lines; ' +
    'invoice ↔ reminders ↔ payments ↔ bank lines; a party’s latest orders, bills or invoices).',
  kind: 'read',
  input: z.object({ kind: z.enum(RECORD_KINDS), id: z.string().uuid() }),
  output: z.object({
    history: z.array(
      z.object({
        at: z.string(),
        source: z.enum(['action', 'status']),
        type: z.string(),
        actionId: z.string().uuid().nullable(),
        actionNumber: z.number().int().nullable(),
        tool: z.string().nullable(),
        actor: z.string().nullable(),
        note: z.string().nullable(),
        from: z.string().nullable(),
        to: z.string().nullable(),
      }),
    ),
    links: z.array(
      z.object({
        kind: z.enum(LINK_KINDS),
        id: z.string().uuid(),
        label: z.string(),
        date: z.string().nullable(),
        amount: z.string().nullable(),
        currency: z.string().nullable(),
        status: z.string().nullable(),
      }),
    ),
  }),
  async run(ctx, input) {
    if (!(await recordExists(ctx.db, input.kind, input.id)))
      throw notFound(recordRefusals[ctx.lang].notFound(input.id));
    return {
      history: await historyOf(ctx.db, input.kind, input.id),
      links: await linksOf(ctx.db, input.kind, input.id),
    };
  },
  summarize: (out, lang) =>
    lang === 'fr'
      ? `${out.history.length} événement(s), ${out.links.length} document(s) lié(s).`
      : `${out.history.length} event(s), ${out.links.length} linked record(s).`,
});

export const recordTools = [getTrail];
