/** Gapless document numbers per tenant, kind and year; incremented in the same transaction as the insert. */
import { bigint, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from './columns.ts';
import { tenants } from './tenants.ts';

export const counters = pgTable(
  'counters',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** 0 for sequences that do not restart each year. */
    year: integer('year').notNull(),
    last: bigint('last', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind, t.year] }), tenantIsolation()],
).enableRLS();
