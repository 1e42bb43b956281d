/**
 * Real MIME messages, built by nodemailer's composer or written out by hand, delivered over SMTP to
 * the listener (nodemailer as the client) and over the raw-MIME webhook.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { documents, inboundEmails, tenants } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { inboundAddress, receiveEmail, type InboundOutcome } from '../../../email/inbound.ts';
import { startSmtpListener, type SmtpListener } from '../../../email/smtp.ts';
import { inboundWebhook } from '../../../email/webhook.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

const DOMAIN = 'comptoir.test';
const PDF = readFileSync(new URL('../../../../shared/data/invoices/factur-x/invoice_EN16931.pdf', import.meta.url));
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;
let address: string;
let listener: SmtpListener;
const received: InboundOutcome[] = [];

const compose = (mail: ConstructorParameters<typeof MailComposer>[0]) =>
  new Promise<Buffer>((resolve, reject) =>
    new MailComposer(mail).compile().build((err, message) => (err ? reject(err) : resolve(message))),
  );

const emailsOf = () => withTenant(handle.db, company.tenant.id, (tx) => tx.select().from(inboundEmails));
const documentsOf = (emailId: string) =>
  withTenant(handle.db, company.tenant.id, (tx) =>
    tx.select().from(documents).where(eq(documents.inboundEmailId, emailId)),
  );

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db, { allowedSenders: ['factures@bureauplus.example', '@papeterie.example'] });
  address = inboundAddress(company.tenant.inboundToken, DOMAIN);
  listener = await startSmtpListener(handle.db, { port: 0, domain: DOMAIN, onReceived: (o) => void received.push(o) });
});
afterAll(async () => {
  await listener?.close();
  await handle?.close();
});

describe('over SMTP', () => {
  const smtp = () =>
    nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });

  it('accepts a bill forwarded by a user, with a base64 PDF, and keeps the PDF as a document', async () => {
    const info = await smtp().sendMail({
      from: `Buyer <${company.user('buyer').email}>`,
      to: address,
      subject: 'Fwd: Facture F20260023',
      text: 'Voici la facture de Bureau Plus.',
      attachments: [{ filename: 'facture.pdf', content: PDF, contentType: 'application/pdf' }],
    });
    expect(info.accepted).toEqual([address]);
    const outcome = received.at(-1)!;
    expect(outcome).toMatchObject({ outcome: 'accepted', documentIds: [expect.any(String)], chat: null });
    if (outcome.outcome !== 'accepted') throw new Error('not accepted');
    const [doc] = await documentsOf(outcome.emailId);
    expect(doc).toMatchObject({
      filename: 'facture.pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
      source: 'email',
      status: 'received',
    });
    expect(Buffer.compare(doc!.content, PDF)).toBe(0);
  });

  it('refuses, at RCPT TO, an address no company has', async () => {
    await expect(
      smtp().sendMail({
        from: 'x@y.example',
        to: `bills+00000000-0000-4000-8000-000000000000@${DOMAIN}`,
        subject: 'hi',
        text: 'hi',
      }),
    ).rejects.toThrow(/550/);
  });

  it('creates nothing new when the same message is delivered twice', async () => {
    const message = {
      from: 'factures@bureauplus.example',
      to: address,
      subject: 'Facture 77',
      messageId: '<facture-77@bureauplus.example>',
      text: 'Ci-joint',
      attachments: [{ filename: 'f77.pdf', content: PDF }],
    };
    await smtp().sendMail(message);
    const before = await emailsOf();
    await smtp().sendMail(message);
    expect(received.at(-1)).toMatchObject({ outcome: 'duplicate' });
    const after = await emailsOf();
    expect(after.length).toBe(before.length);
  });
});

describe('over the raw-MIME webhook', () => {
  const app = () => inboundWebhook(handle.db, { domain: DOMAIN, secret: 's3cret' });
  const post = async (raw: Buffer, secret = 's3cret') => {
    const res = await app().request(`/inbound/email?secret=${secret}`, {
      method: 'POST',
      body: new Uint8Array(raw),
      headers: { 'content-type': 'message/rfc822' },
    });
    return { status: res.status, body: await res.json() };
  };

  it('refuses a request without the shared secret', async () => {
    const raw = await compose({ from: 'a@papeterie.example', to: address, subject: 'x', text: 'x' });
    const res = await app().request('/inbound/email?secret=wrong', { method: 'POST', body: new Uint8Array(raw) });
    expect(res.status).toBe(401);
  });

  it('quarantines a message from an unknown sender, keeping it', async () => {
    const { body } = await post(
      await compose({
        from: 'spam@unknown.example',
        to: address,
        subject: 'Invoice',
        text: 'pay me',
        attachments: [{ filename: 'x.pdf', content: PDF }],
      }),
    );
    expect(body).toMatchObject({ outcome: 'quarantined', reason: expect.stringContaining('spam@unknown.example') });
    const [email] = (await emailsOf()).filter((e) => e.id === body.emailId);
    expect(email).toMatchObject({ status: 'quarantined', fromAddress: 'spam@unknown.example' });
    expect(await documentsOf(body.emailId)).toEqual([]);
  });

  it('reads an image attachment sent by an allowed sender domain', async () => {
    const { body } = await post(
      await compose({
        from: 'compta@papeterie.example',
        to: address,
        subject: 'Photo de facture',
        text: 'photo',
        attachments: [{ filename: 'photo.png', content: PNG, contentType: 'image/png' }],
      }),
    );
    expect(body.outcome).toBe('accepted');
    const [doc] = await documentsOf(body.emailId);
    expect(doc!.mimeType).toBe('image/png');
  });

  it('decodes non-UTF-8 headers (ISO-8859-1 encoded words) and a Latin-1 body', async () => {
    const raw = Buffer.from(
      [
        'From: =?ISO-8859-1?Q?Fran=E7ois_C=F4t=E9?= <factures@bureauplus.example>',
        `To: ${address}`,
        'Subject: =?ISO-8859-1?Q?Cr=E9er_une_facture_pour_Caf=E9_Olimpico?=',
        'Message-ID: <latin1@bureauplus.example>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=ISO-8859-1',
        'Content-Transfer-Encoding: 8bit',
        '',
        'Créez une facture pour Café Olimpico : 3 heures de consultation.',
        '',
      ].join('\r\n'),
      'latin1',
    );
    const { body } = await post(raw);
    expect(body.outcome).toBe('accepted');
    expect(body.chat).toMatchObject({
      subject: 'Créer une facture pour Café Olimpico',
      text: expect.stringContaining('Créez une facture pour Café Olimpico'),
    });
    const [email] = (await emailsOf()).filter((e) => e.id === body.emailId);
    expect(email!.subject).toBe('Créer une facture pour Café Olimpico');
  });

  it('finds the bill inside a message forwarded as an attachment', async () => {
    const original = await compose({
      from: 'ventes@bureauplus.example',
      to: 'buyer@company.example',
      subject: 'Facture',
      text: 'Facture jointe',
      attachments: [{ filename: 'inner.pdf', content: PDF }],
    });
    const forward = await compose({
      from: company.user('accountant').email,
      to: address,
      subject: 'Fwd: Facture',
      text: '---------- Forwarded message ----------',
      attachments: [{ filename: 'original.eml', content: original, contentType: 'message/rfc822' }],
    });
    const { body } = await post(forward);
    expect(body.outcome).toBe('accepted');
    const docs = await documentsOf(body.emailId);
    expect(docs.map((d) => d.filename)).toEqual(['inner.pdf']);
  });

  it('turns an HTML-only message without a bill into a chat request', async () => {
    const { body } = await post(
      await compose({
        from: company.user('manager').email,
        to: address,
        subject: 'Facture Acme',
        html: '<p>Create an invoice for <b>Acme</b>, 3 hours of consulting.</p>',
      }),
    );
    expect(body).toMatchObject({
      outcome: 'accepted',
      documentIds: [],
      chat: {
        userId: company.user('manager').id,
        text: expect.stringContaining('Create an invoice for Acme, 3 hours of consulting.'),
      },
    });
  });

  it('keeps the email and says why when attachments cannot be read (empty, zip)', async () => {
    const { body } = await post(
      await compose({
        from: 'factures@bureauplus.example',
        to: address,
        subject: 'Archives',
        text: 'see attached',
        attachments: [
          { filename: 'empty.pdf', content: Buffer.alloc(0), contentType: 'application/pdf' },
          {
            filename: 'bills.zip',
            content: Buffer.from('504b0304140000000800', 'hex'),
            contentType: 'application/zip',
          },
        ],
      }),
    );
    expect(body.outcome).toBe('accepted');
    expect(body.documentIds).toEqual([]);
    expect(body.skipped).toEqual([
      { filename: 'empty.pdf', reason: 'empty.pdf is empty (0 bytes).' },
      { filename: 'bills.zip', reason: expect.stringContaining('Not a bill format') },
    ]);
    const [email] = (await emailsOf()).filter((e) => e.id === body.emailId);
    expect(email).toMatchObject({ status: 'processed', reason: expect.stringContaining('empty.pdf') });
  });

  it('rejects a message for no company, and garbage, with a reason and nothing stored', async () => {
    const before = (await emailsOf()).length;
    const other = await receiveEmail(
      handle.db,
      await compose({ from: 'a@b.example', to: `bills@${DOMAIN}`, subject: 'x', text: 'x' }),
      { domain: DOMAIN },
    );
    expect(other).toEqual({ outcome: 'rejected', reason: 'No company has this address.' });
    expect((await emailsOf()).length).toBe(before);
  });

  it('does not let a company address reach another company', async () => {
    const other = await makeCompany(handle.db);
    const [row] = await withTenant(handle.db, other.tenant.id, (tx) => tx.select().from(tenants));
    const otherAddress = inboundAddress(row!.inboundToken, DOMAIN);
    const { body } = await post(
      await compose({ from: other.user('buyer').email, to: otherAddress, subject: 'hello', text: 'hello' }),
    );
    expect(body).toMatchObject({ outcome: 'accepted', tenantId: other.tenant.id });
    expect((await emailsOf()).some((e) => e.id === body.emailId)).toBe(false);
  });
});
