/** Suppliers a tenant buys from, with their tax numbers, terms and scores. */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, embedding, id, tenantIsolation, tenantKey, updatedAt } from './columns.ts';
import { tenants } from './tenants.ts';

export const supplierStatus = pgEnum('supplier_status', ['active', 'pending', 'inactive', 'blocked']);

export const suppliers = pgTable(
  'suppliers',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    status: supplierStatus('status').notNull().default('active'),
    /** 1 to 5 stars given by the tenant. */
    rating: integer('rating'),
    /** 0 (no risk) to 100, and 0 to 100 from delivery and quality history. */
    riskScore: integer('risk_score'),
    performanceScore: integer('performance_score'),
    email: text('email'),
    phone: text('phone'),
    address: jsonb('address').$type<Record<string, string>>(),
    province: text('province'),
    country: text('country').notNull().default('CA'),
    currency: text('currency').notNull().default('CAD'),
    gstNumber: text('gst_number'),
    qstNumber: text('qst_number'),
    vatNumber: text('vat_number'),
    siren: text('siren'),
    paymentTermsDays: integer('payment_terms_days').notNull().default(30),
    certifications: jsonb('certifications').$type<string[]>().notNull().default([]),
    diversityFlags: jsonb('diversity_flags').$type<string[]>().notNull().default([]),
    notes: text('notes'),
    embedding: embedding(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('suppliers_tenant_name').on(t.tenantId, t.name),
    index('suppliers_tenant_gst').on(t.tenantId, t.gstNumber),
    // A bill's supplier is found by its GST or its QST number.
    index('suppliers_tenant_qst').on(t.tenantId, t.qstNumber).concurrently(),
    // The supplier list, alphabetical whatever the case.
    index('suppliers_tenant_lower_name').on(t.tenantId, sql`lower(${t.name})`).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();
