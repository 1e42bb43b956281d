/** What purchasing tools return: decimal strings for money, so outputs are plain JSON. */
import { z } from 'zod';

export const TaxLine = z.object({
  code: z.string(),
  rate: z.string(),
  base: z.string(),
  amount: z.string(),
  labels: z.object({ fr: z.string(), en: z.string() }),
});

export const SupplierSummary = z.object({
  id: z.string().uuid(),
  name: z.string(),
  status: z.string(),
  email: z.string().nullable(),
  province: z.string().nullable(),
  gstNumber: z.string().nullable(),
  paymentTermsDays: z.number().int(),
});

export const OrderSummary = z.object({
  id: z.string().uuid(),
  number: z.string(),
  status: z.string(),
  supplier: z.object({ id: z.string().uuid(), name: z.string() }),
  currency: z.string(),
  orderDate: z.string(),
  expectedOn: z.string().nullable(),
  lines: z.array(
    z.object({ description: z.string(), quantity: z.string(), quantityReceived: z.string(), unitPrice: z.string(), lineTotal: z.string() }),
  ),
  subtotal: z.string(),
  taxes: z.array(TaxLine),
  tax: z.string(),
  total: z.string(),
  approvalLevel: z.number().int(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;
