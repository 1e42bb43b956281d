/**
 * The rule-based field parser: reads a bill's fields from its lines of text (a PDF text layer or
 * OCR output), in French or English, without any model. Each field keeps the line it came from and
 * a confidence from how it was found (labelled on the same line, next line, or guessed) times the
 * OCR confidence of that line. Amounts go through `tools/money.ts` only.
 */
import { fromMinor } from '../money.ts';
import { currencyOfSign, findAmounts, type FoundAmount } from './amounts.ts';
import { findDates, type DayOrder } from './dates.ts';
import { canonicalRate, percentToRate } from './decimals.ts';
import {
  AMOUNT_LABELS,
  BUYER_LABEL,
  COMPANY_FORM,
  DUE_DATE,
  INVOICE_DATE,
  INVOICE_NUMBER,
  INVOICE_NUMBER_LABEL,
  NOT_A_NAME,
  PAYMENT_TERMS,
  POSTCODE_LINE,
  SUPPLIER_LABEL,
  TAX_LABELS,
  type AmountLabel,
  type TaxCode,
} from './labels.ts';
import { readLineItems } from './line-items.ts';
import { emptyReading, setField, type BillReading } from './reading.ts';
import { findTaxIds } from './tax-ids.ts';

export interface TextLine {
  text: string;
  /** 0..1: 1 for a PDF text layer, the OCR line confidence otherwise. */
  confidence: number;
  page: number;
}

/** How sure a rule is, before OCR quality: labelled on the line, labelled nearby, or a guess. */
const SAME_LINE = 0.9;
const NEARBY = 0.75;
const GUESS = 0.5;

const FRENCH =
  /\b(facture|montant|total\s+ttc|tps|tvq|tvh|tva|échéance|date\s+de|sous-total|taxes|payer|fournisseur|numéro|avril|juillet|août|décembre|février|mois|jours)\b/gi;
const ENGLISH =
  /\b(invoice|amount|subtotal|gst|qst|hst|due|date|bill|balance|payment|terms|days|total|tax|thank|please)\b/gi;

export function detectLang(text: string): 'fr' | 'en' {
  const fr = text.match(FRENCH)?.length ?? 0;
  const en = text.match(ENGLISH)?.length ?? 0;
  return fr >= en ? 'fr' : 'en';
}

/** The bill's currency: a printed code or sign, then what its taxes and words say. */
function detectCurrency(text: string): { currency: string; confidence: number; evidence: string } {
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
  const canadian = /\b(GST|HST|QST|PST|TPS|TVH|TVQ|TVP)\b|\d{9}\s?RT\s?\d{4}/i.test(text);
  if (/\$/.test(text)) {
    return canadian
      ? { currency: 'CAD', confidence: 0.85, evidence: '$ with Canadian sales taxes' }
      : { currency: 'CAD', confidence: 0.5, evidence: '$ without a country: Canadian dollars assumed' };
  }
  if (canadian) return { currency: 'CAD', confidence: 0.7, evidence: 'Canadian sales taxes' };
  if (/\b(TVA|SIRET|SIREN)\b/i.test(text)) return { currency: 'EUR', confidence: 0.6, evidence: 'French VAT words' };
  return { currency: 'CAD', confidence: 0.3, evidence: 'no currency printed: CAD assumed' };
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

export function readBillText(lines: TextLine[], options: { order?: DayOrder; ocr?: boolean } = {}): BillReading {
  const reading = emptyReading();
  const all = lines.map((l) => l.text).join('\n');
  const lang = detectLang(all);
  reading.lang = lang;
  const order: DayOrder = options.order ?? 'dmy';
  const evidence = (line: TextLine) => `p${line.page}: ${line.text.replace(/\t/g, ' | ').trim()}`;

  const currency = detectCurrency(all);
  setField(reading, 'currency', currency.currency, currency.confidence, currency.evidence);
  const cur = currency.currency;

  // Tax numbers: the supplier prints its own; a buyer's number is rare on a bill.
  for (const line of lines) {
    for (const id of findTaxIds(line.text)) {
      const name = (
        {
          gst: 'supplierGst',
          qst: 'supplierQst',
          siren: 'supplierSiren',
          siret: 'supplierSiret',
          vat: 'supplierVat',
        } as const
      )[id.kind];
      setField(reading, name, id.value, (id.valid ? 0.95 : 0.6) * line.confidence, evidence(line));
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

  readInvoiceNumber(reading, lines, evidence);
  readDatesInOrder(reading, lines, order, evidence);
  readPaymentTerms(reading, lines, evidence);
  readSupplier(reading, lines, evidence);

  // Amounts by label, and tax lines.
  const candidates: Record<AmountLabel, Candidate[]> = { subtotal: [], total: [], amountDue: [], totalTax: [] };
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
  const put = (name: 'subtotal' | 'total' | 'totalTax' | 'amountDue', c: Candidate | undefined) =>
    c && setField(reading, name, fromMinor(c.minor, cur), c.confidence, c.evidence);
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
 * Chooses subtotal and total among the labelled candidates: the pair that adds up with the taxes
 * (subtotal + taxes = total) wins; otherwise the last subtotal and the largest total.
 */
function chooseTotals(c: Record<AmountLabel, Candidate[]>, taxSum: bigint | undefined) {
  const totals = [...c.total, ...c.amountDue];
  const tax = taxSum ?? c.totalTax[0]?.minor;
  if (tax !== undefined) {
    for (const s of c.subtotal) {
      const t = totals.find((candidate) => candidate.minor === s.minor + tax);
      if (t)
        return {
          subtotal: s,
          total: t,
          amountDue: c.amountDue.find((a) => a.minor === t.minor) ?? c.amountDue.at(-1),
          totalTax: c.totalTax[0],
        };
    }
  }
  // The strongest label first (Grand total over a bare Total), then the largest amount.
  const largest = (list: Candidate[]) =>
    list.reduce<Candidate | undefined>((best, x) => {
      if (best === undefined) return x;
      const [bs, xs] = [best.strength ?? 1, x.strength ?? 1];
      return xs > bs || (xs === bs && x.minor > best.minor) ? x : best;
    }, undefined);
  const total = largest(c.total) ?? largest(c.amountDue);
  // Otherwise the last one printed among the surest readings (a restored decimal comma is not one).
  const last = (list: Candidate[]) => {
    const top = Math.max(...list.map((x) => x.strength ?? 1));
    return list.filter((x) => (x.strength ?? 1) === top).at(-1);
  };
  return { subtotal: last(c.subtotal), total, amountDue: last(c.amountDue), totalTax: c.totalTax[0] };
}

type Evidence = (line: TextLine) => string;

/** A line that can be a company name: words, not a heading, an address, an amount or a remark. */
const isName = (text: string) =>
  !POSTCODE_LINE.test(text) &&
  text.length > 1 &&
  text.length < 60 &&
  /[A-Za-zÀ-ÿ]{2}/.test(text) &&
  !NOT_A_NAME.test(text) &&
  !/\d{3,}|@|:|^[\d#(*]/.test(text) &&
  !/^(description|qty|quantity|quantit[ée]|item|article|d[ée]signation)\b/i.test(text);

function readInvoiceNumber(reading: BillReading, lines: TextLine[], evidence: Evidence): void {
  for (const [i, line] of lines.entries()) {
    for (const cell of cells(line.text)) {
      for (const regex of INVOICE_NUMBER) {
        const m = regex.exec(cell);
        // "Facture n° 2022089083 du 28/11/2022": the number, not the date after it.
        if (m && !/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(m[1]!) && !/^(19|20)\d{2}$/.test(m[1]!)) {
          setField(reading, 'invoiceNumber', m[1]!.replace(/[.:]$/, ''), SAME_LINE * line.confidence, evidence(line));
        }
      }
    }
    if (reading.fields.invoiceNumber) return;
    const parts = cells(line.text);
    const labelCell = parts.findIndex((cell) => INVOICE_NUMBER_LABEL.test(cell));
    if (labelCell < 0) continue;
    // The value sits in the cell before the label (two-column layouts) or on the next line.
    const before = parts[labelCell - 1];
    const next = lines[i + 1];
    const value = before ?? (next ? cells(next.text)[0] : undefined);
    if (value && /^[#A-Z0-9][A-Z0-9\-/_.#]*$/i.test(value) && /\d/.test(value)) {
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

function readDates(reading: BillReading, lines: TextLine[], order: DayOrder, evidence: Evidence): void {
  for (const [i, line] of lines.entries()) {
    const due = DUE_DATE.exec(line.text);
    const issued = INVOICE_DATE.exec(line.text);
    const dates = findDates(line.text, order);
    const next = lines[i + 1];
    const nextDates = next ? findDates(next.text, order) : [];
    const sure = (ambiguous: boolean) => (ambiguous ? 0.85 : 1);
    if (due) {
      const after = dates.find((d) => d.index >= due.index) ?? dates.at(-1);
      if (after)
        setField(reading, 'dueDate', after.iso, SAME_LINE * sure(after.ambiguous) * line.confidence, evidence(line));
      else if (nextDates[0] && next)
        setField(
          reading,
          'dueDate',
          nextDates[0].iso,
          NEARBY * sure(nextDates[0].ambiguous) * next.confidence,
          evidence(next),
        );
    }
    if (issued && (!due || issued.index < due.index)) {
      const end = due ? due.index : line.text.length;
      const inRange = dates.filter((d) => d.index < end);
      const chosen = inRange.find((d) => d.index >= issued.index) ?? inRange.at(-1);
      if (chosen)
        setField(
          reading,
          'invoiceDate',
          chosen.iso,
          SAME_LINE * sure(chosen.ambiguous) * line.confidence,
          evidence(line),
        );
      else if (!due && nextDates[0] && next)
        setField(
          reading,
          'invoiceDate',
          nextDates[0].iso,
          NEARBY * sure(nextDates[0].ambiguous) * next.confidence,
          evidence(next),
        );
    }
    // "Facture n°562044387 du 02 Juillet 2015": a date right after the invoice number.
    if (!issued && !due && /\b(facture|invoice)\b.*\b(du|of|dated)\b/i.test(line.text) && dates[0]) {
      setField(reading, 'invoiceDate', dates[0].iso, NEARBY * line.confidence, evidence(line));
    }
  }
  if (!reading.fields.invoiceDate) {
    // No label: the first date on the bill is most often its date.
    for (const line of lines) {
      const first = findDates(line.text, order)[0];
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
    else nameAt = beforeBuyer.findIndex((line) => isName(cells(line.text)[0] ?? ''));
    if (nameAt >= 0)
      setField(
        reading,
        'supplierName',
        cells(top[nameAt]!.text)[0],
        confidence * top[nameAt]!.confidence,
        evidence(top[nameAt]!),
      );
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
