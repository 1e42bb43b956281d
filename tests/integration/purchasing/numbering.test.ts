import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { purchaseOrders } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { nextNumber } from '../../../tools/numbering.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase({ poolSize: 20 });
});
afterAll(() => handle?.close());

describe('document numbering', () => {
  it('gives 200 concurrent purchase orders of one company 200 distinct, gapless numbers', async () => {
    const company = await makeCompany(handle.db);
    const buyer = company.session('buyer');
    const supplier = await propose(
      buyer,
      createSupplier,
      { name: 'Bureau Plus Inc.' },
      { source: 'rest', byAi: false },
    );
    const supplierId = (supplier.result as { id: string }).id;
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        propose(
          buyer,
          createOrder,
          { supplierId, lines: [{ description: `Chaise ${i}`, quantity: '1', unitPrice: '10.00' }] },
          { source: 'rest', byAi: false },
        ),
      ),
    );
    expect(outcomes.every((o) => o.status === 'executed')).toBe(true);
    const numbers = outcomes.map((o) => (o.result as { number: string }).number).sort();
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => `PO2026-${String(i + 1).padStart(5, '0')}`));
    const stored = await withTenant(handle.db, buyer.tenantId, (tx) =>
      tx.select({ number: purchaseOrders.number }).from(purchaseOrders),
    );
    expect(stored).toHaveLength(200);
  }, 180_000);

  it('keeps separate sequences per company, per kind and per year, and gives back a rolled-back number', async () => {
    const one = await makeCompany(handle.db);
    const two = await makeCompany(handle.db);
    const take = (tenantId: string, kind: 'PO' | 'INV', on: string) =>
      withTenant(handle.db, tenantId, (tx) => nextNumber(tx, tenantId, kind, on));
    expect(await take(one.tenant.id, 'PO', '2026-12-31')).toBe('PO2026-00001');
    expect(await take(two.tenant.id, 'PO', '2026-05-01')).toBe('PO2026-00001');
    expect(await take(one.tenant.id, 'INV', '2026-05-01')).toBe('INV2026-00001');
    expect(await take(one.tenant.id, 'PO', '2027-01-01')).toBe('PO2027-00001');
    await expect(
      withTenant(handle.db, one.tenant.id, async (tx) => {
        await nextNumber(tx, one.tenant.id, 'PO', '2026-06-01');
        throw new Error('the insert failed');
      }),
    ).rejects.toThrow('the insert failed');
    expect(await take(one.tenant.id, 'PO', '2026-06-01')).toBe('PO2026-00002');
  });
});
