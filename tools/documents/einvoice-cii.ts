/**
 * UN/CEFACT Cross Industry Invoice: Factur-X and ZUGFeRD 2 (all profiles), XRechnung CII, and the
 * older ZUGFeRD 1 `CrossIndustryDocument`, whose elements differ only by name. Values are exact data
 * from the supplier's system, so every field has confidence 1.
 */
import { isIsoDate } from '../money.ts';
import { amountIn, exactLine, exactTax, joinAddress, setFrenchLegalId, xmlReading } from './einvoice-fields.ts';
import type { BillReading } from './reading.ts';
import type { ExtractedLine, TaxAmount } from './schemas.ts';
import { at, attr, children, text, textAt, type XNode } from './xml-nodes.ts';

/** ZUGFeRD 1 names on the right, CII D16B (Factur-X, ZUGFeRD 2, XRechnung) on the left. */
const pick = (node: XNode, d16b: string, v1: string): XNode | undefined => at(node, d16b) ?? at(node, v1);

/** CII dates are written `format="102"`: YYYYMMDD. */
function ciiDate(node: XNode | undefined): string | undefined {
  const value = textAt(node, 'DateTimeString');
  const match = value ? /^(\d{4})(\d{2})(\d{2})$/.exec(value) : null;
  const iso = match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
  return iso && isIsoDate(iso) ? iso : undefined;
}

function addressOf(party: XNode): string | undefined {
  const address = at(party, 'PostalTradeAddress');
  if (!address) return undefined;
  const city = [textAt(address, 'PostcodeCode'), textAt(address, 'CityName')].filter(Boolean).join(' ');
  return joinAddress([
    textAt(address, 'LineOne'),
    textAt(address, 'LineTwo'),
    textAt(address, 'LineThree'),
    city,
    textAt(address, 'CountrySubDivisionName'),
    textAt(address, 'CountryID'),
  ]);
}

export function readCii(
  root: XNode,
  rootName: 'CrossIndustryInvoice' | 'CrossIndustryDocument',
  file: string,
): BillReading {
  const { reading, where, set } = xmlReading(file);

  const document = pick(root, 'ExchangedDocument', 'HeaderExchangedDocument');
  const transaction = pick(root, 'SupplyChainTradeTransaction', 'SpecifiedSupplyChainTradeTransaction');
  const agreement = pick(transaction, 'ApplicableHeaderTradeAgreement', 'ApplicableSupplyChainTradeAgreement');
  const settlement = pick(transaction, 'ApplicableHeaderTradeSettlement', 'ApplicableSupplyChainTradeSettlement');
  const summation = pick(
    settlement,
    'SpecifiedTradeSettlementHeaderMonetarySummation',
    'SpecifiedTradeSettlementMonetarySummation',
  );
  const currency = textAt(settlement, 'InvoiceCurrencyCode') ?? 'EUR';

  const typeCode = textAt(document, 'TypeCode');
  set(
    'documentType',
    typeCode === '381' ? 'credit_note' : 'invoice',
    `${rootName}/ExchangedDocument/TypeCode ${typeCode ?? '(none)'}`,
  );
  set('invoiceNumber', textAt(document, 'ID'), 'ExchangedDocument/ID');
  set('invoiceDate', ciiDate(at(document, 'IssueDateTime')), 'ExchangedDocument/IssueDateTime');
  set('currency', currency, 'InvoiceCurrencyCode');

  const seller = at(agreement, 'SellerTradeParty');
  set('supplierName', textAt(seller, 'Name'), 'SellerTradeParty/Name');
  set('supplierAddress', addressOf(seller), 'SellerTradeParty/PostalTradeAddress');
  for (const registration of children(seller, 'SpecifiedTaxRegistration')) {
    const id = at(registration, 'ID');
    const value = text(id)?.replace(/\s+/g, '');
    if (attr(id, 'schemeID') !== 'VA' || !value) continue;
    // A Canadian seller's GST/HST number may be given as its tax registration.
    if (/^\d{9}RT\d{4}$/.test(value))
      set('supplierGst', value, 'SellerTradeParty/SpecifiedTaxRegistration/ID[@schemeID=VA]');
    else set('supplierVat', value, 'SellerTradeParty/SpecifiedTaxRegistration/ID[@schemeID=VA]');
  }
  setFrenchLegalId(reading, at(seller, 'SpecifiedLegalOrganization', 'ID'), (scheme) =>
    where(`SellerTradeParty/SpecifiedLegalOrganization/ID[@schemeID=${scheme}]`),
  );
  set('buyerName', textAt(agreement, 'BuyerTradeParty', 'Name'), 'BuyerTradeParty/Name');

  const terms = children(settlement, 'SpecifiedTradePaymentTerms');
  for (const term of terms) {
    set('dueDate', ciiDate(at(term, 'DueDateDateTime')), 'SpecifiedTradePaymentTerms/DueDateDateTime');
    set('paymentTerms', textAt(term, 'Description'), 'SpecifiedTradePaymentTerms/Description');
  }

  set(
    'subtotal',
    amountIn(children(summation, 'TaxBasisTotalAmount'), currency),
    'MonetarySummation/TaxBasisTotalAmount',
  );
  set('totalTax', amountIn(children(summation, 'TaxTotalAmount'), currency), 'MonetarySummation/TaxTotalAmount');
  set('total', amountIn(children(summation, 'GrandTotalAmount'), currency), 'MonetarySummation/GrandTotalAmount');
  set('amountDue', amountIn(children(summation, 'DuePayableAmount'), currency), 'MonetarySummation/DuePayableAmount');

  reading.taxes = children(settlement, 'ApplicableTradeTax').flatMap((tax): TaxAmount[] => {
    const amount = amountIn(children(tax, 'CalculatedAmount'), currency);
    if (amount === undefined) return [];
    const percent = textAt(tax, 'RateApplicablePercent') ?? textAt(tax, 'ApplicablePercent');
    const base = amountIn(children(tax, 'BasisAmount'), currency);
    return [
      exactTax(
        amount,
        percent,
        base,
        where(`ApplicableTradeTax ${textAt(tax, 'CategoryCode') ?? ''} ${percent ?? ''}%`.trim()),
      ),
    ];
  });

  reading.lines = children(transaction, 'IncludedSupplyChainTradeLineItem').flatMap((item): ExtractedLine[] => {
    const lineAgreement = pick(item, 'SpecifiedLineTradeAgreement', 'SpecifiedSupplyChainTradeAgreement');
    const lineDelivery = pick(item, 'SpecifiedLineTradeDelivery', 'SpecifiedSupplyChainTradeDelivery');
    const lineSettlement = pick(item, 'SpecifiedLineTradeSettlement', 'SpecifiedSupplyChainTradeSettlement');
    const lineSummation = pick(
      lineSettlement,
      'SpecifiedTradeSettlementLineMonetarySummation',
      'SpecifiedTradeSettlementMonetarySummation',
    );
    const amount = amountIn(children(lineSummation, 'LineTotalAmount'), currency);
    if (amount === undefined) return [];
    const tax = at(lineSettlement, 'ApplicableTradeTax');
    const percent = textAt(tax, 'RateApplicablePercent') ?? textAt(tax, 'ApplicablePercent');
    const description =
      textAt(item, 'SpecifiedTradeProduct', 'Name') ?? textAt(item, 'SpecifiedTradeProduct', 'Description') ?? '';
    const unitPrice = textAt(lineAgreement, 'NetPriceProductTradePrice', 'ChargeAmount');
    return [
      exactLine(
        { description, quantity: textAt(lineDelivery, 'BilledQuantity'), unitPrice, amount, percent },
        currency,
      ),
    ];
  });
  return reading;
}
