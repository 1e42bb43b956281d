/** What purchasing tools return: decimal strings for money, so outputs are plain JSON. */
import { z } from 'zod';
import { TaxLine } from '../totals.ts';
import { ORDER_STATUSES } from './model.ts';

export const SupplierSummary = z.object({
  id: z.string().uuid(),
  name: z.string(),
  legalName: z.string().nullable(),
  status: z.string(),
  email: z.string().nullable(),
  province: z.string().nullable(),
  country: z.string(),
  currency: z.string(),
  gstNumber: z.string().nullable(),
  qstNumber: z.string().nullable(),
  vatNumber: z.string().nullable(),
  paymentTermsDays: z.number().int(),
  /** 1–5 stars given by the company; null when not rated. */
  rating: z.number().int().nullable(),
  /** 0 (no risk) to 100, set by the company. */
  riskScore: z.number().int().nullable(),
  /** 0 to 100, from on-time deliveries (see supplierPerformance in model.ts); null before any delivery was due. */
  performanceScore: z.number().int().nullable(),
  certifications: z.array(z.string()),
  diversityFlags: z.array(z.string()),
});
export type SupplierSummary = z.infer<typeof SupplierSummary>;

export const CategorySummary = z.object({
  id: z.string().uuid(),
  name: z.string(),
  parentId: z.string().uuid().nullable(),
});

export const ProductSummary = z.object({
  id: z.string().uuid(),
  sku: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  category: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  supplierId: z.string().uuid().nullable(),
  unit: z.string(),
  currency: z.string(),
  unitPrice: z.string(),
  bulkPrice: z.string().nullable(),
  bulkThreshold: z.string().nullable(),
  leadTimeDays: z.number().int().nullable(),
  taxTreatment: z.string(),
  active: z.boolean(),
});
export type ProductSummary = z.infer<typeof ProductSummary>;

export const OrderSummary = z.object({
  id: z.string().uuid(),
  number: z.string(),
  status: z.enum(ORDER_STATUSES),
  supplier: z.object({ id: z.string().uuid(), name: z.string() }),
  currency: z.string(),
  orderDate: z.string(),
  expectedOn: z.string().nullable(),
  lines: z.array(
    z.object({
      itemId: z.string().uuid(),
      description: z.string(),
      quantity: z.string(),
      quantityReceived: z.string(),
      unitPrice: z.string(),
      lineTotal: z.string(),
    }),
  ),
  subtotal: z.string(),
  taxes: z.array(TaxLine),
  tax: z.string(),
  total: z.string(),
  approvalLevel: z.number().int(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

export { TaxLine };
