/**
 * The fields a person may set on a supplier, shared by create and update, with the tax-number
 * formats the CRA, Revenu Québec and the INSEE publish, so a typo is caught before it is stored.
 */
import { z } from 'zod';
import type { suppliers } from '../../db/schema/index.ts';
import { CurrencyCode } from '../money.ts';
import type { SupplierSummary } from './schemas.ts';

const spaced = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();

export const SupplierFields = {
  name: z.string().trim().min(1).max(200),
  legalName: z.string().trim().max(200),
  email: z.string().email(),
  phone: z.string().max(50),
  province: z.string().length(2).toUpperCase(),
  country: z.string().length(2).toUpperCase(),
  currency: CurrencyCode,
  /** Business number + GST/HST program account, e.g. 123456789RT0001 (CRA). */
  gstNumber: z
    .string()
    .transform(spaced)
    .pipe(
      z
        .string()
        .regex(/^\d{9}RT\d{4}$/, { error: 'A GST/HST number is 9 digits, "RT" and 4 digits, e.g. "123456789RT0001".' }),
    ),
  /** Québec QST registration, e.g. 1234567890TQ0001 (Revenu Québec). */
  qstNumber: z
    .string()
    .transform(spaced)
    .pipe(
      z
        .string()
        .regex(/^\d{10}TQ\d{4}$/, { error: 'A QST number is 10 digits, "TQ" and 4 digits, e.g. "1234567890TQ0001".' }),
    ),
  vatNumber: z
    .string()
    .transform(spaced)
    .pipe(
      z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, {
        error: 'A VAT number starts with its country code, e.g. "FR40303265045".',
      }),
    ),
  siren: z
    .string()
    .transform(spaced)
    .pipe(z.string().regex(/^\d{9}$/, { error: 'A SIREN is 9 digits.' })),
  paymentTermsDays: z.number().int().min(0).max(365),
  rating: z.number().int().min(1).max(5).describe('1 to 5 stars.'),
  riskScore: z.number().int().min(0).max(100).describe('0 (no risk) to 100.'),
  certifications: z.array(z.string().trim().min(1).max(100)).max(50).describe('e.g. ["ISO 9001", "FSC"].'),
  diversityFlags: z
    .array(z.string().trim().min(1).max(100))
    .max(20)
    .describe('e.g. ["indigenous_owned", "women_owned", "small_business", "local"].'),
  notes: z.string().max(2000),
};

/** The text a supplier is embedded by: its names, so search by meaning finds either. */
export const supplierText = (s: { name: string; legalName?: string | null }) =>
  [s.name, s.legalName].filter(Boolean).join(' — ');

export const supplierSummary = (s: Omit<typeof suppliers.$inferSelect, 'embedding'>): SupplierSummary => ({
  id: s.id,
  name: s.name,
  legalName: s.legalName,
  status: s.status,
  email: s.email,
  province: s.province,
  country: s.country,
  currency: s.currency,
  gstNumber: s.gstNumber,
  qstNumber: s.qstNumber,
  vatNumber: s.vatNumber,
  paymentTermsDays: s.paymentTermsDays,
  rating: s.rating,
  riskScore: s.riskScore,
  performanceScore: s.performanceScore,
  certifications: s.certifications,
  diversityFlags: s.diversityFlags,
});
