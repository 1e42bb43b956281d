/**
 * `comptoir extract <file> [--json]`: what Comptoir reads from a file — fields with their confidence
 * and evidence, the checks that held or failed, warnings — without a database, for users, support
 * and evals. The text output marks fields under the review threshold, as the approver sees them.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { REVIEW_BELOW } from './calibration.ts';
import { extractDocument } from './extract.ts';
import { closeOcr } from './ocr.ts';
import type { ExtractionResult } from './schemas.ts';

/** Below this a field is highlighted for review (calibration.ts: the same threshold the approver sees). */
export const REVIEW_THRESHOLD = REVIEW_BELOW;

export interface ExtractCommandOptions {
  json?: boolean;
  lang?: 'fr' | 'en';
  maxPages?: number;
  /** Where progress lines go (stderr in the CLI). */
  progress?: (line: string) => void;
}

const WORDS = {
  en: {
    failed: 'Could not read this file',
    source: { xml: 'embedded e-invoice XML', text: 'PDF text layer', ocr: 'OCR' },
    read: 'Read from',
    confidence: 'confidence',
    review: 'to review',
    checks: 'Checks',
    warnings: 'Warnings',
    page: (page: number, pages: number) => `page ${page}/${pages} read`,
  },
  fr: {
    failed: 'Impossible de lire ce fichier',
    source: { xml: 'XML de facture électronique intégré', text: 'texte du PDF', ocr: 'OCR' },
    read: 'Lu dans',
    confidence: 'confiance',
    review: 'à vérifier',
    checks: 'Vérifications',
    warnings: 'Avertissements',
    page: (page: number, pages: number) => `page ${page}/${pages} lue`,
  },
} as const;

/** The human-readable report of one result. */
export function formatExtraction(name: string, result: ExtractionResult, lang: 'fr' | 'en' = 'en'): string {
  const w = WORDS[lang];
  if (result.status === 'failed') return `${name}: ${w.failed} — ${result.message[lang]} (${result.reason})\n`;
  const out = [
    `${name}: ${w.read} ${w.source[result.source]}, ${w.confidence} ${result.confidence.toFixed(2)} (${result.timings.totalMs} ms)`,
    '',
  ];
  const width = Math.max(...Object.keys(result.fields).map((k) => k.length), 8);
  for (const [field, value] of Object.entries(result.fields)) {
    const low = value!.confidence < REVIEW_THRESHOLD;
    out.push(
      `${low ? '!' : ' '} ${field.padEnd(width)}  ${value!.value.padEnd(28)}  ${value!.confidence.toFixed(2)}${low ? `  ← ${w.review}` : ''}`,
    );
  }
  for (const tax of result.taxes)
    out.push(
      `  ${`tax:${tax.code}`.padEnd(width)}  ${`${tax.amount}${tax.rate ? ` @ ${tax.rate}` : ''}`.padEnd(28)}  ${tax.confidence.toFixed(2)}`,
    );
  if (result.lines.length > 0) out.push(`  ${'lines'.padEnd(width)}  ${result.lines.length}`);
  out.push('', `${w.checks}:`);
  for (const check of result.checks) out.push(`  ${check.passed ? '✓' : '✗'} ${check.message[lang]}`);
  if (result.warnings.length > 0) out.push('', `${w.warnings}:`, ...result.warnings.map((x) => `  - ${x}`));
  return `${out.join('\n')}\n`;
}

/** Reads one file and returns what to print; never touches a database. */
export async function extractCommand(path: string, options: ExtractCommandOptions = {}): Promise<string> {
  const lang = options.lang ?? 'en';
  const bytes = await readFile(path);
  try {
    const result = await extractDocument(bytes, {
      filename: basename(path),
      // A .txt file is a bill's text as a reader pasted it (support, evals); other types are sniffed.
      mimeType: /\.txt$/i.test(path) ? 'text/plain' : undefined,
      limits: options.maxPages ? { maxOcrPages: options.maxPages, maxPages: options.maxPages } : undefined,
      onProgress: (p) => options.progress?.(`${basename(path)}: ${WORDS[lang].page(p.page, p.pages)}`),
    });
    return options.json ? `${JSON.stringify(result, null, 2)}\n` : formatExtraction(basename(path), result, lang);
  } finally {
    await closeOcr();
  }
}
