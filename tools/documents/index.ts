/**
 * Supplier-bill intake: the public API of this area. `extractDocument` reads a file without any
 * model; `extractorFor` picks it or an optional Mistral provider from configuration. No tool is
 * registered yet: the bill-intake job and the bills tools call these functions.
 */
export { DEFAULT_LIMITS, extractDocument } from './extract.ts';
export type { ExtractLimits, ExtractOptions } from './extract.ts';
export { extractorFor, llmExtractor, localExtractor, mistralOcrExtractor } from './extractors.ts';
export type { Extractor, ExtractorChoice, MistralClient } from './extractors.ts';
export { closeOcr } from './ocr.ts';
export {
  Check,
  Extracted,
  ExtractionFailed,
  ExtractionResult,
  ExtractionSource,
  FIELD_NAMES,
  FailureReason,
  Field,
  Fields,
  TaxAmount,
  ExtractedLine,
} from './schemas.ts';
export type { FieldName } from './schemas.ts';
