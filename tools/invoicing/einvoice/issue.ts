/**
 * Issues the e-invoice of one invoice or credit note: Factur-X (the readable PDF with the CII XML
 * inside, PDF/A-3), or the XML alone as UBL 2.1 or CII. `@e-invoice-eu/core` writes the XML and the
 * PDF/A; it also checks our JSON against its schema, so a mapping mistake fails here, not at the client.
 */
import { InvoiceService } from '@e-invoice-eu/core';
import type { ToolCtx } from '../../context.ts';
import { invalid } from '../../errors.ts';
import { invoicePdf } from '../invoice-pdf.ts';
import { clientById, invoiceById, itemsOf } from '../queries.ts';
import { en16931, missingFor, missingSentence, type EInvoiceSource } from './en16931.ts';

export type EInvoiceFormat = 'facturx' | 'ubl' | 'cii';
/** How a client receives invoices: a plain PDF, or one of the e-invoice formats. */
export type DeliveryFormat = 'pdf' | EInvoiceFormat;

export interface IssuedFile {
  filename: string;
  contentType: 'application/pdf' | 'application/xml';
  bytes: Buffer;
}

/** The client's choice, else Factur-X for a French company (the law there), else a plain PDF. */
export function deliveryFormatOf(
  tenant: { country: string },
  client: { einvoiceFormat: DeliveryFormat | null },
): DeliveryFormat {
  return client.einvoiceFormat ?? (tenant.country === 'FR' ? 'facturx' : 'pdf');
}

const LIBRARY_FORMAT: Record<EInvoiceFormat, string> = { facturx: 'Factur-X-EN16931', ubl: 'UBL', cii: 'CII' };

// The library logs its own progress; a server keeps only its warnings and errors.
const service = new InvoiceService({
  log: () => {},
  warn: (message: string) => console.warn(`e-invoice: ${message}`),
  error: (message: string) => console.error(`e-invoice: ${message}`),
});

export async function sourceOf(ctx: ToolCtx, invoiceId: string): Promise<EInvoiceSource> {
  const invoice = await invoiceById(ctx.db, invoiceId, false, ctx.lang);
  // One transaction runs one query at a time: read in sequence.
  const tenant = await ctx.tenant();
  const client = await clientById(ctx.db, invoice.clientId);
  const items = await itemsOf(ctx.db, invoice.id);
  const credited = invoice.creditOf ? await invoiceById(ctx.db, invoice.creditOf) : null;
  return { tenant, client, invoice, items, credited };
}

/** Refuses, naming everything missing in the person's language, before anything is produced or sent. */
export function assertIssuable(source: EInvoiceSource, format: EInvoiceFormat, lang: 'fr' | 'en'): void {
  const missing = missingFor(source, format);
  if (missing.length > 0)
    throw invalid(missingSentence(source.invoice.number, missing, lang), { missing: missing.map((m) => m.field) });
}

/**
 * The file of one e-invoice: for Factur-X the readable PDF with the XML inside (`pdf` when the caller
 * already rendered it), for UBL or CII the XML (sent beside the PDF).
 */
export async function issueEInvoice(
  ctx: ToolCtx,
  source: EInvoiceSource,
  format: EInvoiceFormat,
  pdf?: { bytes: Buffer; filename: string },
): Promise<IssuedFile> {
  assertIssuable(source, format, ctx.lang);
  const data = en16931(source);
  const number = source.invoice.number;
  if (format === 'facturx') {
    const readable = pdf ?? (await invoicePdf(ctx, source.invoice.id));
    const bytes = await service.generate(data, {
      format: LIBRARY_FORMAT.facturx,
      lang: source.invoice.language,
      pdf: { buffer: readable.bytes, filename: readable.filename, mimetype: 'application/pdf' },
    });
    return { filename: `${number}.pdf`, contentType: 'application/pdf', bytes: Buffer.from(bytes as Uint8Array) };
  }
  const xml = await service.generate(data, { format: LIBRARY_FORMAT[format], lang: source.invoice.language });
  return {
    filename: `${number}.${format === 'ubl' ? 'ubl' : 'cii'}.xml`,
    contentType: 'application/xml',
    bytes: Buffer.from(xml as string, 'utf8'),
  };
}
