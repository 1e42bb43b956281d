import { z } from 'zod';
import { defineTool } from '../define.ts';
import { fromMinor, DateOf } from '../money.ts';
import { toCsv, type Cell } from './csv.ts';
import { billRows, invoiceRows, madePaymentRows, orderRows, receivedPaymentRows } from './queries.ts';
import { assertPeriod } from '../period.ts';
import type { ToolCtx } from '../context.ts';

export const DATASETS = ['invoices', 'bills', 'payments', 'purchase_orders'] as const;
export type Dataset = (typeof DATASETS)[number];

const m = fromMinor;

/** Header and rows of each dataset; amounts as decimal strings in the document's currency. */
async function table(
  ctx: ToolCtx,
  dataset: Dataset,
  from: string,
  to: string,
): Promise<{ header: string[]; rows: Cell[][] }> {
  switch (dataset) {
    case 'invoices': {
      const rows = await invoiceRows(ctx.db, from, to);
      return {
        header: [
          'number',
          'kind',
          'client',
          'issue_date',
          'due_date',
          'status',
          'currency',
          'subtotal',
          'tax',
          'total',
          'paid',
          'credited',
          'balance',
        ],
        rows: rows.map(({ invoice: i, clientName }) => [
          i.number,
          i.kind,
          clientName,
          i.issueDate,
          i.dueDate,
          i.status,
          i.currency,
          m(i.subtotalCents, i.currency),
          m(i.taxCents, i.currency),
          m(i.totalCents, i.currency),
          m(i.paidCents, i.currency),
          m(i.creditedCents, i.currency),
          m(i.totalCents - i.paidCents - i.creditedCents, i.currency),
        ]),
      };
    }
    case 'bills': {
      const rows = await billRows(ctx.db, from, to);
      return {
        header: [
          'number',
          'supplier',
          'supplier_invoice_number',
          'purchase_order',
          'bill_date',
          'due_date',
          'status',
          'currency',
          'subtotal',
          'tax',
          'total',
          'paid',
          'balance',
        ],
        rows: rows.map(({ bill: b, supplierName, orderNumber }) => [
          b.number,
          supplierName,
          b.supplierInvoiceNumber,
          orderNumber,
          b.billDate,
          b.dueDate,
          b.status,
          b.currency,
          m(b.subtotalCents, b.currency),
          m(b.taxCents, b.currency),
          m(b.totalCents, b.currency),
          m(b.paidCents, b.currency),
          m(b.totalCents - b.paidCents, b.currency),
        ]),
      };
    }
    case 'payments': {
      const received = await receivedPaymentRows(ctx.db, from, to);
      const made = await madePaymentRows(ctx.db, from, to);
      const all = [
        ...received.map(({ payment: p, invoiceNumber, clientName }) => ({
          date: p.receivedOn,
          row: [
            p.receivedOn,
            'received',
            clientName,
            invoiceNumber,
            p.method,
            p.reference,
            p.currency,
            m(p.amountCents, p.currency),
          ] as Cell[],
        })),
        ...made.map(({ payment: p, billNumber, supplierName }) => ({
          date: p.paidOn,
          row: [
            p.paidOn,
            'paid',
            supplierName,
            billNumber,
            p.method,
            p.reference,
            p.currency,
            m(-p.amountCents, p.currency),
          ] as Cell[],
        })),
      ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      return {
        header: ['date', 'direction', 'counterparty', 'document', 'method', 'reference', 'currency', 'amount'],
        rows: all.map((x) => x.row),
      };
    }
    case 'purchase_orders': {
      const rows = await orderRows(ctx.db, from, to);
      return {
        header: [
          'number',
          'supplier',
          'order_date',
          'expected_on',
          'status',
          'currency',
          'subtotal',
          'tax',
          'total',
          'approval_level',
        ],
        rows: rows.map(({ order: o, supplierName }) => [
          o.number,
          supplierName,
          o.orderDate,
          o.expectedOn,
          o.status,
          o.currency,
          m(o.subtotalCents, o.currency),
          m(o.taxCents, o.currency),
          m(o.totalCents, o.currency),
          o.approvalLevel,
        ]),
      };
    }
  }
}

export const ExportOutput = z.object({
  filename: z.string(),
  contentType: z.literal('text/csv; charset=utf-8'),
  rows: z.number().int(),
  csv: z.string(),
});

export const exportCsv = defineTool({
  name: 'exports_csv',
  title: 'Export to CSV',
  description:
    'Export invoices, supplier bills, payments (received and paid, paid ones negative) or purchase orders of a ' +
    'period as CSV text (comma-separated, quoted where needed, header row, amounts as decimal strings with a ' +
    'dot, dates YYYY-MM-DD). Dates filter on the document date. Returns the file name, row count and the CSV.',
  kind: 'read',
  input: z.object({ dataset: z.enum(DATASETS), from: DateOf('report'), to: DateOf('report') }),
  output: ExportOutput,
  async run(ctx, input) {
    assertPeriod(input.from, input.to, ctx.lang);
    const { header, rows } = await table(ctx, input.dataset, input.from, input.to);
    return {
      filename: `${input.dataset}_${input.from}_${input.to}.csv`,
      contentType: 'text/csv; charset=utf-8' as const,
      rows: rows.length,
      csv: toCsv(header, rows),
    };
  },
  summarize: (o, lang) => (lang === 'fr' ? `${o.filename} : ${o.rows} ligne(s).` : `${o.filename}: ${o.rows} row(s).`),
});
