/**
 * The pages before a session: creating a company, asking for a password reset, and the page a
 * one-time link opens to choose a password. Plain forms in the login page's card; no script needed.
 */
import type { Child } from 'hono/jsx';
import { PROVINCES } from '../../tools/tax/rates.ts';
import type { Lang } from '../../tools/context.ts';
import { catalogue } from '../i18n.ts';

function Card(p: { lang: Lang; title: string; switchTo: string; children: Child }) {
  const t = catalogue[p.lang];
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} · Comptoir`}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body class="login">
        <main class="login-card">
          <a class="lang-switch" href={p.switchTo} lang={t.otherLangCode}>
            {t.otherLang}
          </a>
          <h1>Comptoir</h1>
          {p.children}
        </main>
      </body>
    </html>
  );
}

const other = (lang: Lang) => (lang === 'fr' ? 'en' : 'fr');

function Field(p: { name: string; label: string; error?: string | undefined; children: Child }) {
  return (
    <div class="form-field">
      <label for={p.name}>{p.label}</label>
      {p.children}
      {p.error ? (
        <span class="field-error" id={`${p.name}-error`}>
          {p.error}
        </span>
      ) : null}
    </div>
  );
}

export interface SignUpView {
  lang: Lang;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  alert?: string;
}

export function SignUpPage(v: SignUpView) {
  const t = catalogue[v.lang];
  const val = (k: string) => v.values?.[k] ?? '';
  const err = (k: string) => v.errors?.[k];
  const described = (k: string) => (err(k) ? { 'aria-invalid': 'true', 'aria-describedby': `${k}-error` } : {});
  const country = val('country') || 'CA';
  return (
    <Card lang={v.lang} title={t.wcSignUpTitle} switchTo={`/signup?lang=${other(v.lang)}`}>
      <h2>{t.wcSignUpTitle}</h2>
      <p class="lead">{t.wcSignUpLead}</p>
      {v.alert ? (
        <p class="alert" role="alert">
          {v.alert}
        </p>
      ) : null}
      <form method="post" action="/signup" class="stack company-form" novalidate>
        <input type="hidden" name="lang" value={v.lang} />
        <Field name="companyName" label={t.wcCompanyName} error={err('companyName')}>
          <input
            id="companyName"
            name="companyName"
            required
            autocomplete="organization"
            value={val('companyName')}
            {...described('companyName')}
          />
        </Field>
        <Field name="country" label={t.wcCountry} error={err('country')}>
          <select id="country" name="country" {...described('country')}>
            <option value="CA" selected={country === 'CA'}>
              {t.wcCanada}
            </option>
            <option value="FR" selected={country === 'FR'}>
              {t.wcFrance}
            </option>
          </select>
        </Field>
        <Field name="province" label={t.wcProvince} error={err('province')}>
          <select id="province" name="province" {...described('province')}>
            <option value="">{t.wcNoProvince}</option>
            {PROVINCES.map((p) => (
              <option value={p} selected={(val('province') || 'QC') === p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
        <Field name="adminName" label={t.wcYourName} error={err('adminName')}>
          <input
            id="adminName"
            name="adminName"
            required
            autocomplete="name"
            value={val('adminName')}
            {...described('adminName')}
          />
        </Field>
        <Field name="email" label={t.email} error={err('email')}>
          <input
            type="email"
            id="email"
            name="email"
            required
            autocomplete="email"
            value={val('email')}
            {...described('email')}
          />
        </Field>
        <Field name="password" label={t.wcNewPassword} error={err('password')}>
          <input
            type="password"
            id="password"
            name="password"
            required
            autocomplete="new-password"
            {...described('password')}
          />
        </Field>
        <button type="submit" class="primary">
          {t.wcCreateCompany}
        </button>
      </form>
      <p>
        <a href={`/login?lang=${v.lang}`}>{t.wcHaveAccount}</a>
      </p>
    </Card>
  );
}

export function ForgotPage(v: { lang: Lang; sent?: boolean; alert?: string }) {
  const t = catalogue[v.lang];
  return (
    <Card lang={v.lang} title={t.wcForgotTitle} switchTo={`/password/forgot?lang=${other(v.lang)}`}>
      <h2>{t.wcForgotTitle}</h2>
      {v.alert ? (
        <p class="alert" role="alert">
          {v.alert}
        </p>
      ) : null}
      {v.sent ? (
        <p class="notice ok" role="status">
          {t.wcForgotSent}
        </p>
      ) : (
        <>
          <p class="lead">{t.wcForgotLead}</p>
          <form method="post" action="/password/forgot" class="stack">
            <input type="hidden" name="lang" value={v.lang} />
            <label>
              {t.email}
              <input type="email" name="email" required autocomplete="username" />
            </label>
            <button type="submit" class="primary">
              {t.wcSendLink}
            </button>
          </form>
        </>
      )}
      <p>
        <a href={`/login?lang=${v.lang}`}>{t.wcBackToLogin}</a>
      </p>
    </Card>
  );
}

export function LinkPage(v: {
  lang: Lang;
  token: string;
  link: { purpose: 'invite' | 'reset'; name: string; email: string; companyName: string } | null;
  error?: string;
}) {
  const t = catalogue[v.lang];
  if (!v.link)
    return (
      <Card lang={v.lang} title={t.wcLinkDeadTitle} switchTo={`?lang=${other(v.lang)}`}>
        <h2>{t.wcLinkDeadTitle}</h2>
        <p class="alert" role="alert">
          {t.wcLinkDead}
        </p>
        <p>
          <a href={`/password/forgot?lang=${v.lang}`}>{t.wcForgotTitle}</a>
        </p>
      </Card>
    );
  const title = v.link.purpose === 'invite' ? t.wcInviteWelcome : t.wcResetTitle;
  return (
    <Card lang={v.lang} title={title} switchTo={`?lang=${other(v.lang)}`}>
      <h2>{title}</h2>
      <p class="lead">
        {v.link.name} · {v.link.email} · {v.link.companyName}
      </p>
      {v.error ? (
        <p class="alert" role="alert">
          {v.error}
        </p>
      ) : null}
      <form method="post" class="stack">
        <input type="hidden" name="lang" value={v.lang} />
        <input type="hidden" name="username" value={v.link.email} autocomplete="username" />
        <label>
          {t.wcNewPassword}
          <input type="password" name="password" required autocomplete="new-password" />
        </label>
        <label>
          {t.wcConfirmPassword}
          <input type="password" name="confirm" required autocomplete="new-password" />
        </label>
        <button type="submit" class="primary">
          {t.wcSetPassword}
        </button>
      </form>
    </Card>
  );
}
