/**
 * Invoice PDFs read back as text (pdf-parse), the way a client's software or a person's search would:
 * the number, the company's tax numbers, the lines, each tax line under its legal name in the client's
 * language, and the totals written in the client's locale. Then the PDF over REST, per tenant.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { createApiToken } from '../../../tools/auth/api-tokens.ts';
import type { Session } from '../../../tools/context.ts';
import { createCreditNote } from '../../../tools/invoicing/create-credit-note.ts';
import { getInvoicePdf } from '../../../tools/invoicing/get-invoice-pdf.ts';
import { recordPayment } from '../../../tools/invoicing/record-payment.ts';
import type { InvoiceSummary } from '../../../tools/invoicing/schemas.ts';
import { sendInvoice } from '../../../tools/invoicing/send-invoice.ts';
import { createApp } from '../../../http/app.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { done, newClient, newInvoice, read } from './people.ts';

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;
let manager: Session;

const ARTIFACTS = new URL('../../artifacts/', import.meta.url);

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db, {
    name: 'Atelier Comptoir Inc.',
    address: { line1: '123, rue Saint-Paul Ouest', city: 'Montréal', province: 'QC', postalCode: 'H2Y 1Z5' },
    email: 'facturation@atelier-comptoir.example',
    gstNumber: '123456789RT0001',
    qstNumber: '1234567890TQ0001',
  });
  manager = company.session('manager');
});
afterAll(() => handle?.close());

/** The PDF's text with every kind of space made one plain space, so a test reads like the page. */
async function pdfText(bytes: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text.replace(/[\u00a0\u202f\s]+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/** Keeps a rendered PDF in tests/artifacts (git-ignored) for people to look at. */
function keep(name: string, bytes: Buffer): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(new URL(name, ARTIFACTS), bytes);
}

async function pdfOf(invoiceId: string): Promise<Buffer> {
  const out = await read<{ filename: string; base64: string; sizeBytes: number }>(manager, getInvoicePdf, {
    invoiceId,
  });
  const bytes = Buffer.from(out.base64, 'base64');
  expect(bytes.length).toBe(out.sizeBytes);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  return bytes;
}

// 2 × 125.00 + 1 × 49.99 = 299.99; taxes worked out by hand in taxes.test.ts.
const lines = (french = false) => [
  {
    description: 'Consultation stratégique (heure)',
    quantity: '2',
    unitPrice: '125.00',
    accountCode: '4100',
    ...(french ? { frRate: 'normal' } : {}),
  },
  {
    description: 'Café équitable, sac de 1 kg',
    quantity: '1',
    unitPrice: '49.99',
    accountCode: '4200',
    ...(french ? { frRate: 'reduced' } : {}),
  },
];

describe('invoice PDF text, in the client’s language', () => {
  it('a French invoice for a Québec client: FACTURE, TPS and TVQ, amounts in fr-CA', async () => {
    const client = await newClient(manager, {
      name: 'Café Olimpico',
      email: 'compta@olimpico.example',
      province: 'QC',
      language: 'fr',
      address: { line1: '124, rue Saint-Viateur Ouest', city: 'Montréal', province: 'QC', postalCode: 'H2T 2L1' },
    });
    const invoice = await newInvoice(manager, {
      clientId: client.id,
      issueDate: '2026-03-02',
      lines: lines(),
      notes: 'Paiement par virement Interac à facturation@atelier-comptoir.example.',
    });
    const bytes = await pdfOf(invoice.id);
    keep('invoice-fr.pdf', bytes);
    const text = await pdfText(bytes);
    for (const expected of [
      'Atelier Comptoir Inc.',
      '123, rue Saint-Paul Ouest',
      'Montréal (QC) H2Y 1Z5',
      'N° TPS : 123456789RT0001',
      'N° TVQ : 1234567890TQ0001',
      'FACTURE',
      `Numéro ${invoice.number}`,
      'Date 2 mars 2026',
      'Échéance 1 avril 2026',
      'FACTURÉ À',
      'Café Olimpico',
      'Consultation stratégique (heure) 2 125,00 $ 250,00 $',
      'Café équitable, sac de 1 kg 1 49,99 $ 49,99 $',
      'Sous-total 299,99 $',
      'TPS (5 %) 15,00 $',
      'TVQ (9,975 %) 29,92 $',
      'Total 344,91 $',
      'Paiement par virement Interac',
      `FACTURE ${invoice.number} Page 1 / 1`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('GST');
    expect(text).not.toContain('Solde dû');
  });

  it.each([
    { province: 'QC', taxes: ['GST (5%) $15.00', 'QST (9.975%) $29.92'], total: 'Total $344.91', absent: 'HST (' },
    { province: 'ON', taxes: ['HST (13%) $39.00'], total: 'Total $338.99', absent: 'GST (' },
  ])('an English invoice for a client in $province: INVOICE, $taxes', async ({ province, taxes, total, absent }) => {
    const client = await newClient(manager, {
      name: `English client ${province}`,
      email: `ap@${province}.example`,
      province,
      language: 'en',
    });
    const invoice = await newInvoice(manager, { clientId: client.id, issueDate: '2026-03-02', lines: lines() });
    const text = await pdfText(await pdfOf(invoice.id));
    for (const expected of [
      'INVOICE',
      `Number ${invoice.number}`,
      'Date March 2, 2026',
      'Due date April 1, 2026',
      'BILL TO',
      'GST No.: 123456789RT0001',
      'Subtotal $299.99',
      ...taxes,
      total,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(absent);
    expect(text).not.toContain('TPS');
  });

  it('a French client: TVA per line and per rate, euros in fr-FR, the legal late-payment mentions', async () => {
    const client = await newClient(manager, {
      name: 'Boulangerie Lyon SARL',
      email: 'factures@boulangerie-lyon.example',
      country: 'FR',
      language: 'fr',
      vatNumber: 'FR12345678901',
    });
    const invoice = await newInvoice(manager, { clientId: client.id, issueDate: '2026-03-02', lines: lines(true) });
    const bytes = await pdfOf(invoice.id);
    keep('invoice-fr-client.pdf', bytes);
    const text = await pdfText(bytes);
    for (const expected of [
      'FACTURE',
      'N° TVA intracommunautaire : FR12345678901',
      'Consultation stratégique (heure) (TVA 20 %) 2 125,00 € 250,00 €',
      'Café équitable, sac de 1 kg (TVA 5,5 %) 1 49,99 € 49,99 €',
      'Sous-total 299,99 €',
      'TVA 20 % 50,00 €',
      'TVA 5,5 % 2,75 €',
      'Total 352,74 €',
      'Indemnité forfaitaire pour frais de recouvrement : 40 €',
      'L441-10',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('a partly paid invoice shows what was paid and the balance; its credit note says what it credits', async () => {
    const client = await newClient(manager, {
      name: 'Client Crédité',
      email: 'ap@credite.example',
      province: 'QC',
      language: 'fr',
    });
    const invoice = await newInvoice(manager, { clientId: client.id, issueDate: '2026-03-02', lines: lines() });
    await done(manager, sendInvoice, { invoiceId: invoice.id });
    await done(company.session('accountant'), recordPayment, {
      invoiceId: invoice.id,
      amount: '100.00',
      method: 'cheque',
    });
    // 1 × 49.99 returned: TPS 2.4995 → 2.50, TVQ 4.9865… → 4.99, total 57.48.
    const credit = await done<{ creditNote: InvoiceSummary }>(manager, createCreditNote, {
      invoiceId: invoice.id,
      reason: 'Sac de café retourné',
      lines: [{ description: 'Café équitable, sac de 1 kg', quantity: '1', unitPrice: '49.99' }],
    });
    const invoiceBytes = await pdfOf(invoice.id);
    keep('invoice-fr-part-paid.pdf', invoiceBytes);
    const invoiceText = await pdfText(invoiceBytes);
    for (const expected of ['Total 344,91 $', 'Payé -100,00 $', 'Crédité -57,48 $', 'Solde dû 187,43 $'])
      expect(invoiceText).toContain(expected);
    const noteBytes = await pdfOf(credit.creditNote.id);
    keep('credit-note-fr.pdf', noteBytes);
    const noteText = await pdfText(noteBytes);
    for (const expected of [
      'NOTE DE CRÉDIT',
      `Numéro ${credit.creditNote.number}`,
      `Facture créditée ${invoice.number}`,
      'Sous-total -49,99 $',
      'TPS (5 %) -2,50 $',
      'TVQ (9,975 %) -4,99 $',
      'Total -57,48 $',
      'CLIENT Client Crédité',
      'Motif Sac de café retourné',
    ]) {
      expect(noteText).toContain(expected);
    }
    expect(noteText).not.toContain('Échéance');
  });

  it('keeps long invoices readable over several pages, each numbered', async () => {
    const client = await newClient(manager, { name: 'Gros Client', province: 'QC' });
    const many = Array.from({ length: 60 }, (_, i) => ({
      description: `Article numéro ${i + 1} avec une description assez longue pour être lue`,
      quantity: '1',
      unitPrice: '1.00',
    }));
    const invoice = await newInvoice(manager, { clientId: client.id, issueDate: '2026-03-02', lines: many });
    const bytes = await pdfOf(invoice.id);
    keep('invoice-long.pdf', bytes);
    const text = await pdfText(bytes);
    expect(text).toContain('Article numéro 60 avec');
    expect(text).toContain('Sous-total 60,00 $');
    expect(text).toContain(`FACTURE ${invoice.number} Page 1 / 3`);
    expect(text).toContain(`FACTURE ${invoice.number} Page 3 / 3`);
  });
});

describe('GET /api/invoices/:id/pdf', () => {
  it('serves the PDF to the company’s people only', async () => {
    const app = createApp({ handle, config: loadConfig({}), now: () => new Date('2026-03-02T15:00:00Z') });
    const { token } = await createApiToken(handle.db, company.tenant.id, company.user('viewer').id, 'pdf test');
    const client = await newClient(manager, { name: 'Client REST', province: 'ON', language: 'en' });
    const invoice = await newInvoice(manager, { clientId: client.id, issueDate: '2026-03-02', lines: lines() });

    const res = await app.request(`/api/invoices/${invoice.id}/pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${invoice.number}.pdf"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(await pdfText(bytes)).toContain(`Number ${invoice.number}`);

    const other = await makeCompany(handle.db);
    const { token: otherToken } = await createApiToken(handle.db, other.tenant.id, other.user('admin').id, 'other');
    const hidden = await app.request(`/api/invoices/${invoice.id}/pdf`, {
      headers: { authorization: `Bearer ${otherToken}` },
    });
    expect(hidden.status).toBe(404);
    // The other company's admin reads French (the company's language): told in French, as for any unknown id.
    expect(await hidden.json()).toMatchObject({
      error: {
        code: 'not_found',
        message: `Facture ${invoice.id} introuvable. Trouvez-la avec invoicing_list_invoices.`,
      },
    });

    expect((await app.request(`/api/invoices/${invoice.id}/pdf`)).status).toBe(401);
    const bad = await app.request('/api/invoices/not-a-uuid/pdf', { headers: { authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: {
        code: 'invalid',
        message: 'Données invalides pour invoicing_get_invoice_pdf : invoiceId : UUID invalide',
        details: { issues: [{ code: 'invalid_format', format: 'uuid', path: ['invoiceId'], message: 'Invalid UUID' }] },
      },
    });
  });
});
