/**
 * Sales tax for Canada and France: the public API of this area (dated rates and document tax).
 */
export { computeTax, ratesInForce } from './compute.ts';
export type { ComputeTaxInput, Lang, TaxBreakdown, TaxComponent, TaxCountry, TaxLine, Treatment } from './compute.ts';
export { FR_RATE_CLASSES, GST_ONLY, PROVINCES, TAX_RATES } from './rates.ts';
export type { FrRateClass, Jurisdiction, Labels, Province, TaxCode, TaxRate } from './rates.ts';
