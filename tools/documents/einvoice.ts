/**
 * Structured e-invoices: recognises the syntax of an XML file (CII, ZUGFeRD 1, UBL Invoice or
 * CreditNote) and reads it with fast-xml-parser. Values stay strings, so no amount passes through a float.
 */
import { XMLValidator } from 'fast-xml-parser';
import { xmlParser } from '../xml.ts';
import { readCii } from './einvoice-cii.ts';
import { readUbl } from './einvoice-ubl.ts';
import type { BillReading } from './reading.ts';

export type EInvoiceFormat = 'cii' | 'zugferd1' | 'ubl';

// Elements that repeat; declared so a single occurrence still reads as a list.
const REPEATED = new Set([
  'IncludedSupplyChainTradeLineItem',
  'ApplicableTradeTax',
  'SpecifiedTaxRegistration',
  'SpecifiedTradePaymentTerms',
  'TaxBasisTotalAmount',
  'TaxTotalAmount',
  'GrandTotalAmount',
  'DuePayableAmount',
  'LineTotalAmount',
  'CalculatedAmount',
  'BasisAmount',
  'InvoiceLine',
  'CreditNoteLine',
  'TaxTotal',
  'TaxSubtotal',
  'PartyTaxScheme',
  'PaymentMeans',
  'AddressLine',
  'TaxExclusiveAmount',
  'TaxInclusiveAmount',
  'PayableAmount',
  'LineExtensionAmount',
  'TaxAmount',
  'TaxableAmount',
]);

const parser = xmlParser(REPEATED);

export interface EInvoice {
  format: EInvoiceFormat;
  reading: BillReading;
}

/**
 * Reads an e-invoice, or returns undefined when the XML is not one this module knows (an order,
 * a delivery note, any other XML). Throws on XML that does not parse.
 */
export function readEInvoice(xml: string, file: string): EInvoice | undefined {
  // No e-invoice needs a DTD; refusing them rules out entity-expansion attacks before parsing.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return undefined;
  // The parser is lenient with a file cut short; the validator is not, and a partial bill must not pass.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line})`);
  const tree = parser.parse(xml) as Record<string, unknown>;
  if (tree.CrossIndustryInvoice)
    return { format: 'cii', reading: readCii(tree.CrossIndustryInvoice, 'CrossIndustryInvoice', file) };
  if (tree.CrossIndustryDocument)
    return { format: 'zugferd1', reading: readCii(tree.CrossIndustryDocument, 'CrossIndustryDocument', file) };
  if (tree.Invoice) return { format: 'ubl', reading: readUbl(tree.Invoice, 'Invoice', file) };
  if (tree.CreditNote) return { format: 'ubl', reading: readUbl(tree.CreditNote, 'CreditNote', file) };
  return undefined;
}
