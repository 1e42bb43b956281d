import { z } from 'zod';
import { defineTool } from '../define.ts';
import { fromMinor, Money, toMinor, formatAmount, DateOf } from '../money.ts';
import { bankBalanceOn, cashFlowForecast, paymentHistory } from './model.ts';
import { bankPositions, openInvoices, paidInvoices, payables } from './queries.ts';
import { companyToday } from '../dates.ts';

export const cashFlow = defineTool({
  name: 'analytics_cash_flow_forecast',
  title: '13-week cash-flow forecast',
  description:
    'Cash expected in and out, week by week for 13 weeks from a date (default today). In: open invoices, each ' +
    "weighted by its client's collection rate and shifted by the client's average days late. Out: open supplier " +
    'bills on their due date, and approved orders not billed yet on their expected date plus the supplier terms. ' +
    'Starts from the bank balance on that date: the closing balance the imported statements state, moved by the ' +
    'transactions booked since (openingSource says so); give openingBalance to start from another figure. ' +
    'Decimal strings, company currency.',
  kind: 'read',
  input: z.object({
    asOf: DateOf('report').optional(),
    openingBalance: Money.optional().describe('Defaults to the bank balance from the imported statements.'),
    weeks: z.number().int().min(1).max(26).default(13),
  }),
  output: z.object({
    asOf: z.string(),
    currency: z.string(),
    opening: z.string(),
    openingSource: z.enum(['given', 'statements', 'transactions', 'none']),
    weeks: z.array(
      z.object({
        week: z.number().int(),
        start: z.string(),
        end: z.string(),
        inflow: z.string(),
        outflow: z.string(),
        net: z.string(),
        closing: z.string(),
      }),
    ),
    lowest: z.object({ week: z.number().int(), closing: z.string() }),
  }),
  async run(ctx, input) {
    const asOf = input.asOf ?? (await companyToday(ctx));
    const { currency } = await ctx.tenant();
    const bank = input.openingBalance === undefined ? bankBalanceOn(await bankPositions(ctx.db, currency, asOf)) : null;
    const openingCents = bank ? bank.cents : toMinor(input.openingBalance!, currency);
    const invoices = await openInvoices(ctx.db, currency, asOf);
    const history = paymentHistory(await paidInvoices(ctx.db, asOf), invoices, asOf);
    const weeks = cashFlowForecast({
      asOf,
      openingCents,
      invoices,
      history,
      payables: await payables(ctx.db, currency),
      weeks: input.weeks,
    });
    const m = (c: bigint) => fromMinor(c, currency);
    const lowest = weeks.reduce((low, w) => (w.closingCents < low.closingCents ? w : low), weeks[0]!);
    return {
      asOf,
      currency,
      opening: m(openingCents),
      openingSource: bank ? bank.source : ('given' as const),
      weeks: weeks.map((w) => ({
        week: w.week,
        start: w.start,
        end: w.end,
        inflow: m(w.inflowCents),
        outflow: m(w.outflowCents),
        net: m(w.netCents),
        closing: m(w.closingCents),
      })),
      lowest: { week: lowest.week, closing: m(lowest.closingCents) },
    };
  },
  summarize: (o, lang) =>
    lang === 'fr'
      ? `Prévision de trésorerie sur ${o.weeks.length} semaines : point bas ${formatAmount(o.lowest.closing, o.currency, lang)} en semaine ${o.lowest.week}.`
      : `${o.weeks.length}-week cash forecast: lowest balance ${formatAmount(o.lowest.closing, o.currency, lang)} in week ${o.lowest.week}.`,
});
