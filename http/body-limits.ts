/**
 * How much a request may send, per route, in one table: small for forms and JSON decisions, a bank
 * statement for tool calls, the document limit for uploads, a whole email for the inbound webhook.
 * Enforced while reading (hono's bodyLimit): a declared Content-Length over the limit is refused
 * before a byte is read, and a chunked body is counted as it arrives and cut off at the limit.
 * It runs before any login or token check, so an anonymous POST to /login cannot fill the memory.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_EMAIL_BYTES } from '../email/inbound.ts';
import { MAX_DOCUMENT_BYTES } from '../tools/documents/store.ts';
import { tr } from '../web-chat/i18n.ts';
import { requestLang } from './request-lang.ts';

const KB = 1024;
const MB = 1024 * KB;

/** Room for a multipart form's framing around the file itself. */
const FORM_FRAMING = 64 * KB;

/** First match wins; the last line is every other route. */
const LIMITS: [RegExp, number][] = [
  [/^\/app\/api\/upload$/, MAX_DOCUMENT_BYTES + FORM_FRAMING],
  [/^\/inbound\/email$/, MAX_EMAIL_BYTES],
  // The bank screen's statement upload, or the same file sent back with its CSV column mapping.
  [/^\/app\/bank\/import$/, 8 * MB],
  // A tool call may carry a bank statement (up to 5 million characters) as JSON.
  [/^(\/app)?\/api\/tools\//, 8 * MB],
  // The MCP transport's own bound on a JSON-RPC message.
  [/^\/mcp$/, 4 * MB],
  [/^\/api\/inngest$/, 4 * MB],
  // Login, logout and one-click approval forms: a few fields.
  [/^\/(login|logout|approvals\/link)(\/|$)/, 16 * KB],
  // Decisions (an edited input may be an order of many lines), chat turns, settings.
  [/^/, 256 * KB],
];

export function bodyLimitFor(path: string): number {
  return LIMITS.find(([pattern]) => pattern.test(path))![1];
}

const size = (bytes: number, lang: 'fr' | 'en') =>
  bytes >= MB
    ? `${Math.round(bytes / MB)} ${lang === 'fr' ? 'Mo' : 'MB'}`
    : `${Math.round(bytes / KB)} ${lang === 'fr' ? 'Ko' : 'KB'}`;

/** The 413 in the person's language, in the shape the route's clients read (JSON-RPC for MCP, a page for forms). */
function tooLarge(c: Context, limit: number): Response {
  const lang = requestLang(c);
  const message = tr(lang, 'bodyTooLarge', { limit: size(limit, lang) });
  if (c.req.path === '/mcp')
    return c.json({ jsonrpc: '2.0', error: { code: -32000, message: `Payload Too Large: ${message}` }, id: null }, 413);
  if ((c.req.header('accept') ?? '').includes('text/html'))
    return c.html(`<!doctype html><meta charset="utf-8"><title>413</title><p>${message}</p>`, 413);
  return c.json({ error: { code: 'too_large', message, details: { limitBytes: limit } } }, 413);
}

export function requestBodyLimits(): MiddlewareHandler {
  return (c, next) => {
    const limit = bodyLimitFor(c.req.path);
    return bodyLimit({ maxSize: limit, onError: (c) => tooLarge(c, limit) })(c, next);
  };
}
