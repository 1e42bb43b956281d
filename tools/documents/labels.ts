/**
 * The words bills use for each field, in the six languages our users receive bills in: French,
 * English, German, Spanish, Italian and Dutch. `VOCABULARY` is the one table: every label regex the
 * parser uses is built from it below, so a missed label is a one-line fix in one place, tested by
 * tests/unit/documents/labels.test.ts. Entries are regex fragments, matched case-insensitively
 * with Unicode letters, never inside a longer word.
 */

export const BILL_LANGS = ['fr', 'en', 'de', 'es', 'it', 'nl'] as const;
export type BillLang = (typeof BILL_LANGS)[number];

type Words = Record<BillLang, string[]>;

export const VOCABULARY = {
  /** The label that precedes an invoice's own number ("Invoice No.", "Rechnungsnummer"). */
  invoiceNumber: {
    fr: [
      'facture\\s*(?:n[o°º]\\.?|num[ée]ro|#)?',
      'n[o°º]\\.?\\s*(?:de\\s+(?:la\\s+)?)?facture',
      'num[ée]ro\\s+de\\s+facture',
      're[çc]u\\s*(?:n[o°º]\\.?|#)?',
      'ticket\\s*(?:de\\s+caisse\\s*)?n[o°º]\\.?',
    ],
    en: [
      'invoice\\s*(?:no\\.?|nr\\.?|number|num\\.?|#|id)?',
      'bill\\s*(?:no\\.?|number|#)',
      '(?:no\\.?|number|#)\\s*(?:of\\s+)?invoice',
      'receipt\\s*(?:no\\.?|number|#)',
      'transaction\\s*(?:no\\.?|#)',
    ],
    de: [
      'rechnungs?\\s*-?\\s*(?:nummer|nr\\.?|no\\.?)',
      'rechnung\\s*(?:nr\\.?|nummer)?',
      '(?:bon|beleg|kassenbon)\\s*-?\\s*(?:nr\\.?|nummer)',
    ],
    es: [
      'factura\\s*(?:n[º°o]\\.?|n[úu]m\\.?|n[úu]mero)?',
      'n[úu]mero\\s+de\\s+factura',
      'n[º°o]\\.?\\s+(?:de\\s+)?factura',
      '(?:ticket|recibo)\\s*n\\.?\\s*[º°o]\\.?',
    ],
    it: [
      'fattura\\s*(?:n[°º.]?|nr\\.?|numero)?',
      'numero\\s+(?:di\\s+)?fattura',
      'n[°º.]\\s*fattura',
      'scontrino\\s*n[°º.]?',
    ],
    nl: ['factuur\\s*(?:nummer|nr\\.?|no\\.?)?', 'factuurnummer', 'factuurnr\\.?', 'bonnummer', 'bon\\s*nr\\.?'],
  },
  /** The label of a credit note's own number: tried before the invoice labels on a credit note. */
  creditNoteNumber: {
    fr: [
      'avoir\\s*(?:n[o°º]\\.?|num[ée]ro|#)?',
      'facture\\s+d[\\x27’]avoir\\s*(?:n[o°º]\\.?)?',
      'note\\s+de\\s+cr[ée]dit\\s*(?:n[o°º]\\.?)?',
    ],
    en: ['credit\\s+(?:note|memo)\\s*(?:no\\.?|number|#)?'],
    de: ['gutschrift(?:s-?nummer|\\s*nr\\.?|\\s*nummer)?', 'rechnungskorrektur\\s*(?:nr\\.?)?'],
    es: ['(?:nota\\s+de\\s+cr[ée]dito|factura\\s+rectificativa|abono)\\s*(?:n[º°o]\\.?|n[úu]mero)?'],
    it: ['nota\\s+(?:di\\s+)?credito\\s*(?:n[°º.]?|nr\\.?|numero)?'],
    nl: ['creditnota\\s*(?:nummer|nr\\.?)?', 'creditfactuur\\s*(?:nummer|nr\\.?)?'],
  },
  /** A reference to another invoice (the one a credit note corrects): never the document's own number. */
  invoiceReference: {
    fr: [
      'facture\\s+(?:d[\\x27’]origine|initiale|de\\s+r[ée]f[ée]rence|concern[ée]e|rectifi[ée]e|corrig[ée]e)',
      'r[ée]f(?:[ée]rence)?\\.?\\s+(?:de\\s+la\\s+)?facture',
      'sur\\s+(?:la\\s+)?facture',
    ],
    en: [
      '(?:original|related|referenced?|corrected)\\s+invoice',
      'invoice\\s+ref(?:erence)?',
      'against\\s+invoice',
      'applies\\s+to\\s+invoice',
      'for\\s+invoice',
      'ref(?:erence)?\\s*:?\\s+invoice',
    ],
    de: ['(?:ursprungs|original)rechnung', 'bezug(?:\\s+auf)?(?:\\s+rechnung)?', 'zu\\s+rechnung'],
    es: ['factura\\s+(?:original|rectificada|de\\s+referencia)'],
    it: ['fattura\\s+(?:originale|di\\s+riferimento|rettificata)', 'rif\\.?\\s+fattura'],
    nl: ['(?:oorspronkelijke|originele)\\s+factuur', 'betreft\\s+factuur'],
  },
  /** The issue date. */
  invoiceDate: {
    fr: [
      'date\\s+(?:de\\s+(?:la\\s+)?)?facture',
      'date\\s+de\\s+facturation',
      'date\\s+d[\\x27’]?[ée]mission',
      'factur[ée]e?\\s+le',
      '[ée]mise?\\s+le',
    ],
    en: [
      'invoice\\s+date',
      'date\\s+of\\s+(?:invoice|issue)',
      'issue\\s+date',
      'date\\s+issued',
      'issued(?:\\s+on)?',
      'billing\\s+date',
      'tax\\s+point',
    ],
    de: ['rechnungsdatum', 'ausstellungsdatum', 'belegdatum', 'datum\\s+der\\s+rechnung'],
    es: ['fecha\\s+(?:de\\s+)?(?:la\\s+)?factura', 'fecha\\s+de\\s+(?:emisi[óo]n|expedici[óo]n)'],
    it: ['data\\s+(?:della\\s+)?fattura', 'data\\s+(?:di\\s+)?emissione', 'data\\s+documento'],
    nl: ['factuurdatum', 'datum\\s+factuur', 'uitgiftedatum'],
  },
  /** A bare "Date": an issue date only when nothing more specific is printed. */
  plainDate: {
    fr: ['date'],
    en: ['date', 'dated'],
    de: ['datum'],
    es: ['fecha'],
    it: ['data'],
    nl: ['datum'],
  },
  dueDate: {
    fr: [
      'date\\s+d[\\x27’][ée]ch[ée]ance',
      '[ée]ch[ée]ance',
      'date\\s+limite(?:\\s+de\\s+(?:paiement|r[èe]glement))?',
      '[àa]\\s+payer\\s+(?:avant|au\\s+plus\\s+tard)\\s+le',
      'payable\\s+(?:avant\\s+le|le|au)',
      '[àa]\\s+r[ée]gler\\s+avant\\s+le',
    ],
    en: [
      'due\\s+date',
      'payment\\s+due(?:\\s+date)?',
      'due\\s+(?:on|by)',
      'pay(?:able)?\\s+by',
      'payable\\s+on',
      'due',
    ],
    de: [
      'f[äa]lligkeit(?:sdatum)?',
      'f[äa]llig\\s+(?:am|bis)',
      'zahlbar\\s+bis(?:\\s+zum)?',
      'zahlungsziel',
      'zu\\s+zahlen\\s+bis',
    ],
    es: ['fecha\\s+de\\s+vencimiento', 'vencimiento', 'vence\\s+el', 'pagadero\\s+(?:antes\\s+del|el)'],
    it: ['(?:data\\s+(?:di\\s+)?)?scadenza', 'da\\s+pagare\\s+entro(?:\\s+il)?', 'pagabile\\s+entro'],
    nl: ['vervaldatum', 'uiterste\\s+betaaldatum', 'te\\s+betalen\\s+(?:voor|v[óo][óo]r|uiterlijk)', 'betalen\\s+voor'],
  },
  /** Dates with another role: delivery, order, shipping, printing, version. Their dates are never the issue date. */
  otherDate: {
    fr: [
      'date\\s+de\\s+(?:livraison|commande|exp[ée]dition|prestation|impression|d[ée]but|fin)',
      'livr[ée]e?\\s+le',
      'command[ée]e?\\s+le',
      'imprim[ée]e?\\s+le',
      'version\\s+du',
      'p[ée]riode',
    ],
    en: [
      '(?:delivery|order|ship(?:ping|ment)?|service|print(?:ed)?|dispatch|start|end)\\s+date',
      'printed(?:\\s+on)?',
      'shipped(?:\\s+on)?',
      'delivered(?:\\s+on)?',
      'ordered(?:\\s+on)?',
      'version',
      'period',
    ],
    de: [
      'lieferdatum',
      'leistungsdatum',
      'bestelldatum',
      'auftragsdatum',
      'versanddatum',
      'druckdatum',
      'leistungszeitraum',
      'lieferung\\s+am',
    ],
    es: ['fecha\\s+de\\s+(?:entrega|pedido|env[íi]o|servicio)', 'periodo'],
    it: ['data\\s+(?:di\\s+)?(?:consegna|ordine|spedizione|stampa)', 'periodo'],
    nl: ['leverdatum', 'leveringsdatum', 'besteldatum', 'orderdatum', 'verzenddatum', 'periode'],
  },
  /** Net amount, before tax. */
  subtotal: {
    fr: [
      'sous[- ]?total',
      'total\\s+(?:h\\.?\\s?t\\.?|hors\\s+tax(?:e|es)?|avant\\s+taxes)',
      'montant\\s+(?:h\\.?\\s?t\\.?|hors\\s+taxes|net)',
      'avant\\s+taxes',
      'base\\s+(?:ht|imposable)',
      'total\\s+net',
      'total\\s+sans\\s+(?:tva|taxes?)',
    ],
    en: [
      'sub[- ]?total',
      '(?:total|amount)\\s+(?:excl(?:\\.|uding)?|without|before|net\\s+of|ex\\.?)\\s+(?:tax(?:es)?|vat|gst|hst)',
      'net\\s+(?:amount|total)',
      'total\\s+net',
      'taxable\\s+amount',
    ],
    de: [
      'zwischensumme',
      'nettobetrag',
      'netto(?:summe|betrag)?',
      'summe\\s+netto',
      'gesamt\\s+netto',
      'rechnungsbetrag\\s+netto',
      'warenwert',
      '(?:summe|betrag|gesamt(?:betrag)?)\\s+ohne\\s+(?:mwst|ust)\\.?',
    ],
    es: ['subtotal', 'base\\s+imponible', 'importe\\s+neto', 'total\\s+sin\\s+iva', 'neto'],
    it: [
      'subtotale',
      'imponibile',
      'totale\\s+imponibile',
      'totale\\s+netto',
      'importo\\s+netto',
      'totale\\s+senza\\s+iva',
    ],
    nl: [
      'subtotaal',
      'totaal\\s+excl(?:\\.|usief)?\\s+btw',
      'netto\\s*bedrag',
      'bedrag\\s+excl(?:\\.|usief)?\\s+btw',
      'totaal\\s+netto',
      'totaal\\s+zonder\\s+btw',
    ],
  },
  /** Total tax: a line that sums the taxes, not one tax at a rate. */
  totalTax: {
    fr: [
      'total\\s+(?:des\\s+)?tax(?:es)?',
      'total\\s+(?:tva|tps|tvq|tvh)',
      'montant\\s+(?:de\\s+la\\s+)?tva',
      'taxes\\s+totales',
    ],
    en: [
      'total\\s+(?:tax(?:es)?|vat|gst|hst|qst|pst)',
      'tax(?:es)?\\s+total',
      'sales\\s+tax(?:es)?',
      'vat\\s+amount',
      'tax\\s+amount',
    ],
    de: [
      '(?:gesamt\\s*)?(?:mwst|ust)\\.?\\s*-?\\s*betrag',
      'summe\\s+(?:mwst|ust)',
      'umsatzsteuer\\s*(?:betrag)?',
      'mehrwertsteuer\\s*(?:betrag)?',
    ],
    es: ['total\\s+iva', 'cuota\\s+(?:de\\s+)?iva', 'importe\\s+(?:del\\s+)?iva'],
    it: ['totale\\s+iva', 'importo\\s+iva', 'iva\\s+totale'],
    nl: ['totaal\\s+btw', 'btw[- ]?bedrag', 'bedrag\\s+btw'],
  },
  /** The amount still to pay (after deposits and credits). */
  amountDue: {
    fr: [
      'montant\\s+d[ûu]',
      'solde\\s+d[ûu]',
      'net\\s+[àa]\\s+payer',
      'somme\\s+[àa]\\s+payer',
      'reste\\s+[àa]\\s+payer',
      'montant\\s+[àa]\\s+payer',
      'total\\s+[àa]\\s+payer',
      '[àa]\\s+payer',
    ],
    en: [
      'amount\\s+due',
      'balance\\s+due',
      'total\\s+due',
      'amount\\s+payable',
      'amount\\s+to\\s+pay',
      'please\\s+pay',
      'to\\s+pay',
    ],
    de: [
      'zahlbetrag',
      'zu\\s+zahlen(?:der\\s+betrag)?',
      'offener\\s+betrag',
      'f[äa]lliger\\s+betrag',
      'zahlungsbetrag',
    ],
    es: ['total\\s+a\\s+pagar', 'importe\\s+a\\s+pagar', 'a\\s+pagar', 'saldo\\s+pendiente'],
    it: ['totale\\s+da\\s+pagare', 'netto\\s+a\\s+pagare', 'importo\\s+da\\s+pagare', 'da\\s+pagare'],
    nl: ['te\\s+betalen(?:\\s+bedrag)?', 'openstaand\\s+bedrag', 'totaal\\s+te\\s+betalen'],
  },
  /** Gross total, taxes included. "Total" alone comes last and counts for less. */
  total: {
    fr: [
      'total\\s+t\\.?\\s?t\\.?\\s?c\\.?',
      'montant\\s+t\\.?\\s?t\\.?\\s?c\\.?',
      'total\\s+(?:de\\s+la\\s+)?facture',
      'montant\\s+total',
      'total\\s+g[ée]n[ée]ral',
      'total',
    ],
    en: [
      'grand\\s+total',
      'total\\s+(?:amount|incl(?:\\.|uding)?\\s+(?:tax(?:es)?|vat|gst|hst))',
      'invoice\\s+(?:total|amount)',
      'total\\s+for\\s+this\\s+invoice',
      'total',
    ],
    de: [
      'gesamtbetrag',
      'bruttobetrag',
      'rechnungsbetrag(?:\\s+brutto)?',
      'summe\\s+brutto',
      'gesamt\\s+brutto',
      'gesamtsumme',
      'endbetrag',
      'summe',
      'gesamt',
    ],
    es: ['total\\s+(?:factura|con\\s+iva|iva\\s+incluido)', 'importe\\s+total', 'total'],
    it: ['totale\\s+(?:fattura|documento|iva\\s+inclusa|ivato)', 'importo\\s+totale', 'totale'],
    nl: ['totaal\\s+incl(?:\\.|usief)?\\s+btw', 'totaalbedrag', 'factuurbedrag', 'totaal'],
  },
  /** Cash rounding ("Arrondi", "Rounding"): the total after it is the one to pay. */
  rounding: {
    fr: ['arrondi(?:\\s+de\\s+caisse)?'],
    en: ['rounding(?:\\s+adjustment)?', 'round(?:ed)?\\s+off'],
    de: ['rundung(?:sdifferenz)?'],
    es: ['redondeo'],
    it: ['arrotondamento'],
    nl: ['afronding(?:sverschil)?'],
  },
  /** Words that start the seller's block. */
  seller: {
    fr: ['fournisseur', 'vendeur', '[ée]metteur', 'prestataire'],
    en: ['from', 'vendor', 'supplier', 'seller', 'sold\\s+by', 'service\\s+provider', 'merchant'],
    de: ['lieferant', 'verk[äa]ufer', 'rechnungssteller', 'absender'],
    es: ['proveedor', 'vendedor', 'emisor'],
    it: ['fornitore', 'venditore', 'cedente(?:\\s*/\\s*prestatore)?', 'prestatore'],
    nl: ['leverancier', 'verkoper', 'afzender'],
  },
  /** Words that start the buyer's block: the seller is never inside it. */
  buyer: {
    fr: [
      'factur[ée]e?\\s+[àa]',
      'livr[ée]e?\\s+[àa]',
      'adress[ée]e?\\s+[àa]',
      'destinataire',
      'client',
      'acheteur',
      'adresse\\s+de\\s+facturation',
    ],
    en: [
      'bill(?:ed)?\\s+to',
      'sold\\s+to',
      'ship(?:ped)?\\s+to',
      'invoice\\s+to',
      'customer',
      'client',
      'buyer',
      'billing\\s+address',
    ],
    de: [
      'rechnungsempf[äa]nger',
      'rechnungsadresse',
      'lieferadresse',
      'kunde',
      'empf[äa]nger',
      'auftraggeber',
      'k[äa]ufer',
    ],
    es: ['facturar\\s+a', 'cliente', 'destinatario', 'comprador', 'enviar\\s+a'],
    it: [
      'cliente',
      'destinatario',
      'committente',
      'cessionario(?:\\s*/\\s*committente)?',
      'spett\\.?(?:le|abile)',
      'fatturare\\s+a',
    ],
    nl: ['factuur\\s+aan', 'klant', 'afnemer', 'koper', 'geadresseerde', 'factuuradres', 'afleveradres'],
  },
  /** A label that says a tax number is the buyer's. */
  buyerTaxId: {
    fr: [
      '(?:n[o°º]\\s+)?tva\\s+(?:intracom(?:munautaire)?\\s+)?(?:du\\s+)?client',
      'votre\\s+n[o°º]\\s+(?:de\\s+)?tva',
    ],
    en: ['(?:customer|buyer|client)(?:[’\\x27]s)?\\s+(?:vat|tax|gst)', 'your\\s+(?:vat|tax|gst)'],
    de: [
      'ihre\\s+(?:ust|mwst)',
      '(?:ust|mwst)[- .]*id(?:nr)?\\.?\\s+(?:des\\s+)?(?:kunden|empf[äa]ngers)',
      'kunden[- ]?(?:ust|mwst)',
    ],
    es: ['nif\\s+(?:del\\s+)?cliente', 'cif\\s+(?:del\\s+)?cliente'],
    it: ['p\\.?\\s*iva\\s+(?:del\\s+)?(?:cliente|committente)'],
    nl: ['btw[- ]?(?:nummer|nr\\.?)\\s+(?:van\\s+de\\s+)?(?:klant|afnemer)', 'uw\\s+btw'],
  },
  /** Document titles: what kind of document this says it is. */
  invoiceTitle: {
    fr: ['facture'],
    en: ['invoice', 'tax\\s+invoice', 'bill'],
    de: ['rechnung'],
    es: ['factura'],
    it: ['fattura'],
    nl: ['factuur'],
  },
  creditNoteTitle: {
    fr: ['avoir', 'facture\\s+d[\\x27’]avoir', 'note\\s+de\\s+cr[ée]dit'],
    en: ['credit\\s+note', 'credit\\s+memo'],
    de: ['gutschrift', 'rechnungskorrektur', 'stornorechnung'],
    es: ['nota\\s+de\\s+cr[ée]dito', 'factura\\s+rectificativa', 'abono'],
    it: ['nota\\s+(?:di\\s+)?credito'],
    nl: ['creditnota', 'creditfactuur'],
  },
  receiptTitle: {
    fr: ['re[çc]u', 'ticket(?:\\s+de\\s+caisse)?', 'caisse'],
    en: ['receipt', 'sales\\s+receipt', 'cash\\s+receipt', 'till'],
    de: ['kassenbon', 'quittung', 'kassenbeleg', 'bon'],
    es: ['ticket', 'recibo', 'factura\\s+simplificada'],
    it: ['scontrino(?:\\s+fiscale)?', 'ricevuta', 'documento\\s+commerciale'],
    nl: ['kassabon', 'bon', 'kwitantie'],
  },
  /** Words of a till receipt that are not the merchant: the cashier, the till, the card slip. */
  receiptNoise: {
    fr: ['caissi[eè]re?', 'vendeur', 'caisse', 'transaction', 'carte', 'terminal', 'merci'],
    en: ['cashier', 'served\\s+by', 'server', 'register', 'till', 'transaction', 'card', 'terminal', 'thank'],
    de: ['kassierer(?:in)?', 'es\\s+bediente', 'kasse', 'danke', 'karte'],
    es: ['cajer[oa]', 'le\\s+atendi[óo]', 'caja', 'gracias', 'tarjeta'],
    it: ['cassier[ea]', 'operatore', 'cassa', 'grazie', 'carta'],
    nl: ['kassa', 'kassier', 'u\\s+werd\\s+geholpen\\s+door', 'bedankt', 'pin'],
  },
} satisfies Record<string, Words>;

export type Role = keyof typeof VOCABULARY;

/** One role's words in every language, longest first so "total TTC" wins over "total". */
export function labelSource(role: Role): string {
  const all = BILL_LANGS.flatMap((lang) => (VOCABULARY[role] as Words)[lang]);
  return [...new Set(all)].sort((a, b) => b.length - a.length).join('|');
}

/** A role's label as a regex, never inside a longer word; group 1 is the label printed. */
export function labelRegex(role: Role, flags = ''): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(${labelSource(role)})(?![\\p{L}\\p{N}])`, `iu${flags}`);
}

/** Which language a role's label belongs to (the first language that has it). */
export function langsOf(role: Role, printed: string): BillLang[] {
  return BILL_LANGS.filter((lang) =>
    (VOCABULARY[role] as Words)[lang].some((w) => new RegExp(`^(?:${w})$`, 'iu').test(printed.trim())),
  );
}

export type AmountLabel = 'subtotal' | 'total' | 'amountDue' | 'totalTax' | 'rounding';

/** Order matters: the first matching label wins (a "Sous-total" line is not a "Total" line). */
export const AMOUNT_LABELS: { label: AmountLabel; regex: RegExp }[] = [
  { label: 'rounding', regex: labelRegex('rounding') },
  { label: 'subtotal', regex: labelRegex('subtotal') },
  { label: 'totalTax', regex: labelRegex('totalTax') },
  { label: 'amountDue', regex: labelRegex('amountDue') },
  { label: 'total', regex: labelRegex('total') },
];

export type TaxCode = 'GST' | 'HST' | 'QST' | 'PST' | 'RST' | 'TVA';

const NOT_A_NUMBER_LABEL = '(?!\\s*(?:#|no\\.?|n[o°º]|nr\\.?|number|num[ée]ro|registration|d\\x27inscription)\\b)';
/** Tax names; "TVH" must be tried before "TVA"-like words, "TPS/TVH" reads as GST/HST (the rate decides). */
export const TAX_LABELS: { code: TaxCode; regex: RegExp }[] = [
  { code: 'HST', regex: new RegExp(`\\b(HST|TVH)\\b${NOT_A_NUMBER_LABEL}`, 'i') },
  { code: 'GST', regex: new RegExp(`\\b(GST|TPS)\\b${NOT_A_NUMBER_LABEL}`, 'i') },
  { code: 'QST', regex: new RegExp(`\\b(QST|TVQ)\\b${NOT_A_NUMBER_LABEL}`, 'i') },
  { code: 'PST', regex: /\b(PST|TVP)\b(?!\s*(?:#|no\.?|n[o°º]|number|num[ée]ro))/i },
  { code: 'RST', regex: /\b(RST|TVD)\b/i },
  {
    // VAT in the six languages: TVA, VAT, MwSt/USt, IVA, BTW.
    code: 'TVA',
    regex:
      /\b(TVA|VAT|BTW|MwSt|USt|IVA|Umsatzsteuer|Mehrwertsteuer)\b(?![-.]?\s*(?:#|no\.?|n[o°º]|nr\.?|number|num[ée]ro|nummer|intra|id|reg|:?\s*[A-Z]{2}\s?\d))/i,
  },
];

const VALUE = '([A-Z0-9][A-Z0-9\\-/_.]*\\d[A-Z0-9\\-/_.]*)';
/**
 * Between a number label and its value: a code in brackets ("Invoice (380) No. TX-1"), a number
 * word, a colon. A label preceded by "date" ("Date de facture 12 mars") is a date's label, not a number's.
 */
const GAP =
  '\\s*(?:\\([^)\\n]{1,12}\\)\\s*)?(?:(?:no\\.?|n[o°º]\\.?|nr\\.?|number|num[ée]ro|nummer|n[úu]mero|#)\\s*)?[:#]?\\s*(?:#\\s*)?';
const NOT_AFTER_DATE = '(?<!(?:date|fecha|data|datum)\\s+(?:(?:de|of|della|di|der)\\s+(?:la\\s+)?)?)';
const numberLabel = (role: 'invoiceNumber' | 'creditNoteNumber') =>
  new RegExp(`${NOT_AFTER_DATE}(?<![\\p{L}\\p{N}])(?:${labelSource(role)})(?![\\p{L}])${GAP}${VALUE}`, 'iu');

export const INVOICE_NUMBER = [numberLabel('invoiceNumber')];
export const CREDIT_NOTE_NUMBER = [numberLabel('creditNoteNumber')];
/** A label alone on its line (the value is on the next line or in the cell before it). */
export const INVOICE_NUMBER_LABEL = new RegExp(
  `${NOT_AFTER_DATE}(?<![\\p{L}\\p{N}])(?:${labelSource('invoiceNumber')}|${labelSource('creditNoteNumber')})\\s*(?:\\([^)]{1,12}\\)\\s*)?(?:no\\.?|n[o°º]\\.?|nr\\.?|number|#)?\\s*:?\\s*$|^\\s*#\\s*$`,
  'iu',
);
export const INVOICE_REFERENCE = labelRegex('invoiceReference');

export const INVOICE_DATE = labelRegex('invoiceDate');
export const PLAIN_DATE = labelRegex('plainDate');
export const DUE_DATE = labelRegex('dueDate');
export const OTHER_DATE = labelRegex('otherDate');

export const PAYMENT_TERMS = [
  /\b((?:net|Net|NET)\s*\d{1,3}(?:\s*(?:days|jours|j|Tage|días|giorni|dagen))?)\b/,
  /\b(\d{1,3}\s*(?:jours|days|Tage|d[íi]as|giorni|dagen)\s*(?:net(?:to)?|fin\s+de\s+mois|end\s+of\s+month)?)\b/i,
  /\b((?:payable|due)\s+(?:upon|on|sur|[àa])\s+(?:receipt|r[ée]ception))\b/i,
  /\b(?:payment\s+terms|terms|conditions\s+de\s+(?:paiement|r[èe]glement)|modalit[ée]s\s+de\s+paiement|zahlungsbedingungen|condiciones\s+de\s+pago|condizioni\s+di\s+pagamento|betalingsvoorwaarden)\s*:\s*(.{3,60})$/i,
];

/** Words that say a line is about the seller, not the buyer. */
export const SUPPLIER_LABEL = new RegExp(`^\\s*(?:${labelSource('seller')})\\s*:?\\s*(.*)$`, 'iu');
/** Words that start the buyer's block: the supplier name is never inside it. */
export const BUYER_LABEL = labelRegex('buyer');
export const BUYER_TAX_ID_LABEL = labelRegex('buyerTaxId');
/** Legal-form words that make a line look like a company name (Canada, France, Germany, Spain, Italy, Netherlands). */
export const COMPANY_FORM =
  /\b(inc\.?|ltd\.?|lt[ée]e|limited|llc|llp|corp\.?|corporation|co\.|company|compagnie|cie|enr\.?|s\.?a\.?r\.?l\.?|sas|sasu|sa|eurl|snc|gmbh|ag|kg|ohg|ug|e\.\s?k\.|b\.?v\.?|n\.?v\.?|s\.?l\.?u?|s\.?p\.?a\.?|s\.?r\.?l\.?|s\.?n\.?c\.?|s\.?e\.?n\.?c\.?|pvt\.?|vof|v\.o\.f\.)(?=\s|$|[,.])/i;
/** Lines that are document headings or labels, never a supplier's name. */
export const NOT_A_NAME = new RegExp(
  `^(?:${labelSource('invoiceTitle')}|${labelSource('creditNoteTitle')}|${labelSource('receiptTitle')}|page\\b|seite\\b|p[áa]gina\\b|pagina\\b|date\\b|datum\\b|fecha\\b|data\\b|total\\b|totale?\\b|totaal\\b|summe\\b|original|copy|copie|duplicata|statement|relev[ée]|payment\\s+receipt|www\\.|https?:|tel\\b|t[ée]l\\b|phone|fax|e-?mail|courriel|telefono|tel[ée]fono|telefoon)(?![\\p{L}])`,
  'iu',
);
/** Words of a receipt line that is not the merchant (cashier, till, card slip). */
export const RECEIPT_NOISE = labelRegex('receiptNoise');
export const CREDIT_NOTE_TITLE = labelRegex('creditNoteTitle');
export const INVOICE_TITLE = labelRegex('invoiceTitle');
export const RECEIPT_TITLE = labelRegex('receiptTitle');
/** A phone, fax or mobile label: the digits after it are never a date. */
export const PHONE_LABEL =
  /(?<![\p{L}])(t[ée]l(?:[ée]phone|efon|[ée]fono|efoon)?|phone|fax|mobile?|portable|cell|gsm|handy)(?![\p{L}])\.?/iu;

/** Canadian postal code, European postcode + city (FR/DE/ES/IT 5 digits, NL "1012 AB"), US ZIP: where an address block ends. */
export const POSTCODE_LINE =
  /\b[A-Z]\d[A-Z][ \u00a0]?\d[A-Z]\d\b|\b(?:[A-Z]-)?\d{5}\s+[A-ZÀ-Ý][\w'À-ÿ -]+|\b\d{4}\s?[A-Z]{2}\s+[A-Z][\w'À-ÿ -]+|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/;
