/**
 * Text as it enters through the action door, for every string of every tool's input: refused when it
 * cannot be stored (a NUL byte, a lone UTF-16 surrogate: PostgreSQL refuses both in text and jsonb),
 * else normalised so that two ways of typing one name are one name: Unicode NFKC, invisible and
 * control characters removed, whitespace folded. Checks that compare names (duplicates, lookalikes,
 * bill matching) then see what a person sees.
 */
import type { z } from 'zod';
import type { Lang } from './context.ts';

export const TEXT_WORDS = {
  en: {
    nul: 'Contains a NUL character (\\u0000), which text cannot hold: remove it.',
    surrogate: 'Contains a broken Unicode character (a lone surrogate): retype or paste the text again.',
  },
  fr: {
    nul: 'Contient un caractère NUL (\\u0000), qu’un texte ne peut pas contenir : retirez-le.',
    surrogate: 'Contient un caractère Unicode brisé (un demi-code isolé) : retapez ou recollez le texte.',
  },
} satisfies Record<Lang, unknown>;
export type TextProblem = keyof (typeof TEXT_WORDS)['en'];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be taken at all, or undefined. */
export function textProblem(text: string): TextProblem | undefined {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  return undefined;
}

// Format characters (Cf: zero-width space and joiners, word joiner, BOM, soft hyphen, bidi marks and
// overrides) show nothing yet make two names differ; control characters (Cc) other than line breaks
// and tabs are never typed on purpose. Hangul fillers and the braille blank render as nothing too.
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]|[^\P{Cc}\n\t]/gu;

/**
 * The normalised form of a text: NFKC (full-width letters, ligatures and no-break spaces become their
 * plain forms), invisible and control characters removed, runs of spaces and tabs folded into one
 * space, line breaks kept (as \n) but without spaces around them, no space at either end.
 * @example normalizeText('Bureau\u200b Plus  Inc.') // "Bureau Plus Inc."
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

export interface CleanedInput {
  value: unknown;
  /** Zod-shaped issues (custom, with the field path), so the door words them like schema issues. */
  issues: z.core.$ZodIssue[];
}

/**
 * Every string in a tool's raw input, at any depth (object keys too), normalised; strings that cannot
 * be stored are reported with their path instead. Numbers, booleans and null pass as they are.
 */
export function cleanInput(raw: unknown): CleanedInput {
  const issues: z.core.$ZodIssue[] = [];
  const walk = (value: unknown, path: PropertyKey[]): unknown => {
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (!problem) return normalizeText(value);
      issues.push({ code: 'custom', path, message: TEXT_WORDS.en[problem], input: undefined, params: { problem } });
      return value;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i]));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const problem = textProblem(key);
        if (problem)
          issues.push({ code: 'custom', path, message: TEXT_WORDS.en[problem], input: undefined, params: { problem } });
        out[normalizeText(key)] = walk(item, [...path, key]);
      }
      return out;
    }
    return value;
  };
  return { value: walk(raw, []), issues };
}

/** A text problem's sentence in `lang`, or undefined when the issue is not one of cleanInput's. */
export function textIssueText(issue: z.core.$ZodIssue, lang: Lang): string | undefined {
  if (issue.code !== 'custom') return undefined;
  const problem = (issue.params as { problem?: string } | undefined)?.problem;
  return problem && problem in TEXT_WORDS.en ? TEXT_WORDS[lang][problem as TextProblem] : undefined;
}
