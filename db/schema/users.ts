/** People of a tenant, their roles and limits, their API tokens and their browser sessions. */
import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, cents, createdAt, id, sameTenant, tenantIsolation, tenantKey } from './columns.ts';
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
  (t) => [
    tenantKey(t),
    uniqueIndex('users_tenant_email').on(t.tenantId, t.email),
    // Logging in by email comes before any company is known (comptoir_login_candidates).
    index('users_email').on(t.email).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    /** First characters of the token, so a person can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
    expiresAt: at('expires_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.userId, () => users).onDelete('cascade'),
    // The token names its company, so it is looked up within it.
    uniqueIndex('api_tokens_token_hash').on(t.tenantId, t.tokenHash).concurrently(),
    index('api_tokens_user').on(t.tenantId, t.userId).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.userId, () => users).onDelete('cascade'),
    uniqueIndex('sessions_token_hash').on(t.tenantId, t.tokenHash).concurrently(),
    index('sessions_user').on(t.tenantId, t.userId).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

/**
 * Single-use links sent by email: an invitation to join the company, or a password reset. Only the
 * token's SHA-256 is kept; the token names its company (mintSecret), so it is looked up under that
 * company's row-level security and a link of one company can never open another's.
 */
export const accountLinks = pgTable(
  'account_links',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    purpose: text('purpose', { enum: ['invite', 'reset'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.userId, () => users).onDelete('cascade'),
    uniqueIndex('account_links_token_hash').on(t.tenantId, t.tokenHash),
    index('account_links_user').on(t.tenantId, t.userId),
    tenantIsolation(),
  ],
).enableRLS();
