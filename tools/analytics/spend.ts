import { z } from 'zod';
import { defineTool } from '../define.ts';
import { fromMinor, formatAmount } from '../money.ts';
import { spendBy } from './model.ts';
import { billedSpend, committedSpend } from './queries.ts';
import { Period, periodOf } from './schemas.ts';
import { assertPeriod } from '../period.ts';

export const spendAnalysis = defineTool({
  name: 'analytics_spend',
  title: 'Spend analysis',
  description:
    'What the company spends, before tax, grouped by supplier, product category, month, quarter or year, over ' +
    'a period (default: last 12 months). basis "committed" counts purchase order lines from approval on (it ' +
    'knows product categories); "billed" counts supplier bills accepted (approved or paid; no categories). ' +
    "Amounts in the company currency as decimal strings, with each group's share of the total in percent.",
  kind: 'read',
  input: z.object({
    groupBy: z.enum(['supplier', 'category', 'month', 'quarter', 'year']).default('supplier'),
    basis: z.enum(['committed', 'billed']).default('committed'),
    ...Period,
  }),
  output: z.object({
    currency: z.string(),
    from: z.string(),
    to: z.string(),
    total: z.string(),
    rows: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        amount: z.string(),
        documents: z.number().int(),
        sharePercent: z.string(),
      }),
    ),
  }),
  async run(ctx, input) {
    const { from, to } = periodOf(input, ctx.now);
    assertPeriod(from, to, ctx.lang);
    const { currency } = await ctx.tenant();
    const lines =
      input.basis === 'committed'
        ? await committedSpend(ctx.db, currency, from, to)
        : await billedSpend(ctx.db, currency, from, to);
    const { rows, totalCents } = spendBy(lines, input.groupBy);
    return {
      currency,
      from,
      to,
      total: fromMinor(totalCents, currency),
      rows: rows.map((r) => ({
        key: r.key,
        label: r.label,
        amount: fromMinor(r.amountCents, currency),
        documents: r.documents,
        sharePercent: (r.shareBasisPoints / 100).toFixed(2),
      })),
    };
  },
  summarize: (o, lang) =>
    lang === 'fr'
      ? `Dépenses du ${o.from} au ${o.to} : ${formatAmount(o.total, o.currency, lang)}.`
      : `Spend from ${o.from} to ${o.to}: ${formatAmount(o.total, o.currency, lang)}.`,
});
