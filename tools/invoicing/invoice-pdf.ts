/**
 * An invoice or credit note as its client reads it: the stored document, the company's name, address
 * and tax numbers, written in the client's language and locale, then laid out by pdf.ts.
 */
import type { Tenant, ToolCtx } from '../context.ts';
import { canonicalQuantity, toMinor } from '../money.ts';
import { ratesInForce } from '../tax/index.ts';
import { renderInvoicePdf, type PdfInvoice } from './pdf.ts';
import { clientById, invoiceById, itemsOf, type ClientRow, type InvoiceRow } from './queries.ts';
import type { InvoiceSummary } from './schemas.ts';
import { formatDate, FRENCH_B2B_MENTIONS, localeOf, moneyFor, pdfWords, taxLineLabel, type Lang } from './texts.ts';

export interface InvoicePdf {
  filename: string;
  contentType: 'application/pdf';
  bytes: Buffer;
  invoice: InvoiceRow;
  client: ClientRow;
}

// Address keys in the order people write them; any other key follows.
const ADDRESS_ORDER = ['line1', 'line2', 'street', 'city', 'province', 'region', 'postalCode', 'country'];

/** An address as lines: street lines, then "City (Province) Postal code", then the country. */
export function addressLines(address: Record<string, string> | null | undefined): string[] {
  if (!address) return [];
  const value = (key: string) => address[key]?.trim() || undefined;
  const locality = [
    value('city'),
    value('province') ? `(${value('province')})` : undefined,
    value('region'),
    value('postalCode'),
  ]
    .filter(Boolean)
    .join(' ');
  const others = Object.keys(address)
    .filter((key) => !ADDRESS_ORDER.includes(key))
    .map(value);
  return [value('line1'), value('line2'), value('street'), locality || undefined, ...others, value('country')].filter(
    (line): line is string => Boolean(line),
  );
}

const TREATMENT_WORDS: Record<'exempt' | 'zero_rated', Record<Lang, string>> = {
  exempt: { fr: 'exonéré', en: 'exempt' },
  zero_rated: { fr: 'détaxé', en: 'zero-rated' },
};

export function sellerLines(tenant: Tenant, words: ReturnType<typeof pdfWords>, colon: string): string[] {
  const numbers: [string, string | null][] = [
    [words.gst, tenant.gstNumber],
    [words.qst, tenant.qstNumber],
    [words.vat, tenant.vatNumber],
    [words.siren, tenant.siren],
  ];
  return [
    ...addressLines(tenant.address),
    ...(tenant.email ? [tenant.email] : []),
    ...numbers.filter(([, value]) => value).map(([label, value]) => `${label}${colon}${value}`),
  ];
}

/** Builds what the PDF shows, every text in the client's language. */
export function pdfView(
  tenant: Tenant,
  invoice: InvoiceRow,
  client: ClientRow,
  items: Awaited<ReturnType<typeof itemsOf>>,
  credited: InvoiceRow | null,
): PdfInvoice {
  const lang: Lang = invoice.language;
  const locale = localeOf(lang, client.country);
  const words = pdfWords(invoice.kind, lang, client.country);
  const money = moneyFor(lang, client.country, invoice.currency);
  const colon = lang === 'fr' ? ' : ' : ': ';
  const taxDate = credited?.issueDate ?? invoice.issueDate;
  const frRates = client.country === 'FR' ? ratesInForce('FR', undefined, taxDate) : [];

  const facts: [string, string][] = [
    [words.number, invoice.number],
    [words.issueDate, formatDate(invoice.issueDate, locale)],
  ];
  if (invoice.kind === 'invoice') facts.push([words.dueDate, formatDate(invoice.dueDate, locale)]);
  if (credited) facts.push([words.creditOf, credited.number]);

  const clientNumbers: [string, string | null][] = [
    [words.gst, client.gstNumber],
    [words.qst, client.qstNumber],
    [words.vat, client.vatNumber],
  ];

  const lines = items.map((item) => {
    // French invoices state the VAT rate of each line (CGI annexe II art. 242 nonies A); Canadian
    // ones say which lines are exempt or zero-rated, since only taxable lines carry GST/QST.
    const frLabel = frRates.find((rate) => rate.rateClass === (item.frRate ?? 'normal'))?.label[lang];
    const note = item.taxTreatment !== 'taxable' ? TREATMENT_WORDS[item.taxTreatment][lang] : frLabel;
    const quantity = canonicalQuantity(item.quantity);
    return {
      description: note ? `${item.description} (${note})` : item.description,
      quantity: lang === 'fr' ? quantity.replace('.', ',') : quantity,
      unitPrice: money(item.unitPriceCents),
      amount: money(item.lineTotalCents),
    };
  });

  const taxes = invoice.taxBreakdown as InvoiceSummary['taxes'];
  const totals: PdfInvoice['totals'] = [
    { label: words.subtotal, value: money(invoice.subtotalCents) },
    ...taxes.map((tax) => ({
      label: taxLineLabel(tax.labels, tax.rate, lang),
      value: money(toMinor(tax.amount, invoice.currency)),
    })),
    { label: words.total, value: money(invoice.totalCents), strong: true },
  ];
  if (invoice.kind === 'invoice' && (invoice.paidCents > 0n || invoice.creditedCents > 0n)) {
    if (invoice.paidCents > 0n) totals.push({ label: words.paid, value: money(-invoice.paidCents) });
    if (invoice.creditedCents > 0n) totals.push({ label: words.credited, value: money(-invoice.creditedCents) });
    totals.push({
      label: words.balance,
      value: money(invoice.totalCents - invoice.paidCents - invoice.creditedCents),
      strong: true,
    });
  }

  return {
    lang,
    paper: client.country === 'FR' ? 'A4' : 'LETTER',
    title: words.title,
    facts,
    seller: { name: tenant.name, lines: sellerLines(tenant, words, colon) },
    billToLabel: words.billTo,
    client: {
      name: client.name,
      lines: [
        ...addressLines(client.address),
        ...(client.email ? [client.email] : []),
        ...clientNumbers.filter(([, value]) => value).map(([label, value]) => `${label}${colon}${value}`),
      ],
    },
    columns: {
      description: words.description,
      quantity: words.quantity,
      unitPrice: words.unitPrice,
      amount: words.amount,
    },
    lines,
    totals,
    notesLabel: words.notes,
    notes: invoice.notes,
    mentions: client.country === 'FR' && invoice.kind === 'invoice' ? [FRENCH_B2B_MENTIONS] : [],
    pageLabel: words.page,
    reference: `${words.title} ${invoice.number}`,
    info: { title: `${words.title} ${invoice.number}`, author: tenant.name, created: invoice.createdAt },
  };
}

/** The PDF of one invoice or credit note of the current tenant. */
export async function invoicePdf(ctx: ToolCtx, invoiceId: string): Promise<InvoicePdf> {
  const invoice = await invoiceById(ctx.db, invoiceId, false, ctx.lang);
  // One transaction runs one query at a time: read in sequence.
  const tenant = await ctx.tenant();
  const client = await clientById(ctx.db, invoice.clientId);
  const items = await itemsOf(ctx.db, invoice.id);
  const credited = invoice.creditOf ? await invoiceById(ctx.db, invoice.creditOf) : null;
  const bytes = await renderInvoicePdf(pdfView(tenant, invoice, client, items, credited));
  return { filename: `${invoice.number}.pdf`, contentType: 'application/pdf', bytes, invoice, client };
}
