/**
 * OCR with tesseract.js, offline: the six models (eng, fra, deu, spa, ita, nld) come from the npm
 * packages @tesseract.js-data/* (4.0.0_best_int), copied once into one folder under ./.comptoir
 * because tesseract.js takes a single langPath for all languages. A worker is kept and reused per
 * language set (starting one costs about a second): the default English + French one, and the last
 * other set a bill asked for; a page that runs past its time limit ends its worker, and the next
 * page starts a fresh one.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { DocumentFailure } from './failures.ts';
import { rowsOf, skewOf, type OcrRow, type OcrWord } from './ocr-layout.ts';
import { withTimeLimit } from './time-limit.ts';

/** Every model packaged (package.json @tesseract.js-data/*): the six languages bills come in. */
const PACKAGED = ['eng', 'fra', 'deu', 'spa', 'ita', 'nld'] as const;
export type OcrLang = (typeof PACKAGED)[number];
/** The first reading of a page: our market's two languages. */
export const DEFAULT_OCR_LANGS: OcrLang[] = ['eng', 'fra'];

/** Tesseract's model for a bill language (labels.ts BILL_LANGS). */
export const OCR_LANG_OF = { fr: 'fra', en: 'eng', de: 'deu', es: 'spa', it: 'ita', nl: 'nld' } as const;

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
  for (const lang of PACKAGED) {
    const target = join(folder, `${lang}.traineddata.gz`);
    if (existsSync(target)) continue;
    const pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    copyFileSync(join(pkg, '4.0.0_best_int', `${lang}.traineddata.gz`), target);
  }
  return folder;
}

interface Pool {
  worker: Promise<Worker>;
  /** Pages being read on it: a worker in use is never ended to make room for another. */
  busy: number;
}
/** Workers by language set ("eng+fra"): the default one, and the last other set a bill asked for. */
const workers = new Map<string, Pool>();

async function startWorker(config: OcrConfig, langs: readonly OcrLang[]): Promise<Worker> {
  const langPath = languageFolder(config);
  const cachePath = join(dirname(langPath), 'cache');
  mkdirSync(cachePath, { recursive: true });
  const worker = await createWorker([...langs], OEM.LSTM_ONLY, {
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

const end = (pool: Pool): Promise<void> =>
  pool.worker
    .then((w) => w.terminate())
    .then(
      () => undefined,
      () => undefined,
    );

function poolFor(config: OcrConfig, langs: readonly OcrLang[]): Pool {
  const key = langs.join('+');
  const found = workers.get(key);
  if (found) return found;
  // Another language set: idle workers for other sets than the default are ended (memory: one
  // model set each), a busy one finishes its page first.
  for (const [other, pool] of workers)
    if (other !== DEFAULT_OCR_LANGS.join('+') && pool.busy === 0) {
      workers.delete(other);
      void end(pool);
    }
  const pool: Pool = { worker: startWorker(config, langs), busy: 0 };
  workers.set(key, pool);
  pool.worker.catch(() => {
    if (workers.get(key) === pool) workers.delete(key);
  });
  return pool;
}

function drop(pool: Pool) {
  for (const [key, p] of workers) if (p === pool) workers.delete(key);
  return end(pool);
}

/** Stops every worker (tests, shutdown). */
export async function closeOcr(): Promise<void> {
  const all = [...workers.values()];
  workers.clear();
  await Promise.all(all.map(end));
}

export interface OcrPage {
  rows: OcrRow[];
  /** Mean word confidence of the page, 0..1. */
  confidence: number;
}

/** Reads one page image (PNG, prepared by `imageForOcr`) with the given language models. */
export async function recognize(
  png: Buffer,
  timeoutMs: number,
  config: OcrConfig = {},
  langs: readonly OcrLang[] = DEFAULT_OCR_LANGS,
): Promise<OcrPage> {
  const pool = poolFor(config, langs);
  pool.busy++;
  const run = async () => {
    const result = await (await pool.worker).recognize(png, {}, { text: true, blocks: true });
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
    // A worker stuck on a page is of no further use: end it so the next page gets a new one.
    return await withTimeLimit(timeoutMs, run, () => drop(pool));
  } catch (error) {
    if (error instanceof DocumentFailure) throw error;
    void drop(pool);
    throw new DocumentFailure('corrupt', `OCR failed: ${(error as Error).message}`);
  } finally {
    pool.busy--;
  }
}
