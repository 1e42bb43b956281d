/**
 * Every hot path reads through an index. The real tools, the door, the approvals queue and the jobs run
 * against a seeded database (a long tail of companies, two years each, bench/seed-scale.ts); every query
 * they send is captured from the database handle's logger, with its parameters, and its plan is asked
 * of PostgreSQL in the same company context (row-level security on, as the application role). A
 * sequential scan of a tenant table that holds more than a few pages of rows fails, naming the query:
 * so a new query without its index fails here, whoever wrote it.
 *
 * PostgreSQL only: the plans are PostgreSQL's, with its statistics (ANALYZE after the seed).
 */
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedScale } from '../../../bench/seed-scale.ts';
import { type DatabaseHandle, openDatabase } from '../../../db/client.ts';
import type { users } from '../../../db/schema/index.ts';
import { APP_ROLE } from '../../../db/schema/columns.ts';
import { emailApprovers } from '../../../tools/actions/approval-emails.ts';
import { approve, propose } from '../../../tools/actions/door.ts';
import { expireDue } from '../../../tools/actions/expiry.ts';
import { actorOf } from '../../../tools/auth/api-tokens.ts';
import type { Session } from '../../../tools/context.ts';
import { AppError } from '../../../tools/errors.ts';
import { invoke } from '../../../tools/invoke.ts';
import { markOverdue } from '../../../tools/invoicing/overdue.ts';
import { generateDueRecurring } from '../../../tools/invoicing/recurring.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { registry } from '../../../tools/registry.ts';
import { proposeDueReminders } from '../../../tools/reminders/propose-due.ts';
import { listDocuments } from '../../../tools/uploads/uploads.ts';
import { deliverOutbox } from '../../../email/outbound.ts';
import { createTestDatabase, dropTestDatabase, serverUrl } from '../../support/postgres.ts';

const onRealServer = Boolean(process.env.DATABASE_URL);
/** A table smaller than this may be read whole: it fits in a few pages, an index would not help. */
const SMALL_TABLE_ROWS = 1_000;
/** More rows than this read and thrown away by one plan node means the index that would find them is missing. */
const FILTERED_ROWS = 500;
const UNTIL = '2026-11-30';
const now = new Date(`${UNTIL}T18:00:00Z`);

interface Captured {
  sql: string;
  params: unknown[];
  /** The company the transaction was bound to when the query ran; null: as the owner, outside any. */
  tenantId: string | null;
}

let handle: DatabaseHandle;
let database: string;
const captured: Captured[] = [];
let currentTenant: string | null = null;

beforeAll(async () => {
  if (!onRealServer) return;
  database = await createTestDatabase();
  const url = serverUrl(database);
  // Small but shaped like the real thing: one large company, two middling, a long tail of small ones.
  await seedScale(url, { companies: 40, scale: 0.1, seed: 21, until: UNTIL });
  handle = await openDatabase({
    url,
    poolSize: 4,
    logger: {
      logQuery(sql, params) {
        // withTenant's first statement names the company of everything its transaction sends next.
        if (sql.includes("set_config('app.tenant_id'")) currentTenant = (params[0] as string) || null;
        else captured.push({ sql, params, tenantId: currentTenant });
      },
    },
  });
  await handle.raw('ANALYZE');
}, 120_000);

afterAll(async () => {
  if (!onRealServer) return;
  await handle?.close();
  await dropTestDatabase(database);
});

/** A company's people as the frontends would have them: a session per role. */
async function companyAt(rank: number) {
  const [tenant] = await handle.raw(
    `select t.id from tenants t join purchase_orders o on o.tenant_id = t.id
     group by t.id order by count(*) desc, t.id offset $1 limit 1`,
    [rank],
  );
  const rows = (await handle.db.query.users.findMany({
    where: (u, { eq }) => eq(u.tenantId, tenant!.id as string),
  })) as (typeof users.$inferSelect)[];
  const session = (role: string): Session => ({
    db: handle.db,
    tenantId: tenant!.id as string,
    actor: actorOf(rows.find((u) => u.role === role)!),
    lang: 'fr',
    now: () => now,
  });
  const one = async (table: string, where = 'true') =>
    (await handle.raw(`select id from ${table} where tenant_id = $1 and ${where} limit 1`, [tenant!.id]))[0]!
      .id as string;
  return { tenantId: tenant!.id as string, session, one };
}

/** Runs `fn` while the logger records; returns the queries it sent (outside a tenant: tenantId null). */
async function capture(fn: () => Promise<unknown>): Promise<Captured[]> {
  const start = captured.length;
  currentTenant = null;
  await fn();
  currentTenant = null;
  return captured.slice(start);
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Rows Removed by Filter'?: number;
  'Actual Loops'?: number;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

/**
 * What a plan reads for nothing: a whole tenant table (Seq Scan), or, within a company, rows an index
 * led to and a filter then threw away. Every tenant table has its (tenant_id, id) key, so a query
 * without its index rarely scans the table: it walks the company's whole slice of it through that key
 * (or another tenant-first index) and filters; at scale that is the same missing index.
 */
function wasted(node: PlanNode, large: Set<string>): string[] {
  const table = node['Relation Name'];
  const loops = node['Actual Loops'] ?? 1;
  const removed = (node['Rows Removed by Filter'] ?? 0) * loops;
  const kept = (node['Actual Rows'] ?? 0) * loops;
  const here: string[] = [];
  if (table && large.has(table)) {
    // A sequential scan that keeps a tenth of the table or more is the planner's fair choice (a job
    // reading most rows of a small table); one that keeps less is a missing index.
    if (node['Node Type'] === 'Seq Scan') {
      if (removed > 9 * kept) here.push(`Seq Scan on ${table}`);
    } else if (removed > FILTERED_ROWS)
      here.push(
        `${node['Node Type']} on ${table}${node['Index Name'] ? ` using ${node['Index Name']}` : ''} filtered out ${removed} rows`,
      );
  }
  return [...here, ...(node.Plans ?? []).flatMap((child) => wasted(child, large))];
}

/**
 * The plan of a captured query as it runs, in the company context it ran in. EXPLAIN ANALYZE runs it
 * again, so inside a transaction that is rolled back: a captured update changes nothing twice.
 */
async function planOf(query: Captured): Promise<PlanNode> {
  const client = (handle.db as unknown as { $client: import('postgres').Sql }).$client;
  let plan: PlanNode | undefined;
  await client
    .begin(async (tx) => {
      if (query.tenantId)
        await tx`select set_config('app.tenant_id', ${query.tenantId}, true), set_config('role', ${APP_ROLE}, true)`;
      const [row] = await tx.unsafe(`EXPLAIN (ANALYZE, FORMAT JSON) ${query.sql}`, query.params as never[]);
      plan = ((row as Record<string, unknown>)['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan;
      throw new RolledBack();
    })
    .catch((err) => {
      if (!(err instanceof RolledBack)) throw err;
    });
  return plan!;
}
class RolledBack extends Error {}

/** Tenant tables big enough that reading one whole is a missing index, not a shortcut. */
async function largeTenantTables(): Promise<Set<string>> {
  const rows = await handle.raw(
    `select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
     where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace and c.reltuples > $1`,
    [SMALL_TABLE_ROWS],
  );
  return new Set(rows.map((r) => r.relname as string));
}

async function scanProblems(queries: Captured[]): Promise<string[]> {
  const large = await largeTenantTables();
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const query of queries) {
    if (!/^\s*(select|with|update|delete)\b/i.test(query.sql)) continue;
    const key = `${query.tenantId ? 'tenant' : 'system'} ${query.sql}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const problem of wasted(await planOf(query), large))
      problems.push(`${problem} (${query.tenantId ? 'in a company' : 'as owner'}): ${query.sql}`);
  }
  return problems;
}

/** An input for each read tool, from the company's own rows: a new read tool must be given one here. */
async function readInputs(one: (table: string, where?: string) => Promise<string>): Promise<Record<string, unknown[]>> {
  const period = { from: '2026-01-01', to: UNTIL };
  return {
    actions_get: [{ actionId: await one('ai_actions') }],
    actions_list: [{}, { status: ['pending_approval'] }, { tool: 'purchasing_create_order' }, { offset: 50 }],
    actions_preview: [{ actionId: await one('ai_actions') }],
    analytics_ai_dashboard: [period],
    analytics_ar_aging: [{ asOf: UNTIL }],
    analytics_cash_flow_forecast: [{ asOf: UNTIL }],
    analytics_spend: [
      { ...period, groupBy: 'supplier' },
      { ...period, groupBy: 'category', basis: 'billed' },
    ],
    analytics_supplier_performance: [{ asOf: UNTIL }],
    banking_suggest_matches: [{}],
    banking_list_reconciliation: [{}, { withCandidatesOnly: true }, { direction: 'in', search: 'virement' }],
    banking_list_accounts: [{}],
    banking_preview_statement: [{ content: 'Date,Amount,Description\n2026-01-02,12.50,Coffee' }],
    bills_get_bill: [{ billId: await one('supplier_bills') }],
    bills_list_bills: [
      {},
      { status: ['approved'] },
      { supplierId: await one('suppliers') },
      { dueBy: UNTIL },
      { status: ['approved'], sort: 'date', offset: 50, limit: 50 },
    ],
    documents_list_documents: [{}, { status: ['failed'] }, { sort: 'created', offset: 50 }],
    exports_csv: ['invoices', 'bills', 'payments', 'purchase_orders'].map((dataset) => ({
      dataset,
      from: '2026-11-01',
      to: UNTIL,
    })),
    exports_quickbooks_journal: [{ from: '2026-11-01', to: UNTIL }],
    invoicing_find_clients: [{}, { query: 'Client Nord' }, { offset: 50, limit: 50 }, { sort: 'created' }],
    invoicing_get_invoice: [{ invoiceId: await one('invoices') }],
    invoicing_get_invoice_pdf: [{ invoiceId: await one('invoices') }],
    invoicing_get_einvoice: [{ invoiceId: await one('invoices') }],
    invoicing_list_invoices: [
      {},
      { status: ['overdue'] },
      { clientId: await one('clients') },
      { kind: 'credit_note' },
      { status: ['paid'], offset: 50, limit: 50 },
    ],
    invoicing_list_recurring: [{}],
    purchasing_get_order: [{ orderId: await one('purchase_orders') }],
    purchasing_list_categories: [{}],
    purchasing_find_products: [{}, { query: 'Chaise' }, { supplierId: await one('suppliers') }],
    purchasing_find_suppliers: [{}, { query: 'Bureau Nord' }, { offset: 50, limit: 50 }, { sort: 'created' }],
    purchasing_list_orders: [
      {},
      { status: ['pending_approval'] },
      { supplierId: await one('suppliers') },
      { status: ['approved'], offset: 50, limit: 50 },
      { sort: 'date', from: '2026-01-01', to: UNTIL },
    ],
    records_get_trail: [
      { kind: 'purchase_order', id: await one('purchase_orders') },
      { kind: 'invoice', id: await one('invoices') },
      { kind: 'bill', id: await one('supplier_bills') },
      { kind: 'supplier', id: await one('suppliers') },
      { kind: 'client', id: await one('clients') },
      { kind: 'document', id: await one('documents') },
    ],
    reminders_list_reminders: [{}, { sent: true, offset: 50 }],
    reminders_list_due: [{}],
    reminders_list_disputes: [{}, { invoiceId: await one('invoices') }],
    reminders_statement_of_account: [{ clientId: await one('clients') }],
    settings_get: [{}],
    settings_list_users: [{}],
  };
}

describe.skipIf(!onRealServer)(
  'query plans on a seeded database (PostgreSQL only: PostgreSQL’s planner and statistics)',
  () => {
    it('reads every register, list and record of a company through an index', async () => {
      // The third company: large enough that a query without its index reads thousands of rows for nothing.
      const company = await companyAt(2);
      const inputs = await readInputs(company.one);
      const reads = registry.filter((t) => t.kind === 'read');
      expect(reads.filter((t) => !inputs[t.name]).map((t) => t.name)).toEqual([]);
      const queries = await capture(async () => {
        // A tool may refuse the seeded data (an e-invoice needs company details the seed does not
        // give): what it read to decide is still captured and checked.
        for (const tool of reads)
          for (const input of inputs[tool.name]!)
            await invoke(company.session('admin'), tool, input, { source: 'rest', byAi: false }).catch((err) => {
              if (!(err instanceof AppError)) throw err;
            });
        await listDocuments(company.session('admin'));
      });
      expect(queries.length).toBeGreaterThan(reads.length);
      expect(await scanProblems(queries)).toEqual([]);
    }, 120_000);

    it('serves the largest company’s approval queue and registers through an index', async () => {
      const largest = await companyAt(0);
      const queries = await capture(async () => {
        const manager = largest.session('manager');
        for (const [name, input] of [
          ['actions_list', { status: ['pending_approval'] }],
          ['purchasing_list_orders', {}],
          ['invoicing_list_invoices', {}],
          ['bills_list_bills', {}],
        ] as const)
          await invoke(manager, registry.find((t) => t.name === name)!, input, { source: 'rest', byAi: false });
        await listDocuments(manager);
      });
      expect(await scanProblems(queries)).toEqual([]);
    }, 120_000);

    it('proposes, queues and approves through the door with index lookups only', async () => {
      const company = await companyAt(5);
      const supplierId = await company.one('suppliers');
      const queries = await capture(async () => {
        const person = { source: 'rest', byAi: false } as const;
        const draft = await propose(
          company.session('buyer'),
          createOrder,
          { supplierId, lines: [{ description: 'Chaise', quantity: '40', unitPrice: '400.00' }] },
          person,
        );
        const orderId = (draft.result as { id: string }).id;
        const submitted = await propose(company.session('buyer'), submitOrder, { orderId }, person);
        expect(submitted.status).toBe('pending_approval');
        const decided = await approve(company.session('admin'), submitted.id, { source: 'rest' });
        expect(decided.status).toBe('executed');
      });
      expect(await scanProblems(queries)).toEqual([]);
    }, 120_000);

    it('lets every job pick its work through an index', { timeout: 300_000 }, async () => {
      const company = await companyAt(3);
      const mail = nodemailer.createTransport({ jsonTransport: true });
      const queries = await capture(async () => {
        await expireDue(handle.db, now);
        await proposeDueReminders(handle.db, now);
        await markOverdue(handle.db, now);
        await generateDueRecurring(handle.db, now);
        await emailApprovers(handle.db, { publicUrl: 'http://localhost', now });
        await deliverOutbox(handle.db, company.tenantId, mail, 'comptoir@example.test', now);
      });
      expect(await scanProblems(queries)).toEqual([]);
    });

    it('fails a query that reads a large tenant table, or a company’s slice of it, without an index', async () => {
      const company = await companyAt(2);
      const queries = await capture(() =>
        invoke(
          company.session('admin'),
          registry.find((t) => t.name === 'purchasing_list_orders')!,
          {},
          {
            source: 'rest',
            byAi: false,
          },
        ),
      );
      const inCompany = queries.at(-1)!;
      const lines = { ...inCompany, sql: 'select * from purchase_order_items where description = $1', params: ['?'] };
      const everyCompany = { ...lines, tenantId: null };
      expect(await scanProblems([lines, everyCompany])).toEqual([
        expect.stringMatching(
          /^(Index|Bitmap Heap) Scan on purchase_order_items .*filtered out \d+ rows \(in a company\)/,
        ),
        expect.stringMatching(/^Seq Scan on purchase_order_items \(as owner\)/),
      ]);
    });
  },
);
