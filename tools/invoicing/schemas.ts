/** What invoicing tools take and return: decimal strings for money, so inputs and outputs are plain JSON. */
import { z } from 'zod';
import { TaxLine } from '../totals.ts';
import { FR_RATE_CLASSES } from '../tax/index.ts';
import { Quantity, NonNegativeMoney } from '../money.ts';
import { VatExemption } from './einvoice/codes.ts';
import { FREQUENCIES, INVOICE_STATUSES, PAYMENT_METHODS } from './model.ts';

/** One line as a person or the model writes it; prices in the client's currency. */
export const InvoiceLineInput = z.object({
  productId: z.string().uuid().optional(),
  description: z.string().trim().min(1).max(500),
  quantity: Quantity,
  unitPrice: NonNegativeMoney.describe(
    'Unit price before tax, a decimal string in the client currency, e.g. "125.00".',
  ),
  accountCode: z.string().trim().max(20).optional().describe('Revenue account of the chart of accounts, e.g. "4100".'),
  treatment: z.enum(['taxable', 'exempt', 'zero_rated']).default('taxable'),
  frRate: z
    .enum(FR_RATE_CLASSES)
    .optional()
    .describe(
      'French clients only: VAT class, normal 20 % (default), intermediate 10 %, reduced 5.5 %, special 2.1 %.',
    ),
  vatExemption: VatExemption.optional().describe(
    'Exempt lines: why no VAT is due (EN 16931 code); e-invoices need it.',
  ),
});
export type InvoiceLineInput = z.output<typeof InvoiceLineInput>;

export const ClientSummary = z.object({
  id: z.string().uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.record(z.string(), z.string()).nullable(),
  province: z.string().nullable(),
  country: z.string(),
  language: z.enum(['fr', 'en']),
  currency: z.string(),
  creditLimit: z.string().nullable().describe('Most the client may owe at once; null for no limit.'),
  paymentTermsDays: z.number().int(),
  gstNumber: z.string().nullable(),
  qstNumber: z.string().nullable(),
  vatNumber: z.string().nullable(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  einvoiceFormat: z.enum(['pdf', 'facturx', 'ubl', 'cii']).nullable(),
});
export type ClientSummary = z.infer<typeof ClientSummary>;

export const InvoiceSummary = z.object({
  id: z.string().uuid(),
  number: z.string(),
  kind: z.enum(['invoice', 'credit_note']),
  status: z.enum(INVOICE_STATUSES),
  client: z.object({ id: z.string().uuid(), name: z.string() }),
  creditOf: z.object({ id: z.string().uuid(), number: z.string() }).nullable(),
  currency: z.string(),
  language: z.enum(['fr', 'en']),
  issueDate: z.string(),
  dueDate: z.string(),
  placeOfSupply: z.string().nullable(),
  lines: z.array(
    z.object({
      description: z.string(),
      quantity: z.string(),
      unitPrice: z.string(),
      lineTotal: z.string(),
      accountCode: z.string().nullable(),
      treatment: z.string(),
      frRate: z.string().nullable(),
      vatExemption: z.string().nullable(),
    }),
  ),
  subtotal: z.string(),
  taxes: z.array(TaxLine),
  tax: z.string(),
  total: z.string(),
  paid: z.string(),
  credited: z.string(),
  balance: z.string().describe('What the client still owes: total − paid − credited.'),
  sentAt: z.string().nullable(),
  eInvoiceFormat: z
    .enum(['facturx', 'ubl', 'cii'])
    .nullable()
    .describe('The e-invoice format it was sent as; null for a plain PDF or not yet sent.'),
  recurringId: z.string().uuid().nullable(),
  recurringPeriod: z.string().nullable(),
  notes: z.string().nullable(),
});
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const PaymentMethod = z.enum(PAYMENT_METHODS);
export const Frequency = z.enum(FREQUENCIES);

/** What a recurring schedule copies into each invoice it generates. */
export const RecurringTemplate = z.object({
  lines: z.array(InvoiceLineInput).min(1).max(200),
  notes: z.string().max(2000).optional(),
});
export type RecurringTemplate = z.output<typeof RecurringTemplate>;

export const RecurringSummary = z.object({
  id: z.string().uuid(),
  client: z.object({ id: z.string().uuid(), name: z.string() }),
  frequency: Frequency,
  startOn: z.string(),
  nextOn: z.string(),
  endOn: z.string().nullable(),
  active: z.boolean(),
  template: RecurringTemplate,
});
export type RecurringSummary = z.infer<typeof RecurringSummary>;

export { TaxLine };
