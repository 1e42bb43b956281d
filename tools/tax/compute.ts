/**
 * Sales tax of one document (quote, order, invoice, bill): which taxes apply on a date and place,
 * on which base, for how much. Rates come from the dated table in `rates.ts`; rounding from `money.ts`.
 */
import { invalid } from '../errors.ts';
import { type CurrencyCode, isIsoDate, minorDigits, mulRate, sum } from '../money.ts';
import {
  FR_RATE_CLASSES,
  GST_ONLY,
  PROVINCES,
  TAX_RATES,
  type FrRateClass,
  type Jurisdiction,
  type Labels,
  type Province,
  type TaxCode,
  type TaxRate,
} from './rates.ts';
import { taxRefusals } from './texts.ts';

export type TaxCountry = 'CA' | 'FR';
export type Treatment = 'taxable' | 'exempt' | 'zero_rated';
export type Lang = 'fr' | 'en';

const TREATMENTS: readonly Treatment[] = ['taxable', 'exempt', 'zero_rated'];

export interface TaxLine {
  /** Pre-tax line amount in minor units; negative for a discount or credit line. */
  readonly amount: bigint;
  /** Defaults to 'taxable'. Exempt and zero-rated lines carry no tax but are reported apart. */
  readonly treatment?: Treatment;
  /** French VAT class of the line, default 'normal'; ignored outside France. */
  readonly frRate?: FrRateClass;
}

export interface ComputeTaxInput {
  readonly country: TaxCountry;
  /**
   * Canada: the province of the PLACE OF SUPPLY, which is the buyer's province (ship-to address for
   * goods, the recipient's address for most services) and not the seller's: a Montréal seller
   * shipping to Halifax charges NS HST, not GST + QST (Excise Tax Act Sched. IX). France: omit.
   */
  readonly region?: string;
  /** Invoice or supply date, YYYY-MM-DD: the rates in force that day apply. */
  readonly on: string;
  readonly currency: CurrencyCode;
  readonly lines: readonly TaxLine[];
  /** Language of `label`; defaults to French, which Québec's Charter of the French language requires on invoices. */
  readonly lang?: Lang;
  /** Language of a refusal: that of the person asking (ctx.lang), who may not read the invoice's; defaults to English. */
  readonly refuseIn?: Lang;
}

export interface TaxComponent {
  readonly code: TaxCode;
  /** Exact decimal, e.g. "0.09975". */
  readonly rate: string;
  /** Sum of the taxable lines this component applies to, in minor units. */
  readonly base: bigint;
  readonly amount: bigint;
  readonly label: string;
  readonly labels: Labels;
}

export interface TaxBreakdown {
  readonly currency: CurrencyCode;
  /** Every line, taxable or not, before tax. */
  readonly subtotal: bigint;
  readonly exemptSubtotal: bigint;
  readonly zeroRatedSubtotal: bigint;
  readonly components: readonly TaxComponent[];
  readonly totalTax: bigint;
  readonly total: bigint;
}

const inForce = (rate: TaxRate, on: string): boolean =>
  rate.from <= on && (rate.until === undefined || on <= rate.until);

const firstDay = (jurisdiction: Jurisdiction): string | undefined =>
  TAX_RATES.filter((rate) => rate.jurisdiction === jurisdiction)
    .map((rate) => rate.from)
    .sort()[0];

function provinceOf(region: string | undefined, lang: Lang): Province {
  const code = region?.trim().toUpperCase();
  if (!code) throw invalid(taxRefusals[lang].noProvince);
  const province = PROVINCES.find((candidate) => candidate === code);
  if (!province) throw invalid(taxRefusals[lang].unknownProvince(region ?? '', PROVINCES.join(', ')), { region });
  return province;
}

function canadaRates(region: string | undefined, on: string, lang: Lang): TaxRate[] {
  const province = provinceOf(region, lang);
  const own = TAX_RATES.filter((rate) => rate.jurisdiction === `CA-${province}` && inForce(rate, on));
  if (own.length === 0 && !GST_ONLY.has(province)) {
    throw invalid(taxRefusals[lang].noProvincialRate(province, on, firstDay(`CA-${province}`)), {
      region: province,
      on,
    });
  }
  // HST is GST and the provincial tax in one: it replaces GST (Excise Tax Act s. 165(2)).
  if (own.some((rate) => rate.component === 'HST')) return own;
  const gst = TAX_RATES.find((rate) => rate.jurisdiction === 'CA' && inForce(rate, on));
  if (!gst) throw invalid(taxRefusals[lang].noGstRate(on, firstDay('CA')), { on });
  return [gst, ...own];
}

function franceRates(region: string | undefined, on: string, lang: Lang): TaxRate[] {
  // Corsica and the overseas departments have rates of their own that the table does not hold.
  if (region !== undefined) throw invalid(taxRefusals[lang].regionInFrance(region), { region });
  const rates = TAX_RATES.filter((rate) => rate.jurisdiction === 'FR' && inForce(rate, on));
  if (rates.length === 0) throw invalid(taxRefusals[lang].noVatRate(on, firstDay('FR')), { on });
  return rates;
}

/**
 * The taxes in force for a place of supply on a date: GST then the provincial tax, or HST alone,
 * in Canada; the four VAT classes in France. Throws `invalid`, worded in `lang`, for an unknown
 * province or a date the table does not cover.
 * @example ratesInForce('CA', 'QC', '2025-04-01') // [GST 0.05, QST 0.09975]
 */
export function ratesInForce(
  country: TaxCountry,
  region: string | undefined,
  on: string,
  lang: Lang = 'en',
): TaxRate[] {
  if (!isIsoDate(on)) throw invalid(taxRefusals[lang].invalidDate(on));
  if (country === 'CA') return canadaRates(region, on, lang);
  if (country === 'FR') return franceRates(region, on, lang);
  throw invalid(taxRefusals[lang].unsupportedCountry(String(country)));
}

function checkLine(line: TaxLine, index: number, lang: Lang): void {
  if (line.treatment !== undefined && !TREATMENTS.includes(line.treatment)) {
    throw invalid(taxRefusals[lang].unknownTreatment(index + 1, line.treatment, TREATMENTS.join(', ')));
  }
  if (line.frRate !== undefined && !FR_RATE_CLASSES.includes(line.frRate)) {
    throw invalid(taxRefusals[lang].unknownVatClass(index + 1, line.frRate, FR_RATE_CLASSES.join(', ')));
  }
}

/**
 * Taxes a document. Each component is computed on the sum of the taxable lines it applies to and
 * rounded half-up to the cent once, per component per document, as CRA and Revenu Québec allow
 * (and French practice, per rate on the invoice): rounding each line would drift by cents on long
 * invoices. QST is computed on the pre-tax base, never on GST.
 * @example computeTax({ country: 'CA', region: 'QC', on: '2025-04-01', currency: 'CAD', lines: [{ amount: 10000n }] })
 * // GST 500n, QST 998n (997.5 rounded half-up), total 11498n
 */
export function computeTax(input: ComputeTaxInput): TaxBreakdown {
  const { country, region, on, currency, lines, lang = 'fr', refuseIn = 'en' } = input;
  minorDigits(currency);
  for (const [index, line] of lines.entries()) checkLine(line, index, refuseIn);
  const rates = ratesInForce(country, region, on, refuseIn);

  const treated = (treatment: Treatment) => lines.filter((line) => (line.treatment ?? 'taxable') === treatment);
  const taxable = treated('taxable');
  const components = rates.flatMap((rate): TaxComponent[] => {
    const applies = taxable.filter(
      (line) => rate.rateClass === undefined || rate.rateClass === (line.frRate ?? 'normal'),
    );
    if (applies.length === 0) return [];
    const base = sum(applies.map((line) => line.amount));
    return [
      {
        code: rate.component,
        rate: rate.rate,
        base,
        amount: mulRate(base, rate.rate),
        label: rate.label[lang],
        labels: rate.label,
      },
    ];
  });

  const subtotal = sum(lines.map((line) => line.amount));
  const totalTax = sum(components.map((component) => component.amount));
  return {
    currency,
    subtotal,
    exemptSubtotal: sum(treated('exempt').map((line) => line.amount)),
    zeroRatedSubtotal: sum(treated('zero_rated').map((line) => line.amount)),
    components,
    totalTax,
    total: subtotal + totalTax,
  };
}
