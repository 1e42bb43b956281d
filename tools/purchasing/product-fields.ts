/** Fields of a product shared by create and update, and the text it is embedded by. */
import { z } from 'zod';
import { CurrencyCode, Quantity, NonNegativeMoney } from '../money.ts';

export const ProductFields = {
  sku: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200).describe('The product name, usually in French.'),
  description: z
    .string()
    .trim()
    .max(2000)
    .describe('A description, e.g. the English name, so search finds it in both languages.'),
  categoryId: z.string().uuid(),
  supplierId: z.string().uuid().describe('The usual supplier.'),
  unit: z.string().trim().min(1).max(20).describe('e.g. "unit", "box", "kg", "h".'),
  currency: CurrencyCode,
  unitPrice: NonNegativeMoney.describe('List price per unit as a decimal string, e.g. "249.99".'),
  bulkPrice: NonNegativeMoney.describe('Price per unit from bulkThreshold units on.'),
  bulkThreshold: Quantity.describe('Quantity from which the bulk price applies, e.g. "100".'),
  leadTimeDays: z.number().int().min(0).max(365),
  taxTreatment: z.enum(['taxable', 'exempt', 'zero_rated']),
  accountCode: z.string().trim().max(30),
};

/** French name and English description together, so a query in either language is near. */
export const productText = (p: { name: string; description?: string | null }) =>
  [p.name, p.description].filter(Boolean).join('. ');
