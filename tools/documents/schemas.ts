/**
 * What reading a supplier bill returns: every field with its value, a confidence and where it was
 * found, the cross-checks that were run, and one overall confidence. Plain JSON (money as decimal
 * strings in the document currency), so it can be stored in `documents.extraction` and sent to a model.
 */
import { z } from 'zod';

/** Where the fields came from: exact e-invoice XML, the text layer of a PDF, or OCR of an image. */
export const ExtractionSource = z.enum(['xml', 'text', 'ocr']);
export type ExtractionSource = z.infer<typeof ExtractionSource>;

export const Field = z.object({
  /** Canonical form: dates YYYY-MM-DD, money "1234.56", currency "CAD", tax numbers without spaces. */
  value: z.string(),
  /** 0..1: 1 for exact XML data; lower for text read by rules, and lower again through OCR. */
  confidence: z.number().min(0).max(1),
  /** Where it was read: an XML path, or the line of text it came from. */
  evidence: z.string(),
});
export type Field = z.infer<typeof Field>;

/** The names of the fields extraction looks for; any of them may be absent. */
export const FIELD_NAMES = [
  'documentType', // invoice | credit_note | receipt
  'supplierName',
  'supplierAddress',
  'supplierGst', // Canada GST/HST registration: 9 digits + RT + 4 digits
  'supplierQst', // Québec QST registration: 10 digits + TQ + 4 digits
  'supplierSiren',
  'supplierSiret',
  'supplierVat', // EU VAT number, e.g. FR32123456789
  'supplierIban', // the seller's bank account, for paying the bill
  'buyerName',
  'buyerTaxId', // a tax number printed in the buyer's block or labelled as the customer's
  'invoiceNumber',
  'invoiceDate',
  'dueDate',
  'paymentTerms',
  'currency',
  'subtotal',
  'totalTax',
  'total',
  'amountDue',
  'rounding', // cash rounding between the computed and the payable total
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export const Fields = z.partialRecord(z.enum(FIELD_NAMES), Field);
export type Fields = z.infer<typeof Fields>;

/** One tax line of the bill: GST/TPS, HST/TVH, QST/TVQ, PST/TVP, RST or TVA/VAT at a rate. */
export const TaxAmount = z.object({
  code: z.enum(['GST', 'HST', 'QST', 'PST', 'RST', 'TVA']),
  /** Exact decimal rate, "0.05" for 5 %; absent when the bill does not print it. */
  rate: z.string().optional(),
  base: z.string().optional(),
  amount: z.string(),
  confidence: z.number().min(0).max(1),
  evidence: z.string(),
});
export type TaxAmount = z.infer<typeof TaxAmount>;

export const ExtractedLine = z.object({
  description: z.string(),
  quantity: z.string().optional(),
  unitPrice: z.string().optional(),
  /** Line total before tax. */
  amount: z.string(),
  /** Exact decimal VAT/sales-tax rate of the line when stated ("0.20"). */
  taxRate: z.string().optional(),
  confidence: z.number().min(0).max(1),
});
export type ExtractedLine = z.infer<typeof ExtractedLine>;

export const Check = z.object({
  /** Stable key: totals_add_up, lines_add_up, tax_rates_plausible, required_fields, tax_numbers_valid, ocr_quality. */
  name: z.string(),
  passed: z.boolean(),
  /** Compact, in English with canonical numbers: for models and logs. */
  detail: z.string(),
  /** The same for people, in both languages: the evidence a manager reads when the check fails. */
  message: z.object({ fr: z.string(), en: z.string() }),
});
export type Check = z.infer<typeof Check>;

/** Why a file could not be read; each has a sentence for people in `message`. */
export const FailureReason = z.enum([
  'empty',
  'too_large',
  'unsupported_type',
  'encrypted',
  'corrupt',
  'too_many_pixels',
  'inflate_bomb',
  'timeout',
  'no_text',
  'not_an_invoice',
  'provider_failed',
  'internal',
]);
export type FailureReason = z.infer<typeof FailureReason>;

const Timings = z.object({ totalMs: z.number(), ocrMs: z.number().optional(), pages: z.number().int().optional() });

export const Extracted = z.object({
  status: z.literal('extracted'),
  source: ExtractionSource,
  /** e-invoice syntax when source is xml: cii (Factur-X, ZUGFeRD 2, XRechnung CII), zugferd1, ubl. */
  format: z.string().optional(),
  /** The extractor that produced it: local (rules), mistral_ocr, llm. */
  extractor: z.string(),
  fields: Fields,
  taxes: z.array(TaxAmount),
  lines: z.array(ExtractedLine),
  checks: z.array(Check),
  confidence: z.number().min(0).max(1),
  /** Language the bill is written in, when it could be told. */
  lang: z.enum(['fr', 'en', 'de', 'es', 'it', 'nl']).optional(),
  /** OCR only: the tesseract models the kept reading used, first tried first ("deu", "eng"). */
  ocrLangs: z.array(z.string()).optional(),
  warnings: z.array(z.string()),
  timings: Timings,
});
export type Extracted = z.infer<typeof Extracted>;

export const ExtractionFailed = z.object({
  status: z.literal('failed'),
  reason: FailureReason,
  message: z.object({ fr: z.string(), en: z.string() }),
  /** For not_an_invoice: the signals of a bill that were seen and missing (title, amounts, number, date, tax_number). */
  signals: z.array(z.string()).optional(),
  timings: Timings,
});
export type ExtractionFailed = z.infer<typeof ExtractionFailed>;

export const ExtractionResult = z.discriminatedUnion('status', [Extracted, ExtractionFailed]);
export type ExtractionResult = z.infer<typeof ExtractionResult>;
