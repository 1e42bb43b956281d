/**
 * The frame of the server-rendered screens: the same header, navigation and count as the scripted
 * screens (pages/shell.ts), but the language switch and logout are plain forms, so a screen built
 * from these components works without any script.
 */
import type { Child } from 'hono/jsx';
import type { BrowserSession } from '../../tools/auth/sessions.ts';
import type { Lang } from '../../tools/context.ts';
import { catalogue, type MessageKey } from '../i18n.ts';
import { PAGES, type PageName } from './shell.ts';

const navKey: Record<PageName, MessageKey> = {
  chat: 'navChat',
  approvals: 'navApprovals',
  registers: 'regNav',
  documents: 'navDocuments',
  bank: 'navBank',
  dashboards: 'navDashboards',
  settings: 'navSettings',
};

export interface Frame {
  lang: Lang;
  browser: BrowserSession;
  /** Actions waiting that this person may decide. */
  pending: number;
  /** The path the language switch comes back to. */
  path: string;
}

export function Layout(p: Frame & { page: PageName | 'do'; title: string; children: Child }) {
  const t = catalogue[p.lang];
  const b = p.browser;
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} · Comptoir`}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body data-page={p.page}>
        <header class="top">
          <a class="brand" href="/app">
            Comptoir
          </a>
          <nav aria-label="Comptoir">
            {PAGES.map((name) => (
              <a
                href={`/app${name === 'chat' ? '' : `/${name}`}`}
                class={name === p.page ? 'active' : ''}
                data-nav={name}
                aria-current={name === p.page ? 'page' : undefined}
              >
                {t[navKey[name]]}
                {name === 'approvals' && p.pending ? (
                  <>
                    {' '}
                    <span class="count">{p.pending}</span>
                  </>
                ) : null}
              </a>
            ))}
            {/* web-actions: every action as a form, and the exports */}
            <a
              href="/app/do"
              class={p.page === 'do' ? 'active' : ''}
              data-nav="do"
              aria-current={p.page === 'do' ? 'page' : undefined}
            >
              {t.navDo}
            </a>
          </nav>
          <div class="who">
            <span class="company">{b.tenantName}</span>
            <span class="person">
              {b.actor.name} · {t[`role_${b.actor.role}` as MessageKey]}
            </span>
            <form method="post" action="/app/lang">
              <input type="hidden" name="_csrf" value={b.csrfToken} />
              <input type="hidden" name="lang" value={t.otherLangCode} />
              <input type="hidden" name="next" value={p.path} />
              <button type="submit" class="link" id="lang-switch" lang={t.otherLangCode}>
                {t.otherLang}
              </button>
            </form>
            <form method="post" action="/logout">
              <input type="hidden" name="_csrf" value={b.csrfToken} />
              <button type="submit" class="link">
                {t.logout}
              </button>
            </form>
          </div>
        </header>
        {b.actor.role === 'viewer' ? <p class="notice readonly">{t.viewerReadOnly}</p> : null}
        <main id="view" class={`view-${p.page}`}>
          {p.children}
        </main>
      </body>
    </html>
  );
}
