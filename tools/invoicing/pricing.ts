/**
 * Prices an invoice or credit note for a client: lines in the client's currency, sales tax at the
 * client's place of supply on the document's tax date, through the same documentTotals() as every
 * priced document. Inserting the priced document (number, items) is here too, so the create tool,
 * credit notes and recurring generation write invoices one way.
 */
import type { Tx } from '../../db/client.ts';
import { invoiceItems, invoices } from '../../db/schema/index.ts';
import { invalid } from '../errors.ts';
import { toMinor } from '../money.ts';
import { nextNumber } from '../numbering.ts';
import { documentTotals, taxLinesOf, type DocumentTotals } from '../totals.ts';
import type { FrRateClass, Treatment } from '../tax/index.ts';
import { taxPlaceOf, type InvoiceStatus } from './model.ts';
import type { ClientRow, InvoiceRow } from './queries.ts';
import type { InvoiceLineInput } from './schemas.ts';
import { moneyFor, type Lang } from './texts.ts';

/**
 * An invoice's stored line as a line to price again (a draft changed, a whole invoice credited). A
 * French client's line keeps its VAT rate class, 'normal' when none was stored; other lines have none.
 */
export function lineOfItem(item: typeof invoiceItems.$inferSelect, country: string): PricedLine {
  return {
    productId: item.productId ?? undefined,
    description: item.description,
    quantity: item.quantity,
    unitPriceCents: item.unitPriceCents,
    accountCode: item.accountCode,
    treatment: item.taxTreatment,
    frRate: country === 'FR' ? (item.frRate ?? 'normal') : null,
    vatExemption: item.vatExemption,
  };
}

export interface PricedLine {
  productId?: string;
  description: string;
  quantity: string;
  unitPriceCents: bigint;
  accountCode?: string | null;
  treatment: Treatment;
  frRate?: FrRateClass | null;
  vatExemption?: string | null;
}

export interface PricedInvoice extends DocumentTotals {
  currency: string;
  /** Province code (QC, ON…) or country code (FR) written on the invoice. */
  placeOfSupply: string;
  lines: PricedLine[];
}

/** Lines as typed (decimal strings) into minor units of the client's currency; refuses too many decimals, in `lang`. */
export function linesIn(client: ClientRow, lines: readonly InvoiceLineInput[], lang: Lang): PricedLine[] {
  return lines.map((l) => ({
    productId: l.productId,
    description: l.description,
    quantity: l.quantity,
    unitPriceCents: toMinor(l.unitPrice, client.currency, lang),
    accountCode: l.accountCode ?? null,
    treatment: l.treatment,
    // A VAT class means nothing to Canadian tax: keep it only where it applies.
    frRate: client.country === 'FR' ? (l.frRate ?? 'normal') : null,
    vatExemption: l.vatExemption ?? null,
  }));
}

/**
 * Totals for a client on a tax date. `taxDate` is the invoice date, except for a credit note, which
 * reverses tax at the rates of the invoice it credits (a credit for an NS invoice of 2025-03-31 takes
 * back 15 % HST even when issued after the 14 % rate began).
 */
export function priceFor(client: ClientRow, lines: PricedLine[], taxDate: string, lang: Lang): PricedInvoice {
  const place = taxPlaceOf(client, lang);
  const totals = documentTotals({
    country: place.country,
    region: place.region,
    on: taxDate,
    currency: client.currency,
    lang: client.language,
    refuseIn: lang,
    lines: lines.map((l) => ({
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      treatment: l.treatment,
      frRate: l.frRate ?? undefined,
    })),
  });
  return { ...totals, currency: client.currency, placeOfSupply: place.region ?? place.country, lines };
}

/** An invoice must ask for money: a negative or zero total is what a credit note is for. */
export function assertPositive(priced: PricedInvoice, client: ClientRow, lang: Lang): void {
  if (priced.breakdown.total > 0n) return;
  const total = moneyFor(lang, client.country, client.currency)(priced.breakdown.total);
  throw invalid(
    lang === 'fr'
      ? `Le total de la facture serait ${total} : une facture doit être positive. Pour rembourser ou créditer, utilisez invoicing_create_credit_note.`
      : `The invoice total would be ${total}: an invoice must be positive. To refund or credit, use invoicing_create_credit_note.`,
  );
}

export interface NewInvoice {
  tenantId: string;
  userId: string | null;
  client: ClientRow;
  kind: 'invoice' | 'credit_note';
  priced: PricedInvoice;
  issueDate: string;
  dueDate: string;
  status?: InvoiceStatus;
  notes?: string | null;
  creditOf?: string | null;
  recurringId?: string | null;
  recurringPeriod?: string | null;
}

/** Numbers (INV or CN, gapless in this transaction) and inserts a priced document with its items. */
export async function insertInvoice(tx: Tx, doc: NewInvoice): Promise<InvoiceRow> {
  const { priced } = doc;
  const number = await nextNumber(tx, doc.tenantId, doc.kind === 'invoice' ? 'INV' : 'CN', doc.issueDate);
  const [row] = await tx
    .insert(invoices)
    .values({
      tenantId: doc.tenantId,
      number,
      kind: doc.kind,
      creditOf: doc.creditOf ?? null,
      clientId: doc.client.id,
      status: doc.status ?? 'draft',
      currency: priced.currency,
      language: doc.client.language,
      issueDate: doc.issueDate,
      dueDate: doc.dueDate,
      placeOfSupply: priced.placeOfSupply,
      subtotalCents: priced.breakdown.subtotal,
      taxCents: priced.breakdown.totalTax,
      totalCents: priced.breakdown.total,
      taxBreakdown: taxLinesOf(priced.breakdown),
      notes: doc.notes ?? null,
      recurringId: doc.recurringId ?? null,
      recurringPeriod: doc.recurringPeriod ?? null,
      createdBy: doc.userId,
    })
    .returning();
  await insertItems(tx, doc.tenantId, row!.id, priced);
  return row!;
}

/** The priced lines of a document as its items, numbered from 1 in the order given. */
export async function insertItems(tx: Tx, tenantId: string, invoiceId: string, priced: PricedInvoice): Promise<void> {
  await tx.insert(invoiceItems).values(
    priced.lines.map((l, i) => ({
      tenantId,
      invoiceId,
      position: i + 1,
      productId: l.productId ?? null,
      description: l.description,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      lineTotalCents: priced.lineTotals[i]!,
      accountCode: l.accountCode ?? null,
      taxTreatment: l.treatment,
      frRate: l.frRate ?? null,
      vatExemption: l.vatExemption ?? null,
    })),
  );
}
