/**
 * Multi-tenancy is sacred: every table of the schema is enumerated from the database itself, must
 * have row-level security with the tenant policy, and must hide company A's rows from company B —
 * for SELECT, UPDATE and DELETE in hand-written SQL under the application role. A new table
 * without RLS, or without a row in the fixture below, fails this suite.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Tx } from '../../../db/client.ts';
import * as s from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { databaseFailureStore } from '../../../tools/auth/login-failures.ts';
import { invoke } from '../../../tools/invoke.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { getOrder } from '../../../tools/purchasing/get-order.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
let a: Awaited<ReturnType<typeof makeCompany>>;
let b: Awaited<ReturnType<typeof makeCompany>>;
let orderOfA: string;
let tables: string[];
/** Tables of no company, read and written by the owner role only (row-level security, no app policy). */
const OWNER_ONLY = ['login_failures'];

const rows = (result: unknown) =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
const exec = async (tx: Tx, text: string) => rows(await tx.execute(sql.raw(text)));
/** The database's own message, under drizzle's "Failed query" wrapper. */
const reason = (e: Error) => (e.cause instanceof Error ? e.cause.message : e.message);

/** One row per table for company A, written as the application role inside A's context. */
async function fillEveryTable(tx: Tx, tenantId: string, userId: string) {
  const t = { tenantId };
  const [supplier] = await tx
    .insert(s.suppliers)
    .values({ ...t, name: 'Fixture supplier' })
    .returning();
  const [category] = await tx
    .insert(s.productCategories)
    .values({ ...t, name: 'Mobilier' })
    .returning();
  const [product] = await tx
    .insert(s.products)
    .values({ ...t, name: 'Chaise', categoryId: category!.id, unitPriceCents: 100n })
    .returning();
  const [client] = await tx
    .insert(s.clients)
    .values({ ...t, name: 'Fixture client' })
    .returning();
  const [po] = await tx
    .insert(s.purchaseOrders)
    .values({
      ...t,
      number: 'PO-FIX',
      supplierId: supplier!.id,
      currency: 'CAD',
      orderDate: '2026-01-01',
      subtotalCents: 1n,
      taxCents: 0n,
      totalCents: 1n,
    })
    .returning();
  const [item] = await tx
    .insert(s.purchaseOrderItems)
    .values({
      ...t,
      orderId: po!.id,
      position: 1,
      productId: product!.id,
      description: 'x',
      quantity: '1',
      unitPriceCents: 1n,
      lineTotalCents: 1n,
    })
    .returning();
  await tx
    .insert(s.purchaseReceipts)
    .values({ ...t, orderId: po!.id, receivedOn: '2026-01-02', lines: [{ itemId: item!.id, quantity: '1' }] });
  await tx
    .insert(s.purchaseOrderApprovals)
    .values({ ...t, orderId: po!.id, level: 1, approverId: userId, decision: 'approved' });
  await tx.insert(s.purchaseOrderHistory).values({ ...t, orderId: po!.id, toStatus: 'draft' });
  const [recurring] = await tx
    .insert(s.recurringInvoices)
    .values({
      ...t,
      clientId: client!.id,
      frequency: 'monthly',
      startOn: '2026-01-01',
      nextOn: '2026-02-01',
      template: {},
    })
    .returning();
  const [invoice] = await tx
    .insert(s.invoices)
    .values({
      ...t,
      number: 'INV-FIX',
      clientId: client!.id,
      currency: 'CAD',
      language: 'fr',
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
      subtotalCents: 1n,
      taxCents: 0n,
      totalCents: 1n,
      recurringId: recurring!.id,
    })
    .returning();
  await tx.insert(s.invoiceItems).values({
    ...t,
    invoiceId: invoice!.id,
    position: 1,
    description: 'x',
    quantity: '1',
    unitPriceCents: 1n,
    lineTotalCents: 1n,
  });
  await tx.insert(s.payments).values({
    ...t,
    invoiceId: invoice!.id,
    amountCents: 1n,
    currency: 'CAD',
    method: 'interac',
    receivedOn: '2026-01-05',
  });
  await tx.insert(s.reminders).values({ ...t, invoiceId: invoice!.id, scheduleDay: 1, language: 'fr' });
  await tx
    .insert(s.invoiceDisputes)
    .values({ ...t, invoiceId: invoice!.id, source: 'person', reason: 'x', openedAt: new Date('2026-02-01') });
  await tx.insert(s.overdueAlerts).values({ ...t, invoiceId: invoice!.id, threshold: 30, alertedOn: '2026-03-02' });
  const [document] = await tx
    .insert(s.documents)
    .values({
      ...t,
      filename: 'bill.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 3,
      sha256: 'abc',
      content: Buffer.from('pdf'),
      source: 'upload',
    })
    .returning();
  const [bill] = await tx
    .insert(s.supplierBills)
    .values({
      ...t,
      number: 'BILL-FIX',
      supplierId: supplier!.id,
      documentId: document!.id,
      currency: 'CAD',
      billDate: '2026-01-01',
      subtotalCents: 1n,
      taxCents: 0n,
      totalCents: 1n,
    })
    .returning();
  await tx.insert(s.supplierBillItems).values({
    ...t,
    billId: bill!.id,
    position: 1,
    description: 'x',
    quantity: '1',
    unitPriceCents: 1n,
    lineTotalCents: 1n,
  });
  await tx
    .insert(s.billPayments)
    .values({ ...t, billId: bill!.id, amountCents: 1n, currency: 'CAD', method: 'wire', paidOn: '2026-01-06' });
  await tx.insert(s.inboundEmails).values({ ...t, messageId: '<fix@test>', fromAddress: 'a@b.test' });
  await tx.insert(s.outboxEmails).values({ ...t, to: 'a@b.test', subject: 'Hello', text: 'Hi' });
  const [account] = await tx
    .insert(s.bankAccounts)
    .values({ ...t, name: 'Desjardins' })
    .returning();
  const [transaction] = await tx
    .insert(s.bankTransactions)
    .values({
      ...t,
      accountId: account!.id,
      bookedOn: '2026-01-05',
      amountCents: 1n,
      currency: 'CAD',
      externalId: 'fx-1',
    })
    .returning();
  await tx.insert(s.bankMatches).values({
    ...t,
    transactionId: transaction!.id,
    targetKind: 'invoice',
    targetId: invoice!.id,
    amountCents: 1n,
    score: 1,
  });
  await tx.insert(s.bankPayerAliases).values({ ...t, direction: 'in', payer: 'FIXTURE', partyId: invoice!.clientId });
  const [conversation] = await tx
    .insert(s.aiConversations)
    .values({ ...t, userId, language: 'fr' })
    .returning();
  await tx.insert(s.aiMessages).values({ ...t, conversationId: conversation!.id, role: 'user', content: 'Bonjour' });
  await tx
    .insert(s.sessions)
    .values({ ...t, userId, tokenHash: `fixture-${tenantId}`, csrfToken: 'x', expiresAt: new Date('2030-01-01') });
  await tx
    .insert(s.apiTokens)
    .values({ ...t, userId, name: 'fixture', tokenHash: `fixture-${tenantId}`, prefix: 'cpt_' });
  await tx.insert(s.notifications).values({ ...t, userId, kind: 'test', title: 'Hello' });
  await tx
    .insert(s.exchangeRates)
    .values({ ...t, currency: 'GBP', companyCurrency: 'CAD', validFrom: '2026-03-01', rate: '1.8' });
  await tx.insert(s.mcpSessions).values({
    ...t,
    id: crypto.randomUUID(),
    userId,
    lang: 'fr',
    detail: 'short',
    initialize: { method: 'initialize' },
  });
  await tx.insert(s.accountLinks).values({
    ...t,
    userId,
    purpose: 'reset',
    tokenHash: `fixture-link-${tenantId}`,
    expiresAt: new Date('2030-01-01T00:00:00Z'),
  });
  // ai_actions, ai_action_events, approval_links and counters come from the door below.
  return { supplierId: supplier!.id };
}

beforeAll(async () => {
  handle = await freshDatabase();
  a = await makeCompany(handle.db);
  b = await makeCompany(handle.db);
  await withTenant(handle.db, a.tenant.id, (tx) => fillEveryTable(tx, a.tenant.id, a.user('admin').id));
  const supplier = await propose(
    a.session('buyer'),
    createSupplier,
    { name: 'Bureau Plus Inc.' },
    { source: 'rest', byAi: false },
  );
  const supplierId = (supplier.result as { id: string }).id;
  const order = await propose(
    a.session('buyer'),
    createOrder,
    { supplierId, lines: [{ description: 'Chaise', quantity: '2', unitPrice: '100.00' }] },
    { source: 'rest', byAi: false },
  );
  orderOfA = (order.result as { id: string }).id;
  await withTenant(handle.db, a.tenant.id, async (tx) => {
    const [action] = await tx.select().from(s.aiActions).limit(1);
    await tx.insert(s.approvalLinks).values({
      tenantId: a.tenant.id,
      actionId: action!.id,
      approverId: a.user('manager').id,
      decision: 'approve',
      tokenHash: 'fixture-link',
      expiresAt: new Date('2030-01-01'),
    });
  });
  tables = (await handle.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`))
    .map((r) => String(r.tablename))
    .filter((t) => !OWNER_ONLY.includes(t));
});
afterAll(() => handle?.close());

describe('the schema', () => {
  it('has row-level security and the tenant policy on every table, owned by someone other than the app role', async () => {
    expect(tables.length).toBeGreaterThan(30);
    const info = await handle.raw(`
      SELECT c.relname AS table, c.relrowsecurity AS rls, pg_get_userbyid(c.relowner) AS owner,
             (SELECT string_agg(p.qual, ' ') FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname AND 'comptoir_app' = ANY(p.roles)) AS qual
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`);
    const unprotected = info.filter(
      (r) =>
        !OWNER_ONLY.includes(String(r.table)) &&
        (r.rls !== true || !String(r.qual ?? '').includes("current_setting('app.tenant_id'")),
    );
    expect(unprotected.map((r) => r.table)).toEqual([]);
    expect(info.filter((r) => r.owner === 'comptoir_app')).toEqual([]);
  });

  it('gives every tenant table a tenant_id (tenants itself is keyed by id)', async () => {
    const withColumn = new Set(
      (
        await handle.raw(
          `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'`,
        )
      ).map((r) => String(r.table_name)),
    );
    expect(tables.filter((t) => t !== 'tenants' && !withColumn.has(t))).toEqual([]);
  });
});

describe('tables of no company', () => {
  it("keep their rows from the application role: login failures hold every company's email addresses", async () => {
    await databaseFailureStore(handle.db).add(`account|${a.user('admin').email}`, Date.now());
    expect(await databaseFailureStore(handle.db).recent(`account|${a.user('admin').email}`, 0)).toHaveLength(1);
    for (const table of OWNER_ONLY) {
      const info = await handle.raw(`SELECT relrowsecurity AS rls FROM pg_class WHERE relname = '${table}'`);
      expect(info[0]?.rls).toBe(true);
      const seen = await withTenant(handle.db, b.tenant.id, (tx) =>
        exec(tx, `SELECT count(*)::int AS n FROM ${table}`),
      );
      expect(seen[0]!.n).toBe(0);
    }
  });
});

describe('raw SQL under the application role', () => {
  it('company A has a row in every table (so the checks below prove something)', async () => {
    const empty: string[] = [];
    await withTenant(handle.db, a.tenant.id, async (tx) => {
      for (const table of tables)
        if (Number((await exec(tx, `SELECT count(*)::int AS n FROM ${table}`))[0]!.n) === 0) empty.push(table);
    });
    expect(empty).toEqual([]);
  });

  it('company B sees none of A’s rows in any table', async () => {
    const seen: Record<string, number> = {};
    await withTenant(handle.db, b.tenant.id, async (tx) => {
      for (const table of tables) {
        const column = table === 'tenants' ? 'id' : 'tenant_id';
        seen[table] = Number(
          (await exec(tx, `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = '${a.tenant.id}'`))[0]!.n,
        );
      }
    });
    expect(Object.entries(seen).filter(([, n]) => n > 0)).toEqual([]);
  });

  it('company B updates and deletes none of A’s rows in any table', async () => {
    for (const table of tables) {
      const column = table === 'tenants' ? 'id' : 'tenant_id';
      const run = (statement: string) =>
        withTenant(handle.db, b.tenant.id, (tx) => exec(tx, statement)).then(
          (r) => r.length,
          (e: Error) => `refused: ${reason(e)}`,
        );
      const updated = await run(
        `UPDATE ${table} SET ${column} = ${column} WHERE ${column} = '${a.tenant.id}' RETURNING 1`,
      );
      const deleted = await run(`DELETE FROM ${table} WHERE ${column} = '${a.tenant.id}' RETURNING 1`);
      // The audit trail refuses UPDATE and DELETE outright; every other table finds nothing to touch.
      if (table === 'ai_action_events') {
        expect(updated, table).toMatch(/refused: .*permission denied/);
        expect(deleted, table).toMatch(/refused: .*permission denied/);
      } else {
        expect(updated, table).toBe(0);
        expect(deleted, table).toBe(0);
      }
    }
    await withTenant(handle.db, a.tenant.id, async (tx) => {
      expect(Number((await exec(tx, 'SELECT count(*)::int AS n FROM suppliers'))[0]!.n)).toBeGreaterThan(0);
    });
  });

  it('refuses to write a row for another tenant', async () => {
    const refused = await withTenant(handle.db, b.tenant.id, (tx) =>
      exec(tx, `INSERT INTO suppliers (tenant_id, name) VALUES ('${a.tenant.id}', 'Intrus')`),
    ).then(
      () => 'accepted',
      (e: Error) => reason(e),
    );
    expect(refused).toMatch(/row-level security/);
  });

  // withTenant sends its settings in the same write as the first query: that query must already see them.
  it('runs the very first statement of a tenant transaction as the application role, in that tenant', async () => {
    const first = await withTenant(handle.db, b.tenant.id, (tx) =>
      exec(
        tx,
        `SELECT current_user AS role, current_setting('app.tenant_id', true) AS tenant, (SELECT count(*)::int FROM suppliers WHERE tenant_id = '${a.tenant.id}') AS foreign`,
      ),
    );
    expect(first).toEqual([{ role: 'comptoir_app', tenant: b.tenant.id, foreign: 0 }]);
    const firstBuilt = await withTenant(handle.db, b.tenant.id, (tx) =>
      tx.select({ tenantId: s.suppliers.tenantId }).from(s.suppliers),
    );
    expect(firstBuilt.filter((row) => row.tenantId !== b.tenant.id)).toEqual([]);
    const ownFirst = await withTenant(handle.db, a.tenant.id, (tx) =>
      tx.select({ tenantId: s.suppliers.tenantId }).from(s.suppliers),
    );
    expect(ownFirst.length).toBeGreaterThan(0);
  });

  it('shows nothing at all without a tenant context', async () => {
    const seen = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local role comptoir_app`);
      return exec(tx, 'SELECT count(*)::int AS n FROM suppliers');
    });
    expect(seen[0]!.n).toBe(0);
  });
});

describe('through the tools', () => {
  it('company B cannot read company A’s order by id', async () => {
    await expect(
      invoke(b.session('admin'), getOrder, { orderId: orderOfA }, { source: 'rest', byAi: false }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const own = await invoke(a.session('viewer'), getOrder, { orderId: orderOfA }, { source: 'rest', byAi: false });
    expect(own.kind === 'read' && (own.output as { total: string }).total).toBe('229.95');
  });

  it('company B cannot order from company A’s supplier', async () => {
    const [supplier] = await withTenant(handle.db, a.tenant.id, (tx) => tx.select().from(s.suppliers).limit(1));
    const attempt = propose(
      b.session('admin'),
      createOrder,
      { supplierId: supplier!.id, lines: [{ description: 'x', quantity: '1', unitPrice: '1.00' }] },
      { source: 'rest', byAi: false },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'not_found' });
  });
});
