/**
 * The action door's records: every write the AI or a person asks for is an ai_actions row, and every
 * change of its status is an append-only ai_action_events row. Approval links let a manager decide
 * from an email with a signed, single-use, expiring link.
 */
import {
  bigint,
  boolean,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { at, cents, createdAt, id, tenantIsolation, updatedAt } from './columns.ts';
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
    actorId: uuid('actor_id').references(() => users.id),
    /** True when the AI proposed it, false when a person asked for it directly. */
    byAi: boolean('by_ai').notNull(),
    confidence: real('confidence').notNull(),
    evidence: jsonb('evidence').$type<EvidenceFactor[]>().notNull().default([]),
    rationale: text('rationale'),
    idempotencyKey: text('idempotency_key'),
    status: actionStatus('status').notNull().default('proposed'),
    /** The policy's decision and its reasons. */
    decision: jsonb('decision').notNull(),
    requiredLevel: integer('required_level').notNull().default(0),
    amountCents: cents('amount_cents'),
    currency: text('currency'),
    result: jsonb('result'),
    error: jsonb('error'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: at('decided_at'),
    executedAt: at('executed_at'),
    expiresAt: at('expires_at'),
    /** For an undo: the action it reverses. */
    undoOf: uuid('undo_of').references((): AnyPgColumn => aiActions.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('ai_actions_tenant_number').on(t.tenantId, t.number),
    uniqueIndex('ai_actions_tenant_idempotency').on(t.tenantId, t.idempotencyKey),
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
    actionId: uuid('action_id')
      .notNull()
      .references(() => aiActions.id, { onDelete: 'cascade' }),
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
    actorId: uuid('actor_id').references(() => users.id),
    source: actionSource('source').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
    at: at('at').notNull().defaultNow(),
  },
  () => [tenantIsolation()],
).enableRLS();

export const approvalLinks = pgTable(
  'approval_links',
  {
    id: id(),
    tenantId: tenantId(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => aiActions.id, { onDelete: 'cascade' }),
    approverId: uuid('approver_id')
      .notNull()
      .references(() => users.id),
    decision: text('decision', { enum: ['approve', 'reject'] }).notNull(),
    /** SHA-256 of the signed token in the link. */
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  () => [tenantIsolation()],
).enableRLS();
