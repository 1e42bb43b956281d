/**
 * Money as bills print it: "$1,234.56", "1 234,56 $", "€ 717,97", "1234.56 CAD", "-9,32", "Rs 1939". Finds the
 * amounts in a line and parses each through `tools/money.ts` only; an amount is recognised by its
 * two decimals (or a currency sign next to it), since bare integers on a bill are more often
 * quantities, numbers or years than money.
 */
import { minorDigits, toMinor } from '../money.ts';

export interface FoundAmount {
  minor: bigint;
  index: number;
  raw: string;
  /** A currency sign or code printed next to it: $, €, £, CAD, USD, EUR. */
  sign?: string;
  /** Written without decimals ("500 $"): OCR also produces this when it drops a decimal comma. */
  whole?: boolean;
}

const SIGN = '(?:CA\\$|C\\$|US\\$|\\$|€|£|₹|Rs\\.?|CAD|USD|EUR|GBP|CHF|INR)';
const SPACE = '[ \\u00a0\\u202f]';
// Grouped thousands (1,234.56 / 1 234,56 / 1.234,56) or plain digits, then exactly two decimals.
const NUMBER = `\\d{1,3}(?:(?:,|\\.|${SPACE})\\d{3})+[.,]\\d{2}|\\d+[.,]\\d{2}`;
const AMOUNT = new RegExp(
  `(?<![\\w.,/-])(?:(${SIGN})${SPACE}?)?([-−]${SPACE}?)?(?:(${SIGN})${SPACE}?)?(${NUMBER}|\\d+(?=${SPACE}?${SIGN})|(?<=${SIGN}${SPACE}?)\\d+)(?:${SPACE}?(${SIGN}))?(?![\\w%]|[.,/-]\\d)`,
  'gu',
);

const SIGN_CURRENCY: Record<string, string> = {
  '€': 'EUR',
  '£': 'GBP',
  US$: 'USD',
  CA$: 'CAD',
  C$: 'CAD',
  '₹': 'INR',
  Rs: 'INR',
  'Rs.': 'INR',
};

/** The ISO currency a printed sign names, when it names one ("$" alone does not). */
export const currencyOfSign = (sign: string | undefined): string | undefined =>
  sign === undefined ? undefined : (SIGN_CURRENCY[sign] ?? (/^[A-Z]{3}$/.test(sign) ? sign : undefined));

/** Every amount in a line of text, parsed in the given currency. */
export function findAmounts(text: string, currency = 'CAD'): FoundAmount[] {
  const found: FoundAmount[] = [];
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(text); m; m = AMOUNT.exec(text)) {
    const sign = m[1] ?? m[3] ?? m[5];
    const number = m[4]!;
    // A bare integer counts only with a sign beside it ("500 $"); digits then two decimals otherwise.
    if (!/[.,]\d{2}$/.test(number) && sign === undefined) continue;
    const negative = m[2] !== undefined;
    const ownCurrency = currencyOfSign(sign) ?? currency;
    try {
      minorDigits(ownCurrency);
      const minor = toMinor(number, ownCurrency);
      const whole = !/[.,]\d{2}$/.test(number);
      found.push({
        minor: negative ? -minor : minor,
        index: m.index,
        raw: m[0].trim(),
        sign,
        ...(whole ? { whole } : {}),
      });
    } catch {
      // Not an amount money.ts accepts (e.g. "1,234" alone is ambiguous): not money, then.
    }
  }
  return found;
}
