/**
 * Intake reads a bill for a company: the buyer printed on it is checked against that company
 * (addressed_to_company), and the bill's currency is the one printed, else the company's own, said so
 * in the evidence — never a fixed CAD. Real MIME emails carrying real PDFs, through receiveEmail.
 */
import { eq } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActions, documents, suppliers, tenants } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { inboundAddress, receiveEmail } from '../../../email/inbound.ts';
import { makeDocs, renderDoc } from '../../../evals/extraction/templates.ts';
import { previewAction, type ProposalPreview } from '../../../tools/actions/preview.ts';
import type { Extracted } from '../../../tools/documents/schemas.ts';
import { invoke } from '../../../tools/invoke.ts';
import { readBill } from '../../../tools/intake/read-bill.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

const DOMAIN = 'comptoir.test';
const now = () => new Date('2026-02-02T10:00:00Z');

let handle: DatabaseHandle;
type Company = Awaited<ReturnType<typeof makeCompany>>;

const compose = (mail: ConstructorParameters<typeof MailComposer>[0]) =>
  new Promise<Buffer>((resolve, reject) =>
    new MailComposer(mail).compile().build((err, message) => (err ? reject(err) : resolve(message))),
  );

/** Mails a PDF to the company's inbound address, then runs intake on the one document it brought. */
async function mailAndRead(company: Company, content: Buffer, filename: string) {
  const raw = await compose({
    from: company.user('buyer').email,
    to: inboundAddress(company.tenant.inboundToken, DOMAIN),
    subject: 'Fwd: facture',
    text: 'ci-joint',
    messageId: `<${filename}-${company.tenant.slug}@test>`,
    attachments: [{ filename, content, contentType: 'application/pdf' }],
  });
  const mail = await receiveEmail(handle.db, raw, { domain: DOMAIN });
  if (mail.outcome !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(mail)}`);
  const outcome = await readBill(handle.db, company.tenant.id, mail.documentIds[0]!, { source: 'email', now });
  const [doc] = await withTenant(handle.db, company.tenant.id, (tx) =>
    tx.select().from(documents).where(eq(documents.id, mail.documentIds[0]!)),
  );
  return { outcome, reading: doc!.extraction as Extracted };
}

/** The bill input the proposal carries (what an approver approves). */
async function proposedInput(company: Company, actionId: string) {
  const [action] = await withTenant(handle.db, company.tenant.id, (tx) =>
    tx.select().from(aiActions).where(eq(aiActions.id, actionId)),
  );
  return action!.input as { currency: string };
}

const supplierFor = (company: Company, name: string, currency: string) =>
  withTenant(handle.db, company.tenant.id, (tx) =>
    tx.insert(suppliers).values({ tenantId: company.tenant.id, name, country: 'FR', currency }),
  );

/** A French bill with no currency anywhere: no sign, no code, no tax number or IBAN that would tell. */
function billWithoutCurrency(): Promise<Buffer> {
  return new Promise((resolve) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.fontSize(14).text('Atelier Sans Devise SARL');
    pdf.fontSize(10).text('12 rue des Lilas').text('69001 Lyon');
    pdf.moveDown().fontSize(16).text('FACTURE');
    pdf.fontSize(10).text('Facture n° SD-2026-7').text('Date de facture : 15/01/2026');
    pdf.moveDown().text('Total HT 100,00').text('TVA 20 % 20,00').text('Total TTC 120,00');
    pdf.end();
  });
}

beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

describe('intake checks the buyer against the company', () => {
  it('a bill addressed to the company passes; one addressed to someone else is flagged in the evidence', async () => {
    const company = await makeCompany(
      handle.db,
      { country: 'FR', province: null, currency: 'EUR', automationLevel: 'manual' },
      now,
    );
    // A name as businesses have them (the test companies' "Company co-…" reads as no company name).
    const name = 'Brasserie des Quais SAS';
    await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.update(tenants).set({ name }).where(eq(tenants.id, company.tenant.id)),
    );
    const [ours, theirs] = makeDocs(2).filter((d) => d.template.id === 'fr-fr-facture');
    ours!.buyer = { ...ours!.buyer, name, taxId: undefined };
    theirs!.buyer = { ...theirs!.buyer, name: 'Autre Société SARL', taxId: undefined };
    await supplierFor(company, ours!.seller.name, 'EUR');
    if (theirs!.seller.name !== ours!.seller.name) await supplierFor(company, theirs!.seller.name, 'EUR');

    const good = await mailAndRead(company, await renderDoc(ours!), 'facture-a.pdf');
    expect(good.reading.checks.find((c) => c.name === 'addressed_to_company')).toMatchObject({ passed: true });
    expect(good.outcome.status).toBe('proposed');
    if (good.outcome.status !== 'proposed') return;
    expect(good.outcome.action.evidence.map((e) => e.factor)).not.toContain('check_addressed_to_company');
    // The approver's preview carries each field read with its confidence, as stored on the document.
    const shown = await invoke(
      company.session('admin', 'fr'),
      previewAction,
      { actionId: good.outcome.action.id },
      { source: 'rest', byAi: false },
    );
    const readFields = (shown.kind === 'read' ? (shown.output as ProposalPreview) : null)?.document?.readFields;
    expect(readFields).toEqual(
      expect.arrayContaining(
        Object.entries(good.reading.fields).map(([field, f]) => ({
          field,
          value: f!.value,
          confidence: f!.confidence,
        })),
      ),
    );
    expect(readFields?.find((f) => f.field === 'buyerName')?.value).toBe(name);

    const bad = await mailAndRead(company, await renderDoc(theirs!), 'facture-b.pdf');
    expect(bad.reading.checks.find((c) => c.name === 'addressed_to_company')).toMatchObject({ passed: false });
    expect(bad.reading.confidence).toBeLessThan(good.reading.confidence);
    expect(bad.outcome.status).toBe('proposed');
    if (bad.outcome.status !== 'proposed') return;
    const flagged = bad.outcome.action.evidence.find((e) => e.factor === 'check_addressed_to_company');
    expect(flagged).toMatchObject({ weight: expect.any(Number) });
    expect(flagged!.weight).toBeLessThan(0);
    expect(flagged!.detail).toContain('Autre Société SARL');
  });
});

describe('intake takes the currency from the bill, else from the company', () => {
  it('a euro bill read by a Canadian company stays in euros', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'manual' }, now);
    const [doc] = makeDocs(1).filter((d) => d.template.id === 'fr-fr-facture');
    await supplierFor(company, doc!.seller.name, 'EUR');
    const { outcome, reading } = await mailAndRead(company, await renderDoc(doc!), 'facture-eur.pdf');
    expect(reading.fields.currency?.value).toBe('EUR');
    expect(outcome.status).toBe('proposed');
    if (outcome.status !== 'proposed') return;
    expect((await proposedInput(company, outcome.action.id)).currency).toBe('EUR');
    expect(outcome.action.evidence.map((e) => e.factor)).not.toContain('currency_assumed');
  });

  it('a bill that shows no currency takes the company’s (EUR here, not CAD), and the evidence says it was assumed', async () => {
    const company = await makeCompany(
      handle.db,
      { country: 'FR', province: null, currency: 'EUR', automationLevel: 'manual' },
      now,
    );
    await supplierFor(company, 'Atelier Sans Devise SARL', 'EUR');
    const { outcome, reading } = await mailAndRead(company, await billWithoutCurrency(), 'sans-devise.pdf');
    expect(reading.status).toBe('extracted');
    expect(reading.fields.currency).toBeUndefined();
    expect(outcome.status).toBe('proposed');
    if (outcome.status !== 'proposed') return;
    expect((await proposedInput(company, outcome.action.id)).currency).toBe('EUR');
    expect(outcome.action.evidence.find((e) => e.factor === 'currency_assumed')).toMatchObject({
      detail: "Aucune devise sur la facture : celle de l'entreprise (EUR) est supposée, à vérifier.",
    });
  });
});
