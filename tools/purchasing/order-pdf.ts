/**
 * A purchase order as the supplier reads it: one page (more when lines overflow) with the company,
 * the supplier, the lines, taxes and totals, in the company's language and number format.
 */
import PDFDocument from 'pdfkit';
import type { Lang, Tenant } from '../context.ts';
import { formatMoney, toMinor, type MoneyLocale } from '../money.ts';
import type { OrderSummary } from './schemas.ts';
import { PDF_WORDS } from './texts.ts';

export interface OrderPdfInput {
  tenant: Pick<Tenant, 'name' | 'country' | 'gstNumber' | 'qstNumber' | 'address' | 'email'>;
  supplier: { name: string; legalName: string | null; email: string | null; address: Record<string, string> | null };
  order: OrderSummary & { shipToProvince: string | null; notes: string | null };
  lang: Lang;
  /** Fixed creation date, so the same order renders the same bytes. */
  createdAt: Date;
}

// The standard PDF fonts carry Latin-1: French accents print, the narrow no-break space of fr-FR does not.
const printable = (text: string) => text.replace(/[\u202f\u2009]/g, '\u00a0').replace(/[^\x20-\xff\n]/g, '?');

export function renderOrderPdf(input: OrderPdfInput): Promise<Buffer> {
  const { tenant, supplier, order, lang } = input;
  const words = PDF_WORDS[lang];
  // French typography puts a space before the colon.
  const colon = lang === 'fr' ? ' : ' : ': ';
  const locale: MoneyLocale =
    tenant.country === 'FR' ? (lang === 'fr' ? 'fr-FR' : 'en-US') : lang === 'fr' ? 'fr-CA' : 'en-CA';
  const money = (amount: string) => printable(formatMoney(toMinor(amount, order.currency), order.currency, locale));
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 50,
    info: { Title: `${words.title} ${order.number}`, Author: tenant.name, CreationDate: input.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const address = (a: Record<string, string> | null) => (a ? Object.values(a).filter(Boolean) : []);
  doc.font('Helvetica-Bold').fontSize(18).text(printable(tenant.name));
  doc.font('Helvetica').fontSize(9);
  for (const line of address(tenant.address)) doc.text(printable(line));
  if (tenant.email) doc.text(printable(tenant.email));
  if (tenant.gstNumber) doc.text(`${words.gst} ${tenant.gstNumber}`);
  if (tenant.qstNumber) doc.text(`${words.qst} ${tenant.qstNumber}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(14).text(`${words.title} ${order.number}`);
  doc.font('Helvetica').fontSize(10);
  doc.text(`${words.date}${colon}${order.orderDate}`);
  if (order.expectedOn) doc.text(`${words.expected}${colon}${order.expectedOn}`);
  if (order.shipToProvince) doc.text(`${words.shipTo}${colon}${order.shipToProvince}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').text(`${words.supplier}${colon.trimEnd()}`);
  doc.font('Helvetica').text(printable(supplier.legalName ?? supplier.name));
  for (const line of address(supplier.address)) doc.text(printable(line));
  if (supplier.email) doc.text(printable(supplier.email));
  doc.moveDown();

  const columns = { description: 50, quantity: 330, unitPrice: 380, amount: 470 };
  const row = (cells: [string, string, string, string], bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    doc.text(printable(cells[0]), columns.description, y, { width: 270 });
    const bottom = doc.y;
    doc.text(cells[1], columns.quantity, y, { width: 45, align: 'right' });
    doc.text(cells[2], columns.unitPrice, y, { width: 80, align: 'right' });
    doc.text(cells[3], columns.amount, y, { width: 90, align: 'right' });
    doc.x = 50;
    doc.y = Math.max(bottom, doc.y) + 4;
  };
  row([words.description, words.quantity, words.unitPrice, words.amount], true);
  for (const line of order.lines) row([line.description, line.quantity, money(line.unitPrice), money(line.lineTotal)]);
  doc.moveDown();
  row(['', '', words.subtotal, money(order.subtotal)]);
  for (const tax of order.taxes) row(['', '', tax.labels[lang], money(tax.amount)]);
  row(['', '', words.total, money(order.total)], true);
  if (order.notes) {
    doc
      .moveDown()
      .font('Helvetica-Bold')
      .text(`${words.notes}${colon.trimEnd()}`, 50)
      .font('Helvetica')
      .text(printable(order.notes));
  }
  doc.moveDown(2).font('Helvetica-Oblique').fontSize(9).text(words.footer, 50);
  doc.end();
  return done;
}
