/**
 * Lays out an invoice or credit note as a PDF with pdfkit. It receives every text already written
 * for its reader (language, amounts, dates: see invoice-pdf.ts) and only places it on the page.
 * The built-in Helvetica is used: no font file to ship, and its WinAnsi encoding covers French.
 */
import PDFDocument from 'pdfkit';

export interface PdfParty {
  name: string;
  lines: string[];
}

export interface PdfInvoice {
  lang: 'fr' | 'en';
  /** Letter in North America, A4 in France. */
  paper: 'LETTER' | 'A4';
  title: string;
  /** Label/value pairs under the title: number, date, due date, credited invoice. */
  facts: [string, string][];
  seller: PdfParty;
  billToLabel: string;
  client: PdfParty;
  columns: { description: string; quantity: string; unitPrice: string; amount: string };
  lines: { description: string; quantity: string; unitPrice: string; amount: string }[];
  /** Subtotal, each tax line, then the total (bold), then paid/credited/balance when money was received. */
  totals: { label: string; value: string; strong?: boolean }[];
  notesLabel: string;
  notes: string | null;
  /** Legal mentions printed small at the bottom. */
  mentions: string[];
  pageLabel: string;
  /** Printed at the foot of every page, so a loose continuation page still says which document it is. */
  reference: string;
  /** Document metadata. */
  info: { title: string; author: string; created: Date };
}

// Characters of Windows-1252 above 0x7F that are not Latin-1: what Helvetica's WinAnsi encoding adds.
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the standard fonts can draw. Intl writes French amounts with a narrow no-break space (U+202F)
 * and negatives with a minus sign (U+2212), neither of which WinAnsi has: they become a no-break
 * space and a hyphen, which read the same. Anything else outside WinAnsi becomes "?" rather than a
 * wrong glyph.
 */
export function winAnsi(text: string): string {
  return text
    .replace(/[\u202f\u2009\u2007]/g, '\u00a0')
    .replace(/\u2212/g, '-')
    .replace(/[^\n\u0020-\u007e\u00a0-\u00ff]/g, (c) => (CP1252_EXTRAS.has(c) ? c : '?'));
}

const MARGIN = 50;
const GREY = '#555555';
const RULE = '#bbbbbb';
const SHADE = '#eeeeee';

/** Renders the document; resolves with the PDF bytes. */
export function renderInvoicePdf(view: PdfInvoice): Promise<Buffer> {
  const doc = new PDFDocument({
    size: view.paper,
    margin: MARGIN,
    bufferPages: true,
    lang: view.lang === 'fr' ? 'fr' : 'en',
    info: { Title: winAnsi(view.info.title), Author: winAnsi(view.info.author), CreationDate: view.info.created },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 40;
  const text = (value: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.text(winAnsi(value), x, y, options);

  // Seller at the top left, title and facts at the top right.
  doc.font('Helvetica-Bold').fontSize(14).fillColor('black');
  text(view.seller.name, MARGIN, MARGIN, { width: width * 0.55 });
  doc.font('Helvetica').fontSize(9).fillColor(GREY);
  for (const line of view.seller.lines) text(line, MARGIN, doc.y, { width: width * 0.55 });
  const sellerBottom = doc.y;

  const rightX = MARGIN + width * 0.55;
  const rightWidth = width * 0.45;
  doc.font('Helvetica-Bold').fontSize(20).fillColor('black');
  text(view.title, rightX, MARGIN, { width: rightWidth, align: 'right' });
  doc.moveDown(0.3);
  doc.fontSize(9);
  for (const [label, value] of view.facts) {
    const y = doc.y;
    doc.font('Helvetica').fillColor(GREY);
    text(label, rightX, y, { width: rightWidth * 0.5 });
    doc.font('Helvetica-Bold').fillColor('black');
    text(value, rightX + rightWidth * 0.5, y, { width: rightWidth * 0.5, align: 'right' });
  }
  let y = Math.max(sellerBottom, doc.y) + 20;

  // Bill to.
  doc.font('Helvetica-Bold').fontSize(9).fillColor(GREY);
  text(view.billToLabel.toUpperCase(), MARGIN, y);
  doc.font('Helvetica-Bold').fontSize(11).fillColor('black');
  text(view.client.name, MARGIN, doc.y + 2, { width: width * 0.6 });
  doc.font('Helvetica').fontSize(9).fillColor('black');
  for (const line of view.client.lines) text(line, MARGIN, doc.y, { width: width * 0.6 });
  y = doc.y + 20;

  // Lines table: description takes what the three amount columns leave.
  const cols = { quantity: 50, unitPrice: 95, amount: 95 };
  const descWidth = width - cols.quantity - cols.unitPrice - cols.amount - 15;
  const x = {
    description: MARGIN + 5,
    quantity: MARGIN + 5 + descWidth,
    unitPrice: MARGIN + 5 + descWidth + cols.quantity,
    amount: MARGIN + 5 + descWidth + cols.quantity + cols.unitPrice,
  };
  const header = () => {
    doc.rect(MARGIN, y, width, 18).fill(SHADE);
    doc.font('Helvetica-Bold').fontSize(9).fillColor('black');
    text(view.columns.description, x.description, y + 5, { width: descWidth });
    text(view.columns.quantity, x.quantity, y + 5, { width: cols.quantity, align: 'right' });
    text(view.columns.unitPrice, x.unitPrice, y + 5, { width: cols.unitPrice, align: 'right' });
    text(view.columns.amount, x.amount, y + 5, { width: cols.amount, align: 'right' });
    y += 24;
  };
  header();
  doc.font('Helvetica').fontSize(9);
  for (const line of view.lines) {
    const height = Math.max(doc.heightOfString(winAnsi(line.description), { width: descWidth }), 11);
    if (y + height > bottom()) {
      doc.addPage();
      y = MARGIN;
      header();
      doc.font('Helvetica').fontSize(9);
    }
    doc.fillColor('black');
    text(line.description, x.description, y, { width: descWidth });
    text(line.quantity, x.quantity, y, { width: cols.quantity, align: 'right' });
    text(line.unitPrice, x.unitPrice, y, { width: cols.unitPrice, align: 'right' });
    text(line.amount, x.amount, y, { width: cols.amount, align: 'right' });
    y += height + 6;
    doc
      .moveTo(MARGIN, y - 3)
      .lineTo(MARGIN + width, y - 3)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
  }

  // Totals, right-aligned under the amount columns.
  const totalsHeight = view.totals.length * 16 + 10;
  if (y + totalsHeight > bottom()) {
    doc.addPage();
    y = MARGIN;
  }
  y += 6;
  const labelX = MARGIN + width * 0.45;
  const labelWidth = width * 0.55 - cols.amount - 5;
  for (const row of view.totals) {
    if (row.strong) {
      doc
        .moveTo(labelX, y - 3)
        .lineTo(MARGIN + width, y - 3)
        .lineWidth(0.8)
        .strokeColor('black')
        .stroke();
      doc.font('Helvetica-Bold').fontSize(11);
    } else {
      doc.font('Helvetica').fontSize(9);
    }
    doc.fillColor('black');
    text(row.label, labelX, y, { width: labelWidth, align: 'right' });
    text(row.value, x.amount, y, { width: cols.amount, align: 'right' });
    y += row.strong ? 18 : 14;
  }

  if (view.notes) {
    y += 16;
    const notesHeight = doc.heightOfString(winAnsi(view.notes), { width }) + 16;
    if (y + notesHeight > bottom()) {
      doc.addPage();
      y = MARGIN;
    }
    doc.font('Helvetica-Bold').fontSize(9).fillColor(GREY);
    text(view.notesLabel, MARGIN, y);
    doc.font('Helvetica').fillColor('black');
    text(view.notes, MARGIN, doc.y + 2, { width });
  }

  // Mentions and page numbers at the foot of every page.
  const pages = doc.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page: lift it while drawing the foot.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    const mentions = view.mentions.map(winAnsi).join('\n');
    doc.font('Helvetica').fontSize(7).fillColor(GREY);
    const mentionsHeight = mentions ? doc.heightOfString(mentions, { width }) : 0;
    const footY = doc.page.height - MARGIN - mentionsHeight - 4;
    if (mentions) doc.text(mentions, MARGIN, footY, { width });
    const footY2 = doc.page.height - MARGIN + 6;
    doc.text(winAnsi(view.reference), MARGIN, footY2, { width: width / 2 });
    doc.text(winAnsi(`${view.pageLabel} ${i - pages.start + 1} / ${pages.count}`), MARGIN + width / 2, footY2, {
      width: width / 2,
      align: 'right',
    });
    doc.page.margins = margins;
  }
  doc.end();
  return done;
}
