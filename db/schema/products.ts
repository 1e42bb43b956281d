/** What a tenant buys and sells: categories and products with prices, bulk prices and lead times. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  cents,
  createdAt,
  embedding,
  id,
  quantity,
  sameTenant,
  type TenantTable,
  tenantIsolation,
  tenantKey,
  updatedAt,
} from './columns.ts';
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
    parentId: uuid('parent_id'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    sameTenant(t.parentId, (): TenantTable => productCategories),
    uniqueIndex('product_categories_tenant_name').on(t.tenantId, t.name),
    index('product_categories_parent').on(t.tenantId, t.parentId).where(sql`${t.parentId} is not null`).concurrently(),
    tenantIsolation(),
  ],
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
    categoryId: uuid('category_id'),
    /** Usual supplier of the product, if any. */
    supplierId: uuid('supplier_id'),
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
  (t) => [
    tenantKey(t),
    sameTenant(t.categoryId, () => productCategories),
    sameTenant(t.supplierId, () => suppliers),
    uniqueIndex('products_tenant_sku').on(t.tenantId, t.sku),
    index('products_category').on(t.tenantId, t.categoryId).where(sql`${t.categoryId} is not null`).concurrently(),
    index('products_supplier').on(t.tenantId, t.supplierId).where(sql`${t.supplierId} is not null`).concurrently(),
    // The catalogue, alphabetical whatever the case.
    index('products_tenant_lower_name').on(t.tenantId, sql`lower(${t.name})`).concurrently(),
    tenantIsolation(),
  ],
).enableRLS();
