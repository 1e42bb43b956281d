/**
 * Totals of a priced document (purchase order, invoice, bill): each line is quantity × unit price
 * rounded to the cent, then sales tax by place of supply and date. One function for every document,
 * so an order and the invoice for it can never disagree on arithmetic.
 */
import { z } from 'zod';
import { fromMinor, mulQuantity, type CurrencyCode } from './money.ts';
import { computeTax, type TaxBreakdown, type TaxCountry, type Treatment } from './tax/index.ts';
import type { FrRateClass } from './tax/index.ts';

export interface PricedLine {
  quantity: string;
  unitPriceCents: bigint;
  treatment?: Treatment;
  frRate?: FrRateClass;
}

export interface DocumentTotals {
  lineTotals: bigint[];
  breakdown: TaxBreakdown;
}

export function documentTotals(doc: {
  country: TaxCountry;
  region?: string | null;
  on: string;
  currency: CurrencyCode;
  lines: readonly PricedLine[];
  /** Language of the tax labels. */
  lang?: 'fr' | 'en';
  /** Language of a tax refusal: that of the person asking (ctx.lang); English when not given. */
  refuseIn?: 'fr' | 'en';
}): DocumentTotals {
  const lineTotals = doc.lines.map((l) => mulQuantity(l.unitPriceCents, l.quantity));
  const breakdown = computeTax({
    country: doc.country,
    region: doc.region ?? undefined,
    on: doc.on,
    currency: doc.currency,
    lang: doc.lang,
    refuseIn: doc.refuseIn,
    lines: doc.lines.map((l, i) => ({ amount: lineTotals[i]!, treatment: l.treatment, frRate: l.frRate })),
  });
  return { lineTotals, breakdown };
}

/** One tax line as documents store and tools return it: amounts as decimal strings. */
export const TaxLine = z.object({
  code: z.string(),
  rate: z.string(),
  base: z.string(),
  amount: z.string(),
  labels: z.object({ fr: z.string(), en: z.string() }),
});

/** The tax breakdown as stored in JSON and shown to people: amounts as decimal strings. */
export function taxLinesOf(breakdown: TaxBreakdown) {
  return breakdown.components.map((c) => ({
    code: c.code,
    rate: c.rate,
    base: fromMinor(c.base, breakdown.currency),
    amount: fromMinor(c.amount, breakdown.currency),
    labels: c.labels,
  }));
}
