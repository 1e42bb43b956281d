/**
 * Extractors behind one interface, chosen by configuration: the local one (no model, the default and
 * the fallback), Mistral OCR (the page read by Mistral's OCR model, fields by the same rules), and
 * LLM structured extraction (a chat model fills a zod-checked JSON from the bill's text). Whatever
 * the extractor, exact e-invoice XML wins, the cross-checks are ours, and the confidence is computed
 * from them, never taken from a model's word.
 *
 * The two Mistral providers call the Mistral API; they are exercised in tests with a stand-in client
 * only (no key on the build machines): their HTTP behaviour is untested.
 */
import { z } from 'zod';
import { Mistral } from '@mistralai/mistralai';
import { isIsoDate } from '../money.ts';
import { canonicalAmount, percentToRate } from './decimals.ts';
import {
  DEFAULT_LIMITS,
  extractDocument,
  failureOf,
  linesOf,
  readDocument,
  resultOf,
  type ExtractOptions,
  type Read,
} from './extract.ts';
import { DocumentFailure } from './failures.ts';
import { pdfAttachments } from './pdf-reader.ts';
import { setField, type BillReading } from './reading.ts';
import type { ExtractionResult, FieldName, TaxAmount } from './schemas.ts';
import { sniffType } from './store.ts';
import { readBillText } from './text-fields.ts';
import { withTimeLimit } from './time-limit.ts';

export interface Extractor {
  readonly name: 'local' | 'mistral_ocr' | 'llm';
  /** Never throws: a failure is a result with a reason. */
  extract(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractionResult>;
}

export const localExtractor: Extractor = { name: 'local', extract: extractDocument };

/** The part of the Mistral client the providers use, so tests can stand in for it. */
export interface MistralClient {
  ocr: {
    process(request: {
      model: string;
      document: { type: 'document_url'; documentUrl: string } | { type: 'image_url'; imageUrl: string };
    }): Promise<{ pages: { index: number; markdown: string }[] }>;
  };
  chat: {
    complete(request: {
      model: string;
      messages: { role: 'system' | 'user'; content: string }[];
      responseFormat: { type: 'json_object' };
      temperature: number;
    }): Promise<{ choices?: { message?: { content?: unknown } }[] }>;
  };
}

const PROVIDER_MS = 60_000;

const toBuffer = (bytes: Uint8Array) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Exact data first: an XML file or a PDF carrying its e-invoice is read locally, whatever the extractor. */
async function isEInvoice(bytes: Buffer, options: ExtractOptions): Promise<boolean> {
  const type = sniffType(bytes, options.mimeType ?? '', options.filename);
  if (type === 'application/xml' || type === 'text/xml') return true;
  if (type !== 'application/pdf') return false;
  try {
    return (await pdfAttachments(bytes)).some((file) => /\.xml$/i.test(file.filename));
  } catch {
    return false;
  }
}

/** Markdown from an OCR model as lines of text: table pipes become the tab between cells. */
export function markdownLines(pages: string[]): ReturnType<typeof linesOf> {
  const cleaned = pages.map((page) =>
    page
      .split('\n')
      .filter((line) => !/^\s*\|?\s*:?-{3,}/.test(line))
      .map((line) =>
        line
          .replace(/^\s*\|\s*|\s*\|\s*$/g, '')
          .replace(/\s*\|\s*/g, '\t')
          .replace(/^#+\s*|\*\*/g, ''),
      )
      .join('\n'),
  );
  // The model reports no word confidences: its lines are trusted like a good scan's.
  return linesOf(cleaned).map((line) => ({ ...line, confidence: 0.9 }));
}

export function mistralOcrExtractor(client: MistralClient, model = 'mistral-ocr-latest'): Extractor {
  return {
    name: 'mistral_ocr',
    async extract(bytes, options) {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      try {
        const buffer = toBuffer(bytes);
        if (buffer.length === 0 || (await isEInvoice(buffer, options))) return extractDocument(buffer, options);
        const type = sniffType(buffer, options.mimeType ?? '', options.filename);
        const dataUrl = `data:${type};base64,${buffer.toString('base64')}`;
        const document = type.startsWith('image/')
          ? { type: 'image_url' as const, imageUrl: dataUrl }
          : { type: 'document_url' as const, documentUrl: dataUrl };
        const response = await withTimeLimit(PROVIDER_MS, () => client.ocr.process({ model, document })).catch(
          (error) => {
            if (error instanceof DocumentFailure) throw error;
            throw new DocumentFailure('provider_failed', (error as Error).message);
          },
        );
        const lines = markdownLines(response.pages.sort((a, b) => a.index - b.index).map((page) => page.markdown));
        const read: Read = {
          source: 'ocr',
          lines,
          reading: readBillText(lines, { order: options.dateOrder, ocr: true }),
          ocrConfidence: 0.9,
          pages: response.pages.length,
        };
        return resultOf(read, 'mistral_ocr', elapsed(), options.company);
      } catch (error) {
        return failureOf(error, elapsed());
      }
    },
  };
}

/** What the model is asked to fill; every value is checked again here before it is used. */
export const LlmFields = z.object({
  supplierName: z.string().nullish(),
  supplierGst: z.string().nullish(),
  supplierQst: z.string().nullish(),
  supplierVat: z.string().nullish(),
  invoiceNumber: z.string().nullish(),
  invoiceDate: z.string().nullish(),
  dueDate: z.string().nullish(),
  currency: z.string().nullish(),
  subtotal: z.string().nullish(),
  total: z.string().nullish(),
  taxes: z
    .array(
      z.object({
        code: z.enum(['GST', 'HST', 'QST', 'PST', 'RST', 'TVA']),
        ratePercent: z.string().nullish(),
        amount: z.string(),
      }),
    )
    .nullish(),
});

const PROMPT =
  'You read supplier bills. From the bill text, return one JSON object with these keys (null when absent): ' +
  'supplierName, supplierGst (9 digits + RT + 4 digits), supplierQst (10 digits + TQ + 4 digits), supplierVat, invoiceNumber, ' +
  'invoiceDate and dueDate (YYYY-MM-DD), currency (ISO code), subtotal and total (decimal strings with a dot, e.g. "1250.00"), ' +
  'taxes (list of { code: GST|HST|QST|PST|RST|TVA, ratePercent: e.g. "9.975", amount: "12.34" }). Copy values as printed; never compute.';

/**
 * Merges the model's fields into the rules' reading: a value both found is confirmed (0.95); a value
 * only the model found gets 0.6 and the cross-checks decide the rest; a value the rules read
 * differently keeps the rules' reading, with a warning.
 */
export function mergeLlmFields(reading: BillReading, fields: z.infer<typeof LlmFields>, model: string): void {
  const currency =
    fields.currency && /^[A-Z]{3}$/.test(fields.currency) ? fields.currency : (reading.fields.currency?.value ?? 'CAD');
  const clean: Partial<Record<FieldName, string | undefined>> = {
    supplierName: fields.supplierName ?? undefined,
    supplierGst: fields.supplierGst?.replace(/\s/g, '').match(/^\d{9}RT\d{4}$/)?.[0],
    supplierQst: fields.supplierQst?.replace(/\s/g, '').match(/^\d{10}TQ\d{4}$/)?.[0],
    supplierVat: fields.supplierVat?.replace(/\s/g, '') || undefined,
    invoiceNumber: fields.invoiceNumber ?? undefined,
    invoiceDate: fields.invoiceDate && isIsoDate(fields.invoiceDate) ? fields.invoiceDate : undefined,
    dueDate: fields.dueDate && isIsoDate(fields.dueDate) ? fields.dueDate : undefined,
    currency,
    subtotal: fields.subtotal ? canonicalAmount(fields.subtotal, currency) : undefined,
    total: fields.total ? canonicalAmount(fields.total, currency) : undefined,
  };
  for (const [name, value] of Object.entries(clean) as [FieldName, string | undefined][]) {
    if (value === undefined) continue;
    const rules = reading.fields[name];
    if (!rules) setField(reading, name, value, 0.6, `llm ${model}`);
    else if (rules.value === value) rules.confidence = Math.max(rules.confidence, 0.95);
    else
      reading.warnings.push(
        `${name}: the model read "${value}", the rules "${rules.value}"; the rules' reading is kept.`,
      );
  }
  if (reading.taxes.length === 0 && fields.taxes) {
    reading.taxes = fields.taxes.flatMap((tax): TaxAmount[] => {
      const amount = canonicalAmount(tax.amount, currency);
      return amount === undefined
        ? []
        : [
            {
              code: tax.code,
              rate: tax.ratePercent ? percentToRate(tax.ratePercent) : undefined,
              amount,
              confidence: 0.6,
              evidence: `llm ${model}`,
            },
          ];
    });
  }
}

export function llmExtractor(client: MistralClient, model = 'mistral-small-latest'): Extractor {
  return {
    name: 'llm',
    async extract(bytes, options) {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      try {
        const limits = { ...DEFAULT_LIMITS, ...options.limits };
        const read = await withTimeLimit(limits.totalMs, () => readDocument(toBuffer(bytes), limits, options));
        if (read.source === 'xml' || !read.lines) return resultOf(read, 'local', elapsed(), options.company);
        const text = read.lines
          .map((line) => line.text)
          .join('\n')
          .slice(0, 20_000);
        const response = await withTimeLimit(PROVIDER_MS, () =>
          client.chat.complete({
            model,
            temperature: 0,
            responseFormat: { type: 'json_object' },
            messages: [
              { role: 'system', content: PROMPT },
              { role: 'user', content: text },
            ],
          }),
        ).catch((error) => {
          if (error instanceof DocumentFailure) throw error;
          throw new DocumentFailure('provider_failed', (error as Error).message);
        });
        const content = response.choices?.[0]?.message?.content;
        const parsed = LlmFields.safeParse(typeof content === 'string' ? safeJson(content) : undefined);
        if (parsed.success) mergeLlmFields(read.reading, parsed.data, model);
        else
          read.reading.warnings.push("The model did not return the expected JSON; the rules' reading is used alone.");
        return resultOf(read, 'llm', elapsed(), options.company);
      } catch (error) {
        return failureOf(error, elapsed());
      }
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type ExtractorChoice = 'local' | 'mistral_ocr' | 'llm';

/**
 * The extractor for a configuration: a Mistral provider when asked for and a key is set, the local
 * extractor otherwise (a missing key must not stop bills from being read).
 * @example extractorFor({ choice: 'mistral_ocr', mistralApiKey: config.MISTRAL_API_KEY })
 */
export function extractorFor(config: {
  choice?: ExtractorChoice;
  mistralApiKey?: string;
  ocrModel?: string;
  llmModel?: string;
  client?: MistralClient;
}): Extractor {
  const choice = config.choice ?? 'local';
  if (choice === 'local' || (!config.mistralApiKey && !config.client)) return localExtractor;
  const client = config.client ?? (new Mistral({ apiKey: config.mistralApiKey }) as unknown as MistralClient);
  return choice === 'mistral_ocr'
    ? mistralOcrExtractor(client, config.ocrModel)
    : llmExtractor(client, config.llmModel);
}
