/**
 * Enter the rate of a foreign currency in the company currency from a day on: the dated fact the
 * action door converts foreign amounts with before comparing them to approval levels, AI limits and
 * the hard cap. An administrator's write, audited like any other.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { exchangeRates } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { CurrencyCode, DateOf } from '../money.ts';

const RATE = /^\d{1,10}(\.\d{1,10})?$/;

export const setExchangeRate = defineTool({
  name: 'settings_set_exchange_rate',
  title: 'Enter an exchange rate',
  description:
    'Record how many units of the company currency one unit of a foreign currency is worth from a day on ' +
    '(administrators only), e.g. { currency: "GBP", validFrom: "2026-03-01", rate: "1.8123" } for 1 GBP = ' +
    '1.8123 CAD. Foreign orders and bills are compared with approval levels and limits at the latest rate ' +
    'on or before their date; without one they need the highest level. The same day again replaces the rate.',
  kind: 'write',
  risk: 'internal',
  effect: 'sets',
  roles: ['admin'],
  input: z.object({
    currency: CurrencyCode,
    validFrom: DateOf('document'),
    rate: z
      .string()
      .regex(RATE, { error: 'Expected a positive decimal rate with a dot, e.g. "1.8123".' })
      .describe('Units of the company currency for 1 unit of `currency`, e.g. "1.8123".'),
  }),
  output: z.object({ currency: z.string(), companyCurrency: z.string(), validFrom: z.string(), rate: z.string() }),
  async assess(ctx, input) {
    const tenant = await ctx.tenant();
    if (input.currency === tenant.currency)
      throw invalid(
        ctx.lang === 'fr'
          ? `${input.currency} est la devise de l'entreprise : aucun taux à saisir.`
          : `${input.currency} is the company currency: no rate to enter.`,
      );
    if (!/[1-9]/.test(input.rate))
      throw invalid(ctx.lang === 'fr' ? 'Un taux doit être supérieur à zéro.' : 'A rate must be greater than zero.');
    return {};
  },
  async run(ctx, input) {
    const tenant = await ctx.tenant();
    const [row] = await ctx.db
      .insert(exchangeRates)
      .values({
        tenantId: ctx.tenantId,
        currency: input.currency,
        companyCurrency: tenant.currency,
        validFrom: input.validFrom,
        rate: input.rate,
        enteredBy: ctx.actor.userId,
        createdAt: ctx.now,
      })
      .onConflictDoUpdate({
        target: [
          exchangeRates.tenantId,
          exchangeRates.currency,
          exchangeRates.companyCurrency,
          exchangeRates.validFrom,
        ],
        set: { rate: sql`excluded.rate`, enteredBy: sql`excluded.entered_by`, createdAt: sql`excluded.created_at` },
      })
      .returning();
    return {
      currency: row!.currency,
      companyCurrency: row!.companyCurrency,
      validFrom: row!.validFrom,
      rate: row!.rate.replace(/\.?0+$/, ''),
    };
  },
  summarize: (r, lang) =>
    lang === 'fr'
      ? `Taux enregistré : 1 ${r.currency} = ${r.rate} ${r.companyCurrency} à partir du ${r.validFrom}.`
      : `Rate saved: 1 ${r.currency} = ${r.rate} ${r.companyCurrency} from ${r.validFrom}.`,
});
