/**
 * OASIS UBL 2.1 Invoice and CreditNote (PEPPOL BIS, XRechnung UBL, EN 16931). Exact data from the
 * supplier's system: every field has confidence 1.
 */
import { isIsoDate } from '../money.ts';
import { amountIn, exactLine, exactTax, joinAddress, setFrenchLegalId, xmlReading } from './einvoice-fields.ts';
import type { BillReading } from './reading.ts';
import type { ExtractedLine, TaxAmount } from './schemas.ts';
import { at, attr, children, textAt, type XNode } from './xml-nodes.ts';

const isoDate = (value: string | undefined) => (value && isIsoDate(value) ? value : undefined);

function addressOf(party: XNode): string | undefined {
  const address = at(party, 'PostalAddress');
  if (!address) return undefined;
  const city = [textAt(address, 'PostalZone'), textAt(address, 'CityName')].filter(Boolean).join(' ');
  return joinAddress([
    textAt(address, 'StreetName'),
    textAt(address, 'AdditionalStreetName'),
    ...children(address, 'AddressLine').map((line) => textAt(line, 'Line')),
    city,
    textAt(address, 'CountrySubentity'),
    textAt(address, 'Country', 'IdentificationCode'),
  ]);
}

export function readUbl(root: XNode, rootName: 'Invoice' | 'CreditNote', file: string): BillReading {
  const { reading, where, set } = xmlReading(file);
  const currency = textAt(root, 'DocumentCurrencyCode') ?? 'EUR';

  const typeCode = textAt(root, 'InvoiceTypeCode') ?? textAt(root, 'CreditNoteTypeCode');
  const credit = rootName === 'CreditNote' || typeCode === '381';
  set('documentType', credit ? 'credit_note' : 'invoice', `${rootName} type ${typeCode ?? '(none)'}`);
  set('invoiceNumber', textAt(root, 'ID'), `${rootName}/ID`);
  set('invoiceDate', isoDate(textAt(root, 'IssueDate')), `${rootName}/IssueDate`);
  set('dueDate', isoDate(textAt(root, 'DueDate')), `${rootName}/DueDate`);
  for (const means of children(root, 'PaymentMeans'))
    set('dueDate', isoDate(textAt(means, 'PaymentDueDate')), 'PaymentMeans/PaymentDueDate');
  set('paymentTerms', textAt(root, 'PaymentTerms', 'Note'), 'PaymentTerms/Note');
  set('currency', currency, 'DocumentCurrencyCode');

  const seller = at(root, 'AccountingSupplierParty', 'Party');
  set(
    'supplierName',
    textAt(seller, 'PartyName', 'Name') ?? textAt(seller, 'PartyLegalEntity', 'RegistrationName'),
    'AccountingSupplierParty/Party/PartyName',
  );
  set('supplierAddress', addressOf(seller), 'AccountingSupplierParty/Party/PostalAddress');
  for (const scheme of children(seller, 'PartyTaxScheme')) {
    const id = textAt(scheme, 'CompanyID')?.replace(/\s+/g, '');
    if (!id) continue;
    if (/^\d{9}RT\d{4}$/.test(id)) set('supplierGst', id, 'PartyTaxScheme/CompanyID');
    else if (/^\d{10}TQ\d{4}$/.test(id)) set('supplierQst', id, 'PartyTaxScheme/CompanyID');
    else if (textAt(scheme, 'TaxScheme', 'ID') === 'VAT') set('supplierVat', id, 'PartyTaxScheme/CompanyID (VAT)');
  }
  setFrenchLegalId(reading, at(seller, 'PartyLegalEntity', 'CompanyID'), (scheme) =>
    where(`PartyLegalEntity/CompanyID[@schemeID=${scheme}]`),
  );
  const buyer = at(root, 'AccountingCustomerParty', 'Party');
  set(
    'buyerName',
    textAt(buyer, 'PartyName', 'Name') ?? textAt(buyer, 'PartyLegalEntity', 'RegistrationName'),
    'AccountingCustomerParty/Party',
  );

  const totals = at(root, 'LegalMonetaryTotal');
  set('subtotal', amountIn(children(totals, 'TaxExclusiveAmount'), currency), 'LegalMonetaryTotal/TaxExclusiveAmount');
  set('total', amountIn(children(totals, 'TaxInclusiveAmount'), currency), 'LegalMonetaryTotal/TaxInclusiveAmount');
  set('amountDue', amountIn(children(totals, 'PayableAmount'), currency), 'LegalMonetaryTotal/PayableAmount');

  // TaxTotal appears once in the document currency (with subtotals) and may appear again in the tax currency.
  const taxTotals = children(root, 'TaxTotal');
  const taxTotal = taxTotals.find((node) => attr(at(node, 'TaxAmount'), 'currencyID') === currency) ?? taxTotals[0];
  set('totalTax', amountIn(children(taxTotal, 'TaxAmount'), currency), 'TaxTotal/TaxAmount');
  reading.taxes = children(taxTotal, 'TaxSubtotal').flatMap((subtotal): TaxAmount[] => {
    const amount = amountIn(children(subtotal, 'TaxAmount'), currency);
    if (amount === undefined) return [];
    const percent = textAt(subtotal, 'TaxCategory', 'Percent') ?? textAt(subtotal, 'Percent');
    const base = amountIn(children(subtotal, 'TaxableAmount'), currency);
    return [
      exactTax(
        amount,
        percent,
        base,
        where(`TaxTotal/TaxSubtotal ${textAt(subtotal, 'TaxCategory', 'ID') ?? ''} ${percent ?? ''}%`.trim()),
      ),
    ];
  });

  const lineNodes = [...children(root, 'InvoiceLine'), ...children(root, 'CreditNoteLine')];
  reading.lines = lineNodes.flatMap((line): ExtractedLine[] => {
    const amount = amountIn(children(line, 'LineExtensionAmount'), currency);
    if (amount === undefined) return [];
    return [
      exactLine(
        {
          description: textAt(line, 'Item', 'Name') ?? textAt(line, 'Item', 'Description') ?? '',
          quantity: textAt(line, 'InvoicedQuantity') ?? textAt(line, 'CreditedQuantity'),
          unitPrice: textAt(line, 'Price', 'PriceAmount'),
          amount,
          percent: textAt(line, 'Item', 'ClassifiedTaxCategory', 'Percent'),
        },
        currency,
      ),
    ];
  });
  return reading;
}
