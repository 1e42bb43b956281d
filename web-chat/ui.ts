/**
 * The browser app: login, the screens under /app (chat, approvals, documents, bank, dashboards,
 * settings), their JSON API under /app/api behind the cookie session and its CSRF token, and the
 * static assets. The approval queue and the tools are the same routes the REST API serves.
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { chatModelFrom } from '../agent/model.ts';
import { browserSession, type WebEnv } from './browser-session.ts';
import type { AppDeps } from '../http/deps.ts';
import { PAGES, shellPage, type PageName } from './pages/shell.ts';
import { actionRoutes } from './routes/actions.ts';
import { approvalsPageRoutes, decidableCount } from './routes/approvals-page.tsx';
import { bankPageRoutes } from './routes/bank-page.tsx';
import { chatRoutes } from './routes/chat.ts';
import { doPageRoutes } from './routes/do-pages.tsx';
import { registerRoutes } from './routes/registers-page.tsx';
import { clientAssetRoutes } from './routes/client-assets.ts';
import { dashboardsPageRoutes } from './routes/dashboards-page.tsx';
import { accountRoutes } from './routes/account.tsx';
import { peoplePageRoutes } from './routes/people-page.tsx';
import { loginRoutes, logoutRoute } from './routes/login.ts';
import { toolRoutes } from './routes/tools.ts';
import { workspaceRoutes } from './routes/workspace.ts';

const ASSETS: Record<string, string> = {
  'app.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'common.js': 'text/javascript; charset=utf-8',
  'chat.js': 'text/javascript; charset=utf-8',
  'documents.js': 'text/javascript; charset=utf-8',
  'settings.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};
const publicDir = new URL('./public/', import.meta.url);

export function webUi(deps: AppDeps) {
  const modelLabel = deps.chatModel ? 'scripted' : chatModelFrom(deps.config).label;
  const page = (name: PageName) => async (c: import('hono').Context<WebEnv>) =>
    c.html(
      shellPage({
        page: name,
        lang: c.get('session').lang,
        browser: c.get('browser'),
        modelLabel,
        pending: await decidableCount(c.get('session')),
      }),
    );

  const screens = new Hono<WebEnv>()
    .use('*', browserSession(deps, 'page'))
    .route('/', approvalsPageRoutes(deps))
    .route('/', bankPageRoutes())
    .route('/', doPageRoutes())
    .route('/', registerRoutes())
    .route('/', dashboardsPageRoutes(deps))
    .route('/', peoplePageRoutes(deps));
  // The approvals inbox, the bank, the registers, the dashboards and the action forms are server-rendered
  // (routes/*-page*.tsx); the other screens are still scripts.
  const rendered = new Set<PageName>(['approvals', 'bank', 'registers', 'dashboards']);
  for (const name of PAGES) if (!rendered.has(name)) screens.get(name === 'chat' ? '/' : `/${name}`, page(name));

  const api = new Hono<WebEnv>()
    .use('*', browserSession(deps, 'api'))
    .route('/', chatRoutes(deps))
    .route('/', workspaceRoutes(deps))
    .route('/', actionRoutes())
    .route('/', toolRoutes());

  return (
    new Hono()
      // Origin check for every unsafe request here; the session's CSRF token is checked on top of it.
      .use('/login', csrf())
      .use('/login/*', csrf())
      .use('/logout', csrf())
      .use('/signup', csrf())
      .use('/password/*', csrf())
      .use('/account/*', csrf())
      .use('/app/*', csrf())
      .route('/', clientAssetRoutes())
      .get('/assets/:name', (c) => {
        const name = c.req.param('name');
        const type = ASSETS[name];
        if (!type) return c.notFound();
        c.header('Content-Type', type);
        c.header('Cache-Control', 'no-cache');
        return c.body(readFileSync(new URL(name, publicDir)));
      })
      // Browsers ask for it on every page; answering spares a 404 in each console.
      .get('/favicon.ico', (c) => c.redirect('/assets/favicon.svg', 301))
      .route('/', loginRoutes(deps))
      .route('/', accountRoutes(deps))
      .post('/logout', browserSession(deps, 'page'), logoutRoute(deps))
      .route('/app/api', api)
      .route('/app', screens)
  );
}
