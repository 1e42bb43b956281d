// E-invoice XML (CII, ZUGFeRD 1, UBL) read from the third-party samples in ../shared/data/invoices:
// expected values are copied from the XML files themselves, which are exact ground truth.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEInvoice } from '../../../tools/documents/einvoice.ts';

const DATA = new URL('../../../../shared/data/invoices/', import.meta.url);
const xml = (path: string) => readFileSync(new URL(path, DATA), 'utf8');
const values = (path: string) => {
  const read = readEInvoice(xml(path), path)!;
  return {
    format: read.format,
    ...Object.fromEntries(Object.entries(read.reading.fields).map(([k, v]) => [k, v!.value])),
    taxes: read.reading.taxes,
    lines: read.reading.lines,
  };
};

describe('readEInvoice', () => {
  it('reads a Factur-X EN16931 invoice (CII): seller, dates, totals, VAT by rate, lines', () => {
    const v = values('factur-x/factur-x-en16931.xml');
    expect(v).toMatchObject({
      format: 'cii',
      documentType: 'invoice',
      invoiceNumber: 'F20260023',
      invoiceDate: '2026-01-31',
      dueDate: '2026-03-02',
      supplierName: 'LE FOURNISSEUR',
      supplierVat: 'FR11123456782',
      supplierSiren: '123456782',
      buyerName: 'LE CLIENT',
      currency: 'EUR',
      subtotal: '100.00',
      totalTax: '4.90',
      total: '104.90',
      amountDue: '104.90',
      paymentTerms: 'PAIEMENT 30 JOURS NET',
    });
    expect(v.taxes.map((t) => [t.rate, t.base, t.amount])).toEqual([
      ['0.2', '11.00', '2.20'],
      ['0', '60.00', '0.00'],
      ['0.1', '27.00', '2.70'],
      ['0', '2.00', '0.00'],
    ]);
    expect(v.lines[0]).toMatchObject({
      description: 'PRESTATION SUPPORT',
      quantity: '1',
      unitPrice: '60.00',
      amount: '60.00',
      taxRate: '0',
    });
    expect(v.lines).toHaveLength(3);
  });

  it('reads a MINIMUM profile with a SIRET given as scheme 0002: SIRET kept, SIREN is its first 9 digits', () => {
    expect(values('mustang/xml/facturFrMinimum.xml')).toMatchObject({
      supplierSiret: '99999999800010',
      supplierSiren: '999999998',
      total: '671.15',
      amountDue: '470.15',
    });
  });

  it('reads ZUGFeRD 1 (CrossIndustryDocument) with the same rules', () => {
    const pdfXml = values('mustang/xml/validV2FR.xml');
    expect(pdfXml).toMatchObject({
      format: 'cii',
      invoiceNumber: 'FAC-20171118-506',
      total: '571.04',
      totalTax: '75.04',
    });
  });

  it('reads a UBL invoice and keeps 4-decimal amounts exact rather than rounding them', () => {
    expect(values('factur-x/ubl-21-en16931.xml')).toMatchObject({
      format: 'ubl',
      invoiceNumber: 'F124212',
      invoiceDate: '2026-06-17',
      dueDate: '2026-07-16',
      supplierSiren: '999999998',
      subtotal: '273.00',
      totalTax: '35.03',
      total: '308.03',
      amountDue: '208.03',
    });
    expect(values('mustang/xml/line-total-4-decimals.xml').lines[0]).toMatchObject({
      unitPrice: '47.0504',
      amount: '47.0504',
    });
  });

  it('reads a UBL CreditNote as a credit note', () => {
    expect(values('mustang/xml/ubl-tc434-creditnote1.xml')).toMatchObject({
      documentType: 'credit_note',
      invoiceNumber: '018304 / 28865',
      total: '100.11',
    });
  });

  it('reads negative totals of a credit issued as type 380', () => {
    expect(values('mustang/xml/valid_Avoir_FR_type380_minimum_factur-x.xml')).toMatchObject({
      subtotal: '-218.48',
      totalTax: '-14.99',
      total: '-233.47',
    });
  });

  it('returns undefined for XML that is not an invoice, and refuses DTDs (entity expansion)', () => {
    expect(readEInvoice('<?xml version="1.0"?><Order><ID>1</ID></Order>', 'order.xml')).toBeUndefined();
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><Invoice><ID>&lol2;</ID></Invoice>';
    expect(readEInvoice(bomb, 'bomb.xml')).toBeUndefined();
  });
});
