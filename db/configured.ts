/**
 * The database the configuration names: a PostgreSQL server (DATABASE_URL) or the embedded PGlite in
 * COMPTOIR_DATA_DIR. Kept apart from the web server so that `comptoir mcp`, `migrate` and `token` start
 * without loading the whole web app.
 */
import { mkdirSync } from 'node:fs';
import type { Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from './client.ts';

export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (!config.DATABASE_URL) mkdirSync(config.COMPTOIR_DATA_DIR, { recursive: true });
  return openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : config.COMPTOIR_DATA_DIR,
    poolSize: config.DB_POOL_SIZE,
  });
}
