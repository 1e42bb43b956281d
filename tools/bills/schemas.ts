/** What bill tools return: money as decimal strings, the three-way match as found at recording. */
import { z } from 'zod';

export const BillSummary = z.object({
  id: z.string().uuid(),
  number: z.string(),
  status: z.string(),
  supplier: z.object({ id: z.string().uuid(), name: z.string() }),
  supplierInvoiceNumber: z.string().nullable(),
  purchaseOrder: z.object({ id: z.string().uuid(), number: z.string() }).nullable(),
  documentId: z.string().uuid().nullable(),
  currency: z.string(),
  billDate: z.string(),
  dueDate: z.string().nullable(),
  lines: z.array(
    z.object({
      description: z.string(),
      quantity: z.string(),
      unitPrice: z.string(),
      lineTotal: z.string(),
      accountCode: z.string().nullable(),
    }),
  ),
  subtotal: z.string(),
  tax: z.string(),
  total: z.string(),
  paid: z.string(),
  balance: z.string(),
  taxes: z.array(z.unknown()),
  match: z.unknown().nullable(),
  approvedAt: z.string().nullable(),
});
export type BillSummary = z.infer<typeof BillSummary>;
