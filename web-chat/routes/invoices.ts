/** Invoice files over REST: GET /api/invoices/:id/pdf serves the PDF of one invoice of the caller's tenant. */
import { Hono } from 'hono';
import { getInvoicePdf } from '../../tools/invoicing/get-invoice-pdf.ts';
import { invoke } from '../../tools/invoke.ts';
import type { AppEnv } from '../../http/deps.ts';

export function invoiceRoutes() {
  return new Hono<AppEnv>().get('/invoices/:id/pdf', async (c) => {
    // The read tool checks the id and runs under the caller's tenant: another tenant's invoice is "not found".
    const out = await invoke(
      c.get('session'),
      getInvoicePdf,
      { invoiceId: c.req.param('id') },
      { source: 'rest', byAi: false },
    );
    const pdf = (out.kind === 'read' ? out.output : null) as { filename: string; contentType: string; base64: string };
    return c.body(Buffer.from(pdf.base64, 'base64'), 200, {
      'content-type': pdf.contentType,
      'content-disposition': `inline; filename="${pdf.filename}"`,
      'cache-control': 'private, no-store',
    });
  });
}
