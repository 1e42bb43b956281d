/**
 * /api/inngest: the endpoint an Inngest server calls to run Comptoir's jobs, mounted only when one
 * is configured (INNGEST_EVENT_KEY or INNGEST_BASE_URL). Without one the in-process runner runs the
 * same jobs and this route does not exist. Inngest signs its requests; the bearer auth of /api does
 * not apply here.
 */
import { Hono } from 'hono';
import { serve } from 'inngest/hono';
import { createJobClient, inngestConfigured } from '../../jobs/client.ts';
import { inngestFunctions } from '../../jobs/index.ts';
import type { AppDeps } from '../../http/deps.ts';

export function inngestRoutes(deps: AppDeps) {
  const routes = new Hono();
  if (!inngestConfigured(deps.config)) return routes;
  const client = createJobClient(deps.config);
  const handler = serve({
    client,
    functions: inngestFunctions(client, {
      db: deps.handle.db,
      publicUrl: deps.config.publicUrl,
      now: deps.now,
      config: deps.config,
    }),
    servePath: '/api/inngest',
  });
  return routes.on(['GET', 'POST', 'PUT'], '/api/inngest', (c) => handler(c));
}
