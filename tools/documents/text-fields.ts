/**
 * The rule-based field parser: reads a bill's fields from its lines of text (a PDF text layer or
 * OCR output), in French or English, without any model. Each field keeps the line it came from and
 * a confidence from how it was found (labelled on the same line, next line, or guessed) times the
 * OCR confidence of that line. Amounts go through `tools/money.ts` only.
 */
import { fromMinor } from '../money.ts';
import { currencyOfSign, findAmounts, type FoundAmount } from './amounts.ts';
import { findDates, type DayOrder, type FoundDate } from './dates.ts';
import { canonicalRate, percentToRate } from './decimals.ts';
import {
  AMOUNT_LABELS,
  BILL_LANGS,
  BUYER_LABEL,
  BUYER_TAX_ID_LABEL,
  COMPANY_FORM,
  CREDIT_NOTE_NUMBER,
  CREDIT_NOTE_TITLE,
  DUE_DATE,
  INVOICE_DATE,
  INVOICE_NUMBER,
  INVOICE_NUMBER_LABEL,
  INVOICE_REFERENCE,
  INVOICE_TITLE,
  NOT_A_NAME,
  OTHER_DATE,
  PAYMENT_TERMS,
  PHONE_LABEL,
  PLAIN_DATE,
  POSTCODE_LINE,
  RECEIPT_NOISE,
  RECEIPT_TITLE,
  SUPPLIER_LABEL,
  TAX_LABELS,
  VOCABULARY,
  type AmountLabel,
  type BillLang,
  type TaxCode,
} from './labels.ts';
import { readLineItems } from './line-items.ts';
import { emptyReading, setField, type BillReading } from './reading.ts';
import { findTaxIds, type TaxId } from './tax-ids.ts';

import type { TextLine } from './text-line.ts';

export type { TextLine } from './text-line.ts';

/** How sure a rule is, before OCR quality: labelled on the line, labelled nearby, or a guess. */
const SAME_LINE = 0.9;
const NEARBY = 0.75;
const GUESS = 0.5;

/**
 * Words only one language uses, taken from the label vocabulary (a word two languages share, such
 * as "total", tells nothing), plus the common words of French and English bills.
 */
const LANG_WORDS: Record<BillLang, RegExp> = (() => {
  const all = BILL_LANGS.map((lang) => ({
    lang,
    words: new Set(Object.values(VOCABULARY).flatMap((role) => (role as Record<BillLang, string[]>)[lang])),
  }));
  const extra: Record<BillLang, string[]> = {
    fr: ['montant', 'tps', 'tvq', 'tvh', 'tva', 'merci', 'mois', 'jours', 'quantit[ée]', 'qt[ée]', 'prix'],
    en: ['amount', 'gst', 'qst', 'hst', 'thank', 'please', 'days', 'quantity', 'qty', 'price'],
    de: ['betrag', 'mwst', 'ust', 'menge', 'preis', 'tage', 'vielen\\s+dank', 'steuernummer', 'bankverbindung'],
    es: ['importe', 'iva', 'cantidad', 'precio', 'd[íi]as', 'gracias', 'forma\\s+de\\s+pago'],
    it: ['importo', 'iva', 'quantit[àa]', 'prezzo', 'giorni', 'grazie', 'pagamento', 'partita'],
    nl: ['bedrag', 'btw', 'aantal', 'prijs', 'dagen', 'bedankt', 'omschrijving', 'betaling'],
  };
  return Object.fromEntries(
    all.map(({ lang, words }) => {
      const own = [...words].filter((w) => !all.some((o) => o.lang !== lang && o.words.has(w)));
      return [lang, new RegExp(`(?<![\\p{L}])(?:${[...own, ...extra[lang]].join('|')})(?![\\p{L}])`, 'giu')];
    }),
  ) as Record<BillLang, RegExp>;
})();

export function detectLang(text: string): BillLang {
  let best: BillLang = 'fr';
  let bestCount = -1;
  for (const lang of BILL_LANGS) {
    const count = text.match(LANG_WORDS[lang])?.length ?? 0;
    if (count > bestCount) [best, bestCount] = [lang, count];
  }
  return best;
}

const EURO_COUNTRIES = new Set([
  'FR',
  'DE',
  'NL',
  'BE',
  'IT',
  'ES',
  'LU',
  'AT',
  'IE',
  'PT',
  'FI',
  'GR',
  'EL',
  'SK',
  'SI',
  'EE',
  'LV',
  'LT',
  'CY',
  'MT',
  'HR',
]);

/**
 * The bill's currency from evidence only: a printed code or sign, then the seller's tax ids and
 * country. With none, the currency is unknown (undefined): never a default guess.
 */
function detectCurrency(
  text: string,
  ids: TaxId[],
): { currency: string; confidence: number; evidence: string } | undefined {
  const codes = [...text.matchAll(/\b(CAD|USD|EUR|GBP|CHF|INR)\b/g)].map((m) => m[1]!);
  if (codes.length > 0) {
    const counts = new Map<string, number>();
    for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
    const [code] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    return { currency: code, confidence: 0.95, evidence: `currency code ${code} printed` };
  }
  if (/\bUS\s?\$|\bUS\s+dollars?\b|dollars?\s+am[ée]ricains?/i.test(text))
    return { currency: 'USD', confidence: 0.9, evidence: 'US dollars named' };
  if (/€|\beuros?\b/i.test(text)) return { currency: 'EUR', confidence: 0.9, evidence: '€ sign' };
  if (/£/.test(text)) return { currency: 'GBP', confidence: 0.9, evidence: '£ sign' };
  if (/\bRs\.?\s?\d|₹/.test(text)) return { currency: 'INR', confidence: 0.8, evidence: 'Rs sign' };
  const canadianIds = ids.some((id) => (id.kind === 'gst' || id.kind === 'qst') && id.valid);
  const canadianTaxes = /\b(GST|HST|QST|PST|TPS|TVH|TVQ|TVP)\b/i.test(text);
  const canadianPostcode = /\b[A-Z]\d[A-Z][ \u00a0]?\d[A-Z]\d\b/.test(text);
  if (/\$/.test(text) && (canadianIds || canadianTaxes || canadianPostcode))
    return {
      currency: 'CAD',
      confidence: canadianIds || canadianTaxes ? 0.85 : 0.7,
      evidence: `$ with ${canadianIds ? 'a Canadian tax number' : canadianTaxes ? 'Canadian sales taxes' : 'a Canadian postal code'}`,
    };
  if (canadianIds) return { currency: 'CAD', confidence: 0.7, evidence: 'Canadian tax number' };
  const euro = ids.find((id) => id.kind === 'vat' && id.valid && EURO_COUNTRIES.has(id.value.slice(0, 2)));
  if (euro) return { currency: 'EUR', confidence: 0.7, evidence: `seller VAT number ${euro.value} (euro country)` };
  const ibanEuro = ids.find((id) => id.kind === 'iban' && EURO_COUNTRIES.has(id.value.slice(0, 2)));
  if (ibanEuro)
    return { currency: 'EUR', confidence: 0.6, evidence: `IBAN ${ibanEuro.value.slice(0, 4)}… (euro country)` };
  if (canadianTaxes) return { currency: 'CAD', confidence: 0.7, evidence: 'Canadian sales taxes' };
  if (/\b(SIRET|SIREN)\b/i.test(text)) return { currency: 'EUR', confidence: 0.6, evidence: 'French company numbers' };
  return undefined;
}

const cells = (line: string) =>
  line
    .split('\t')
    .map((cell) => cell.trim())
    .filter(Boolean);

/** The amount a label names: the first after the label on its line, else the last before it. */
function amountNear(amounts: FoundAmount[], labelEnd: number, labelStart: number): FoundAmount | undefined {
  return (
    amounts.find((a) => a.index >= labelEnd) ?? [...amounts].reverse().find((a) => a.index + a.raw.length <= labelStart)
  );
}

interface Candidate {
  minor: bigint;
  confidence: number;
  evidence: string;
  /** 1 for a specific label (Total TTC, Grand total, Amount due), less for a bare "Total". */
  strength?: number;
}

/** Three amounts on one row where the two smaller add up to the largest: subtotal + tax = total. */
function additiveTriple(amounts: FoundAmount[]): { subtotal: bigint; tax: bigint; total: bigint } | undefined {
  if (amounts.length < 3) return undefined;
  for (const total of amounts) {
    for (const subtotal of amounts) {
      const tax = amounts.find((a) => a !== total && a !== subtotal && subtotal.minor + a.minor === total.minor);
      if (subtotal !== total && tax && tax.minor > 0n && subtotal.minor > tax.minor)
        return { subtotal: subtotal.minor, tax: tax.minor, total: total.minor };
    }
  }
  return undefined;
}

/** A rate printed on a tax line: "5 %", "(9,975 %)", "20%". */
function rateOn(text: string): string | undefined {
  const m = /(\d{1,2}(?:[.,]\d{1,3})?)\s?%/.exec(text);
  return m ? percentToRate(m[1]!) : undefined;
}

/** Kinds of identifier and the seller's field each one fills. */
const SUPPLIER_FIELD = {
  gst: 'supplierGst',
  qst: 'supplierQst',
  siren: 'supplierSiren',
  siret: 'supplierSiret',
  vat: 'supplierVat',
  iban: 'supplierIban',
} as const;

/** A buyer label that starts a block ("Bill to:", "Kunde"), not a customer-number label ("Client n° 42"). */
const startsBuyerBlock = (text: string) => {
  const m = BUYER_LABEL.exec(text);
  return Boolean(
    m &&
      m.index <= 3 &&
      !/^\s*(?:n[o°º]\.?|no\.?|nr\.?|#|number|num[ée]ro|nummer|id|ref)/iu.test(text.slice(m.index + m[0].length)),
  );
};
const TABLE_HEADER =
  /^(?:description|qty|quantity|quantit[ée]|item|article|d[ée]signation|menge|beschreibung|artikel|descripci[óo]n|cantidad|descrizione|quantit[àa]|omschrijving|aantal)\b/iu;

/** The lines of the buyer's block: its label line and up to five lines after it, to a table or totals. */
export function buyerBlockLines(lines: TextLine[]): Set<number> {
  const block = new Set<number>();
  for (const [i, line] of lines.entries()) {
    if (!startsBuyerBlock(line.text)) continue;
    block.add(i);
    for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
      const text = lines[j]!.text;
      if (SUPPLIER_LABEL.test(text) || TABLE_HEADER.test(text) || AMOUNT_LABELS.some((l) => l.regex.test(text))) break;
      if (findAmounts(text).length > 0) break;
      block.add(j);
    }
  }
  return block;
}

export function readBillText(lines: TextLine[], options: { order?: DayOrder; ocr?: boolean } = {}): BillReading {
  const reading = emptyReading();
  const all = lines.map((l) => l.text).join('\n');
  const lang = detectLang(all);
  reading.lang = lang;
  const order: DayOrder = options.order ?? 'dmy';
  const evidence = (line: TextLine) => `p${line.page}: ${line.text.replace(/\t/g, ' | ').trim()}`;

  // Identifiers: the seller prints its own; one inside the buyer's block, or labelled as the
  // customer's, is the buyer's. An IBAN is the seller's bank account (where the bill is paid).
  const buyerBlock = buyerBlockLines(lines);
  const ids: TaxId[] = [];
  for (const [i, line] of lines.entries()) {
    const found = findTaxIds(line.text);
    ids.push(...found);
    const buyerLabel = BUYER_TAX_ID_LABEL.exec(line.text);
    for (const id of found) {
      const buyers = (buyerLabel && buyerLabel.index < id.index) || (buyerBlock.has(i) && id.kind !== 'iban');
      if (buyers) {
        setField(reading, 'buyerTaxId', id.value, (id.valid ? 0.9 : 0.5) * line.confidence, evidence(line));
        continue;
      }
      const confidence = (id.valid ? 0.95 : 0.6) * line.confidence;
      setField(reading, SUPPLIER_FIELD[id.kind], id.value, confidence, evidence(line));
      if (id.kind === 'siret')
        setField(
          reading,
          'supplierSiren',
          id.value.slice(0, 9),
          (id.valid ? 0.9 : 0.5) * line.confidence,
          evidence(line),
        );
      if (id.kind === 'vat' && id.value.startsWith('FR') && /^\d{9}$/.test(id.value.slice(4))) {
        setField(
          reading,
          'supplierSiren',
          id.value.slice(4),
          (id.valid ? 0.85 : 0.5) * line.confidence,
          `${evidence(line)} (SIREN inside the VAT number)`,
        );
      }
    }
  }

  const currency = detectCurrency(all, ids);
  if (currency) setField(reading, 'currency', currency.currency, currency.confidence, currency.evidence);
  else reading.warnings.push('currency_unknown: no currency code, sign or country printed');
  // Amounts still parse with two decimals when the currency is unknown; the field stays empty.
  const cur = currency?.currency ?? 'EUR';

  const type = readDocumentType(reading, lines, evidence);
  readInvoiceNumber(reading, lines, evidence, type === 'credit_note');
  readBuyer(reading, lines, buyerBlock, evidence);
  readDatesInOrder(reading, lines, order, evidence);
  readPaymentTerms(reading, lines, evidence);
  readSupplier(reading, lines, evidence);

  // Amounts by label, and tax lines.
  const candidates: Record<AmountLabel, Candidate[]> = {
    subtotal: [],
    total: [],
    amountDue: [],
    totalTax: [],
    rounding: [],
  };
  const taxes: { code: TaxCode; rate?: string; base?: bigint; amount: bigint; confidence: number; evidence: string }[] =
    [];
  for (const line of lines) {
    const amounts = findAmounts(line.text, cur).filter(
      (a) => currencyOfSign(a.sign) === undefined || currencyOfSign(a.sign) === cur,
    );
    if (amounts.length === 0) continue;
    const tax = TAX_LABELS.map((t) => ({ t, m: t.regex.exec(line.text) })).find((x) => x.m);
    const amountLabel = AMOUNT_LABELS.map((l) => ({ l, m: l.regex.exec(line.text) })).find((x) => x.m);
    if (tax?.m && (!amountLabel || amountLabel.l.label === 'totalTax' || tax.m.index < amountLabel.m!.index)) {
      // "TPS (5 %) 50,00 $" or "TVA 20 % sur 46,68 : 9,34": the tax is the last amount, a base may precede it.
      // The tax amount follows its label; in two-column layouts ("5.00<tab>TVA 20 %") it is the cell before.
      const after = amounts.filter((a) => a.index > tax.m!.index);
      const labelCell = line.text.lastIndexOf('\t', tax.m.index);
      const before =
        labelCell >= 0
          ? amounts.filter((a) => a.index < labelCell && !line.text.slice(a.index + a.raw.length, labelCell).trim())
          : [];
      const chosen = after.length > 0 ? after : before;
      if (chosen.length === 0) continue;
      const amount = chosen[chosen.length - 1]!;
      const base = chosen.length > 1 ? chosen[chosen.length - 2]! : undefined;
      const rate = rateOn(line.text);
      if (amountLabel?.l.label === 'totalTax' && !rate && /total/i.test(amountLabel.m![0])) {
        candidates.totalTax.push({
          minor: amount.minor,
          confidence: SAME_LINE * line.confidence,
          evidence: evidence(line),
        });
        continue;
      }
      taxes.push({
        code: tax.t.code,
        rate,
        base: base?.minor,
        amount: amount.minor,
        confidence: SAME_LINE * line.confidence,
        evidence: evidence(line),
      });
      continue;
    }
    if (amountLabel?.m) {
      const strength = amountLabel.l.label === 'total' && /^total$/i.test(amountLabel.m[0]) ? 0.9 : 1;
      const confidence = SAME_LINE * strength * line.confidence;
      // A totals row of a three-column table (incl. tax, tax, excl. tax in any order): a + b = c.
      const triple = amountLabel.l.label === 'total' ? additiveTriple(amounts) : undefined;
      if (triple) {
        candidates.total.push({ minor: triple.total, confidence, evidence: evidence(line), strength });
        candidates.subtotal.push({
          minor: triple.subtotal,
          confidence: NEARBY * line.confidence,
          evidence: evidence(line),
          strength,
        });
        continue;
      }
      const found = amountNear(amounts, amountLabel.m.index + amountLabel.m[0].length, amountLabel.m.index);
      if (found)
        candidates[amountLabel.l.label].push({ minor: found.minor, confidence, evidence: evidence(line), strength });
      // "6 44447 $" from OCR is most likely 6 444,47 with its comma lost: offered as a second reading
      // that only wins when it makes the bill add up.
      if (found?.whole && options.ocr && found.minor >= 10000n) {
        candidates[amountLabel.l.label].push({
          minor: found.minor / 100n,
          confidence: confidence * 0.8,
          evidence: `${evidence(line)} (decimal comma restored)`,
          strength: strength * 0.5,
        });
      }
    }
  }

  const taxSum = taxes.reduce((sum, t) => sum + t.amount, 0n);
  const pick = chooseTotals(candidates, taxes.length > 0 ? taxSum : undefined);
  const put = (name: 'subtotal' | 'total' | 'totalTax' | 'amountDue' | 'rounding', c: Candidate | undefined) =>
    c && setField(reading, name, fromMinor(c.minor, cur), c.confidence, c.evidence);
  put('rounding', pick.rounding);
  put('subtotal', pick.subtotal);
  put('total', pick.total);
  put('amountDue', pick.amountDue);
  put(
    'totalTax',
    pick.totalTax ??
      (taxes.length > 0
        ? { minor: taxSum, confidence: Math.min(...taxes.map((t) => t.confidence)), evidence: 'sum of the tax lines' }
        : undefined),
  );

  reading.taxes = dedupeTaxes(taxes).map((t) => ({
    code: t.code,
    rate: t.rate ? canonicalRate(t.rate) : undefined,
    base: t.base === undefined ? undefined : fromMinor(t.base, cur),
    amount: fromMinor(t.amount, cur),
    confidence: t.confidence,
    evidence: t.evidence,
  }));
  reading.lines = readLineItems(lines, cur);
  return reading;
}

/** A tax printed twice (summary box and footer) counts once. */
function dedupeTaxes<T extends { code: TaxCode; amount: bigint; rate?: string }>(taxes: T[]): T[] {
  const seen = new Set<string>();
  return taxes.filter((t) => {
    const key = `${t.code}/${t.rate ?? ''}/${t.amount}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Chooses among the labelled candidates by consistency, not by first match: the subtotal and total
 * that add up with the taxes (subtotal + taxes = total) win; then a cash rounding printed after the
 * total moves it to the rounded amount, when that amount is printed too; otherwise the strongest
 * label, then the largest total and the last subtotal.
 */
function chooseTotals(c: Record<AmountLabel, Candidate[]>, taxSum: bigint | undefined) {
  const totals = [...c.total, ...c.amountDue];
  const tax = taxSum ?? c.totalTax[0]?.minor;
  const rounded = (chosen: {
    subtotal?: Candidate;
    total?: Candidate;
    amountDue?: Candidate;
    totalTax?: Candidate;
  }) => {
    for (const r of c.rounding) {
      if (!chosen.total || r.minor === 0n) continue;
      const after = totals.find((t) => t.minor === chosen.total!.minor + r.minor);
      if (after)
        return {
          ...chosen,
          total: after,
          amountDue: c.amountDue.find((a) => a.minor === after.minor) ?? chosen.amountDue,
          rounding: r,
        };
    }
    return { ...chosen, rounding: undefined as Candidate | undefined };
  };
  if (tax !== undefined) {
    for (const s of c.subtotal) {
      const t = totals.find((candidate) => candidate.minor === s.minor + tax);
      if (t)
        return rounded({
          subtotal: s,
          total: t,
          amountDue: c.amountDue.find((a) => a.minor === t.minor) ?? c.amountDue.at(-1),
          totalTax: c.totalTax[0],
        });
    }
  }
  // The strongest label first (Grand total over a bare Total), then the largest amount.
  const largest = (list: Candidate[]) =>
    list.reduce<Candidate | undefined>((best, x) => {
      if (best === undefined) return x;
      const [bs, xs] = [best.strength ?? 1, x.strength ?? 1];
      return xs > bs || (xs === bs && x.minor > best.minor) ? x : best;
    }, undefined);
  // Before a rounding, the largest total is the unrounded one: take the first printed total then.
  const total = c.rounding.length > 0 ? (c.total[0] ?? c.amountDue[0]) : (largest(c.total) ?? largest(c.amountDue));
  // Otherwise the last one printed among the surest readings (a restored decimal comma is not one).
  const last = (list: Candidate[]) => {
    const top = Math.max(...list.map((x) => x.strength ?? 1));
    return list.filter((x) => (x.strength ?? 1) === top).at(-1);
  };
  return rounded({ subtotal: last(c.subtotal), total, amountDue: last(c.amountDue), totalTax: c.totalTax[0] });
}

type Evidence = (line: TextLine) => string;

/** A street line: a street word next to a number, in the six languages. */
const STREET =
  /(?<![\p{L}])(rue|avenue|av\.|boulevard|boul\.|bd|chemin|street|st\.|road|rd\.|drive|lane|way|stra(?:ß|ss)e|str\.|weg|platz|allee|calle|avenida|plaza|paseo|via|viale|piazza|corso|straat|laan|plein|gracht)(?![\p{L}])/iu;

/** A line that can be a company name: words, not a heading, an address, an amount, a remark or OCR noise. */
const isName = (text: string) =>
  !POSTCODE_LINE.test(text) &&
  text.length > 1 &&
  text.length < 60 &&
  /[A-Za-zÀ-ÿ]{3}/.test(text) &&
  // OCR noise from a logo: mostly signs and one- or two-letter fragments.
  (text.match(/[\p{L}\s&'’.,-]/gu)?.length ?? 0) >= 0.8 * text.length &&
  !NOT_A_NAME.test(text) &&
  !(STREET.test(text) && /\d/.test(text)) &&
  !/\d{3,}|@|:|^[\d#(*]/.test(text) &&
  !/^(description|qty|quantity|quantit[ée]|item|article|d[ée]signation)\b/i.test(text);

/**
 * What the document says it is, from its title near the top: a credit note ("Avoir", "Credit memo",
 * "Gutschrift"), a till receipt, or an invoice. Recorded as the documentType field with its evidence.
 */
function readDocumentType(
  reading: BillReading,
  lines: TextLine[],
  evidence: Evidence,
): 'invoice' | 'credit_note' | 'receipt' | undefined {
  const top = lines.slice(0, 15);
  const titled = (regex: RegExp) =>
    top.find((line) => {
      const m = regex.exec(line.text);
      // A title starts its line (or its cell) and the line is short: "avoir" in a sentence is a verb.
      return m && (m.index === 0 || line.text[m.index - 1] === '\t') && line.text.trim().length <= 40;
    });
  const credit = titled(CREDIT_NOTE_TITLE);
  if (credit) {
    setField(reading, 'documentType', 'credit_note', SAME_LINE * credit.confidence, evidence(credit));
    return 'credit_note';
  }
  const invoice = titled(INVOICE_TITLE);
  const receipt = titled(RECEIPT_TITLE);
  if (receipt && !invoice) {
    setField(reading, 'documentType', 'receipt', NEARBY * receipt.confidence, evidence(receipt));
    return 'receipt';
  }
  if (invoice) {
    setField(reading, 'documentType', 'invoice', SAME_LINE * invoice.confidence, evidence(invoice));
    return 'invoice';
  }
  return undefined;
}

const plausibleNumber = (value: string) =>
  !/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(value) && !/^(19|20)\d{2}$/.test(value);

/**
 * The document's own number: on a credit note its credit-note label first; a number printed after
 * a reference to another invoice ("Facture d'origine n° F-100") is never the document's own.
 */
function readInvoiceNumber(reading: BillReading, lines: TextLine[], evidence: Evidence, creditNote: boolean): void {
  const ownText = (text: string) => {
    const reference = INVOICE_REFERENCE.exec(text);
    return reference ? text.slice(0, reference.index) : text;
  };
  const search = (patterns: RegExp[]) => {
    for (const line of lines) {
      for (const cell of cells(ownText(line.text))) {
        for (const regex of patterns) {
          const m = regex.exec(cell);
          // "Facture n° 2022089083 du 28/11/2022": the number, not the date after it.
          if (m && plausibleNumber(m[1]!))
            setField(reading, 'invoiceNumber', m[1]!.replace(/[.:]$/, ''), SAME_LINE * line.confidence, evidence(line));
        }
      }
      if (reading.fields.invoiceNumber) return true;
    }
    return false;
  };
  if (creditNote && search(CREDIT_NOTE_NUMBER)) return;
  if (search(INVOICE_NUMBER)) return;
  for (const [i, line] of lines.entries()) {
    const parts = cells(ownText(line.text));
    const labelCell = parts.findIndex((cell) => INVOICE_NUMBER_LABEL.test(cell));
    if (labelCell < 0) continue;
    // The value sits in the cell before the label (two-column layouts) or on the next line.
    const before = parts[labelCell - 1];
    const next = lines[i + 1];
    const value = before ?? (next ? cells(next.text)[0] : undefined);
    // On the next line, a bare one- or two-digit number is a table's line number, not the bill's.
    const tooShort = !before && value !== undefined && /^\d{1,2}$/.test(value);
    if (value && /^[#A-Z0-9][A-Z0-9\-/_.#]*$/i.test(value) && /\d/.test(value) && !tooShort && plausibleNumber(value)) {
      setField(
        reading,
        'invoiceNumber',
        value.replace(/^#\s*/, ''),
        NEARBY * line.confidence,
        evidence(before ? line : next!),
      );
      return;
    }
  }
}

/** The buyer's name: the rest of the label's line, else the first name-like line of its block. */
function readBuyer(reading: BillReading, lines: TextLine[], block: Set<number>, evidence: Evidence): void {
  for (const i of [...block].sort((a, b) => a - b)) {
    const line = lines[i]!;
    const m = BUYER_LABEL.exec(line.text);
    if (m && startsBuyerBlock(line.text)) {
      const rest = line.text.slice(m.index + m[0].length).replace(/^[\s:]+/, '');
      const first = cells(rest)[0];
      if (first && isName(first)) {
        setField(reading, 'buyerName', first, NEARBY * line.confidence, evidence(line));
        return;
      }
      continue;
    }
    const first = cells(line.text)[0] ?? '';
    if (isName(first)) {
      setField(reading, 'buyerName', first, NEARBY * line.confidence, evidence(line));
      return;
    }
  }
}

/**
 * Numeric dates such as 02/01/2024 read either way; the due date settles it when only one reading
 * puts it on or after the invoice date (or at the printed number of days), and both dates are then
 * as sure as if they had been written out.
 */
function readDatesInOrder(reading: BillReading, lines: TextLine[], order: DayOrder, evidence: Evidence): void {
  const other: DayOrder = order === 'dmy' ? 'mdy' : 'dmy';
  const [first, second] = [emptyReading(), emptyReading()];
  readDates(first, lines, order, evidence);
  readDates(second, lines, other, evidence);
  const score = (r: BillReading) => {
    const [date, due] = [r.fields.invoiceDate?.value, r.fields.dueDate?.value];
    if (!date || !due) return 0;
    const days = (Date.parse(due) - Date.parse(date)) / 86_400_000;
    const terms = /(\d{1,3})\s*(?:days|jours|j)\b/i.exec(
      reading.fields.paymentTerms?.value ?? lines.map((l) => l.text).join(' '),
    );
    return (days >= 0 ? 1 : 0) + (terms && Number(terms[1]) === days ? 1 : 0);
  };
  const [a, b] = [score(first), score(second)];
  const chosen = b > a ? second : first;
  const differ =
    first.fields.invoiceDate?.value !== second.fields.invoiceDate?.value ||
    first.fields.dueDate?.value !== second.fields.dueDate?.value;
  for (const name of ['invoiceDate', 'dueDate'] as const) {
    const field = chosen.fields[name];
    if (!field) continue;
    const settled = differ && a !== b;
    reading.fields[name] = settled
      ? {
          ...field,
          confidence: Math.max(field.confidence, SAME_LINE * Math.min(...lines.map((l) => l.confidence))),
          evidence: `${field.evidence} (day/month order settled by the due date)`,
        }
      : field;
  }
}

type DateRole = 'issue' | 'plain' | 'due' | 'other';

/** Every date label on a line with its role; where two overlap ("Date de livraison" holds "date"), the longer wins. */
function dateLabels(text: string): { role: DateRole; index: number; end: number }[] {
  const found: { role: DateRole; index: number; end: number }[] = [];
  const roles: [DateRole, RegExp][] = [
    ['due', DUE_DATE],
    ['issue', INVOICE_DATE],
    ['other', OTHER_DATE],
    ['plain', PLAIN_DATE],
  ];
  for (const [role, regex] of roles) {
    const global = new RegExp(regex.source, 'giu');
    for (const m of text.matchAll(global)) found.push({ role, index: m.index, end: m.index + m[0].length });
  }
  found.sort((a, b) => b.end - b.index - (a.end - a.index));
  const kept: typeof found = [];
  for (const label of found) if (!kept.some((k) => label.index < k.end && k.index < label.end)) kept.push(label);
  return kept.sort((a, b) => a.index - b.index);
}

/** The dates of a line, minus those after a phone or fax label (06.12.34.56 is a number, not a date). */
function datesOn(text: string, order: DayOrder) {
  const phone = PHONE_LABEL.exec(text);
  return findDates(text, order).filter((d) => !phone || d.index < phone.index);
}

/**
 * Dates by their label and role: the issue date is the one labelled as such ("Invoice date",
 * "Rechnungsdatum"), then one labelled only "Date"; a delivery, order, shipping or printing date is
 * never taken for it; the due date by its own labels. Unlabelled, the first date on the bill that
 * has no other role is a guess.
 */
function readDates(reading: BillReading, lines: TextLine[], order: DayOrder, evidence: Evidence): void {
  const claimed = new Set<string>();
  const sure = (ambiguous: boolean) => (ambiguous ? 0.85 : 1);
  const strength: Record<DateRole, number> = { issue: 1, plain: 0.85, due: 1, other: 1 };
  const assign = (role: DateRole, date: FoundDate, confidence: number, line: TextLine) => {
    claimed.add(`${line.page}/${date.index}/${line.text}`);
    if (role === 'other') return;
    const field = role === 'due' ? 'dueDate' : 'invoiceDate';
    setField(reading, field, date.iso, confidence * strength[role] * sure(date.ambiguous), evidence(line));
  };
  for (const [i, line] of lines.entries()) {
    const labels = dateLabels(line.text);
    const dates = datesOn(line.text, order);
    if (labels.length === 0) continue;
    for (const date of dates) {
      // The nearest label before the date; in a two-column row ("2025-04-01 | Invoice date"), the one after.
      const label =
        [...labels].reverse().find((l) => l.end <= date.index) ??
        labels.find((l) => l.index >= date.index + date.raw.length);
      if (label) assign(label.role, date, SAME_LINE * line.confidence, line);
    }
    if (dates.length === 0) {
      // A label alone on its line: its date is the first on the next line, when that line has no label of its own.
      const next = lines[i + 1];
      const nextDates = next ? datesOn(next.text, order) : [];
      if (next && nextDates[0] && dateLabels(next.text).length === 0) {
        const label = labels.at(-1)!;
        assign(label.role, nextDates[0], NEARBY * next.confidence, next);
      }
    }
  }
  for (const line of lines) {
    // "Facture n°562044387 du 02 Juillet 2015": a date right after the invoice number.
    const dates = datesOn(line.text, order);
    if (
      dateLabels(line.text).length === 0 &&
      /\b(facture|invoice|rechnung|factura|fattura|factuur)\b.*\b(du|of|dated|vom|del|van)\b/i.test(line.text) &&
      dates[0]
    )
      setField(reading, 'invoiceDate', dates[0].iso, NEARBY * line.confidence, evidence(line));
  }
  if (!reading.fields.invoiceDate) {
    // No label: the first date on the bill that no label gave another role is most often its date.
    for (const line of lines) {
      const first = datesOn(line.text, order).find((d) => !claimed.has(`${line.page}/${d.index}/${line.text}`));
      if (first) {
        setField(
          reading,
          'invoiceDate',
          first.iso,
          GUESS * line.confidence,
          `${evidence(line)} (first date on the bill)`,
        );
        break;
      }
    }
  }
  // A due date before the issue date is a misreading of one of them: the due date then counts for little.
  const [issued, due] = [reading.fields.invoiceDate, reading.fields.dueDate];
  if (issued && due && due.value < issued.value) {
    reading.fields.dueDate = {
      ...due,
      confidence: due.confidence * 0.5,
      evidence: `${due.evidence} (before the issue date)`,
    };
    reading.warnings.push('due_before_issue: the due date read is before the issue date');
  }
}

function readPaymentTerms(reading: BillReading, lines: TextLine[], evidence: Evidence): void {
  for (const line of lines) {
    for (const regex of PAYMENT_TERMS) {
      const m = regex.exec(line.text);
      if (m) {
        setField(reading, 'paymentTerms', m[1]!.trim(), NEARBY * line.confidence, evidence(line));
        return;
      }
    }
  }
}

/**
 * The supplier is the party at the top of the bill, before the buyer's block: a line after a
 * "From/Fournisseur" label, else the first line with a legal form (Inc., Ltée, SARL…), else the
 * first line that is not a heading. Its address runs from the next line to a postal code.
 */
/** "INVOICE Northern Office Supply Ltd.": a title printed on the same row as the supplier's name. */
const HEADING = /^\s*(?:invoice|facture|tax\s+invoice|bill|receipt|re[çc]u)\s+(?=\S)/i;

function readSupplier(reading: BillReading, lines: TextLine[], evidence: Evidence): void {
  const top = lines.slice(0, 25).map((line) => ({ ...line, text: line.text.replace(HEADING, '') }));
  let nameAt = -1;
  let confidence = GUESS;
  for (const [i, line] of top.entries()) {
    const m = SUPPLIER_LABEL.exec(line.text);
    if (!m) continue;
    if (m[1] && m[1].trim().length > 1) {
      setField(reading, 'supplierName', m[1].trim(), NEARBY * line.confidence, evidence(line));
      nameAt = i;
    } else {
      const offset = top.slice(i + 1, i + 4).findIndex((next) => isName(cells(next.text)[0] ?? ''));
      if (offset >= 0) {
        nameAt = i + 1 + offset;
        setField(
          reading,
          'supplierName',
          cells(top[nameAt]!.text)[0],
          NEARBY * top[nameAt]!.confidence,
          evidence(top[nameAt]!),
        );
      }
    }
    if (nameAt >= 0) break;
  }
  if (nameAt < 0) {
    const buyerStart = top.findIndex((line) => BUYER_LABEL.test(line.text));
    const beforeBuyer = buyerStart < 0 ? top : top.slice(0, buyerStart);
    nameAt = beforeBuyer.findIndex((line) => COMPANY_FORM.test(line.text) && isName(cells(line.text)[0] ?? ''));
    if (nameAt >= 0) confidence = 0.7;
    else
      nameAt = beforeBuyer.findIndex(
        // On a till receipt the cashier's or till's line is never the merchant.
        (line) => isName(cells(line.text)[0] ?? '') && !RECEIPT_NOISE.test(line.text),
      );
    if (nameAt >= 0) {
      let name = cells(top[nameAt]!.text)[0]!;
      let from = top[nameAt]!;
      // A name wrapped on two lines ("Acme Industrial / Products Ltd."): the line above, in capitalised
      // words and without a legal form of its own, is its first half.
      const above = nameAt > 0 ? cells(top[nameAt - 1]!.text)[0] : undefined;
      if (
        confidence === 0.7 &&
        above &&
        isName(above) &&
        !COMPANY_FORM.test(above) &&
        !SUPPLIER_LABEL.test(above) &&
        /^(?:[\p{Lu}&][\p{L}'’&.-]*\s*){1,4}$/u.test(above.trim()) &&
        /^[\p{Lu}]/u.test(name) &&
        name.split(/\s+/).length <= 3
      ) {
        name = `${above.trim()} ${name}`;
        from = { ...from, text: `${top[nameAt - 1]!.text} / ${from.text}` };
      }
      setField(reading, 'supplierName', name, confidence * top[nameAt]!.confidence, evidence(from));
    }
  }
  if (nameAt < 0) return;
  const address: TextLine[] = [];
  for (const line of top.slice(nameAt + 1, nameAt + 6)) {
    if (BUYER_LABEL.test(line.text) || findTaxIds(line.text).length > 0 || findDates(line.text).length > 0) break;
    address.push(line);
    if (POSTCODE_LINE.test(line.text)) {
      const text = address.map((l) => cells(l.text)[0]).join(', ');
      setField(
        reading,
        'supplierAddress',
        text,
        NEARBY * Math.min(...address.map((l) => l.confidence)),
        address.map(evidence).join(' / '),
      );
      return;
    }
  }
}
