/** The fields a client is created or updated with, checked the same way by both tools. */
import { z } from 'zod';
import { invalid } from '../errors.ts';
import { CurrencyCode, toMinor, NonNegativeMoney } from '../money.ts';
import { PROVINCES } from '../tax/index.ts';
import type { Lang } from './texts.ts';

export const ClientFields = {
  email: z.string().trim().email().max(200).describe('Where invoices are sent.'),
  phone: z.string().trim().max(50),
  address: z
    .record(z.string(), z.string().max(200))
    .describe('e.g. { "line1": "123 rue Saint-Paul", "city": "Montréal", "postalCode": "H2Y 1Z5" }'),
  province: z
    .enum(PROVINCES)
    .describe('Canadian clients: province or territory of the place of supply; it sets the sales tax.'),
  country: z
    .string()
    .trim()
    .length(2)
    .toUpperCase()
    .describe('ISO country code: "CA" or "FR" (taxes are computed for these two).'),
  language: z.enum(['fr', 'en']).describe('Language of the invoices and emails the client receives.'),
  currency: CurrencyCode.describe('Invoice currency; defaults to EUR for a French client, else the company currency.'),
  creditLimit: NonNegativeMoney.nullable().describe(
    'Most the client may owe at once, e.g. "10000.00"; null removes the limit.',
  ),
  paymentTermsDays: z.number().int().min(0).max(365).describe('Net days: the due date is the invoice date plus this.'),
  gstNumber: z.string().trim().max(30),
  qstNumber: z.string().trim().max(30),
  vatNumber: z.string().trim().max(30),
  siren: z
    .string()
    .trim()
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{9}$/, { error: 'A SIREN is 9 digits.' }))
    .describe('French clients: SIREN (9 digits), mandatory on French e-invoices.'),
  siret: z
    .string()
    .trim()
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{14}$/, { error: 'A SIRET is 14 digits.' })),
  einvoiceFormat: z
    .enum(['pdf', 'facturx', 'ubl', 'cii'])
    .describe(
      'How invoices reach the client: pdf, facturx (PDF with CII XML inside), ubl or cii (XML beside the PDF). ' +
        'Unset: Factur-X for a French company, else PDF.',
    ),
};

/** A Canadian client needs a province (it sets the tax); a client elsewhere has none. */
export function checkPlace(place: { name: string; country: string; province?: string | null }, lang: Lang): void {
  if (place.country === 'CA' && !place.province) {
    throw invalid(
      lang === 'fr'
        ? `Le client ${place.name} est au Canada : indiquez sa province (p. ex. "QC"), elle détermine les taxes.`
        : `Client ${place.name} is in Canada: give its province (e.g. "QC"), which sets the sales tax.`,
    );
  }
  if (place.country !== 'CA' && place.province) {
    throw invalid(
      lang === 'fr'
        ? `Une province ne s'applique qu'à un client au Canada (pays reçu : ${place.country}).`
        : `A province applies only to a client in Canada (country given: ${place.country}).`,
    );
  }
}

/** The credit limit in the client's currency; a negative limit means nothing. */
export function creditLimitCents(
  limit: string | null | undefined,
  currency: string,
  lang: Lang,
): bigint | null | undefined {
  if (limit === undefined || limit === null) return limit;
  const cents = toMinor(limit, currency, lang);
  if (cents < 0n)
    throw invalid(
      lang === 'fr' ? 'La limite de crédit ne peut pas être négative.' : 'A credit limit cannot be negative.',
    );
  return cents;
}
