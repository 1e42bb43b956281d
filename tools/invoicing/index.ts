/** Invoicing: clients, invoices and credit notes, payments, recurring invoices, PDFs and sending. */
import { cancelInvoice } from './cancel-invoice.ts';
import { createClient } from './create-client.ts';
import { createCreditNote } from './create-credit-note.ts';
import { createInvoice } from './create-invoice.ts';
import { createRecurring } from './create-recurring.ts';
import { findClients } from './find-clients.ts';
import { getInvoice } from './get-invoice.ts';
import { getEInvoice } from './get-einvoice.ts';
import { getInvoicePdf } from './get-invoice-pdf.ts';
import { listInvoices } from './list-invoices.ts';
import { listRecurring } from './list-recurring.ts';
import { markViewed } from './mark-viewed.ts';
import { recordPayment } from './record-payment.ts';
import { sendInvoice } from './send-invoice.ts';
import { stopRecurring } from './stop-recurring.ts';
import { updateClient } from './update-client.ts';
import { updateDraft } from './update-draft.ts';

export const invoicingTools = [
  findClients,
  createClient,
  updateClient,
  createInvoice,
  updateDraft,
  getInvoice,
  listInvoices,
  getInvoicePdf,
  getEInvoice,
  sendInvoice,
  markViewed,
  recordPayment,
  cancelInvoice,
  createCreditNote,
  createRecurring,
  listRecurring,
  stopRecurring,
];

export { generateDueRecurring } from './recurring.ts';
export { markOverdue } from './overdue.ts';
