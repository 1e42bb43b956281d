/**
 * Column and policy building blocks shared by every table: ids, timestamps, money, and the
 * tenant-isolation policy that row-level security enforces for the application role.
 */
import { sql } from 'drizzle-orm';
import { bigint, numeric, pgPolicy, pgRole, timestamp, uuid, vector } from 'drizzle-orm/pg-core';

/** The role the application switches to per transaction; it owns no table, so RLS applies to it. */
export const APP_ROLE = 'comptoir_app';
export const appRole = pgRole(APP_ROLE).existing();

/** The tenant of the current transaction, set by withTenant(); '' or unset means no tenant (no rows). */
const currentTenant = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;

export const tenantIsolation = (column = 'tenant_id') => {
  const match = sql`${sql.identifier(column)} = ${currentTenant}`;
  return pgPolicy('tenant_isolation', { as: 'permissive', to: appRole, for: 'all', using: match, withCheck: match });
};

export const id = () => uuid('id').primaryKey().defaultRandom();
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
