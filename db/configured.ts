/**
 * The database the configuration names: a PostgreSQL server (DATABASE_URL) or the embedded PGlite in
 * COMPTOIR_DATA_DIR. Kept apart from the web server so that `comptoir mcp`, `migrate` and `token` start
 * without loading the whole web app.
 */
import { mkdirSync } from 'node:fs';
import type { Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from './client.ts';
import { lockDataFolder } from './data-lock.ts';

export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.DATABASE_URL)
    return openDatabase({
      url: config.DATABASE_URL,
      poolSize: config.DB_POOL_SIZE,
      connectTimeoutSeconds: config.DB_CONNECT_TIMEOUT_SECONDS,
      statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    });
  mkdirSync(config.COMPTOIR_DATA_DIR, { recursive: true });
  // Before PGlite touches the folder: a second process must not even open it.
  const release = lockDataFolder(config.COMPTOIR_DATA_DIR);
  try {
    const handle = await openDatabase({ dataDir: config.COMPTOIR_DATA_DIR });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
