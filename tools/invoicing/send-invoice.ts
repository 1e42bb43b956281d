import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { invoices, outboxEmails } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { assertIssuable, type DeliveryFormat, deliveryFormatOf, issueEInvoice, sourceOf } from './einvoice/issue.ts';
import { creditEvidence } from './evidence.ts';
import { invoicePdf } from './invoice-pdf.ts';
import { assertMove, type InvoiceStatus } from './model.ts';
import { clientById, invoiceById, invoiceSummary, type InvoiceRow } from './queries.ts';
import { InvoiceSummary } from './schemas.ts';
import { keepSentPdf } from './sent-pdf.ts';
import { formatDate, invoiceEmail, invoicingEvidence, localeOf, moneyFor } from './texts.ts';
import { formatAmount } from '../money.ts';

const input = z.object({ invoiceId: z.string().uuid() });

/**
 * An invoice is sent once, from draft (later mail about it is a reminder). A credit note is applied
 * when it is issued and may be emailed whenever: sending changes nothing but the record of it.
 */
async function checkSendable(ctx: ToolCtx, invoice: InvoiceRow) {
  if (invoice.kind === 'invoice') assertMove(invoice.number, invoice.status as InvoiceStatus, 'sent', ctx.lang);
  else if (invoice.status === 'cancelled')
    throw invalid(
      ctx.lang === 'fr'
        ? `La note de crédit ${invoice.number} est annulée.`
        : `Credit note ${invoice.number} is cancelled.`,
    );
  const client = await clientById(ctx.db, invoice.clientId);
  if (!client.email) {
    throw invalid(
      ctx.lang === 'fr'
        ? `Le client ${client.name} n'a pas d'adresse courriel : ajoutez-la avec invoicing_update_client, puis envoyez.`
        : `Client ${client.name} has no email address: add one with invoicing_update_client, then send.`,
    );
  }
  return { client, email: client.email };
}

/**
 * How this client receives it, refused before anything leaves when the e-invoice lacks data the
 * standard or French law needs (the person sees the whole list at once).
 */
async function formatFor(ctx: ToolCtx, invoice: InvoiceRow) {
  const source = await sourceOf(ctx, invoice.id);
  const format: DeliveryFormat = deliveryFormatOf(source.tenant, source.client);
  if (format !== 'pdf') assertIssuable(source, format, ctx.lang);
  return { format, source };
}

export const sendInvoice = defineTool({
  name: 'invoicing_send_invoice',
  title: 'Send an invoice by email',
  description:
    "Email a draft invoice (or a credit note) to the client's address, in the client's language, with the PDF " +
    'attached — as Factur-X for a French company, or UBL/CII XML beside the PDF when the client chose it (refused, ' +
    'listing what is missing, when the e-invoice lacks mandatory data); the invoice becomes "sent". The email is queued in the outbox and delivered by the mail ' +
    'service. Fails if the invoice is not a draft or the client has no email (add it with invoicing_update_client).',
  kind: 'write',
  risk: 'external',
  effect: 'sets',
  openWorld: true,
  input,
  output: z.object({
    invoice: InvoiceSummary,
    email: z.object({ id: z.string().uuid(), to: z.string(), subject: z.string() }),
    documentId: z.string().uuid().describe('The PDF as sent, kept as a document.'),
  }),
  async assess(ctx, request) {
    const invoice = await invoiceById(ctx.db, request.invoiceId, false, ctx.lang);
    const { client, email } = await checkSendable(ctx, invoice);
    await formatFor(ctx, invoice);
    return {
      amount: { cents: invoice.totalCents < 0n ? -invoice.totalCents : invoice.totalCents, currency: invoice.currency },
      evidence: [
        {
          factor: 'client_email_on_file',
          weight: 0.1,
          detail: invoicingEvidence[ctx.lang].emailOnFile(email, client.name),
        },
        ...(invoice.kind === 'invoice' ? await creditEvidence(ctx, client, invoice.totalCents) : []),
      ],
    };
  },
  async run(ctx, request) {
    const invoice = await invoiceById(ctx.db, request.invoiceId, true, ctx.lang);
    const { email } = await checkSendable(ctx, invoice);
    const tenant = await ctx.tenant();
    const { format, source } = await formatFor(ctx, invoice);
    const pdf = await invoicePdf(ctx, invoice.id);
    // Factur-X is the readable PDF itself; UBL and CII travel as XML beside it.
    const readable = format === 'facturx' ? await issueEInvoice(ctx, source, format, pdf) : pdf;
    const { documentId, attachment } = await keepSentPdf(ctx, readable);
    const attachments = [attachment];
    if (format === 'ubl' || format === 'cii')
      attachments.push((await keepSentPdf(ctx, await issueEInvoice(ctx, source, format))).attachment);
    const lang = invoice.language;
    const credited = invoice.creditOf ? await invoiceById(ctx.db, invoice.creditOf) : null;
    const message = invoiceEmail({
      kind: invoice.kind,
      lang,
      number: invoice.number,
      tenantName: tenant.name,
      clientName: pdf.client.name,
      total: moneyFor(lang, pdf.client.country, invoice.currency)(invoice.totalCents),
      dueDate: formatDate(invoice.dueDate, localeOf(lang, pdf.client.country)),
      creditOf: credited?.number ?? null,
    });
    const [outbox] = await ctx.db
      .insert(outboxEmails)
      .values({
        tenantId: ctx.tenantId,
        to: email,
        subject: message.subject,
        text: message.text,
        attachments,
        relatedType: invoice.kind,
        relatedId: invoice.id,
      })
      .returning({ id: outboxEmails.id });
    await ctx.db
      .update(invoices)
      .set({
        status: invoice.kind === 'invoice' ? 'sent' : invoice.status,
        sentAt: ctx.now,
        einvoiceFormat: format === 'pdf' ? null : format,
        updatedAt: ctx.now,
      })
      .where(eq(invoices.id, invoice.id));
    return {
      invoice: await invoiceSummary(ctx.db, invoice.id),
      email: { id: outbox!.id, to: email, subject: message.subject },
      documentId,
    };
  },
  summarize: (out, lang) =>
    lang === 'fr'
      ? `${out.invoice.number} envoyée à ${out.email.to} (${formatAmount(out.invoice.total, out.invoice.currency, lang)}).`
      : `${out.invoice.number} sent to ${out.email.to} (${formatAmount(out.invoice.total, out.invoice.currency, lang)}).`,
});
