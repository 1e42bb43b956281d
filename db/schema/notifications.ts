/** In-app notifications for people: approvals waiting, actions executed, documents read. */
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, tenantIsolation } from './columns.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    actionId: uuid('action_id'),
    readAt: at('read_at'),
    createdAt: createdAt(),
  },
  () => [tenantIsolation()],
).enableRLS();
