/**
 * OCR with tesseract.js, offline: the English and French models come from the npm packages
 * @tesseract.js-data/eng and /fra (4.0.0_best_int), copied once into one folder under ./.comptoir
 * because tesseract.js takes a single langPath for all languages. One worker is kept and reused
 * (starting one costs about a second); a page that runs past its time limit terminates it, and the
 * next page starts a fresh one.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { DocumentFailure } from './failures.ts';
import { rowsOf, skewOf, type OcrRow, type OcrWord } from './ocr-layout.ts';
import { withTimeLimit } from './time-limit.ts';

const LANGS = ['eng', 'fra'] as const;

export interface OcrConfig {
  /** Where the language files are gathered and tesseract caches its data; default ./.comptoir/tesseract. */
  dir?: string;
}

/** Copies the packaged language files into one folder (once) and returns it. */
export function languageFolder(config: OcrConfig = {}): string {
  const base = resolve(config.dir ?? './.comptoir/tesseract');
  const folder = join(base, 'lang');
  mkdirSync(folder, { recursive: true });
  const require = createRequire(import.meta.url);
  for (const lang of LANGS) {
    const target = join(folder, `${lang}.traineddata.gz`);
    if (existsSync(target)) continue;
    const pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    copyFileSync(join(pkg, '4.0.0_best_int', `${lang}.traineddata.gz`), target);
  }
  return folder;
}

let shared: Promise<Worker> | undefined;

async function startWorker(config: OcrConfig): Promise<Worker> {
  const langPath = languageFolder(config);
  const cachePath = join(dirname(langPath), 'cache');
  mkdirSync(cachePath, { recursive: true });
  const worker = await createWorker([...LANGS], OEM.LSTM_ONLY, {
    langPath,
    cachePath,
    gzip: true,
    logger: () => undefined,
    errorHandler: () => undefined,
  });
  // Automatic page segmentation: bills mix blocks, tables and columns.
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: '300' });
  return worker;
}

function worker(config: OcrConfig): Promise<Worker> {
  if (!shared) {
    shared = startWorker(config);
    shared.catch(() => {
      shared = undefined;
    });
  }
  return shared;
}

/** Stops the shared worker (tests, shutdown). */
export async function closeOcr(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (current) await (await current.catch(() => undefined))?.terminate().catch(() => undefined);
}

export interface OcrPage {
  rows: OcrRow[];
  /** Mean word confidence of the page, 0..1. */
  confidence: number;
}

/** Reads one page image (PNG, prepared by `imageForOcr`). */
export async function recognize(png: Buffer, timeoutMs: number, config: OcrConfig = {}): Promise<OcrPage> {
  const current = worker(config);
  const run = async () => {
    const result = await (await current).recognize(png, {}, { text: true, blocks: true });
    const lines = (result.data.blocks ?? []).flatMap((block) =>
      block.paragraphs.flatMap((paragraph) => paragraph.lines),
    );
    const words: OcrWord[] = lines.flatMap((line) =>
      line.words.map((w) => ({ text: w.text, confidence: w.confidence, bbox: w.bbox })),
    );
    const confidence = result.data.confidence / 100;
    const rows = rowsOf(words, skewOf(lines.map((line) => line.baseline)));
    // Without word boxes (a page read as one picture block), fall back to tesseract's own lines.
    if (rows.length === 0 && result.data.text.trim()) {
      return {
        rows: result.data.text
          .split('\n')
          .filter((t) => t.trim())
          .map((text) => ({ text, confidence })),
        confidence,
      };
    }
    return { rows, confidence };
  };
  try {
    return await withTimeLimit(timeoutMs, run, async () => {
      // A worker stuck on a page is of no further use: end it so the next page gets a new one.
      if (shared === current) shared = undefined;
      await (await current.catch(() => undefined))?.terminate().catch(() => undefined);
    });
  } catch (error) {
    if (error instanceof DocumentFailure) throw error;
    if (shared === current) shared = undefined;
    throw new DocumentFailure('corrupt', `OCR failed: ${(error as Error).message}`);
  }
}
