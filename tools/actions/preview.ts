/**
 * What an action will produce, shown before anyone decides: the purchase order, bill or invoice as
 * it will read once approved, where the request came from (the document read, the email it came in)
 * and the three-way-match differences. A record that already exists (an order to submit, a bill to
 * pay) is read as it is; one the action would create is worked out by the tool's own run() inside a
 * savepoint that is rolled back, so the preview and the real thing share one set of rules.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { documents, inboundEmails } from '../../db/schema/index.ts';
import { BILL_STATUS_WORDS, DIFFERENCE_WORDS } from '../bills/texts.ts';
import { INVOICE_STATUS_WORDS } from '../invoicing/texts.ts';
import { STATUS_WORDS } from '../purchasing/texts.ts';
import { billSummary } from '../bills/queries.ts';
import type { BillSummary } from '../bills/schemas.ts';
import type { Lang, ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { AppError } from '../errors.ts';
import { invoiceSummary } from '../invoicing/queries.ts';
import type { InvoiceSummary } from '../invoicing/schemas.ts';
import type { Difference } from '../purchasing/three-way-match.ts';
import { orderSummary } from '../purchasing/queries.ts';
import type { OrderSummary } from '../purchasing/schemas.ts';
import { actionWithEvents } from './queries.ts';
import { toolNamed } from '../tool-lookup.ts';

export const RecordView = z.object({
  kind: z.enum(['purchase_order', 'bill', 'invoice', 'credit_note']),
  /** Null while the record does not exist yet: approving creates it (and gives it its number). */
  id: z.string().uuid().nullable(),
  number: z.string().nullable(),
  status: z.string().nullable(),
  /** The status in the reader's words. */
  statusLabel: z.string().nullable(),
  party: z.object({ role: z.enum(['supplier', 'client']), id: z.string().uuid(), name: z.string() }),
  date: z.string(),
  dueDate: z.string().nullable(),
  currency: z.string(),
  lines: z.array(
    z.object({ description: z.string(), quantity: z.string(), unitPrice: z.string(), lineTotal: z.string() }),
  ),
  /** Tax lines with their label in the reader's language. */
  taxes: z.array(z.object({ label: z.string(), amount: z.string() })),
  subtotal: z.string(),
  tax: z.string(),
  total: z.string(),
  purchaseOrder: z.object({ id: z.string().uuid(), number: z.string() }).nullable(),
  /** The three-way match's differences, each one sentence in the reader's language. */
  differences: z.array(z.string()),
  documentId: z.string().uuid().nullable(),
});
export type RecordView = z.infer<typeof RecordView>;

export const ProposalPreview = z.object({
  record: RecordView.nullable(),
  /** Why no record can be shown (the request as it stands would be refused), in the reader's language. */
  problem: z.string().nullable(),
  /** The document the request was read from (a PDF, a photo), when there is one. */
  document: z
    .object({
      id: z.string().uuid(),
      filename: z.string(),
      mimeType: z.string(),
      /** What was read from it, each field with its calibrated confidence (tools/documents/calibration.ts). */
      readFields: z.array(z.object({ field: z.string(), value: z.string(), confidence: z.number() })).optional(),
    })
    .nullable(),
  /** The email that brought that document in, when it came by mail. */
  email: z.object({ from: z.string(), subject: z.string().nullable(), receivedAt: z.string() }).nullable(),
});
export type ProposalPreview = z.infer<typeof ProposalPreview>;

/** Tools that create a record and nothing outside the database: safe to run and roll back. */
const DRY_RUN = new Set([
  'purchasing_create_order',
  'bills_record_supplier_bill',
  'invoicing_create_invoice',
  'invoicing_create_credit_note',
]);

class Rollback extends Error {
  constructor(readonly output: unknown) {
    super('rollback');
  }
}

const taxLabel = (t: unknown, lang: Lang) => {
  const tax = t as { code?: string; labels?: Record<Lang, string>; amount?: string };
  return { label: tax.labels?.[lang] ?? tax.code ?? '', amount: tax.amount ?? '0' };
};

function differenceText(d: Difference, lang: Lang): string {
  const words = DIFFERENCE_WORDS[d.kind][lang];
  const line = 'line' in d ? (lang === 'fr' ? `Ligne ${d.line + 1} : ` : `Line ${d.line + 1}: `) : '';
  const what = 'description' in d ? ` (${d.description})` : '';
  return `${line}${words}${what}`;
}

export const fromOrder = (o: OrderSummary, lang: Lang): RecordView => ({
  kind: 'purchase_order',
  id: o.id,
  number: o.number,
  status: o.status,
  statusLabel: STATUS_WORDS[o.status][lang],
  party: { role: 'supplier', ...o.supplier },
  date: o.orderDate,
  dueDate: o.expectedOn,
  currency: o.currency,
  lines: o.lines.map(({ description, quantity, unitPrice, lineTotal }) => ({
    description,
    quantity,
    unitPrice,
    lineTotal,
  })),
  taxes: o.taxes.map((t) => taxLabel(t, lang)),
  subtotal: o.subtotal,
  tax: o.tax,
  total: o.total,
  purchaseOrder: null,
  differences: [],
  documentId: null,
});

export const fromBill = (b: BillSummary, lang: Lang): RecordView => ({
  kind: 'bill',
  id: b.id,
  number: b.supplierInvoiceNumber ? `${b.number} · ${b.supplierInvoiceNumber}` : b.number,
  status: b.status,
  statusLabel: BILL_STATUS_WORDS[b.status as keyof typeof BILL_STATUS_WORDS]?.[lang] ?? b.status,
  party: { role: 'supplier', ...b.supplier },
  date: b.billDate,
  dueDate: b.dueDate,
  currency: b.currency,
  lines: b.lines.map(({ description, quantity, unitPrice, lineTotal }) => ({
    description,
    quantity,
    unitPrice,
    lineTotal,
  })),
  taxes: b.taxes.map((t) => taxLabel(t, lang)),
  subtotal: b.subtotal,
  tax: b.tax,
  total: b.total,
  purchaseOrder: b.purchaseOrder,
  differences: ((b.match as { differences?: Difference[] } | null)?.differences ?? []).map((d) =>
    differenceText(d, lang),
  ),
  documentId: b.documentId,
});

export const fromInvoice = (i: InvoiceSummary, lang: Lang): RecordView => ({
  kind: i.kind,
  id: i.id,
  number: i.number,
  status: i.status,
  statusLabel: INVOICE_STATUS_WORDS[i.status][lang],
  party: { role: 'client', ...i.client },
  date: i.issueDate,
  dueDate: i.dueDate,
  currency: i.currency,
  lines: i.lines.map(({ description, quantity, unitPrice, lineTotal }) => ({
    description,
    quantity,
    unitPrice,
    lineTotal,
  })),
  taxes: i.taxes.map((t) => taxLabel(t, lang)),
  subtotal: i.subtotal,
  tax: i.tax,
  total: i.total,
  purchaseOrder: null,
  differences: [],
  documentId: null,
});

/** The record as the tool's own run() would make it, undone at once: a draft shown, nothing kept. */
async function dryRun(ctx: ToolCtx, toolName: string, input: unknown): Promise<RecordView | null> {
  const tool = toolNamed(toolName);
  if (tool?.kind !== 'write') throw new Error(`No write tool ${toolName}`);
  // A request kept from before the tool's input changed cannot be run again as it is: no record to
  // show, the rest of the preview (request, evidence, document) still is.
  const request = tool.input.safeParse(input);
  if (!request.success) return null;
  const parsed = request.data;
  let output: unknown;
  try {
    await ctx.db.transaction(async (sp) => {
      throw new Rollback(await tool.run({ ...ctx, db: sp }, parsed));
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
    output = err.output;
  }
  const record =
    toolName === 'purchasing_create_order'
      ? fromOrder(output as OrderSummary, ctx.lang)
      : toolName === 'bills_record_supplier_bill'
        ? fromBill(output as BillSummary, ctx.lang)
        : toolName === 'invoicing_create_credit_note'
          ? fromInvoice((output as { creditNote: InvoiceSummary }).creditNote, ctx.lang)
          : fromInvoice(output as InvoiceSummary, ctx.lang);
  // Its id and number were taken inside the rolled-back savepoint: approving gives it its own.
  return { ...record, id: null, number: null, status: null, statusLabel: null };
}

async function recordOf(ctx: ToolCtx, tool: string, input: Record<string, unknown>): Promise<RecordView | null> {
  if (DRY_RUN.has(tool)) return dryRun(ctx, tool, input);
  if (typeof input.orderId === 'string')
    return fromOrder(await orderSummary(ctx.db, input.orderId, ctx.lang), ctx.lang);
  if (typeof input.billId === 'string') return fromBill(await billSummary(ctx.db, input.billId, ctx.lang), ctx.lang);
  if (typeof input.invoiceId === 'string')
    return fromInvoice(await invoiceSummary(ctx.db, input.invoiceId, ctx.lang), ctx.lang);
  return null;
}

/** The fields a reading found, with their confidence; none when the document was not read. */
function readFieldsOf(extraction: unknown) {
  const read = extraction as { status?: string; fields?: Record<string, { value: string; confidence: number }> } | null;
  if (read?.status !== 'extracted' || !read.fields) return [];
  return Object.entries(read.fields).map(([field, f]) => ({ field, value: f.value, confidence: f.confidence }));
}

async function sourceOf(ctx: ToolCtx, documentId: string | null) {
  if (!documentId) return { document: null, email: null };
  const [row] = await ctx.db
    .select({
      id: documents.id,
      filename: documents.filename,
      mimeType: documents.mimeType,
      extraction: documents.extraction,
      from: inboundEmails.fromAddress,
      subject: inboundEmails.subject,
      receivedAt: inboundEmails.receivedAt,
    })
    .from(documents)
    .leftJoin(inboundEmails, eq(inboundEmails.id, documents.inboundEmailId))
    .where(eq(documents.id, documentId));
  if (!row) return { document: null, email: null };
  return {
    document: { id: row.id, filename: row.filename, mimeType: row.mimeType, readFields: readFieldsOf(row.extraction) },
    email:
      row.from && row.receivedAt
        ? { from: row.from, subject: row.subject, receivedAt: row.receivedAt.toISOString() }
        : null,
  };
}

export const previewAction = defineTool({
  name: 'actions_preview',
  title: 'Preview an action',
  description:
    'What an action will produce once approved (record, lines, taxes, totals) and its source. Writes nothing.',
  kind: 'read',
  input: z.object({ actionId: z.string().uuid() }),
  // Declared loosely for MCP's tools/list (its size is budgeted); run() still checks the full shape.
  output: z.object({
    record: z.unknown(),
    problem: z.string().nullable(),
    document: z.unknown(),
    email: z.unknown(),
  }),
  run: async (ctx, input) => {
    const { action } = await actionWithEvents(ctx.db, input.actionId, ctx.lang);
    const request = (action.input ?? {}) as Record<string, unknown>;
    let record: RecordView | null = null;
    let problem: string | null = null;
    try {
      record = await recordOf(ctx, action.tool, request);
    } catch (err) {
      // The request as it stands would be refused (an unknown supplier, a record gone): say why.
      if (!(err instanceof AppError)) throw err;
      problem = err.message;
    }
    const documentId = record?.documentId ?? (typeof request.documentId === 'string' ? request.documentId : null);
    return ProposalPreview.parse({ record, problem, ...(await sourceOf(ctx, documentId)) });
  },
});
