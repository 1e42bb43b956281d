/**
 * Cross-checks of what was read, and the confidence they justify. A bill whose subtotal and taxes
 * add up to its total, at rates in force in a province on its date, with every required field,
 * earns a high confidence even from OCR; a bill that does not add up never does.
 */
import type { Lang } from '../context.ts';
import { fromMinor, mulRate, sum, type CurrencyCode } from '../money.ts';
import { PROVINCES, ratesInForce, type TaxRate } from '../tax/index.ts';
import { canonicalRate, minorOf } from './decimals.ts';
import type { BillReading } from './reading.ts';
import type { Check, ExtractionSource, TaxAmount } from './schemas.ts';
import { taxIdValid, type TaxIdKind } from './tax-ids.ts';
import { checkTexts, day, inBoth, money, taxAt, taxName, taxNumber } from './texts.ts';

export const REQUIRED_FIELDS = ['supplierName', 'invoiceNumber', 'invoiceDate', 'total'] as const;

/** Rounding differs between billing systems (per line vs per document): one cent either way is honest. */
const ROUNDING_TOLERANCE = 1n;

const abs = (value: bigint) => (value < 0n ? -value : value);

function totalsCheck(reading: BillReading, currency: CurrencyCode): Check | undefined {
  const subtotal = minorOf(reading.fields.subtotal?.value, currency);
  const total = minorOf(reading.fields.total?.value, currency);
  if (subtotal === undefined || total === undefined) return undefined;
  const taxAmounts = reading.taxes.map((t) => minorOf(t.amount, currency));
  const taxes =
    taxAmounts.every((t) => t !== undefined) && taxAmounts.length > 0
      ? sum(taxAmounts as bigint[])
      : (minorOf(reading.fields.totalTax?.value, currency) ?? 0n);
  // A cash rounding printed between the computed and the payable total is part of the sum.
  const rounding = minorOf(reading.fields.rounding?.value, currency) ?? 0n;
  const passed = subtotal + taxes + rounding === total;
  return {
    name: 'totals_add_up',
    passed,
    detail: `subtotal ${reading.fields.subtotal!.value} + taxes ${fmt(taxes, currency)}${rounding ? ` + rounding ${fmt(rounding, currency)}` : ''} ${passed ? '=' : '≠'} total ${reading.fields.total!.value}`,
    message: inBoth((lang) =>
      checkTexts[lang].totals(
        money(subtotal, currency, lang),
        money(taxes, currency, lang),
        money(total, currency, lang),
        passed,
      ),
    ),
  };
}

const fmt = (minor: bigint, currency: CurrencyCode) => fromMinor(minor, currency);

function linesCheck(reading: BillReading, currency: CurrencyCode): Check | undefined {
  const subtotal = minorOf(reading.fields.subtotal?.value, currency);
  if (reading.lines.length === 0 || subtotal === undefined) return undefined;
  const amounts = reading.lines.map((line) => minorOf(line.amount, currency));
  if (amounts.some((a) => a === undefined)) return undefined;
  const lines = sum(amounts as bigint[]);
  const passed = lines === subtotal;
  return {
    name: 'lines_add_up',
    passed,
    detail: `${reading.lines.length} lines sum to ${fmt(lines, currency)}, subtotal ${reading.fields.subtotal!.value}`,
    message: inBoth((lang) =>
      checkTexts[lang].lines(reading.lines.length, money(lines, currency, lang), money(subtotal, currency, lang)),
    ),
  };
}

/** Every (tax, rate) in force somewhere in Canada on a date, with the provinces that levy it. */
function canadianRates(on: string): Map<string, string[]> {
  const rates = new Map<string, string[]>();
  for (const province of PROVINCES) {
    let inForce: TaxRate[] = [];
    try {
      inForce = ratesInForce('CA', province, on);
    } catch {
      continue;
    }
    for (const rate of inForce) {
      // Manitoba's RST is commonly printed as PST.
      const codes = rate.component === 'RST' ? ['RST', 'PST'] : [rate.component];
      for (const code of codes) {
        const key = `${code}/${canonicalRate(rate.rate)}`;
        rates.set(key, [...(rates.get(key) ?? []), province]);
      }
    }
  }
  return rates;
}

function frenchRates(on: string): Set<string> {
  try {
    return new Set(ratesInForce('FR', undefined, on).map((rate) => `TVA/${canonicalRate(rate.rate)}`));
  } catch {
    return new Set();
  }
}

/** The rate a tax line implies when the bill does not print it: amount ÷ base, matched against the table. */
function impliedRate(
  tax: TaxAmount,
  base: bigint | undefined,
  candidates: string[],
  currency: CurrencyCode,
): string | undefined {
  const amount = minorOf(tax.amount, currency);
  if (base === undefined || amount === undefined) return undefined;
  return candidates.find((rate) => abs(mulRate(base, rate) - amount) <= ROUNDING_TOLERANCE);
}

function ratesCheck(reading: BillReading, currency: CurrencyCode, on: string | undefined): Check | undefined {
  if (reading.taxes.length === 0 || on === undefined) return undefined;
  const french =
    reading.fields.supplierVat?.value.startsWith('FR') ||
    reading.fields.supplierSiren !== undefined ||
    (currency === 'EUR' && reading.lang === 'fr');
  const canada = canadianRates(on);
  const france = frenchRates(on);
  const subtotal = minorOf(reading.fields.subtotal?.value, currency);
  // Each problem and each matched tax, compact in English and as people read it in either language.
  const problems: { detail: string; say: (lang: Lang) => string }[] = [];
  const matched: { detail: string; say: (lang: Lang) => string }[] = [];
  const provinceSets: string[][] = [];
  const amountOf = (text: string, lang: Lang) => {
    const minor = minorOf(text, currency);
    return minor === undefined ? text : money(minor, currency, lang);
  };
  for (const tax of reading.taxes) {
    if (tax.code === 'TVA' && !french) continue;
    const table = tax.code === 'TVA' ? [...france] : [...canada.keys()];
    const forCode = table.filter((key) => key.startsWith(`${tax.code}/`)).map((key) => key.slice(tax.code.length + 1));
    const base =
      minorOf(tax.base, currency) ??
      (reading.taxes.filter((t) => t.code !== 'TVA').length > 0 || reading.taxes.length === 1 ? subtotal : undefined);
    const rate = tax.rate ?? impliedRate(tax, base, forCode, currency);
    if (rate === undefined) {
      problems.push({
        detail: `${tax.code} ${tax.amount}: no rate in force on ${on} gives this amount`,
        say: (lang) => checkTexts[lang].noRateGives(taxName(tax.code, lang), amountOf(tax.amount, lang), day(on, lang)),
      });
      continue;
    }
    if (!forCode.includes(rate)) {
      problems.push({
        detail: `${tax.code} at ${rate} is not a rate in force on ${on}`,
        say: (lang) => checkTexts[lang].notARate(taxAt(tax.code, rate, lang), day(on, lang)),
      });
      continue;
    }
    const amount = minorOf(tax.amount, currency);
    if (
      base !== undefined &&
      amount !== undefined &&
      rate !== '0' &&
      abs(mulRate(base, rate) - amount) > ROUNDING_TOLERANCE
    ) {
      problems.push({
        detail: `${tax.code} ${tax.amount} is not ${rate} × ${fmt(base, currency)}`,
        say: (lang) =>
          checkTexts[lang].notRateTimesBase(
            taxAt(tax.code, rate, lang),
            money(amount, currency, lang),
            money(base, currency, lang),
          ),
      });
      continue;
    }
    matched.push({ detail: `${tax.code} ${rate}`, say: (lang) => taxAt(tax.code, rate, lang) });
    if (tax.code !== 'TVA') provinceSets.push(canada.get(`${tax.code}/${rate}`) ?? []);
  }
  if (problems.length === 0 && matched.length === 0) return undefined;
  const provinces = provinceSets.length > 0 ? provinceSets.reduce((a, b) => a.filter((p) => b.includes(p))) : [];
  if (provinceSets.length > 1 && provinces.length === 0 && reading.taxes.some((t) => t.code === 'QST')) {
    problems.push({
      detail: 'these taxes are not levied together in any province',
      say: (lang) => checkTexts[lang].notTogether,
    });
  }
  const where = provinces.length > 0 && provinces.length <= 4 ? provinces.join(', ') : '';
  const detail = (list: typeof matched) => list.map((p) => p.detail);
  const said = (list: typeof matched, lang: Lang) => list.map((p) => p.say(lang));
  return {
    name: 'tax_rates_plausible',
    passed: problems.length === 0,
    detail:
      problems.length === 0
        ? `${detail(matched).join(', ')} in force on ${on}${where ? ` (${where})` : ''}`
        : detail(problems).join('; '),
    message: inBoth((lang) =>
      problems.length === 0
        ? checkTexts[lang].ratesInForce(said(matched, lang).join(', '), day(on, lang), where)
        : checkTexts[lang].problems(said(problems, lang)),
    ),
  };
}

function requiredCheck(reading: BillReading): Check {
  const missing = REQUIRED_FIELDS.filter((name) => reading.fields[name] === undefined);
  return {
    name: 'required_fields',
    passed: missing.length === 0,
    detail: missing.length === 0 ? 'supplier, number, date and total found' : `missing: ${missing.join(', ')}`,
    message: inBoth((lang) =>
      missing.length === 0 ? checkTexts[lang].requiredFound : checkTexts[lang].requiredMissing(missing),
    ),
  };
}

/** Every identifier read, checked by the maintained validators (stdnum, ibantools): country format and check digits. */
function taxNumbersCheck(reading: BillReading): Check | undefined {
  type Found = { kind: Parameters<typeof taxNumber>[0]; value: string };
  const results: Found[] = [];
  const bad: Found[] = [];
  const fields: [TaxIdKind, string | undefined][] = [
    ['gst', reading.fields.supplierGst?.value],
    ['qst', reading.fields.supplierQst?.value],
    ['siren', reading.fields.supplierSiren?.value],
    ['siret', reading.fields.supplierSiret?.value],
    ['vat', reading.fields.supplierVat?.value],
    ['iban', reading.fields.supplierIban?.value],
  ];
  for (const [kind, value] of fields) {
    if (!value) continue;
    // A GST/HST number is checked on its business number, the 9 digits before RT.
    (taxIdValid(kind, value) ? results : bad).push({ kind, value });
  }
  if (results.length === 0 && bad.length === 0) return undefined;
  const named = (list: Found[], lang: Lang) => list.map((f) => taxNumber(f.kind, f.value, lang));
  return {
    name: 'tax_numbers_valid',
    passed: bad.length === 0,
    detail:
      bad.length === 0
        ? `check digits valid: ${named(results, 'en').join(', ')}`
        : `invalid check digit: ${named(bad, 'en').join(', ')}`,
    message: inBoth((lang) =>
      bad.length === 0
        ? checkTexts[lang].checkDigitsValid(named(results, lang))
        : checkTexts[lang].checkDigitInvalid(named(bad, lang)),
    ),
  };
}

/** Dates by role: a bill falls due on or after the day it is issued. */
function datesCheck(reading: BillReading): Check | undefined {
  const [issued, due] = [reading.fields.invoiceDate?.value, reading.fields.dueDate?.value];
  if (!issued || !due) return undefined;
  const passed = due >= issued;
  return {
    name: 'dates_in_order',
    passed,
    detail: `invoice date ${issued}, due ${due}`,
    message: inBoth((lang) => checkTexts[lang].datesInOrder(day(issued, lang), day(due, lang), passed)),
  };
}

/** The company reading the bill: its name and tax numbers, to check the bill is addressed to it. */
export interface Company {
  name: string;
  taxIds?: string[];
}

const comparable = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(inc|ltd|ltee|limited|llc|corp|sas|sarl|sa|gmbh|ag|bv|nv|srl|spa|sl)\b\.?/g, '')
    .replace(/[^a-z0-9]/g, '');

/** The buyer read against the company: a bill addressed to someone else is said in the evidence. */
function addressedCheck(reading: BillReading, company: Company | undefined): Check | undefined {
  const buyer = reading.fields.buyerName?.value;
  const buyerId = reading.fields.buyerTaxId?.value;
  if (!company || (!buyer && !buyerId)) return undefined;
  const ids = (company.taxIds ?? []).map((id) => id.replace(/\s/g, '').toUpperCase());
  const byId = buyerId !== undefined && ids.includes(buyerId.toUpperCase());
  const [a, b] = [comparable(buyer ?? ''), comparable(company.name)];
  const byName = a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
  const passed = byId || byName;
  const who = buyer ?? buyerId!;
  return {
    name: 'addressed_to_company',
    passed,
    detail: `buyer ${who}${buyerId ? ` (${buyerId})` : ''} ${passed ? 'is' : 'is not'} ${company.name}`,
    message: inBoth((lang) => checkTexts[lang].addressedTo(who, passed)),
  };
}

export interface Assessment {
  checks: Check[];
  confidence: number;
}

/**
 * Runs the checks and computes the overall confidence. Exact e-invoice data is 1 unless its own
 * totals disagree; text and OCR readings start from their required fields' confidence and are
 * raised when the arithmetic holds (the amounts then confirm each other) or lowered when it fails.
 */
export function assess(
  reading: BillReading,
  source: ExtractionSource,
  ocrConfidence?: number,
  company?: Company,
): Assessment {
  const currency = reading.fields.currency?.value ?? 'CAD';
  const on = reading.fields.invoiceDate?.value;
  const totals = safe(() => totalsCheck(reading, currency));
  const checks = [
    requiredCheck(reading),
    totals,
    source === 'xml' ? undefined : safe(() => linesCheck(reading, currency)),
    safe(() => ratesCheck(reading, currency, on)),
    taxNumbersCheck(reading),
    datesCheck(reading),
    addressedCheck(reading, company),
    source === 'ocr' && ocrConfidence !== undefined
      ? {
          name: 'ocr_quality',
          passed: ocrConfidence >= 0.7,
          detail: `mean OCR word confidence ${Math.round(ocrConfidence * 100)} %`,
          message: inBoth((lang) => checkTexts[lang].ocrQuality(Math.round(ocrConfidence * 100))),
        }
      : undefined,
  ].filter((check): check is Check => check !== undefined);
  const failed = (name: string) => checks.some((c) => c.name === name && !c.passed);
  const passed = (name: string) => checks.some((c) => c.name === name && c.passed);

  if (source === 'xml') return { checks, confidence: failed('totals_add_up') ? 0.8 : 1 };

  if (passed('totals_add_up')) {
    // Amounts that add up confirm one another: a misread digit would break the sum.
    for (const name of ['subtotal', 'total', 'totalTax'] as const) {
      const field = reading.fields[name];
      if (field) field.confidence = Math.max(field.confidence, 0.97 * Math.min(1, (ocrConfidence ?? 1) + 0.1));
    }
    for (const tax of reading.taxes)
      tax.confidence = Math.max(tax.confidence, 0.97 * Math.min(1, (ocrConfidence ?? 1) + 0.1));
  }
  const required = REQUIRED_FIELDS.map((name) => reading.fields[name]?.confidence ?? 0);
  let confidence = required.reduce((a, b) => a + b, 0) / required.length;
  confidence *= passed('totals_add_up') ? 1 : failed('totals_add_up') ? 0.6 : 0.8;
  if (failed('tax_rates_plausible')) confidence *= 0.8;
  if (failed('tax_numbers_valid')) confidence *= 0.9;
  if (failed('lines_add_up')) confidence *= 0.95;
  if (failed('dates_in_order')) confidence *= 0.9;
  // Not addressed to the company: the bill may be real, but it is not this company's to pay.
  if (failed('addressed_to_company')) confidence *= 0.7;
  return { checks, confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000 };
}

function safe<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
