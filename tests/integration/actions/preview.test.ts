/**
 * The approvals inbox's facts from the tools: what a pending action will produce (an order the AI
 * would create, worked out and rolled back; an existing order to submit), who may decide it (the
 * door's own rule), and the words a rejection answers with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { purchaseOrders } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose, reject } from '../../../tools/actions/door.ts';
import { listActions } from '../../../tools/actions/list-actions.ts';
import { previewAction, type ProposalPreview } from '../../../tools/actions/preview.ts';
import { invoke } from '../../../tools/invoke.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let co: Awaited<ReturnType<typeof makeCompany>>;
let other: Awaited<ReturnType<typeof makeCompany>>;
let supplierId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  co = await makeCompany(handle.db, { automationLevel: 'manual' });
  other = await makeCompany(handle.db);
  const created = await propose(
    co.session('manager'),
    createSupplier,
    { name: 'Bureau Plus Inc.', province: 'QC' },
    { source: 'rest', byAi: false },
  );
  supplierId = (created.result as { id: string }).id;
});
afterAll(() => handle?.close());

/** What a read tool returned. */
const outputOf = (out: Awaited<ReturnType<typeof invoke>>) => (out.kind === 'read' ? out.output : null);

const preview = async (role: 'manager' | 'viewer', actionId: string, lang: 'fr' | 'en' = 'en') =>
  outputOf(
    await invoke(co.session(role, lang), previewAction, { actionId }, { source: 'rest', byAi: false }),
  ) as ProposalPreview;

const orderCount = () =>
  withTenant(handle.db, co.tenant.id, async (tx) => (await tx.select().from(purchaseOrders)).length);

describe('previewing a pending action', () => {
  it('shows the order the AI would create, with taxes and totals, and keeps nothing', async () => {
    const before = await orderCount();
    const asked = await propose(
      co.session('buyer'),
      createOrder,
      { supplierId, lines: [{ description: 'Chaise ergonomique', quantity: '2', unitPrice: '100.00' }] },
      { source: 'chat', byAi: true, modelConfidence: 0.9 },
    );
    expect(asked.status).toBe('pending_approval');
    const seen = await preview('manager', asked.id, 'fr');
    expect(seen.problem).toBeNull();
    expect(seen.record).toMatchObject({
      kind: 'purchase_order',
      id: null,
      number: null,
      party: { role: 'supplier', name: 'Bureau Plus Inc.' },
      lines: [{ description: 'Chaise ergonomique', quantity: '2', unitPrice: '100.00', lineTotal: '200.00' }],
      subtotal: '200.00',
      // Québec: GST 5 % and QST 9.975 % of 200.00.
      taxes: [
        { label: expect.stringMatching(/TPS/), amount: '10.00' },
        { label: expect.stringMatching(/TVQ/), amount: '19.95' },
      ],
      total: '229.95',
    });
    expect(await orderCount()).toBe(before);
  });

  it('shows an existing order to submit with its number and status', async () => {
    const draft = await propose(
      co.session('buyer'),
      createOrder,
      { supplierId, lines: [{ description: 'Bureau', quantity: '1', unitPrice: '414.00', treatment: 'exempt' }] },
      { source: 'rest', byAi: false },
    );
    const order = draft.result as { id: string; number: string };
    const asked = await propose(
      co.session('buyer'),
      submitOrder,
      { orderId: order.id },
      { source: 'rest', byAi: false },
    );
    const seen = await preview('manager', asked.id);
    expect(seen.record).toMatchObject({ id: order.id, number: order.number, status: 'draft', total: '414.00' });
  });

  it('answers not found for another company’s action', async () => {
    const theirs = await propose(
      other.session('buyer'),
      createSupplier,
      { name: 'Ailleurs Inc.', province: 'QC' },
      { source: 'chat', byAi: true, modelConfidence: 0.9 },
    );
    await expect(
      invoke(co.session('manager'), previewAction, { actionId: theirs.id }, { source: 'rest', byAi: false }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('who may decide', () => {
  it('marks decidable only what the reader may approve: not a viewer, not one’s own request', async () => {
    const draft = await propose(
      co.session('buyer'),
      createOrder,
      { supplierId, lines: [{ description: 'Lampe', quantity: '1', unitPrice: '50.00', treatment: 'exempt' }] },
      { source: 'rest', byAi: false },
    );
    const asked = await propose(
      co.session('buyer'),
      submitOrder,
      { orderId: (draft.result as { id: string }).id },
      { source: 'rest', byAi: false },
    );
    const seenBy = async (role: 'manager' | 'viewer' | 'buyer') => {
      const out = await invoke(
        co.session(role),
        listActions,
        { status: ['pending_approval'] },
        { source: 'rest', byAi: false },
      );
      return (outputOf(out) as { actions: { id: string; decidable: boolean; requester: unknown }[] }).actions.find(
        (a) => a.id === asked.id,
      )!;
    };
    expect((await seenBy('manager')).decidable).toBe(true);
    expect((await seenBy('manager')).requester).toEqual({ name: co.user('buyer').name, language: 'fr' });
    expect((await seenBy('viewer')).decidable).toBe(false);
    expect((await seenBy('buyer')).decidable).toBe(false);
  });

  it('answers a rejection as a rejection, not as an action already decided', async () => {
    const asked = await propose(
      co.session('buyer'),
      createSupplier,
      { name: 'Refusé Inc.', province: 'QC' },
      { source: 'chat', byAi: true, modelConfidence: 0.9 },
    );
    const fr = await reject(co.session('manager', 'fr'), asked.id, { source: 'rest', note: 'Doublon' });
    expect(fr.message).toBe(`Action n° ${asked.number} refusée : elle ne sera pas exécutée.`);
  });
});
