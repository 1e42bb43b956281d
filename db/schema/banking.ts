/** Bank accounts, imported transactions (signed cents) and their matches to invoices and bills. */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cents, createdAt, id, sameTenant, tenantIsolation, tenantKey, updatedAt } from './columns.ts';
import { tenants } from './tenants.ts';

const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

export const bankAccounts = pgTable(
  'bank_accounts',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    institution: text('institution'),
    accountNumber: text('account_number'),
    iban: text('iban'),
    currency: text('currency').notNull().default('CAD'),
    /**
     * How this bank's CSV exports are read (which column is the date, the amount...), as the person set
     * it once on import; checked against tools/banking/import/csv.ts CsvMapping when read.
     */
    csvMapping: jsonb('csv_mapping').$type<Record<string, unknown>>(),
    /**
     * The latest closing balance a statement stated (signed cents, account currency) and the last day its
     * lines cover: where the cash forecast starts. Null while no imported file stated a balance (OFX, CSV).
     */
    statedBalanceCents: cents('stated_balance_cents'),
    statedBalanceOn: date('stated_balance_on'),
    createdAt: createdAt(),
  },
  (t) => [tenantKey(t), tenantIsolation()],
).enableRLS();

export const bankTransactions = pgTable(
  'bank_transactions',
  {
    id: id(),
    tenantId: tenantId(),
    accountId: uuid('account_id').notNull(),
    bookedOn: date('booked_on').notNull(),
    valueOn: date('value_on'),
    /** Positive: money in; negative: money out. */
    amountCents: cents('amount_cents').notNull(),
    currency: text('currency').notNull(),
    description: text('description').notNull().default(''),
    counterparty: text('counterparty'),
    reference: text('reference'),
    /** The bank's id for the transaction, or a hash of its fields: importing a statement twice adds nothing. */
    externalId: text('external_id').notNull(),
    importBatch: uuid('import_batch'),
    status: text('status', { enum: ['unmatched', 'matched', 'ignored'] })
      .notNull()
      .default('unmatched'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.accountId, () => bankAccounts).onDelete('cascade'),
    // Also an account's transactions, and the reference to the account.
    uniqueIndex('bank_transactions_external').on(t.tenantId, t.accountId, t.externalId),
    // The statement, newest first.
    index('bank_transactions_booked').on(t.tenantId, t.bookedOn).concurrently(),
    // Transactions still to reconcile, newest first: what reconciliation works through.
    index('bank_transactions_unmatched')
      .on(t.tenantId, t.bookedOn)
      .where(sql`${t.status} = 'unmatched'`)
      .concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

export const bankMatches = pgTable(
  'bank_matches',
  {
    id: id(),
    tenantId: tenantId(),
    transactionId: uuid('transaction_id').notNull(),
    targetKind: text('target_kind', { enum: ['invoice', 'bill'] }).notNull(),
    targetId: uuid('target_id').notNull(),
    amountCents: cents('amount_cents').notNull(),
    score: real('score').notNull(),
    actionId: uuid('action_id'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.transactionId, () => bankTransactions).onDelete('cascade'),
    index('bank_matches_transaction').on(t.tenantId, t.transactionId).concurrently(),
    // An invoice's or a bill's bank lines, on its detail page.
    index('bank_matches_target').on(t.tenantId, t.targetId).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();

/**
 * What confirmed and rejected matches taught: this payer text (as the matcher normalises it) is, or is
 * not, this client (money in) or supplier (money out). The next statement from the same payer is
 * matched on it, and automatic recording needs enough confirmations (tools/banking/engine/policy.ts).
 */
export const bankPayerAliases = pgTable(
  'bank_payer_aliases',
  {
    id: id(),
    tenantId: tenantId(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    payer: text('payer').notNull(),
    /** A client id (money in) or a supplier id (money out). */
    partyId: uuid('party_id').notNull(),
    confirmed: integer('confirmed').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('bank_payer_aliases_pair').on(t.tenantId, t.direction, t.payer, t.partyId),
    tenantIsolation(),
  ],
).enableRLS();
