/**
 * The words bills use for each field, in French and English. Kept apart from the parser so a
 * missed label is a one-line fix, tested by the table in tests/unit/documents/text-fields.test.ts.
 */

export type AmountLabel = 'subtotal' | 'total' | 'amountDue' | 'totalTax';

/** Order matters: the first matching label wins (a "Sous-total" line is not a "Total" line). */
export const AMOUNT_LABELS: { label: AmountLabel; regex: RegExp }[] = [
  {
    label: 'subtotal',
    regex:
      /(?<![\p{L}\p{N}])(sub[- ]?total|sous[- ]?total|total\s+(?:h\.?t\.?|hors\s+tax(?:e|es)?|before\s+tax(?:es)?|excl(?:\.|uding)?\s+(?:tax|vat|taxes))|montant\s+(?:h\.?t\.?|hors\s+taxes)|(?:amount|total)\s+(?:before|excluding)\s+tax(?:es)?|net\s+amount|avant\s+taxes)(?![\p{L}\p{N}])/iu,
  },
  {
    label: 'totalTax',
    regex:
      /(?<![\p{L}\p{N}])(total\s+(?:des\s+)?tax(?:es)?|total\s+tva|total\s+vat|montant\s+(?:de\s+la\s+)?tva|tax(?:es)?\s+total|sales\s+tax(?:es)?)(?![\p{L}\p{N}])/iu,
  },
  {
    label: 'amountDue',
    regex:
      /(?<![\p{L}\p{N}])(amount\s+due|balance\s+due|total\s+due|montant\s+d[ûu]|solde\s+d[ûu]|net\s+[àa]\s+payer|somme\s+[àa]\s+payer|reste\s+[àa]\s+payer|[àa]\s+payer|to\s+pay|please\s+pay|amount\s+payable|montant\s+[àa]\s+payer)(?![\p{L}\p{N}])/iu,
  },
  {
    label: 'total',
    regex:
      /(?<![\p{L}\p{N}])(grand\s+total|total\s+t\.?t\.?c\.?|montant\s+t\.?t\.?c\.?|total\s+(?:amount|incl(?:\.|uding)?\s+(?:tax|taxes|vat))|invoice\s+total|total\s+(?:de\s+la\s+)?facture|montant\s+total|total\s+for\s+this\s+invoice|total)(?![\p{L}\p{N}])/iu,
  },
];

export type TaxCode = 'GST' | 'HST' | 'QST' | 'PST' | 'RST' | 'TVA';

/** Tax names; "TVH" must be tried before "TVA"-like words, "TPS/TVH" reads as GST/HST (the rate decides). */
export const TAX_LABELS: { code: TaxCode; regex: RegExp }[] = [
  { code: 'HST', regex: /\b(HST|TVH)\b(?!\s*(?:#|no\.?|n[o°º]|number|num[ée]ro|registration|d'inscription)\b)/i },
  { code: 'GST', regex: /\b(GST|TPS)\b(?!\s*(?:#|no\.?|n[o°º]|number|num[ée]ro|registration|d'inscription)\b)/i },
  { code: 'QST', regex: /\b(QST|TVQ)\b(?!\s*(?:#|no\.?|n[o°º]|number|num[ée]ro|registration|d'inscription)\b)/i },
  { code: 'PST', regex: /\b(PST|TVP)\b(?!\s*(?:#|no\.?|n[o°º]|number|num[ée]ro))/i },
  { code: 'RST', regex: /\b(RST|TVD)\b/i },
  {
    code: 'TVA',
    regex: /\b(TVA|VAT|BTW|MwSt|USt)\b(?!\s*(?:#|no\.?|n[o°º]|number|num[ée]ro|intra|id|reg|:?\s*[A-Z]{2}\s?\d))/i,
  },
];

export const INVOICE_NUMBER = [
  // "Invoice #: A-1001", "Invoice No. 42", "Facture n° 562044387", "N° de facture : F-12", "Numéro de facture"
  /\b(?:invoice|facture|bill|receipt|re[çc]u)\s*(?:no\.?|n[o°º]\.?|nr\.?|number|num[ée]ro|#|id)?\s*[:#]?\s*(?:#\s*)?([A-Z0-9][A-Z0-9\-/_.]*\d[A-Z0-9\-/_.]*)/i,
  /\b(?:n[o°º]\.?|num[ée]ro|number|#)\s*(?:de\s+(?:la\s+)?)?(?:facture|invoice)\s*[:#]?\s*([A-Z0-9][A-Z0-9\-/_.]*\d[A-Z0-9\-/_.]*)/i,
];
/** A label alone on its line (the value is on the next line or in the cell before it). */
export const INVOICE_NUMBER_LABEL =
  /\b(?:invoice|facture)\s*(?:no\.?|n[o°º]\.?|nr\.?|number|num[ée]ro|#)\s*:?\s*$|^\s*(?:n[o°º]|num[ée]ro)\s+de\s+facture\s*:?\s*$|^\s*#\s*$/i;

export const INVOICE_DATE =
  /(?<![\p{L}\p{N}])(invoice\s+date|date\s+of\s+invoice|date\s+(?:de\s+(?:la\s+)?)?facture|date\s+de\s+facturation|date\s+d['’]émission|issue\s+date|issued(?:\s+on)?|billing\s+date|date\s+d['’]?[ée]mission|factur[ée]e?\s+le|date)(?![\p{L}\p{N}])/iu;
export const DUE_DATE =
  /(?<![\p{L}\p{N}])(due\s+date|payment\s+due|due\s+(?:on|by)|pay(?:able)?\s+by|date\s+d['’][ée]ch[ée]ance|[ée]ch[ée]ance|date\s+limite(?:\s+de\s+paiement)?|[àa]\s+payer\s+avant\s+le|payable\s+(?:avant\s+le|le))(?![\p{L}\p{N}])/iu;

export const PAYMENT_TERMS = [
  /\b((?:net|Net|NET)\s*\d{1,3}(?:\s*(?:days|jours|j))?)\b/,
  /\b(\d{1,3}\s*(?:jours|days)\s*(?:net|fin\s+de\s+mois|end\s+of\s+month)?)\b/i,
  /\b((?:payable|due)\s+(?:upon|on|sur|[àa])\s+(?:receipt|r[ée]ception))\b/i,
  /\b(?:payment\s+terms|terms|conditions\s+de\s+(?:paiement|r[èe]glement)|modalit[ée]s\s+de\s+paiement)\s*:\s*(.{3,60})$/i,
];

/** Words that say a line is about the seller, not the buyer. */
export const SUPPLIER_LABEL =
  /^\s*(?:from|vendor|supplier|seller|sold\s+by|service\s+provider|fournisseur|vendeur|[ée]metteur)\s*:?\s*(.*)$/i;
/** Words that start the buyer's block: the supplier name is never inside it. */
export const BUYER_LABEL =
  /(?<![\p{L}\p{N}])(bill\s+to|billed\s+to|sold\s+to|ship\s+to|customer|client|factur[ée]\s+[àa]|livr[ée]\s+[àa]|adress[ée]\s+[àa]|destinataire|invoice\s+to|buyer|acheteur)(?![\p{L}\p{N}])/iu;
/** Legal-form words that make a line look like a company name. */
export const COMPANY_FORM =
  /\b(inc\.?|ltd\.?|lt[ée]e|limited|llc|llp|corp\.?|corporation|co\.|company|compagnie|cie|enr\.?|s\.?a\.?r\.?l\.?|sas|sasu|sa|eurl|snc|gmbh|ag|b\.?v\.?|s\.?e\.?n\.?c\.?|pvt\.?)(?=\s|$|[,.])/i;
/** Lines that are document headings or labels, never a supplier's name. */
export const NOT_A_NAME =
  /^(?:invoice|facture|bill|receipt|re[çc]u|tax\s+invoice|page\b|date\b|total\b|original|copy|copie|duplicata|statement|relev[ée]|payment\s+receipt|www\.|https?:|tel\b|t[ée]l\b|phone|fax|e-?mail|courriel)/i;

/** Canadian postal code, French postcode + city, US ZIP: where an address block ends. */
export const POSTCODE_LINE =
  /\b[A-Z]\d[A-Z][ \u00a0]?\d[A-Z]\d\b|\b\d{5}\s+[A-ZÀ-Ý][\w'À-ÿ -]+|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/;
