/**
 * Starts Comptoir: opens the database (PGlite under ./.comptoir by default), applies migrations,
 * seeds a demo company on the first start of an empty database, and serves the app.
 */
import { mkdirSync } from 'node:fs';
import { serve, type ServerType } from '@hono/node-server';
import type { Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { startJobs } from '../jobs/runner.ts';
import { seedDemo } from '../tools/demo-data.ts';
import { createApp } from './app.ts';

export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (!config.DATABASE_URL) mkdirSync(config.COMPTOIR_DATA_DIR, { recursive: true });
  return openDatabase({ url: config.DATABASE_URL, dataDir: config.DATABASE_URL ? undefined : config.COMPTOIR_DATA_DIR, poolSize: config.DB_POOL_SIZE });
}

export interface RunningServer {
  url: string;
  handle: DatabaseHandle;
  server: ServerType;
  close(): Promise<void>;
}

export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  const handle = await openConfiguredDatabase(config);
  const state = await migrate(handle);
  log(`Database: ${handle.kind === 'pglite' ? `PGlite in ${config.COMPTOIR_DATA_DIR}` : 'PostgreSQL'} · migrations applied: ${state.applied} (${state.latest})`);
  if (config.COMPTOIR_DEMO) {
    const demo = await seedDemo(handle.db);
    if (demo.created) {
      log('Demo company seeded: "Démo Comptoir" (Québec).');
      for (const u of demo.users) log(`  ${u.role.padEnd(10)} ${u.email}  password: ${u.password}`);
      log(`  API token (admin): ${demo.adminToken}`);
    }
  }
  const app = createApp({ handle, config, now: () => new Date() });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  log(`Comptoir is running at ${url}`);
  const jobs = startJobs(config, { db: handle.db, publicUrl: url, now: () => new Date() }, log);
  return {
    url,
    handle,
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs.stop();
      await handle.close();
    },
  };
}
