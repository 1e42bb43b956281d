/** The login page, and the company chooser when one email opens several companies. No script needed. */
import { html } from 'hono/html';
import type { Lang } from '../../tools/context.ts';
import { catalogue } from '../i18n.ts';

export interface LoginView {
  lang: Lang;
  email?: string;
  error?: string;
  /** A confirmation shown above the form (a password just set through a link). */
  notice?: string;
  next?: string;
  choice?: { nonce: string; companies: { tenantId: string; name: string }[] };
}

export function loginPage(v: LoginView) {
  const t = catalogue[v.lang];
  const other = v.lang === 'fr' ? 'en' : 'fr';
  return html`<!doctype html>
<html lang="${v.lang}">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>${t.loginTitle} · Comptoir</title>
  <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
  <link rel="stylesheet" href="/assets/app.css" />
</head>
<body class="login">
  <main class="login-card">
    <a class="lang-switch" href="/login?lang=${other}">${t.otherLang}</a>
    <h1>Comptoir</h1>
    <p class="lead">${t.loginLead}</p>
    ${v.notice ? html`<p class="notice ok" role="status">${v.notice}</p>` : ''}
    ${v.error ? html`<p class="alert" role="alert">${v.error}</p>` : ''}
    ${
      v.choice
        ? html`<h2>${t.chooseCompany}</h2><p>${t.chooseLead}</p>
        <form method="post" action="/login/choose" class="stack">
          <input type="hidden" name="nonce" value="${v.choice.nonce}" />
          <input type="hidden" name="lang" value="${v.lang}" />
          ${v.choice.companies.map((c) => html`<button type="submit" name="tenantId" value="${c.tenantId}" class="choice">${c.name}</button>`)}
        </form>`
        : html`<form method="post" action="/login" class="stack">
          <input type="hidden" name="lang" value="${v.lang}" />
          <input type="hidden" name="next" value="${v.next ?? ''}" />
          <label>${t.email}<input type="email" name="email" autocomplete="username" required value="${v.email ?? ''}" /></label>
          <label>${t.password}<input type="password" name="password" autocomplete="current-password" required /></label>
          <button type="submit" class="primary">${t.signIn}</button>
        </form>
        <p class="login-links"><a href="/password/forgot?lang=${v.lang}">${t.wcForgotLink}</a> · <a href="/signup?lang=${v.lang}">${t.wcSignUpLink}</a></p>`
    }
  </main>
</body>
</html>`;
}
