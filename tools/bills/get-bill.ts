import { z } from 'zod';
import { defineTool } from '../define.ts';
import { billSummary } from './queries.ts';
import { BillSummary } from './schemas.ts';

export const getBill = defineTool({
  name: 'bills_get_bill',
  title: 'Show a supplier bill',
  description:
    'Read one supplier bill by id: supplier, lines, taxes, totals, amount paid and balance, and the three-way match with its purchase order.',
  kind: 'read',
  input: z.object({ billId: z.string().uuid() }),
  output: BillSummary,
  run: (ctx, input) => billSummary(ctx.db, input.billId, ctx.lang),
  summarize: (b, lang) =>
    lang === 'fr'
      ? `${b.number} : ${b.total} ${b.currency}, solde ${b.balance}, ${b.status}.`
      : `${b.number}: ${b.total} ${b.currency}, balance ${b.balance}, ${b.status}.`,
});
