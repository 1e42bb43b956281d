/**
 * Supplier bills the project makes itself, so extraction can be scored against data known exactly:
 * each bill is drawn from a seeded generator (supplier, province, date, lines), its taxes computed by
 * `tools/totals.ts` at the rates in force that day, rendered to PDF with pdfkit in French or English
 * in one of three layouts, and optionally turned into a "scan" (rasterised, rotated, blurred, noisy).
 */
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { PDFParse } from 'pdf-parse';
import { stdnum } from 'stdnum';
import { formatMoney, fromMinor, type MoneyLocale } from '../../tools/money.ts';
import { documentTotals } from '../../tools/totals.ts';
import { mulberry32 } from '../mulberry32.ts';

export type Layout = 'classic' | 'compact' | 'modern';

export interface BillSpec {
  id: string;
  lang: 'fr' | 'en';
  layout: Layout;
  province: 'QC' | 'ON' | 'NS' | 'BC' | 'AB' | 'NB';
  supplier: { name: string; street: string; city: string; gst: string; qst?: string; pst?: string };
  buyer: { name: string; street: string; city: string };
  invoiceNumber: string;
  invoiceDate: string;
  dueDate: string;
  termsDays: number;
  dateStyle: 'iso' | 'long' | 'numeric';
  lines: { description: string; quantity: string; unitPriceCents: bigint }[];
}

/** What a perfect reader finds on the bill: the truth extraction is scored against. */
export interface BillTruth {
  supplierName: string;
  supplierGst: string;
  supplierQst?: string;
  invoiceNumber: string;
  invoiceDate: string;
  dueDate: string;
  currency: string;
  subtotal: string;
  total: string;
  taxes: { code: string; rate: string; amount: string }[];
  lines: { description: string; quantity: string; unitPrice: string; amount: string }[];
}

/** The same corpus on every machine. */
const random = mulberry32;

/** A business number whose 9th digit is its Luhn check digit, as CRA issues them. */
function businessNumber(next: () => number): string {
  const body = Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 + Math.floor(next() * 9) : Math.floor(next() * 10)));
  for (let check = 0; check < 10; check++) {
    const digits = [...body, check];
    const total = digits.reverse().reduce((sum, d, i) => sum + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
    if (total % 10 === 0) return [...body, check].join('');
  }
  throw new Error('unreachable');
}

/** A QST number from 10 drawn digits, its 10th digit set so the check digit holds (stdnum's ca.qst). */
function quebecTaxNumber(digits: string): string {
  const qst = (stdnum as unknown as Record<string, Record<string, { validate: (v: string) => { isValid: boolean } }>>)
    .CA!.qst!;
  for (let check = 0; check < 10; check++) {
    const candidate = `${digits.slice(0, 9)}${check}TQ0001`;
    if (qst.validate(candidate).isValid) return candidate;
  }
  return `${digits}TQ0001`;
}

const SUPPLIERS = [
  { name: 'Fournitures Laurentides inc.', street: '1250, rue Sherbrooke Ouest', city: 'Montréal (Québec) H3A 2M8' },
  { name: 'Papeterie Beauce ltée', street: '88, boulevard Lacroix', city: 'Saint-Joseph-de-Beauce (Québec) G0S 2V0' },
  { name: 'Northern Office Supply Ltd.', street: '400 King Street West', city: 'Toronto, ON M5V 1K4' },
  { name: 'Maritime Tools Inc.', street: '1800 Argyle Street', city: 'Halifax, NS B3J 3N8' },
  { name: 'Pacific Packaging Corp.', street: '950 West Hastings Street', city: 'Vancouver, BC V6C 1E5' },
  { name: 'Prairie Parts Ltd.', street: '10150 100 Street NW', city: 'Edmonton, AB T5J 0P6' },
  { name: 'Atlantic Print Co.', street: '77 Westmorland Street', city: 'Fredericton, NB E3B 6Z3' },
];
const PROVINCE_OF = ['QC', 'QC', 'ON', 'NS', 'BC', 'AB', 'NB'] as const;
const BUYERS = [
  { name: 'Boulangerie Saint-Viateur', street: '263, rue Saint-Viateur Ouest', city: 'Montréal (Québec) H2V 1Y1' },
  { name: 'Comptoir Démo inc.', street: '1, place Ville-Marie', city: 'Montréal (Québec) H3B 2B6' },
  { name: 'Harbour Café Ltd.', street: '5 Water Street', city: 'St. John’s, NL A1C 1A1' },
];
const ITEMS = {
  fr: [
    'Papier à photocopie 8,5 x 11 (caisse)',
    'Cartouches d’encre noire',
    'Chaises ergonomiques',
    'Classeurs à levier',
    'Service d’installation (heure)',
    'Câbles réseau Cat6 3 m',
    'Agrafeuses robustes',
    'Livraison',
  ],
  en: [
    'Copy paper 8.5 x 11 (case)',
    'Black ink cartridges',
    'Ergonomic chairs',
    'Lever arch binders',
    'Installation service (hour)',
    'Cat6 network cables 3 m',
    'Heavy-duty staplers',
    'Delivery',
  ],
};

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** `count` bills from a seed, cycling languages, layouts, provinces and date styles. */
export function makeBills(count: number, seed = 2026): BillSpec[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const layouts: Layout[] = ['classic', 'compact', 'modern'];
  return Array.from({ length: count }, (_, i) => {
    const s = i % SUPPLIERS.length;
    const province = PROVINCE_OF[s]!;
    const lang = province === 'QC' ? (i % 4 === 3 ? 'en' : 'fr') : i % 5 === 0 ? 'fr' : 'en';
    const bn = businessNumber(next);
    const invoiceDate = `${pick(['2024', '2025', '2026'])}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const termsDays = pick([15, 30, 45]);
    const lineCount = 1 + Math.floor(next() * 4);
    const items = ITEMS[lang];
    return {
      id: `bill-${String(i + 1).padStart(3, '0')}-${lang}-${province}-${layouts[i % 3]}`,
      lang,
      layout: layouts[i % 3]!,
      province,
      supplier: {
        ...SUPPLIERS[s]!,
        gst: `${bn}RT0001`,
        qst: province === 'QC' ? quebecTaxNumber(String(1000000000 + Math.floor(next() * 8999999999))) : undefined,
      },
      buyer: pick(BUYERS),
      invoiceNumber: pick(['INV-', 'F', 'FA-', '', 'A']) + String(1000 + Math.floor(next() * 90000)),
      invoiceDate,
      dueDate: addDays(invoiceDate, termsDays),
      termsDays,
      dateStyle: pick(['iso', 'long', 'numeric'] as const),
      lines: Array.from({ length: lineCount }, (_, n) => ({
        description: items[(s + n * 3 + i) % items.length]!,
        quantity: pick(['1', '2', '3', '5', '10', '12', '2.5']),
        unitPriceCents: BigInt(Math.floor(next() * 40000) + 99),
      })),
    };
  });
}

/** The exact values on the rendered bill. */
export function truthOf(spec: BillSpec): BillTruth {
  const { lineTotals, breakdown } = documentTotals({
    country: 'CA',
    region: spec.province,
    on: spec.invoiceDate,
    currency: 'CAD',
    lines: spec.lines,
    lang: spec.lang,
  });
  return {
    supplierName: spec.supplier.name,
    supplierGst: spec.supplier.gst,
    supplierQst: spec.supplier.qst,
    invoiceNumber: spec.invoiceNumber,
    invoiceDate: spec.invoiceDate,
    dueDate: spec.dueDate,
    currency: 'CAD',
    subtotal: fromMinor(breakdown.subtotal, 'CAD'),
    total: fromMinor(breakdown.total, 'CAD'),
    taxes: breakdown.components.map((c) => ({
      code: c.code === 'RST' ? 'PST' : c.code,
      rate: c.rate,
      amount: fromMinor(c.amount, 'CAD'),
    })),
    lines: spec.lines.map((line, i) => ({
      description: line.description,
      quantity: line.quantity,
      unitPrice: fromMinor(line.unitPriceCents, 'CAD'),
      amount: fromMinor(lineTotals[i]!, 'CAD'),
    })),
  };
}

const MONTHS = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

function showDate(iso: string, spec: BillSpec): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (spec.dateStyle === 'iso') return iso;
  if (spec.dateStyle === 'long')
    return spec.lang === 'fr' ? `${d === 1 ? '1er' : d} ${MONTHS.fr[m - 1]} ${y}` : `${MONTHS.en[m - 1]} ${d}, ${y}`;
  // Numeric dates on Canadian bills are day first in French; English bills here use ISO-like y/m/d to stay unambiguous.
  return spec.lang === 'fr'
    ? `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`
    : `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`;
}

const LABELS = {
  fr: {
    invoice: 'FACTURE',
    number: 'No de facture',
    date: 'Date de facture',
    due: 'Date d’échéance',
    billTo: 'Facturé à',
    desc: 'Description',
    qty: 'Qté',
    unit: 'Prix unitaire',
    amount: 'Montant',
    subtotal: 'Sous-total',
    total: 'Total',
    due2: 'Montant dû',
    terms: (n: number) => `Conditions : net ${n} jours`,
    gst: 'No TPS/TVH',
    qst: 'No TVQ',
    thanks: 'Merci de votre confiance.',
  },
  en: {
    invoice: 'INVOICE',
    number: 'Invoice #',
    date: 'Invoice date',
    due: 'Due date',
    billTo: 'Bill to',
    desc: 'Description',
    qty: 'Qty',
    unit: 'Unit price',
    amount: 'Amount',
    subtotal: 'Subtotal',
    total: 'Total',
    due2: 'Amount due',
    terms: (n: number) => `Terms: Net ${n} days`,
    gst: 'GST/HST No.',
    qst: 'QST No.',
    thanks: 'Thank you for your business.',
  },
};

const TAX_NAMES: Record<string, { fr: string; en: string }> = {
  GST: { fr: 'TPS', en: 'GST' },
  HST: { fr: 'TVH', en: 'HST' },
  QST: { fr: 'TVQ', en: 'QST' },
  PST: { fr: 'TVP', en: 'PST' },
};

/** "0.09975" → "9,975 %" (fr) or "9.975%" (en): the decimal point moved two places, no float. */
function showRate(rate: string, lang: 'fr' | 'en'): string {
  const [int = '0', frac = ''] = rate.split('.');
  const padded = frac.padEnd(2, '0');
  const whole = String(Number(int) * 100 + Number(padded.slice(0, 2)));
  const rest = padded.slice(2).replace(/0+$/, '');
  const percent = rest ? `${whole}${lang === 'fr' ? ',' : '.'}${rest}` : whole;
  return lang === 'fr' ? `${percent} %` : `${percent}%`;
}

/** Renders a bill to PDF bytes. */
export function renderBill(spec: BillSpec): Promise<Buffer> {
  const truth = truthOf(spec);
  const L = LABELS[spec.lang];
  const locale: MoneyLocale = spec.lang === 'fr' ? 'fr-CA' : 'en-CA';
  const money = (decimal: string) => formatMoney(BigInt(decimal.replace('.', '')), 'CAD', locale);
  const doc = new PDFDocument({ size: 'LETTER', margin: 50, info: { Title: `${L.invoice} ${spec.invoiceNumber}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const supplierBlock = (x: number, y: number) => {
    doc.font('Helvetica-Bold').fontSize(13).text(spec.supplier.name, x, y);
    doc.font('Helvetica').fontSize(10).text(spec.supplier.street).text(spec.supplier.city);
  };
  const taxNumbers = (x: number, y: number) => {
    doc.font('Helvetica').fontSize(9).text(`${L.gst} : ${spec.supplier.gst}`, x, y);
    if (spec.supplier.qst) doc.text(`${L.qst} : ${spec.supplier.qst}`);
  };
  const header = (x: number, y: number) => {
    doc.font('Helvetica').fontSize(10);
    doc.text(`${L.number} : ${spec.invoiceNumber}`, x, y);
    doc.text(`${L.date} : ${showDate(spec.invoiceDate, spec)}`);
    doc.text(`${L.due} : ${showDate(spec.dueDate, spec)}`);
  };
  const buyerBlock = (x: number, y: number) => {
    doc.font('Helvetica-Bold').fontSize(10).text(`${L.billTo} :`, x, y);
    doc.font('Helvetica').text(spec.buyer.name).text(spec.buyer.street).text(spec.buyer.city);
  };
  const table = (y: number): number => {
    const cols = [50, 330, 380, 470];
    doc.font('Helvetica-Bold').fontSize(10);
    doc.text(L.desc, cols[0]!, y).text(L.qty, cols[1]!, y).text(L.unit, cols[2]!, y).text(L.amount, cols[3]!, y);
    doc.font('Helvetica');
    let row = y + 20;
    for (const line of truth.lines) {
      const quantity = spec.lang === 'fr' ? line.quantity.replace('.', ',') : line.quantity;
      doc.text(line.description, cols[0]!, row, { width: 270, lineBreak: false });
      doc
        .text(quantity, cols[1]!, row)
        .text(money(line.unitPrice), cols[2]!, row)
        .text(money(line.amount), cols[3]!, row);
      row += 18;
    }
    return row + 12;
  };
  const totals = (y: number, x = 330) => {
    let row = y;
    const put = (label: string, value: string, bold = false) => {
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(10)
        .text(label, x, row)
        .text(value, 470, row);
      row += 16;
    };
    put(L.subtotal, money(truth.subtotal));
    for (const tax of truth.taxes)
      put(`${TAX_NAMES[tax.code]![spec.lang]} (${showRate(tax.rate, spec.lang)})`, money(tax.amount));
    put(spec.layout === 'modern' ? L.due2 : L.total, money(truth.total), true);
    return row;
  };

  if (spec.layout === 'classic') {
    supplierBlock(50, 50);
    doc.font('Helvetica-Bold').fontSize(20).text(L.invoice, 380, 50);
    header(380, 80);
    buyerBlock(50, 150);
    const end = table(240);
    const after = totals(end);
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(L.terms(spec.termsDays), 50, after + 20);
    taxNumbers(50, after + 40);
  } else if (spec.layout === 'compact') {
    supplierBlock(50, 50);
    taxNumbers(50, 100);
    header(50, 140);
    buyerBlock(330, 140);
    const end = table(230);
    const after = totals(end, 50);
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(L.terms(spec.termsDays), 50, after + 20)
      .text(L.thanks);
  } else {
    doc.font('Helvetica-Bold').fontSize(24).text(L.invoice, 50, 40);
    supplierBlock(330, 40);
    header(50, 110);
    buyerBlock(330, 110);
    const end = table(210);
    const after = totals(end);
    taxNumbers(50, after + 20);
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(L.terms(spec.termsDays), 50, after + 50);
  }
  doc.end();
  return done;
}

export interface ScanStyle {
  /** Degrees; a hand-fed scanner skews 0.5 to 2 degrees. */
  rotate: number;
  blur: number;
  /** Share of pixels turned to random grey speckles, 0..1. */
  noise: number;
  /** Width of the page image in pixels (1700 ≈ 200 dpi on letter paper). */
  width: number;
}

/** A JPEG "scan" of a rendered bill: rasterised, skewed, blurred, speckled, compressed. */
export async function scanOf(pdf: Buffer, style: ScanStyle, seed = 7): Promise<Buffer> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const shot = await parser.getScreenshot({
    first: 1,
    desiredWidth: style.width,
    imageBuffer: true,
    imageDataUrl: false,
  });
  await parser.destroy();
  const page = Buffer.from(shot.pages[0]!.data);
  const meta = await sharp(page).metadata();
  const [width, height] = [meta.width!, meta.height!];
  const next = random(seed);
  const speckles = Buffer.alloc(width * height, 255);
  for (let i = 0; i < speckles.length; i++) if (next() < style.noise) speckles[i] = Math.floor(next() * 200);
  let image = sharp(page)
    .flatten({ background: '#ffffff' })
    .greyscale()
    .composite([{ input: speckles, raw: { width, height, channels: 1 }, blend: 'darken' }]);
  image = sharp(await image.png().toBuffer());
  if (style.blur > 0) image = image.blur(style.blur);
  if (style.rotate !== 0) image = image.rotate(style.rotate, { background: '#ffffff' });
  return image.jpeg({ quality: 70 }).toBuffer();
}
