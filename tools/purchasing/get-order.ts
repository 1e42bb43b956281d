import { z } from 'zod';
import { defineTool } from '../define.ts';
import { orderSummary } from './queries.ts';
import { OrderSummary } from './schemas.ts';
import { formatAmount } from '../money.ts';
import { STATUS_WORDS } from './texts.ts';

export const getOrder = defineTool({
  name: 'purchasing_get_order',
  title: 'Show a purchase order',
  description: 'Read one purchase order by id: supplier, lines, taxes, totals, status and approval level.',
  kind: 'read',
  input: z.object({ orderId: z.string().uuid() }),
  output: OrderSummary,
  run: (ctx, input) => orderSummary(ctx.db, input.orderId, ctx.lang),
  summarize: (o, lang) =>
    lang === 'fr'
      ? `${o.number} : ${formatAmount(o.total, o.currency, lang)}, ${STATUS_WORDS[o.status].fr}.`
      : `${o.number}: ${formatAmount(o.total, o.currency, lang)}, ${STATUS_WORDS[o.status].en}.`,
});
