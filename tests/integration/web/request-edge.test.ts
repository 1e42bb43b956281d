/**
 * What the HTTP edge refuses before any work is done, over raw HTTP on a real socket: malformed
 * decision bodies, bodies over the route's limit (declared or chunked, before login too), and the
 * security headers every page carries.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { createApiToken } from '../../../tools/auth/api-tokens.ts';
import { startSession } from '../../../tools/auth/sessions.ts';
import { MAX_DOCUMENT_BYTES } from '../../../tools/documents/store.ts';
import { createApp } from '../../../http/app.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { chunked, rawRequest } from '../../support/raw-http.ts';

let handle: DatabaseHandle;
let server: ServerType;
let port: number;
let company: Awaited<ReturnType<typeof makeCompany>>;
const tokens: Record<string, string> = {};
const now = () => new Date('2026-03-02T15:00:00Z');

/** A JSON request as raw bytes: the body is sent exactly as given, broken or not. */
function post(path: string, token: string, body: string, lang = 'en') {
  return rawRequest(
    port,
    `POST ${path} HTTP/1.1
Host: 127.0.0.1:${port}
Authorization: Bearer ${token}
Content-Type: application/json
Accept-Language: ${lang}
Content-Length: ${Buffer.byteLength(body)}
Connection: close`,
    [body],
  );
}
const get = (path: string, token: string) =>
  rawRequest(
    port,
    `GET ${path} HTTP/1.1
Host: 127.0.0.1:${port}
Authorization: Bearer ${token}
Connection: close`,
  );

async function queuedSubmission(supplierId: string) {
  const order = await post(
    '/api/tools/purchasing_create_order',
    tokens.buyer!,
    JSON.stringify({
      supplierId,
      lines: [{ description: 'Bureau', quantity: '1', unitPrice: '6000.00', treatment: 'exempt' }],
    }),
  );
  expect(order.status).toBe(200);
  const submit = await post(
    '/api/tools/purchasing_submit_order',
    tokens.buyer!,
    JSON.stringify({ orderId: JSON.parse(order.body).action.result.id }),
  );
  expect(submit.status).toBe(202);
  return JSON.parse(submit.body).action as { id: string };
}

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db, {}, now);
  for (const role of ['buyer', 'manager'] as const)
    tokens[role] = (await createApiToken(handle.db, company.tenant.id, company.user(role).id, role)).token;
  const app = createApp({ handle, config: loadConfig({ COMPTOIR_DEMO: 'false' }), now });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await handle?.close();
});

describe('a malformed decision body', () => {
  it('is refused with the parse error, and nothing is decided', async () => {
    const supplier = await post(
      '/api/tools/purchasing_create_supplier',
      tokens.buyer!,
      JSON.stringify({ name: 'Bureau Plus Inc.', province: 'QC' }),
    );
    const action = await queuedSubmission(JSON.parse(supplier.body).action.result.id);
    for (const verb of ['approve', 'reject', 'retry', 'undo']) {
      const res = await post(`/api/actions/${action.id}/${verb}`, tokens.manager!, '{"note":"ok","input":{"lines":');
      expect(res.status, verb).toBe(400);
      const { error } = JSON.parse(res.body);
      expect(error.code).toBe('invalid');
      expect(error.message).toMatch(/^The request body is not valid JSON \(.+\): nothing was done\.$/);
    }
    const french = await post(`/api/actions/${action.id}/approve`, tokens.manager!, '{"note":', 'fr');
    expect(JSON.parse(french.body).error.message).toMatch(/^Le corps de la requête n’est pas du JSON valide/);
    const after = JSON.parse((await get(`/api/actions/${action.id}`, tokens.manager!)).body);
    expect(after.action.status).toBe('pending_approval');
    expect(after.events.map((e: { type: string }) => e.type)).toEqual(['proposed', 'queued']);
  });

  it('is refused on a tool call too, instead of being read as an empty input', async () => {
    const res = await post('/api/tools/purchasing_create_supplier', tokens.buyer!, '{"name": "Acme", ');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toContain('not valid JSON');
  });

  it('still takes an empty body as a decision without a note', async () => {
    const supplier = await post(
      '/api/tools/purchasing_create_supplier',
      tokens.buyer!,
      JSON.stringify({ name: 'Papeterie Roy', province: 'QC' }),
    );
    const action = await queuedSubmission(JSON.parse(supplier.body).action.result.id);
    const res = await post(`/api/actions/${action.id}/reject`, tokens.manager!, '');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).action.status).toBe('rejected');
  });
});

const loginHead = (headers: string) => `POST /login HTTP/1.1
Host: 127.0.0.1:${port}
Origin: http://127.0.0.1:${port}
Content-Type: application/x-www-form-urlencoded
Connection: close
${headers}`;

describe('request size limits', () => {
  it('refuses a login form declaring 50 MB at once, without waiting for the body, in the person’s language', async () => {
    const fr = await rawRequest(port, loginHead('Content-Length: 52428800'), ['email=a'], 3_000);
    expect(fr.status).toBe(413);
    expect(fr.body).toContain('La requête est trop volumineuse : la limite est de 16 Ko');
    const en = await rawRequest(port, loginHead('Content-Length: 52428800\nAccept-Language: en-CA'), [], 3_000);
    expect(en.status).toBe(413);
    expect(en.body).toContain('The request is too large: the limit is 16 KB');
  });

  it('counts a chunked login form as it arrives and stops it at the limit', async () => {
    const chunks = Array.from({ length: 40 }, () => chunked(`x=${'a'.repeat(1022)}`));
    const res = await rawRequest(port, loginHead('Transfer-Encoding: chunked\nAccept-Language: en'), [
      ...chunks,
      chunked(''),
    ]);
    expect(res.status).toBe(413);
    expect(res.body).toContain('too large');
  });

  it('bounds a chunked upload by the document limit, before any session is checked', async () => {
    const piece = Buffer.alloc(1024 * 1024, 0x41);
    const parts = Array.from({ length: MAX_DOCUMENT_BYTES / piece.length + 2 }, () => chunked(piece));
    const res = await rawRequest(
      port,
      `POST /app/api/upload HTTP/1.1
Host: 127.0.0.1:${port}
Origin: http://127.0.0.1:${port}
Content-Type: multipart/form-data; boundary=x
Accept: application/json
Accept-Language: en
Transfer-Encoding: chunked
Connection: close`,
      [...parts, chunked('')],
      20_000,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({
      error: {
        code: 'too_large',
        message: 'The request is too large: the limit is 20 MB for this address.',
        details: { limitBytes: MAX_DOCUMENT_BYTES + 64 * 1024 },
      },
    });
  });

  it('keeps JSON decisions small', async () => {
    const res = await post(
      '/api/actions/00000000-0000-4000-8000-000000000000/approve',
      tokens.manager!,
      JSON.stringify({ note: 'x'.repeat(300 * 1024) }),
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('too_large');
  });
});

describe('security headers', () => {
  it('forbid framing and sniffing on every app page, the approvals inbox with its session included', async () => {
    const { token } = await startSession(handle.db, company.tenant.id, company.user('manager').id, now());
    const pages = [
      ['/app/approvals', `Cookie: comptoir_session=${token}`],
      ['/login', ''],
      ['/', ''],
    ];
    for (const [path, cookie] of pages) {
      const res = await rawRequest(
        port,
        `GET ${path} HTTP/1.1\nHost: 127.0.0.1:${port}\nConnection: close${cookie ? `\n${cookie}` : ''}`,
      );
      expect(res.status, path).toBe(200);
      expect(res.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy'], path).toContain("script-src 'self'");
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toBe('same-origin');
    }
  });
});
