/**
 * One invoice or credit note as an EN 16931 e-invoice, in the JSON shape `@e-invoice-eu/core` turns
 * into CII, UBL or Factur-X (its fields are UBL's names). Also says, in both languages, what the
 * standard or French law needs that the company or client has not given yet: a send is refused on
 * that list before anything leaves.
 *
 * Amounts come from the stored document (cents, tax breakdown), never recomputed: the e-invoice says
 * what the PDF says. A credit note is stored negative (so sums net out); the standard wants it positive.
 */
import type { Invoice } from '@e-invoice-eu/core';
import type { Tenant } from '../../context.ts';
import { canonicalQuantity, fromMinor, toMinor } from '../../money.ts';
import { ratesInForce } from '../../tax/index.ts';
import type { ClientRow, InvoiceRow, itemsOf } from '../queries.ts';
import type { InvoiceSummary } from '../schemas.ts';
import {
  DOCUMENT_TYPE,
  isVatExemption,
  paymentMeansCode,
  UNIT_ONE,
  VAT_EXEMPTIONS,
  type VatCategory,
} from './codes.ts';

type Item = Awaited<ReturnType<typeof itemsOf>>[number];
type Lang = 'fr' | 'en';

export interface EInvoiceSource {
  tenant: Tenant;
  client: ClientRow;
  invoice: InvoiceRow;
  items: Item[];
  /** For a credit note: the invoice it credits. */
  credited: InvoiceRow | null;
}

/** Something the e-invoice needs and Comptoir does not hold yet, said in both languages. */
export interface Missing {
  field: string;
  fr: string;
  en: string;
}

// Legal forms of a sole trader, which have no share capital to print.
const NO_CAPITAL = /^(EI|EIRL|EURL unipersonnelle|micro|auto)/i;

/** "0.05" + "0.09975" → "14.975": rates are exact decimals, summed without floats. */
export function percentOf(rates: readonly string[]): string {
  const SCALE = 8;
  const units = rates.reduce((total, rate) => {
    const [whole = '0', fraction = ''] = rate.split('.');
    return total + BigInt(whole + fraction.padEnd(SCALE, '0').slice(0, SCALE));
  }, 0n);
  // ×100 for a percentage: two fewer decimals.
  const digits = units.toString().padStart(SCALE - 1, '0');
  const whole = digits.slice(0, -(SCALE - 2)) || '0';
  const fraction = digits.slice(-(SCALE - 2)).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

function negate(quantity: string): string {
  return quantity.startsWith('-') ? quantity.slice(1) : `-${quantity}`;
}

function address(value: Record<string, string> | null | undefined, country: string, region?: string | null) {
  const a = value ?? {};
  const street = a.line1 ?? a.street;
  return {
    ...(street ? { 'cbc:StreetName': street } : {}),
    ...(a.line2 ? { 'cbc:AdditionalStreetName': a.line2 } : {}),
    ...(a.city ? { 'cbc:CityName': a.city } : {}),
    ...(a.postalCode ? { 'cbc:PostalZone': a.postalCode } : {}),
    ...((region ?? a.province ?? a.region) ? { 'cbc:CountrySubentity': (region ?? a.province ?? a.region)! } : {}),
    'cac:Country': { 'cbc:IdentificationCode': country },
  };
}

interface LineTax {
  category: VatCategory;
  percent: string;
  exemption?: keyof typeof VAT_EXEMPTIONS;
}

/**
 * The VAT category and rate of each line. France: the rate of the line's class on the tax date.
 * Canada: one standard category at the sum of the taxes in force at the place of supply (GST + QST
 * is 14.975 %) — EN 16931 has one VAT per line; each tax is named in a note.
 */
function lineTaxes(source: EInvoiceSource, taxDate: string): LineTax[] {
  const { invoice, items } = source;
  const taxes = invoice.taxBreakdown as InvoiceSummary['taxes'];
  const frRates = taxes.some((t) => t.code === 'TVA') ? ratesInForce('FR', undefined, taxDate) : [];
  const canadian = percentOf(taxes.filter((t) => t.code !== 'TVA').map((t) => t.rate));
  return items.map((item) => {
    if (item.taxTreatment === 'zero_rated' && !item.vatExemption) return { category: 'Z', percent: '0' };
    if (item.taxTreatment !== 'taxable') {
      const exemption = isVatExemption(item.vatExemption) ? item.vatExemption : undefined;
      return { category: exemption ? VAT_EXEMPTIONS[exemption].category : 'E', percent: '0', exemption };
    }
    if (frRates.length > 0) {
      const rate = frRates.find((r) => r.rateClass === (item.frRate ?? 'normal'));
      return { category: 'S', percent: percentOf([rate?.rate ?? '0']) };
    }
    return { category: 'S', percent: canadian };
  });
}

/** What the e-invoice of this document needs and is missing; empty when it can be issued. */
export function missingFor(source: EInvoiceSource, format: 'facturx' | 'ubl' | 'cii'): Missing[] {
  const { tenant, client, items } = source;
  const missing: Missing[] = [];
  const need = (field: string, fr: string, en: string) => missing.push({ field, fr, en });
  const taxes = lineTaxes(source, source.credited?.issueDate ?? source.invoice.issueDate);
  const a = tenant.address ?? {};
  if (!(a.line1 ?? a.street) || !a.city || !a.postalCode)
    need(
      'company.address',
      "l'adresse complète de l'entreprise (rue, ville, code postal)",
      "the company's full address (street, city, postal code)",
    );
  if (tenant.country === 'FR') {
    if (!tenant.siren) need('company.siren', "le SIREN de l'entreprise", "the company's SIREN");
    if (!tenant.legalForm)
      need(
        'company.legalForm',
        "la forme juridique de l'entreprise (SAS, SARL…)",
        "the company's legal form (SAS, SARL…)",
      );
    else if (!tenant.shareCapital && !NO_CAPITAL.test(tenant.legalForm))
      need('company.shareCapital', "le capital social de l'entreprise", "the company's share capital");
  }
  const charges = taxes.some((t) => t.category === 'S');
  const reverse = taxes.some((t) => t.category === 'AE' || t.category === 'K');
  if (tenant.country === 'CA' && charges && !tenant.gstNumber)
    need('company.gstNumber', "le numéro de TPS/TVH de l'entreprise", "the company's GST/HST number");
  if ((tenant.country !== 'CA' && charges) || reverse) {
    if (!tenant.vatNumber)
      need('company.vatNumber', "le numéro de TVA intracommunautaire de l'entreprise", "the company's VAT number");
  }
  if (reverse && !client.vatNumber)
    need('client.vatNumber', `le numéro de TVA du client ${client.name}`, `the VAT number of client ${client.name}`);
  // The French reform identifies every French business buyer by its SIREN.
  if (tenant.country === 'FR' && client.country === 'FR' && !client.siren)
    need('client.siren', `le SIREN du client ${client.name}`, `the SIREN of client ${client.name}`);
  items.forEach((item, i) => {
    if (item.taxTreatment === 'exempt' && !isVatExemption(item.vatExemption))
      need(
        `lines.${i}.vatExemption`,
        `le motif d'exonération de la ligne ${i + 1} (« ${item.description} »), p. ex. VATEX-EU-132`,
        `the exemption reason of line ${i + 1} ("${item.description}"), e.g. VATEX-EU-132`,
      );
  });
  // UBL (Peppol) addresses both parties electronically; email is the address we hold.
  if (format === 'ubl') {
    if (!tenant.email) need('company.email', "l'adresse courriel de l'entreprise", "the company's email address");
    if (!client.email)
      need('client.email', `l'adresse courriel du client ${client.name}`, `the email of client ${client.name}`);
  }
  return missing;
}

/** The sentence that refuses a send, listing everything missing at once. */
export function missingSentence(number: string, missing: readonly Missing[], lang: Lang): string {
  const list = missing.map((m) => m[lang]).join(lang === 'fr' ? ' ; ' : '; ');
  return lang === 'fr'
    ? `La facture électronique de ${number} ne peut pas partir : il manque ${list}. Rien n'a été envoyé.`
    : `The e-invoice for ${number} cannot be sent: it needs ${list}. Nothing was sent.`;
}

/** The document in the library's JSON (UBL names). Call missingFor() first: this assumes the data is there. */
export function en16931(source: EInvoiceSource): Invoice {
  const { tenant, client, invoice, items, credited } = source;
  const currency = invoice.currency as Invoice['ubl:Invoice']['cbc:DocumentCurrencyCode'];
  const sign = invoice.kind === 'credit_note' ? -1n : 1n;
  const money = (cents: bigint) => fromMinor(sign * cents, invoice.currency);
  const amount = <K extends string>(key: K, cents: bigint) =>
    ({ [key]: money(cents), [`${key}@currencyID`]: currency }) as Record<K | `${K}@currencyID`, string>;
  const lang = invoice.language;
  const taxDate = credited?.issueDate ?? invoice.issueDate;
  const taxes = lineTaxes(source, taxDate);

  // The VAT breakdown: one group per category and rate, its base the lines' net amounts.
  const stored = invoice.taxBreakdown as InvoiceSummary['taxes'];
  const groups = new Map<string, { tax: LineTax; base: bigint; amount: bigint }>();
  items.forEach((item, i) => {
    const tax = taxes[i]!;
    const key = `${tax.category}|${tax.percent}|${tax.exemption ?? ''}`;
    const group = groups.get(key) ?? { tax, base: 0n, amount: 0n };
    group.base += item.lineTotalCents;
    groups.set(key, group);
  });
  for (const group of groups.values()) {
    if (group.tax.category !== 'S') continue;
    // The tax itself is the stored one: per French rate, or every Canadian tax of the document.
    const french = stored.filter((t) => t.code === 'TVA' && percentOf([t.rate]) === group.tax.percent);
    const parts = french.length > 0 ? french : stored.filter((t) => t.code !== 'TVA');
    group.amount = parts.reduce((total, t) => total + toMinor(t.amount, invoice.currency), 0n);
  }

  const categoryOf = (tax: LineTax) => ({
    'cbc:ID': tax.category,
    ...(tax.category === 'O' ? {} : { 'cbc:Percent': tax.percent }),
    'cac:TaxScheme': { 'cbc:ID': 'VAT' },
  });

  const sellerTaxIds = [
    ...(tenant.vatNumber ? [{ 'cbc:CompanyID': tenant.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }] : []),
    // A Canadian GST/HST number is a tax registration (BT-32), not a VAT identifier with a country prefix.
    ...(!tenant.vatNumber && tenant.gstNumber
      ? [{ 'cbc:CompanyID': tenant.gstNumber, 'cac:TaxScheme': { 'cbc:ID': 'FC' } }]
      : []),
  ] as [] | [{ 'cbc:CompanyID': string; 'cac:TaxScheme': { 'cbc:ID': string } }];

  const notes = [
    // French commercial law: legal form and capital on every invoice.
    ...(tenant.country === 'FR' && tenant.legalForm
      ? [
          [
            tenant.name,
            tenant.legalForm,
            tenant.shareCapital && `capital ${tenant.shareCapital}`,
            tenant.siren && `SIREN ${tenant.siren}`,
          ]
            .filter(Boolean)
            .join(', '),
        ]
      : []),
    // Canada: each tax by name, since the breakdown carries their sum.
    ...stored
      .filter((t) => t.code !== 'TVA')
      .map(
        (t) =>
          `${t.labels?.[lang] ?? t.code} ${percentOf([t.rate])} %: ${fromMinor(sign * toMinor(t.amount, invoice.currency), invoice.currency)} ${invoice.currency}`,
      ),
    ...(invoice.notes ? [invoice.notes] : []),
  ];

  const lines = items.map((item, i) => {
    let price = sign * item.unitPriceCents;
    let quantity = canonicalQuantity(item.quantity);
    // The standard's price is never negative: a discount line is a negative quantity.
    if (price < 0n) {
      price = -price;
      quantity = negate(quantity);
    }
    return {
      'cbc:ID': String(item.position),
      'cbc:InvoicedQuantity': quantity,
      'cbc:InvoicedQuantity@unitCode': UNIT_ONE,
      ...amount('cbc:LineExtensionAmount', item.lineTotalCents),
      'cac:Item': { 'cbc:Name': item.description, 'cac:ClassifiedTaxCategory': categoryOf(taxes[i]!) },
      'cac:Price': { 'cbc:PriceAmount': fromMinor(price, invoice.currency), 'cbc:PriceAmount@currencyID': currency },
    };
  });

  const iban = tenant.iban?.replace(/\s+/g, '');
  const party = (name: string, email: string | null) => ({
    ...(email ? { 'cbc:EndpointID': email, 'cbc:EndpointID@schemeID': 'EM' } : {}),
    'cac:PartyLegalEntity': { 'cbc:RegistrationName': name },
  });

  return {
    'ubl:Invoice': {
      'cbc:ID': invoice.number,
      'cbc:IssueDate': invoice.issueDate,
      ...(invoice.kind === 'invoice' ? { 'cbc:DueDate': invoice.dueDate } : {}),
      'cbc:InvoiceTypeCode': DOCUMENT_TYPE[invoice.kind],
      ...(notes.length > 0 ? { 'cbc:Note': notes } : {}),
      'cbc:DocumentCurrencyCode': currency,
      ...(credited
        ? {
            'cac:BillingReference': [
              { 'cac:InvoiceDocumentReference': { 'cbc:ID': credited.number, 'cbc:IssueDate': credited.issueDate } },
            ],
          }
        : {}),
      'cac:AccountingSupplierParty': {
        'cac:Party': {
          ...party(tenant.name, tenant.email),
          'cac:PostalAddress': address(tenant.address, tenant.country, tenant.province),
          'cac:PartyTaxScheme': sellerTaxIds,
          'cac:PartyLegalEntity': {
            'cbc:RegistrationName': tenant.name,
            ...legalId(tenant),
            ...(tenant.legalForm
              ? { 'cbc:CompanyLegalForm': [tenant.legalForm, tenant.shareCapital].filter(Boolean).join(', ') }
              : {}),
          },
          ...(tenant.email ? { 'cac:Contact': { 'cbc:ElectronicMail': tenant.email } } : {}),
        },
      },
      'cac:AccountingCustomerParty': {
        'cac:Party': {
          ...party(client.name, client.email),
          'cac:PostalAddress': address(client.address, client.country, client.province),
          ...(client.vatNumber
            ? { 'cac:PartyTaxScheme': { 'cbc:CompanyID': client.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } } }
            : {}),
          'cac:PartyLegalEntity': {
            'cbc:RegistrationName': client.name,
            ...(client.siren ? { 'cbc:CompanyID': client.siren, 'cbc:CompanyID@schemeID': '0002' } : {}),
          },
        },
      },
      // The tax point: CII needs a delivery block, and an invoice of ours is issued on delivery.
      'cac:Delivery': { 'cbc:ActualDeliveryDate': taxDate },
      ...(iban
        ? {
            'cac:PaymentMeans': [
              {
                'cbc:PaymentMeansCode': paymentMeansCode(invoice.currency, iban),
                'cbc:PaymentID': invoice.number,
                'cac:PayeeFinancialAccount': {
                  'cbc:ID': iban,
                  'cbc:Name': tenant.name,
                  ...(tenant.bic ? { 'cac:FinancialInstitutionBranch': { 'cbc:ID': tenant.bic } } : {}),
                },
              },
            ],
          }
        : {}),
      ...(invoice.kind === 'credit_note' && credited
        ? {
            'cac:PaymentTerms': {
              'cbc:Note':
                lang === 'fr' ? `Avoir sur la facture ${credited.number}` : `Credit against invoice ${credited.number}`,
            },
          }
        : {}),
      'cac:TaxTotal': [
        {
          ...amount('cbc:TaxAmount', invoice.taxCents),
          'cac:TaxSubtotal': [...groups.values()].map((g) => ({
            ...amount('cbc:TaxableAmount', g.base),
            ...amount('cbc:TaxAmount', g.amount),
            'cac:TaxCategory': {
              ...categoryOf(g.tax),
              ...(g.tax.exemption
                ? {
                    'cbc:TaxExemptionReasonCode': g.tax.exemption,
                    'cbc:TaxExemptionReason': VAT_EXEMPTIONS[g.tax.exemption][lang],
                  }
                : {}),
            },
          })),
        },
      ],
      'cac:LegalMonetaryTotal': {
        ...amount('cbc:LineExtensionAmount', invoice.subtotalCents),
        ...amount('cbc:TaxExclusiveAmount', invoice.subtotalCents),
        ...amount('cbc:TaxInclusiveAmount', invoice.totalCents),
        ...amount('cbc:PayableAmount', invoice.totalCents),
      },
      'cac:InvoiceLine': lines as Invoice['ubl:Invoice']['cac:InvoiceLine'],
    },
  } as Invoice;
}

/**
 * The seller's legal registration (BT-30), which lets a buyer's software identify it: the SIREN in
 * France (ISO 6523 scheme 0002); in Canada the Business Number, the first 9 digits of the GST/HST number.
 */
function legalId(tenant: Tenant): Record<string, string> {
  if (tenant.siren) return { 'cbc:CompanyID': tenant.siren, 'cbc:CompanyID@schemeID': '0002' };
  const businessNumber = /^\d{9}/.exec(tenant.gstNumber?.replace(/\s+/g, '') ?? '')?.[0];
  return businessNumber ? { 'cbc:CompanyID': businessNumber } : {};
}
