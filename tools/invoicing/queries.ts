/** The SQL invoicing needs, always through a tenant-scoped transaction (ctx.db). */
import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clients, invoiceItems, invoices, recurringInvoices } from '../../db/schema/index.ts';
import { sameName } from '../embeddings/rank.ts';
import { notFound } from '../errors.ts';
import { canonicalQuantity, fromMinor } from '../money.ts';
import { balanceOf, OPEN_STATUSES, type InvoiceStatus } from './model.ts';
import { RecurringTemplate, type ClientSummary, type InvoiceSummary, type RecurringSummary } from './schemas.ts';
import { invoicingRefusals, type Lang } from './texts.ts';
import { containing, orderOf } from '../paging.ts';

export type ClientRow = typeof clients.$inferSelect;
export type InvoiceRow = typeof invoices.$inferSelect;
export type RecurringRow = typeof recurringInvoices.$inferSelect;

/**
 * Lookups by id refuse an id that is not there in `lang`, the language of the person who gave it; an id
 * read from another row (a foreign key) is always there, so those callers leave it out.
 */
export async function clientById(tx: Tx, id: string, lang: Lang = 'en'): Promise<ClientRow> {
  const [row] = await tx.select().from(clients).where(eq(clients.id, id));
  if (!row) throw notFound(invoicingRefusals[lang].clientNotFound(id));
  return row;
}

/**
 * Another client with this name, or one a person could not tell from it (sameName: case, accents,
 * invisible characters, legal form), with `exact` saying which; compared in JS over id and name only.
 */
export async function clientByName(tx: Tx, name: string, exceptId?: string) {
  const rows = await tx.select({ id: clients.id, name: clients.name }).from(clients);
  const others = rows.filter((r) => r.id !== exceptId);
  const exact = others.find((r) => r.name === name);
  if (exact) return { ...exact, exact: true };
  const lookalike = others.find((r) => sameName(r.name, name));
  return lookalike && { ...lookalike, exact: false };
}

/**
 * Clients whose name, email or tax number contains the query, case-insensitive, by name. The one
 * place client search lives: a vector search (tools/embeddings) can replace its body later.
 */
/** Clients whose name, email or tax number contains the query: a page of them, and how many match. */
export async function findClients(
  tx: Tx,
  input: {
    query: string;
    id?: string | undefined;
    limit: number;
    offset?: number;
    sort?: 'name' | 'created';
    direction?: 'asc' | 'desc' | undefined;
  },
): Promise<{ rows: ClientRow[]; total: number }> {
  const pattern = containing(input.query);
  const where = and(
    input.query
      ? or(
          ilike(clients.name, pattern),
          ilike(clients.email, pattern),
          ilike(clients.gstNumber, pattern),
          ilike(clients.vatNumber, pattern),
        )
      : undefined,
    input.id ? eq(clients.id, input.id) : undefined,
  );
  const sort = input.sort ?? 'name';
  const direction = input.direction ?? (sort === 'name' ? 'asc' : 'desc');
  const rows = await tx
    .select()
    .from(clients)
    .where(where)
    .orderBy(...orderOf(sort === 'name' ? clients.name : clients.createdAt, direction, clients.id))
    .limit(input.limit)
    .offset(input.offset ?? 0);
  const [counted] = await tx.select({ n: count() }).from(clients).where(where);
  return { rows, total: counted?.n ?? 0 };
}

export function clientSummary(c: ClientRow): ClientSummary {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    address: c.address ?? null,
    province: c.province,
    country: c.country,
    language: c.language,
    currency: c.currency,
    creditLimit: c.creditLimitCents === null ? null : fromMinor(c.creditLimitCents, c.currency),
    paymentTermsDays: c.paymentTermsDays,
    gstNumber: c.gstNumber,
    qstNumber: c.qstNumber,
    vatNumber: c.vatNumber,
    siren: c.siren,
    siret: c.siret,
    einvoiceFormat: c.einvoiceFormat,
  };
}

/** What a client owes on issued, unsettled invoices, in minor units (all in the client's currency). */
export async function owedBy(tx: Tx, clientId: string): Promise<bigint> {
  const [row] = await tx
    .select({
      owed: sql<string>`coalesce(sum(${invoices.totalCents} - ${invoices.paidCents} - ${invoices.creditedCents}), 0)`,
    })
    .from(invoices)
    .where(
      and(eq(invoices.clientId, clientId), eq(invoices.kind, 'invoice'), inArray(invoices.status, [...OPEN_STATUSES])),
    );
  return BigInt(row?.owed ?? 0);
}

/** One invoice or credit note; `lock` takes the row lock so concurrent payments queue behind each other. */
export async function invoiceById(tx: Tx, id: string, lock = false, lang: Lang = 'en'): Promise<InvoiceRow> {
  const query = tx.select().from(invoices).where(eq(invoices.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound(invoicingRefusals[lang].invoiceNotFound(id));
  return row;
}

export async function itemsOf(tx: Tx, invoiceId: string) {
  return tx
    .select()
    .from(invoiceItems)
    .where(eq(invoiceItems.invoiceId, invoiceId))
    .orderBy(asc(invoiceItems.position));
}

export async function invoiceSummary(tx: Tx, id: string, lang: Lang = 'en'): Promise<InvoiceSummary> {
  const invoice = await invoiceById(tx, id, false, lang);
  const client = await clientById(tx, invoice.clientId);
  const items = await itemsOf(tx, id);
  const credited = invoice.creditOf ? await invoiceById(tx, invoice.creditOf) : null;
  const money = (cents: bigint) => fromMinor(cents, invoice.currency);
  return {
    id: invoice.id,
    number: invoice.number,
    kind: invoice.kind,
    status: invoice.status as InvoiceStatus,
    client: { id: client.id, name: client.name },
    creditOf: credited ? { id: credited.id, number: credited.number } : null,
    currency: invoice.currency,
    language: invoice.language,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    placeOfSupply: invoice.placeOfSupply,
    lines: items.map((i) => ({
      description: i.description,
      quantity: canonicalQuantity(i.quantity),
      unitPrice: money(i.unitPriceCents),
      lineTotal: money(i.lineTotalCents),
      accountCode: i.accountCode,
      treatment: i.taxTreatment,
      frRate: i.frRate,
      vatExemption: i.vatExemption,
    })),
    subtotal: money(invoice.subtotalCents),
    taxes: invoice.taxBreakdown as InvoiceSummary['taxes'],
    tax: money(invoice.taxCents),
    total: money(invoice.totalCents),
    paid: money(invoice.paidCents),
    credited: money(invoice.creditedCents),
    // A credit note is applied in full to the invoice it credits: nothing is owed on it.
    balance: money(invoice.kind === 'credit_note' ? 0n : balanceOf(invoice)),
    sentAt: invoice.sentAt?.toISOString() ?? null,
    eInvoiceFormat: invoice.einvoiceFormat,
    recurringId: invoice.recurringId,
    recurringPeriod: invoice.recurringPeriod,
    notes: invoice.notes,
  };
}

export async function recurringById(tx: Tx, id: string, lock = false, lang: Lang = 'en'): Promise<RecurringRow> {
  const query = tx.select().from(recurringInvoices).where(eq(recurringInvoices.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound(invoicingRefusals[lang].recurringNotFound(id));
  return row;
}

export async function recurringSummary(tx: Tx, id: string): Promise<RecurringSummary> {
  const row = await recurringById(tx, id);
  const client = await clientById(tx, row.clientId);
  return {
    id: row.id,
    client: { id: client.id, name: client.name },
    frequency: row.frequency,
    startOn: row.startOn,
    nextOn: row.nextOn,
    endOn: row.endOn,
    active: row.active,
    template: RecurringTemplate.parse(row.template),
  };
}
