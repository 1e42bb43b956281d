// `comptoir extract`: a file in, what was read out, without a database; and every page of a
// document read up to the configured limit, with progress.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractCommand } from '../../../tools/documents/extract-command.ts';
import {
  DEFAULT_LIMITS,
  extractDocument,
  ocrPageLimit,
  type ExtractProgress,
} from '../../../tools/documents/extract.ts';

const BILL = `Northern Office Supply Ltd.
400 King Street West
Toronto, ON M5V 1K4
Invoice #: INV-88213
Invoice date: March 28, 2025
Subtotal $5,000.00
HST (13%) $650.00
Amount due $5,650.00
GST/HST No.: 123456782RT0001`;

function twoPagePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Northern Office Supply Ltd.').text('Invoice #: INV-1').text('Invoice date: 2025-03-28');
  doc.addPage().text('Subtotal $100.00').text('HST (13%) $13.00').text('Total $113.00 CAD');
  doc.end();
  return done;
}

describe('comptoir extract', () => {
  it('prints the fields, their confidence and the checks, and the same as JSON', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'extract-')), 'bill.txt');
    writeFileSync(path, BILL);
    const text = await extractCommand(path);
    expect(text).toMatch(/invoiceNumber\s+INV-88213\s+0\.\d\d/);
    expect(text).toMatch(/total\s+5650\.00/);
    expect(text).toContain('✓ Subtotal $5,000.00 + taxes $650.00 = total $5,650.00.');
    const json = JSON.parse(await extractCommand(path, { json: true }));
    expect(json.status).toBe('extracted');
    expect(json.fields.supplierGst.value).toBe('123456782RT0001');
    const french = await extractCommand(path, { lang: 'fr' });
    expect(french).toContain('Vérifications');
  });
});

describe('pages', () => {
  it('reads up to ten pages of a scan by default, and gives larger pages more OCR time', () => {
    expect(DEFAULT_LIMITS.maxOcrPages).toBe(10);
    expect(ocrPageLimit(30_000, 2550 * 3300)).toBe(30_000);
    expect(ocrPageLimit(30_000, 1000 * 1000)).toBe(30_000);
    expect(ocrPageLimit(30_000, 2 * 2550 * 3300)).toBe(60_000);
  });

  it('reads every page of a PDF and reports progress', async () => {
    const seen: ExtractProgress[] = [];
    const result = await extractDocument(await twoPagePdf(), { filename: 'two.pdf', onProgress: (p) => seen.push(p) });
    expect(result.status).toBe('extracted');
    if (result.status !== 'extracted') return;
    expect(result.fields.total?.value).toBe('113.00');
    expect(seen).toEqual([{ stage: 'text', page: 2, pages: 2 }]);
  });
});
