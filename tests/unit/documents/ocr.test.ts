// OCR end to end on a few pages (the full scanned corpus runs in evals/extraction.ts): bills
// rendered from known data, rasterised, skewed, blurred and speckled, read offline with tesseract.
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBills, renderBill, scanOf, truthOf } from '../../../evals/extraction/synthetic-bills.ts';
import { makeDocs, renderDoc, scanDoc, truthOf as templateTruth } from '../../../evals/extraction/templates.ts';
import { extractDocument } from '../../../tools/documents/extract.ts';
import { closeOcr } from '../../../tools/documents/ocr.ts';

afterAll(closeOcr);

const SCAN = { rotate: 1, blur: 0.5, noise: 0.003, width: 1700 };

/** A PDF holding only a picture of the page, as a scanner produces. */
function imageOnlyPdf(jpeg: Buffer): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.image(jpeg, 0, 0, { width: 612 });
  doc.end();
  return done;
}

describe('scanned bills', () => {
  const [quebec, , ontario] = makeBills(3);

  it('reads a skewed, speckled JPEG of a French Québec bill: numbers, dates, amounts and both taxes', async () => {
    const truth = truthOf(quebec!);
    const result = await extractDocument(await scanOf(await renderBill(quebec!), SCAN), {
      filename: 'scan.jpg',
      mimeType: 'image/jpeg',
    });
    if (result.status !== 'extracted') throw new Error(result.reason);
    expect(result.source).toBe('ocr');
    const v = Object.fromEntries(Object.entries(result.fields).map(([k, f]) => [k, f!.value]));
    expect(v).toMatchObject({
      supplierGst: truth.supplierGst,
      invoiceNumber: truth.invoiceNumber,
      invoiceDate: truth.invoiceDate,
      subtotal: truth.subtotal,
      total: truth.total,
    });
    expect(result.taxes.map((t) => t.amount)).toEqual(truth.taxes.map((t) => t.amount));
    expect(result.checks.find((c) => c.name === 'totals_add_up')?.passed).toBe(true);
    expect(result.checks.find((c) => c.name === 'ocr_quality')?.passed).toBe(true);
  }, 120_000);

  it('reads a scanned PDF with no text layer by rendering its page and running OCR', async () => {
    const truth = truthOf(ontario!);
    const scanned = await imageOnlyPdf(await scanOf(await renderBill(ontario!), SCAN));
    const result = await extractDocument(scanned, { filename: 'scan.pdf', mimeType: 'application/pdf' });
    if (result.status !== 'extracted') throw new Error(result.reason);
    expect(result).toMatchObject({ source: 'ocr', timings: { pages: 1 } });
    const v = Object.fromEntries(Object.entries(result.fields).map(([k, f]) => [k, f!.value]));
    expect(v).toMatchObject({ invoiceNumber: truth.invoiceNumber, subtotal: truth.subtotal, total: truth.total });
  }, 120_000);
});

describe('the language of a scanned bill', () => {
  const STYLE = { rotate: 0.6, blur: 0.4, noise: 0.002, width: 1700, quality: 75 };

  it('reads a Spanish bill again with the Spanish model and keeps that reading when it holds together better', async () => {
    const [doc] = makeDocs(1).filter((d) => d.template.id === 'es-es-factura');
    const truth = templateTruth(doc!);
    const result = await extractDocument(await scanDoc(await renderDoc(doc!), STYLE, 3), { filename: 'factura.jpg' });
    if (result.status !== 'extracted') throw new Error(result.reason);
    expect(result.lang).toBe('es');
    expect(result.ocrLangs).toEqual(['spa', 'eng']);
    const v = Object.fromEntries(Object.entries(result.fields).map(([k, f]) => [k, f!.value]));
    expect(v).toMatchObject({
      supplierName: truth.supplierName,
      invoiceNumber: truth.invoiceNumber,
      total: truth.total,
    });
  }, 60_000);

  it('reads a French bill once, with the English and French models', async () => {
    const [doc] = makeDocs(1).filter((d) => d.template.id === 'fr-fr-facture');
    const result = await extractDocument(await scanDoc(await renderDoc(doc!), STYLE, 3), { filename: 'facture.jpg' });
    if (result.status !== 'extracted') throw new Error(result.reason);
    expect(result.ocrLangs).toEqual(['eng', 'fra']);
  }, 60_000);
});
