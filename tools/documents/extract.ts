/**
 * Reads a supplier bill from a file, without any model: embedded e-invoice XML first (exact data),
 * then the PDF's text layer, then OCR for scans and photos; then the rule-based field parser and the
 * cross-checks. `extractDocument` never throws and never runs past its time limit: every failure is
 * a result with a reason and a sentence for people.
 */
import { DocumentFailure, failureMessage } from './failures.ts';
import { calibrated } from './calibration.ts';
import { assess, type Company } from './checks.ts';
import { readEInvoice } from './einvoice.ts';
import { imageForOcr, imageSize } from './image-input.ts';
import { DEFAULT_OCR_LANGS, OCR_LANG_OF, recognize, type OcrConfig, type OcrLang, type OcrPage } from './ocr.ts';
import { repairOcrLine } from './ocr-text.ts';
import { checkPdfStreams } from './pdf-safety.ts';
import { PdfDocument, pdfAttachments } from './pdf-reader.ts';
import type { BillReading } from './reading.ts';
import type { Extracted, ExtractionFailed, ExtractionResult, ExtractionSource } from './schemas.ts';
import { MAX_DOCUMENT_BYTES, sniffType } from './store.ts';
import { readBillText, type TextLine } from './text-fields.ts';
import { withTimeLimit } from './time-limit.ts';

export interface ExtractLimits {
  maxBytes: number;
  /** Pages read from a PDF (text or OCR); bills are one to a few pages. */
  maxPages: number;
  /** Pages of a scan read by OCR, all of them up to this limit. */
  maxOcrPages: number;
  /** The whole extraction, and each OCR page of a letter/A4 page at 300 dpi (larger pages get more, in proportion). */
  totalMs: number;
  ocrPageMs: number;
  pdfMs: number;
  maxPixels: number;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxBytes: MAX_DOCUMENT_BYTES,
  maxPages: 20,
  maxOcrPages: 10,
  totalMs: 60_000,
  ocrPageMs: 30_000,
  pdfMs: 15_000,
  maxPixels: 40_000_000,
};

export interface ExtractOptions {
  filename: string;
  mimeType?: string;
  limits?: Partial<ExtractLimits>;
  ocr?: OcrConfig;
  /**
   * Skip a stage, for the eval and for people who know better: 'text' ignores embedded XML (to score
   * the text parser on Factur-X PDFs), 'ocr' ignores XML and the text layer.
   */
  force?: 'text' | 'ocr';
  /** Day/month order for numeric dates when the bill cannot tell; default day first (fr, en-CA). */
  dateOrder?: 'dmy' | 'mdy';
  /** The company reading the bill: the buyer read is checked against it (addressed_to_company). */
  company?: Company;
  /** Told after each page is read, so a person (or the CLI) sees a long scan progress. */
  onProgress?: (progress: ExtractProgress) => void;
}

export interface ExtractProgress {
  stage: 'text' | 'ocr';
  page: number;
  pages: number;
}

/** A letter page at 300 dpi, the size the per-page OCR time limit is set for. */
const REFERENCE_PAGE_PIXELS = 2550 * 3300;

/** The OCR time limit for one page: the configured limit, more for a larger page, never less. */
export function ocrPageLimit(limitMs: number, pixels: number): number {
  return Math.round(limitMs * Math.max(1, pixels / REFERENCE_PAGE_PIXELS));
}

/** Below this many letters and digits per page, a PDF's text layer is a scan's (empty or a stamp). */
const MIN_TEXT_PER_PAGE = 40;
/** Preferred names of embedded e-invoices, most specific first. */
const XML_NAMES = [/^factur-x\.xml$/i, /^zugferd-invoice\.xml$/i, /^xrechnung\.xml$/i, /\.xml$/i];

/** What a reader found, before cross-checks: also what the optional providers build on. */
export interface Read {
  source: ExtractionSource;
  format?: string;
  reading: BillReading;
  /** The lines of text the fields were read from (text and OCR sources). */
  lines?: TextLine[];
  ocrConfidence?: number;
  /** The tesseract models of the kept reading of the first page (every page when several). */
  ocrLangs?: readonly string[];
  ocrMs?: number;
  pages?: number;
}

function linesOf(pages: string[]): TextLine[] {
  return pages.flatMap((text, i) =>
    text
      .split(/\r?\n/)
      .map((line) => ({ text: line, confidence: 1, page: i + 1 }))
      .filter((l) => l.text.trim() !== ''),
  );
}

/**
 * OCR of every page. The first page is read with the English and French models (our market); when
 * its words say the bill is German, Spanish, Italian or Dutch, that page is read again with that
 * language's model first (its dictionary knows "Forniture" and "IVA"), the better-read of the two
 * kept, and the other pages read with it directly.
 */
async function ocrImages(images: Buffer[], limits: ExtractLimits, options: ExtractOptions): Promise<Read> {
  const started = performance.now();
  const lines: TextLine[] = [];
  let confidence = 0;
  let langs: readonly OcrLang[] = DEFAULT_OCR_LANGS;
  for (const [i, image] of images.entries()) {
    const size = await imageSize(image, limits.maxPixels);
    const prepared = await imageForOcr(image, limits.maxPixels);
    const limit = ocrPageLimit(limits.ocrPageMs, size.width * size.height);
    let page = await recognize(prepared, limit, options.ocr, langs);
    if (i === 0) {
      const lang = readBillText(ocrLines(page, 1), { order: options.dateOrder, ocr: true }).lang;
      const model = lang ? OCR_LANG_OF[lang as keyof typeof OCR_LANG_OF] : undefined;
      if (model && !DEFAULT_OCR_LANGS.includes(model)) {
        const again = await recognize(prepared, limit, options.ocr, [model, 'eng']);
        // The reading that holds together better wins, not the one tesseract is surer of.
        const score = (p: OcrPage) =>
          readingScore(readBillText(ocrLines(p, 1), { order: options.dateOrder, ocr: true }));
        const [before, after] = [score(page), score(again)];
        if (after > before || (after === before && again.confidence > page.confidence)) {
          page = again;
          langs = [model, 'eng'];
        }
      }
    }
    lines.push(...ocrLines(page, i + 1));
    confidence += page.confidence;
    options.onProgress?.({ stage: 'ocr', page: i + 1, pages: images.length });
  }
  const ocrConfidence = images.length > 0 ? confidence / images.length : 0;
  if (lines.length === 0) throw new DocumentFailure('no_text');
  return {
    source: 'ocr',
    lines,
    reading: readBillText(lines, { order: options.dateOrder, ocr: true }),
    ocrConfidence,
    ocrLangs: langs,
    ocrMs: performance.now() - started,
    pages: images.length,
  };
}

/**
 * How well a reading holds together, to choose between two OCR readings of one page: the fields a
 * bill cannot be booked without, and amounts that add up (a misread digit breaks the sum).
 */
export function readingScore(reading: BillReading): number {
  const f = reading.fields;
  const found = [f.supplierName, f.invoiceNumber, f.invoiceDate, f.currency, f.total ?? f.amountDue].filter(Boolean);
  const addsUp = assess(reading, 'ocr').checks.some((c) => c.name === 'totals_add_up' && c.passed);
  return found.length + (addsUp ? 2 : 0);
}

const ocrLines = (page: OcrPage, number: number): TextLine[] =>
  page.rows.map((row) => ({ text: repairOcrLine(row.text), confidence: row.confidence, page: number }));

function readXml(bytes: Buffer, filename: string): Read {
  let einvoice: ReturnType<typeof readEInvoice>;
  try {
    einvoice = readEInvoice(bytes.toString('utf8').replace(/^\uFEFF/, ''), filename);
  } catch (error) {
    throw new DocumentFailure('corrupt', `XML does not parse: ${(error as Error).message}`);
  }
  if (!einvoice) throw new DocumentFailure('not_an_invoice', 'XML that is not a CII, ZUGFeRD or UBL invoice.');
  return { source: 'xml', format: einvoice.format, reading: einvoice.reading };
}

/**
 * pdf.js in Node runs on the main thread and chains promises without yielding to timers, so a time
 * limit can only fire between stages: each stage boundary yields to the event loop once.
 */
const yieldToTimers = () => new Promise<void>((resolve) => setImmediate(resolve));

async function readPdf(bytes: Buffer, limits: ExtractLimits, options: ExtractOptions): Promise<Read> {
  checkPdfStreams(bytes);
  await yieldToTimers();
  if (!options.force) {
    const attachments = await withTimeLimit(limits.pdfMs, () => pdfAttachments(bytes));
    for (const pattern of XML_NAMES) {
      for (const file of attachments.filter((a) => pattern.test(a.filename))) {
        try {
          const einvoice = readEInvoice(file.content.toString('utf8').replace(/^\uFEFF/, ''), file.filename);
          if (einvoice) return { source: 'xml', format: einvoice.format, reading: einvoice.reading };
        } catch {
          // A damaged attachment: the PDF's own text is still there to read.
        }
      }
    }
  }
  await yieldToTimers();
  const pdf = new PdfDocument(bytes);
  try {
    const text = await withTimeLimit(
      limits.pdfMs,
      () => pdf.text(limits.maxPages),
      () => pdf.destroy(),
    );
    const letters = text.pages.join('').replace(/[^\p{L}\p{N}]/gu, '').length;
    if (options.force !== 'ocr' && letters >= MIN_TEXT_PER_PAGE * Math.max(1, text.pages.length)) {
      const lines = linesOf(text.pages);
      options.onProgress?.({ stage: 'text', page: text.pages.length, pages: text.pages.length });
      return {
        source: 'text',
        lines,
        reading: readBillText(lines, { order: options.dateOrder }),
        pages: text.pages.length,
      };
    }
    await yieldToTimers();
    // A scan: render its pages, all of them up to the limit, and read them.
    const pages = Math.min(limits.maxOcrPages, text.pageCount || 1);
    // Rendering takes longer the more pages there are: the limit grows with them.
    const images = await withTimeLimit(
      limits.pdfMs * Math.max(1, Math.ceil(pages / 3)),
      () => pdf.pageImages(pages, 2400),
      () => pdf.destroy(),
    );
    const read = await ocrImages(images, limits, options);
    if (text.pageCount > pages)
      read.reading.warnings.push(
        `pages_not_read: ${text.pageCount - pages} of ${text.pageCount} pages past the limit of ${pages}`,
      );
    return read;
  } finally {
    await pdf.destroy();
  }
}

/** Reads a file into fields without cross-checks; throws `DocumentFailure`. */
export async function readDocument(bytes: Buffer, limits: ExtractLimits, options: ExtractOptions): Promise<Read> {
  if (bytes.length === 0) throw new DocumentFailure('empty');
  if (bytes.length > limits.maxBytes)
    throw new DocumentFailure('too_large', `${bytes.length} bytes, limit ${limits.maxBytes}.`);
  const type = sniffType(bytes, options.mimeType ?? '', options.filename);
  if (type === 'application/pdf') return readPdf(bytes, limits, options);
  if (type === 'application/xml' || type === 'text/xml') return readXml(bytes, options.filename);
  if (type.startsWith('image/')) return ocrImages([bytes], limits, options);
  if (type === 'text/plain') {
    const lines = linesOf([bytes.toString('utf8')]);
    return { source: 'text', lines, reading: readBillText(lines, { order: options.dateOrder }) };
  }
  throw new DocumentFailure('unsupported_type', type);
}

/**
 * Whether a reading is a bill, from several signals, so that losing one line to OCR does not reject
 * a real one: a title (invoice, credit note, receipt), amounts (a total, a subtotal, taxes), an
 * invoice number, an issue date, a tax number. Amounts alone suffice; otherwise two other signals.
 * Returns the signals seen, to say why a file is not a bill.
 */
export function billSignals(reading: BillReading): { bill: boolean; seen: string[]; missing: string[] } {
  const f = reading.fields;
  const signals: [string, boolean][] = [
    ['title', f.documentType !== undefined],
    ['amounts', Boolean(f.total || f.amountDue || f.subtotal || reading.taxes.length > 0)],
    ['number', f.invoiceNumber !== undefined],
    ['date', f.invoiceDate !== undefined && !/first date/.test(f.invoiceDate.evidence)],
    ['tax_number', Boolean(f.supplierGst || f.supplierQst || f.supplierVat || f.supplierSiren || f.supplierSiret)],
  ];
  const seen = signals.filter(([, on]) => on).map(([name]) => name);
  const missing = signals.filter(([, on]) => !on).map(([name]) => name);
  const others = seen.filter((name) => name !== 'amounts').length;
  const bill = seen.includes('amounts') || (others >= 2 && (seen.includes('number') || seen.includes('title')));
  return { bill, seen, missing };
}

const failed = (reason: ExtractionFailed['reason'], totalMs: number, signals?: string[]): ExtractionFailed => ({
  status: 'failed',
  reason,
  message: failureMessage(reason),
  ...(signals ? { signals } : {}),
  timings: { totalMs },
});

/**
 * Extracts a bill's fields from a file's bytes.
 * @example const result = await extractDocument(pdfBytes, { filename: 'bill.pdf', mimeType: 'application/pdf' });
 * if (result.status === 'extracted') console.log(result.fields.total?.value, result.confidence);
 */
export async function extractDocument(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractionResult> {
  const started = performance.now();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await withTimeLimit(limits.totalMs, () => readDocument(buffer, limits, options));
    return resultOf(result, 'local', elapsed(), options.company);
  } catch (error) {
    return failureOf(error, elapsed());
  }
}

/** A reading checked and scored: the result every extractor returns. */
export function resultOf(read: Read, extractor: string, totalMs: number, company?: Company): ExtractionResult {
  if (read.source !== 'xml') {
    const { bill, seen, missing } = billSignals(read.reading);
    if (!bill)
      return failed('not_an_invoice', totalMs, [
        `seen: ${seen.join(', ') || 'none'}`,
        `missing: ${missing.join(', ')}`,
      ]);
  }
  const { checks, confidence } = assess(read.reading, read.source, read.ocrConfidence, company);
  // Field confidences on the scale people read them: right about as often as they say (calibration.ts).
  // Exact e-invoice data keeps its own.
  if (read.source !== 'xml') {
    for (const field of Object.values(read.reading.fields)) if (field) field.confidence = calibrated(field.confidence);
    for (const tax of read.reading.taxes) tax.confidence = calibrated(tax.confidence);
  }
  const extracted: Extracted = {
    status: 'extracted',
    source: read.source,
    format: read.format,
    extractor,
    fields: read.reading.fields,
    taxes: read.reading.taxes,
    lines: read.reading.lines,
    checks,
    confidence,
    lang: read.reading.lang,
    ...(read.ocrLangs ? { ocrLangs: [...read.ocrLangs] } : {}),
    warnings: read.reading.warnings,
    timings: { totalMs, ocrMs: read.ocrMs === undefined ? undefined : Math.round(read.ocrMs), pages: read.pages },
  };
  return extracted;
}

/** Any error as a failed result: a known reason, or `internal` without leaking details. */
export function failureOf(error: unknown, totalMs: number): ExtractionFailed {
  if (error instanceof DocumentFailure) return failed(error.reason, totalMs);
  return failed('internal', totalMs);
}

export { linesOf };
