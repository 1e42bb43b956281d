/**
 * Bills in many layouts and six languages for the extraction eval: invoices, credit notes and till
 * receipts from Canada, France, Germany, Spain, Italy and the Netherlands, on one or two pages,
 * rendered born-digital with pdfkit and scanned for real (rasterised, skewed, speckled, JPEG, then
 * wrapped in a PDF with no text layer). Amounts are integer cents computed here; each document's
 * truth is the data it was drawn from. Templates marked `heldOut` are never used to tune the parser:
 * the eval reports them apart.
 */
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { PDFParse } from 'pdf-parse';
import { euVat, stdnum } from 'stdnum';

export type Lang = 'fr' | 'en' | 'de' | 'es' | 'it' | 'nl';
export type Kind = 'invoice' | 'credit_note' | 'receipt';

export interface Template {
  id: string;
  kind: Kind;
  lang: Lang;
  country: 'CA' | 'FR' | 'DE' | 'ES' | 'IT' | 'NL';
  pages: 1 | 2;
  style: 'left' | 'right' | 'title';
  heldOut?: boolean;
}

export const TEMPLATES: Template[] = [
  { id: 'ca-fr-invoice', kind: 'invoice', lang: 'fr', country: 'CA', pages: 1, style: 'left' },
  { id: 'ca-en-invoice', kind: 'invoice', lang: 'en', country: 'CA', pages: 1, style: 'right' },
  { id: 'ca-en-invoice-2p', kind: 'invoice', lang: 'en', country: 'CA', pages: 2, style: 'title' },
  { id: 'fr-fr-facture', kind: 'invoice', lang: 'fr', country: 'FR', pages: 1, style: 'right' },
  { id: 'de-de-rechnung', kind: 'invoice', lang: 'de', country: 'DE', pages: 1, style: 'left' },
  { id: 'de-de-rechnung-2p', kind: 'invoice', lang: 'de', country: 'DE', pages: 2, style: 'right' },
  { id: 'es-es-factura', kind: 'invoice', lang: 'es', country: 'ES', pages: 1, style: 'title' },
  { id: 'it-it-fattura', kind: 'invoice', lang: 'it', country: 'IT', pages: 1, style: 'left', heldOut: true },
  { id: 'nl-nl-factuur', kind: 'invoice', lang: 'nl', country: 'NL', pages: 1, style: 'right' },
  { id: 'ca-fr-avoir', kind: 'credit_note', lang: 'fr', country: 'CA', pages: 1, style: 'title' },
  { id: 'ca-en-credit-memo', kind: 'credit_note', lang: 'en', country: 'CA', pages: 1, style: 'left' },
  { id: 'nl-nl-creditnota', kind: 'credit_note', lang: 'nl', country: 'NL', pages: 1, style: 'title', heldOut: true },
  { id: 'ca-en-receipt', kind: 'receipt', lang: 'en', country: 'CA', pages: 1, style: 'title' },
  { id: 'fr-fr-ticket', kind: 'receipt', lang: 'fr', country: 'FR', pages: 1, style: 'title' },
  { id: 'es-es-ticket', kind: 'receipt', lang: 'es', country: 'ES', pages: 1, style: 'title', heldOut: true },
];

export interface Doc {
  id: string;
  template: Template;
  seller: { name: string; street: string; city: string; taxId: string; iban?: string };
  buyer: { name: string; street: string; city: string; taxId?: string };
  number: string;
  reference?: string;
  issued: string;
  due?: string;
  delivered?: string;
  lines: { description: string; quantity: number; unitCents: bigint }[];
  /** Canada: GST/QST/HST components; Europe: one VAT rate. Rates in basis points of a percent (500 = 5 %). */
  taxes: { name: string; rateMilli: number }[];
  currency: 'CAD' | 'EUR';
}

/** What a perfect reader finds: the truth extraction is scored against. */
export type Truth = Record<string, string>;

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Validator = { validate: (v: string) => { isValid: boolean } };
const vatValid = (v: string) =>
  ((euVat as unknown as Record<string, Validator[]>)[v.slice(0, 2)] ?? []).some((x) => x.validate(v).isValid);
const national = stdnum as unknown as Record<string, Record<string, Validator>>;

/** A tax id of the country's form whose check digits hold (searched from a seeded start). */
function taxIdFor(country: Template['country'], next: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
  for (let i = 0; i < 10_000; i++) {
    const candidate =
      country === 'CA'
        ? `${1 + Math.floor(next() * 9)}${digits(8)}RT0001`
        : country === 'FR'
          ? `FR${digits(2)}${1 + Math.floor(next() * 9)}${digits(8)}`
          : country === 'DE'
            ? `DE${1 + Math.floor(next() * 9)}${digits(8)}`
            : country === 'ES'
              ? `ESB${digits(8)}`
              : country === 'IT'
                ? `IT${digits(11)}`
                : `NL${digits(9)}B01`;
    const ok = country === 'CA' ? national.CA!.bn!.validate(candidate).isValid : vatValid(candidate);
    if (ok) return candidate;
  }
  throw new Error(`no valid tax id for ${country}`);
}

/** An IBAN with its mod-97 check digits computed (ISO 13616). */
function ibanFor(country: string, next: () => number): string {
  // France, Spain and Italy put national check digits inside the BBAN: their published example IBANs.
  const examples: Record<string, string> = {
    FR: 'FR7630006000011234567890189',
    ES: 'ES9121000418450200051332',
    IT: 'IT60X0542811101000000123456',
  };
  if (examples[country]) return examples[country]!;
  const lengths: Record<string, number> = { FR: 23, DE: 18, ES: 20, IT: 23, NL: 14 };
  const bban =
    country === 'NL'
      ? `ABNA${Array.from({ length: 10 }, () => Math.floor(next() * 10)).join('')}`
      : country === 'IT'
        ? `X${Array.from({ length: 22 }, () => Math.floor(next() * 10)).join('')}`
        : Array.from({ length: lengths[country] ?? 18 }, () => Math.floor(next() * 10)).join('');
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98n - (BigInt(numeric) % 97n);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

const PARTIES: Record<Template['country'], { sellers: Doc['seller'][]; buyers: Doc['buyer'][] }> = {
  CA: {
    sellers: [
      {
        name: 'Fournitures Laurentides inc.',
        street: '1250, rue Sherbrooke Ouest',
        city: 'Montréal (Québec) H3A 2M8',
        taxId: '',
      },
      { name: 'Northern Office Supply Ltd.', street: '400 King Street West', city: 'Toronto, ON M5V 1K4', taxId: '' },
      { name: 'Pacific Packaging Corp.', street: '950 West Hastings Street', city: 'Vancouver, BC V6C 1E5', taxId: '' },
    ],
    buyers: [
      { name: 'Comptoir Démo inc.', street: '1, place Ville-Marie', city: 'Montréal (Québec) H3B 2B6' },
      { name: 'Harbour Café Ltd.', street: '5 Water Street', city: "St. John's, NL A1C 1A1" },
    ],
  },
  FR: {
    sellers: [
      { name: 'Papeterie Martin SARL', street: '12 rue de la Paix', city: '75002 Paris', taxId: '' },
      { name: 'Boulangerie Dupont SAS', street: '3 place du Marché', city: '69002 Lyon', taxId: '' },
    ],
    buyers: [{ name: 'Comptoir Démo SAS', street: '8 avenue Foch', city: '75116 Paris' }],
  },
  DE: {
    sellers: [
      { name: 'Muster Bürobedarf GmbH', street: 'Hauptstraße 5', city: '10115 Berlin', taxId: '' },
      { name: 'Schmidt Werkzeuge KG', street: 'Industriestraße 22', city: '80331 München', taxId: '' },
    ],
    buyers: [{ name: 'Beispiel Handel AG', street: 'Marktplatz 1', city: '50667 Köln' }],
  },
  ES: {
    sellers: [
      { name: 'Suministros Ibéricos S.L.', street: 'Calle Mayor 10', city: '28013 Madrid', taxId: '' },
      { name: 'Panadería García S.L.', street: 'Avenida Diagonal 200', city: '08018 Barcelona', taxId: '' },
    ],
    buyers: [{ name: 'Comercial Ejemplo S.A.', street: 'Plaza España 3', city: '41001 Sevilla' }],
  },
  IT: {
    sellers: [
      { name: 'Forniture Milano S.r.l.', street: 'Via Roma 1', city: '20121 Milano', taxId: '' },
      { name: 'Cartoleria Rossi S.p.A.', street: 'Corso Vittorio Emanuele 44', city: '00186 Roma', taxId: '' },
    ],
    buyers: [{ name: 'Esempio Commerciale S.r.l.', street: 'Piazza Duomo 2', city: '50122 Firenze' }],
  },
  NL: {
    sellers: [
      { name: 'Kantoorartikelen Holland B.V.', street: 'Damrak 1', city: '1012 LG Amsterdam', taxId: '' },
      { name: 'Van Dijk Drukwerk B.V.', street: 'Coolsingel 40', city: '3011 AD Rotterdam', taxId: '' },
    ],
    buyers: [{ name: 'Voorbeeld Handel N.V.', street: 'Lange Voorhout 9', city: '2514 EA Den Haag' }],
  },
};

const ITEMS: Record<Lang, string[]> = {
  fr: [
    'Papier à photocopie (caisse)',
    'Cartouches d’encre noire',
    'Classeurs à levier',
    'Livraison',
    'Baguette tradition',
    'Café filtre',
  ],
  en: ['Copy paper (case)', 'Black ink cartridges', 'Lever arch binders', 'Delivery', 'Coffee beans 1 kg', 'Muffin'],
  de: [
    'Kopierpapier A4 (Karton)',
    'Tonerkartusche schwarz',
    'Ordner breit',
    'Versand',
    'Schraubendreher-Set',
    'Montage (Stunde)',
  ],
  es: [
    'Papel de fotocopia (caja)',
    'Cartuchos de tinta negra',
    'Archivadores',
    'Envío',
    'Pan de molde',
    'Café con leche',
  ],
  it: [
    'Carta per fotocopie (scatola)',
    'Cartucce nere',
    'Raccoglitori',
    'Spedizione',
    'Penne a sfera',
    'Installazione (ora)',
  ],
  nl: ['Kopieerpapier (doos)', 'Inktcartridges zwart', 'Ordners', 'Verzending', 'Drukwerk folders', 'Montage (uur)'],
};

const EU_VAT: Record<string, number> = { FR: 20000, DE: 19000, ES: 21000, IT: 22000, NL: 21000 };

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** `perTemplate` documents of every template, the same on every machine. */
export function makeDocs(perTemplate: number, seed = 1717): Doc[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const docs: Doc[] = [];
  for (const template of TEMPLATES) {
    for (let n = 0; n < perTemplate; n++) {
      const parties = PARTIES[template.country];
      const seller = { ...pick(parties.sellers), taxId: taxIdFor(template.country, next) };
      if (template.country !== 'CA') seller.iban = ibanFor(template.country, next);
      const buyer = { ...pick(parties.buyers) } as Doc['buyer'];
      if (template.country !== 'CA' && template.kind !== 'receipt') buyer.taxId = taxIdFor(template.country, next);
      const issued = `${pick(['2024', '2025', '2026'])}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      const receipt = template.kind === 'receipt';
      const lineCount = template.pages === 2 ? 28 + Math.floor(next() * 6) : 1 + Math.floor(next() * (receipt ? 5 : 4));
      const taxes =
        template.country === 'CA'
          ? seller.city.includes('Québec')
            ? [
                { name: template.lang === 'fr' ? 'TPS' : 'GST', rateMilli: 5000 },
                { name: template.lang === 'fr' ? 'TVQ' : 'QST', rateMilli: 9975 },
              ]
            : seller.city.includes('ON')
              ? [{ name: template.lang === 'fr' ? 'TVH' : 'HST', rateMilli: 13000 }]
              : [{ name: template.lang === 'fr' ? 'TPS' : 'GST', rateMilli: 5000 }]
          : [
              {
                name: { fr: 'TVA', en: 'VAT', de: 'MwSt.', es: 'IVA', it: 'IVA', nl: 'BTW' }[template.lang],
                rateMilli: EU_VAT[template.country]!,
              },
            ];
      const prefix = { invoice: pick(['INV-', 'F', 'FA-', 'R']), credit_note: pick(['AV-', 'CN-', 'CR']), receipt: '' }[
        template.kind
      ];
      docs.push({
        id: `${template.id}-${String(n + 1).padStart(2, '0')}`,
        template,
        seller,
        buyer,
        number: `${prefix}${pick(['2024', '2025', ''])}${prefix ? '-' : ''}${1000 + Math.floor(next() * 90000)}`,
        reference: template.kind === 'credit_note' ? `F-${1000 + Math.floor(next() * 9000)}` : undefined,
        issued,
        due: receipt ? undefined : addDays(issued, pick([14, 30, 45])),
        delivered: receipt ? undefined : addDays(issued, -pick([1, 3, 7])),
        lines: Array.from({ length: lineCount }, (_, i) => ({
          description: ITEMS[template.lang][(i + n) % ITEMS[template.lang].length]!,
          quantity: pick([1, 1, 2, 3, 5, 10]),
          unitCents: BigInt(receipt ? 99 + Math.floor(next() * 1500) : 500 + Math.floor(next() * 40000)),
        })),
        taxes,
        currency: template.country === 'CA' ? 'CAD' : 'EUR',
      });
    }
  }
  return docs;
}

/** Tax at a rate given in thousandths of a percent, half-up to the cent. */
const taxOf = (base: bigint, rateMilli: number) => {
  const scaled = base * BigInt(rateMilli);
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const rounded = (abs + 50_000n) / 100_000n;
  return negative ? -rounded : rounded;
};

export function amountsOf(doc: Doc) {
  const sign = doc.template.kind === 'credit_note' ? -1n : 1n;
  const lineTotals = doc.lines.map((l) => sign * l.unitCents * BigInt(l.quantity));
  const net = lineTotals.reduce((a, b) => a + b, 0n);
  const taxes = doc.taxes.map((t) => ({ ...t, amount: taxOf(net, t.rateMilli) }));
  const tax = taxes.reduce((a, t) => a + t.amount, 0n);
  return { lineTotals, net, taxes, tax, gross: net + tax };
}

const decimal = (cents: bigint) => {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

export function truthOf(doc: Doc): Truth {
  const a = amountsOf(doc);
  const truth: Truth = {
    supplierName: doc.seller.name,
    invoiceNumber: doc.number,
    invoiceDate: doc.issued,
    currency: doc.currency,
    subtotal: decimal(a.net),
    totalTax: decimal(a.tax),
    total: decimal(a.gross),
    documentType: doc.template.kind,
  };
  if (doc.due) truth.dueDate = doc.due;
  if (doc.template.kind !== 'receipt') truth.buyerName = doc.buyer.name;
  if (doc.template.country === 'CA') truth.supplierGst = doc.seller.taxId;
  else truth.supplierVat = doc.seller.taxId;
  if (doc.seller.iban && doc.template.kind !== 'receipt') truth.supplierIban = doc.seller.iban;
  return truth;
}

const MONTHS: Record<Lang, string[]> = {
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
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  it: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
};

function showDate(iso: string, lang: Lang, long: boolean): string {
  const [y, m, d] = iso.split('-');
  const month = MONTHS[lang][Number(m) - 1]!;
  if (long)
    return {
      fr: `${Number(d)} ${month} ${y}`,
      en: `${month} ${Number(d)}, ${y}`,
      de: `${Number(d)}. ${month} ${y}`,
      es: `${Number(d)} de ${month} de ${y}`,
      it: `${Number(d)} ${month} ${y}`,
      nl: `${Number(d)} ${month} ${y}`,
    }[lang];
  return {
    fr: `${d}/${m}/${y}`,
    en: iso,
    de: `${d}.${m}.${y}`,
    es: `${d}/${m}/${y}`,
    it: `${d}/${m}/${y}`,
    nl: `${d}-${m}-${y}`,
  }[lang];
}

function money(cents: bigint, doc: Doc): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = String(abs / 100n);
  const frac = String(abs % 100n).padStart(2, '0');
  const lang = doc.template.lang;
  if (doc.currency === 'CAD') {
    if (lang === 'fr') return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${frac} $`;
    return `${negative ? '-' : ''}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
  }
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? ' ' : '.');
  return lang === 'nl' ? `€ ${negative ? '-' : ''}${grouped},${frac}` : `${negative ? '-' : ''}${grouped},${frac} €`;
}

const L: Record<Lang, Record<string, string>> = {
  fr: {
    recNo: 'Ticket n°',
    invoice: 'FACTURE',
    credit_note: 'AVOIR',
    receipt: 'TICKET DE CAISSE',
    number: 'Facture n°',
    cnNumber: 'Avoir n°',
    date: 'Date de facture',
    due: 'Échéance',
    delivered: 'Date de livraison',
    billTo: 'Facturé à',
    ref: 'Facture d’origine n°',
    net: 'Total HT',
    gross: 'Total TTC',
    pay: 'Net à payer',
    qty: 'Qté',
    desc: 'Désignation',
    unit: 'Prix unitaire',
    amount: 'Montant',
    taxId: 'N° TVA',
    buyerTax: 'TVA client',
    page: 'Page',
    phone: 'Tél.',
    printed: 'Imprimé le',
    thanks: 'Merci de votre visite',
    cashier: 'Caissier : Julie',
    recDate: 'Date',
    taxLabel: 'dont TVA',
  },
  en: {
    recNo: 'Receipt #',
    invoice: 'INVOICE',
    credit_note: 'CREDIT MEMO',
    receipt: 'RECEIPT',
    number: 'Invoice No.',
    cnNumber: 'Credit memo #',
    date: 'Invoice date',
    due: 'Due date',
    delivered: 'Ship date',
    billTo: 'Bill to',
    ref: 'Applies to invoice',
    net: 'Subtotal',
    gross: 'Total',
    pay: 'Amount due',
    qty: 'Qty',
    desc: 'Description',
    unit: 'Unit price',
    amount: 'Amount',
    taxId: 'GST/HST No.',
    buyerTax: 'Customer VAT',
    page: 'Page',
    phone: 'Tel.',
    printed: 'Printed on',
    thanks: 'Thank you for shopping with us',
    cashier: 'Cashier: Tom',
    recDate: 'Date',
    taxLabel: 'GST',
  },
  de: {
    recNo: 'Bon-Nr.',
    invoice: 'RECHNUNG',
    credit_note: 'GUTSCHRIFT',
    receipt: 'KASSENBON',
    number: 'Rechnungsnummer',
    cnNumber: 'Gutschrift Nr.',
    date: 'Rechnungsdatum',
    due: 'Zahlbar bis',
    delivered: 'Lieferdatum',
    billTo: 'Rechnungsempfänger',
    ref: 'Bezug Rechnung',
    net: 'Nettobetrag',
    gross: 'Gesamtbetrag',
    pay: 'Zahlbetrag',
    qty: 'Menge',
    desc: 'Beschreibung',
    unit: 'Einzelpreis',
    amount: 'Betrag',
    taxId: 'USt-IdNr.',
    buyerTax: 'Ihre USt-IdNr.',
    page: 'Seite',
    phone: 'Telefon',
    printed: 'Druckdatum',
    thanks: 'Vielen Dank für Ihren Einkauf',
    cashier: 'Es bediente Sie: Anna',
    recDate: 'Datum',
    taxLabel: 'MwSt.',
  },
  es: {
    recNo: 'Ticket n.º',
    invoice: 'FACTURA',
    credit_note: 'FACTURA RECTIFICATIVA',
    receipt: 'TICKET',
    number: 'Número de factura',
    cnNumber: 'Factura rectificativa n.º',
    date: 'Fecha de factura',
    due: 'Fecha de vencimiento',
    delivered: 'Fecha de entrega',
    billTo: 'Cliente',
    ref: 'Factura original',
    net: 'Base imponible',
    gross: 'Total factura',
    pay: 'Total a pagar',
    qty: 'Cantidad',
    desc: 'Descripción',
    unit: 'Precio',
    amount: 'Importe',
    taxId: 'NIF',
    buyerTax: 'NIF cliente',
    page: 'Página',
    phone: 'Teléfono',
    printed: 'Fecha de impresión',
    thanks: 'Gracias por su visita',
    cashier: 'Le atendió: Carmen',
    recDate: 'Fecha',
    taxLabel: 'IVA',
  },
  it: {
    recNo: 'Scontrino n.',
    invoice: 'FATTURA',
    credit_note: 'NOTA DI CREDITO',
    receipt: 'SCONTRINO',
    number: 'Fattura n.',
    cnNumber: 'Nota di credito n.',
    date: 'Data fattura',
    due: 'Scadenza',
    delivered: 'Data consegna',
    billTo: 'Spett.le',
    ref: 'Fattura di riferimento',
    net: 'Imponibile',
    gross: 'Totale documento',
    pay: 'Netto a pagare',
    qty: 'Quantità',
    desc: 'Descrizione',
    unit: 'Prezzo unitario',
    amount: 'Importo',
    taxId: 'P. IVA',
    buyerTax: 'P. IVA cliente',
    page: 'Pagina',
    phone: 'Tel.',
    printed: 'Data stampa',
    thanks: 'Grazie e arrivederci',
    cashier: 'Operatore: Luca',
    recDate: 'Data',
    taxLabel: 'IVA',
  },
  nl: {
    recNo: 'Bonnummer',
    invoice: 'FACTUUR',
    credit_note: 'CREDITNOTA',
    receipt: 'KASSABON',
    number: 'Factuurnummer',
    cnNumber: 'Creditnota nr.',
    date: 'Factuurdatum',
    due: 'Vervaldatum',
    delivered: 'Leverdatum',
    billTo: 'Factuur aan',
    ref: 'Betreft factuur',
    net: 'Subtotaal',
    gross: 'Totaal',
    pay: 'Te betalen',
    qty: 'Aantal',
    desc: 'Omschrijving',
    unit: 'Prijs',
    amount: 'Bedrag',
    taxId: 'BTW-nummer',
    buyerTax: 'BTW-nummer klant',
    page: 'Pagina',
    phone: 'Telefoon',
    printed: 'Afgedrukt op',
    thanks: 'Bedankt voor uw bezoek',
    cashier: 'Kassa 2',
    recDate: 'Datum',
    taxLabel: 'BTW',
  },
};

const rateText = (milli: number, lang: Lang) => {
  const whole = Math.floor(milli / 1000);
  const frac = String(milli % 1000).replace(/0+$/, '');
  const sep = lang === 'en' ? '.' : ',';
  return `${whole}${frac ? `${sep}${frac}` : ''} %`;
};

/** Renders a document to a born-digital PDF. */
export function renderDoc(doc: Doc): Promise<Buffer> {
  const t = doc.template;
  const w = L[t.lang];
  const a = amountsOf(doc);
  const pdf = new PDFDocument({ size: t.kind === 'receipt' ? [260, 560 + doc.lines.length * 16] : 'A4', margin: 30 });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  const long = doc.id.endsWith('2') || doc.id.endsWith('5');
  const date = (iso: string) => showDate(iso, t.lang, long);

  if (t.kind === 'receipt') {
    let y = 20;
    const line = (text: string, bold = false, size = 9) => {
      pdf
        .font(bold ? 'Courier-Bold' : 'Courier')
        .fontSize(size)
        .text(text, 20, y, { width: 220, align: 'left' });
      y += size + 5;
    };
    line(doc.seller.name.toUpperCase(), true, 11);
    line(doc.seller.street);
    line(doc.seller.city);
    line(`${w.phone!} 01.45.22.${30 + (doc.lines.length % 60)}.18`);
    line(`${t.country === 'CA' ? w.taxId : w.taxId!} ${doc.seller.taxId}`);
    line(w.receipt!, true);
    line(`${w.recNo!} ${doc.number}`);
    line(`${w.recDate!}: ${date(doc.issued)}  14:32`);
    line(w.cashier!);
    for (const [i, l] of doc.lines.entries())
      line(`${l.quantity} x ${l.description.slice(0, 16).padEnd(16)} ${money(a.lineTotals[i]!, doc)}`);
    line(`${w.net!} ${money(a.net, doc)}`);
    for (const tax of a.taxes) line(`${tax.name} ${rateText(tax.rateMilli, t.lang)} ${money(tax.amount, doc)}`);
    line(`${w.gross!.toUpperCase()} ${money(a.gross, doc)}`, true, 11);
    line(w.thanks!);
    pdf.end();
    return done;
  }

  const sellerX = t.style === 'right' ? 330 : 40;
  const metaX = t.style === 'right' ? 40 : 330;
  let top = 40;
  if (t.style === 'title') {
    pdf.font('Helvetica-Bold').fontSize(22).text(w[t.kind]!, 40, 30);
    top = 70;
  }
  pdf
    .font('Helvetica')
    .fontSize(8)
    .text(`${w.printed} ${date(addDays(doc.issued, -30))}`, 420, 15);
  pdf.font('Helvetica-Bold').fontSize(13).text(doc.seller.name, sellerX, top, { width: 220 });
  pdf.font('Helvetica').fontSize(9).text(doc.seller.street).text(doc.seller.city);
  pdf.text(`${w.phone} +${t.country === 'CA' ? '1 514 555' : '33 1 45 22'} 30 18`);
  if (t.style !== 'title') pdf.font('Helvetica-Bold').fontSize(18).text(w[t.kind]!, metaX, top);
  const numberLabel = t.kind === 'credit_note' ? w.cnNumber : w.number;
  pdf.font('Helvetica').fontSize(10);
  pdf.text(`${numberLabel}: ${doc.number}`, metaX, top + 28);
  pdf.text(`${w.date}: ${date(doc.issued)}`);
  if (doc.delivered) pdf.text(`${w.delivered}: ${date(doc.delivered)}`);
  if (doc.due) pdf.text(`${w.due}: ${date(doc.due)}`);
  if (doc.reference) pdf.text(`${w.ref} ${doc.reference}`);
  pdf.font('Helvetica-Bold').text(`${w.billTo}:`, metaX, top + 110);
  pdf.font('Helvetica').text(doc.buyer.name).text(doc.buyer.street).text(doc.buyer.city);
  if (doc.buyer.taxId) pdf.text(`${w.buyerTax}: ${doc.buyer.taxId}`);

  let y = top + 190;
  const header = () => {
    pdf.font('Helvetica-Bold').fontSize(9);
    pdf.text(w.desc!, 40, y).text(w.qty!, 300, y).text(w.unit!, 360, y).text(w.amount!, 470, y);
    pdf.font('Helvetica');
    y += 18;
  };
  header();
  const perPage = t.pages === 2 ? Math.ceil(doc.lines.length / 2) : doc.lines.length;
  for (const [i, l] of doc.lines.entries()) {
    if (i === perPage && t.pages === 2) {
      pdf.fontSize(8).text(`${w.page} 1 / 2`, 40, 800);
      pdf.addPage();
      y = 40;
      header();
    }
    pdf.fontSize(9).text(l.description, 40, y, { width: 250, lineBreak: false });
    pdf
      .text(String(l.quantity), 300, y)
      .text(money(l.unitCents, doc), 360, y)
      .text(money(a.lineTotals[i]!, doc), 470, y);
    y += 15;
  }
  y += 12;
  const row = (label: string, value: string, bold = false) => {
    pdf
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10)
      .text(label, 330, y)
      .text(value, 470, y);
    y += 15;
  };
  row(w.net!, money(a.net, doc));
  for (const tax of a.taxes) row(`${tax.name} ${rateText(tax.rateMilli, t.lang)}`, money(tax.amount, doc));
  row(t.style === 'left' ? w.pay! : w.gross!, money(a.gross, doc), true);
  y += 20;
  pdf.font('Helvetica').fontSize(8).text(`${w.taxId}: ${doc.seller.taxId}`, 40, y);
  if (doc.seller.iban) pdf.text(`IBAN: ${doc.seller.iban.replace(/(.{4})(?=.)/g, '$1 ')}`);
  if (t.pages === 2) pdf.text(`${w.page} 2 / 2`, 40, 800);
  pdf.end();
  return done;
}

export interface ScanStyle {
  rotate: number;
  blur: number;
  noise: number;
  width: number;
  quality: number;
}

/** Scans a PDF for real: each page rasterised, skewed, speckled, JPEG-compressed, then wrapped in a PDF without text. */
export async function scanDoc(pdf: Buffer, style: ScanStyle, seed = 7): Promise<Buffer> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const shot = await parser.getScreenshot({ desiredWidth: style.width, imageBuffer: true, imageDataUrl: false });
  await parser.destroy();
  const next = random(seed);
  const pages: { jpeg: Buffer; width: number; height: number }[] = [];
  for (const page of shot.pages) {
    const png = Buffer.from(page.data);
    const meta = await sharp(png).metadata();
    const [width, height] = [meta.width!, meta.height!];
    const speckles = Buffer.alloc(width * height, 255);
    for (let i = 0; i < speckles.length; i++) if (next() < style.noise) speckles[i] = Math.floor(next() * 200);
    let image = sharp(
      await sharp(png)
        .flatten({ background: '#ffffff' })
        .greyscale()
        .composite([{ input: speckles, raw: { width, height, channels: 1 }, blend: 'darken' }])
        .png()
        .toBuffer(),
    );
    if (style.blur > 0) image = image.blur(style.blur);
    if (style.rotate !== 0) image = image.rotate(style.rotate, { background: '#ffffff' });
    const jpeg = await image.jpeg({ quality: style.quality }).toBuffer();
    const m = await sharp(jpeg).metadata();
    pages.push({ jpeg, width: m.width!, height: m.height! });
  }
  if (pages.length === 1) return pages[0]!.jpeg;
  const out = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => out.on('end', () => resolve(Buffer.concat(chunks))));
  for (const page of pages) {
    const size: [number, number] = [page.width * 0.36, page.height * 0.36];
    out.addPage({ size, margin: 0 });
    out.image(page.jpeg, 0, 0, { width: size[0], height: size[1] });
  }
  out.end();
  return done;
}
