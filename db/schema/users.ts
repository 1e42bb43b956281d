/** People of a tenant, their roles and limits, their API tokens and their browser sessions. */
import { sql } from 'drizzle-orm';
import { boolean, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, cents, createdAt, id, tenantIsolation } from './columns.ts';
import { language, tenants } from './tenants.ts';

export const role = pgEnum('role', ['admin', 'manager', 'buyer', 'accountant', 'viewer']);

export const users = pgTable(
  'users',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: role('role').notNull().default('viewer'),
    language: language('language').notNull().default('fr'),
    /** The AI may execute alone, on this user's behalf (supervised level), up to this amount. */
    aiAutoApproveLimitCents: cents('ai_auto_approve_limit_cents').notNull().default(sql`0`),
    /** Largest amount this user may approve; null means only the role limits it. */
    approvalLimitCents: cents('approval_limit_cents'),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_tenant_email').on(t.tenantId, t.email), tenantIsolation()],
).enableRLS();

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    /** First characters of the token, so a person can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
    expiresAt: at('expires_at'),
    revokedAt: at('revoked_at'),
  },
  () => [tenantIsolation()],
).enableRLS();

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
  },
  () => [tenantIsolation()],
).enableRLS();
