/**
 * Company life before a session: sign-up (a new company and its administrator, then logged in),
 * "forgot my password" (a reset link by email, the same answer whether or not the address has an
 * account) and the one-time link page (invitation or reset) that sets a password. Sign-up and reset
 * requests are rate limited per IP, in memory like the login throttle.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { MIN_PASSWORD, openAccountLink, requestPasswordReset, useAccountLink } from '../../tools/auth/account-links.ts';
import { startSession } from '../../tools/auth/sessions.ts';
import { type SignUpInput, signUp, signUpErrors } from '../../tools/company/sign-up.ts';
import type { Lang } from '../../tools/context.ts';
import { setSessionCookie } from '../browser-session.ts';
import type { AppDeps } from '../../http/deps.ts';
import { tr } from '../i18n.ts';
import { LoginLimiter } from '../login-limiter.ts';
import { ForgotPage, LinkPage, SignUpPage } from '../pages/account.tsx';
import { requestLang } from '../../http/request-lang.ts';
import { databaseFailureStore } from '../../tools/auth/login-failures.ts';

function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.fetch in tests has no socket
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Counted in the database like login failures, so every instance counts the same attempts. */
const accountLimits = (deps: AppDeps): AccountLimits => {
  const store = databaseFailureStore(deps.handle.db);
  return {
    signUps: new LoginLimiter(store, 5, 60 * 60_000, 'signup|'),
    resets: new LoginLimiter(store, 5, 15 * 60_000, 'reset|'),
  };
};

export interface AccountLimits {
  /** Companies created per IP: every attempt counts, so a script cannot mint companies. */
  signUps: LoginLimiter;
  /** Reset mails asked per IP (each one writes mail): slows using the form to spam a mailbox. */
  resets: LoginLimiter;
}

export function accountRoutes(deps: AppDeps, limits: AccountLimits = accountLimits(deps)) {
  const tooMany = (c: Context, lang: Lang, wait: number) => {
    c.header('Retry-After', String(wait));
    return tr(lang, 'loginTooMany', { minutes: Math.ceil(wait / 60) });
  };
  return new Hono()
    .get('/signup', (c) => c.html(<SignUpPage lang={requestLang(c)} />))
    .post('/signup', async (c) => {
      const body = await c.req.parseBody();
      const lang = requestLang(c, text(body.lang) || undefined);
      const values = Object.fromEntries(
        ['companyName', 'country', 'province', 'adminName', 'email'].map((k) => [k, text(body[k])]),
      );
      const now = deps.now();
      const ip = clientIp(c);
      const wait = await limits.signUps.retryAfter(ip, now.getTime());
      if (wait !== null) return c.html(<SignUpPage lang={lang} values={values} alert={tooMany(c, lang, wait)} />, 429);
      await limits.signUps.fail(ip, now.getTime());
      const input = { ...values, password: text(body.password), language: lang };
      const errors = signUpErrors(input, lang);
      if (errors) return c.html(<SignUpPage lang={lang} values={values} errors={errors} />, 400);
      const made = await signUp(deps.handle.db, input as SignUpInput, lang, now);
      const session = await startSession(deps.handle.db, made.tenantId, made.adminId, now);
      setSessionCookie(c, deps, session.token);
      return c.redirect('/app/settings/people?welcome=1', 303);
    })
    .get('/password/forgot', (c) => c.html(<ForgotPage lang={requestLang(c)} />))
    .post('/password/forgot', async (c) => {
      const body = await c.req.parseBody();
      const lang = requestLang(c, text(body.lang) || undefined);
      const now = deps.now();
      const ip = clientIp(c);
      const wait = await limits.resets.retryAfter(ip, now.getTime());
      if (wait !== null) return c.html(<ForgotPage lang={lang} alert={tooMany(c, lang, wait)} />, 429);
      await limits.resets.fail(ip, now.getTime());
      const email = text(body.email).trim();
      if (email && email.length <= 320) await requestPasswordReset(deps.handle.db, email, deps.config.publicUrl, now);
      // The same page whatever the address: it must not tell who has an account.
      return c.html(<ForgotPage lang={lang} sent />);
    })
    .get('/account/link/:token', async (c) => {
      const link = await openAccountLink(deps.handle.db, c.req.param('token'), deps.now());
      const lang = c.req.query('lang') ? requestLang(c) : (link?.lang ?? requestLang(c));
      return c.html(<LinkPage lang={lang} token={c.req.param('token')} link={link} />, link ? 200 : 404);
    })
    .post('/account/link/:token', async (c) => {
      const token = c.req.param('token');
      const body = await c.req.parseBody();
      const now = deps.now();
      const link = await openAccountLink(deps.handle.db, token, now);
      const lang = requestLang(c, text(body.lang) || link?.lang);
      if (!link) return c.html(<LinkPage lang={lang} token={token} link={null} />, 404);
      const password = text(body.password);
      const problem =
        password.length < MIN_PASSWORD || password.length > 1000
          ? tr(lang, 'wcPasswordShort', { n: MIN_PASSWORD })
          : password !== text(body.confirm)
            ? tr(lang, 'wcPasswordsDiffer')
            : null;
      if (problem) return c.html(<LinkPage lang={lang} token={token} link={link} error={problem} />, 400);
      const used = await useAccountLink(deps.handle.db, token, password, now);
      if (!used) return c.html(<LinkPage lang={lang} token={token} link={null} />, 404);
      return c.redirect(`/login?lang=${lang}&passwordSet=1`, 303);
    });
}
