/** The Hono application: pages, JSON API and health, built from its dependencies (no globals). */
import { Hono } from 'hono';
import { watchDatabase } from '../db/availability.ts';
import { migrationState } from '../db/migrate.ts';
import { mcpRoutes } from '../mcp-server/http.ts';
import { bearerAuth } from './auth.ts';
import { requestBodyLimits } from './body-limits.ts';
import { securityHeaders } from './security-headers.ts';
import type { AppDeps, AppEnv } from './deps.ts';
import { notFoundRoute, onError, unavailable } from './errors.ts';
import { homePage } from '../web-chat/pages/home.ts';
import { eventsFor } from '../email/events.ts';
import { inboundWebhook } from '../email/webhook.ts';
import { actionRoutes } from '../web-chat/routes/actions.ts';
import { exportRoutes } from '../web-chat/routes/exports.ts';
import { approvalLinkRoutes } from '../web-chat/routes/approval-links.ts';
import { healthRoutes } from '../web-chat/routes/health.ts';
import { invoiceRoutes } from '../web-chat/routes/invoices.ts';
import { inngestRoutes } from '../web-chat/routes/inngest.ts';
import { toolRoutes } from '../web-chat/routes/tools.ts';
import { webUi } from '../web-chat/ui.ts';

export function createApp(deps: AppDeps) {
  const database = deps.database ?? watchDatabase(deps.handle);
  const api = new Hono<AppEnv>()
    .use('*', bearerAuth(deps))
    .route('/', toolRoutes())
    .route('/', actionRoutes())
    .route('/', invoiceRoutes())
    .route('/', exportRoutes());
  const app = new Hono()
    // Before every route, and so before any login: see each module for why.
    .use('*', securityHeaders({ https: Boolean(deps.config.PUBLIC_URL?.startsWith('https:')) }))
    .use('*', requestBodyLimits())
    // While the database cannot be reached, refuse at once rather than let each request wait for a connection.
    .use('*', async (c, next) => {
      if (database.down() && c.req.path !== '/health') return unavailable(c);
      await next();
    })
    .route('/', healthRoutes(deps, database))
    .get('/', async (c) => {
      const asked = c.req.query('lang') ?? c.req.header('accept-language') ?? 'fr';
      const lang = asked.toLowerCase().startsWith('en') ? 'en' : 'fr';
      const { latest } = await migrationState(deps.handle);
      return c.html(
        homePage({
          database: deps.handle.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL',
          migration: latest,
          lang,
        }),
      );
    })
    .route('/', mcpRoutes(deps))
    .route('/', webUi(deps))
    .route('/', approvalLinkRoutes(deps))
    .route('/', inngestRoutes(deps))
    .route(
      '/',
      inboundWebhook(deps.handle.db, {
        domain: deps.config.MAIL_DOMAIN,
        secret: deps.config.INBOUND_WEBHOOK_SECRET,
        onReceived: async (o) => void (await deps.sendEvents?.(eventsFor(o))),
      }),
    )
    .route('/api', api);
  app.onError((err, c) => {
    database.report(err);
    return onError(err, c);
  });
  app.notFound(notFoundRoute);
  return app;
}
