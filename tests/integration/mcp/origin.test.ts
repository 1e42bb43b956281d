/**
 * The MCP endpoint checks Origin (the spec's MUST against DNS rebinding): a browser page on another
 * origin is refused with 403; loopback origins pass by default, or exactly MCP_ALLOWED_ORIGINS when
 * set; a request without Origin (a non-browser client) goes on to the token check. Raw HTTP.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { createApiToken } from '../../../tools/auth/api-tokens.ts';
import { createApp } from '../../../http/app.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { rawRequest } from '../../support/raw-http.ts';

let handle: DatabaseHandle;
let token: string;
const servers: ServerType[] = [];

async function start(env: Record<string, string>) {
  const app = createApp({ handle, config: loadConfig({ COMPTOIR_DEMO: 'false', ...env }), now: () => new Date() });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

const INIT = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

function initialize(port: number, origin?: string, lang = 'en') {
  return rawRequest(
    port,
    `POST /mcp HTTP/1.1
Host: 127.0.0.1:${port}
Authorization: Bearer ${token}
Content-Type: application/json
Accept: application/json, text/event-stream
Accept-Language: ${lang}
Content-Length: ${INIT.length}
Connection: close${origin ? `\nOrigin: ${origin}` : ''}`,
    [INIT],
  );
}

beforeAll(async () => {
  handle = await freshDatabase();
  const company = await makeCompany(handle.db);
  token = (await createApiToken(handle.db, company.tenant.id, company.user('buyer').id, 'mcp')).token;
});
afterAll(async () => {
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
  await handle?.close();
});

describe('MCP Origin check', () => {
  it('by default lets loopback origins and clients without Origin in, and refuses any other origin', async () => {
    const port = await start({});
    expect((await initialize(port)).status).toBe(200);
    expect((await initialize(port, 'http://localhost:6274')).status).toBe(200);
    expect((await initialize(port, `http://127.0.0.1:${port}`)).status).toBe(200);
    const evil = await initialize(port, 'http://attacker.example');
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body)).toEqual({
      jsonrpc: '2.0',
      error: {
        code: -32000,
        message: 'Origin refused: http://attacker.example may not call /mcp (see MCP_ALLOWED_ORIGINS).',
      },
      id: null,
    });
    const fr = await initialize(port, 'http://attacker.example', 'fr');
    expect(JSON.parse(fr.body).error.message).toMatch(/^Origine refusée : http:\/\/attacker\.example/);
    expect((await initialize(port, 'null')).status).toBe(403);
  });

  it('with MCP_ALLOWED_ORIGINS, allows exactly those origins', async () => {
    const port = await start({ MCP_ALLOWED_ORIGINS: 'https://claude.ai, https://app.example.com:8443/' });
    expect((await initialize(port, 'https://claude.ai')).status).toBe(200);
    expect((await initialize(port, 'https://app.example.com:8443')).status).toBe(200);
    expect((await initialize(port, 'http://localhost:6274')).status).toBe(403);
    expect((await initialize(port)).status).toBe(200);
  });

  it('refuses a setting that is not a list of origins', () => {
    expect(() => loadConfig({ MCP_ALLOWED_ORIGINS: 'claude.ai' })).toThrow(
      /MCP_ALLOWED_ORIGINS: not an origin: claude\.ai/,
    );
  });
});
