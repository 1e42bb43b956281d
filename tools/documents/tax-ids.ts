/**
 * Business, tax and bank identifiers printed on bills, found by format and checked with the
 * maintained `stdnum` (check digits of each country's VAT number, Canada's BN/GST and QST, France's
 * SIREN/SIRET) and `ibantools` (IBAN mod-97) packages rather than rules of our own:
 * - Canada GST/HST: the 9-digit business number (BN) + program RT + 4-digit account;
 * - Québec QST: 10 digits + TQ + 4 digits;
 * - EU VAT numbers (FR, DE, ES, IT, NL, BE, AT…): country prefix + body, by the country's check digits;
 * - France SIREN (9 digits) and SIRET (14 digits), only where the line names them;
 * - IBAN: recognised first, so its digits are never taken for a VAT id; kept as the supplier's bank account.
 */
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { euVat, stdnum } from 'stdnum';

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

export type TaxIdKind = 'gst' | 'qst' | 'siren' | 'siret' | 'vat' | 'iban';

export interface TaxId {
  kind: TaxIdKind;
  /** Canonical: no spaces, e.g. 123456782RT0001, FR32123456789, DE89370400440532013000. */
  value: string;
  valid: boolean;
  index: number;
  raw: string;
}

type Validator = { validate: (value: string) => { isValid: boolean } };
const EU_VAT_VALIDATORS = euVat as unknown as Record<string, Validator[]>;
const national = stdnum as unknown as Record<'CA' | 'FR', Record<string, Validator>>;

/** Whether an identifier's check digits hold, by the maintained validators. */
export function taxIdValid(kind: TaxIdKind, value: string): boolean {
  try {
    if (kind === 'gst') return national.CA.bn!.validate(value).isValid;
    if (kind === 'qst') return national.CA.qst!.validate(value).isValid;
    if (kind === 'siren') return national.FR.siren!.validate(value).isValid;
    if (kind === 'siret') return national.FR.siret!.validate(value).isValid;
    if (kind === 'iban') return isValidIBAN(value);
    const country = value.slice(0, 2) === 'EL' ? 'GR' : value.slice(0, 2);
    const validators = EU_VAT_VALIDATORS[country];
    return validators ? validators.some((v) => v.validate(value).isValid) : false;
  } catch {
    return false;
  }
}

const SP = '[ \\u00a0.-]?';
const GST = new RegExp(`(?<!\\d)(\\d{3}${SP}\\d{3}${SP}\\d{3})${SP}(RT|rt)${SP}(\\d{4})(?!\\d)`, 'g');
const QST = new RegExp(`(?<!\\d)(\\d{4}${SP}\\d{3}${SP}\\d{3}|\\d{10})${SP}(TQ|tq)${SP}(\\d{4})(?!\\d)`, 'g');
const EU_VAT =
  /\b(FR|DE|NL|BE|IT|ES|LU|AT|IE|PT|DK|SE|FI|PL|CZ|GR|EL|HU|RO|BG|HR|SI|SK|LT|LV|EE|CY|MT)[ \u00a0]?((?:[0-9A-Z][ \u00a0.]?){8,13})(?![0-9A-Z])/g;
const IBAN = /\b([A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,3})?)(?![A-Z0-9])/g;
const SIRET = /(?<!\d)(\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{5})(?!\d)/g;
const SIREN = /(?<!\d)(\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3})(?![\d ]*\d{2})/g;

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** Every identifier in a line of text; SIREN/SIRET only after their label, VAT ids never inside an IBAN. */
export function findTaxIds(text: string): TaxId[] {
  const found: TaxId[] = [];
  const taken: [number, number][] = [];
  const free = (index: number, length: number) => !taken.some(([a, b]) => index < b && a < index + length);
  for (const m of text.matchAll(IBAN)) {
    // The longest prefix that is a valid IBAN (a BIC or a word may follow on the same line).
    const compact = electronicFormatIBAN(m[1]!) ?? '';
    for (let end = compact.length; end >= 15; end--) {
      if (isValidIBAN(compact.slice(0, end))) {
        found.push({ kind: 'iban', value: compact.slice(0, end), valid: true, index: m.index, raw: m[0] });
        taken.push([m.index, m.index + m[0].length]);
        break;
      }
    }
  }
  for (const m of text.matchAll(GST)) {
    const value = `${digitsOf(m[1]!)}RT${m[3]}`;
    found.push({ kind: 'gst', value, valid: taxIdValid('gst', value), index: m.index, raw: m[0] });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(QST)) {
    const value = `${digitsOf(m[1]!)}TQ${m[3]}`;
    found.push({ kind: 'qst', value, valid: taxIdValid('qst', value), index: m.index, raw: m[0] });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(EU_VAT)) {
    if (!free(m.index, m[0].length)) continue;
    const country = m[1]!;
    const body = m[2]!.replace(/[ \u00a0.]/g, '');
    // The longest body whose check digits hold; else the whole run, marked invalid, when it has the country's shape.
    let best: string | undefined;
    for (let end = body.length; end >= 8 && !best; end--) {
      if (taxIdValid('vat', `${country}${body.slice(0, end)}`)) best = body.slice(0, end);
    }
    if (best) {
      found.push({ kind: 'vat', value: `${country}${best}`, valid: true, index: m.index, raw: m[0] });
    } else if (country === 'FR' ? /^[0-9A-Z]{2}\d{9}$/.test(body) : /\d{6,}/.test(body)) {
      found.push({ kind: 'vat', value: `${country}${body}`, valid: false, index: m.index, raw: m[0] });
    }
  }
  // A 9- or 14-digit run is a SIREN/SIRET only where the line names it (RCS, SIREN, SIRET).
  if (/\b(siret)\b/i.test(text)) {
    for (const m of text.matchAll(SIRET)) {
      if (!free(m.index, m[0].length)) continue;
      const siret = digitsOf(m[1]!);
      found.push({ kind: 'siret', value: siret, valid: taxIdValid('siret', siret), index: m.index, raw: m[0] });
    }
  }
  if (/\b(siren|rcs|r\.c\.s\.?)\b/i.test(text)) {
    for (const m of text.matchAll(SIREN)) {
      if (!free(m.index, m[0].length)) continue;
      const siren = digitsOf(m[1]!);
      if (found.some((f) => f.kind === 'siret' && f.value.startsWith(siren))) continue;
      found.push({ kind: 'siren', value: siren, valid: taxIdValid('siren', siren), index: m.index, raw: m[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
