/**
 * Money and rates as extraction writes them: amounts in canonical decimal strings of the document
 * currency (parsed only through `tools/money.ts`), rates as exact decimals ("0.09975" for 9.975 %).
 */
import { fromMinor, toMinor, type CurrencyCode } from '../money.ts';

/**
 * The canonical amount string of an amount as printed ("1 250,00", "1,250.00", "1250.0000"), or
 * undefined when it is not one. An e-invoice may carry 4 decimals ("12.3456"): such an amount is kept
 * exactly as written rather than rounded, since rounding would change what the supplier billed.
 * @example canonicalAmount('1 250,5', 'EUR') // "1250.50"
 */
export function canonicalAmount(text: string, currency: CurrencyCode = 'CAD'): string | undefined {
  try {
    return fromMinor(toMinor(text, currency), currency);
  } catch {
    const exact = /^-?\d+\.\d+$/.exec(text.trim());
    return exact ? exact[0] : undefined;
  }
}

/** Minor units of an amount, or undefined when it does not parse in that currency. */
export function minorOf(text: string | undefined, currency: CurrencyCode = 'CAD'): bigint | undefined {
  if (text === undefined) return undefined;
  try {
    return toMinor(text, currency);
  } catch {
    return undefined;
  }
}

/**
 * A percentage as an exact decimal rate, shifting the decimal point by two digits (no float).
 * @example percentToRate('9.975') // "0.09975"
 * @example percentToRate('20,00') // "0.2"
 */
export function percentToRate(percent: string): string | undefined {
  const match = /^\s*(\d{1,3})(?:[.,](\d+))?\s*$/.exec(percent);
  if (!match) return undefined;
  const integer = match[1]!.padStart(3, '0');
  const digits = `${integer.slice(0, -2)}.${integer.slice(-2)}${match[2] ?? ''}`;
  return canonicalRate(digits);
}

/** A rate without leading or trailing zeros: "0.050" → "0.05", "00.20" → "0.2", "1.000" → "1". */
export function canonicalRate(rate: string): string | undefined {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(rate.trim());
  if (!match) return undefined;
  const integer = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return fraction ? `${integer}.${fraction}` : integer;
}
