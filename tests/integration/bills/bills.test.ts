// Supplier bills through the door: evidence factors, gapless numbers, three-way match on a partly
// received order, duplicates refused, approval (mismatch needs a reason) and payments.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import {
  billPayments,
  purchaseOrderHistory,
  purchaseOrders,
  supplierBills,
  suppliers,
} from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { approveBill } from '../../../tools/bills/approve-bill.ts';
import { getBill } from '../../../tools/bills/get-bill.ts';
import { payBill } from '../../../tools/bills/pay-bill.ts';
import { recordBill } from '../../../tools/bills/record-bill.ts';
import { approve, propose } from '../../../tools/actions/door.ts';
import type { Session } from '../../../tools/context.ts';
import type { AnyWriteTool } from '../../../tools/define.ts';
import { invoke } from '../../../tools/invoke.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { receiveItems } from '../../../tools/purchasing/receive-items.ts';
import { sendOrder } from '../../../tools/purchasing/send-order.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let co: Awaited<ReturnType<typeof makeCompany>>;
let supplierId: string;
let orderId: string;
let items: { itemId: string }[];
const person = { source: 'rest' as const, byAi: false };
const email = { source: 'email' as const, byAi: true };
type Bill = {
  id: string;
  number: string;
  status: string;
  total: string;
  balance: string;
  paid: string;
  match: { status: string; differences: { kind: string }[] } | null;
};

async function run<T = Bill>(session: Session, tool: AnyWriteTool, input: unknown): Promise<T> {
  const out = await propose(session, tool, input, person);
  expect(out.status, JSON.stringify(out.error ?? out.decision)).toBe('executed');
  return out.result as T;
}

beforeAll(async () => {
  handle = await freshDatabase();
  co = await makeCompany(handle.db);
  supplierId = (
    await run<{ id: string }>(co.session('buyer'), createSupplier, {
      name: 'Bureau Plus Inc.',
      email: 'ventes@bureauplus.test',
      gstNumber: '123456789RT0001',
    })
  ).id;
  // 10 chairs at 200.00 and 2 desks at 500.00, taxable in Québec; 10 chairs and 1 desk arrive.
  const draft = await run<{ id: string; lines: { itemId: string }[] }>(co.session('buyer'), createOrder, {
    supplierId,
    lines: [
      { description: 'Chaise ergonomique', quantity: '10', unitPrice: '200.00' },
      { description: 'Bureau assis-debout', quantity: '2', unitPrice: '500.00' },
    ],
  });
  orderId = draft.id;
  items = draft.lines;
  await run(co.session('admin'), submitOrder, { orderId });
  await run(co.session('buyer'), sendOrder, { orderId });
  await run(co.session('buyer'), receiveItems, {
    orderId,
    receivedOn: '2026-03-05',
    lines: [
      { itemId: items[0]!.itemId, quantity: '10' },
      { itemId: items[1]!.itemId, quantity: '1' },
    ],
  });
});
afterAll(() => handle?.close());

describe('recording a bill', () => {
  let first: Bill;

  it('records a bill read from an email as a draft, with the factors that make its confidence', async () => {
    const out = await propose(
      co.session('accountant'),
      recordBill,
      {
        supplier: { name: 'BUREAU PLUS', gstNumber: '123456789 RT 0001' },
        supplierInvoiceNumber: 'F-1001',
        billDate: '2026-03-06',
        purchaseOrderId: orderId,
        lines: [
          { description: 'Chaises ergonomiques', quantity: '10', unitPrice: '200.00' },
          { description: 'Bureau assis-debout', quantity: '1', unitPrice: '500.00' },
        ],
        // 2500.00 + GST 125.00 + QST 249.38 = 2874.38
        subtotal: '2500.00',
        tax: '374.38',
        total: '2874.38',
      },
      email,
    );
    // Assisted level: a draft read by the AI is created without waiting.
    expect(out.status).toBe('executed');
    expect(out.evidence.map((e) => [e.factor, e.weight])).toEqual([
      ['supplier_exact', 0.2],
      ['totals_match', 0.15],
      ['three_way_match', 0.15],
    ]);
    expect(out.confidence).toBe(1);
    first = out.result as Bill;
    expect(first).toMatchObject({
      number: 'BILL2026-00001',
      status: 'draft',
      total: '2874.38',
      balance: '2874.38',
      match: { status: 'matched', differences: [] },
    });
    const [row] = await withTenant(handle.db, co.tenant.id, (tx) =>
      tx.select().from(supplierBills).where(eq(supplierBills.id, first.id)),
    );
    // Payment terms of 30 days by default.
    expect(row).toMatchObject({
      dueDate: '2026-04-05',
      subtotalCents: 250000n,
      taxCents: 37438n,
      totalCents: 287438n,
      purchaseOrderId: orderId,
    });
  });

  it('refuses the same supplier invoice number twice, and records nothing', async () => {
    const count = async () =>
      (await withTenant(handle.db, co.tenant.id, (tx) => tx.select().from(supplierBills))).length;
    const before = await count();
    await expect(
      propose(
        co.session('accountant'),
        recordBill,
        {
          supplierId,
          supplierInvoiceNumber: 'F-1001',
          billDate: '2026-03-07',
          subtotal: '10.00',
          tax: '0.00',
          total: '10.00',
        },
        email,
      ),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'Invoice F-1001 from Bureau Plus Inc. is already recorded as BILL2026-00001: nothing was added.',
    });
    expect(await count()).toBe(before);
  });

  it('flags a possible duplicate (same total within 30 days, other number) and a bill for goods not received', async () => {
    const out = await propose(
      co.session('accountant'),
      recordBill,
      {
        supplierId,
        supplierInvoiceNumber: 'F-1001-B',
        billDate: '2026-03-08',
        purchaseOrderId: orderId,
        lines: [
          { description: 'Chaise ergonomique', quantity: '10', unitPrice: '200.00' },
          { description: 'Bureau assis-debout', quantity: '1', unitPrice: '500.00' },
        ],
      },
      email,
    );
    expect(out.evidence).toEqual([
      { factor: 'supplier_exact', weight: 0.2, detail: 'Supplier Bureau Plus Inc. identified by id.' },
      { factor: 'totals_match', weight: 0.15, detail: 'Lines + taxes = total ($2,874.38).' },
      { factor: 'three_way_match', weight: 0.15, detail: expect.stringContaining('Matches PO2026-') },
      {
        factor: 'possible_duplicate',
        weight: -0.4,
        detail: 'Possible duplicate of BILL2026-00001 (F-1001): same supplier and total within 30 days.',
      },
    ]);
    expect(out.confidence).toBe(0.6);
    expect((out.result as Bill).number).toBe('BILL2026-00002');
  });

  it('finds the three-way differences: a desk billed but not received, a price 5 % above the order', async () => {
    const out = await propose(
      co.session('accountant'),
      recordBill,
      {
        supplierId,
        supplierInvoiceNumber: 'F-1002',
        billDate: '2026-03-09',
        purchaseOrderId: orderId,
        lines: [{ description: 'Bureau assis-debout', quantity: '2', unitPrice: '525.00', itemId: items[1]!.itemId }],
      },
      email,
    );
    const bill = out.result as Bill;
    expect(bill.match!.status).toBe('mismatch');
    expect(bill.match!.differences.map((d) => d.kind)).toEqual([
      'billed_more_than_received',
      'price_above_order',
      'received_not_billed',
      'subtotal_differs',
    ]);
    expect(out.evidence.find((e) => e.factor === 'three_way_mismatch')).toMatchObject({ weight: -0.3 });
    // A mismatched bill cannot be approved without a reason.
    await expect(propose(co.session('admin'), approveBill, { billId: bill.id }, person)).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining(
        'does not match its purchase order (billed more than received, price above the order, received but not billed, subtotal differs)',
      ),
    });
    const approved = await run(co.session('admin'), approveBill, {
      billId: bill.id,
      acceptMismatch: true,
      note: 'Second desk delivered by courier, price increase agreed by phone',
    });
    expect(approved.status).toBe('approved');
  });

  it('takes a close name as a fuzzy supplier match, and refuses an unknown supplier clearly', async () => {
    const out = await propose(
      co.session('accountant'),
      recordBill,
      { supplier: { name: 'Bureau Plus' }, billDate: '2026-03-10', subtotal: '100.00', tax: '0.00', total: '100.00' },
      email,
    );
    // Score = 0.6 × name (1, legal form ignored) + 0.4 × cosine of the two names' vectors (≈ 0.81).
    expect(out.evidence[0]).toEqual({
      factor: 'supplier_fuzzy',
      weight: 0.05,
      detail: expect.stringMatching(/^Supplier "Bureau Plus" taken as Bureau Plus Inc\. \(search score 0\.9[0-9]\)\.$/),
    });
    await expect(
      propose(
        co.session('accountant'),
        recordBill,
        {
          supplier: { name: 'Fournisseur Inconnu' },
          billDate: '2026-03-10',
          total: '1.00',
          subtotal: '1.00',
          tax: '0.00',
        },
        email,
      ),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('No supplier matches "Fournisseur Inconnu"'),
    });
  });

  it('flags totals that do not add up and an amount far above the usual for this supplier', async () => {
    // Earlier bills: 2874.38, 2874.38, 100.00 and 1207.24 (2 × 525.00 = 1050.00 + GST 52.50 + QST 104.74)
    // → sorted 100.00, 1207.24, 2874.38, 2874.38: median (lower middle) 1207.24.
    const out = await propose(
      co.session('accountant'),
      recordBill,
      {
        supplierId,
        supplierInvoiceNumber: 'F-9999',
        billDate: '2026-03-11',
        subtotal: '9000.00',
        tax: '1000.00',
        total: '10400.00',
      },
      email,
    );
    expect(out.evidence.map((e) => e.factor)).toEqual([
      'supplier_exact',
      'totals_inconsistent',
      'no_purchase_order',
      'amount_above_usual',
    ]);
    expect(out.evidence[3]!.detail).toBe(
      "Total $10,400.00 is more than twice this supplier's median bill ($1,207.24 over 4 bills).",
    );
    // 0.5 + 0.2 - 0.3 + 0 - 0.15
    expect(out.confidence).toBe(0.25);
  });

  it('refuses half-given totals and a bill with neither lines nor totals', async () => {
    await expect(
      propose(co.session('accountant'), recordBill, { supplierId, billDate: '2026-03-10', total: '5.00' }, person),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('Give subtotal, tax and total together'),
    });
    await expect(
      propose(co.session('accountant'), recordBill, { supplierId, billDate: '2026-03-10' }, person),
    ).rejects.toMatchObject({ code: 'invalid', message: 'Give the bill lines, or its subtotal, tax and total.' });
  });
});

describe('the order after billing', () => {
  it('moves a fully received order to invoiced when its bill is recorded, with a history row', async () => {
    await run(co.session('buyer'), receiveItems, {
      orderId,
      receivedOn: '2026-03-12',
      lines: [{ itemId: items[1]!.itemId, quantity: '1' }],
    });
    const bill = await run(co.session('accountant'), recordBill, {
      supplierId,
      supplierInvoiceNumber: 'F-1003',
      billDate: '2026-03-13',
      purchaseOrderId: orderId,
      lines: [{ description: 'Bureau assis-debout', quantity: '1', unitPrice: '500.00' }],
    });
    const { order, history } = await withTenant(handle.db, co.tenant.id, async (tx) => ({
      order: (await tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, orderId)))[0]!,
      history: await tx.select().from(purchaseOrderHistory).where(eq(purchaseOrderHistory.orderId, orderId)),
    }));
    expect(order.status).toBe('invoiced');
    expect(history.find((h) => h.toStatus === 'invoiced')).toMatchObject({
      fromStatus: 'received',
      note: `bill ${bill.number}`,
    });
  });
});

describe('approving and paying', () => {
  it('needs approval by level for an accountant (money), then pays in two parts and refuses overpayment', async () => {
    const bill = await run(co.session('accountant'), recordBill, {
      supplierId,
      supplierInvoiceNumber: 'F-2000',
      billDate: '2026-03-12',
      subtotal: '1500.00',
      tax: '0.00',
      total: '1500.00',
    });
    await expect(propose(co.session('accountant'), payBill, { billId: bill.id }, person)).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('not approved yet'),
    });
    // 1500.00 is above the 1000.00 level-1 threshold: an accountant (rank 1) may approve it.
    const approved = await run(co.session('accountant'), approveBill, { billId: bill.id });
    expect(approved.status).toBe('approved');
    const part = await run(co.session('accountant'), payBill, {
      billId: bill.id,
      amount: '1000.00',
      paidOn: '2026-03-20',
      method: 'cheque',
      reference: 'CHQ 1042',
    });
    expect(part).toMatchObject({ status: 'partially_paid', paid: '1000.00', balance: '500.00' });
    await expect(
      propose(co.session('accountant'), payBill, { billId: bill.id, amount: '600.00' }, person),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: `Payment of $600.00 exceeds the balance of bill ${bill.number} ($500.00).`,
    });
    await expect(
      propose(co.session('accountant', 'fr'), payBill, { billId: bill.id, amount: '600.00' }, person),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: `Le paiement de 600,00\u00a0$ dépasse le solde de la facture ${bill.number} (500,00\u00a0$).`,
    });
    const rest = await run(co.session('accountant'), payBill, { billId: bill.id });
    expect(rest).toMatchObject({ status: 'paid', paid: '1500.00', balance: '0.00' });
    const payments = await withTenant(handle.db, co.tenant.id, (tx) =>
      tx.select().from(billPayments).where(eq(billPayments.billId, bill.id)),
    );
    expect(payments.map((p) => p.amountCents).sort()).toEqual([100000n, 50000n].sort());
  });

  it('queues a buyer’s payment: buyers do not move money', async () => {
    const bill = await run(co.session('accountant'), recordBill, {
      supplierId,
      supplierInvoiceNumber: 'F-2001',
      billDate: '2026-03-12',
      subtotal: '50.00',
      tax: '0.00',
      total: '50.00',
    });
    await run(co.session('accountant'), approveBill, { billId: bill.id });
    const out = await propose(co.session('buyer'), payBill, { billId: bill.id }, person);
    expect(out.status).toBe('pending_approval');
  });
});

describe('a bill approved later', () => {
  it('is checked again when it runs: a supplier blocked since the proposal fails it, in the approver’s language', async () => {
    // Manual level: the bill read by the AI waits for a person, so run happens in another transaction.
    const manual = await makeCompany(handle.db, { automationLevel: 'manual' });
    const supplier = await run<{ id: string }>(manual.session('buyer'), createSupplier, { name: 'Papeterie Tardive' });
    const proposed = await propose(
      manual.session('accountant'),
      recordBill,
      {
        supplierId: supplier.id,
        supplierInvoiceNumber: 'T-1',
        billDate: '2026-03-06',
        subtotal: '80.00',
        tax: '0.00',
        total: '80.00',
      },
      email,
    );
    expect(proposed.status).toBe('pending_approval');
    await withTenant(handle.db, manual.tenant.id, (tx) =>
      tx.update(suppliers).set({ status: 'blocked' }).where(eq(suppliers.id, supplier.id)),
    );

    const decided = await approve(manual.session('accountant', 'fr'), proposed.id, { source: 'rest' });
    expect(decided.status).toBe('failed');
    expect(decided.error).toEqual({
      code: 'invalid',
      message: "Le fournisseur Papeterie Tardive est bloqué : débloquez-le avant d'enregistrer ses factures.",
    });
    expect(await withTenant(handle.db, manual.tenant.id, (tx) => tx.select().from(supplierBills))).toEqual([]);
  });
});

describe('refusals in the language of the person asking', () => {
  it('answers in French for a French session', async () => {
    const fr = co.session('accountant', 'fr');
    await expect(
      propose(
        fr,
        recordBill,
        {
          supplier: { name: 'Fournisseur Inconnu' },
          billDate: '2026-03-10',
          total: '1.00',
          subtotal: '1.00',
          tax: '0.00',
        },
        email,
      ),
    ).rejects.toMatchObject({
      code: 'not_found',
      message:
        'Aucun fournisseur ne correspond à « Fournisseur Inconnu ». Cherchez-le avec purchasing_find_suppliers, ou créez-le avec purchasing_create_supplier, puis donnez supplierId.',
    });
    await expect(
      propose(fr, recordBill, { supplierId, billDate: '2026-03-10', total: '5.00' }, person),
    ).rejects.toMatchObject({
      code: 'invalid',
      message:
        'Donnez ensemble le sous-total, la taxe et le total (tels qu’imprimés sur la facture), ou aucun des trois pour les calculer à partir des lignes.',
    });
    await expect(
      propose(
        fr,
        recordBill,
        {
          supplierId,
          purchaseOrderId: orderId,
          billDate: '2026-03-10',
          currency: 'USD',
          total: '5.00',
          subtotal: '5.00',
          tax: '0.00',
        },
        person,
      ),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^Le bon de commande PO2026-\d{5} est en CAD, la facture en USD\.$/),
    });
    const unknown = randomUUID();
    await expect(
      propose(
        fr,
        recordBill,
        { supplierId: unknown, billDate: '2026-03-10', total: '5.00', subtotal: '5.00', tax: '0.00' },
        person,
      ),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: `Fournisseur ${unknown} introuvable. Cherchez les fournisseurs par leur nom avec purchasing_find_suppliers.`,
    });
    await expect(
      propose(
        fr,
        recordBill,
        { supplierId, purchaseOrderId: unknown, billDate: '2026-03-10', total: '5.00', subtotal: '5.00', tax: '0.00' },
        person,
      ),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: `Bon de commande ${unknown} introuvable. Retrouvez-le avec purchasing_list_orders.`,
    });

    const draft = await run(co.session('accountant'), recordBill, {
      supplierId,
      supplierInvoiceNumber: 'F-3000',
      billDate: '2026-03-12',
      subtotal: '20.00',
      tax: '0.00',
      total: '20.00',
    });
    await expect(propose(fr, payBill, { billId: draft.id }, person)).rejects.toMatchObject({
      code: 'invalid',
      message: `La facture ${draft.number} n'est pas encore approuvée : approuvez-la d'abord avec bills_approve_bill.`,
    });
    await run(co.session('accountant'), approveBill, { billId: draft.id });
    await expect(propose(fr, approveBill, { billId: draft.id }, person)).rejects.toMatchObject({
      code: 'invalid',
      message: `La facture ${draft.number} est approuvée : seule une facture en brouillon ou comptabilisée peut être approuvée.`,
    });
    const missing = randomUUID();
    await expect(invoke(fr, getBill, { billId: missing }, { source: 'rest', byAi: false })).rejects.toMatchObject({
      code: 'not_found',
      message: `Facture fournisseur ${missing} introuvable. Cherchez-la avec bills_list_bills.`,
    });
  });
});
