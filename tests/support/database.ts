/**
 * A fresh, migrated database for one test file: PGlite loaded from the run's snapshot, or a copy
 * of the migrated template on the real server when DATABASE_URL is set (CI runs both).
 */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { createTestDatabase, dropTestDatabase, serverUrl } from './postgres.ts';

export const onRealServer = Boolean(process.env.DATABASE_URL);

export async function freshDatabase(options: { poolSize?: number } = {}): Promise<DatabaseHandle> {
  if (onRealServer) {
    const name = await createTestDatabase();
    const handle = await openDatabase({ url: serverUrl(name), poolSize: options.poolSize ?? 20 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await dropTestDatabase(name);
      },
    };
  }
  const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
  return openDatabase({ snapshot });
}
