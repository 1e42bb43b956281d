/**
 * E-invoices out: every invoice of the table below is issued as Factur-X, UBL and CII, then
 *  - read back by our own reader, which must find the same parties, numbers, dates, lines, taxes and totals;
 *  - checked by third-party tools: the official EN 16931 business rules (0 fatal), the CII XSD, and for
 *    Factur-X the embedded factur-x.xml and the PDF/A-3 claim.
 * A send is refused, naming what is missing, before anything leaves.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { outboxEmails } from '../../../db/schema/index.ts';
import { propose } from '../../../tools/actions/door.ts';
import type { Session } from '../../../tools/context.ts';
import { extractDocument } from '../../../tools/documents/extract.ts';
import { createCreditNote } from '../../../tools/invoicing/create-credit-note.ts';
import { getEInvoice } from '../../../tools/invoicing/get-einvoice.ts';
import type { InvoiceSummary } from '../../../tools/invoicing/schemas.ts';
import { sendInvoice } from '../../../tools/invoicing/send-invoice.ts';
import { updateClient } from '../../../tools/invoicing/update-client.ts';
import { updateCompany } from '../../../tools/settings/update-company.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import {
  attachedXml,
  businessRuleFailures,
  ciiSchemaErrors,
  pdfAttachments,
  pdfaClaim,
} from '../../support/en16931.ts';
import { done, newClient, newInvoice, read } from './people.ts';

let handle: DatabaseHandle;
let quebec: Awaited<ReturnType<typeof makeCompany>>;
let paris: Awaited<ReturnType<typeof makeCompany>>;

const FRENCH_COMPANY = {
  name: 'Atelier Lumière SAS',
  country: 'FR',
  province: null,
  currency: 'EUR',
  language: 'fr' as const,
  address: { line1: '12 rue de la Paix', city: 'Paris', postalCode: '75002' },
  email: 'factures@atelier-lumiere.example',
  vatNumber: 'FR40303265045',
  siren: '303265045',
  siret: '30326504500017',
  legalForm: 'SAS',
  shareCapital: '10 000 €',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP',
};

beforeAll(async () => {
  handle = await freshDatabase();
  quebec = await makeCompany(handle.db, {
    name: 'Atelier Comptoir Inc.',
    address: { line1: '123, rue Saint-Paul Ouest', city: 'Montréal', province: 'QC', postalCode: 'H2Y 1Z5' },
    email: 'facturation@atelier-comptoir.example',
    gstNumber: '123456789RT0001',
    qstNumber: '1234567890TQ0001',
  });
  paris = await makeCompany(handle.db, FRENCH_COMPANY);
}, 60_000);
afterAll(() => handle?.close());

interface Case {
  name: string;
  company: () => Awaited<ReturnType<typeof makeCompany>>;
  client: Record<string, unknown>;
  lines: Record<string, unknown>[];
  credit?: boolean;
}

const frenchClient = {
  country: 'FR',
  language: 'fr',
  email: 'compta@client.example',
  siren: '732829320',
  vatNumber: 'FR44732829320',
  address: { line1: '5 quai Saint-Antoine', city: 'Lyon', postalCode: '69002' },
};

const CASES: Case[] = [
  {
    name: 'Québec client: GST + QST, a zero-rated line',
    company: () => quebec,
    client: { name: 'Café Québec', province: 'QC', email: 'ap@cafe.example', language: 'fr' },
    lines: [
      { description: 'Consultation (heure)', quantity: '3', unitPrice: '125.00' },
      { description: 'Lait (détaxé)', quantity: '10', unitPrice: '4.25', treatment: 'zero_rated' },
    ],
  },
  {
    name: 'Ontario client: HST 13 %',
    company: () => quebec,
    client: { name: 'Toronto Tools Ltd', province: 'ON', email: 'ap@tools.example', language: 'en' },
    lines: [{ description: 'Workshop day', quantity: '2', unitPrice: '980.00' }],
  },
  {
    name: 'France, domestic: two VAT rates',
    company: () => paris,
    client: { name: 'Boulangerie Lyon SARL', ...frenchClient },
    lines: [
      { description: 'Luminaire suspendu', quantity: '4', unitPrice: '189.00', frRate: 'normal' },
      { description: 'Livre technique', quantity: '2', unitPrice: '35.50', frRate: 'reduced' },
    ],
  },
  {
    name: 'France: a VAT-exempt line beside a taxable one',
    company: () => paris,
    client: { name: 'Clinique Saint-Jean', ...frenchClient, siren: '552100554', vatNumber: 'FR03552100554' },
    lines: [
      {
        description: 'Formation agréée',
        quantity: '1',
        unitPrice: '1200.00',
        treatment: 'exempt',
        vatExemption: 'VATEX-EU-132',
      },
      { description: 'Support de cours', quantity: '10', unitPrice: '12.00', frRate: 'normal' },
    ],
  },
  {
    name: 'France: a credit note for a whole invoice',
    company: () => paris,
    client: { name: 'Studio Nantes', ...frenchClient, siren: '418304211', vatNumber: 'FR22418304211' },
    lines: [
      { description: 'Lampe de bureau', quantity: '3', unitPrice: '79.90', frRate: 'normal' },
      { description: 'Abat-jour', quantity: '3', unitPrice: '24.00', frRate: 'intermediate' },
    ],
    credit: true,
  },
];

const abs = (amount: string) => amount.replace(/^-/, '');

async function issue(session: Session, invoiceId: string, format: 'facturx' | 'ubl' | 'cii') {
  const out = await read<{ base64: string; filename: string; contentType: string }>(session, getEInvoice, {
    invoiceId,
    format,
  });
  return { ...out, bytes: Buffer.from(out.base64, 'base64') };
}

describe.each(CASES)('$name', (c) => {
  let document: InvoiceSummary;
  let session: Session;

  beforeAll(async () => {
    session = c.company().session('manager');
    const client = await newClient(session, c.client);
    const invoice = await newInvoice(session, { clientId: client.id, issueDate: '2026-11-02', lines: c.lines });
    if (c.credit) await done(session, sendInvoice, { invoiceId: invoice.id });
    document = c.credit
      ? (
          await done<{ creditNote: InvoiceSummary }>(session, createCreditNote, {
            invoiceId: invoice.id,
            reason: 'Retour complet',
          })
        ).creditNote
      : invoice;
  });

  it.each(['facturx', 'ubl', 'cii'] as const)('%s reads back as issued', async (format) => {
    const file = await issue(session, document.id, format);
    const result = await extractDocument(file.bytes, { filename: file.filename, mimeType: file.contentType });
    if (result.status !== 'extracted') throw new Error(`not read: ${JSON.stringify(result)}`);
    expect(result.source).toBe('xml');
    const f = result.fields;
    expect(f.invoiceNumber?.value).toBe(document.number);
    expect(f.invoiceDate?.value).toBe(document.issueDate);
    if (document.kind === 'invoice') expect(f.dueDate?.value).toBe(document.dueDate);
    expect(f.documentType?.value ?? 'invoice').toBe(document.kind);
    expect(f.supplierName?.value).toBe(c.company().tenant.name);
    expect(f.buyerName?.value).toBe(document.client.name);
    expect(f.currency?.value).toBe(document.currency);
    expect(f.subtotal?.value).toBe(abs(document.subtotal));
    expect(f.totalTax?.value).toBe(abs(document.tax));
    expect(f.total?.value).toBe(abs(document.total));
    // Lines: same count, same net amounts (a credit note's lines, stored negative, read positive).
    const sign = document.kind === 'credit_note' ? -1 : 1;
    expect(result.lines.map((l) => Number(l.amount))).toEqual(document.lines.map((l) => sign * Number(l.lineTotal)));
    // Taxes: the reader's tax lines add up to the document's tax.
    const taxSum = result.taxes.reduce((total, t) => total + Math.round(Number(t.amount) * 100), 0);
    expect(taxSum).toBe(Math.abs(Math.round(Number(document.tax) * 100)));
    if (c.company() === paris) {
      expect(f.supplierSiren?.value).toBe(FRENCH_COMPANY.siren);
      expect(f.supplierVat?.value).toBe(FRENCH_COMPANY.vatNumber);
    }
  });

  it('passes the official EN 16931 rules and the CII schema', async () => {
    const cii = (await issue(session, document.id, 'cii')).bytes.toString('utf8');
    expect(ciiSchemaErrors(cii)).toBe('');
    expect(businessRuleFailures(cii, 'cii').filter((f) => f.flag === 'fatal')).toEqual([]);
    const ubl = (await issue(session, document.id, 'ubl')).bytes.toString('utf8');
    expect(businessRuleFailures(ubl, 'ubl').filter((f) => f.flag === 'fatal')).toEqual([]);
  }, 120_000);

  it('Factur-X is a PDF/A-3 carrying factur-x.xml, which passes the rules too', async () => {
    const pdf = (await issue(session, document.id, 'facturx')).bytes;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfAttachments(pdf)).toEqual(['factur-x.xml']);
    expect(pdfaClaim(pdf)).toBe('3B');
    const xml = attachedXml(pdf);
    expect(ciiSchemaErrors(xml)).toBe('');
    expect(businessRuleFailures(xml, 'cii').filter((f) => f.flag === 'fatal')).toEqual([]);
  }, 120_000);
});

describe('the checks can fail', () => {
  it('a CII whose grand total was tampered with breaks BR-CO-15', async () => {
    const session = paris.session('manager');
    const client = await newClient(session, {
      name: 'Client Témoin',
      ...frenchClient,
      siren: '380129866',
      vatNumber: 'FR18380129866',
    });
    const invoice = await newInvoice(session, {
      clientId: client.id,
      lines: [{ description: 'Lampe', quantity: '1', unitPrice: '100.00', frRate: 'normal' }],
    });
    const cii = (await issue(session, invoice.id, 'cii')).bytes.toString('utf8');
    const broken = cii.replace(/<ram:GrandTotalAmount>120.00</, '<ram:GrandTotalAmount>121.00<');
    expect(broken).not.toBe(cii);
    expect(businessRuleFailures(broken, 'cii').map((f) => f.id)).toContain('BR-CO-15');
  }, 120_000);
});

describe('sending', () => {
  it('a French company sends Factur-X by default; a client who chose UBL also gets the XML', async () => {
    const session = paris.session('manager');
    const client = await newClient(session, {
      name: 'Galerie Marseille',
      ...frenchClient,
      siren: '542065479',
      vatNumber: 'FR79542065479',
    });
    const first = await newInvoice(session, {
      clientId: client.id,
      lines: [{ description: 'Applique murale', quantity: '2', unitPrice: '150.00', frRate: 'normal' }],
    });
    const sent = await done<{ invoice: InvoiceSummary; email: { id: string } }>(session, sendInvoice, {
      invoiceId: first.id,
    });
    expect(sent.invoice.eInvoiceFormat).toBe('facturx');
    const [outbox] = await handle.db.select().from(outboxEmails).where(eq(outboxEmails.id, sent.email.id));
    expect((outbox!.attachments as { filename: string; contentType: string }[]).map((a) => a.contentType)).toEqual([
      'application/pdf',
    ]);

    await done(session, updateClient, { clientId: client.id, einvoiceFormat: 'ubl' });
    const second = await newInvoice(session, {
      clientId: client.id,
      lines: [{ description: 'Ampoule', quantity: '10', unitPrice: '6.00', frRate: 'normal' }],
    });
    const again = await done<{ invoice: InvoiceSummary; email: { id: string } }>(session, sendInvoice, {
      invoiceId: second.id,
    });
    expect(again.invoice.eInvoiceFormat).toBe('ubl');
    const [mail] = await handle.db.select().from(outboxEmails).where(eq(outboxEmails.id, again.email.id));
    expect((mail!.attachments as { filename: string }[]).map((a) => a.filename)).toEqual([
      `${second.number}.pdf`,
      `${second.number}.ubl.xml`,
    ]);
  });

  it('missing mandatory data refuses the send, names every missing field in the person’s language, and nothing leaves', async () => {
    const bare = await makeCompany(handle.db, {
      name: 'Nouvelle Boutique',
      country: 'FR',
      province: null,
      currency: 'EUR',
    });
    const session = { ...bare.session('manager'), lang: 'fr' as const };
    const client = await newClient(session, {
      name: 'Client Sans Siren',
      country: 'FR',
      language: 'fr',
      email: 'a@b.example',
    });
    const invoice = await newInvoice(session, {
      clientId: client.id,
      lines: [
        { description: 'Vase', quantity: '1', unitPrice: '80.00', frRate: 'normal' },
        { description: 'Atelier exonéré', quantity: '1', unitPrice: '50.00', treatment: 'exempt' },
      ],
    });
    const before = await handle.db.select().from(outboxEmails);
    const refusal = propose(session, sendInvoice, { invoiceId: invoice.id }, { source: 'rest', byAi: false });
    const message = await refusal.then(
      () => '',
      (error: Error) => error.message,
    );
    for (const words of [
      "l'adresse complète de l'entreprise",
      "le SIREN de l'entreprise",
      'la forme juridique',
      'numéro de TVA intracommunautaire',
      'le SIREN du client Client Sans Siren',
      "le motif d'exonération de la ligne 2",
      "Rien n'a été envoyé",
    ])
      expect(message).toContain(words);
    expect(await handle.db.select().from(outboxEmails)).toHaveLength(before.length);

    // Once the company and the client say it all, the same invoice leaves.
    const admin = bare.session('admin');
    await done(admin, updateCompany, {
      address: { line1: '3 place du Marché', city: 'Rennes', postalCode: '35000' },
      siren: '402212345',
      vatNumber: 'FR83402212345',
      legalForm: 'EI',
    });
    await done(session, updateClient, { clientId: client.id, siren: '732829320' });
    const english = { ...session, lang: 'en' as const };
    await expect(
      propose(english, sendInvoice, { invoiceId: invoice.id }, { source: 'rest', byAi: false }),
    ).rejects.toThrow(
      `The e-invoice for ${invoice.number} cannot be sent: it needs the exemption reason of line 2 ("Atelier exonéré"), e.g. VATEX-EU-132. Nothing was sent.`,
    );
  });

  it('settings refuse an IBAN with wrong check digits, in the person’s language', async () => {
    await expect(
      propose(
        { ...paris.session('admin'), lang: 'fr' },
        updateCompany,
        { iban: 'FR7630006000011234567890188' },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toThrow(/IBAN .* n'est pas valide/);
  });
});
