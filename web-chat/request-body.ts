/**
 * The one place a JSON request body is read. An empty body counts as `{}` (a decision without a
 * note); anything else must parse, or the request is refused with the parser's reason before any
 * work is done: a truncated body must never be taken for an empty one and run the original action.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { invalid } from '../tools/errors.ts';
import { tr } from './i18n.ts';
import { requestLang } from '../http/request-lang.ts';

/** The body as JSON; `{}` when empty; a 400 naming the parse error otherwise. */
export async function jsonOf(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw invalid(tr(requestLang(c), 'bodyNotJson', { reason }), { reason });
  }
}

/** The body parsed as JSON and checked against `schema`; a 400 listing every problem otherwise. */
export async function bodyOf<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const parsed = schema.safeParse(await jsonOf(c));
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  throw invalid(tr(requestLang(c), 'bodyInvalid', { issues }), { issues: parsed.error.issues });
}
