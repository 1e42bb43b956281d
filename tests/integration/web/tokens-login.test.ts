/**
 * API tokens record when they were last used (at most once a minute) and show it on the web and the
 * CLI; login is limited per account across IPs as well as per IP and email. Raw HTTP on a real
 * socket, from several loopback addresses standing for several client IPs.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { createApiToken, listApiTokens, tokenListLine } from '../../../tools/auth/api-tokens.ts';
import { startSession } from '../../../tools/auth/sessions.ts';
import { createTenant } from '../../../tools/tenancy.ts';
import { createApp } from '../../../http/app.ts';
import { freshDatabase } from '../../support/database.ts';
import { rawRequest } from '../../support/raw-http.ts';

let handle: DatabaseHandle;
let server: ServerType;
let port: number;
let tenantId: string;
let userId: string;
let clock = new Date('2026-03-02T15:00:00Z');

beforeAll(async () => {
  handle = await freshDatabase();
  const made = await createTenant(handle.db, { slug: 'tok-a', name: 'Atelier Jetons', province: 'QC' }, [
    { email: 'louise@jetons.test', name: 'Louise', role: 'admin', password: 'correct horse', language: 'en' },
  ]);
  tenantId = made.tenant.id;
  userId = made.users[0]!.id;
  const app = createApp({ handle, config: loadConfig({ COMPTOIR_DEMO: 'false' }), now: () => clock });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await handle?.close();
});

const get = (path: string, headers: string) =>
  rawRequest(port, `GET ${path} HTTP/1.1\nHost: 127.0.0.1:${port}\nConnection: close\n${headers}`);

describe('API token "last used"', () => {
  it('is written on use, at most once a minute, and shown in the web list and the CLI list', async () => {
    const made = await createApiToken(handle.db, tenantId, userId, 'integration');
    const lastUsed = async () => (await listApiTokens(handle.db, tenantId)).find((t) => t.id === made.id)!;
    expect((await lastUsed()).lastUsedAt).toBeNull();
    expect(tokenListLine(await lastUsed())).toMatch(/ {2}active {2}never used$/);

    const t0 = clock;
    expect((await get('/api/tools', `Authorization: Bearer ${made.token}`)).status).toBe(200);
    expect((await lastUsed()).lastUsedAt).toEqual(t0);
    clock = new Date(t0.getTime() + 30_000);
    await get('/api/tools', `Authorization: Bearer ${made.token}`);
    expect((await lastUsed()).lastUsedAt).toEqual(t0);
    clock = new Date(t0.getTime() + 61_000);
    await get('/api/tools', `Authorization: Bearer ${made.token}`);
    expect((await lastUsed()).lastUsedAt).toEqual(clock);
    expect(tokenListLine(await lastUsed())).toBe(
      `${made.id}  ${made.prefix}  integration  active  last used ${clock.toISOString()}`,
    );

    const { token: session } = await startSession(handle.db, tenantId, userId, clock);
    const web = await get('/app/api/tokens', `Cookie: comptoir_session=${session}`);
    const listed = JSON.parse(web.body).tokens.find((t: { id: string }) => t.id === made.id);
    expect(listed.lastUsedAt).toBe(clock.toISOString());
  });
});

function logIn(password: string, from: string) {
  const body = new URLSearchParams({ email: 'louise@jetons.test', password, lang: 'en' }).toString();
  return rawRequest(
    port,
    `POST /login HTTP/1.1
Host: 127.0.0.1:${port}
Origin: http://127.0.0.1:${port}
Content-Type: application/x-www-form-urlencoded
Content-Length: ${body.length}
Connection: close`,
    [body],
    10_000,
    from,
  );
}

describe('login throttling per account', () => {
  it('stops guesses spread over many IPs, even the right password, with a slower back-off', async () => {
    clock = new Date('2026-03-03T09:00:00Z');
    // Four wrong guesses from each of five addresses: no single address reaches its own limit of 5.
    for (let ip = 2; ip <= 6; ip++)
      for (let i = 0; i < 4; i++) expect((await logIn('guess', `127.0.0.${ip}`)).status).toBe(401);
    const blocked = await logIn('correct horse', '127.0.0.7');
    expect(blocked.status).toBe(429);
    // The account's window is an hour: the wait is far longer than the 15 minutes per address.
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(45 * 60);
    expect(blocked.body).toContain('Too many login attempts');
    clock = new Date(clock.getTime() + 61 * 60_000);
    expect((await logIn('correct horse', '127.0.0.7')).status).toBe(303);
  });
});
