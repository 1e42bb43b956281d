// MCP sessions live in the database: behind a round-robin proxy over two instances the SDK client
// connects and works (each request lands on the other instance), a session outlives the instance that
// opened it, and a session its client ended on one instance is gone on the other too.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { createApiToken } from '../../../tools/auth/api-tokens.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { serve } from '@hono/node-server';
import { loadConfig } from '../../../config.ts';
import { createApp } from '../../../http/app.ts';
import { connectHttp, type RunningApp } from '../mcp/harness.ts';

/** An instance of the app on its own port; closing it also cuts its open streams, as a stopped process would. */
async function serveApp(db: DatabaseHandle): Promise<RunningApp> {
  const app = createApp({ handle: db, config: loadConfig({ COMPTOIR_DEMO: 'false' }), now: () => new Date() });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s as Server));
  });
  return {
    url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let handle: DatabaseHandle;
let token: string;
const instances: RunningApp[] = [];
const proxies: Server[] = [];
/** Instances behind the proxy, in turn; each request goes to the next one. */
let pool: RunningApp[] = [];
let turn = 0;
const served: number[] = [];

function roundRobin(): Promise<URL> {
  const proxy = createServer((req, res) => {
    const index = turn++ % pool.length;
    const target = pool[index]!;
    served.push(instances.indexOf(target));
    const upstream = httpRequest(
      { host: '127.0.0.1', port: target.url.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  proxies.push(proxy);
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () =>
      resolve(new URL(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}/mcp`)),
    ),
  );
}

beforeAll(async () => {
  handle = await freshDatabase();
  const company = await makeCompany(handle.db);
  token = (await createApiToken(handle.db, company.tenant.id, company.user('buyer').id, 'mcp')).token;
  instances.push(await serveApp(handle), await serveApp(handle));
  pool = [instances[0]!, instances[1]!];
});
afterAll(async () => {
  for (const proxy of proxies) {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
  for (const instance of instances) await instance.close().catch(() => {});
  await handle?.close();
});

describe('MCP sessions across instances', () => {
  it('an SDK client behind a round-robin proxy connects, lists and calls, every request on the other instance', async () => {
    const url = await roundRobin();
    const { client, transport } = await connectHttp(url, token, { lang: 'en' });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('purchasing_create_supplier');
    const created = await client.callTool({
      name: 'purchasing_create_supplier',
      arguments: { name: 'Fournitures Round Robin' },
    });
    expect(created.isError).toBeFalsy();
    const { action } = created.structuredContent as { action: { id: string; number: number } };
    const read = await client.callTool({ name: 'actions_get', arguments: { actionId: action.id } });
    expect(read.structuredContent).toMatchObject({ action: { id: action.id, number: action.number } });
    // Both instances answered requests of this one session.
    expect(new Set(served)).toEqual(new Set([0, 1]));
    expect(transport.sessionId).toBeDefined();
    await client.close();
  });

  it('a session outlives the instance that opened it, and ending it on one instance ends it everywhere', async () => {
    pool = [instances[0]!];
    const url = await roundRobin();
    const { client, transport } = await connectHttp(url, token, { lang: 'en' });
    const sessionId = transport.sessionId!;
    await client.listTools();
    // The instance that opened the session goes away; a new one takes its place.
    await instances[0]!.close();
    instances.push(await serveApp(handle));
    pool = [instances[2]!, instances[1]!];
    const found = await client.callTool({ name: 'purchasing_find_suppliers', arguments: { query: '' } });
    expect(found.isError).toBeFalsy();
    expect(transport.sessionId).toBe(sessionId);
    // The client ends its session (DELETE) on one instance; the other then knows it no more.
    await transport.terminateSession();
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the other instance's recheck window
    for (const instance of [instances[1]!, instances[2]!]) {
      const response = await fetch(instance.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-session-id': sessionId,
          'mcp-protocol-version': '2025-06-18',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
      });
      expect(response.status).toBe(404);
    }
  });
});
