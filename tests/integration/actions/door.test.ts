import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DatabaseHandle } from '../../../db/client.ts';
import {
  aiActionEvents,
  aiActions,
  notifications,
  purchaseOrderApprovals,
  purchaseOrders,
} from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { approve, propose, reject, retry, undo } from '../../../tools/actions/door.ts';
import { getAction } from '../../../tools/actions/get-action.ts';
import type { Session } from '../../../tools/context.ts';
import { defineTool } from '../../../tools/define.ts';
import { AppError } from '../../../tools/errors.ts';
import { invoke } from '../../../tools/invoke.ts';
import { createClient } from '../../../tools/invoicing/create-client.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { freshDatabase } from '../../support/database.ts';
import { makeCompany } from '../../support/company.ts';

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;
let supplierId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db, { automationLevel: 'supervised' });
  const created = await propose(
    company.session('buyer'),
    createSupplier,
    { name: 'Bureau Plus Inc.', province: 'QC' },
    { source: 'rest', byAi: false },
  );
  supplierId = (created.result as { id: string }).id;
});
afterAll(() => handle?.close());

/** A draft order for `unitPrice` × 1, by a person, then its id. */
async function draftOrder(session: Session, unitPrice: string): Promise<string> {
  const out = await propose(
    session,
    createOrder,
    { supplierId, lines: [{ description: 'Chaise ergonomique', quantity: '1', unitPrice, treatment: 'exempt' }] },
    { source: 'rest', byAi: false },
  );
  expect(out.status).toBe('executed');
  return (out.result as { id: string }).id;
}

const rowsOf = (session: Session) =>
  withTenant(handle.db, session.tenantId, async (tx) => ({
    actions: await tx.select().from(aiActions),
    // In the order they were written: without ORDER BY a database may return rows in any order.
    events: await tx.select().from(aiActionEvents).orderBy(asc(aiActionEvents.seq)),
  }));

describe('propose', () => {
  it('executes a person’s draft order at once and records proposed → executed', async () => {
    const buyer = company.session('buyer');
    const out = await propose(
      buyer,
      createOrder,
      { supplierId, lines: [{ description: 'Chaise', quantity: '10', unitPrice: '100.00' }] },
      { source: 'rest', byAi: false },
    );
    expect(out.status).toBe('executed');
    expect(out.confidence).toBe(1);
    expect(out.result).toMatchObject({ status: 'draft', subtotal: '1000.00', tax: '149.75', total: '1149.75' });
    expect(out.message).toMatch(/^Action #\d+ executed\. Purchase order PO2026-\d{5}/);
    const { events } = await rowsOf(buyer);
    expect(events.filter((e) => e.actionId === out.id).map((e) => e.type)).toEqual(['proposed', 'executed']);
  });

  it('writes its own evidence in the language of the person the action is for', async () => {
    const order = { supplierId, lines: [{ description: 'Chaise', quantity: '1', unitPrice: '10.00' }] };
    const person = await propose(company.session('buyer', 'fr'), createOrder, order, { source: 'rest', byAi: false });
    expect(person.evidence).toEqual([
      { factor: 'person_request', weight: 0.5, detail: 'Demandé directement par une personne.' },
      { factor: 'supplier_exact', weight: 0.2, detail: 'Fournisseur Bureau Plus Inc. identifié par son identifiant.' },
    ]);
    const ai = await propose(company.session('buyer', 'fr'), createOrder, order, {
      source: 'chat',
      byAi: true,
      modelConfidence: 0.9,
    });
    expect(ai.evidence.find((e) => e.factor === 'model_self_assessment')).toEqual({
      factor: 'model_self_assessment',
      weight: 0.08,
      detail: 'Le modèle a noté sa propre proposition 0,90.',
    });
    const english = await propose(company.session('buyer', 'en'), createOrder, order, {
      source: 'chat',
      byAi: true,
      modelConfidence: 0.9,
    });
    expect(english.evidence.map((e) => e.detail)).toEqual([
      'Supplier Bureau Plus Inc. identified by id.',
      'The model rated its own proposal 0.90.',
    ]);
  });

  it('hands run what assess prepared for the same proposal, so a tool checks the request once', async () => {
    const received: unknown[] = [];
    const prepared = { checked: 'once' };
    const tool = defineTool({
      name: 'test_prepared_once',
      title: 'Test',
      description: 'A write that records what its run receives.',
      kind: 'write',
      risk: 'draft',
      input: z.object({}),
      output: z.object({ ok: z.boolean() }),
      assess: async () => ({ prepared }),
      run: async (_ctx, _input, fromAssess) => {
        received.push(fromAssess);
        return { ok: true };
      },
    });
    const out = await propose(company.session('buyer'), tool, {}, { source: 'rest', byAi: false });
    expect(out.status).toBe('executed');
    expect(received).toHaveLength(1);
    expect(received[0]).toBe(prepared);
  });

  it('queues an AI order submission the user may not approve alone, and notifies the approvers', async () => {
    const buyer = company.session('buyer');
    const orderId = await draftOrder(buyer, '6000.00');
    const out = await propose(buyer, submitOrder, { orderId }, { source: 'chat', byAi: true, modelConfidence: 0.99 });
    expect(out.status).toBe('pending_approval');
    expect(out.requiredLevel).toBe(2);
    expect(out.message).toBe(`Pending approval #${out.number} (level 2): needs a manager or above.`);
    const notes = await withTenant(handle.db, buyer.tenantId, (tx) =>
      tx.select().from(notifications).where(eq(notifications.actionId, out.id)),
    );
    expect(notes.map((n) => n.userId).sort()).toEqual([company.user('admin').id, company.user('manager').id].sort());
    const [order] = await withTenant(handle.db, buyer.tenantId, (tx) =>
      tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, orderId)),
    );
    expect(order!.status).toBe('draft');
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const buyer = company.session('buyer');
    const before = await rowsOf(buyer);
    const attempt = propose(
      buyer,
      createOrder,
      { supplierId, lines: [{ description: 'Chaise', quantity: '-1', unitPrice: 'abc' }] },
      { source: 'rest', byAi: false },
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('lines.0.quantity'),
    });
    const after = await rowsOf(buyer);
    expect(after.actions.length).toBe(before.actions.length);
    expect(after.events.length).toBe(before.events.length);
  });

  it('refuses a viewer and records nothing', async () => {
    const viewer = company.session('viewer');
    const before = await rowsOf(viewer);
    await expect(
      propose(
        viewer,
        createOrder,
        { supplierId, lines: [{ description: 'x', quantity: '1', unitPrice: '1.00' }] },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Viewers can read but not change anything.',
    });
    expect((await rowsOf(viewer)).actions.length).toBe(before.actions.length);
  });

  it('returns the first action for a repeated idempotency key, even 50 at once: one execution', async () => {
    const buyer = company.session('buyer');
    const key = `key-${Math.random()}`;
    const input = { supplierId, lines: [{ description: 'Bureau', quantity: '1', unitPrice: '250.00' }] };
    const outs = await Promise.all(
      Array.from({ length: 50 }, () =>
        propose(buyer, createOrder, input, { source: 'mcp', byAi: false, idempotencyKey: key }),
      ),
    );
    expect(new Set(outs.map((o) => o.id)).size).toBe(1);
    expect(outs.filter((o) => !o.duplicate)).toHaveLength(1);
    const { actions } = await rowsOf(buyer);
    expect(actions.filter((a) => a.idempotencyKey === key)).toHaveLength(1);
    const orders = await withTenant(handle.db, buyer.tenantId, (tx) =>
      tx
        .select()
        .from(purchaseOrders)
        .where(eq(purchaseOrders.id, (outs[0]!.result as { id: string }).id)),
    );
    expect(orders).toHaveLength(1);
  });
});

describe('approve', () => {
  it('50 concurrent approvals of one action: exactly one execution, 49 "already decided"', async () => {
    const buyer = company.session('buyer');
    const orderId = await draftOrder(buyer, '7000.00');
    const queued = await propose(buyer, submitOrder, { orderId }, { source: 'chat', byAi: true });
    expect(queued.status).toBe('pending_approval');
    const manager = company.session('manager');
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => approve(manager, queued.id, { source: 'rest' })),
    );
    const done = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(done).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect(r.reason).toMatchObject({
        code: 'conflict',
        message: `Action #${queued.number} was already decided (status: executed).`,
      });
    }
    const approvals = await withTenant(handle.db, buyer.tenantId, (tx) =>
      tx.select().from(purchaseOrderApprovals).where(eq(purchaseOrderApprovals.orderId, orderId)),
    );
    expect(approvals).toHaveLength(1);
  });

  it('refuses an approver below the required level and changes nothing', async () => {
    const buyer = company.session('buyer');
    const orderId = await draftOrder(buyer, '12000.00');
    const queued = await propose(buyer, submitOrder, { orderId }, { source: 'chat', byAi: true });
    expect(queued.requiredLevel).toBe(3);
    for (const role of ['accountant', 'manager', 'viewer'] as const) {
      await expect(approve(company.session(role), queued.id, { source: 'rest' })).rejects.toMatchObject({
        code: 'forbidden',
        message: 'Your role cannot approve at this level.',
      });
    }
    const { actions, events } = await rowsOf(buyer);
    expect(actions.find((a) => a.id === queued.id)!.status).toBe('pending_approval');
    expect(events.filter((e) => e.actionId === queued.id).map((e) => e.type)).toEqual(['proposed', 'queued']);
    const done = await approve(company.session('admin'), queued.id, { source: 'rest' });
    expect(done.status).toBe('executed');
  });

  it('refuses a person approving their own direct request', async () => {
    const manager = company.session('manager');
    const orderId = await draftOrder(manager, '11000.00');
    const queued = await propose(manager, submitOrder, { orderId }, { source: 'rest', byAi: false });
    expect(queued).toMatchObject({ status: 'pending_approval', requiredLevel: 3 });
    const adminSelf = await draftOrder(company.session('admin'), '100.00');
    expect(adminSelf).toBeTruthy();
    await expect(approve(manager, queued.id, { source: 'rest' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('reads back the audit trail of one action end to end: proposed → queued → approved → executed', async () => {
    const buyer = company.session('buyer');
    const orderId = await draftOrder(buyer, '5500.00');
    const queued = await propose(
      buyer,
      submitOrder,
      { orderId },
      { source: 'email', byAi: true, rationale: 'Bill received for this order' },
    );
    await approve(company.session('manager', 'fr'), queued.id, { source: 'rest', note: 'OK pour moi' });
    const read = await invoke(
      company.session('accountant'),
      getAction,
      { actionId: queued.id },
      { source: 'rest', byAi: false },
    );
    if (read.kind !== 'read') throw new Error('actions_get is a read tool');
    const trail = (read.output as { events: { type: string; actorId: string; source: string; note: string | null }[] })
      .events;
    expect(trail.map((e) => [e.type, e.source])).toEqual([
      ['proposed', 'email'],
      ['queued', 'email'],
      ['approved', 'rest'],
      ['executed', 'rest'],
    ]);
    expect(trail[2]).toMatchObject({ actorId: company.user('manager').id, note: 'OK pour moi' });
    expect(trail[0]!.actorId).toBe(company.user('buyer').id);
  });

  it("answers another company's action as unknown, in the language of the person reading", async () => {
    const queued = await propose(
      company.session('buyer'),
      submitOrder,
      { orderId: await draftOrder(company.session('buyer'), '5600.00') },
      { source: 'chat', byAi: true },
    );
    const other = await makeCompany(handle.db);
    const person = { source: 'rest' as const, byAi: false };
    await expect(
      invoke(other.session('accountant', 'fr'), getAction, { actionId: queued.id }, person),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: `Aucune action ${queued.id} dans cette entreprise. Listez les actions en attente pour la trouver.`,
    });
    await expect(
      invoke(other.session('accountant', 'en'), getAction, { actionId: queued.id }, person),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: `No action ${queued.id} in this company. List pending actions to find it.`,
    });
  });

  it('edit-then-approve validates the edit, re-checks the approver for the new amount and records the change', async () => {
    const buyer = company.session('buyer');
    const small = await draftOrder(buyer, '2000.00');
    const big = await draftOrder(buyer, '20000.00');
    const queued = await propose(
      buyer,
      submitOrder,
      { orderId: small },
      { source: 'chat', byAi: true, modelConfidence: 0.2 },
    );
    expect(queued).toMatchObject({ status: 'pending_approval', requiredLevel: 1 });
    const manager = company.session('manager');
    await expect(
      approve(manager, queued.id, { source: 'rest', editedInput: { orderId: 'nope' } }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(approve(manager, queued.id, { source: 'rest', editedInput: { orderId: big } })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Your role cannot approve at this level.',
    });
    const other = await draftOrder(buyer, '3000.00');
    const done = await approve(manager, queued.id, {
      source: 'rest',
      editedInput: { orderId: other, note: 'the right order' },
    });
    expect(done.status).toBe('executed');
    expect(done.result).toMatchObject({ id: other, status: 'approved' });
    const { events } = await rowsOf(buyer);
    const edited = events.find((e) => e.actionId === queued.id && e.type === 'edited')!;
    expect(edited.before).toEqual({ input: { orderId: small } });
    expect(edited.after).toEqual({ input: { orderId: other, note: 'the right order' } });
  });

  it('rejects once; a later approval is "already decided"', async () => {
    const buyer = company.session('buyer');
    const queued = await propose(
      buyer,
      submitOrder,
      { orderId: await draftOrder(buyer, '1500.00') },
      { source: 'chat', byAi: true, modelConfidence: 0 },
    );
    const rejected = await reject(company.session('manager'), queued.id, { source: 'rest', note: 'Not this month' });
    expect(rejected.status).toBe('rejected');
    await expect(approve(company.session('admin'), queued.id, { source: 'rest' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});

describe('failures, retry and undo', () => {
  it('keeps a failed execution visible with its error, and a retry executes it once', async () => {
    const buyer = company.session('buyer');
    const orderId = await draftOrder(buyer, '1200.00');
    const queued = await propose(buyer, submitOrder, { orderId }, { source: 'chat', byAi: true, modelConfidence: 0 });
    // Someone cancels the order while the action waits: executing it now must fail, visibly.
    await withTenant(handle.db, buyer.tenantId, (tx) =>
      tx.update(purchaseOrders).set({ status: 'cancelled' }).where(eq(purchaseOrders.id, orderId)),
    );
    const failed = await approve(company.session('manager'), queued.id, { source: 'rest' });
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'invalid', message: expect.stringContaining('is cancelled') });
    expect(failed.message).toContain('can be retried');
    await withTenant(handle.db, buyer.tenantId, (tx) =>
      tx.update(purchaseOrders).set({ status: 'draft' }).where(eq(purchaseOrders.id, orderId)),
    );
    const retried = await retry(company.session('manager'), queued.id, { source: 'rest' });
    expect(retried.status).toBe('executed');
    await expect(retry(company.session('manager'), queued.id, { source: 'rest' })).rejects.toMatchObject({
      code: 'conflict',
    });
    const { events } = await rowsOf(buyer);
    expect(events.filter((e) => e.actionId === queued.id).map((e) => e.type)).toEqual([
      'proposed',
      'queued',
      'approved',
      'failed',
      'retried',
      'executed',
    ]);
  });

  it('undoes an action the AI executed alone, as an audited action of its own', async () => {
    const buyer = company.session('buyer');
    const orderId = await draftOrder(buyer, '1100.00');
    const auto = await propose(
      company.session('accountant'),
      submitOrder,
      { orderId },
      { source: 'chat', byAi: true, evidence: [{ factor: 'po_matched', weight: 0.4, detail: 'Matches the order' }] },
    );
    expect(auto.status).toBe('executed');
    const undone = await undo(company.session('manager'), auto.id, { source: 'rest', note: 'too early' });
    expect(undone.status).toBe('undone');
    const [order] = await withTenant(handle.db, buyer.tenantId, (tx) =>
      tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, orderId)),
    );
    expect(order!.status).toBe('draft');
    const { actions } = await rowsOf(buyer);
    const undoAction = actions.find((a) => a.undoOf === auto.id)!;
    expect(undoAction).toMatchObject({ status: 'executed', actorId: company.user('manager').id, byAi: false });
  });

  it('refuses to rewrite the audit trail, even as the application role', async () => {
    const buyer = company.session('buyer');
    await expect(
      withTenant(handle.db, buyer.tenantId, (tx) => tx.update(aiActionEvents).set({ note: 'forged' })),
    ).rejects.toThrow();
    await expect(withTenant(handle.db, buyer.tenantId, (tx) => tx.delete(aiActionEvents))).rejects.toThrow();
    await expect(handle.raw('UPDATE ai_action_events SET note = $1', ['forged'])).rejects.toThrow(/append-only/);
  });
});

describe('the door in the language of the person asking', () => {
  const person = { source: 'rest', byAi: false } as const;

  it('refuses bad input in French or English, every problem with its path, the same details for programs', async () => {
    const order = { supplierId, lines: [{ quantity: 10, unitPrice: '12,3,4' }], expectedOn: '2026-02-30' };
    const before = await rowsOf(company.session('buyer'));
    const fr = await propose(company.session('buyer', 'fr'), createOrder, order, person).catch((err: AppError) => err);
    const en = await propose(company.session('buyer', 'en'), createOrder, order, person).catch((err: AppError) => err);
    expect(fr).toMatchObject({
      code: 'invalid',
      message:
        'Données invalides pour purchasing_create_order : lines.0.description : Entrée invalide : chaîne de caractères attendu, indéfini reçu ; ' +
        'lines.0.quantity : Entrée invalide : chaîne de caractères attendu, nombre reçu ; ' +
        'lines.0.unitPrice : Montant décimal attendu, en texte, p. ex. "1250.00" ou "1 250,00". ; ' +
        'expectedOn : Date réelle attendue, écrite AAAA-MM-JJ, p. ex. "2025-04-01".',
    });
    expect(en).toMatchObject({
      code: 'invalid',
      message:
        'Invalid input for purchasing_create_order: lines.0.description: Invalid input: expected string, received undefined; ' +
        'lines.0.quantity: Invalid input: expected string, received number; ' +
        'lines.0.unitPrice: Expected a decimal amount as a string, e.g. "1250.00".; ' +
        'expectedOn: Expected a real calendar date written YYYY-MM-DD, e.g. "2025-04-01".',
    });
    expect((fr as AppError).details).toEqual((en as AppError).details);
    expect((fr as AppError).details).toMatchObject({
      issues: [
        { path: ['lines', 0, 'description'] },
        { path: ['lines', 0, 'quantity'] },
        { path: ['lines', 0, 'unitPrice'] },
        { path: ['expectedOn'] },
      ],
    });
    expect((await rowsOf(company.session('buyer'))).actions.length).toBe(before.actions.length);
  });

  it('words a quantity and a currency in French too', async () => {
    await expect(
      propose(
        company.session('buyer', 'fr'),
        createOrder,
        { supplierId, lines: [{ description: 'Chaise', quantity: '2,5', unitPrice: '10.00' }] },
        person,
      ),
    ).rejects.toMatchObject({
      message:
        'Données invalides pour purchasing_create_order : lines.0.quantity : Quantité décimale positive attendue, avec un point et 4 décimales au plus, p. ex. "2.5".',
    });
    await expect(
      propose(
        company.session('manager', 'fr'),
        createClient,
        { name: 'Client en dollars', province: 'QC', currency: 'cad' },
        person,
      ),
    ).rejects.toMatchObject({
      message:
        'Données invalides pour invoicing_create_client : currency : Code de devise ISO 4217 attendu, en 3 lettres majuscules, p. ex. "CAD".',
    });
    await expect(
      propose(
        company.session('buyer', 'fr'),
        createOrder,
        { supplierId, lines: [{ description: 'Chaise', quantity: '0', unitPrice: '10.00' }] },
        person,
      ),
    ).rejects.toMatchObject({
      message:
        'Données invalides pour purchasing_create_order : lines.0.quantity : Une quantité doit être supérieure à zéro.',
    });
  });

  it('refuses an edited input in the approver’s language, and an unknown action', async () => {
    const queued = await propose(
      company.session('buyer'),
      submitOrder,
      { orderId: await draftOrder(company.session('buyer'), '5700.00') },
      { source: 'chat', byAi: true },
    );
    expect(queued.status).toBe('pending_approval');
    await expect(
      approve(company.session('manager', 'fr'), queued.id, { source: 'rest', editedInput: { orderId: 'PO-1' } }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: 'Données invalides pour purchasing_submit_order : orderId : UUID invalide',
    });
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(reject(company.session('manager', 'fr'), missing, { source: 'rest' })).rejects.toMatchObject({
      code: 'not_found',
      message: `Aucune action ${missing} dans cette entreprise. Listez les actions en attente pour la trouver.`,
    });
    await expect(approve(company.session('manager', 'en'), 'nope', { source: 'rest' })).rejects.toMatchObject({
      code: 'not_found',
      message: 'No action nope in this company. List pending actions to find it.',
    });
  });

  it('refuses an action whose tool is gone, in French', async () => {
    const buyer = company.session('buyer');
    const queued = await propose(
      buyer,
      submitOrder,
      { orderId: await draftOrder(buyer, '5800.00') },
      { source: 'chat', byAi: true },
    );
    await withTenant(handle.db, buyer.tenantId, (tx) =>
      tx.update(aiActions).set({ tool: 'purchasing_retired_tool' }).where(eq(aiActions.id, queued.id)),
    );
    await expect(approve(company.session('manager', 'fr'), queued.id, { source: 'rest' })).rejects.toMatchObject({
      code: 'not_found',
      message: "L'outil purchasing_retired_tool n'est plus disponible.",
    });
  });

  it('records an undo without a note with a rationale in the language of the person undoing', async () => {
    const orderId = await draftOrder(company.session('buyer'), '1150.00');
    const auto = await propose(
      company.session('accountant'),
      submitOrder,
      { orderId },
      { source: 'chat', byAi: true, evidence: [{ factor: 'po_matched', weight: 0.4, detail: 'Matches the order' }] },
    );
    expect(auto.status).toBe('executed');
    await undo(company.session('manager', 'fr'), auto.id, { source: 'rest' });
    const { actions } = await rowsOf(company.session('manager'));
    expect(actions.find((a) => a.undoOf === auto.id)?.rationale).toBe(`Annulation de l'action n° ${auto.number}`);
  });
});
