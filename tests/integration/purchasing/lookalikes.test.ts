/**
 * Names are normalised at the door, duplicates and lookalikes are refused on the normalised form, and a
 * bill is never booked on a supplier that has a lookalike or near rival: the person is asked to choose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { clients, supplierBills, suppliers } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { recordBill } from '../../../tools/bills/record-bill.ts';
import type { Session } from '../../../tools/context.ts';
import type { AnyWriteTool } from '../../../tools/define.ts';
import { createClient } from '../../../tools/invoicing/create-client.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { updateSupplier } from '../../../tools/purchasing/update-supplier.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;
let admin: Session;
let realId: string;

const person = { source: 'rest', byAi: false } as const;
const run = async (tool: AnyWriteTool, input: unknown, session = admin) => propose(session, tool, input, person);
const rows = () =>
  withTenant(handle.db, company.tenant.id, async (tx) => ({
    suppliers: (await tx.select({ id: suppliers.id, name: suppliers.name }).from(suppliers)).length,
    clients: (await tx.select({ id: clients.id }).from(clients)).length,
    bills: (await tx.select({ id: supplierBills.id }).from(supplierBills)).length,
  }));

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db);
  admin = company.session('admin');
  realId = ((await run(createSupplier, { name: 'Bureau Plus Inc.', province: 'QC' })).result as { id: string }).id;
});
afterAll(() => handle?.close());

describe('names at the door', () => {
  it('stores a name in its normal form: NFKC, invisible characters gone, spaces folded', async () => {
    const out = await run(createSupplier, { name: '  Papeterie\u00a0 Laval\u200b\u0007  Ltée ', province: 'QC' });
    expect((out.result as { name: string }).name).toBe('Papeterie Laval Ltée');
  });

  it('refuses "Bureau\\u200b Plus Inc." as the same name as "Bureau Plus Inc."', async () => {
    const before = await rows();
    await expect(run(createSupplier, { name: 'Bureau\u200b Plus Inc.', province: 'QC' })).rejects.toMatchObject({
      code: 'conflict',
      message: `A supplier named 'Bureau Plus Inc.' already exists (id ${realId}).`,
    });
    expect(await rows()).toEqual(before);
  });

  it('refuses a lookalike name (case, punctuation, legal form), naming the supplier it looks like, in French too', async () => {
    await expect(run(createSupplier, { name: 'BUREAU-PLUS' })).rejects.toMatchObject({
      code: 'conflict',
      message: `'BUREAU-PLUS' cannot be told apart from supplier 'Bureau Plus Inc.' (id ${realId}): use that one, or give a name that tells them apart.`,
      details: { id: realId, name: 'Bureau Plus Inc.' },
    });
    await expect(
      propose(company.session('admin', 'fr'), createSupplier, { name: 'Bureau Plus Ltée' }, person),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: `« Bureau Plus Ltée » se confond avec le fournisseur « Bureau Plus Inc. » (id ${realId}) : utilisez celui-ci, ou donnez un nom qui les distingue.`,
    });
  });

  it('refuses renaming a supplier into a lookalike of another', async () => {
    const other = ((await run(createSupplier, { name: 'Mobilier Nord' })).result as { id: string }).id;
    await expect(run(updateSupplier, { supplierId: other, name: 'bureau plus' })).rejects.toMatchObject({
      code: 'conflict',
      details: { id: realId },
    });
  });

  it('refuses a lookalike client', async () => {
    await run(createClient, { name: 'Olimpico Inc.', province: 'QC' });
    const before = await rows();
    await expect(run(createClient, { name: 'OLIMPICO\u200b', province: 'QC' })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await rows()).toEqual(before);
  });
});

describe('bill intake with a lookalike supplier', () => {
  const bill = (name: string, invoiceNumber: string) => ({
    supplier: { name },
    supplierInvoiceNumber: invoiceNumber,
    billDate: '2026-03-01',
    subtotal: '100.00',
    tax: '0.00',
    total: '100.00',
  });

  it('books on a unique exact name', async () => {
    const out = await run(recordBill, bill('Papeterie Laval Ltée', 'PL-1'));
    expect(out.status).toBe('executed');
  });

  it('asks instead of booking when a lookalike stored before the door normalised names competes, naming both', async () => {
    // A supplier saved by an older version, which kept the zero-width space.
    const fakeId = await withTenant(handle.db, company.tenant.id, async (tx) => {
      const [row] = await tx
        .insert(suppliers)
        .values({ tenantId: company.tenant.id, name: 'Bureau\u200b Plus Inc.', currency: 'CAD' })
        .returning({ id: suppliers.id });
      return row!.id;
    });
    const before = await rows();
    const attempt = run(recordBill, bill('Bureau Plus Inc.', 'BP-1'));
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
    const err = await attempt.catch((e) => e);
    expect(err.message).toMatch(/^Several suppliers could be "Bureau Plus Inc.": /);
    expect(err.message).toContain(realId);
    expect(err.message).toContain(fakeId);
    expect(err.details.candidates.map((c: { id: string }) => c.id).sort()).toEqual([realId, fakeId].sort());
    expect(await rows()).toEqual(before);
  });
});
