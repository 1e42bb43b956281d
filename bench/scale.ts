/**
 * The benchmarks on a seeded database (`npm run seed:scale`): MCP sessions reading the orders of seeded
 * companies (the largest among them), the register pages of the largest company and of a typical one,
 * and the largest company's approval queue — each register called through invoke(), as every frontend
 * calls it: a tenant transaction under row-level security, the tool's own queries.
 */
import type { DatabaseHandle } from '../db/client.ts';
import { actorOf, createApiToken } from '../tools/auth/api-tokens.ts';
import type { Session } from '../tools/context.ts';
import { invoke } from '../tools/invoke.ts';
import { registry } from '../tools/registry.ts';
import { listDocuments } from '../tools/uploads/uploads.ts';
import type { SessionPlan } from './mcp-load.ts';
import { type LoadResult, load } from './stats.ts';

const companyCount = async (handle: DatabaseHandle) =>
  Number((await handle.raw('select count(*)::int as n from tenants'))[0]!.n);

/** The companies of a seeded database by number of orders: rank 0 is the largest. */
async function companyAt(handle: DatabaseHandle, rank: number) {
  const [row] = await handle.raw(
    `select tenant_id, count(*)::int as orders from purchase_orders group by tenant_id
     order by count(*) desc, tenant_id offset $1 limit 1`,
    [rank],
  );
  if (!row) throw new Error(`The seeded database has no company of rank ${rank}: run npm run seed:scale first.`);
  const tenantId = row.tenant_id as string;
  const people = await handle.db.query.users.findMany({ where: (u, { eq }) => eq(u.tenantId, tenantId) });
  const session = (role: string): Session => ({
    db: handle.db,
    tenantId,
    actor: actorOf(people.find((u) => u.role === role)!),
    lang: 'fr',
    now: () => new Date(),
  });
  return { tenantId, orders: row.orders as number, people, session };
}

/**
 * MCP sessions on seeded companies: each session reads recent orders of its company (several, so the
 * reads are not one cached row), finds its suppliers and drafts orders, as bench/mcp.ts does for new ones.
 */
export async function seededSessionPlans(handle: DatabaseHandle, companies = 4): Promise<SessionPlan[]> {
  const plans: SessionPlan[] = [];
  // The largest, then companies spread along the tail.
  const n = await companyCount(handle);
  for (const rank of [0, 1, Math.floor(n / 20), Math.floor(n / 2)].slice(0, companies)) {
    const company = await companyAt(handle, rank);
    const buyer = company.people.find((u) => u.role === 'buyer')!;
    const [order] = await handle.raw(
      'select id, supplier_id from purchase_orders where tenant_id = $1 order by created_at desc limit 1 offset 10',
      [company.tenantId],
    );
    const { token } = await createApiToken(handle.db, company.tenantId, buyer.id, 'bench');
    plans.push({
      token,
      args: {
        purchasing_get_order: { orderId: order!.id },
        purchasing_find_suppliers: { query: 'bureau' },
        purchasing_create_order: {
          supplierId: order!.supplier_id,
          lines: [{ description: 'Item {i}', quantity: '1', unitPrice: '25.00' }],
        },
      },
    });
  }
  return plans;
}

const REGISTERS: [string, Record<string, unknown>][] = [
  ['purchasing_list_orders', {}],
  ['invoicing_list_invoices', {}],
  ['invoicing_list_invoices', { status: ['overdue'] }],
  ['bills_list_bills', {}],
  ['actions_list', {}],
  ['purchasing_find_suppliers', {}],
  ['invoicing_find_clients', {}],
];

export interface RegisterResult extends LoadResult {
  register: string;
}

/** First pages of each register, `calls` times each with `concurrency` callers: p50 / p95 / p99. */
export async function benchRegisters(handle: DatabaseHandle, calls = 300, concurrency = 4) {
  const largest = await companyAt(handle, 0);
  // The median company: half the companies are smaller.
  const typical = await companyAt(handle, Math.floor((await companyCount(handle)) / 2));
  const run = async (session: Session, name: string, input: Record<string, unknown>, times = calls) => {
    const tool = registry.find((t) => t.name === name)!;
    await load(20, concurrency, () => invoke(session, tool, input, { source: 'rest', byAi: false })); // warm-up
    return {
      register: `${name} ${JSON.stringify(input)}`,
      ...(await load(times, concurrency, () => invoke(session, tool, input, { source: 'rest', byAi: false }))),
    };
  };
  const registers = async (company: typeof largest) => {
    const results: RegisterResult[] = [];
    for (const [name, input] of REGISTERS) results.push(await run(company.session('manager'), name, input));
    results.push({
      register: 'documents list (web)',
      ...(await load(calls, concurrency, () => listDocuments(company.session('manager'), 100))),
    });
    return results;
  };
  const approvalQueue = await run(largest.session('manager'), 'actions_list', { status: ['pending_approval'] });
  const pending = await handle.raw(
    `select count(*)::int as n from ai_actions where tenant_id = $1 and status = 'pending_approval'`,
    [largest.tenantId],
  );
  // Not a register: every unmatched line against every open invoice and bill (the reconciliation issue's bench).
  const reconciliationLargest = await run(largest.session('manager'), 'banking_suggest_matches', {}, 20);
  const largestRegisters = await registers(largest);
  const typicalRegisters = await registers(typical);
  const all = [...largestRegisters, ...typicalRegisters];
  return {
    approvalQueueLargest: { ...approvalQueue, orders: largest.orders, pendingActions: pending[0]!.n },
    registerP95MaxMs: Math.max(...all.map((r) => r.p95Ms)),
    reconciliationLargest,
    largest: { orders: largest.orders, registers: largestRegisters },
    typical: { orders: typical.orders, registers: typicalRegisters },
  };
}
