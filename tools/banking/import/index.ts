/**
 * Reads a bank statement file into lines ready to import. The format is told by the content, not
 * the file name: a renamed or mislabelled export still reads, and a wrong one is refused whole.
 */
import { looksLikeCamt, readCamt } from './camt.ts';
import { readCsv, readMappedCsv, type CsvMapping } from './csv.ts';
import { looksLikeMt940, looksLikeMt942, readMt940, readMt942 } from './mt940.ts';
import { looksLikeOfx, readOfx } from './ofx.ts';
import { StatementError, type ParsedFile, type StatementFormat } from './types.ts';

export { StatementError } from './types.ts';
export { CsvMapping, previewCsv } from './csv.ts';
export type { ParsedFile, Statement, StatementAccount, StatementFormat, StatementLine } from './types.ts';

export function detectFormat(text: string): StatementFormat | undefined {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<') && looksLikeCamt(head)) return 'camt';
  if (looksLikeOfx(head)) return 'ofx';
  if (looksLikeMt942(head)) return 'mt942';
  if (looksLikeMt940(head)) return 'mt940';
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (!head.startsWith('<') && /[;,\t]/.test(firstLine)) return 'csv';
  return undefined;
}

/**
 * `defaultCurrency` is for CSV files, which often do not say theirs: the account's currency. A CSV
 * `mapping` (the person's, saved on the account) is used for any file that is not one of the
 * self-describing formats.
 */
export function readStatement(text: string, defaultCurrency = 'CAD', mapping?: CsvMapping): ParsedFile {
  const detected = detectFormat(text);
  if (mapping && (detected === 'csv' || detected === undefined))
    return { format: 'csv', statements: readMappedCsv(text.replace(/^\uFEFF/, ''), mapping, defaultCurrency) };
  const format = detected;
  if (!format) {
    throw new StatementError(
      'Format de relevé non reconnu : formats lus : camt.052/053/054 (XML), MT940, MT942, OFX et CSV.',
      'Statement format not recognised: readable formats are camt.052/053/054 (XML), MT940, MT942, OFX and CSV.',
    );
  }
  const body = text.replace(/^\uFEFF/, '');
  const statements =
    format === 'camt'
      ? readCamt(body)
      : format === 'ofx'
        ? readOfx(body)
        : format === 'mt940'
          ? readMt940(body)
          : format === 'mt942'
            ? readMt942(body)
            : readCsv(body, defaultCurrency);
  return { format, statements };
}
