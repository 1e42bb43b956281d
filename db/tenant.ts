/**
 * The only way the application reads or writes tenant data: one transaction bound to one tenant,
 * running as the non-owner application role so that row-level security hides every other tenant.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database, Tx } from './client.ts';
import { APP_ROLE } from './schema/columns.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TenantRequired extends Error {
  constructor() {
    super('A tenant context is required for every query.');
    this.name = 'TenantRequired';
  }
}

export async function withTenant<T>(db: Database, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!UUID.test(tenantId)) throw new TenantRequired();
  return db.transaction(async (tx) => {
    // One round trip: both settings are local to this transaction and vanish at commit or rollback.
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', ${APP_ROLE}, true)`);
    return fn(tx);
  });
}

/**
 * Runs as the owner, outside any tenant: only for what has no tenant yet (sign-up, login and token
 * lookup, migrations, jobs that list tenants before working inside each one).
 */
export async function asSystem<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}

/**
 * As the application role but with no tenant: every tenant row is invisible. For the few
 * SECURITY DEFINER lookups that find a tenant from a public identifier (an inbound address).
 */
export async function withoutTenant<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', '', true), set_config('role', ${APP_ROLE}, true)`);
    return fn(tx);
  });
}

/**
 * The condition that joins a row to the row it refers to: `key = reference`, within one company.
 * Row-level security already keeps each table to the transaction's company; saying so in the join as
 * well lets the planner look rows up by their (tenant_id, id) key from either side, and lets a database
 * sharded by company (Citus, distributed by tenant_id) run the join on the one node holding it.
 * Both columns belong to tenant tables (or aliases of them).
 */
export function tenantJoin(key: AnyPgColumn, reference: AnyPgColumn): SQL {
  const tenantOf = (column: AnyPgColumn) => (column.table as unknown as { tenantId: AnyPgColumn }).tenantId;
  return and(eq(key, reference), eq(tenantOf(key), tenantOf(reference)))!;
}
