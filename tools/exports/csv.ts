/**
 * CSV text through csv-stringify: RFC 4180 quoting (a field with a comma, a quote or a line break is
 * quoted, quotes doubled), CRLF line ends as spreadsheets expect, a header row. Text cells that a
 * spreadsheet would run as a formula (=, +, -, @ first) get a leading apostrophe (OWASP's advice on
 * CSV injection); amounts are written as plain decimal strings, which are never altered.
 */
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A text cell a spreadsheet will show as text, never evaluate. */
export const safeText = (value: Cell): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return FORMULA.test(text) && !DECIMAL.test(text) ? `'${text}` : text;
};

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  // csv-stringify quotes a field holding its own record delimiter (\r\n) but not a lone \n: force it,
  // or a multi-line note would split a row in Excel.
  return stringify([header as string[], ...rows.map((r) => r.map(safeText))], {
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
}
