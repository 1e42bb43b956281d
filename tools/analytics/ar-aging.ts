import { z } from 'zod';
import { defineTool } from '../define.ts';
import { fromMinor, formatAmount, DateOf } from '../money.ts';
import { addDays, AGING_BUCKETS, arAging, dso } from './model.ts';
import { creditSales, openInvoices, receivablesAsOf } from './queries.ts';
import { formatDecimal } from './texts.ts';
import { companyToday } from '../dates.ts';

const Bucket = z.object({ amount: z.string(), invoices: z.number().int() });

export const receivablesAging = defineTool({
  name: 'analytics_ar_aging',
  title: 'Receivables aging and DSO',
  description:
    'What clients owe, by age past the due date: current (not yet due), 1–30, 31–60, 61–90 and over 90 days, ' +
    'as of a date (default today), plus DSO = receivables on that date (payments counted on the day their reconciled bank line shows) ÷ credit sales of the last `dsoDays` days (default 90) × ' +
    'dsoDays. Company currency, decimal strings.',
  kind: 'read',
  input: z.object({ asOf: DateOf('report').optional(), dsoDays: z.number().int().min(7).max(366).default(90) }),
  output: z.object({
    asOf: z.string(),
    currency: z.string(),
    total: z.string(),
    buckets: z.object(
      Object.fromEntries(AGING_BUCKETS.map((b) => [b, Bucket])) as Record<
        (typeof AGING_BUCKETS)[number],
        typeof Bucket
      >,
    ),
    dso: z
      .number()
      .nullable()
      .describe(
        'Receivables on asOf as the bank statement shows payments (reconciled bank dates) ÷ credit sales × dsoDays.',
      ),
    receivablesForDso: z.string().describe('Owed on asOf, counting each payment on the date its bank line shows.'),
    reconciledPayments: z
      .object({ payments: z.number().int(), reconciled: z.number().int() })
      .describe(
        'Payments up to asOf, and how many are reconciled with a bank line (the rest count on their recorded date).',
      ),
    creditSales: z.string(),
    dsoDays: z.number().int(),
  }),
  async run(ctx, input) {
    const asOf = input.asOf ?? (await companyToday(ctx));
    const { currency } = await ctx.tenant();
    const aging = arAging(await openInvoices(ctx.db, currency, asOf), asOf);
    const sales = await creditSales(ctx.db, currency, addDays(asOf, -input.dsoDays), asOf);
    const banked = await receivablesAsOf(ctx.db, currency, asOf);
    const buckets = Object.fromEntries(
      AGING_BUCKETS.map((b) => [
        b,
        { amount: fromMinor(aging.buckets[b].amountCents, currency), invoices: aging.buckets[b].invoices },
      ]),
    );
    return {
      asOf,
      currency,
      total: fromMinor(aging.totalCents, currency),
      buckets: buckets as never,
      dso: dso(banked.receivablesCents, sales, input.dsoDays),
      receivablesForDso: fromMinor(banked.receivablesCents, currency),
      reconciledPayments: { payments: banked.payments, reconciled: banked.reconciled },
      creditSales: fromMinor(sales, currency),
      dsoDays: input.dsoDays,
    };
  },
  summarize: (o, lang) =>
    lang === 'fr'
      ? `Comptes clients au ${o.asOf} : ${formatAmount(o.total, o.currency, lang)}, dont ${formatAmount(o.buckets.over_90.amount, o.currency, lang)} à plus de 90 jours ; ${o.dso === null ? 'DSO non calculable (aucune vente à crédit sur la période)' : `DSO ${formatDecimal(o.dso, lang)} jours`}.`
      : `Receivables as of ${o.asOf}: ${formatAmount(o.total, o.currency, lang)}, ${formatAmount(o.buckets.over_90.amount, o.currency, lang)} over 90 days; ${o.dso === null ? 'no DSO (no credit sales in the period)' : `DSO ${formatDecimal(o.dso, lang)} days`}.`,
});
