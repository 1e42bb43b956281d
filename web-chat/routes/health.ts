/** /health: is the app up, which database does it use, and at which migration. */
import { Hono } from 'hono';
import { migrationState } from '../../db/migrate.ts';
import type { AppDeps } from '../deps.ts';

export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/health', async (c) => {
    const migrations = await migrationState(deps.handle);
    await deps.handle.raw('SELECT 1');
    return c.json({ status: 'ok', database: deps.handle.kind, migrations, time: deps.now().toISOString() });
  });
}
