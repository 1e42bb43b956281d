/** Every error leaves the API in one shape, { error: { code, message, details } }, with its HTTP status. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, errorBody, httpStatus } from '../tools/errors.ts';

export function onError(err: Error, c: Context) {
  if (err instanceof HTTPException && !(err instanceof AppError)) {
    const status = err.status;
    const code =
      status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : 'invalid';
    return c.json({ error: { code, message: err.message || 'Request refused.', details: null } }, status);
  }
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
