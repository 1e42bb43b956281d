import { z } from 'zod';
import { defineTool } from '../define.ts';
import { deliveryFormatOf, issueEInvoice, sourceOf } from './einvoice/issue.ts';

const Format = z.enum(['facturx', 'ubl', 'cii']);

export const getEInvoice = defineTool({
  name: 'invoicing_get_einvoice',
  title: 'Get the e-invoice of an invoice',
  description:
    'Issue an invoice or credit note as an EN 16931 e-invoice: Factur-X (PDF/A-3 with the CII XML inside), UBL 2.1 ' +
    "or CII XML. Format defaults to the client's choice, else Factur-X. Refuses, listing what is missing " +
    '(SIREN, VAT number, legal form, exemption reasons…), when the standard or French law needs data not yet given. ' +
    'Returns the file name and the bytes as base64.',
  kind: 'read',
  input: z.object({
    invoiceId: z.string().uuid(),
    format: Format.optional().describe("facturx, ubl or cii; default the client's format, else facturx."),
  }),
  output: z.object({
    format: Format,
    filename: z.string(),
    contentType: z.enum(['application/pdf', 'application/xml']),
    sizeBytes: z.number().int(),
    base64: z.string().describe('The file, base64-encoded.'),
  }),
  async run(ctx, input) {
    const source = await sourceOf(ctx, input.invoiceId);
    const chosen = deliveryFormatOf(source.tenant, source.client);
    const format = input.format ?? (chosen === 'pdf' ? 'facturx' : chosen);
    const file = await issueEInvoice(ctx, source, format);
    return {
      format,
      filename: file.filename,
      contentType: file.contentType,
      sizeBytes: file.bytes.length,
      base64: file.bytes.toString('base64'),
    };
  },
  summarize: (out, lang) =>
    lang === 'fr' ? `${out.filename} (${out.sizeBytes} octets).` : `${out.filename} (${out.sizeBytes} bytes).`,
});
