/**
 * A client's statement of account: the open invoices with what is left on each, the payments of the
 * last days, the balance and its aging, in the client's language, laid out by the invoice PDF renderer
 * (pdfkit, same page, fonts and foot). Reminders may carry it, so a client who lost track sees it all.
 */
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import { invoices, payments } from '../../db/schema/index.ts';
import { tenantJoin } from '../../db/tenant.ts';
import { AGING_BUCKETS, type AgingBucket, agingBucket, arAging } from '../analytics/model.ts';
import type { ToolCtx } from '../context.ts';
import { balanceOf } from '../invoicing/model.ts';
import { addressLines, sellerLines } from '../invoicing/invoice-pdf.ts';
import { renderInvoicePdf, type PdfInvoice } from '../invoicing/pdf.ts';
import { clientById, type ClientRow } from '../invoicing/queries.ts';
import { formatDate, localeOf, moneyFor, pdfWords } from '../invoicing/texts.ts';
import type { CurrencyCode } from '../money.ts';
import { addDays, daysPastDue } from './model.ts';
import { owing } from './queries.ts';
import { statementWords } from './texts.ts';

export interface Statement {
  client: ClientRow;
  currency: string;
  asOf: string;
  since: string;
  open: {
    id: string;
    number: string;
    issueDate: string;
    dueDate: string;
    totalCents: bigint;
    balanceCents: bigint;
    daysPastDue: number;
    bucket: AgingBucket;
  }[];
  payments: { receivedOn: string; invoiceNumber: string; amountCents: bigint; reference: string | null }[];
  balanceCents: bigint;
  aging: Record<AgingBucket, bigint>;
}

/** What the statement says, read in the tenant's transaction. Payments since `since` (inclusive). */
export async function statementOf(
  ctx: ToolCtx,
  clientId: string,
  options: { asOf: string; since: string; currency?: string },
): Promise<Statement> {
  const client = await clientById(ctx.db, clientId, ctx.lang);
  const currency = options.currency ?? client.currency;
  const open = await ctx.db
    .select()
    .from(invoices)
    .where(
      and(
        owing,
        eq(invoices.clientId, client.id),
        eq(invoices.currency, currency),
        lte(invoices.issueDate, options.asOf),
      ),
    )
    .orderBy(invoices.dueDate, invoices.number);
  const paid = await ctx.db
    .select({ payment: payments, number: invoices.number })
    .from(payments)
    .innerJoin(invoices, tenantJoin(invoices.id, payments.invoiceId))
    .where(
      and(
        eq(invoices.clientId, client.id),
        eq(payments.currency, currency),
        gte(payments.receivedOn, options.since),
        lte(payments.receivedOn, options.asOf),
      ),
    )
    .orderBy(desc(payments.receivedOn));
  const lines = open.map((i) => ({
    id: i.id,
    number: i.number,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    totalCents: i.totalCents,
    balanceCents: balanceOf(i),
    daysPastDue: daysPastDue(i.dueDate, options.asOf),
    bucket: agingBucket(i.dueDate, options.asOf),
  }));
  const aging = arAging(
    lines.map((l) => ({
      id: l.id,
      clientId: client.id,
      number: l.number,
      dueDate: l.dueDate,
      balanceCents: l.balanceCents,
    })),
    options.asOf,
  );
  return {
    client,
    currency,
    asOf: options.asOf,
    since: options.since,
    open: lines,
    payments: paid.map((p) => ({
      receivedOn: p.payment.receivedOn,
      invoiceNumber: p.number,
      amountCents: p.payment.amountCents,
      reference: p.payment.reference,
    })),
    balanceCents: aging.totalCents,
    aging: Object.fromEntries(AGING_BUCKETS.map((b) => [b, aging.buckets[b].amountCents])) as Record<
      AgingBucket,
      bigint
    >,
  };
}

export const STATEMENT_PAYMENT_DAYS = 90;

/** The statement as the client reads it, rendered to PDF. */
export async function statementPdf(
  ctx: ToolCtx,
  s: Statement,
): Promise<{ filename: string; contentType: 'application/pdf'; bytes: Buffer }> {
  const tenant = await ctx.tenant();
  const lang = s.client.language;
  const words = statementWords[lang];
  const invoiceWords = pdfWords('invoice', lang, s.client.country);
  const colon = lang === 'fr' ? ' : ' : ': ';
  const locale = localeOf(lang, s.client.country);
  const money = moneyFor(lang, s.client.country, s.currency as CurrencyCode);
  const date = (iso: string) => formatDate(iso, locale);
  const view: PdfInvoice = {
    lang,
    paper: s.client.country === 'FR' ? 'A4' : 'LETTER',
    title: words.title,
    facts: [
      [words.asOf, date(s.asOf)],
      [words.currency, s.currency],
      [words.balance, money(s.balanceCents)],
    ],
    seller: { name: tenant.name, lines: sellerLines(tenant, invoiceWords, colon) },
    billToLabel: words.client,
    client: {
      name: s.client.name,
      lines: [...addressLines(s.client.address), ...(s.client.email ? [s.client.email] : [])],
    },
    columns: { description: words.document, quantity: words.due, unitPrice: words.amount, amount: words.open },
    lines: [
      ...s.open.map((l) => ({
        description: words.invoiceLine(l.number, date(l.issueDate), l.daysPastDue),
        quantity: l.dueDate,
        unitPrice: money(l.totalCents),
        amount: money(l.balanceCents),
      })),
      ...s.payments.map((p) => ({
        description: words.paymentLine(p.invoiceNumber, date(p.receivedOn), p.reference),
        quantity: p.receivedOn,
        unitPrice: money(-p.amountCents),
        amount: '',
      })),
    ],
    totals: [
      ...AGING_BUCKETS.map((b) => ({ label: words.bucket[b], value: money(s.aging[b]) })),
      { label: words.balanceDue, value: money(s.balanceCents), strong: true },
    ],
    notesLabel: words.notesLabel,
    notes: words.paymentsSince(date(s.since)),
    mentions: [],
    pageLabel: invoiceWords.page,
    reference: `${words.title} — ${s.client.name} — ${date(s.asOf)}`,
    info: { title: `${words.title} ${s.client.name}`, author: tenant.name, created: ctx.now },
  };
  const bytes = await renderInvoicePdf(view);
  const slug = s.client.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return { filename: `${words.file}-${slug}-${s.asOf}.pdf`, contentType: 'application/pdf', bytes };
}

/** The default window: payments of the last 90 days up to `asOf`. */
export const statementWindow = (asOf: string, since?: string) => ({
  asOf,
  since: since ?? addDays(asOf, -STATEMENT_PAYMENT_DAYS),
});
