import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActionEvents, aiActions, notifications, purchaseOrders } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { approve, propose } from '../../../tools/actions/door.ts';
import { expireDue } from '../../../tools/actions/expiry.ts';
import type { NewTenant } from '../../../tools/tenancy.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

const T0 = new Date('2026-03-02T15:00:00Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

type Company = Awaited<ReturnType<typeof makeCompany>>;

async function company(settings: Partial<NewTenant>) {
  const co = await makeCompany(handle.db, { automationLevel: 'supervised', ...settings }, () => T0);
  const created = await propose(
    co.session('buyer'),
    createSupplier,
    { name: 'Bureau Plus Inc.', province: 'QC' },
    { source: 'rest', byAi: false },
  );
  return { ...co, supplierId: (created.result as { id: string }).id };
}

/** An AI submission of a draft order of `price`, queued for approval at the level the amount needs. */
async function queued(co: Company & { supplierId: string }, price: string) {
  const buyer = co.session('buyer');
  const order = await propose(
    buyer,
    createOrder,
    {
      supplierId: co.supplierId,
      lines: [{ description: 'Chaise', quantity: '1', unitPrice: price, treatment: 'exempt' }],
    },
    { source: 'rest', byAi: false },
  );
  const orderId = (order.result as { id: string }).id;
  const action = await propose(buyer, submitOrder, { orderId }, { source: 'chat', byAi: true, modelConfidence: 0 });
  expect(action.status).toBe('pending_approval');
  return { ...action, orderId };
}

const stateOf = (co: Company, actionId: string) =>
  withTenant(handle.db, co.tenant.id, async (tx) => ({
    action: (await tx.select().from(aiActions).where(eq(aiActions.id, actionId)))[0]!,
    events: await tx
      .select()
      .from(aiActionEvents)
      .where(eq(aiActionEvents.actionId, actionId))
      .orderBy(aiActionEvents.seq),
    notes: await tx.select().from(notifications).where(eq(notifications.actionId, actionId)),
  }));

describe('expireDue', () => {
  it('escalates an unanswered action one level at each deadline, then expires it at level 3', async () => {
    const co = await company({ expiryBehaviour: 'escalate', approvalExpiryHours: 72 });
    const action = await queued(co, '1500.00');
    expect(action.requiredLevel).toBe(1);

    expect((await expireDue(handle.db, hours(71))).escalated).toBe(0);

    const first = await expireDue(handle.db, hours(72));
    expect(first).toMatchObject({ escalated: 1, expired: 0 });
    let state = await stateOf(co, action.id);
    expect(state.action).toMatchObject({ status: 'pending_approval', requiredLevel: 2, expiresAt: hours(144) });
    expect(state.action.decision).toMatchObject({ outcome: 'queue', level: 2, approvers: ['manager', 'admin'] });
    const escalated = state.events.at(-1)!;
    expect(escalated).toMatchObject({ type: 'escalated', source: 'job', actorId: null });
    expect(escalated.before).toEqual({
      requiredLevel: 1,
      expiresAt: hours(72).toISOString(),
      approvers: ['accountant', 'manager', 'admin'],
    });
    expect(escalated.after).toEqual({
      requiredLevel: 2,
      expiresAt: hours(144).toISOString(),
      approvers: ['manager', 'admin'],
    });
    const escalatedTo = state.notes.filter((n) => n.kind === 'approval_escalated');
    expect(escalatedTo.map((n) => n.userId).sort()).toEqual([co.user('manager').id, co.user('admin').id].sort());
    expect(escalatedTo[0]!.title).toBe(
      `L'action n° ${action.number} passe au niveau 2, faute de décision dans le délai : elle attend votre approbation.`,
    );

    await expireDue(handle.db, hours(144));
    state = await stateOf(co, action.id);
    expect(state.action).toMatchObject({ status: 'pending_approval', requiredLevel: 3, expiresAt: hours(216) });
    expect(
      state.notes.filter((n) => n.kind === 'approval_escalated' && n.title.includes('niveau 3')).map((n) => n.userId),
    ).toEqual([co.user('admin').id]);

    const last = await expireDue(handle.db, hours(216));
    expect(last).toMatchObject({ escalated: 0, expired: 1 });
    state = await stateOf(co, action.id);
    expect(state.action.status).toBe('expired');
    expect(state.events.map((e) => e.type)).toEqual(['proposed', 'queued', 'escalated', 'escalated', 'expired']);
    expect(state.events.at(-1)).toMatchObject({ source: 'job', actorId: null, after: { status: 'expired' } });
    // The buyer the AI acted for learns that it will not happen.
    expect(state.notes.find((n) => n.kind === 'action_expired')).toMatchObject({ userId: co.user('buyer').id });
    // The purchase order was never approved.
    const [order] = await withTenant(handle.db, co.tenant.id, (tx) =>
      tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, action.orderId)),
    );
    expect(order!.status).toBe('draft');
  });

  it('is idempotent: a second run at the same instant changes nothing', async () => {
    const co = await company({ expiryBehaviour: 'escalate', approvalExpiryHours: 24 });
    const a = await queued(co, '1200.00');
    const b = await queued(co, '12000.00');
    expect(b.requiredLevel).toBe(3);
    const at = hours(24);
    const once = await expireDue(handle.db, at);
    expect(once.escalations.filter((e) => e.tenantId === co.tenant.id)).toEqual([
      { tenantId: co.tenant.id, actionId: a.id, level: 2 },
    ]);
    const before = await Promise.all([stateOf(co, a.id), stateOf(co, b.id)]);
    expect(before[1]!.action.status).toBe('expired');
    const twice = await expireDue(handle.db, at);
    expect(twice).toEqual({ escalated: 0, expired: 0, escalations: [] });
    const after = await Promise.all([stateOf(co, a.id), stateOf(co, b.id)]);
    expect(after).toEqual(before);
  });

  it('expires instead of escalating when the company chose "expire", each company by its own settings', async () => {
    const expiring = await company({ expiryBehaviour: 'expire', approvalExpiryHours: 48 });
    const escalating = await company({ expiryBehaviour: 'escalate', approvalExpiryHours: 48 });
    const x = await queued(expiring, '1500.00');
    const y = await queued(escalating, '1500.00');
    await expireDue(handle.db, hours(48));
    expect((await stateOf(expiring, x.id)).action).toMatchObject({ status: 'expired', requiredLevel: 1 });
    expect((await stateOf(escalating, y.id)).action).toMatchObject({ status: 'pending_approval', requiredLevel: 2 });
  });

  it('leaves decided and not-yet-due actions alone', async () => {
    const co = await company({ expiryBehaviour: 'expire', approvalExpiryHours: 10 });
    const decided = await queued(co, '1500.00');
    await approve(co.session('manager'), decided.id, { source: 'rest' });
    const later = await queued(co, '1500.00');
    await withTenant(handle.db, co.tenant.id, (tx) =>
      tx
        .update(aiActions)
        .set({ expiresAt: hours(11) })
        .where(eq(aiActions.id, later.id)),
    );
    await expireDue(handle.db, hours(10));
    expect((await stateOf(co, decided.id)).action.status).toBe('executed');
    expect((await stateOf(co, later.id)).action.status).toBe('pending_approval');
  });

  it('an approval racing the expiry: exactly one of them wins, the other is told clearly', async () => {
    const co = await company({ expiryBehaviour: 'expire', approvalExpiryHours: 1 });
    const actions = [];
    for (let i = 0; i < 8; i++) actions.push(await queued(co, '1500.00'));
    const manager = co.session('manager');
    const [expiry, ...approvals] = await Promise.allSettled([
      expireDue(handle.db, hours(1)),
      ...actions.map((a) => approve(manager, a.id, { source: 'rest' })),
    ]);
    expect(expiry.status).toBe('fulfilled');
    let expired = 0;
    for (const [i, a] of actions.entries()) {
      const { action, events } = await stateOf(co, a.id);
      const answer = approvals[i]!;
      const [order] = await withTenant(handle.db, co.tenant.id, (tx) =>
        tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, a.orderId)),
      );
      if (action.status === 'expired') {
        expired += 1;
        expect(answer.status).toBe('rejected');
        expect((answer as PromiseRejectedResult).reason).toMatchObject({
          code: 'conflict',
          message: `Action #${a.number} was already decided (status: expired).`,
        });
        expect(events.map((e) => e.type)).toEqual(['proposed', 'queued', 'expired']);
        expect(order!.status).toBe('draft');
      } else {
        expect(action.status).toBe('executed');
        expect(answer.status).toBe('fulfilled');
        expect(events.map((e) => e.type)).toEqual(['proposed', 'queued', 'approved', 'executed']);
        expect(order!.status).toBe('approved');
      }
    }
    expect((expiry as PromiseFulfilledResult<{ expired: number }>).value.expired).toBe(expired);
    // Whatever an approval left pending (none here) would be caught by the next run.
    await expireDue(handle.db, hours(1));
  });
});
