/**
 * The words of an invoice in the client's language: PDF labels, the email that carries it, and how
 * amounts, dates and rates are written for that reader. Tax names come from the tax module.
 */
import { formatMoney, type CurrencyCode, type MoneyLocale } from '../money.ts';

export type Lang = 'fr' | 'en';

/**
 * The locale amounts are written in: French in France (1 234,56 €), French in Canada (1 234,56 $),
 * English everywhere else (Canadian English, $1,234.56).
 */
export function localeOf(lang: Lang, country: string): MoneyLocale {
  if (lang === 'en') return 'en-CA';
  return country === 'FR' ? 'fr-FR' : 'fr-CA';
}

/** An amount for this reader, with the locale's separators and currency symbol. */
export const moneyFor = (lang: Lang, country: string, currency: CurrencyCode) => (cents: bigint) =>
  formatMoney(cents, currency, localeOf(lang, country));

/**
 * A calendar date for people: "1 avril 2026", "April 1, 2026". Read in UTC, since an invoice date is a
 * calendar day and not an instant.
 */
export function formatDate(iso: string, locale: MoneyLocale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/**
 * A tax rate for people: "0.09975" is "9,975 %" in French (no-break space before %) and "9.975%" in
 * English. Done on the decimal text, never through a float, so 9.975 stays 9.975.
 */
export function formatRate(rate: string, lang: Lang): string {
  const [whole = '0', fraction = ''] = rate.split('.');
  const digits = `${whole}${fraction.padEnd(2, '0')}`;
  const integer = String(Number(digits.slice(0, whole.length + 2)));
  const decimals = digits.slice(whole.length + 2).replace(/0+$/, '');
  const text = decimals ? `${integer}${lang === 'fr' ? ',' : '.'}${decimals}` : integer;
  return lang === 'fr' ? `${text}\u00a0%` : `${text}%`;
}

/** A tax line's name on the invoice: the legal label, with its rate unless the label already says it (TVA 20 %). */
export function taxLineLabel(labels: { fr: string; en: string }, rate: string, lang: Lang): string {
  const label = labels[lang];
  return label.includes('%') ? label : `${label} (${formatRate(rate, lang)})`;
}

type Kind = 'invoice' | 'credit_note';

export interface PdfWords {
  title: string;
  number: string;
  issueDate: string;
  dueDate: string;
  creditOf: string;
  billTo: string;
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  subtotal: string;
  total: string;
  paid: string;
  credited: string;
  balance: string;
  notes: string;
  gst: string;
  qst: string;
  vat: string;
  siren: string;
  clientTaxNumbers: string;
  page: string;
}

const WORDS: Record<Lang, Omit<PdfWords, 'title'>> = {
  fr: {
    number: 'Numéro',
    issueDate: 'Date',
    dueDate: 'Échéance',
    creditOf: 'Facture créditée',
    billTo: 'Facturé à',
    description: 'Description',
    quantity: 'Qté',
    unitPrice: 'Prix unitaire',
    amount: 'Montant',
    subtotal: 'Sous-total',
    total: 'Total',
    paid: 'Payé',
    credited: 'Crédité',
    balance: 'Solde dû',
    notes: 'Notes',
    gst: 'N° TPS',
    qst: 'N° TVQ',
    vat: 'N° TVA intracommunautaire',
    siren: 'SIREN',
    clientTaxNumbers: 'N° de taxes du client',
    page: 'Page',
  },
  en: {
    number: 'Number',
    issueDate: 'Date',
    dueDate: 'Due date',
    creditOf: 'Credits invoice',
    billTo: 'Bill to',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    amount: 'Amount',
    subtotal: 'Subtotal',
    total: 'Total',
    paid: 'Paid',
    credited: 'Credited',
    balance: 'Balance due',
    notes: 'Notes',
    gst: 'GST No.',
    qst: 'QST No.',
    vat: 'VAT No.',
    siren: 'SIREN',
    clientTaxNumbers: "Client's tax numbers",
    page: 'Page',
  },
};

/**
 * The document's title. A credit note is an "avoir" in France (Code de commerce art. L441-9) and a
 * "note de crédit" in Québec, where the Office québécois de la langue française recommends it.
 */
function titleOf(kind: Kind, lang: Lang, country: string): string {
  if (kind === 'invoice') return lang === 'fr' ? 'FACTURE' : 'INVOICE';
  if (lang === 'en') return 'CREDIT NOTE';
  return country === 'FR' ? 'AVOIR' : 'NOTE DE CRÉDIT';
}

/** A credit note bills nobody: its party is the client, and its note is the reason for the credit. */
const CREDIT_NOTE_WORDS: Record<Lang, Pick<PdfWords, 'billTo' | 'notes'>> = {
  fr: { billTo: 'Client', notes: 'Motif' },
  en: { billTo: 'Customer', notes: 'Reason' },
};

export const pdfWords = (kind: Kind, lang: Lang, clientCountry: string): PdfWords => ({
  ...WORDS[lang],
  ...(kind === 'credit_note' ? CREDIT_NOTE_WORDS[lang] : {}),
  title: titleOf(kind, lang, clientCountry),
});

/**
 * Mentions French law requires on a business-to-business invoice: the late-payment penalty rate and
 * the fixed 40 € recovery indemnity (Code de commerce art. L441-10 and D441-5), and the terms of any
 * early-payment discount (none here).
 */
export const FRENCH_B2B_MENTIONS =
  "Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 € " +
  '(art. L441-10 et D441-5 du Code de commerce). Aucun escompte pour paiement anticipé.';

/** The email that carries an invoice or credit note, in the client's language. */
export function invoiceEmail(doc: {
  kind: Kind;
  lang: Lang;
  number: string;
  tenantName: string;
  clientName: string;
  total: string;
  dueDate: string;
  creditOf: string | null;
}): { subject: string; text: string } {
  const { lang, number, tenantName, total, dueDate } = doc;
  if (doc.kind === 'credit_note') {
    return lang === 'fr'
      ? {
          subject: `Note de crédit ${number} de ${tenantName}`,
          text: `Bonjour,\n\nVeuillez trouver ci-joint la note de crédit ${number} d'un montant de ${total}${doc.creditOf ? `, qui s'applique à la facture ${doc.creditOf}` : ''}.\n\nCordialement,\n${tenantName}\n`,
        }
      : {
          subject: `Credit note ${number} from ${tenantName}`,
          text: `Hello,\n\nPlease find attached credit note ${number} for ${total}${doc.creditOf ? `, applied to invoice ${doc.creditOf}` : ''}.\n\nBest regards,\n${tenantName}\n`,
        };
  }
  return lang === 'fr'
    ? {
        subject: `Facture ${number} de ${tenantName}`,
        text: `Bonjour,\n\nVeuillez trouver ci-joint la facture ${number} d'un montant de ${total}, payable au plus tard le ${dueDate}.\n\nMerci de votre confiance,\n${tenantName}\n`,
      }
    : {
        subject: `Invoice ${number} from ${tenantName}`,
        text: `Hello,\n\nPlease find attached invoice ${number} for ${total}, due on ${dueDate}.\n\nThank you for your business,\n${tenantName}\n`,
      };
}

/**
 * Why an invoicing action may be trusted, in the language of the person it is for (not the client's):
 * what a manager reads in the approvals inbox. Amounts arrive already written for the reader (moneyFor).
 * Sentences end on an address rather than a name, which may end with its own full stop ("Café inc.").
 */
export const invoicingEvidence = {
  fr: {
    clientById: (client: string) => `Client ${client} identifié par son identifiant.`,
    invoiceById: (number: string) => `Crédite la facture ${number}, identifiée par son identifiant.`,
    emailOnFile: (email: string, client: string) => `Envoi à l’adresse au dossier de ${client} : ${email}.`,
    withinCreditLimit: (client: string, owed: string, withThis: string, limit: string) =>
      `${client} doit ${owed} ; avec cette facture, ${withThis} sur une limite de crédit de ${limit}.`,
    creditLimitExceeded: (client: string, owed: string, withThis: string, limit: string) =>
      `${client} doit ${owed} ; avec cette facture, ${withThis} dépasse la limite de crédit de ${limit}.`,
    amountMatchesBalance: (number: string) => `Le montant correspond au solde de ${number}.`,
    partialPayment: (remaining: string, number: string) =>
      `Paiement partiel : il resterait ${remaining} à payer sur ${number}.`,
  },
  en: {
    clientById: (client: string) => `Client ${client} identified by id.`,
    invoiceById: (number: string) => `Credits invoice ${number}, identified by id.`,
    emailOnFile: (email: string, client: string) => `Sent to the address on file for ${client}: ${email}.`,
    withinCreditLimit: (client: string, owed: string, withThis: string, limit: string) =>
      `${client} owes ${owed}; with this, ${withThis} of a ${limit} limit.`,
    creditLimitExceeded: (client: string, owed: string, withThis: string, limit: string) =>
      `${client} owes ${owed}; with this, ${withThis} exceeds the ${limit} credit limit.`,
    amountMatchesBalance: (number: string) => `The amount equals the balance of ${number}.`,
    partialPayment: (remaining: string, number: string) => `Partial payment: ${remaining} would remain on ${number}.`,
  },
} satisfies Record<Lang, unknown>;

/**
 * What invoicing says when a request names something that is not there, in the language of the person
 * asking (ctx.lang). Other refusals of this area are worded where they are thrown, with their facts.
 */
export const invoicingRefusals = {
  fr: {
    clientNotFound: (id: string) =>
      `Client ${id} introuvable. Cherchez les clients par nom avec invoicing_find_clients.`,
    invoiceNotFound: (id: string) => `Facture ${id} introuvable. Trouvez-la avec invoicing_list_invoices.`,
    recurringNotFound: (id: string) =>
      `Facturation récurrente ${id} introuvable. Listez-les avec invoicing_list_recurring.`,
  },
  en: {
    clientNotFound: (id: string) => `Client ${id} not found. Use invoicing_find_clients to look clients up by name.`,
    invoiceNotFound: (id: string) => `Invoice ${id} not found. Use invoicing_list_invoices to find it.`,
    recurringNotFound: (id: string) => `Recurring invoice ${id} not found.`,
  },
} satisfies Record<Lang, unknown>;

/** Invoice statuses named for people (the codes stay in the data). */
export const INVOICE_STATUS_WORDS: Record<import('./model.ts').InvoiceStatus, Record<Lang, string>> = {
  draft: { fr: 'brouillon', en: 'draft' },
  sent: { fr: 'envoyée', en: 'sent' },
  viewed: { fr: 'vue par le client', en: 'viewed by the client' },
  partially_paid: { fr: 'partiellement payée', en: 'partially paid' },
  paid: { fr: 'payée', en: 'paid' },
  overdue: { fr: 'en retard', en: 'overdue' },
  cancelled: { fr: 'annulée', en: 'cancelled' },
};
