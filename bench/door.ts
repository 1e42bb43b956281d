/**
 * Benchmark of the action door on the real PostgreSQL server: propose + auto-execute (a person's
 * draft purchase order) and approve + execute (queued order submissions decided by a manager),
 * in one company and spread over eight, with 16 concurrent callers.
 */
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { approve, propose } from '../tools/actions/door.ts';
import '../tools/registry.ts'; // the door finds approved tools by name through it
import { actorOf } from '../tools/auth/api-tokens.ts';
import type { Role, Session } from '../tools/context.ts';
import { createOrder } from '../tools/purchasing/create-order.ts';
import { createSupplier } from '../tools/purchasing/create-supplier.ts';
import { submitOrder } from '../tools/purchasing/submit-order.ts';
import { createTenant } from '../tools/tenancy.ts';
import { load } from './stats.ts';

const CONCURRENCY = 16;

async function company(db: DatabaseHandle['db'], n: number) {
  const { tenant, users } = await createTenant(
    db,
    { slug: `bench-${n}-${Date.now()}`, name: `Bench ${n}`, province: 'ON', automationLevel: 'supervised' },
    (['buyer', 'manager'] as Role[]).map((role) => ({ email: `${role}@bench${n}.test`, name: role, role })),
  );
  const session = (role: Role): Session => ({
    db,
    tenantId: tenant.id,
    actor: actorOf(users.find((u) => u.role === role)!),
    lang: 'en',
    now: () => new Date(),
  });
  const supplier = await propose(
    session('buyer'),
    createSupplier,
    { name: 'Bench supplier' },
    { source: 'rest', byAi: false },
  );
  return { session, supplierId: (supplier.result as { id: string }).id };
}

export async function benchDoor(url: string, operations = 2000) {
  const handle = await openDatabase({ url, poolSize: CONCURRENCY + 4 });
  await migrate(handle);
  const companies = await Promise.all(Array.from({ length: 8 }, (_, n) => company(handle.db, n)));
  const order = (c: (typeof companies)[number], i: number) =>
    propose(
      c.session('buyer'),
      createOrder,
      { supplierId: c.supplierId, lines: [{ description: `Item ${i}`, quantity: '3', unitPrice: '400.00' }] },
      { source: 'rest', byAi: false },
    );

  const results: Record<string, unknown> = {};
  await load(200, CONCURRENCY, (i) => order(companies[i % 8]!, i)); // warm-up
  results.proposeExecuteOneCompany = await load(operations, CONCURRENCY, (i) => order(companies[0]!, i));
  results.proposeExecuteEightCompanies = await load(operations, CONCURRENCY, (i) => order(companies[i % 8]!, i));

  // Queue submissions (a buyer cannot commit money alone), then decide them concurrently.
  const queued = await Promise.all(
    Array.from({ length: operations }, async (_, i) => {
      const c = companies[i % 8]!;
      const draft = await order(c, i);
      const submitted = await propose(
        c.session('buyer'),
        submitOrder,
        { orderId: (draft.result as { id: string }).id },
        { source: 'rest', byAi: false },
      );
      if (submitted.status !== 'pending_approval') throw new Error(`expected a queued action, got ${submitted.status}`);
      return { c, id: submitted.id };
    }),
  );
  results.approveExecuteEightCompanies = await load(operations, CONCURRENCY, async (i) => {
    const outcome = await approve(queued[i]!.c.session('manager'), queued[i]!.id, { source: 'rest' });
    if (outcome.status !== 'executed') throw new Error(outcome.message);
  });
  await handle.close();
  return { concurrency: CONCURRENCY, ...results };
}
