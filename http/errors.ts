/** Every error leaves the API in one shape, { error: { code, message, details } }, with its HTTP status. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { databaseUnreachable } from '../db/availability.ts';
import { AppError, errorBody, httpStatus } from '../tools/errors.ts';

/** Seconds a client is asked to wait while the database cannot be reached: about two probes. */
export const RETRY_AFTER_SECONDS = 2;

const UNAVAILABLE = {
  fr: 'La base de données ne répond pas pour le moment ; rien n’a été enregistré. Réessayez dans quelques secondes.',
  en: 'The database is not answering right now; nothing was saved. Try again in a few seconds.',
};

/** 503 with Retry-After, in the language the request asks for. */
export function unavailable(c: Context) {
  const lang = (c.req.query('lang') ?? c.req.header('accept-language') ?? 'fr').toLowerCase().startsWith('en')
    ? 'en'
    : 'fr';
  c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  return c.json({ error: { code: 'unavailable', message: UNAVAILABLE[lang], details: null } }, 503);
}

export function onError(err: Error, c: Context) {
  if (err instanceof HTTPException && !(err instanceof AppError)) {
    const status = err.status;
    const code =
      status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : 'invalid';
    return c.json({ error: { code, message: err.message || 'Request refused.', details: null } }, status);
  }
  if (databaseUnreachable(err)) return unavailable(c);
  const body = errorBody(err);
  if (body.error.code === 'internal') console.error(err);
  return c.json(body, httpStatus[body.error.code] as 400);
}

export function notFoundRoute(c: Context) {
  return c.json(
    { error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.`, details: null } },
    404,
  );
}

export { AppError };
