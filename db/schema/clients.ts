/** Clients a tenant invoices: where they are (it sets the sales tax), their language, credit and terms. */
import { integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cents, createdAt, embedding, id, tenantIsolation, tenantKey, updatedAt } from './columns.ts';
import { language, tenants } from './tenants.ts';

export const clients = pgTable(
  'clients',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    address: jsonb('address').$type<Record<string, string>>(),
    /** Place of supply for sales tax: the client's province (Canada) or country. */
    province: text('province'),
    country: text('country').notNull().default('CA'),
    language: language('language').notNull().default('fr'),
    currency: text('currency').notNull().default('CAD'),
    creditLimitCents: cents('credit_limit_cents'),
    paymentTermsDays: integer('payment_terms_days').notNull().default(30),
    gstNumber: text('gst_number'),
    qstNumber: text('qst_number'),
    vatNumber: text('vat_number'),
    /** French company ids: the buyer's SIREN is mandatory on French e-invoices from the 2026 reform. */
    siren: text('siren'),
    siret: text('siret'),
    /**
     * How invoices reach this client: a plain PDF, Factur-X (PDF with the CII XML inside), or the XML
     * alone as UBL or CII. Null follows the company's country (Factur-X for a French company).
     */
    einvoiceFormat: text('einvoice_format', { enum: ['pdf', 'facturx', 'ubl', 'cii'] }),
    embedding: embedding(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [tenantKey(t), uniqueIndex('clients_tenant_name').on(t.tenantId, t.name), tenantIsolation()],
).enableRLS();
