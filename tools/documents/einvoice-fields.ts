/**
 * What the CII and UBL readers share: e-invoice XML is exact data from the supplier's system, so every
 * field it gives is set with confidence 1 and its XML path as evidence; amounts are read in the
 * invoice currency; lines, taxes, addresses and legal ids come out in one shape whichever syntax held them.
 */
import { canonicalAmount, percentToRate } from './decimals.ts';
import { emptyReading, setField, setLegalIds, type BillReading } from './reading.ts';
import type { ExtractedLine, TaxAmount } from './schemas.ts';
import { attr, text, type XNode } from './xml-nodes.ts';

/** A reading to fill from `file`, with `set` for exact fields and `where` for evidence paths. */
export function xmlReading(file: string) {
  const reading = emptyReading();
  const where = (path: string) => `xml ${file}: ${path}`;
  const set = (name: Parameters<typeof setField>[1], value: string | undefined, path: string) =>
    setField(reading, name, value, 1, where(path));
  return { reading, where, set };
}

/** The amount in the invoice currency: an amount may be repeated in the accounting currency. */
export function amountIn(nodes: XNode[], currency: string): string | undefined {
  const chosen = nodes.find((node) => attr(node, 'currencyID') === currency) ?? nodes[0];
  const value = text(chosen);
  return value === undefined ? undefined : canonicalAmount(value, currency);
}

/** An address on one line from its parts, empty parts left out. */
export function joinAddress(parts: (string | undefined)[]): string | undefined {
  return parts.filter((part) => part && part.length > 0).join(', ') || undefined;
}

/** The seller's legal id when its ISO 6523 scheme is SIRENE (0002, a SIREN) or SIRET (0009). */
export function setFrenchLegalId(
  reading: BillReading,
  id: XNode | undefined,
  evidence: (scheme: string) => string,
): void {
  const value = text(id)?.replace(/\s+/g, '');
  const scheme = attr(id, 'schemeID');
  if (value && (scheme === '0002' || scheme === '0009')) setLegalIds(reading, value, evidence(scheme));
}

/** A tax of the invoice (French TVA and its European kin): rate from the percentage, exact amounts. */
export function exactTax(
  amount: string,
  percent: string | undefined,
  base: string | undefined,
  evidence: string,
): TaxAmount {
  return {
    code: 'TVA',
    rate: percent === undefined ? undefined : percentToRate(percent),
    base,
    amount,
    confidence: 1,
    evidence,
  };
}

/** A line of the invoice; the quantity loses its trailing zeros ("2.000" → "2"). */
export function exactLine(
  line: { description: string; quantity?: string; unitPrice?: string; amount: string; percent?: string },
  currency: string,
): ExtractedLine {
  return {
    description: line.description,
    quantity: line.quantity?.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''),
    unitPrice: line.unitPrice === undefined ? undefined : canonicalAmount(line.unitPrice, currency),
    amount: line.amount,
    taxRate: line.percent === undefined ? undefined : percentToRate(line.percent),
    confidence: 1,
  };
}
