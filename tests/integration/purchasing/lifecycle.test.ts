// A purchase order from draft to completion through the door: send (PDF + outbox), confirm, partial and
// complete receipts, refused transitions with nothing changed, history rows, supplier performance.
import { asc, eq } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import {
  documents,
  outboxEmails,
  purchaseOrderHistory,
  purchaseOrderItems,
  purchaseOrders,
  purchaseReceipts,
  suppliers,
} from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import type { Session } from '../../../tools/context.ts';
import type { AnyWriteTool } from '../../../tools/define.ts';
import { invoke } from '../../../tools/invoke.ts';
import { cancelOrder } from '../../../tools/purchasing/cancel-order.ts';
import { completeOrder } from '../../../tools/purchasing/complete-order.ts';
import { confirmOrder } from '../../../tools/purchasing/confirm-order.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { getOrder } from '../../../tools/purchasing/get-order.ts';
import { receiveItems } from '../../../tools/purchasing/receive-items.ts';
import { sendOrder } from '../../../tools/purchasing/send-order.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { moveOrder } from '../../../tools/purchasing/transition.ts';
import { toolContext } from '../../../tools/tool-context.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let co: Awaited<ReturnType<typeof makeCompany>>;
let supplierId: string;
const person = { source: 'rest' as const, byAi: false };
type Order = {
  id: string;
  number: string;
  status: string;
  lines: { itemId: string; quantity: string; quantityReceived: string }[];
};

async function run<T = Order>(session: Session, tool: AnyWriteTool, input: unknown): Promise<T> {
  const out = await propose(session, tool, input, person);
  expect(out.status, JSON.stringify(out.error ?? out.decision)).toBe('executed');
  return out.result as T;
}

/** A draft order for 10 chairs and 2 desks (exempt, so totals are plain), approved by the admin. */
async function approvedOrder(expectedOn = '2026-03-10'): Promise<Order> {
  const draft = await run(co.session('buyer'), createOrder, {
    supplierId,
    expectedOn,
    lines: [
      { description: 'Chaise ergonomique', quantity: '10', unitPrice: '200.00', treatment: 'exempt' },
      { description: 'Bureau assis-debout', quantity: '2', unitPrice: '500.00', treatment: 'exempt' },
    ],
  });
  return run(co.session('admin'), submitOrder, { orderId: draft.id });
}

const snapshot = (orderId: string) =>
  withTenant(handle.db, co.tenant.id, async (tx) => ({
    order: (await tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, orderId)))[0]!,
    items: await tx
      .select()
      .from(purchaseOrderItems)
      .where(eq(purchaseOrderItems.orderId, orderId))
      .orderBy(asc(purchaseOrderItems.position)),
    history: await tx
      .select()
      .from(purchaseOrderHistory)
      .where(eq(purchaseOrderHistory.orderId, orderId))
      .orderBy(asc(purchaseOrderHistory.at)),
    receipts: await tx.select().from(purchaseReceipts).where(eq(purchaseReceipts.orderId, orderId)),
  }));

beforeAll(async () => {
  handle = await freshDatabase();
  // A clock that moves one second per reading, so history rows have a readable order.
  let tick = Date.parse('2026-03-02T15:00:00Z');
  co = await makeCompany(handle.db, { name: 'Meubles Tremblay', language: 'fr' }, () => {
    tick += 1000;
    return new Date(tick);
  });
  supplierId = (
    await run<{ id: string }>(co.session('buyer'), createSupplier, {
      name: 'Bureau Plus Inc.',
      email: 'ventes@bureauplus.test',
      province: 'QC',
    })
  ).id;
});
afterAll(() => handle?.close());

describe('purchase order lifecycle', () => {
  let order: Order;

  it('sends an approved order: a French PDF kept as a document, an outbox email with it attached', async () => {
    order = await approvedOrder();
    const sent = await run<Order & { documentId: string; emailId: string; to: string }>(
      co.session('buyer'),
      sendOrder,
      { orderId: order.id },
    );
    expect(sent).toMatchObject({ status: 'sent', to: 'ventes@bureauplus.test' });
    const { doc, mail } = await withTenant(handle.db, co.tenant.id, async (tx) => ({
      doc: (await tx.select().from(documents).where(eq(documents.id, sent.documentId)))[0]!,
      mail: (await tx.select().from(outboxEmails).where(eq(outboxEmails.id, sent.emailId)))[0]!,
    }));
    expect(doc).toMatchObject({ filename: `${order.number}.pdf`, mimeType: 'application/pdf', source: 'generated' });
    expect(doc.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(doc.sizeBytes).toBe(doc.content.length);
    const { text } = await new PDFParse({ data: new Uint8Array(doc.content) }).getText();
    for (const expected of [
      `Bon de commande ${order.number}`,
      'Livraison prévue : 2026-03-10',
      'Chaise ergonomique',
      '2 000,00',
      'Total',
      '3 000,00',
    ]) {
      expect(text.replace(/\u00a0/g, ' ')).toContain(expected);
    }
    expect(mail).toMatchObject({
      to: 'ventes@bureauplus.test',
      subject: `Bon de commande ${order.number} — Meubles Tremblay`,
      status: 'queued',
      relatedType: 'purchase_order',
      relatedId: order.id,
      attachments: [{ filename: `${order.number}.pdf`, contentType: 'application/pdf', documentId: sent.documentId }],
    });
    expect(mail.text).toContain(`notre bon de commande ${order.number} (total 3\u00a0000,00\u00a0$)`);
  });

  it('refuses to send it twice, in the asker’s language, and changes nothing', async () => {
    const before = await snapshot(order.id);
    await expect(propose(co.session('buyer', 'fr'), sendOrder, { orderId: order.id }, person)).rejects.toMatchObject({
      code: 'invalid',
      message: `Le bon de commande ${order.number} est envoyé : impossible de l'envoyer au fournisseur maintenant. Étapes possibles : confirmé, partiellement reçu, reçu, annulé.`,
    });
    expect(await snapshot(order.id)).toEqual(before);
  });

  it('records the supplier confirmation with its promised date', async () => {
    const confirmed = await run<Order & { expectedOn: string }>(co.session('buyer'), confirmOrder, {
      orderId: order.id,
      expectedOn: '2026-03-12',
      supplierReference: 'BP-7781',
    });
    expect(confirmed).toMatchObject({ status: 'confirmed', expectedOn: '2026-03-12' });
  });

  it('receives part of the order, then refuses an over-receipt and changes nothing', async () => {
    const [chairs, desks] = order.lines;
    const partial = await run<Order & { supplierPerformanceScore: number | null }>(co.session('buyer'), receiveItems, {
      orderId: order.id,
      receivedOn: '2026-03-11',
      lines: [
        { itemId: chairs!.itemId, quantity: '6' },
        { itemId: desks!.itemId, quantity: '2' },
      ],
    });
    expect(partial.status).toBe('partially_received');
    expect(partial.lines.map((l) => l.quantityReceived)).toEqual(['6', '2']);
    // The promised 2026-03-12 is not past yet: no delivery is due, so no score.
    expect(partial.supplierPerformanceScore).toBeNull();

    const before = await snapshot(order.id);
    await expect(
      propose(
        co.session('buyer'),
        receiveItems,
        { orderId: order.id, lines: [{ itemId: chairs!.itemId, quantity: '5' }] },
        person,
      ),
    ).rejects.toMatchObject({
      code: 'invalid',
      message:
        'Receipt refused, nothing was recorded: "Chaise ergonomique": 10 ordered, 6 already received, 5 more would exceed the order.',
    });
    expect(await snapshot(order.id)).toEqual(before);
  });

  it('refuses to cancel once goods arrived', async () => {
    await expect(
      propose(co.session('buyer'), cancelOrder, { orderId: order.id, reason: 'changed our mind' }, person),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('is partially received: you cannot cancel it now'),
    });
  });

  it('receives the rest late, completes, and keeps a history row for every transition', async () => {
    const [chairs] = order.lines;
    const received = await run<Order & { supplierPerformanceScore: number | null }>(co.session('buyer'), receiveItems, {
      orderId: order.id,
      receivedOn: '2026-03-16',
      lines: [{ itemId: chairs!.itemId, quantity: '4' }],
    });
    expect(received.status).toBe('received');
    // Now due: 8 of 12 units arrived by the promised 2026-03-12, so 100 × 8 / 12 = 67.
    expect(received.supplierPerformanceScore).toBe(67);
    const done = await run(co.session('buyer'), completeOrder, { orderId: order.id });
    expect(done.status).toBe('completed');
    const { history, receipts, order: row } = await snapshot(order.id);
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'draft'],
      ['draft', 'approved'],
      ['approved', 'sent'],
      ['sent', 'confirmed'],
      ['confirmed', 'partially_received'],
      ['partially_received', 'received'],
      ['received', 'completed'],
    ]);
    expect(history[3]!.note).toBe('supplier ref. BP-7781');
    expect(receipts.map((r) => r.receivedOn).sort()).toEqual(['2026-03-11', '2026-03-16']);
    expect(row.status).toBe('completed');
    const [supplier] = await withTenant(handle.db, co.tenant.id, (tx) =>
      tx.select().from(suppliers).where(eq(suppliers.id, supplierId)),
    );
    expect(supplier!.performanceScore).toBe(67);
  });

  it('refuses to send a draft, and cancels an approved order with its reason', async () => {
    const draft = await run(co.session('buyer'), createOrder, {
      supplierId,
      lines: [{ description: 'Lampe', quantity: '1', unitPrice: '40.00' }],
    });
    await expect(propose(co.session('buyer'), sendOrder, { orderId: draft.id }, person)).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining(
        'is draft: you cannot send it to the supplier now. Possible next steps: pending approval, approved, cancelled.',
      ),
    });
    const approved = await approvedOrder();
    const cancelled = await run(co.session('buyer'), cancelOrder, { orderId: approved.id, reason: 'Budget gelé' });
    expect(cancelled.status).toBe('cancelled');
    const { history } = await snapshot(approved.id);
    expect(history.at(-1)).toMatchObject({ fromStatus: 'approved', toStatus: 'cancelled', note: 'Budget gelé' });
    await expect(propose(co.session('buyer'), completeOrder, { orderId: approved.id }, person)).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('It is closed.'),
    });
  });

  it('queues sending by the AI for approval under the assisted level (external risk)', async () => {
    const approved = await approvedOrder();
    const out = await propose(co.session('buyer'), sendOrder, { orderId: approved.id }, { source: 'chat', byAi: true });
    expect(out.status).toBe('pending_approval');
    expect((await snapshot(approved.id)).order.status).toBe('approved');
  });

  it('tells the approver, in the language of the person asking, whether the recipient is the one on file', async () => {
    const approved = await approvedOrder();
    const ai = { source: 'chat' as const, byAi: true };
    const french = await propose(
      co.session('buyer', 'fr'),
      sendOrder,
      { orderId: approved.id, to: 'commandes@ailleurs.test' },
      ai,
    );
    expect(french.evidence).toEqual([
      {
        factor: 'recipient_not_on_file',
        weight: -0.2,
        detail:
          'commandes@ailleurs.test n’est pas l’adresse courriel au dossier de Bureau Plus Inc. (ventes@bureauplus.test).',
      },
    ]);
    const english = await propose(co.session('buyer', 'en'), sendOrder, { orderId: approved.id }, ai);
    expect(english.evidence).toEqual([
      {
        factor: 'recipient_on_file',
        weight: 0.2,
        detail: 'Sent to the email on file for Bureau Plus Inc.: ventes@bureauplus.test.',
      },
    ]);
  });

  it('refuses to send to a supplier without an email unless one is given', async () => {
    const bare = await run<{ id: string }>(co.session('buyer'), createSupplier, { name: 'Sans Courriel' });
    const draft = await run(co.session('buyer'), createOrder, {
      supplierId: bare.id,
      lines: [{ description: 'Vis', quantity: '1', unitPrice: '5.00' }],
    });
    await run(co.session('admin'), submitOrder, { orderId: draft.id });
    await expect(propose(co.session('buyer'), sendOrder, { orderId: draft.id }, person)).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('has no email address'),
    });
    const sent = await run<Order & { to: string }>(co.session('buyer'), sendOrder, {
      orderId: draft.id,
      to: 'achats@sanscourriel.test',
    });
    expect(sent).toMatchObject({ status: 'sent', to: 'achats@sanscourriel.test' });
  });
});

describe('purchase order refusals, in the language of the person asking', () => {
  it.each([
    ['purchasing_submit_order', submitOrder, {}],
    ['purchasing_send_order', sendOrder, {}],
    ['purchasing_confirm_order', confirmOrder, {}],
    [
      'purchasing_receive_items',
      receiveItems,
      { lines: [{ itemId: '00000000-0000-4000-8000-000000000002', quantity: '1' }] },
    ],
    ['purchasing_cancel_order', cancelOrder, { reason: 'erreur' }],
    ['purchasing_complete_order', completeOrder, {}],
  ] as const)('%s answers an unknown order as not found', async (_name, tool, extra) => {
    const orderId = '00000000-0000-4000-8000-000000000001';
    await expect(
      propose(co.session('buyer', 'fr'), tool as AnyWriteTool, { orderId, ...extra }, person),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: `Bon de commande ${orderId} introuvable. Retrouvez-le avec purchasing_list_orders.`,
    });
  });

  it('purchasing_get_order answers an unknown order as not found', async () => {
    const orderId = '00000000-0000-4000-8000-000000000001';
    await expect(invoke(co.session('viewer', 'fr'), getOrder, { orderId }, person)).rejects.toMatchObject({
      code: 'not_found',
      message: `Bon de commande ${orderId} introuvable. Retrouvez-le avec purchasing_list_orders.`,
    });
    await expect(invoke(co.session('viewer', 'en'), getOrder, { orderId }, person)).rejects.toMatchObject({
      code: 'not_found',
      message: `Purchase order ${orderId} not found. Use purchasing_list_orders to find it.`,
    });
  });

  it('refuses to submit an order twice, its status written in words', async () => {
    const order = await approvedOrder();
    await expect(propose(co.session('admin', 'fr'), submitOrder, { orderId: order.id }, person)).rejects.toMatchObject({
      code: 'invalid',
      message: `Le bon de commande ${order.number} est approuvé : seul un brouillon peut être soumis.`,
    });
    await expect(propose(co.session('admin', 'en'), submitOrder, { orderId: order.id }, person)).rejects.toMatchObject({
      code: 'invalid',
      message: `Purchase order ${order.number} is approved: only a draft can be submitted.`,
    });
  });

  it('refuses to take back the approval of an order already sent', async () => {
    const order = await approvedOrder();
    await run(co.session('buyer'), sendOrder, { orderId: order.id });
    const takeBack = (lang: 'fr' | 'en') =>
      withTenant(handle.db, co.tenant.id, (tx) =>
        submitOrder.undo!(toolContext(co.session('admin', lang), tx), { orderId: order.id }, order as never),
      );
    await expect(takeBack('fr')).rejects.toMatchObject({
      code: 'invalid',
      message: `Le bon de commande ${order.number} est déjà envoyé : son approbation ne peut plus être reprise.`,
    });
    await expect(takeBack('en')).rejects.toMatchObject({
      code: 'invalid',
      message: `Purchase order ${order.number} is already sent: its approval can no longer be taken back.`,
    });
  });

  it('refuses to move an order that changed since it was read', async () => {
    const order = await approvedOrder();
    const stale = (await snapshot(order.id)).order;
    await run(co.session('buyer'), cancelOrder, { orderId: order.id, reason: 'Budget gelé' });
    await expect(
      withTenant(handle.db, co.tenant.id, (tx) => moveOrder(toolContext(co.session('buyer', 'fr'), tx), stale, 'sent')),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: `Le bon de commande ${order.number} a changé entre-temps : relisez-le et réessayez.`,
    });
    expect((await snapshot(order.id)).order.status).toBe('cancelled');
  });
});
