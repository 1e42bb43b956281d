/**
 * The EN 16931 code lists an e-invoice of ours needs: VAT categories (UNCL 5305), exemption reasons
 * (the CEF VATEX list), document types (UNCL 1001), payment means (UNCL 4461) and units (UN/ECE rec. 20).
 * Only the codes Comptoir emits are here; the schematron checks each against the full official lists.
 */
import { z } from 'zod';

/** S standard, Z zero-rated, E exempt, AE reverse charge, K intra-EU supply, G export, O outside the scope of VAT. */
export type VatCategory = 'S' | 'Z' | 'E' | 'AE' | 'K' | 'G' | 'O';

/** Exemption reasons people pick from, with the category each one implies and its wording for people. */
export const VAT_EXEMPTIONS = {
  'VATEX-EU-79-C': {
    category: 'E',
    fr: 'Débours (art. 79 c de la directive 2006/112/CE)',
    en: 'Disbursements (Art. 79(c), Directive 2006/112/EC)',
  },
  'VATEX-EU-132': {
    category: 'E',
    fr: "Exonération d'intérêt général (art. 132 de la directive 2006/112/CE)",
    en: 'Exempt activity in the public interest (Art. 132, Directive 2006/112/EC)',
  },
  'VATEX-EU-143': {
    category: 'E',
    fr: 'Importation exonérée (art. 143 de la directive 2006/112/CE)',
    en: 'Exempt importation (Art. 143, Directive 2006/112/EC)',
  },
  'VATEX-EU-148': {
    category: 'E',
    fr: 'Transport international exonéré (art. 148 de la directive 2006/112/CE)',
    en: 'Exempt international transport (Art. 148, Directive 2006/112/EC)',
  },
  'VATEX-EU-151': {
    category: 'E',
    fr: 'Opération diplomatique exonérée (art. 151 de la directive 2006/112/CE)',
    en: 'Exempt diplomatic supply (Art. 151, Directive 2006/112/EC)',
  },
  'VATEX-EU-309': {
    category: 'E',
    fr: 'Agence de voyages, hors UE (art. 309 de la directive 2006/112/CE)',
    en: 'Travel agent, outside the EU (Art. 309, Directive 2006/112/EC)',
  },
  'VATEX-FR-FRANCHISE': {
    category: 'E',
    fr: 'TVA non applicable, art. 293 B du CGI',
    en: 'VAT not applicable, Art. 293 B of the French tax code',
  },
  'VATEX-EU-AE': { category: 'AE', fr: 'Autoliquidation', en: 'Reverse charge' },
  'VATEX-EU-IC': {
    category: 'K',
    fr: 'Livraison intracommunautaire exonérée (art. 262 ter I du CGI)',
    en: 'Intra-community supply, exempt',
  },
  'VATEX-EU-G': {
    category: 'G',
    fr: 'Exportation hors UE exonérée (art. 262 I du CGI)',
    en: 'Export outside the EU, exempt',
  },
  'VATEX-EU-O': { category: 'O', fr: 'Hors du champ de la TVA', en: 'Not subject to VAT' },
} as const satisfies Record<string, { category: VatCategory; fr: string; en: string }>;

export type VatExemptionCode = keyof typeof VAT_EXEMPTIONS;
export const VatExemption = z.enum(Object.keys(VAT_EXEMPTIONS) as [VatExemptionCode, ...VatExemptionCode[]]);

export const isVatExemption = (code: string | null | undefined): code is VatExemptionCode =>
  code != null && code in VAT_EXEMPTIONS;

/** 380 commercial invoice, 381 credit note. */
export const DOCUMENT_TYPE = { invoice: '380', credit_note: '381' } as const;

/** 30 credit transfer, 58 SEPA credit transfer (an IBAN in euros). */
export const paymentMeansCode = (currency: string, iban: string): '30' | '58' =>
  currency === 'EUR' && /^[A-Z]{2}\d{2}/.test(iban) ? '58' : '30';

/** Comptoir's quantities carry no unit: each line counts units ("one", C62). */
export const UNIT_ONE = 'C62';
