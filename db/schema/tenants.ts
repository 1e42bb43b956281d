/** A tenant is one business using Comptoir: its country, taxes, language and how much the AI may do alone. */
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgEnum, pgPolicy, pgTable, real, text, uuid } from 'drizzle-orm/pg-core';
import { appRole, cents, createdAt, updatedAt } from './columns.ts';

export const automationLevel = pgEnum('automation_level', ['manual', 'assisted', 'supervised', 'full']);
export const language = pgEnum('language', ['fr', 'en']);

export const tenants = pgTable(
  'tenants',
  {
    /** A global (reference) table: the only key without a tenant_id is the tenant's own id. */
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    country: text('country').notNull().default('CA'),
    /** Province or territory code (QC, ON, ...) where the business is based; null outside Canada. */
    province: text('province'),
    currency: text('currency').notNull().default('CAD'),
    language: language('language').notNull().default('fr'),
    /** IANA time zone: when the company's day starts (today's date, due dates, reminders). */
    timeZone: text('time_zone').notNull().default('America/Toronto'),
    automationLevel: automationLevel('automation_level').notNull().default('assisted'),
    aiEnabled: boolean('ai_enabled').notNull().default(true),
    /** supervised: the AI executes alone at or above this confidence. */
    confidenceThreshold: real('confidence_threshold').notNull().default(0.85),
    /** full: the AI executes alone at or above this confidence. */
    confidenceFloor: real('confidence_floor').notNull().default(0.6),
    /** full: nothing above this amount executes without a person, whatever the confidence. */
    hardCapCents: cents('hard_cap_cents').notNull().default(sql`500000`),
    /** Purchase approval levels: above level1 a buyer must approve, above level2 a manager, above level3 an admin. */
    approvalLevel1Cents: cents('approval_level1_cents').notNull().default(sql`100000`),
    approvalLevel2Cents: cents('approval_level2_cents').notNull().default(sql`500000`),
    approvalLevel3Cents: cents('approval_level3_cents').notNull().default(sql`1000000`),
    /** Pending actions expire (or escalate one level) after this many hours. */
    approvalExpiryHours: integer('approval_expiry_hours').notNull().default(72),
    expiryBehaviour: text('expiry_behaviour', { enum: ['expire', 'escalate'] })
      .notNull()
      .default('escalate'),
    /**
     * Days relative to the due date on which payment reminders go out. Our users asked for J+15, J+30,
     * J+45 after the due date (issue 14); each company changes it in settings (reminders_update_schedule).
     */
    reminderSchedule: jsonb('reminder_schedule').$type<number[]>().notNull().default([15, 30, 45]),
    /**
     * The tone a company chose for a step, keyed by its day ("30": "firm"); a step without one takes
     * the tone of its place in the schedule (first courteous, then firm, the last one final).
     */
    reminderTones: jsonb('reminder_tones')
      .$type<Record<string, 'courtesy' | 'reminder' | 'firm' | 'final'>>()
      .notNull()
      .default({}),
    /** A payment short of an invoice's balance by at most this much is taken as paid less a bank fee. */
    bankFeeToleranceCents: cents('bank_fee_tolerance_cents').notNull().default(sql`2500`),
    gstNumber: text('gst_number'),
    qstNumber: text('qst_number'),
    vatNumber: text('vat_number'),
    siren: text('siren'),
    /** Head-office SIRET (14 digits), the seller's establishment on French e-invoices. */
    siret: text('siret'),
    /** Legal form and share capital, mentions French commercial law asks for (e.g. "SAS", "10 000 €"). */
    legalForm: text('legal_form'),
    shareCapital: text('share_capital'),
    /** Where clients pay: printed on invoices and carried by e-invoices as the payment account. */
    iban: text('iban'),
    bic: text('bic'),
    address: jsonb('address').$type<Record<string, string>>(),
    email: text('email'),
    /** Secret part of the tenant's inbound address: bills+<token>@... */
    inboundToken: uuid('inbound_token').notNull().defaultRandom().unique(),
    allowedSenders: jsonb('allowed_senders').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  () => [
    pgPolicy('tenant_isolation', {
      as: 'permissive',
      to: appRole,
      for: 'all',
      using: sql`id = nullif(current_setting('app.tenant_id', true), '')::uuid`,
      withCheck: sql`id = nullif(current_setting('app.tenant_id', true), '')::uuid`,
    }),
  ],
).enableRLS();
