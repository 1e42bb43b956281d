/**
 * What the cross-checks of a reading say to people, in French and English: the sentence a manager
 * reads as evidence when a check fails. Each check keeps its compact English `detail` for models and
 * logs; these sentences write amounts, rates and dates for the reader.
 */
import type { Lang } from '../context.ts';
import { formatDate, formatRate } from '../invoicing/texts.ts';
import { formatMoney, type CurrencyCode } from '../money.ts';
import type { TaxCode } from '../tax/index.ts';

export type Said = Record<Lang, string>;

/** The same sentence in both languages, so a stored reading serves whoever it is proposed for. */
export const inBoth = (write: (lang: Lang) => string): Said => ({ fr: write('fr'), en: write('en') });

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-CA' : 'en-CA');
export const money = (minor: bigint, currency: CurrencyCode, lang: Lang) => formatMoney(minor, currency, locale(lang));
/** A date read on the bill; one no calendar has (a misread "2025-13-01") is shown as read. */
export const day = (iso: string, lang: Lang) =>
  Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? iso : formatDate(iso, locale(lang));

const TAX_NAMES: Record<TaxCode, Said> = {
  GST: { fr: 'TPS', en: 'GST' },
  HST: { fr: 'TVH', en: 'HST' },
  QST: { fr: 'TVQ', en: 'QST' },
  PST: { fr: 'TVP', en: 'PST' },
  RST: { fr: 'TVD', en: 'RST' },
  TVA: { fr: 'TVA', en: 'VAT' },
};
/** "TPS 5 %" / "GST 5%". */
export const taxAt = (code: TaxCode, rate: string, lang: Lang) => `${TAX_NAMES[code][lang]} ${formatRate(rate, lang)}`;
export const taxName = (code: TaxCode, lang: Lang) => TAX_NAMES[code][lang];

const REQUIRED_WORDS: Record<string, Said> = {
  supplierName: { fr: 'fournisseur', en: 'supplier' },
  invoiceNumber: { fr: 'numéro de facture', en: 'invoice number' },
  invoiceDate: { fr: 'date de facture', en: 'invoice date' },
  total: { fr: 'total', en: 'total' },
};

const TAX_NUMBER_WORDS: Record<'gst' | 'qst' | 'siren' | 'siret' | 'vat' | 'iban', Said> = {
  gst: { fr: 'TPS/TVH', en: 'GST/HST' },
  qst: { fr: 'TVQ', en: 'QST' },
  iban: { fr: 'IBAN', en: 'IBAN' },
  siren: { fr: 'SIREN', en: 'SIREN' },
  siret: { fr: 'SIRET', en: 'SIRET' },
  vat: { fr: 'TVA', en: 'VAT' },
};
export const taxNumber = (kind: keyof typeof TAX_NUMBER_WORDS, value: string, lang: Lang) =>
  `${TAX_NUMBER_WORDS[kind][lang]} ${value}`;

/** Amounts, rates and dates arrive already written for the reader. */
export const checkTexts = {
  fr: {
    requiredFound: 'Fournisseur, numéro, date et total trouvés.',
    requiredMissing: (missing: readonly string[]) =>
      `Introuvable sur la facture : ${missing.map((m) => REQUIRED_WORDS[m]?.fr ?? m).join(', ')}.`,
    totals: (subtotal: string, taxes: string, total: string, adds: boolean) =>
      `Sous-total ${subtotal} + taxes ${taxes} ${adds ? '=' : '≠'} total ${total}.`,
    lines: (count: number, sum: string, subtotal: string) =>
      `Les ${count} lignes totalisent ${sum} ; le sous-total lu est de ${subtotal}.`,
    ratesInForce: (taxes: string, on: string, where: string) =>
      `${taxes} en vigueur le ${on}${where ? ` (${where})` : ''}.`,
    noRateGives: (tax: string, amount: string, on: string) =>
      `aucun taux de ${tax} en vigueur le ${on} ne donne ${amount}`,
    notARate: (tax: string, on: string) => `${tax} n’est pas un taux en vigueur le ${on}`,
    notRateTimesBase: (taxAtRate: string, amount: string, base: string) => `${amount} ≠ ${taxAtRate} de ${base}`,
    notTogether: 'ces taxes ne sont perçues ensemble dans aucune province',
    problems: (list: readonly string[]) => `Taxes douteuses : ${list.join(' ; ')}.`,
    checkDigitsValid: (numbers: readonly string[]) => `Chiffres de contrôle valides : ${numbers.join(', ')}.`,
    checkDigitInvalid: (numbers: readonly string[]) => `Chiffre de contrôle invalide : ${numbers.join(', ')}.`,
    ocrQuality: (percent: number) => `Confiance moyenne des mots lus par OCR : ${percent} %.`,
    datesInOrder: (issued: string, due: string, ok: boolean) =>
      ok
        ? `Échéance ${due} après la date de facture ${issued}.`
        : `L’échéance ${due} précède la date de facture ${issued}.`,
    addressedTo: (buyer: string, ok: boolean) =>
      ok ? `Facture adressée à votre entreprise (${buyer}).` : `Facture adressée à ${buyer}, pas à votre entreprise.`,
  },
  en: {
    requiredFound: 'Supplier, number, date and total found.',
    requiredMissing: (missing: readonly string[]) =>
      `Not found on the bill: ${missing.map((m) => REQUIRED_WORDS[m]?.en ?? m).join(', ')}.`,
    totals: (subtotal: string, taxes: string, total: string, adds: boolean) =>
      `Subtotal ${subtotal} + taxes ${taxes} ${adds ? '=' : '≠'} total ${total}.`,
    lines: (count: number, sum: string, subtotal: string) =>
      `The ${count} lines add up to ${sum}; the subtotal read is ${subtotal}.`,
    ratesInForce: (taxes: string, on: string, where: string) =>
      `${taxes} in force on ${on}${where ? ` (${where})` : ''}.`,
    noRateGives: (tax: string, amount: string, on: string) => `no ${tax} rate in force on ${on} gives ${amount}`,
    notARate: (tax: string, on: string) => `${tax} is not a rate in force on ${on}`,
    notRateTimesBase: (taxAtRate: string, amount: string, base: string) => `${amount} ≠ ${taxAtRate} of ${base}`,
    notTogether: 'these taxes are not levied together in any province',
    problems: (list: readonly string[]) => `Doubtful taxes: ${list.join('; ')}.`,
    checkDigitsValid: (numbers: readonly string[]) => `Check digits valid: ${numbers.join(', ')}.`,
    checkDigitInvalid: (numbers: readonly string[]) => `Invalid check digit: ${numbers.join(', ')}.`,
    ocrQuality: (percent: number) => `Mean OCR word confidence: ${percent}%.`,
    datesInOrder: (issued: string, due: string, ok: boolean) =>
      ok
        ? `Due ${due}, after the invoice date ${issued}.`
        : `The due date ${due} is before the invoice date ${issued}.`,
    addressedTo: (buyer: string, ok: boolean) =>
      ok ? `Addressed to your company (${buyer}).` : `Addressed to ${buyer}, not to your company.`,
  },
} satisfies Record<Lang, unknown>;

/** A file refused when it is kept, in the language of the person who sent it. Sizes in MB, one decimal. */
export const storeRefusals = {
  fr: {
    empty: (file: string) => `${file} est vide (0 octet).`,
    tooLarge: (file: string, mb: string, limitMb: number) =>
      `${file} fait ${mb.replace('.', ',')} Mo ; la limite est de ${limitMb} Mo.`,
    requestTooLarge: (limitMb: number) => `Le fichier est trop volumineux : la limite est de ${limitMb} Mo.`,
    notMultipart: 'Envoyez la facture en multipart/form-data, dans un champ nommé « file ».',
  },
  en: {
    empty: (file: string) => `${file} is empty (0 bytes).`,
    tooLarge: (file: string, mb: string, limitMb: number) => `${file} is ${mb} MB; the limit is ${limitMb} MB.`,
    requestTooLarge: (limitMb: number) => `The file is too large: the limit is ${limitMb} MB.`,
    notMultipart: 'Send the bill as multipart/form-data in a field named "file".',
  },
} satisfies Record<Lang, unknown>;
