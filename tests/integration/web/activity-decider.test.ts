/**
 * The activity feed says who decided each action — a person by name, or the policy when the AI's
 * action ran on its own — and whether the person asking may undo it, by the same rule as the undo route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { propose } from '../../../tools/actions/door.ts';
import { createApiToken } from '../../../tools/auth/api-tokens.ts';
import type { Role } from '../../../tools/context.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { createApp } from '../../../http/app.ts';
import { makeCompany, ROLES } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

type Listed = {
  id: string;
  status: string;
  undoOfNumber: number | null;
  decider: { kind: string; name: string | null; at: string | null } | null;
  undoable: boolean;
};

let handle: DatabaseHandle;
let app: ReturnType<typeof createApp>;
let company: Awaited<ReturnType<typeof makeCompany>>;
let other: Awaited<ReturnType<typeof makeCompany>>;
const tokens = {} as Record<Role, string>;
let otherToken: string;
let supplierId: string;

async function call(token: string, method: string, path: string, body?: unknown, lang: 'en' | 'fr' = 'en') {
  const res = await app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'accept-language': lang === 'fr' ? 'fr-CA' : 'en',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function activity(token: string): Promise<Listed[]> {
  const { status, body } = await call(token, 'GET', '/api/activity');
  expect(status).toBe(200);
  return body.actions;
}

async function draftOrder(total: string) {
  const order = await call(tokens.buyer, 'POST', '/api/tools/purchasing_create_order', {
    supplierId,
    lines: [{ description: 'Bureau', quantity: '1', unitPrice: total, treatment: 'exempt' }],
  });
  expect(order.status).toBe(200);
  return order.body.action as { id: string; number: number; result: { id: string } };
}

beforeAll(async () => {
  handle = await freshDatabase();
  const now = () => new Date('2026-03-02T15:00:00Z');
  company = await makeCompany(handle.db, { automationLevel: 'full', confidenceFloor: 0.5 }, now);
  other = await makeCompany(handle.db, {}, now);
  for (const role of ROLES)
    tokens[role] = (await createApiToken(handle.db, company.tenant.id, company.user(role).id, role)).token;
  otherToken = (await createApiToken(handle.db, other.tenant.id, other.user('admin').id, 'other admin')).token;
  app = createApp({ handle, config: loadConfig({}), now });
  supplierId = (
    await call(tokens.buyer, 'POST', '/api/tools/purchasing_create_supplier', {
      name: 'Bureau Plus Inc.',
      province: 'QC',
    })
  ).body.action.result.id;
});
afterAll(() => handle?.close());

describe('who decided, in the activity feed', () => {
  it('names the person who approved a queued action, and it cannot be undone here', async () => {
    const draft = await draftOrder('6000.00');
    const submit = await call(tokens.buyer, 'POST', '/api/tools/purchasing_submit_order', { orderId: draft.result.id });
    expect(submit.status).toBe(202);
    expect(
      (await call(tokens.manager, 'POST', `/api/actions/${submit.body.action.id}/approve`, {})).body.action.status,
    ).toBe('executed');
    const listed = (await activity(tokens.manager)).find((a) => a.id === submit.body.action.id);
    expect(listed).toMatchObject({
      status: 'executed',
      decider: { kind: 'approved', name: company.user('manager').name, at: '2026-03-02T15:00:00.000Z' },
      undoable: false,
    });
  });

  it('names the person who rejected one', async () => {
    const draft = await draftOrder('2500.00');
    const submit = await call(tokens.buyer, 'POST', '/api/tools/purchasing_submit_order', { orderId: draft.result.id });
    await call(tokens.accountant, 'POST', `/api/actions/${submit.body.action.id}/reject`, { note: 'Over budget' });
    const listed = (await activity(tokens.viewer)).find((a) => a.id === submit.body.action.id);
    expect(listed).toMatchObject({
      status: 'rejected',
      decider: { kind: 'rejected', name: company.user('accountant').name },
    });
  });

  it('names the person who acted on their own authority', async () => {
    const draft = await draftOrder('100.00');
    const listed = (await activity(tokens.viewer)).find((a) => a.id === draft.id);
    expect(listed).toMatchObject({
      status: 'executed',
      decider: { kind: 'self', name: company.user('buyer').name },
      undoable: false,
    });
  });

  it('says the AI’s action ran automatically, offers undo only to those the undo route accepts, and keeps it to the company', async () => {
    const draft = await draftOrder('300.00');
    const ran = await propose(
      company.session('manager'),
      submitOrder,
      { orderId: draft.result.id },
      { source: 'chat', byAi: true, modelConfidence: 0.95 },
    );
    expect(ran.status).toBe('executed');
    const byRole = async (role: Role) => (await activity(tokens[role])).find((a) => a.id === ran.id);
    expect(await byRole('manager')).toMatchObject({ decider: { kind: 'automatic', name: null }, undoable: true });
    // A buyer does not decide on money and a viewer decides nothing: no Undo for them, and the route agrees.
    expect((await byRole('buyer'))!.undoable).toBe(false);
    expect((await byRole('viewer'))!.undoable).toBe(false);
    expect((await call(tokens.buyer, 'POST', `/api/actions/${ran.id}/undo`, {})).status).toBe(403);
    expect((await activity(otherToken)).map((a) => a.id)).not.toContain(ran.id);

    const undone = await call(tokens.manager, 'POST', `/api/actions/${ran.id}/undo`, {});
    expect(undone).toMatchObject({ status: 200, body: { action: { status: 'undone' } } });
    const feed = await activity(tokens.manager);
    expect(feed.find((a) => a.id === ran.id)).toMatchObject({
      status: 'undone',
      decider: { kind: 'automatic' },
      undoable: false,
      undoOfNumber: null,
    });
    // The undo is itself an action, run by the manager, that names the one it reversed.
    expect(feed.find((a) => a.undoOfNumber === ran.number)).toMatchObject({
      status: 'executed',
      byAi: false,
      decider: { kind: 'self', name: company.user('manager').name },
      undoable: false,
    });
  });

  it('says why an undo is refused, in English or in French as the person asks', async () => {
    // The manager submits an order herself: undo here only takes back what the AI did alone.
    const submitted = await call(tokens.manager, 'POST', '/api/tools/purchasing_submit_order', {
      orderId: (await draftOrder('120.00')).result.id,
    });
    expect(submitted.body.action.status).toBe('executed');
    const own = submitted.body.action as { id: string; number: number };
    // The AI drafts an order on its own, but a draft order has no undo.
    const aiDraft = await propose(
      company.session('manager'),
      createOrder,
      { supplierId, lines: [{ description: 'Lampe', quantity: '1', unitPrice: '80.00', treatment: 'exempt' }] },
      { source: 'chat', byAi: true, modelConfidence: 0.95 },
    );
    expect(aiDraft.status).toBe('executed');
    const refusal = async (id: string, lang: 'en' | 'fr') => {
      const { status, body } = await call(tokens.manager, 'POST', `/api/actions/${id}/undo`, {}, lang);
      expect(status).toBe(400);
      return body.error.message;
    };
    expect(await refusal(own.id, 'en')).toBe(
      `Action #${own.number} was done or approved by a person: only actions the AI executed on its own can be undone here.`,
    );
    expect(await refusal(own.id, 'fr')).toBe(
      `L'action n° ${own.number} a été faite ou approuvée par une personne : seules les actions que l'IA a exécutées d'elle-même peuvent être annulées ici.`,
    );
    expect(await refusal(aiDraft.id, 'en')).toBe(
      `Action #${aiDraft.number} (purchasing_create_order) cannot be undone.`,
    );
    expect(await refusal(aiDraft.id, 'fr')).toBe(
      `L'action n° ${aiDraft.number} (purchasing_create_order) ne peut pas être annulée.`,
    );
  });
});
