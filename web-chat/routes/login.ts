/**
 * Logging in and out. Login is rate limited per IP and email, and per account across IPs; the hono/csrf origin check refuses
 * forms posted from other sites; a person with the same email in several companies picks one (the
 * password already checked, the choice held in memory for a few minutes under a random nonce).
 */
import { randomBytes } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { login, logout, startSession } from '../../tools/auth/sessions.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../browser-session.ts';
import type { AppDeps } from '../../http/deps.ts';
import { tr } from '../i18n.ts';
import { databaseFailureStore } from '../../tools/auth/login-failures.ts';
import { LoginThrottle } from '../login-limiter.ts';
import { loginPage } from '../pages/login.ts';
import { requestLang } from '../../http/request-lang.ts';

const Form = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1000),
  next: z.string().optional(),
  lang: z.enum(['fr', 'en']).optional(),
});

const CHOICE_MS = 5 * 60_000;

function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.fetch in tests has no socket
  }
}

/** Only same-site paths after login: an open redirect would make our login page a phishing relay. */
const safeNext = (next?: string) => (next && /^\/app(\/[a-z-]*)?$/.test(next) ? next : '/app');

export function loginRoutes(deps: AppDeps, throttle = new LoginThrottle(databaseFailureStore(deps.handle.db))) {
  const choices = new Map<
    string,
    { companies: { tenantId: string; name: string; userId: string }[]; expires: number; next: string }
  >();

  return new Hono()
    .get('/login', async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token && c.req.query('lang') === undefined) {
        const { sessionFromToken } = await import('../../tools/auth/sessions.ts');
        if (await sessionFromToken(deps.handle.db, token, deps.now())) return c.redirect('/app', 303);
      }
      const lang = requestLang(c);
      const notice = c.req.query('passwordSet') ? tr(lang, 'wcPasswordSet') : undefined;
      return c.html(loginPage({ lang, next: c.req.query('next'), notice }));
    })
    .post('/login', async (c) => {
      const body = await c.req.parseBody();
      const lang = requestLang(c, typeof body.lang === 'string' ? body.lang : undefined);
      const parsed = Form.safeParse(body);
      if (!parsed.success) return c.html(loginPage({ lang, error: tr(lang, 'loginInvalid') }), 400);
      const { email, password, next } = parsed.data;
      const ip = clientIp(c);
      const now = deps.now().getTime();
      const wait = await throttle.retryAfter(ip, email, now);
      if (wait !== null) {
        c.header('Retry-After', String(wait));
        return c.html(
          loginPage({ lang, email, error: tr(lang, 'loginTooMany', { minutes: Math.ceil(wait / 60) }) }),
          429,
        );
      }
      const result = await login(deps.handle.db, email, password, deps.now());
      if (result.outcome === 'invalid') {
        await throttle.fail(ip, email, now);
        return c.html(loginPage({ lang, email, error: tr(lang, 'loginInvalid') }), 401);
      }
      await throttle.succeed(ip, email);
      if (result.outcome === 'choose') {
        const nonce = randomBytes(24).toString('base64url');
        for (const [k, v] of choices) if (v.expires < now) choices.delete(k);
        choices.set(nonce, { companies: result.companies, expires: now + CHOICE_MS, next: safeNext(next) });
        return c.html(loginPage({ lang, choice: { nonce, companies: result.companies } }));
      }
      setSessionCookie(c, deps, result.token);
      return c.redirect(safeNext(next), 303);
    })
    .post('/login/choose', async (c) => {
      const body = await c.req.parseBody();
      const lang = requestLang(c, typeof body.lang === 'string' ? body.lang : undefined);
      const nonce = typeof body.nonce === 'string' ? body.nonce : '';
      const choice = choices.get(nonce);
      const company = choice?.companies.find((x) => x.tenantId === body.tenantId);
      if (!choice || choice.expires < deps.now().getTime() || !company)
        return c.html(loginPage({ lang, error: tr(lang, 'loginExpired') }), 400);
      choices.delete(nonce);
      const started = await startSession(deps.handle.db, company.tenantId, company.userId, deps.now());
      setSessionCookie(c, deps, started.token);
      return c.redirect(choice.next, 303);
    });
}

/** Logout is a POST behind the session's CSRF token (see browserSession), so no other site can end it. */
export function logoutRoute(deps: AppDeps) {
  return async (c: Context) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await logout(deps.handle.db, token);
    clearSessionCookie(c, deps);
    return c.redirect('/login', 303);
  };
}
