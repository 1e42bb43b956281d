/** In-app notifications for people: approvals waiting, actions executed, documents read. */
import { sql } from 'drizzle-orm';
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, sameTenant, tenantIsolation, tenantKey } from './columns.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    actionId: uuid('action_id'),
    readAt: at('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.userId, () => users).onDelete('cascade'),
    // A person's notifications, newest first.
    index('notifications_user').on(t.tenantId, t.userId, t.createdAt).concurrently(),
    // The notifications of an action (approval emails start from the actions still pending).
    index('notifications_action').on(t.tenantId, t.actionId).where(sql`${t.actionId} is not null`).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();
