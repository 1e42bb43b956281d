// While PostgreSQL cannot be reached, requests are refused at once with 503 and Retry-After, /health
// says so within a second, and everything works again when the database is back, without a restart.
// PostgreSQL only: the outage is a proxy between the app and the server that stops answering.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { openDatabase, type DatabaseHandle } from '../../../db/client.ts';
import { createApiToken } from '../../../tools/auth/api-tokens.ts';
import { createApp } from '../../../http/app.ts';
import { makeCompany } from '../../support/company.ts';
import { onRealServer } from '../../support/database.ts';
import { createTestDatabase, dropTestDatabase, serverUrl } from '../../support/postgres.ts';

/** A TCP proxy to PostgreSQL that can go silent: connections then open and hang, as with a host gone. */
function outageProxy(target: URL) {
  let up = true;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => {});
    if (!up) return; // accepted, never answered
    const upstream = createConnection(Number(target.port || 5432), target.hostname);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
    open.add(upstream);
    upstream.on('close', () => open.delete(upstream));
  });
  return {
    listen: () =>
      new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port))),
    down() {
      up = false;
      for (const s of open) s.destroy();
    },
    up() {
      up = true;
    },
    close: () => {
      for (const s of open) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe.skipIf(!onRealServer)('a database outage', () => {
  let database = '';
  let direct: DatabaseHandle;
  let proxied: DatabaseHandle;
  let proxy: ReturnType<typeof outageProxy>;
  let token = '';
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await createTestDatabase();
    direct = await openDatabase({ url: serverUrl(database), poolSize: 2 });
    const co = await makeCompany(direct.db);
    token = (await createApiToken(direct.db, co.tenant.id, co.user('admin').id, 'outage')).token;
    proxy = outageProxy(new URL(serverUrl(database)));
    const url = new URL(serverUrl(database));
    url.host = `127.0.0.1:${await proxy.listen()}`;
    proxied = await openDatabase({ url: url.toString(), poolSize: 4, connectTimeoutSeconds: 1 });
    app = createApp({ handle: proxied, config: loadConfig({}), now: () => new Date() });
  });
  afterAll(async () => {
    await proxied?.close().catch(() => {});
    await proxy?.close();
    await direct?.close();
    if (database) await dropTestDatabase(database);
  });

  const timed = async (path: string) => {
    const started = Date.now();
    const res = await app.request(path, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } });
    return { res, ms: Date.now() - started, body: (await res.json()) as Record<string, unknown> };
  };

  it('answers 503 with Retry-After at once while the database is gone, /health within a second, and recovers', async () => {
    expect((await timed('/health')).res.status).toBe(200);
    expect((await timed('/api/tools')).res.status).toBe(200);

    proxy.down();
    const health = await timed('/health');
    expect(health.ms).toBeLessThan(1_500);
    expect(health.res.status).toBe(503);
    expect(health.res.headers.get('retry-after')).toBeTruthy();
    expect(health.body).toMatchObject({ status: 'unavailable', reachable: false, database: 'postgres' });

    const refused = await timed('/api/tools');
    expect(refused.ms).toBeLessThan(1_000);
    expect(refused.res.status).toBe(503);
    expect(refused.res.headers.get('retry-after')).toBe('2');
    expect(refused.body).toMatchObject({
      error: { code: 'unavailable', message: expect.stringContaining('Try again') },
    });

    proxy.up();
    let back = await timed('/health');
    for (let i = 0; i < 20 && back.res.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500));
      back = await timed('/health');
    }
    expect(back.res.status).toBe(200);
    expect((await timed('/api/tools')).res.status).toBe(200);
  }, 60_000);
});
