/**
 * The action door's records: every write the AI or a person asks for is an ai_actions row, and every
 * change of its status is an append-only ai_action_events row. Approval links let a manager decide
 * from an email with a signed, single-use, expiring link.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  at,
  cents,
  createdAt,
  id,
  sameTenant,
  type TenantTable,
  tenantIsolation,
  tenantKey,
  updatedAt,
} from './columns.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const actionStatus = pgEnum('action_status', [
  'proposed',
  'pending_approval',
  'approved',
  'executed',
  'failed',
  'rejected',
  'expired',
  'undone',
]);
export const actionSource = pgEnum('action_source', ['chat', 'email', 'mcp', 'rest', 'job']);

const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

export interface EvidenceFactor {
  /** Stable key, e.g. 'supplier_exact', 'totals_match', 'possible_duplicate'. */
  factor: string;
  /** Signed contribution to the confidence. */
  weight: number;
  detail: string;
}

export const aiActions = pgTable(
  'ai_actions',
  {
    id: id(),
    tenantId: tenantId(),
    /** Per-tenant sequence shown to people: "pending approval #12". */
    number: bigint('number', { mode: 'number' }).notNull(),
    tool: text('tool').notNull(),
    input: jsonb('input').notNull(),
    source: actionSource('source').notNull(),
    /** The person the action is for (the chat user, the token owner, the approver acting by hand). */
    actorId: uuid('actor_id'),
    /** True when the AI proposed it, false when a person asked for it directly. */
    byAi: boolean('by_ai').notNull(),
    confidence: real('confidence').notNull(),
    evidence: jsonb('evidence').$type<EvidenceFactor[]>().notNull().default([]),
    rationale: text('rationale'),
    idempotencyKey: text('idempotency_key'),
    /**
     * Whose key it is: '' for the system's own keys (a reminder step, a bill from a document), unique
     * in the tenant for good; 'user:<id>' for a key a client sent (Idempotency-Key, MCP _meta), which
     * belongs to that person and tool only, for 24 hours (Stripe's rule).
     */
    idempotencyScope: text('idempotency_scope').notNull().default(''),
    /** SHA-256 of the request a client key was first sent with: the same key with another body is a 409. */
    requestHash: text('request_hash'),
    /** When a client key may be used again for a new request; null for the system's keys. */
    idempotencyExpiresAt: at('idempotency_expires_at'),
    status: actionStatus('status').notNull().default('proposed'),
    /** The policy's decision and its reasons. */
    decision: jsonb('decision').notNull(),
    requiredLevel: integer('required_level').notNull().default(0),
    amountCents: cents('amount_cents'),
    currency: text('currency'),
    /**
     * The amount in the company currency, what levels, limits and the hard cap compared: equal to
     * amount_cents for an amount already in it, converted at a held rate otherwise, null when no rate
     * was held (the action then needs the highest level; its evidence says why).
     */
    companyAmountCents: cents('company_amount_cents'),
    result: jsonb('result'),
    error: jsonb('error'),
    decidedBy: uuid('decided_by'),
    decidedAt: at('decided_at'),
    executedAt: at('executed_at'),
    expiresAt: at('expires_at'),
    /** For an undo: the action it reverses. */
    undoOf: uuid('undo_of'),
    /**
     * The record the action concerns (an order, invoice or bill id from its input, else the id its result
     * created), kept as a stored column: under row-level security a jsonb expression is not leakproof, so
     * it could never be an index condition, while this column's equality is (tools/records).
     */
    subjectId: text('subject_id').generatedAlwaysAs(
      sql`coalesce(input ->> 'orderId', input ->> 'invoiceId', input ->> 'billId', result ->> 'id')`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.actorId, () => users),
    sameTenant(t.decidedBy, () => users),
    sameTenant(t.undoOf, (): TenantTable => aiActions),
    // Also the activity list, newest first.
    uniqueIndex('ai_actions_tenant_number').on(t.tenantId, t.number),
    uniqueIndex('ai_actions_idempotency').on(t.tenantId, t.idempotencyScope, t.tool, t.idempotencyKey).concurrently(),
    index('ai_actions_actor').on(t.tenantId, t.actorId).where(sql`${t.actorId} is not null`).concurrently(),
    index('ai_actions_decided_by').on(t.tenantId, t.decidedBy).where(sql`${t.decidedBy} is not null`).concurrently(),
    index('ai_actions_undo_of').on(t.tenantId, t.undoOf).where(sql`${t.undoOf} is not null`).concurrently(),
    // The approval queue and every list by status, newest first.
    index('ai_actions_status').on(t.tenantId, t.status, t.number).concurrently(),
    // Actions waiting for a person, by expiry: the expiry job and approval emails; a small set.
    index('ai_actions_pending').on(t.tenantId, t.expiresAt).where(sql`${t.status} = 'pending_approval'`).concurrently(),
    // The approval queue itself, newest first. A partial index, not ai_actions_status: row-level security
    // keeps the application role's `status = …` out of index conditions (enum equality is not leakproof
    // unless migration 0012 could mark it so), while a partial index's predicate still applies.
    index('ai_actions_queue').on(t.tenantId, t.number).where(sql`${t.status} = 'pending_approval'`).concurrently(),
    // The AI dashboard over a period.
    index('ai_actions_created').on(t.tenantId, t.createdAt).concurrently(),
    // A record's history on its detail page: the actions on it, by the record they concern (the same
    // expression as tools/records/subject.ts).
    index('ai_actions_subject').on(t.tenantId, t.subjectId).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const aiActionEvents = pgTable(
  'ai_action_events',
  {
    id: id(),
    /** Order of events, even when several share one timestamp. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    tenantId: tenantId(),
    actionId: uuid('action_id').notNull(),
    type: text('type', {
      enum: [
        'proposed',
        'queued',
        'approved',
        'rejected',
        'executed',
        'failed',
        'retried',
        'edited',
        'expired',
        'escalated',
        'undone',
      ],
    }).notNull(),
    actorId: uuid('actor_id'),
    source: actionSource('source').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.actionId, () => aiActions).onDelete('cascade'),
    sameTenant(t.actorId, () => users),
    // An action's audit trail, in order.
    index('ai_action_events_action').on(t.tenantId, t.actionId, t.seq).concurrently(),
    index('ai_action_events_actor').on(t.tenantId, t.actorId).where(sql`${t.actorId} is not null`).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const approvalLinks = pgTable(
  'approval_links',
  {
    id: id(),
    tenantId: tenantId(),
    actionId: uuid('action_id').notNull(),
    approverId: uuid('approver_id').notNull(),
    decision: text('decision', { enum: ['approve', 'reject'] }).notNull(),
    /** SHA-256 of the signed token in the link. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.actionId, () => aiActions).onDelete('cascade'),
    sameTenant(t.approverId, () => users),
    // The link names its company, so it is looked up within it.
    uniqueIndex('approval_links_token_hash').on(t.tenantId, t.tokenHash).concurrently(),
    index('approval_links_action').on(t.tenantId, t.actionId).concurrently(),
    index('approval_links_approver').on(t.tenantId, t.approverId).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();
