// extractDocument end to end on files: e-invoice PDFs (embedded XML), the same PDFs read from their
// text only, bills rendered by pdfkit from known data, and files that must fail with a clear reason
// rather than throw or hang.
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBills, renderBill, truthOf } from '../../../evals/extraction/synthetic-bills.ts';
import { extractDocument } from '../../../tools/documents/extract.ts';
import { closeOcr } from '../../../tools/documents/ocr.ts';
import { ExtractionResult, type Extracted } from '../../../tools/documents/schemas.ts';

const DATA = new URL('../../../../shared/data/invoices/', import.meta.url);
const file = (path: string) => readFileSync(new URL(path, DATA));
const values = (result: Extracted) => Object.fromEntries(Object.entries(result.fields).map(([k, v]) => [k, v!.value]));

function extracted(result: ExtractionResult): Extracted {
  expect(ExtractionResult.parse(result)).toEqual(result);
  if (result.status !== 'extracted') throw new Error(`expected a reading, got ${result.reason}`);
  return result;
}

function pdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

/** A PNG whose header claims the given size; the pixel data is never reached. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (name: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(name, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, sum]);
  };
  // A valid header and a few bytes of pixel data: a 120-byte file that claims 30 GB once decoded.
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

afterAll(closeOcr);

describe('e-invoice PDFs', () => {
  it('reads the Factur-X XML embedded in a PDF: exact data, confidence 1', async () => {
    const result = extracted(
      await extractDocument(file('mustang/pdf/Facture_F20180027.pdf'), {
        filename: 'Facture_F20180027.pdf',
        mimeType: 'application/pdf',
      }),
    );
    expect(result).toMatchObject({ source: 'xml', format: 'cii', confidence: 1 });
    expect(values(result)).toMatchObject({
      invoiceNumber: 'F20180027',
      invoiceDate: '2018-12-31',
      dueDate: '2019-01-30',
      subtotal: '100.00',
      totalTax: '10.00',
      total: '110.00',
      supplierSiret: '12345678900014',
    });
  });

  it('reads ZUGFeRD 1 XML embedded in a PDF', async () => {
    const result = extracted(
      await extractDocument(file('mustang/pdf/zugferd_invoice.pdf'), { filename: 'zugferd_invoice.pdf' }),
    );
    expect(result).toMatchObject({ source: 'xml', format: 'zugferd1' });
    expect(values(result)).toMatchObject({
      invoiceNumber: '2014-03',
      invoiceDate: '2014-07-11',
      total: '1005.55',
      supplierName: 'Kraxi GmbH',
    });
  });

  it('reads a French e-invoice PDF from its text alone and agrees with its XML on VAT number, SIREN, due date and currency', async () => {
    // This layout prints labels and values in separate text runs; the text path does not find its
    // number or issue date (the XML path does): see the eval for field-by-field scores.
    const result = extracted(
      await extractDocument(file('factur-x/invoice_EN16931.pdf'), { filename: 'invoice_EN16931.pdf', force: 'text' }),
    );
    expect(result.source).toBe('text');
    expect(values(result)).toMatchObject({
      supplierVat: 'FR11123456782',
      supplierSiren: '123456782',
      dueDate: '2026-03-02',
      currency: 'EUR',
    });
  });
});

describe('bills rendered from known data', () => {
  const bills = makeBills(6);

  it.each(bills.map((spec) => [spec.id, spec] as const))('%s: every field as printed', async (_, spec) => {
    const truth = truthOf(spec);
    const result = extracted(await extractDocument(await renderBill(spec), { filename: `${spec.id}.pdf` }));
    expect(result.source).toBe('text');
    expect(values(result)).toMatchObject({
      supplierName: truth.supplierName,
      supplierGst: truth.supplierGst,
      ...(truth.supplierQst ? { supplierQst: truth.supplierQst } : {}),
      invoiceNumber: truth.invoiceNumber,
      invoiceDate: truth.invoiceDate,
      dueDate: truth.dueDate,
      currency: 'CAD',
      subtotal: truth.subtotal,
      total: truth.total,
    });
    expect(result.taxes.map((t) => ({ code: t.code, rate: t.rate, amount: t.amount }))).toEqual(
      truth.taxes.map((t) => ({ ...t, rate: t.rate.replace(/0+$/, '') })),
    );
    expect(result.lines.map((l) => l.amount)).toEqual(truth.lines.map((l) => l.amount));
    expect(result.checks.every((c) => c.passed)).toBe(true);
    expect(result.confidence).toBeGreaterThanOrEqual(0.85);
  });
});

describe('files that are not bills or cannot be read', () => {
  it.each([
    ['a zero-byte file', Buffer.alloc(0), 'empty.pdf', 'empty'],
    ['a truncated PDF', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'), 'cut.pdf', 'corrupt'],
    ['random bytes named .pdf', Buffer.from(`%PDF-1.4\n${'x'.repeat(500)}`), 'noise.pdf', 'corrupt'],
    ['a zip archive', Buffer.from(`PK\u0003\u0004${'\u0000'.repeat(100)}`, 'latin1'), 'bills.zip', 'unsupported_type'],
    [
      'XML that is a purchase order',
      Buffer.from('<?xml version="1.0"?><Order><ID>1</ID></Order>'),
      'order.xml',
      'not_an_invoice',
    ],
    [
      'XML cut in the middle',
      Buffer.from('<?xml version="1.0"?><rsm:CrossIndustryInvoice><rsm:ExchangedDocument><ram:ID>1'),
      'cut.xml',
      'corrupt',
    ],
  ])('%s → %s', async (_, bytes, filename, reason) => {
    const result = await extractDocument(bytes, { filename });
    expect(ExtractionResult.parse(result)).toMatchObject({ status: 'failed', reason });
  });

  it('refuses a password-protected PDF and says to send a copy without a password', async () => {
    const locked = await pdf((doc) => doc.text('Invoice #: 1 Total $10.00'), {
      userPassword: 'secret',
      ownerPassword: 'owner',
    });
    const result = await extractDocument(locked, { filename: 'locked.pdf' });
    expect(result).toMatchObject({
      status: 'failed',
      reason: 'encrypted',
      message: { en: 'The PDF is password-protected. Send a copy without a password.' },
    });
  });

  it('refuses an image whose header claims 100 000 × 100 000 pixels without decoding it', async () => {
    const started = performance.now();
    const result = await extractDocument(pngHeader(100_000, 100_000), { filename: 'huge.png' });
    expect(result).toMatchObject({ status: 'failed', reason: 'too_many_pixels' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a PDF with a stream that inflates past the limit (zip bomb) before pdf.js reads it', async () => {
    const bomb = deflateSync(Buffer.alloc(80 * 1024 * 1024));
    const bytes = Buffer.concat([
      Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`),
      bomb,
      Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    ]);
    expect(bytes.length).toBeLessThan(200_000);
    const result = await extractDocument(bytes, { filename: 'bomb.pdf' });
    expect(result).toMatchObject({ status: 'failed', reason: 'inflate_bomb' });
  });

  it('says a PDF with text but no bill in it is not an invoice', async () => {
    const poem = await pdf((doc) =>
      doc.text(
        'Demain, dès l’aube, à l’heure où blanchit la campagne, je partirai. Vois-tu, je sais que tu m’attends.',
      ),
    );
    expect(await extractDocument(poem, { filename: 'poeme.pdf' })).toMatchObject({
      status: 'failed',
      reason: 'not_an_invoice',
      message: { fr: expect.stringContaining('ne ressemble pas à une facture') },
    });
  });

  it('stops at its time limit with reason timeout instead of hanging', async () => {
    const result = await extractDocument(file('invoice2data/QualityHosting.pdf'), {
      filename: 'q.pdf',
      limits: { totalMs: 1 },
    });
    expect(result).toMatchObject({ status: 'failed', reason: 'timeout' });
  });

  it('refuses a file over the size limit', async () => {
    expect(
      await extractDocument(Buffer.alloc(2048, 1), { filename: 'big.pdf', limits: { maxBytes: 1024 } }),
    ).toMatchObject({ status: 'failed', reason: 'too_large' });
  });
});
