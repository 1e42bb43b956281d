/**
 * DSO counts a payment on the day the bank statement shows it: an invoice marked paid on 2026-03-20
 * whose money reached the bank on 2026-04-05 (the reconciled line) is still owed on 2026-03-31.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import * as s from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { receivablesAging } from '../../../tools/analytics/ar-aging.ts';
import { invoke } from '../../../tools/invoke.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let co: Awaited<ReturnType<typeof makeCompany>>;
let other: Awaited<ReturnType<typeof makeCompany>>;

beforeAll(async () => {
  handle = await freshDatabase();
  co = await makeCompany(handle.db, {}, () => new Date('2026-03-31T12:00:00Z'));
  other = await makeCompany(handle.db, {}, () => new Date('2026-03-31T12:00:00Z'));
  await withTenant(handle.db, co.tenant.id, async (tx) => {
    const t = { tenantId: co.tenant.id };
    const [client] = await tx
      .insert(s.clients)
      .values({ ...t, name: 'Banque Lente' })
      .returning();
    const invoice = (number: string, totalCents: bigint) => ({
      ...t,
      number,
      clientId: client!.id,
      status: 'paid' as const,
      currency: 'CAD',
      language: 'fr' as const,
      issueDate: '2026-03-01',
      dueDate: '2026-03-16',
      subtotalCents: totalCents,
      taxCents: 0n,
      totalCents,
      paidCents: totalCents,
    });
    const [a, b, c] = await tx
      .insert(s.invoices)
      .values([invoice('INV-A', 60000n), invoice('INV-B', 30000n), invoice('INV-C', 10000n)])
      .returning();
    const [account] = await tx
      .insert(s.bankAccounts)
      .values({ ...t, name: 'Desjardins' })
      .returning();
    const line = (externalId: string, bookedOn: string, amountCents: bigint) => ({
      ...t,
      accountId: account!.id,
      bookedOn,
      amountCents,
      currency: 'CAD',
      externalId,
    });
    const [la, lb] = await tx
      .insert(s.bankTransactions)
      .values([line('a', '2026-04-05', 60000n), line('b', '2026-03-25', 30000n)])
      .returning();
    const pay = (invoiceId: string, amountCents: bigint, receivedOn: string, bankTransactionId?: string) => ({
      ...t,
      invoiceId,
      amountCents,
      currency: 'CAD',
      method: 'wire' as const,
      receivedOn,
      bankTransactionId,
    });
    // A: marked paid 03-20, the bank line named on the payment says 04-05 (after asOf).
    // B: marked paid 04-02 (typed late), the line matched to the invoice says 03-25 (before asOf).
    // C: never reconciled: its recorded date 03-10 stands.
    await tx
      .insert(s.payments)
      .values([
        pay(a!.id, 60000n, '2026-03-20', la!.id),
        pay(b!.id, 30000n, '2026-04-02'),
        pay(c!.id, 10000n, '2026-03-10'),
      ]);
    await tx
      .insert(s.bankMatches)
      .values({ ...t, transactionId: lb!.id, targetKind: 'invoice', targetId: b!.id, amountCents: 30000n, score: 1 });
  });
});
afterAll(() => handle?.close());

describe('DSO on reconciled payments', () => {
  it('counts each payment on its bank date, not the day it was marked paid', async () => {
    const out = await invoke(co.session('manager'), receivablesAging, {}, { source: 'rest', byAi: false });
    // Owed on 03-31 as the bank saw it: A 600.00 (bank 04-05); B paid (bank 03-25); C paid (recorded 03-10).
    // Sales of the 90 days: 1000.00. DSO = 600 / 1000 × 90 = 54.
    expect((out as { output: unknown }).output).toMatchObject({
      total: '0.00',
      receivablesForDso: '600.00',
      creditSales: '1000.00',
      dso: 54,
      reconciledPayments: { payments: 2, reconciled: 1 },
    });
    const later = await invoke(
      co.session('manager'),
      receivablesAging,
      { asOf: '2026-04-06' },
      { source: 'rest', byAi: false },
    );
    expect((later as { output: unknown }).output).toMatchObject({
      receivablesForDso: '0.00',
      dso: 0,
      reconciledPayments: { payments: 3, reconciled: 2 },
    });
  });

  it("another company's payments and bank lines are not counted", async () => {
    const out = await invoke(other.session('manager'), receivablesAging, {}, { source: 'rest', byAi: false });
    expect((out as { output: unknown }).output).toMatchObject({
      receivablesForDso: '0.00',
      dso: null,
      reconciledPayments: { payments: 0, reconciled: 0 },
    });
  });
});
