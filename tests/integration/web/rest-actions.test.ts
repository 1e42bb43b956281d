/** The approval queue over REST, as an integration would use it: tokens, tools, queue, decisions, errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { createApiToken, revokeApiToken } from '../../../tools/auth/api-tokens.ts';
import type { Role } from '../../../tools/context.ts';
import { createApp } from '../../../http/app.ts';
import { makeCompany, ROLES } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let app: ReturnType<typeof createApp>;
let company: Awaited<ReturnType<typeof makeCompany>>;
const tokens = {} as Record<Role, string>;
let supplierId: string;

async function call(
  role: Role | string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const token = role in tokens ? tokens[role as Role] : role;
  const res = await app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'accept-language': 'en',
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function queuedSubmission(total: string) {
  const order = await call('buyer', 'POST', '/api/tools/purchasing_create_order', {
    supplierId,
    lines: [{ description: 'Bureau', quantity: '1', unitPrice: total, treatment: 'exempt' }],
  });
  expect(order.status).toBe(200);
  const submit = await call('buyer', 'POST', '/api/tools/purchasing_submit_order', {
    orderId: order.body.action.result.id,
  });
  expect(submit.status).toBe(202);
  return submit.body.action as { id: string; number: number };
}

beforeAll(async () => {
  handle = await freshDatabase();
  const now = () => new Date('2026-03-02T15:00:00Z');
  company = await makeCompany(handle.db, {}, now);
  for (const role of ROLES)
    tokens[role] = (await createApiToken(handle.db, company.tenant.id, company.user(role).id, role)).token;
  app = createApp({ handle, config: loadConfig({}), now });
  const supplier = await call('buyer', 'POST', '/api/tools/purchasing_create_supplier', {
    name: 'Bureau Plus Inc.',
    province: 'QC',
  });
  supplierId = supplier.body.action.result.id;
});
afterAll(() => handle?.close());

describe('REST', () => {
  it('refuses a missing, unknown or revoked token with the one error shape', async () => {
    const missing = await app.request('/api/tools');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      error: {
        code: 'unauthorized',
        message: 'Missing API token: send "Authorization: Bearer <token>".',
        details: null,
      },
    });
    const unknown = await call(`cpt_${company.tenant.id.replaceAll('-', '')}_${'x'.repeat(43)}`, 'GET', '/api/tools');
    expect(unknown).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    const made = await createApiToken(handle.db, company.tenant.id, company.user('admin').id, 'to revoke');
    await revokeApiToken(handle.db, company.tenant.id, made.id);
    expect((await call(made.token, 'GET', '/api/tools')).status).toBe(401);
  });

  it('lists the tools with their JSON schemas', async () => {
    const { status, body } = await call('viewer', 'GET', '/api/tools');
    expect(status).toBe(200);
    const create = body.tools.find((t: { name: string }) => t.name === 'purchasing_create_order');
    expect(create).toMatchObject({
      kind: 'write',
      risk: 'draft',
      input: { type: 'object', required: expect.arrayContaining(['supplierId', 'lines']) },
    });
  });

  it('answers bad input with 400 and the field in the message', async () => {
    const { status, body } = await call('buyer', 'POST', '/api/tools/purchasing_create_order', {
      supplierId,
      lines: [],
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid');
    expect(body.error.message).toContain('lines');
  });

  it('refuses a viewer’s write with 403', async () => {
    const { status, body } = await call('viewer', 'POST', '/api/tools/purchasing_create_supplier', { name: 'X' });
    expect(status).toBe(403);
    expect(body.error.message).toBe('Viewers can read but not change anything.');
  });

  it('queues, lists, approves once, and shows the audit trail', async () => {
    const action = await queuedSubmission('6000.00');
    const pending = await call('manager', 'GET', '/api/actions?status=pending_approval');
    expect(pending.body.actions.map((a: { id: string }) => a.id)).toContain(action.id);
    const listed = pending.body.actions.find((a: { id: string }) => a.id === action.id);
    expect(listed).toMatchObject({ requiredLevel: 2, amount: '6000.00', currency: 'CAD', source: 'rest', byAi: false });

    const refused = await call('accountant', 'POST', `/api/actions/${action.id}/approve`, {});
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const approved = await call('manager', 'POST', `/api/actions/${action.id}/approve`, { note: 'ok' });
    expect(approved.status).toBe(200);
    expect(approved.body.action.status).toBe('executed');
    const again = await call('admin', 'POST', `/api/actions/${action.id}/approve`, {});
    expect(again).toMatchObject({
      status: 409,
      body: {
        error: { code: 'conflict', message: `Action #${action.number} was already decided (status: executed).` },
      },
    });

    const detail = await call('viewer', 'GET', `/api/actions/${action.id}`);
    expect(detail.body.events.map((e: { type: string }) => e.type)).toEqual([
      'proposed',
      'queued',
      'approved',
      'executed',
    ]);
  });

  it('bulk-approves, reporting each refusal without stopping the others', async () => {
    const small = await queuedSubmission('1500.00');
    const big = await queuedSubmission('15000.00');
    const { status, body } = await call('manager', 'POST', '/api/actions/bulk-approve', { ids: [small.id, big.id] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ approved: 1, refused: 1 });
    expect(body.results[1]).toMatchObject({ id: big.id, ok: false, error: { code: 'forbidden' } });
  });

  it('rejects with a note, and the activity feed shows decided actions', async () => {
    const action = await queuedSubmission('2500.00');
    const rejected = await call('manager', 'POST', `/api/actions/${action.id}/reject`, { note: 'Over budget' });
    expect(rejected.body.action.status).toBe('rejected');
    const feed = await call('viewer', 'GET', '/api/activity');
    expect(feed.body.actions.find((a: { id: string }) => a.id === action.id)).toMatchObject({ status: 'rejected' });
  });

  it('honours the Idempotency-Key header', async () => {
    const body = { name: 'Papeterie Laval' };
    const first = await call('buyer', 'POST', '/api/tools/purchasing_create_supplier', body, {
      'idempotency-key': 'sup-laval-1',
    });
    const second = await call('buyer', 'POST', '/api/tools/purchasing_create_supplier', body, {
      'idempotency-key': 'sup-laval-1',
    });
    expect(second.body.action).toMatchObject({ id: first.body.action.id, duplicate: true });
  });

  it('answers an unknown route with the error shape', async () => {
    const { status, body } = await call('viewer', 'GET', '/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});
