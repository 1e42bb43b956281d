import { z } from 'zod';
import { defineTool } from '../define.ts';
import { invoicePdf } from './invoice-pdf.ts';

export const getInvoicePdf = defineTool({
  name: 'invoicing_get_invoice_pdf',
  title: 'Get the PDF of an invoice',
  description:
    "Render an invoice or credit note as a PDF in the client's language, with the company's tax numbers, lines, " +
    'tax lines and totals. Returns the file name and the PDF bytes as base64.',
  kind: 'read',
  input: z.object({ invoiceId: z.string().uuid() }),
  output: z.object({
    filename: z.string(),
    contentType: z.literal('application/pdf'),
    sizeBytes: z.number().int(),
    base64: z.string().describe('The PDF file, base64-encoded.'),
  }),
  async run(ctx, input) {
    const pdf = await invoicePdf(ctx, input.invoiceId);
    return {
      filename: pdf.filename,
      contentType: pdf.contentType,
      sizeBytes: pdf.bytes.length,
      base64: pdf.bytes.toString('base64'),
    };
  },
  summarize: (out, lang) =>
    lang === 'fr' ? `${out.filename} (${out.sizeBytes} octets).` : `${out.filename} (${out.sizeBytes} bytes).`,
});
