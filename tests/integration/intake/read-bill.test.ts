/** Forward a bill, get a booked bill: email → document → reading → proposal through the door. */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActions, documents, supplierBills, suppliers, users } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { eventsFor } from '../../../email/events.ts';
import { inboundAddress, receiveEmail } from '../../../email/inbound.ts';
import { jobDefinitions } from '../../../jobs/index.ts';
import { createInProcessRunner } from '../../../jobs/runner.ts';
import { makeBills, renderBill } from '../../../evals/extraction/synthetic-bills.ts';
import { MAX_DOCUMENT_BYTES, storeDocument } from '../../../tools/documents/store.ts';
import { readBill } from '../../../tools/intake/read-bill.ts';
import { storeUpload } from '../../../tools/uploads/uploads.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

const DOMAIN = 'comptoir.test';
const FACTURX = readFileSync(new URL('../../../../shared/data/invoices/factur-x/invoice_EN16931.pdf', import.meta.url));
const now = () => new Date('2026-02-02T10:00:00Z');

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;

const compose = (mail: ConstructorParameters<typeof MailComposer>[0]) =>
  new Promise<Buffer>((resolve, reject) =>
    new MailComposer(mail).compile().build((err, message) => (err ? reject(err) : resolve(message))),
  );

async function mailBill(content: Buffer, filename: string, messageId: string) {
  const raw = await compose({
    from: company.user('buyer').email,
    to: inboundAddress(company.tenant.inboundToken, DOMAIN),
    subject: 'Fwd: facture',
    text: 'ci-joint',
    messageId,
    attachments: [{ filename, content }],
  });
  const outcome = await receiveEmail(handle.db, raw, { domain: DOMAIN });
  if (outcome.outcome !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(outcome)}`);
  return outcome;
}
const documentRow = (id: string) =>
  withTenant(
    handle.db,
    company.tenant.id,
    async (tx) => (await tx.select().from(documents).where(eq(documents.id, id)))[0]!,
  );

beforeAll(async () => {
  handle = await freshDatabase();
  // A French company on the assisted level: the AI may record draft bills alone.
  company = await makeCompany(
    handle.db,
    { country: 'FR', province: null, currency: 'EUR', automationLevel: 'assisted' },
    now,
  );
  await withTenant(handle.db, company.tenant.id, (tx) =>
    tx
      .insert(suppliers)
      .values({ tenantId: company.tenant.id, name: 'LE FOURNISSEUR', country: 'FR', currency: 'EUR' }),
  );
});
afterAll(() => handle?.close());

describe('bill intake', () => {
  it('reads a Factur-X bill sent by email and books it as a draft bill, with the evidence, once', async () => {
    const mail = await mailBill(FACTURX, 'facture-F20260023.pdf', '<fx-1@test>');
    const outcome = await readBill(handle.db, company.tenant.id, mail.documentIds[0]!, { source: 'email', now });
    expect(outcome.status).toBe('booked');
    if (outcome.status !== 'booked') return;
    expect(outcome.action.evidence.map((e) => e.factor)).toEqual(
      expect.arrayContaining(['document_read', 'supplier_exact']),
    );
    expect(outcome.action).toMatchObject({ tool: 'bills_record_supplier_bill', status: 'executed' });

    const bills = await withTenant(handle.db, company.tenant.id, (tx) => tx.select().from(supplierBills));
    expect(bills).toHaveLength(1);
    expect(bills[0]).toMatchObject({
      number: 'BILL2026-00001',
      supplierInvoiceNumber: 'F20260023',
      currency: 'EUR',
      billDate: '2026-01-31',
      dueDate: '2026-03-02',
      subtotalCents: 10000n,
      taxCents: 490n,
      totalCents: 10490n,
      documentId: mail.documentIds[0],
      status: 'draft',
    });
    const doc = await documentRow(mail.documentIds[0]!);
    expect(doc).toMatchObject({ status: 'booked', confidence: 1, error: null });
    expect((doc.extraction as { source: string }).source).toBe('xml');

    expect(await readBill(handle.db, company.tenant.id, mail.documentIds[0]!, { source: 'email', now })).toEqual({
      status: 'skipped',
      documentStatus: 'booked',
    });
    const actions = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(aiActions).where(eq(aiActions.tool, 'bills_record_supplier_bill')),
    );
    expect(actions).toHaveLength(1);
    // Proposed for the person who forwarded it, not for the first administrator.
    expect(actions[0]).toMatchObject({ actorId: company.user('buyer').id, source: 'email', byAi: true });
  });

  it('keeps the reading and says what to do when the same bill comes again', async () => {
    const mail = await mailBill(FACTURX, 'again.pdf', '<fx-2@test>');
    const outcome = await readBill(handle.db, company.tenant.id, mail.documentIds[0]!, { source: 'email', now });
    expect(outcome).toMatchObject({ status: 'extracted', reason: expect.stringContaining('F20260023') });
    const doc = await documentRow(mail.documentIds[0]!);
    expect(doc.status).toBe('extracted');
    expect(doc.error).toContain('BILL2026-00001');
  });

  it('marks a truncated PDF as failed with a reason, in the forwarder’s language', async () => {
    const mail = await mailBill(FACTURX.subarray(0, 4000), 'cut.pdf', '<fx-3@test>');
    const outcome = await readBill(handle.db, company.tenant.id, mail.documentIds[0]!, { source: 'email', now });
    expect(outcome.status).toBe('failed');
    const doc = await documentRow(mail.documentIds[0]!);
    expect(doc.status).toBe('failed');
    expect(doc.error).toBeTruthy();
  });

  it('runs as a job from the email event, through the in-process runner', async () => {
    await withTenant(handle.db, company.tenant.id, (tx) => tx.delete(supplierBills));
    const mail = await mailBill(FACTURX, 'job.pdf', '<fx-4@test>');
    const runner = createInProcessRunner(jobDefinitions({ db: handle.db, publicUrl: 'http://localhost', now }), {
      log: () => {},
    });
    await runner.send(eventsFor(mail));
    await runner.idle();
    await runner.stop();
    expect((await documentRow(mail.documentIds[0]!)).status).toBe('booked');
  });
});

describe('whom the bill is proposed for', () => {
  it('the person who uploaded it while active, else the first administrator', async () => {
    const quebec = await makeCompany(handle.db, { automationLevel: 'assisted' }, now);
    const specs = makeBills(3, 11);
    await withTenant(handle.db, quebec.tenant.id, (tx) =>
      tx
        .insert(suppliers)
        .values([
          ...new Map(
            specs.map((s) => [
              s.supplier.gst,
              { tenantId: quebec.tenant.id, name: s.supplier.name, gstNumber: s.supplier.gst },
            ]),
          ).values(),
        ])
        .onConflictDoNothing(),
    );
    const read = async (i: number, uploaderId?: string) => {
      const doc = await withTenant(handle.db, quebec.tenant.id, async (tx) =>
        storeDocument(tx, quebec.tenant.id, {
          filename: `${specs[i]!.id}.pdf`,
          declaredType: 'application/pdf',
          content: await renderBill(specs[i]!),
          source: 'upload',
        }),
      );
      const outcome = await readBill(handle.db, quebec.tenant.id, doc.id, { source: 'chat', now, uploaderId });
      if (outcome.status !== 'booked') throw new Error(`not booked: ${JSON.stringify(outcome)}`);
      const [action] = await withTenant(handle.db, quebec.tenant.id, (tx) =>
        tx.select().from(aiActions).where(eq(aiActions.id, outcome.action.id)),
      );
      return action!.actorId;
    };
    expect(await read(0, quebec.user('accountant').id)).toBe(quebec.user('accountant').id);
    expect(await read(1)).toBe(quebec.user('admin').id);
    await withTenant(handle.db, quebec.tenant.id, (tx) =>
      tx
        .update(users)
        .set({ active: false })
        .where(eq(users.id, quebec.user('buyer').id)),
    );
    expect(await read(2, quebec.user('buyer').id)).toBe(quebec.user('admin').id);
  });

  it('keeps the reading, and says why on the document, when no active administrator is left', async () => {
    const orphan = await makeCompany(handle.db, { automationLevel: 'assisted' }, now);
    await withTenant(handle.db, orphan.tenant.id, (tx) =>
      tx.update(users).set({ active: false }).where(eq(users.role, 'admin')),
    );
    const [spec] = makeBills(1, 13);
    const doc = await withTenant(handle.db, orphan.tenant.id, async (tx) =>
      storeDocument(tx, orphan.tenant.id, {
        filename: 'orphan.pdf',
        declaredType: 'application/pdf',
        content: await renderBill(spec!),
        source: 'upload',
      }),
    );
    const reason = 'Lu, mais aucune facture proposée : aucun administrateur actif pour qui la proposer.';
    expect(await readBill(handle.db, orphan.tenant.id, doc.id, { source: 'chat', now })).toEqual({
      status: 'extracted',
      reason,
    });
    const [row] = await withTenant(handle.db, orphan.tenant.id, (tx) =>
      tx.select().from(documents).where(eq(documents.id, doc.id)),
    );
    expect(row).toMatchObject({ status: 'extracted', error: reason });
  });
});

describe('a bill that waits for a person', () => {
  it('leaves the document proposed, with no bill yet (manual level)', async () => {
    const manual = await makeCompany(handle.db, { automationLevel: 'manual' }, now);
    const [spec] = makeBills(1, 12);
    await withTenant(handle.db, manual.tenant.id, (tx) =>
      tx
        .insert(suppliers)
        .values({ tenantId: manual.tenant.id, name: spec!.supplier.name, gstNumber: spec!.supplier.gst }),
    );
    const doc = await withTenant(handle.db, manual.tenant.id, async (tx) =>
      storeDocument(tx, manual.tenant.id, {
        filename: 'queued.pdf',
        declaredType: 'application/pdf',
        content: await renderBill(spec!),
        source: 'upload',
      }),
    );
    const outcome = await readBill(handle.db, manual.tenant.id, doc.id, { source: 'chat', now });
    expect(outcome).toMatchObject({ status: 'proposed', action: { status: 'pending_approval' } });
    const [row] = await withTenant(handle.db, manual.tenant.id, (tx) =>
      tx.select().from(documents).where(eq(documents.id, doc.id)),
    );
    expect(row).toMatchObject({ status: 'proposed', error: null });
    expect(await withTenant(handle.db, manual.tenant.id, (tx) => tx.select().from(supplierBills))).toEqual([]);
  });
});

describe('what the approver reads', () => {
  it('writes how the file was read, and each failed check, in the language of the person the bill is proposed for', async () => {
    const manual = await makeCompany(handle.db, { automationLevel: 'manual' }, now);
    await withTenant(handle.db, manual.tenant.id, (tx) =>
      tx
        .update(users)
        .set({ language: 'en' })
        .where(eq(users.id, manual.user('buyer').id)),
    );
    // A GST number whose check digit is wrong (…789 instead of …782): the reading flags it, the supplier is still found by it.
    const specs = makeBills(2, 17).map((spec) => ({ ...spec, supplier: { ...spec.supplier, gst: '123456789RT0001' } }));
    await withTenant(handle.db, manual.tenant.id, (tx) =>
      tx
        .insert(suppliers)
        .values({ tenantId: manual.tenant.id, name: specs[0]!.supplier.name, gstNumber: '123456789RT0001' }),
    );
    const proposedFor = async (i: number, uploaderId: string) => {
      const doc = await withTenant(handle.db, manual.tenant.id, async (tx) =>
        storeDocument(tx, manual.tenant.id, {
          filename: `${specs[i]!.id}.pdf`,
          declaredType: 'application/pdf',
          content: await renderBill(specs[i]!),
          source: 'upload',
        }),
      );
      const outcome = await readBill(handle.db, manual.tenant.id, doc.id, { source: 'chat', now, uploaderId });
      if (outcome.status !== 'proposed') throw new Error(`not proposed: ${JSON.stringify(outcome)}`);
      return Object.fromEntries(outcome.action.evidence.map((e) => [e.factor, e.detail]));
    };

    const french = await proposedFor(0, manual.user('accountant').id);
    expect(french).toMatchObject({
      document_read: expect.stringMatching(/^Lu dans le texte du PDF, confiance \d,\d\d\.$/),
      check_tax_numbers_valid: 'Chiffre de contrôle invalide : TPS/TVH 123456789RT0001.',
      supplier_exact: `Fournisseur ${specs[0]!.supplier.name} identifié par son numéro de taxe.`,
    });
    const english = await proposedFor(1, manual.user('buyer').id);
    expect(english).toMatchObject({
      document_read: expect.stringMatching(/^Read from the PDF text, confidence \d\.\d\d\.$/),
      check_tax_numbers_valid: 'Invalid check digit: GST/HST 123456789RT0001.',
      supplier_exact: `Supplier ${specs[0]!.supplier.name} identified by its tax number.`,
    });
  });
});

describe('a file refused when it is kept', () => {
  it('says so in the language of the person who dropped it, and keeps nothing', async () => {
    const count = () =>
      withTenant(
        handle.db,
        company.tenant.id,
        async (tx) => (await tx.select({ id: documents.id }).from(documents)).length,
      );
    const before = await count();
    const empty = { filename: 'facture.pdf', declaredType: 'application/pdf', content: Buffer.alloc(0) };
    await expect(storeUpload(company.session('buyer', 'fr'), empty)).rejects.toMatchObject({
      code: 'invalid',
      message: 'facture.pdf est vide (0 octet).',
    });
    await expect(storeUpload(company.session('buyer', 'en'), empty)).rejects.toMatchObject({
      code: 'invalid',
      message: 'facture.pdf is empty (0 bytes).',
    });
    const scan = {
      filename: 'scan.pdf',
      declaredType: 'application/pdf',
      content: Buffer.alloc(MAX_DOCUMENT_BYTES + 1572864),
      source: 'upload' as const,
    };
    await expect(
      withTenant(handle.db, company.tenant.id, (tx) => storeDocument(tx, company.tenant.id, scan, 'fr')),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: 'scan.pdf fait 21,5 Mo ; la limite est de 20 Mo.',
    });
    expect(await count()).toBe(before);
  });
});
