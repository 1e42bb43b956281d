/**
 * Business and tax registration numbers printed on bills, found and checked:
 * - Canada GST/HST: the 9-digit business number (BN, Luhn check digit) + program RT + 4-digit account;
 * - Québec QST: 10 digits + TQ + 4 digits (no public check-digit rule: format only);
 * - France SIREN (9 digits) and SIRET (14 digits), both Luhn; French VAT FRkk + SIREN with
 *   key = (12 + 3 × (SIREN mod 97)) mod 97; other EU VAT numbers by format only.
 */

/** The Luhn checksum that the BN, SIREN and SIRET use. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return total % 10 === 0;
}

/** The two-digit key of a French VAT number for a SIREN. */
export function frenchVatKey(siren: string): string {
  const key = (12 + 3 * Number(BigInt(siren) % 97n)) % 97;
  return String(key).padStart(2, '0');
}

export interface TaxId {
  kind: 'gst' | 'qst' | 'siren' | 'siret' | 'vat';
  /** Canonical: no spaces, e.g. 123456789RT0001, FR32123456789. */
  value: string;
  valid: boolean;
  index: number;
  raw: string;
}

const SP = '[ \\u00a0.-]?';
const GST = new RegExp(`(?<!\\d)(\\d{3}${SP}\\d{3}${SP}\\d{3})${SP}(RT|rt)${SP}(\\d{4})(?!\\d)`, 'g');
const QST = new RegExp(`(?<!\\d)(\\d{4}${SP}\\d{3}${SP}\\d{3}|\\d{10})${SP}(TQ|tq)${SP}(\\d{4})(?!\\d)`, 'g');
const EU_VAT =
  /\b(FR|DE|NL|BE|IT|ES|LU|AT|IE|PT|DK|SE|FI|PL|CZ|GR|EL|HU|RO|BG|HR|SI|SK|LT|LV|EE|CY|MT)[ \u00a0]?((?:[0-9A-Z][ \u00a0.]?){8,12})(?![0-9A-Z])/g;
const SIRET = /(?<!\d)(\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{5})(?!\d)/g;
const SIREN = /(?<!\d)(\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3})(?![\d ]*\d{2})/g;

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** GST/HST and QST numbers and EU VAT numbers anywhere in the text; SIREN/SIRET only after their label. */
export function findTaxIds(text: string): TaxId[] {
  const found: TaxId[] = [];
  for (const m of text.matchAll(GST)) {
    const bn = digitsOf(m[1]!);
    found.push({ kind: 'gst', value: `${bn}RT${m[3]}`, valid: luhnValid(bn), index: m.index, raw: m[0] });
  }
  for (const m of text.matchAll(QST)) {
    found.push({ kind: 'qst', value: `${digitsOf(m[1]!)}TQ${m[3]}`, valid: true, index: m.index, raw: m[0] });
  }
  for (const m of text.matchAll(EU_VAT)) {
    const body = m[2]!.replace(/[ \u00a0.]/g, '');
    const country = m[1]!;
    if (country === 'FR') {
      const match = /^([0-9A-Z]{2})(\d{9})$/.exec(body);
      if (!match) continue;
      const valid = luhnValid(match[2]!) && (!/^\d{2}$/.test(match[1]!) || match[1] === frenchVatKey(match[2]!));
      found.push({ kind: 'vat', value: `FR${body}`, valid, index: m.index, raw: m[0] });
    } else if (/\d{6,}/.test(body)) {
      found.push({ kind: 'vat', value: `${country}${body}`, valid: true, index: m.index, raw: m[0] });
    }
  }
  // A 9- or 14-digit run is a SIREN/SIRET only where the line names it (RCS, SIREN, SIRET).
  if (/\b(siret)\b/i.test(text)) {
    for (const m of text.matchAll(SIRET)) {
      const siret = digitsOf(m[1]!);
      found.push({ kind: 'siret', value: siret, valid: luhnValid(siret), index: m.index, raw: m[0] });
    }
  }
  if (/\b(siren|rcs|r\.c\.s\.?)\b/i.test(text)) {
    for (const m of text.matchAll(SIREN)) {
      const siren = digitsOf(m[1]!);
      if (found.some((f) => f.kind === 'siret' && f.value.startsWith(siren))) continue;
      found.push({ kind: 'siren', value: siren, valid: luhnValid(siren), index: m.index, raw: m[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
