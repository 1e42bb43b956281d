/**
 * Column and policy building blocks shared by every table: ids, timestamps, money, and the
 * tenant-isolation policy that row-level security enforces for the application role.
 */
import { getTableName, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  foreignKey,
  numeric,
  type PgTable,
  pgPolicy,
  pgRole,
  primaryKey,
  timestamp,
  uuid,
  vector,
} from 'drizzle-orm/pg-core';

/** The role the application switches to per transaction; it owns no table, so RLS applies to it. */
export const APP_ROLE = 'comptoir_app';
export const appRole = pgRole(APP_ROLE).existing();

/** The tenant of the current transaction, set by withTenant(); '' or unset means no tenant (no rows). */
const currentTenant = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;

export const tenantIsolation = (column = 'tenant_id') => {
  const match = sql`${sql.identifier(column)} = ${currentTenant}`;
  return pgPolicy('tenant_isolation', { as: 'permissive', to: appRole, for: 'all', using: match, withCheck: match });
};

/**
 * The id of a tenant-owned row. It is not a key on its own: every tenant table's primary key is
 * `tenantKey(t)`, (tenant_id, id), and every reference between tenant tables is `sameTenant(...)`,
 * (tenant_id, x_id) → (tenant_id, id). Each key then holds the company, as a database sharded by
 * company (Citus, distributed by tenant_id) requires, and no row can point at another company's row.
 */
export const id = () => uuid('id').notNull().defaultRandom();

/** A tenant table as the key helpers see it: its tenant and its id columns. */
interface TenantColumns {
  tenantId: AnyPgColumn;
  id: AnyPgColumn;
}
export type TenantTable = PgTable & TenantColumns;

/** Primary key (tenant_id, id), named as PostgreSQL names a primary key. */
export const tenantKey = (t: TenantColumns) =>
  primaryKey({ name: `${getTableName(t.id.table)}_pkey`, columns: [t.tenantId, t.id] });

/**
 * `column` refers to a row of another table in the same company: foreign key (tenant_id, column) →
 * target (tenant_id, id). `targetTable` is a function so that a table may refer to itself. A null
 * column is not checked (MATCH SIMPLE). Never plain `set null` on delete: it would null tenant_id
 * too; write `ON DELETE SET NULL ("x_id")` in the migration instead (PostgreSQL 15+).
 * Each needs an index that starts with (tenant_id, column): the schema-keys test checks it.
 */
export const sameTenant = (column: AnyPgColumn, targetTable: () => TenantTable) => {
  const table = column.table as unknown as TenantColumns;
  const target = targetTable();
  return foreignKey({
    name: `${getTableName(column.table)}_${column.name}_fk`,
    columns: [table.tenantId, column],
    foreignColumns: [target.tenantId, target.id],
  });
};

export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Money: integer minor units (cents), never a float. */
export const cents = (name: string) => bigint(name, { mode: 'bigint' });
/** Quantities are exact decimals (up to 4 places), read back as strings. */
export const quantity = (name: string) => numeric(name, { precision: 14, scale: 4 });

/** Embedding size of mistral-embed; the offline hashed n-gram embedder produces the same size. */
export const EMBEDDING_DIMENSIONS = 1024;
export const embedding = () => vector('embedding', { dimensions: EMBEDDING_DIMENSIONS });
