/**
 * The page phase: every register with `rows` rows per company (default 10,000; BENCH_PAGE_ROWS for a
 * small run), two companies, on PostgreSQL. Each register's list tool is called through invoke() as the
 * register screen calls it — a page of 50, with a filter, under row-level security — and its server
 * time measured: p50 / p95 / p99 per register, and the worst p95 against the 100 ms target.
 */
import { actorOf } from '../tools/auth/api-tokens.ts';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import type { Session } from '../tools/context.ts';
import { invoke } from '../tools/invoke.ts';
import { toolByName } from '../tools/registry.ts';
import { createTenant } from '../tools/tenancy.ts';
import { load } from './stats.ts';

/** One statement per table: `rows` rows for the company, shaped enough for the registers' filters and sorts. */
const FILL = [
  `insert into suppliers (tenant_id, name, email, province, status, created_at)
   select $1::uuid, 'Fournisseur ' || i, 'f' || i || '@example.test', 'QC',
     (array['active','active','active','pending','inactive','blocked'])[1 + i % 6]::supplier_status, now() - i * interval '1 hour'
   from generate_series(1, $2::int) i`,
  `insert into clients (tenant_id, name, email, province, created_at)
   select $1::uuid, 'Client ' || i, 'c' || i || '@example.test', 'QC', now() - i * interval '1 hour' from generate_series(1, $2::int) i`,
  `insert into products (tenant_id, sku, name, unit_price_cents, active, created_at)
   select $1::uuid, 'SKU-' || i, 'Produit ' || i, 100 + i, i % 10 <> 0, now() from generate_series(1, $2::int) i`,
  `insert into purchase_orders (tenant_id, number, supplier_id, status, currency, order_date, subtotal_cents, tax_cents, total_cents, approval_level, created_at, updated_at)
   select $1::uuid, 'PO-' || lpad(i::text, 6, '0'), s.id,
     (array['draft','pending_approval','approved','sent','received','completed'])[1 + i % 6]::purchase_order_status,
     'CAD', current_date - (i % 700), 10000 + i, 1500, 11500 + i, 0, now() - i * interval '1 hour', now()
   from generate_series(1, $2::int) i
   join lateral (select id from suppliers where tenant_id = $1::uuid order by id offset (i % 50) limit 1) s on true`,
  `insert into invoices (tenant_id, number, client_id, status, currency, language, issue_date, due_date, subtotal_cents, tax_cents, total_cents, created_at, updated_at)
   select $1::uuid, 'INV-' || lpad(i::text, 6, '0'), c.id,
     (array['draft','sent','paid','overdue','partially_paid','cancelled'])[1 + i % 6]::invoice_status,
     'CAD', 'fr', current_date - (i % 700), current_date - (i % 700) + 30, 10000 + i, 1500, 11500 + i, now() - i * interval '1 hour', now()
   from generate_series(1, $2::int) i
   join lateral (select id from clients where tenant_id = $1::uuid order by id offset (i % 50) limit 1) c on true`,
  `insert into supplier_bills (tenant_id, number, supplier_id, status, currency, bill_date, due_date, subtotal_cents, tax_cents, total_cents, created_at, updated_at)
   select $1::uuid, 'BILL-' || lpad(i::text, 6, '0'), s.id,
     (array['draft','booked','approved','partially_paid','paid','cancelled'])[1 + i % 6]::bill_status,
     'CAD', current_date - (i % 700), current_date - (i % 700) + 30, 10000 + i, 1500, 11500 + i, now() - i * interval '1 hour', now()
   from generate_series(1, $2::int) i
   join lateral (select id from suppliers where tenant_id = $1::uuid order by id offset (i % 50) limit 1) s on true`,
  `insert into documents (tenant_id, filename, mime_type, size_bytes, sha256, content, source, status, created_at, updated_at)
   select $1::uuid, 'facture-' || i || '.pdf', 'application/pdf', 30, md5(i::text || $1::uuid), '\\x255044462d'::bytea,
     (array['upload','email','api'])[1 + i % 3],
     (array['received','extracted','proposed','booked','failed','quarantined'])[1 + i % 6]::document_status,
     now() - i * interval '1 hour', now()
   from generate_series(1, $2::int) i`,
  `insert into reminders (tenant_id, invoice_id, schedule_day, language, sent_at, created_at)
   select $1::uuid, v.id, 7, 'fr', case when v.n % 3 = 0 then null else now() end, now() - v.n * interval '1 hour'
   from (select id, row_number() over (order by id) as n from invoices where tenant_id = $1::uuid) v where v.n <= $2::int`,
  `insert into ai_actions (tenant_id, number, tool, input, source, by_ai, confidence, status, decision, created_at, updated_at)
   select $1::uuid, i, 'purchasing_create_order', '{}'::jsonb,
     (array['chat','email','mcp','rest','job'])[1 + i % 5]::action_source, i % 2 = 0, 0.9,
     (array['executed','pending_approval','rejected','failed','executed','undone'])[1 + i % 6]::action_status,
     '{}'::jsonb, now() - i * interval '1 minute', now()
   from generate_series(1, $2::int) i`,
];

/** A page of 50 with a filter, for each register, as the register screen asks for it. */
const PAGES: [string, Record<string, unknown>][] = [
  ['purchasing_list_orders', { status: ['approved'], offset: 50, limit: 50 }],
  ['invoicing_list_invoices', { status: ['overdue'], sort: 'due', offset: 50, limit: 50 }],
  ['bills_list_bills', { status: ['approved'], offset: 50, limit: 50 }],
  ['purchasing_find_suppliers', { status: ['active'], offset: 50, limit: 50 }],
  ['invoicing_find_clients', { query: 'Client 12', limit: 50 }],
  ['purchasing_find_products', { sort: 'price', offset: 50, limit: 50 }],
  ['documents_list_documents', { status: ['failed'], offset: 50, limit: 50 }],
  ['reminders_list_reminders', { sent: true, offset: 50, limit: 50 }],
  ['actions_list', { status: ['executed'], offset: 50, limit: 50 }],
];

export async function benchPages(url: string, rows = Number(process.env.BENCH_PAGE_ROWS ?? 10_000), calls = 200) {
  const handle = await openDatabase({ url, poolSize: 6 });
  await migrate(handle);
  const sessions: Session[] = [];
  for (const slug of ['pages-a', 'pages-b']) {
    const { tenant, users } = await createTenant(handle.db, { slug, name: slug, province: 'QC' }, [
      { email: `manager@${slug}.test`, name: 'Manager', role: 'manager' },
    ]);
    for (const statement of FILL) await handle.raw(statement, [tenant.id, rows]);
    sessions.push({ db: handle.db, tenantId: tenant.id, actor: actorOf(users[0]!), lang: 'fr', now: () => new Date() });
  }
  await handle.raw('ANALYZE');
  const registers = [];
  for (const [name, input] of PAGES) {
    const tool = toolByName(name)!;
    const call = (i: number) => invoke(sessions[i % 2]!, tool, input, { source: 'rest', byAi: false });
    await load(10, 2, call); // warm-up
    registers.push({ register: `${name} ${JSON.stringify(input)}`, ...(await load(calls, 2, call)) });
  }
  await handle.close();
  const worst = Math.max(...registers.map((r) => r.p95Ms));
  return {
    rowsPerRegisterPerCompany: rows,
    companies: 2,
    pageSize: 50,
    targetP95Ms: 100,
    worstP95Ms: worst,
    registers,
  };
}
