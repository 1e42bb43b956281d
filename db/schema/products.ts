/** What a tenant buys and sells: categories and products with prices, bulk prices and lead times. */
import { boolean, integer, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { cents, createdAt, embedding, id, quantity, tenantIsolation, updatedAt } from './columns.ts';
import { suppliers } from './suppliers.ts';
import { tenants } from './tenants.ts';

export const productCategories = pgTable(
  'product_categories',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => productCategories.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('product_categories_tenant_name').on(t.tenantId, t.name), tenantIsolation()],
).enableRLS();

export const products = pgTable(
  'products',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    sku: text('sku'),
    name: text('name').notNull(),
    description: text('description'),
    categoryId: uuid('category_id').references(() => productCategories.id),
    /** Usual supplier of the product, if any. */
    supplierId: uuid('supplier_id').references(() => suppliers.id),
    unit: text('unit').notNull().default('unit'),
    currency: text('currency').notNull().default('CAD'),
    unitPriceCents: cents('unit_price_cents').notNull(),
    /** Price per unit from bulkThreshold units on. */
    bulkPriceCents: cents('bulk_price_cents'),
    bulkThreshold: quantity('bulk_threshold'),
    leadTimeDays: integer('lead_time_days'),
    taxTreatment: text('tax_treatment', { enum: ['taxable', 'exempt', 'zero_rated'] })
      .notNull()
      .default('taxable'),
    accountCode: text('account_code'),
    active: boolean('active').notNull().default(true),
    embedding: embedding(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('products_tenant_sku').on(t.tenantId, t.sku), tenantIsolation()],
).enableRLS();
