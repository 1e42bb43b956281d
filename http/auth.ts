/** API authentication: a per-user bearer token becomes the request's Session (tenant, person, language). */
import { createMiddleware } from 'hono/factory';
import { authenticateToken } from '../tools/auth/api-tokens.ts';
import { unauthorized } from '../tools/errors.ts';
import type { AppDeps, AppEnv } from './deps.ts';

export function bearerAuth(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw unauthorized('Missing API token: send "Authorization: Bearer <token>".');
    const { tenantId, actor } = await authenticateToken(deps.handle.db, token, deps.now());
    const lang = c.req.header('accept-language')?.toLowerCase().startsWith('en')
      ? 'en'
      : c.req.header('accept-language')
        ? 'fr'
        : actor.lang;
    c.set('session', { db: deps.handle.db, tenantId, actor, lang, now: deps.now });
    await next();
  });
}
