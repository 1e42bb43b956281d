/**
 * Exchange rates a company holds, as dated facts: how many units of its own currency one unit of a
 * foreign currency was worth from a day on. Approval levels, AI limits and the hard cap compare a
 * foreign amount converted at the latest rate on or before the document's date (tools/exchange-rates.ts).
 */
import { date, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantIsolation, tenantKey } from './columns.ts';
import { tenants } from './tenants.ts';

export const exchangeRates = pgTable(
  'exchange_rates',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** The foreign currency (ISO 4217). */
    currency: text('currency').notNull(),
    /** The company currency the rate converts into, as it was when the rate was entered. */
    companyCurrency: text('company_currency').notNull(),
    /** First day the rate applies; it holds until a later one is entered. */
    validFrom: date('valid_from').notNull(),
    /** Units of the company currency for one unit of `currency`: an exact decimal, never a float. */
    rate: numeric('rate', { precision: 20, scale: 10 }).notNull(),
    /** Who entered it (a user id), kept for the audit; the action door records the change too. */
    enteredBy: uuid('entered_by'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    // One rate per currency pair and day; the lookup takes the latest on or before a date.
    uniqueIndex('exchange_rates_tenant_pair_day').on(t.tenantId, t.currency, t.companyCurrency, t.validFrom),
    tenantIsolation(),
  ],
).enableRLS();
