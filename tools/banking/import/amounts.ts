/** Amounts and dates of statement lines, read exactly: money through tools/money.ts, never a float. */
import { isIsoDate, toMinor } from '../../money.ts';
import { StatementError } from './types.ts';

/** Minor units of an unsigned decimal amount as the bank wrote it ("8.85", "1250,5"). */
export function amountOf(text: string | undefined, currency: string, where: string): bigint {
  const value = (text ?? '').trim();
  try {
    if (!/^[+-]?[\d .,]+$/.test(value)) throw new Error('not a number');
    return toMinor(value, currency);
  } catch {
    throw new StatementError(`Montant illisible « ${value} » (${where}).`, `Unreadable amount '${value}' (${where}).`);
  }
}

export const isoCurrency = (text: string | undefined, where: string): string => {
  const code = (text ?? '').trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code))
    throw new StatementError(
      `Devise manquante ou invalide « ${code} » (${where}).`,
      `Missing or invalid currency '${code}' (${where}).`,
    );
  return code;
};

/** The calendar date of "2014-12-31", "2007-10-18T10:15:00+01:00" or "20050824080000[-5:EST]", as the bank wrote it. */
export function isoDate(text: string | undefined, where: string): string {
  const value = (text ?? '').trim();
  const match = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(value);
  const date = match ? `${match[1]}-${match[2]}-${match[3]}` : '';
  if (!isIsoDate(date))
    throw new StatementError(`Date illisible « ${value} » (${where}).`, `Unreadable date '${value}' (${where}).`);
  return date;
}
