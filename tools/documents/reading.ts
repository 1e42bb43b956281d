/**
 * What one reader (e-invoice XML, or the rule-based text parser) found in a bill, before the
 * cross-checks turn it into an `Extracted` result with an overall confidence.
 */
import type { BillLang } from './labels.ts';
import type { ExtractedLine, FieldName, Fields, TaxAmount } from './schemas.ts';

export interface BillReading {
  fields: Fields;
  taxes: TaxAmount[];
  lines: ExtractedLine[];
  lang?: BillLang;
  warnings: string[];
}

export const emptyReading = (): BillReading => ({ fields: {}, taxes: [], lines: [], warnings: [] });

/** Records a field unless it is empty or already found with a higher confidence. */
export function setField(
  reading: BillReading,
  name: FieldName,
  value: string | undefined,
  confidence: number,
  evidence: string,
): void {
  if (value === undefined || value.trim() === '') return;
  const existing = reading.fields[name];
  if (existing && existing.confidence >= confidence) return;
  reading.fields[name] = { value: value.trim(), confidence, evidence: evidence.slice(0, 300) };
}

/**
 * French company identifiers: ISO 6523 ICD 0002 is SIRENE and 0009 SIRET, but suppliers often put a
 * 14-digit SIRET under 0002; the SIREN is the SIRET's first 9 digits either way.
 */
export function setLegalIds(reading: BillReading, id: string, evidence: string): void {
  if (/^\d{14}$/.test(id)) {
    setField(reading, 'supplierSiret', id, 1, evidence);
    setField(reading, 'supplierSiren', id.slice(0, 9), 1, `${evidence} (first 9 digits of the SIRET)`);
  } else if (/^\d{9}$/.test(id)) {
    setField(reading, 'supplierSiren', id, 1, evidence);
  }
}
