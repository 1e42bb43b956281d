/**
 * The page every screen of the app shares: header, navigation, language switch, logout; the screen
 * itself is drawn by its script (web-chat/public/<page>.js) from the JSON API.
 */
import { html, raw } from 'hono/html';
import type { BrowserSession } from '../../tools/auth/sessions.ts';
import type { Lang } from '../../tools/context.ts';
import { catalogue, type MessageKey } from '../i18n.ts';
import { billFieldLabels, evidenceLabels, frenchToolTitles } from '../tool-words.ts';

export const PAGES = ['chat', 'approvals', 'registers', 'documents', 'bank', 'dashboards', 'settings'] as const;
export type PageName = (typeof PAGES)[number];

const navKey: Record<PageName, MessageKey> = {
  chat: 'navChat',
  approvals: 'navApprovals',
  registers: 'regNav',
  documents: 'navDocuments',
  bank: 'navBank',
  dashboards: 'navDashboards',
  settings: 'navSettings',
};

/** JSON inside a script element: "</script>" and friends must not end it early. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

export function shellPage(p: {
  page: PageName;
  lang: Lang;
  browser: BrowserSession;
  modelLabel: string;
  pending: number;
}) {
  const t = catalogue[p.lang];
  const b = p.browser;
  const boot = {
    page: p.page,
    lang: p.lang,
    csrf: b.csrfToken,
    me: {
      id: b.actor.userId,
      name: b.actor.name,
      role: b.actor.role,
      email: b.email,
      company: b.tenantName,
      canWrite: b.actor.role !== 'viewer',
      isAdmin: b.actor.role === 'admin',
    },
    model: p.modelLabel,
    t,
    toolTitles: p.lang === 'fr' ? frenchToolTitles : {},
    evidence: evidenceLabels[p.lang],
    fields: billFieldLabels[p.lang],
  };
  return html`<!doctype html>
<html lang="${p.lang}">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>${t[navKey[p.page]]} · Comptoir</title>
  <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
  <link rel="stylesheet" href="/assets/app.css" />
</head>
<body data-page="${p.page}">
  <header class="top">
    <a class="brand" href="/app">Comptoir</a>
    <nav>
      ${PAGES.map((name) => html`<a href="/app${name === 'chat' ? '' : `/${name}`}" class="${name === p.page ? 'active' : ''}" data-nav="${name}">${t[navKey[name]]}${name === 'approvals' && p.pending ? html` <span class="count">${p.pending}</span>` : ''}</a>`)}
      <a href="/app/do" data-nav="do">${t.navDo}</a>
    </nav>
    <div class="who">
      <span class="company">${b.tenantName}</span>
      <span class="person">${b.actor.name} · ${t[`role_${b.actor.role}` as MessageKey]}</span>
      <button type="button" class="link" id="lang-switch" data-lang="${t.otherLangCode}">${t.otherLang}</button>
      <form method="post" action="/logout"><input type="hidden" name="_csrf" value="${b.csrfToken}" /><button type="submit" class="link">${t.logout}</button></form>
    </div>
  </header>
  ${b.actor.role === 'viewer' ? html`<p class="notice readonly">${t.viewerReadOnly}</p>` : ''}
  <main id="view" class="view-${p.page}"></main>
  <script id="boot" type="application/json">${raw(scriptJson(boot))}</script>
  <script type="module" src="/assets/app.js"></script>
</body>
</html>`;
}
