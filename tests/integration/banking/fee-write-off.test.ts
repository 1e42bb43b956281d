/**
 * A client pays an invoice in full and the bank keeps a fee on the way: confirming the match with
 * writeOffFee settles the invoice (the fee recorded as its own settlement, named as a bank fee), a
 * difference above the tenant's tolerance is refused, and undo restores the whole balance.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { bankTransactions, invoices, payments, tenants } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose, undo } from '../../../tools/actions/door.ts';
import { confirmMatch } from '../../../tools/banking/confirm-match.ts';
import { importStatement } from '../../../tools/banking/import-statement.ts';
import type { Session } from '../../../tools/context.ts';
import type { InvoiceSummary } from '../../../tools/invoicing/schemas.ts';
import { sendInvoice } from '../../../tools/invoicing/send-invoice.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { done, newClient, newInvoice } from '../invoicing/people.ts';

let handle: DatabaseHandle;
let co: Awaited<ReturnType<typeof makeCompany>>;
let manager: Session;
let invoice: InvoiceSummary;
let lineId: string;
let bigShortId: string;

const csv =
  'Date,Amount,Description\n2026-02-25,107.98,VIREMENT CLIENT NORD\n2026-02-26,50.00,VIREMENT CLIENT NORD BIS';
const tx: <T>(fn: Parameters<typeof withTenant<T>>[2]) => Promise<T> = (fn) => withTenant(handle.db, co.tenant.id, fn);

beforeAll(async () => {
  handle = await freshDatabase();
  co = await makeCompany(handle.db);
  manager = co.session('manager', 'en');
  const client = await newClient(manager, {
    name: 'Client Nord',
    email: 'a@nord.test',
    province: 'QC',
    language: 'fr',
  });
  const draft = await newInvoice(manager, {
    clientId: client.id,
    issueDate: '2026-02-10',
    lines: [{ description: 'Travaux', quantity: '10', unitPrice: '10.00', accountCode: '4100' }],
  });
  // 10 × 10.00 in Québec = 114.98: the bank line is 7.00 short (a wire fee), within the 25.00 default tolerance.
  invoice = (await done<{ invoice: InvoiceSummary }>(manager, sendInvoice, { invoiceId: draft.id })).invoice;
  await done(manager, importStatement, { content: csv });
  const rows = await tx((t) => t.select().from(bankTransactions));
  lineId = rows.find((r) => r.amountCents === 10798n)!.id;
  bigShortId = rows.find((r) => r.amountCents === 5000n)!.id;
});
afterAll(() => handle?.close());

it('refuses to write off a difference above the tolerance, naming it', async () => {
  const out = await propose(
    manager,
    confirmMatch,
    { transactionId: bigShortId, targets: [{ kind: 'invoice', id: invoice.id }], writeOffFee: true },
    { source: 'rest', byAi: false },
  ).catch((e: Error) => e);
  expect((out as Error).message).toMatch(/No bank fee to write off: .* at most \$?25\.00/);
  const [row] = await tx((t) => t.select().from(invoices).where(eq(invoices.id, invoice.id)));
  expect(row!.paidCents).toBe(0n);
});

it('settles the invoice with the fee written off, and undo restores the whole balance', async () => {
  // A company that lets the AI act alone: what it did alone is what the activity feed undoes.
  await tx((t) =>
    t
      .update(tenants)
      .set({ automationLevel: 'full', confidenceFloor: 0, confidenceThreshold: 0 })
      .where(eq(tenants.id, co.tenant.id)),
  );
  const out = await propose(
    manager,
    confirmMatch,
    { transactionId: lineId, targets: [{ kind: 'invoice', id: invoice.id }], writeOffFee: true },
    // As the agent would: only what the AI did alone is undone from the activity feed.
    { source: 'chat', byAi: true },
  );
  expect(out.status).toBe('executed');
  const result = out.result as { matches: { amount: string; fee: string; balance: string; status: string }[] };
  expect(result.matches).toEqual([
    expect.objectContaining({ amount: '107.98', fee: '7.00', balance: '0.00', status: 'paid' }),
  ]);
  const recorded = await tx((t) => t.select().from(payments).where(eq(payments.invoiceId, invoice.id)));
  expect(recorded.map((p) => p.amountCents).sort((a, b) => (a < b ? -1 : 1))).toEqual([700n, 10798n]);
  expect(recorded.find((p) => p.amountCents === 700n)!.reference).toMatch(/^Bank fee withheld/);

  await undo(manager, out.id, { source: 'rest' });
  const [row] = await tx((t) => t.select().from(invoices).where(eq(invoices.id, invoice.id)));
  expect(row!.paidCents).toBe(0n);
  expect(await tx((t) => t.select().from(payments).where(eq(payments.invoiceId, invoice.id)))).toEqual([]);
  const [line] = await tx((t) => t.select().from(bankTransactions).where(eq(bankTransactions.id, lineId)));
  expect(line!.status).toBe('unmatched');
});
