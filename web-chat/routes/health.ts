/**
 * /health: answers within a second whether the app can reach its database, which one, and at which
 * migration. 200 when the database answered; 503 with Retry-After when it did not (a load balancer
 * then sends traffic elsewhere; the process itself stays up and recovers by itself).
 */
import { Hono } from 'hono';
import type { DatabaseWatch } from '../../db/availability.ts';
import { migrationState } from '../../db/migrate.ts';
import type { AppDeps } from '../../http/deps.ts';
import { RETRY_AFTER_SECONDS } from '../../http/errors.ts';

export function healthRoutes(deps: AppDeps, database: DatabaseWatch) {
  return new Hono().get('/health', async (c) => {
    const reached = await database.check(900);
    const time = deps.now().toISOString();
    if (!reached.reachable) {
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return c.json(
        {
          status: 'unavailable',
          database: deps.handle.kind,
          reachable: false,
          error: reached.error,
          time,
        },
        503,
      );
    }
    const migrations = await migrationState(deps.handle);
    return c.json({ status: 'ok', database: deps.handle.kind, reachable: true, migrations, time });
  });
}
