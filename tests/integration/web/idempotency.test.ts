/**
 * Idempotency-Key over HTTP, scoped like Stripe's: a key belongs to one person and one tool; a retry
 * with the same body returns the first action; the same key with another body is a 409 that says so;
 * after 24 hours the key is free again.
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

let handle: DatabaseHandle;
let server: ServerType;
let base: string;
let clock = new Date('2026-03-02T15:00:00Z');
const tokens: Record<string, string> = {};

async function call(role: string, tool: string, body: unknown, key: string, lang = 'en') {
  const res = await fetch(`${base}/api/tools/${tool}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${tokens[role]}`,
      'content-type': 'application/json',
      'accept-language': lang,
      'idempotency-key': key,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  handle = await freshDatabase();
  const now = () => clock;
  const company = await makeCompany(handle.db, {}, now);
  for (const role of ['buyer', 'accountant'] as const)
    tokens[role] = (await createApiToken(handle.db, company.tenant.id, company.user(role).id, role)).token;
  const app = createApp({ handle, config: loadConfig({ COMPTOIR_DEMO: 'false' }), now });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await handle?.close();
});

describe('Idempotency-Key', () => {
  it('returns the first action to a retry with the same body', async () => {
    const first = await call('buyer', 'purchasing_create_supplier', { name: 'Papeterie Laval' }, 'k-retry');
    const again = await call('buyer', 'purchasing_create_supplier', { name: 'Papeterie Laval' }, 'k-retry');
    expect(first.status).toBe(200);
    expect(again.body.action).toMatchObject({ id: first.body.action.id, duplicate: true });
  });

  it('belongs to one tool: the same key on another tool makes its own action', async () => {
    const supplier = await call('buyer', 'purchasing_create_supplier', { name: 'Bureau Plus Inc.' }, 'k-tool');
    const client = await call('buyer', 'invoicing_create_client', { name: 'Client Nord', province: 'QC' }, 'k-tool');
    expect(client.status).toBe(200);
    expect(client.body.action.tool).toBe('invoicing_create_client');
    expect(client.body.action.id).not.toBe(supplier.body.action.id);
    expect(client.body.action.duplicate).toBe(false);
  });

  it('belongs to one person: another person’s same key makes their own action', async () => {
    const mine = await call('buyer', 'invoicing_create_client', { name: 'Client Sud', province: 'QC' }, 'k-person');
    const theirs = await call(
      'accountant',
      'invoicing_create_client',
      { name: 'Client Est', province: 'QC' },
      'k-person',
    );
    expect(theirs.status).toBe(200);
    expect(theirs.body.action.id).not.toBe(mine.body.action.id);
    expect(theirs.body.action.result.name).toBe('Client Est');
  });

  it('refuses the same key with a different body, saying so, and runs nothing', async () => {
    const first = await call('buyer', 'purchasing_create_supplier', { name: 'Acier Québec' }, 'k-body');
    const other = await call('buyer', 'purchasing_create_supplier', { name: 'Acier Montréal' }, 'k-body');
    expect(other.status).toBe(409);
    expect(other.body.error).toEqual({
      code: 'conflict',
      message: `Idempotency key "k-body" was already used for a different purchasing_create_supplier request (action #${first.body.action.number}): nothing was done. Use a new key for a new request.`,
      details: { reason: 'idempotency_key_reused', actionId: first.body.action.id },
    });
    const fr = await call('buyer', 'purchasing_create_supplier', { name: 'Acier Laval' }, 'k-body', 'fr');
    expect(fr.body.error.message).toMatch(/^La clé d'idempotence « k-body » a déjà servi pour une autre requête/);
  });

  it('expires after 24 hours: the key then makes a new action', async () => {
    const first = await call('buyer', 'invoicing_create_client', { name: 'Client Ouest', province: 'QC' }, 'k-day');
    clock = new Date(clock.getTime() + 23 * 3_600_000);
    const within = await call('buyer', 'invoicing_create_client', { name: 'Client Ouest', province: 'QC' }, 'k-day');
    expect(within.body.action).toMatchObject({ id: first.body.action.id, duplicate: true });
    clock = new Date(clock.getTime() + 2 * 3_600_000);
    const later = await call('buyer', 'invoicing_create_client', { name: 'Client Ouest 2', province: 'QC' }, 'k-day');
    expect(later.status).toBe(200);
    expect(later.body.action.id).not.toBe(first.body.action.id);
    expect(later.body.action.duplicate).toBe(false);
  });
});
