/**
 * Cookie sessions for the browser UI: the cookie becomes the request's Session (tenant, person,
 * language), and every unsafe method must carry the session's CSRF token (header x-csrf-token, or a
 * _csrf form field for plain forms). Pages without a session go to /login; API calls get a 401.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { sessionFromToken, SESSION_HOURS, type BrowserSession } from '../tools/auth/sessions.ts';
import type { Lang } from '../tools/context.ts';
import { forbidden, unauthorized } from '../tools/errors.ts';
import type { AppDeps, AppEnv } from '../http/deps.ts';

export const SESSION_COOKIE = 'comptoir_session';
export const LANG_COOKIE = 'comptoir_lang';

export interface WebEnv {
  Variables: AppEnv['Variables'] & { browser: BrowserSession };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const secure = (deps: AppDeps) => Boolean(deps.config.PUBLIC_URL?.startsWith('https:'));

export function setSessionCookie(c: Context, deps: AppDeps, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(deps),
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(c: Context, deps: AppDeps) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(deps) });
}

/** The language the person asked for with the switch, else their profile's. */
export function langFor(c: Context, profile: Lang): Lang {
  const chosen = getCookie(c, LANG_COOKIE);
  return chosen === 'fr' || chosen === 'en' ? chosen : profile;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function browserSession(deps: AppDeps, mode: 'page' | 'api') {
  return createMiddleware<WebEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const browser = token ? await sessionFromToken(deps.handle.db, token, deps.now()) : null;
    if (!browser) {
      if (mode === 'page') return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
      throw unauthorized('Your session has ended: log in again.');
    }
    if (!SAFE.has(c.req.method)) {
      let given = c.req.header('x-csrf-token');
      const type = c.req.header('content-type') ?? '';
      // Plain forms carry it as a field, file uploads too (multipart: the bank screen's statement form).
      if (!given && (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))) {
        const form = await c.req.parseBody();
        given = typeof form._csrf === 'string' ? form._csrf : undefined;
      }
      if (!sameToken(given, browser.csrfToken))
        throw forbidden('Missing or wrong CSRF token: reload the page and try again.');
    }
    const lang = langFor(c, browser.actor.lang);
    c.set('browser', browser);
    c.set('session', { db: deps.handle.db, tenantId: browser.tenantId, actor: browser.actor, lang, now: deps.now });
    await next();
  });
}
