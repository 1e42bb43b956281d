import { z } from 'zod';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { DateOf } from '../money.ts';
import { toCsv } from './csv.ts';
import { ExportOutput } from './export-csv.ts';
import {
  DEFAULT_ACCOUNTS,
  JOURNAL_HEADER,
  journalLines,
  journalRow,
  type JournalSource,
  type TaxPart,
} from './journal.ts';
import { billItemRows, bookedBills, bookedInvoices, madePaymentRows, receivedPaymentRows } from './queries.ts';
import { assertPeriod } from '../period.ts';

const Accounts = z.object(
  Object.fromEntries(
    Object.entries(DEFAULT_ACCOUNTS).map(([k, v]) => [k, z.string().trim().min(1).max(100).default(v)]),
  ) as Record<keyof typeof DEFAULT_ACCOUNTS, z.ZodDefault<z.ZodString>>,
);

async function sources(ctx: ToolCtx, from: string, to: string, currency: string): Promise<JournalSource[]> {
  const taxes = (json: unknown): TaxPart[] =>
    Array.isArray(json) ? json.filter((t) => t && typeof t.code === 'string' && typeof t.amount === 'string') : [];
  const bills = (await bookedBills(ctx.db, from, to)).filter((b) => b.bill.currency === currency);
  const items = await billItemRows(
    ctx.db,
    bills.map((b) => b.bill.id),
  );
  const invoices = (await bookedInvoices(ctx.db, from, to)).filter((i) => i.invoice.currency === currency);
  const received = (await receivedPaymentRows(ctx.db, from, to)).filter((p) => p.payment.currency === currency);
  const made = (await madePaymentRows(ctx.db, from, to)).filter((p) => p.payment.currency === currency);
  return [
    ...bills.map(({ bill: b, supplierName }) => ({
      kind: 'bill' as const,
      number: b.number,
      date: b.billDate,
      currency,
      supplier: supplierName,
      reference: b.supplierInvoiceNumber,
      lines: items
        .filter((i) => i.billId === b.id)
        .map((i) => ({ accountCode: i.accountCode, amountCents: i.lineTotalCents })),
      subtotalCents: b.subtotalCents,
      taxCents: b.taxCents,
      totalCents: b.totalCents,
      taxes: taxes(b.taxBreakdown),
    })),
    ...invoices.map(({ invoice: i, clientName }) => ({
      kind: i.kind,
      number: i.number,
      date: i.issueDate,
      currency,
      client: clientName,
      subtotalCents: i.subtotalCents,
      taxCents: i.taxCents,
      totalCents: i.totalCents,
      taxes: taxes(i.taxBreakdown),
    })),
    ...received.map(({ payment: p, invoiceNumber, clientName }) => ({
      kind: 'payment_received' as const,
      number: invoiceNumber,
      date: p.receivedOn,
      amountCents: p.amountCents,
      client: clientName,
      reference: p.reference,
    })),
    ...made.map(({ payment: p, billNumber, supplierName }) => ({
      kind: 'bill_payment' as const,
      number: billNumber,
      date: p.paidOn,
      amountCents: p.amountCents,
      supplier: supplierName,
      reference: p.reference,
    })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export const exportJournal = defineTool({
  name: 'exports_quickbooks_journal',
  title: 'Export a journal for QuickBooks Online',
  description:
    'The period’s bills, invoices, credit notes and payments as balanced double-entry journal lines, in the CSV ' +
    'layout of QuickBooks Online “Import journal entries” (Journal No., Journal Date, Account Name, Debits, ' +
    'Credits, Description, Name). Account names must match the chart of accounts: override any of them in ' +
    '`accounts`. Company currency only. Dates MM/DD/YYYY unless dateFormat says otherwise.',
  kind: 'read',
  input: z.object({
    from: DateOf('report'),
    to: DateOf('report'),
    dateFormat: z.enum(['MM/DD/YYYY', 'DD/MM/YYYY', 'YYYY-MM-DD']).default('MM/DD/YYYY'),
    accounts: Accounts.default(DEFAULT_ACCOUNTS),
  }),
  output: ExportOutput,
  async run(ctx, input) {
    assertPeriod(input.from, input.to, ctx.lang);
    const { currency } = await ctx.tenant();
    const lines = journalLines(await sources(ctx, input.from, input.to, currency), input.accounts);
    return {
      filename: `journal_${input.from}_${input.to}.csv`,
      contentType: 'text/csv; charset=utf-8' as const,
      rows: lines.length,
      csv: toCsv(
        JOURNAL_HEADER,
        lines.map((l) => journalRow(l, currency, input.dateFormat)),
      ),
    };
  },
  summarize: (o, lang) =>
    lang === 'fr'
      ? `Journal ${o.filename} : ${o.rows} ligne(s) équilibrées.`
      : `Journal ${o.filename}: ${o.rows} balanced line(s).`,
});
