/**
 * Approval levels compare amounts in the company currency: a 9 000 GBP order is ≈ 16 200 CAD, so
 * level 3, not the level 2 that 9 000 read as CAD would give. Without a held rate, the highest level
 * decides and the evidence says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { approve, propose } from '../../../tools/actions/door.ts';
import { getAction } from '../../../tools/actions/get-action.ts';
import { recordBill } from '../../../tools/bills/record-bill.ts';
import type { Session } from '../../../tools/context.ts';
import type { AnyWriteTool } from '../../../tools/define.ts';
import { invoke } from '../../../tools/invoke.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { setExchangeRate } from '../../../tools/settings/set-exchange-rate.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;
let supplierId: string;
const person = { source: 'rest', byAi: false } as const;
const run = (session: Session, tool: AnyWriteTool, input: unknown) => propose(session, tool, input, person);

/** A draft order of 9 000.00 GBP by the buyer, then the manager's submission of it. */
async function submitGbpOrder(lang: 'fr' | 'en' = 'en') {
  const order = await run(company.session('buyer'), createOrder, {
    supplierId,
    orderDate: '2026-03-02',
    lines: [{ description: 'Mobilier de bureau', quantity: '1', unitPrice: '9000.00', treatment: 'exempt' }],
  });
  expect(order.status).toBe('executed');
  return run(company.session('manager', lang), submitOrder, { orderId: (order.result as { id: string }).id });
}

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db);
  const supplier = await run(company.session('admin'), createSupplier, { name: 'London Desks Ltd', currency: 'GBP' });
  supplierId = (supplier.result as { id: string }).id;
});
afterAll(() => handle?.close());

describe('approval levels in the company currency', () => {
  it('without a held rate: the highest level, and the evidence says why (fr/en)', async () => {
    const out = await submitGbpOrder('fr');
    expect(out.status).toBe('pending_approval');
    expect(out.requiredLevel).toBe(3);
    expect(out.decision).toMatchObject({ outcome: 'queue', reasons: ['amount_needs_level', 'no_exchange_rate'] });
    const factor = out.evidence.find((e) => e.factor === 'no_exchange_rate');
    expect(factor?.detail).toBe(
      '9\u00a0000,00\u00a0£ : aucun taux GBP→CAD au 2026-03-02 ; montant en CAD inconnu, le niveau le plus élevé décide.',
    );
    const view = await invoke(company.session('admin', 'en'), getAction, { actionId: out.id }, person);
    expect(view.kind === 'read' && view.output).toMatchObject({
      action: { amount: '9000.00', currency: 'GBP', companyAmountCents: null },
    });
  });

  it('with a rate held from before the order date: converted, level 3, both amounts in the evidence', async () => {
    // A rate from after the order's date is not the one in force on it.
    await run(company.session('admin'), setExchangeRate, { currency: 'GBP', validFrom: '2026-03-05', rate: '9.99' });
    const saved = await run(company.session('admin'), setExchangeRate, {
      currency: 'GBP',
      validFrom: '2026-03-01',
      rate: '1.80',
    });
    expect(saved.result).toEqual({ currency: 'GBP', companyCurrency: 'CAD', validFrom: '2026-03-01', rate: '1.8' });

    const out = await submitGbpOrder();
    expect(out.status).toBe('pending_approval');
    expect(out.requiredLevel).toBe(3);
    expect(out.decision).toMatchObject({ reasons: ['amount_needs_level'] });
    expect(out.evidence.find((e) => e.factor === 'currency_conversion')?.detail).toBe(
      '£9,000.00 = $16,200.00 at 1.8 (company rate in force since 2026-03-01), rounded half-up to the cent.',
    );
    const view = await invoke(company.session('admin'), getAction, { actionId: out.id }, person);
    expect(view.kind === 'read' && view.output).toMatchObject({
      action: { amount: '9000.00', currency: 'GBP', companyAmountCents: '1620000' },
    });
    // The manager may not approve what needs an administrator; the administrator may.
    await expect(approve(company.session('manager'), out.id, { source: 'rest' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await approve(company.session('admin'), out.id, { source: 'rest' })).status).toBe('executed');
  });

  it('uses a rate given with the document before the held one', async () => {
    const out = await run(company.session('manager'), recordBill, {
      supplierId,
      supplierInvoiceNumber: 'LD-1',
      billDate: '2026-03-02',
      exchangeRate: '1.75',
      lines: [{ description: 'Chaises', quantity: '1', unitPrice: '100.00', treatment: 'exempt' }],
    });
    expect(out.evidence.find((e) => e.factor === 'currency_conversion')?.detail).toBe(
      '£100.00 = $175.00 at 1.75 (rate given with the document), rounded half-up to the cent.',
    );
  });

  it('refuses a rate for the company currency itself, and a rate entered by a non-administrator', async () => {
    await expect(
      run(company.session('admin'), setExchangeRate, { currency: 'CAD', validFrom: '2026-03-01', rate: '1' }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      run(company.session('manager'), setExchangeRate, { currency: 'USD', validFrom: '2026-03-01', rate: '1.4' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
