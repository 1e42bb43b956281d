// The rule-based parser on bills written out by hand, in French and English, and the cross-checks
// on readings whose right answer a reader can verify with a pencil.
import { describe, expect, it } from 'vitest';
import { assess } from '../../../tools/documents/checks.ts';
import { readBillText, type TextLine } from '../../../tools/documents/text-fields.ts';

const lines = (text: string, confidence = 1): TextLine[] =>
  text
    .trim()
    .split('\n')
    .map((line) => ({ text: line.trim(), confidence, page: 1 }));
const valuesOf = (text: string) => {
  const reading = readBillText(lines(text));
  return {
    fields: Object.fromEntries(Object.entries(reading.fields).map(([k, v]) => [k, v!.value])),
    taxes: reading.taxes.map((t) => [t.code, t.rate, t.amount]),
    lines: reading.lines,
    reading,
  };
};

const QUEBEC_FR = `
Fournitures Laurentides inc.
1250, rue Sherbrooke Ouest
Montréal (Québec) H3A 2M8
FACTURE
No de facture : F-2025-0142
Date de facture : 1er avril 2025
Date d’échéance : 1er mai 2025
Facturé à :
Boulangerie Saint-Viateur
Description Qté Prix unitaire Montant
Papier à photocopie (caisse) 10 45,99 $ 459,90 $
Cartouches d’encre noire 2 89,50 $ 179,00 $
Sous-total 638,90 $
TPS (5 %) 31,95 $
TVQ (9,975 %) 63,73 $
Total 734,58 $
Conditions : net 30 jours
No TPS/TVH : 123456782 RT0001
No TVQ : 1006150787 TQ0001`;

const ONTARIO_EN = `
INVOICE Northern Office Supply Ltd.
400 King Street West
Toronto, ON M5V 1K4
Invoice #: INV-88213
Invoice date: March 28, 2025
Due date: April 27, 2025
Bill to:
Harbour Café Ltd.
Description Qty Unit price Amount
Ergonomic chairs 4 $1,250.00 $5,000.00
Subtotal $5,000.00
HST (13%) $650.00
Amount due $5,650.00
GST/HST No.: 123456782RT0001
Terms: Net 30 days`;

const FRANCE_FR = `
NETPRESSE
16 rue Mollien
92100 BOULOGNE
Facture n° 2022089083
Date : 28/11/2022
Total HT : 46,68 €
TVA 20% : 9,34 €
Total TTC : 56,02 €
Sarl au capital de 10 000€ - RCS Paris B 530 848 134 – Siret 53084813400017 – TVA FR63530848134`;

describe('readBillText', () => {
  it('reads a Québec bill in French: GST and QST numbers, dates written out, amounts with comma decimals', () => {
    const { fields, taxes, lines: items } = valuesOf(QUEBEC_FR);
    expect(fields).toMatchObject({
      supplierName: 'Fournitures Laurentides inc.',
      supplierAddress: '1250, rue Sherbrooke Ouest, Montréal (Québec) H3A 2M8',
      supplierGst: '123456782RT0001',
      supplierQst: '1006150787TQ0001',
      invoiceNumber: 'F-2025-0142',
      invoiceDate: '2025-04-01',
      dueDate: '2025-05-01',
      paymentTerms: 'net 30 jours',
      currency: 'CAD',
      subtotal: '638.90',
      totalTax: '95.68',
      total: '734.58',
    });
    expect(taxes).toEqual([
      ['GST', '0.05', '31.95'],
      ['QST', '0.09975', '63.73'],
    ]);
    expect(items.map((l) => [l.description, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['Papier à photocopie (caisse)', '10', '45.99', '459.90'],
      ['Cartouches d’encre noire', '2', '89.50', '179.00'],
    ]);
  });

  it('reads an Ontario bill in English: a title on the supplier row, HST, "Amount due" as the total', () => {
    const { fields, taxes } = valuesOf(ONTARIO_EN);
    expect(fields).toMatchObject({
      supplierName: 'Northern Office Supply Ltd.',
      invoiceNumber: 'INV-88213',
      invoiceDate: '2025-03-28',
      dueDate: '2025-04-27',
      paymentTerms: 'Net 30 days',
      subtotal: '5000.00',
      total: '5650.00',
      amountDue: '5650.00',
    });
    expect(taxes).toEqual([['HST', '0.13', '650.00']]);
  });

  it('reads a French bill: HT/TTC totals, TVA, SIRET and the SIREN inside it, euro amounts', () => {
    const { fields, taxes } = valuesOf(FRANCE_FR);
    expect(fields).toMatchObject({
      currency: 'EUR',
      invoiceNumber: '2022089083',
      invoiceDate: '2022-11-28',
      subtotal: '46.68',
      total: '56.02',
      supplierSiret: '53084813400017',
      supplierSiren: '530848134',
      supplierName: 'NETPRESSE',
    });
    expect(taxes).toEqual([['TVA', '0.2', '9.34']]);
  });

  it.each([
    ['Invoice No. 4471', '4471'],
    ['Facture n° 562044387 du 02 Juillet 2015', '562044387'],
    ['N° de facture : FA-2025/031', 'FA-2025/031'],
    ['Invoice #: A-1001', 'A-1001'],
    ['Numéro de facture : 2025-118', '2025-118'],
  ])('finds the invoice number in "%s"', (text, number) => {
    expect(valuesOf(`Acme Inc.\n${text}\nTotal 10,00 $`).fields.invoiceNumber).toBe(number);
  });
});

describe('assess', () => {
  it('passes a Québec bill whose subtotal and taxes add up at GST 5 % and QST 9.975 %, and raises its amounts', () => {
    const { reading } = valuesOf(QUEBEC_FR);
    const { checks, confidence } = assess(reading, 'text');
    expect(checks.map((c) => [c.name, c.passed])).toEqual([
      ['required_fields', true],
      ['totals_add_up', true],
      ['lines_add_up', true],
      ['tax_rates_plausible', true],
      ['tax_numbers_valid', true],
      ['dates_in_order', true],
    ]);
    expect(checks.find((c) => c.name === 'tax_rates_plausible')!.detail).toBe(
      'GST 0.05, QST 0.09975 in force on 2025-04-01 (QC)',
    );
    expect(reading.fields.total!.confidence).toBe(0.97);
    expect(confidence).toBeGreaterThan(0.85);
  });

  it('says what each failed check found in French and in English, amounts, rates and dates written for the reader', () => {
    // fr-CA writes no-break spaces in amounts and before %; plain spaces here for readability.
    const plain = (said: { fr: string; en: string }) => ({
      fr: said.fr.replace(/[\u00a0\u202f]/g, ' '),
      en: said.en.replace(/[\u00a0\u202f]/g, ' '),
    });
    const check = (text: string, name: string) =>
      plain(assess(valuesOf(text).reading, 'text').checks.find((c) => c.name === name)!.message);
    expect(check(ONTARIO_EN.replace('$5,650.00', '$5,750.00'), 'totals_add_up')).toEqual({
      fr: 'Sous-total 5 000,00 $ + taxes 650,00 $ ≠ total 5 750,00 $.',
      en: 'Subtotal $5,000.00 + taxes $650.00 ≠ total $5,750.00.',
    });
    expect(check(ONTARIO_EN.replace('123456782RT0001', '123456789RT0001'), 'tax_numbers_valid')).toEqual({
      fr: 'Chiffre de contrôle invalide : TPS/TVH 123456789RT0001.',
      en: 'Invalid check digit: GST/HST 123456789RT0001.',
    });
    expect(
      check(
        'Maritime Tools Inc.\nInvoice #: 77\nInvoice date: 2025-03-31\nSubtotal $100.00\nHST (14%) $14.00\nTotal $114.00',
        'tax_rates_plausible',
      ),
    ).toEqual({
      fr: 'Taxes douteuses : TVH 14 % n’est pas un taux en vigueur le 31 mars 2025.',
      en: 'Doubtful taxes: HST 14% is not a rate in force on March 31, 2025.',
    });
    expect(check(QUEBEC_FR, 'tax_rates_plausible')).toEqual({
      fr: 'TPS 5 %, TVQ 9,975 % en vigueur le 1 avril 2025 (QC).',
      en: 'GST 5%, QST 9.975% in force on April 1, 2025 (QC).',
    });
  });

  it('accepts HST 14 % from 2025-04-01 (Nova Scotia) and flags it the day before, when no province charged it', () => {
    const bill = (date: string) =>
      `Maritime Tools Inc.\nInvoice #: 77\nInvoice date: ${date}\nSubtotal $100.00\nHST (14%) $14.00\nTotal $114.00`;
    const before = assess(valuesOf(bill('2025-03-31')).reading, 'text').checks.find(
      (c) => c.name === 'tax_rates_plausible',
    )!;
    const after = assess(valuesOf(bill('2025-04-01')).reading, 'text').checks.find(
      (c) => c.name === 'tax_rates_plausible',
    )!;
    expect(before).toMatchObject({ passed: false, detail: 'HST at 0.14 is not a rate in force on 2025-03-31' });
    expect(after).toMatchObject({ passed: true, detail: 'HST 0.14 in force on 2025-04-01 (NS)' });
  });

  it('names the provinces where a rate applies: HST 15 % after 2025-04-01 is NB, NL and PE only', () => {
    const bill =
      'Atlantic Print Co.\nInvoice #: 78\nInvoice date: 2025-04-02\nSubtotal $100.00\nHST (15%) $15.00\nTotal $115.00';
    expect(assess(valuesOf(bill).reading, 'text').checks.find((c) => c.name === 'tax_rates_plausible')!.detail).toBe(
      'HST 0.15 in force on 2025-04-02 (NB, NL, PE)',
    );
  });

  it('finds the rate of a tax line that does not print it from the subtotal: GST 25.00 on 500.00 is 5 %', () => {
    const { reading } = valuesOf(
      'Prairie Parts Ltd.\nInvoice #: 9\nDate: 2025-06-01\nSubtotal $500.00\nGST $25.00\nTotal $525.00',
    );
    expect(assess(reading, 'text').checks.find((c) => c.name === 'tax_rates_plausible')).toMatchObject({
      passed: true,
      detail: 'GST 0.05 in force on 2025-06-01',
    });
  });

  it('lowers the confidence of a bill that does not add up, and of a GST number with a wrong check digit', () => {
    const good = assess(valuesOf(ONTARIO_EN).reading, 'text');
    const wrongSum = assess(valuesOf(ONTARIO_EN.replace('$5,650.00', '$5,750.00')).reading, 'text');
    const wrongNumber = assess(valuesOf(ONTARIO_EN.replace('123456782RT0001', '123456789RT0001')).reading, 'text');
    expect(wrongSum.checks.find((c) => c.name === 'totals_add_up')).toMatchObject({
      passed: false,
      detail: 'subtotal 5000.00 + taxes 650.00 ≠ total 5750.00',
    });
    expect(wrongSum.confidence).toBeLessThan(good.confidence * 0.7);
    expect(wrongNumber.checks.find((c) => c.name === 'tax_numbers_valid')).toMatchObject({
      passed: false,
      detail: 'invalid check digit: GST/HST 123456789RT0001',
    });
    expect(wrongNumber.confidence).toBeLessThan(good.confidence);
  });

  it('scales text confidence by OCR line confidence', () => {
    const clean = assess(readBillText(lines(ONTARIO_EN, 1)), 'text').confidence;
    const blurry = assess(readBillText(lines(ONTARIO_EN, 0.6)), 'ocr', 0.6).confidence;
    expect(blurry).toBeLessThan(clean);
  });
});

describe('OCR readings', () => {
  it('restores a decimal comma OCR dropped ("644447 $") only because the bill then adds up', () => {
    const text =
      'Papeterie Beauce ltée\nNo de facture : 67775\nSous-total 644447 $\nTPS (5 %) 322,22 $\nTVQ (9,975 %) 642,84 $\nTotal 7 409,53 $';
    const ocr = readBillText(lines(text, 0.9), { ocr: true });
    expect([ocr.fields.subtotal?.value, ocr.fields.total?.value]).toEqual(['6444.47', '7409.53']);
    expect(ocr.fields.subtotal?.evidence).toContain('decimal comma restored');
    // Read as a PDF text layer, the same line is taken as printed: 644447 $ has no decimals there.
    expect(readBillText(lines(text)).fields.subtotal?.value).toBe('644447.00');
  });
});
