/**
 * The life of an invoice through the same door every frontend uses: clients, draft, send (outbox +
 * PDF document), viewed, partial and full payment, refused moves that change nothing, cancellation,
 * credit notes, and what the AI may do alone.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActions, documents, invoices, outboxEmails, payments } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import type { Session } from '../../../tools/context.ts';
import type { AnyTool, AnyWriteTool } from '../../../tools/define.ts';
import { invoke } from '../../../tools/invoke.ts';
import { cancelInvoice } from '../../../tools/invoicing/cancel-invoice.ts';
import { createClient } from '../../../tools/invoicing/create-client.ts';
import { createCreditNote } from '../../../tools/invoicing/create-credit-note.ts';
import { createInvoice } from '../../../tools/invoicing/create-invoice.ts';
import { createRecurring } from '../../../tools/invoicing/create-recurring.ts';
import { findClients } from '../../../tools/invoicing/find-clients.ts';
import { getInvoice } from '../../../tools/invoicing/get-invoice.ts';
import { getInvoicePdf } from '../../../tools/invoicing/get-invoice-pdf.ts';
import { listInvoices } from '../../../tools/invoicing/list-invoices.ts';
import { markViewed } from '../../../tools/invoicing/mark-viewed.ts';
import { recordPayment } from '../../../tools/invoicing/record-payment.ts';
import type { ClientSummary, InvoiceSummary } from '../../../tools/invoicing/schemas.ts';
import { sendInvoice } from '../../../tools/invoicing/send-invoice.ts';
import { stopRecurring } from '../../../tools/invoicing/stop-recurring.ts';
import { updateClient } from '../../../tools/invoicing/update-client.ts';
import { updateDraft } from '../../../tools/invoicing/update-draft.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { done, newClient, newInvoice, read } from './people.ts';

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;
let olimpico: ClientSummary;
let manager: Session;
let accountant: Session;

// 10 × 10.00 = 100.00 for a Québec client: GST 5.00, QST 9.975 → 9.98, total 114.98.
const chairs = [{ description: 'Location de chaises', quantity: '10', unitPrice: '10.00', accountCode: '4100' }];

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db);
  manager = company.session('manager');
  accountant = company.session('accountant');
  olimpico = await newClient(manager, {
    name: 'Café Olimpico',
    email: 'compta@olimpico.example',
    province: 'QC',
    language: 'fr',
    paymentTermsDays: 30,
  });
});
afterAll(() => handle?.close());

/** Everything a refused request could have touched, to prove it touched nothing. */
const snapshot = (session: Session) =>
  withTenant(handle.db, session.tenantId, async (tx) => ({
    invoices: (await tx.select().from(invoices).orderBy(invoices.number)).map((i) => ({ ...i, updatedAt: null })),
    payments: await tx.select().from(payments),
    outbox: await tx.select().from(outboxEmails),
    documents: (await tx.select({ id: documents.id }).from(documents)).length,
    actions: (await tx.select({ id: aiActions.id }).from(aiActions)).length,
  }));

/** A request the tools refuse: the clear message, and nothing changed anywhere. */
async function refused(session: Session, tool: AnyWriteTool, input: unknown, message: string | RegExp) {
  const before = await snapshot(session);
  const attempt = propose(session, tool, input, { source: 'rest', byAi: false });
  await expect(attempt).rejects.toMatchObject({
    code: expect.stringMatching(/invalid|conflict/),
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  });
  expect(await snapshot(session)).toEqual(before);
}

const sentInvoice = async (lines = chairs, issueDate = '2026-03-02') => {
  const draft = await newInvoice(manager, { clientId: olimpico.id, issueDate, lines });
  const sent = await done<{ invoice: InvoiceSummary }>(manager, sendInvoice, { invoiceId: draft.id });
  return sent.invoice;
};

describe('clients', () => {
  it('finds a client by part of its name, email or tax number, case-insensitive', async () => {
    await newClient(manager, {
      name: 'Maple Leaf Consulting',
      email: 'ap@mapleleaf.example',
      province: 'ON',
      language: 'en',
      gstNumber: '812345678RT0001',
    });
    const byName = await read<{ clients: ClientSummary[] }>(manager, findClients, { query: 'OLIMP' });
    expect(byName.clients.map((c) => c.name)).toEqual(['Café Olimpico']);
    const byEmail = await read<{ clients: ClientSummary[] }>(manager, findClients, { query: 'mapleleaf' });
    expect(byEmail.clients.map((c) => c.name)).toEqual(['Maple Leaf Consulting']);
    const byGst = await read<{ clients: ClientSummary[] }>(manager, findClients, { query: '812345678' });
    expect(byGst.clients.map((c) => c.name)).toEqual(['Maple Leaf Consulting']);
    const percent = await read<{ clients: ClientSummary[] }>(manager, findClients, { query: '%' });
    expect(percent.clients).toEqual([]);
  });

  it('updates terms, credit limit and language; the next invoice uses the new terms', async () => {
    const client = await newClient(manager, {
      name: 'Atlantic Fisheries',
      email: 'billing@atlanticfish.example',
      province: 'NS',
      language: 'fr',
    });
    expect(client).toMatchObject({ paymentTermsDays: 30, creditLimit: null, currency: 'CAD', country: 'CA' });
    const updated = await done<ClientSummary>(manager, updateClient, {
      clientId: client.id,
      paymentTermsDays: 15,
      creditLimit: '5000.00',
      language: 'en',
    });
    expect(updated).toMatchObject({ paymentTermsDays: 15, creditLimit: '5000.00', language: 'en', province: 'NS' });
    const invoice = await newInvoice(manager, { clientId: client.id, issueDate: '2026-03-02', lines: chairs });
    expect(invoice).toMatchObject({ dueDate: '2026-03-17', language: 'en', placeOfSupply: 'NS' });
  });

  it('refuses a Canadian client without a province, a duplicate name, and a French client with a province', async () => {
    await refused(
      manager,
      createClient,
      { name: 'Sans Province Inc.' },
      'Client Sans Province Inc. is in Canada: give its province (e.g. "QC"), which sets the sales tax.',
    );
    await refused(
      manager,
      createClient,
      { name: 'Café Olimpico', province: 'QC' },
      `A client named 'Café Olimpico' already exists (id ${olimpico.id}). Change it with invoicing_update_client.`,
    );
    await refused(
      manager,
      createClient,
      { name: 'Boulangerie Lyon', country: 'FR', province: 'QC' },
      'A province applies only to a client in Canada (country given: FR).',
    );
    await refused(
      manager,
      updateClient,
      { clientId: olimpico.id, creditLimit: '-1.00' },
      'Invalid input for invoicing_update_client: creditLimit: Expected an amount of zero or more: a price or payment cannot be negative.',
    );
  });
});

describe('an invoice from draft to paid', () => {
  it('drafts with a gapless number, the QC taxes and a due date from the terms', async () => {
    const draft = await newInvoice(manager, {
      clientId: olimpico.id,
      issueDate: '2026-03-02',
      lines: chairs,
      notes: 'Merci!',
    });
    expect(draft).toMatchObject({
      number: expect.stringMatching(/^INV2026-\d{5}$/),
      kind: 'invoice',
      status: 'draft',
      issueDate: '2026-03-02',
      dueDate: '2026-04-01',
      subtotal: '100.00',
      tax: '14.98',
      total: '114.98',
      paid: '0.00',
      balance: '114.98',
      placeOfSupply: 'QC',
      language: 'fr',
    });
    expect(draft.taxes.map((t) => [t.code, t.amount])).toEqual([
      ['GST', '5.00'],
      ['QST', '9.98'],
    ]);
    expect(draft.lines).toEqual([
      {
        description: 'Location de chaises',
        quantity: '10',
        unitPrice: '10.00',
        lineTotal: '100.00',
        accountCode: '4100',
        treatment: 'taxable',
        frRate: null,
        vatExemption: null,
      },
    ]);
  });

  it('sends: status sent, an outbox email in French to the client with the PDF kept as a document', async () => {
    const draft = await newInvoice(manager, { clientId: olimpico.id, issueDate: '2026-03-02', lines: chairs });
    const out = await done<{
      invoice: InvoiceSummary;
      email: { id: string; to: string; subject: string };
      documentId: string;
    }>(manager, sendInvoice, { invoiceId: draft.id });
    expect(out.invoice).toMatchObject({ status: 'sent', sentAt: '2026-03-02T15:00:00.000Z' });
    const [email] = await withTenant(handle.db, manager.tenantId, (tx) =>
      tx.select().from(outboxEmails).where(eq(outboxEmails.id, out.email.id)),
    );
    expect(email).toMatchObject({
      to: 'compta@olimpico.example',
      subject: `Facture ${draft.number} de ${company.tenant.name}`,
      status: 'queued',
      relatedType: 'invoice',
      relatedId: draft.id,
      attachments: [{ filename: `${draft.number}.pdf`, contentType: 'application/pdf', documentId: out.documentId }],
    });
    expect(email!.text).toContain(
      `la facture ${draft.number} d'un montant de 114,98\u00a0$, payable au plus tard le 1 avril 2026.`,
    );
    const [document] = await withTenant(handle.db, manager.tenantId, (tx) =>
      tx.select().from(documents).where(eq(documents.id, out.documentId)),
    );
    expect(document).toMatchObject({
      filename: `${draft.number}.pdf`,
      mimeType: 'application/pdf',
      source: 'generated',
      status: 'booked',
    });
    expect(document!.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(document!.sizeBytes).toBe(document!.content.length);
  });

  it('refuses to send an invoice twice, and changes nothing', async () => {
    const invoice = await sentInvoice();
    await refused(
      manager,
      sendInvoice,
      { invoiceId: invoice.id },
      `Invoice ${invoice.number} is sent: it cannot become sent (it may become viewed, partially paid, paid, overdue, cancelled).`,
    );
    // The person's language decides the language of the refusal.
    await refused(
      company.session('manager', 'fr'),
      sendInvoice,
      { invoiceId: invoice.id },
      `La facture ${invoice.number} est envoyée : elle ne peut pas devenir envoyée (suivants possibles : consultée, partiellement payée, payée, en retard, annulée).`,
    );
  });

  it('refuses to send to a client without an email, and changes nothing', async () => {
    const noEmail = await newClient(manager, { name: 'Sans Courriel', province: 'QC' });
    const draft = await newInvoice(manager, { clientId: noEmail.id, lines: chairs });
    await refused(
      manager,
      sendInvoice,
      { invoiceId: draft.id },
      'Client Sans Courriel has no email address: add one with invoicing_update_client, then send.',
    );
  });

  it('goes viewed → partially paid → paid, one payment method after another', async () => {
    const invoice = await sentInvoice();
    const viewed = await done<InvoiceSummary>(manager, markViewed, { invoiceId: invoice.id });
    expect(viewed.status).toBe('viewed');

    const first = await done<{ payment: { amount: string; method: string }; invoice: InvoiceSummary }>(
      accountant,
      recordPayment,
      {
        invoiceId: invoice.id,
        amount: '50.00',
        method: 'interac',
        receivedOn: '2026-03-02',
        reference: 'INTERAC-123',
      },
    );
    expect(first.payment).toMatchObject({ amount: '50.00', method: 'interac' });
    expect(first.invoice).toMatchObject({ status: 'partially_paid', paid: '50.00', balance: '64.98' });

    const second = await done<{ invoice: InvoiceSummary }>(accountant, recordPayment, {
      invoiceId: invoice.id,
      amount: '64.98',
      method: 'cheque',
      reference: '000451',
    });
    expect(second.invoice).toMatchObject({ status: 'paid', paid: '114.98', balance: '0.00' });

    const rows = await withTenant(handle.db, manager.tenantId, (tx) =>
      tx.select().from(payments).where(eq(payments.invoiceId, invoice.id)),
    );
    expect(rows.map((p) => [p.amountCents, p.method, p.receivedOn, p.reference]).sort()).toEqual([
      [5000n, 'interac', '2026-03-02', 'INTERAC-123'],
      [6498n, 'cheque', '2026-03-02', '000451'],
    ]);
  });

  it('accepts wire, cash and card payments too', async () => {
    const invoice = await sentInvoice();
    for (const [amount, method] of [
      ['10.00', 'wire'],
      ['4.98', 'cash'],
      ['100.00', 'card'],
    ] as const) {
      await done(accountant, recordPayment, { invoiceId: invoice.id, amount, method });
    }
    expect(await read<InvoiceSummary>(manager, getInvoice, { invoiceId: invoice.id })).toMatchObject({
      status: 'paid',
      paid: '114.98',
      balance: '0.00',
    });
  });

  it('refuses an overpayment with the balance in the message, and changes nothing', async () => {
    const invoice = await sentInvoice();
    await done(accountant, recordPayment, { invoiceId: invoice.id, amount: '100.00', method: 'wire' });
    await refused(
      accountant,
      recordPayment,
      { invoiceId: invoice.id, amount: '15.00', method: 'wire' },
      `Payment refused: $15.00 exceeds the $14.98 balance of invoice ${invoice.number}. Check the amount, or which invoice it belongs to.`,
    );
    expect(await read<InvoiceSummary>(manager, getInvoice, { invoiceId: invoice.id })).toMatchObject({
      status: 'partially_paid',
      balance: '14.98',
    });
  });

  it('refuses payments on a draft, on a paid invoice, in the future, and a zero amount', async () => {
    const draft = await newInvoice(manager, { clientId: olimpico.id, lines: chairs });
    await refused(
      accountant,
      recordPayment,
      { invoiceId: draft.id, amount: '1.00', method: 'cash' },
      `Invoice ${draft.number} is draft: no payment can be recorded (send it first (invoicing_send_invoice), or change the draft).`,
    );
    const invoice = await sentInvoice();
    await refused(
      accountant,
      recordPayment,
      { invoiceId: invoice.id, amount: '1.00', method: 'cash', receivedOn: '2026-03-03' },
      'A payment cannot be received in the future (2026-03-03).',
    );
    await refused(
      accountant,
      recordPayment,
      { invoiceId: invoice.id, amount: '0.00', method: 'cash' },
      'A payment must be positive (got $0.00).',
    );
    await done(accountant, recordPayment, { invoiceId: invoice.id, amount: '114.98', method: 'cash' });
    await refused(
      accountant,
      recordPayment,
      { invoiceId: invoice.id, amount: '1.00', method: 'cash' },
      `Invoice ${invoice.number} is paid: no payment can be recorded (nothing is left to pay).`,
    );
  });
});

describe('changing a draft', () => {
  it('replaces lines, date and notes; taxes and due date follow; the number stays', async () => {
    const draft = await newInvoice(manager, {
      clientId: olimpico.id,
      issueDate: '2026-03-02',
      lines: chairs,
      notes: 'Avant',
    });
    // 3 × 20.00 = 60.00: GST 3.00, QST 5.985 → 5.99, total 68.99; dated 2026-03-10, net 30 → 2026-04-09.
    const changed = await done<InvoiceSummary>(manager, updateDraft, {
      invoiceId: draft.id,
      issueDate: '2026-03-10',
      notes: null,
      lines: [{ description: 'Tables', quantity: '3', unitPrice: '20.00', accountCode: '4110' }],
    });
    expect(changed).toMatchObject({
      id: draft.id,
      number: draft.number,
      status: 'draft',
      issueDate: '2026-03-10',
      dueDate: '2026-04-09',
      subtotal: '60.00',
      tax: '8.99',
      total: '68.99',
      notes: null,
    });
    expect(changed.lines).toEqual([
      {
        description: 'Tables',
        quantity: '3',
        unitPrice: '20.00',
        lineTotal: '60.00',
        accountCode: '4110',
        treatment: 'taxable',
        frRate: null,
        vatExemption: null,
      },
    ]);
  });

  it('re-prices a draft for the client as it is now (a move from Québec to Ontario)', async () => {
    const moving = await newClient(manager, { name: 'Client Déménagé', province: 'QC' });
    const draft = await newInvoice(manager, { clientId: moving.id, issueDate: '2026-03-02', lines: chairs });
    expect(draft.total).toBe('114.98');
    await done(manager, updateClient, { clientId: moving.id, province: 'ON' });
    const changed = await done<InvoiceSummary>(manager, updateDraft, {
      invoiceId: draft.id,
      notes: 'Nouvelle adresse',
    });
    // 100.00 at 13 % HST = 13.00.
    expect(changed).toMatchObject({ placeOfSupply: 'ON', tax: '13.00', total: '113.00', notes: 'Nouvelle adresse' });
  });

  it('refuses a sent invoice, another year, and an empty change, changing nothing', async () => {
    const sent = await sentInvoice();
    await refused(
      manager,
      updateDraft,
      { invoiceId: sent.id, notes: 'x' },
      `${sent.number} is not a draft: a sent invoice is not changed, issue a credit note instead (invoicing_create_credit_note).`,
    );
    const draft = await newInvoice(manager, { clientId: olimpico.id, issueDate: '2026-03-02', lines: chairs });
    await refused(
      manager,
      updateDraft,
      { invoiceId: draft.id, issueDate: '2027-01-02' },
      `${draft.number} is numbered in 2026: for another year, cancel it and create a new invoice.`,
    );
    await refused(manager, updateDraft, { invoiceId: draft.id }, 'Nothing to change: give lines, a date or notes.');
    // A negative unit price is refused at the door (issue 16); a free line alone still makes no invoice.
    await refused(
      manager,
      updateDraft,
      { invoiceId: draft.id, lines: [{ description: 'Remise', quantity: '1', unitPrice: '-5.00' }] },
      'Invalid input for invoicing_update_draft: lines.0.unitPrice: Expected an amount of zero or more: a price or payment cannot be negative.',
    );
    await refused(
      manager,
      updateDraft,
      { invoiceId: draft.id, lines: [{ description: 'Offert', quantity: '1', unitPrice: '0.00' }] },
      'The invoice total would be $0.00: an invoice must be positive. To refund or credit, use invoicing_create_credit_note.',
    );
  });
});

describe('refused moves and cancellation', () => {
  it('cancels a draft and a sent invoice; a cancelled one can be neither sent nor cancelled again', async () => {
    const draft = await newInvoice(manager, { clientId: olimpico.id, lines: chairs });
    expect(
      (await done<InvoiceSummary>(manager, cancelInvoice, { invoiceId: draft.id, reason: 'Doublon' })).status,
    ).toBe('cancelled');
    await refused(
      manager,
      sendInvoice,
      { invoiceId: draft.id },
      `Invoice ${draft.number} is cancelled: it cannot become sent (cancelled is final). Create a new invoice if needed.`,
    );
    await refused(
      manager,
      cancelInvoice,
      { invoiceId: draft.id },
      `Invoice ${draft.number} is cancelled: it cannot become cancelled (cancelled is final). Create a new invoice if needed.`,
    );
    await refused(manager, markViewed, { invoiceId: draft.id }, /is cancelled: it cannot become viewed/);

    const sent = await sentInvoice();
    expect((await done<InvoiceSummary>(manager, cancelInvoice, { invoiceId: sent.id })).status).toBe('cancelled');
  });

  it('refuses to cancel a paid invoice or one with a payment: a credit note is the way', async () => {
    const paid = await sentInvoice();
    await done(accountant, recordPayment, { invoiceId: paid.id, amount: '114.98', method: 'wire' });
    await refused(
      manager,
      cancelInvoice,
      { invoiceId: paid.id },
      `Invoice ${paid.number} is paid: it cannot become cancelled (paid is final). To correct it, issue a credit note (invoicing_create_credit_note).`,
    );

    const part = await sentInvoice();
    await done(accountant, recordPayment, { invoiceId: part.id, amount: '10.00', method: 'wire' });
    await refused(
      manager,
      cancelInvoice,
      { invoiceId: part.id },
      `Invoice ${part.number} is partially paid: it cannot become cancelled (it may become paid, overdue). It has received a payment: issue a credit note for the balance (invoicing_create_credit_note).`,
    );
  });

  it('refuses to mark a draft viewed', async () => {
    const draft = await newInvoice(manager, { clientId: olimpico.id, lines: chairs });
    await refused(
      manager,
      markViewed,
      { invoiceId: draft.id },
      `Invoice ${draft.number} is draft: it cannot become viewed (it may become sent, cancelled).`,
    );
  });
});

describe('credit notes', () => {
  it('credits part of an invoice: CN number, negative amounts, lower balance', async () => {
    const invoice = await sentInvoice();
    // 2 chairs returned: 20.00, GST 1.00, QST 1.995 → 2.00 (half-up), total 23.00.
    const out = await done<{ creditNote: InvoiceSummary; invoice: InvoiceSummary }>(manager, createCreditNote, {
      invoiceId: invoice.id,
      reason: '2 chaises retournées',
      lines: [{ description: 'Chaises retournées', quantity: '2', unitPrice: '10.00', accountCode: '4100' }],
    });
    expect(out.creditNote).toMatchObject({
      number: expect.stringMatching(/^CN2026-\d{5}$/),
      kind: 'credit_note',
      status: 'paid',
      creditOf: { id: invoice.id, number: invoice.number },
      subtotal: '-20.00',
      tax: '-3.00',
      total: '-23.00',
      balance: '0.00',
      notes: '2 chaises retournées',
    });
    expect(out.creditNote.taxes.map((t) => [t.code, t.amount])).toEqual([
      ['GST', '-1.00'],
      ['QST', '-2.00'],
    ]);
    expect(out.invoice).toMatchObject({ status: 'partially_paid', credited: '23.00', balance: '91.98' });
  });

  it('refuses a credit larger than what remains owed, and changes nothing; then credits the rest to zero', async () => {
    const invoice = await sentInvoice();
    await done(accountant, recordPayment, { invoiceId: invoice.id, amount: '100.00', method: 'wire' });
    // 14.98 remains: crediting 2 chairs (23.00) is too much.
    await refused(
      manager,
      createCreditNote,
      {
        invoiceId: invoice.id,
        reason: 'Retour',
        lines: [{ description: 'Chaises', quantity: '2', unitPrice: '10.00' }],
      },
      `Credit note refused: $23.00 exceeds what remains creditable on invoice ${invoice.number} ($14.98).`,
    );
    // 13.03 + GST 0.65 (0.6515) + QST 1.30 (1.2997…) = 14.98: settles it exactly.
    const out = await done<{ creditNote: InvoiceSummary; invoice: InvoiceSummary }>(manager, createCreditNote, {
      invoiceId: invoice.id,
      reason: 'Escompte',
      lines: [{ description: 'Escompte', quantity: '1', unitPrice: '13.03' }],
    });
    expect(out.creditNote.total).toBe('-14.98');
    expect(out.invoice).toMatchObject({ status: 'paid', paid: '100.00', credited: '14.98', balance: '0.00' });
  });

  it('credits a whole invoice when no lines are given, then nothing more', async () => {
    const invoice = await sentInvoice();
    const out = await done<{ creditNote: InvoiceSummary; invoice: InvoiceSummary }>(manager, createCreditNote, {
      invoiceId: invoice.id,
      reason: 'Facturée par erreur',
    });
    expect(out.creditNote).toMatchObject({ subtotal: '-100.00', tax: '-14.98', total: '-114.98' });
    expect(out.creditNote.lines).toEqual([
      {
        description: 'Location de chaises',
        quantity: '10',
        unitPrice: '-10.00',
        lineTotal: '-100.00',
        accountCode: '4100',
        treatment: 'taxable',
        frRate: null,
        vatExemption: null,
      },
    ]);
    expect(out.invoice).toMatchObject({ status: 'paid', credited: '114.98', balance: '0.00' });
    await refused(
      manager,
      createCreditNote,
      { invoiceId: invoice.id, reason: 'Encore' },
      `Invoice ${invoice.number} is paid: no credit can be recorded (nothing is left to pay).`,
    );
  });

  it('reverses tax at the invoice’s own rate: an NS invoice of 2025-03-31 is credited at 15 % HST in 2026', async () => {
    const ns = await newClient(manager, {
      name: 'Halifax Marine',
      email: 'ap@halifaxmarine.example',
      province: 'NS',
      language: 'en',
    });
    const draft = await newInvoice(manager, { clientId: ns.id, issueDate: '2025-03-31', lines: chairs });
    expect(draft.taxes.map((t) => [t.code, t.rate, t.amount])).toEqual([['HST', '0.15', '15.00']]);
    await done(manager, sendInvoice, { invoiceId: draft.id });
    const out = await done<{ creditNote: InvoiceSummary }>(manager, createCreditNote, {
      invoiceId: draft.id,
      reason: 'Return',
      lines: [{ description: 'Chairs', quantity: '1', unitPrice: '10.00' }],
    });
    expect(out.creditNote).toMatchObject({
      issueDate: '2026-03-02',
      number: expect.stringMatching(/^CN2026-/),
      total: '-11.50',
    });
    expect(out.creditNote.taxes.map((t) => [t.code, t.rate, t.amount])).toEqual([['HST', '0.15', '-1.50']]);
  });

  it('refuses a credit note on a draft', async () => {
    const draft = await newInvoice(manager, { clientId: olimpico.id, lines: chairs });
    await refused(
      manager,
      createCreditNote,
      { invoiceId: draft.id, reason: 'x' },
      `Invoice ${draft.number} is draft: no credit can be recorded (send it first (invoicing_send_invoice), or change the draft).`,
    );
  });

  it('lists credit notes apart from invoices', async () => {
    const notes = await read<{ invoices: { kind: string; total: string }[] }>(manager, listInvoices, {
      kind: 'credit_note',
    });
    expect(notes.invoices.length).toBeGreaterThanOrEqual(4);
    expect(notes.invoices.every((n) => n.kind === 'credit_note' && n.total.startsWith('-'))).toBe(true);
  });
});

describe('what the AI may do alone (assisted company)', () => {
  it('drafts alone, but sending, payments and credit notes wait for a person', async () => {
    const draft = await propose(
      manager,
      createInvoice,
      { clientId: olimpico.id, lines: chairs },
      { source: 'chat', byAi: true },
    );
    expect(draft.status).toBe('executed');
    const invoiceId = (draft.result as InvoiceSummary).id;
    const send = await propose(manager, sendInvoice, { invoiceId }, { source: 'chat', byAi: true });
    expect(send).toMatchObject({
      status: 'pending_approval',
      decision: { reasons: expect.arrayContaining(['assisted_needs_approval']) },
    });
    expect((await read<InvoiceSummary>(manager, getInvoice, { invoiceId })).status).toBe('draft');
    await done(manager, sendInvoice, { invoiceId });
    const pay = await propose(
      accountant,
      recordPayment,
      { invoiceId, amount: '114.98', method: 'wire' },
      { source: 'chat', byAi: true },
    );
    expect(pay.status).toBe('pending_approval');
    const credit = await propose(manager, createCreditNote, { invoiceId, reason: 'x' }, { source: 'chat', byAi: true });
    expect(credit.status).toBe('pending_approval');
    expect((await read<InvoiceSummary>(manager, getInvoice, { invoiceId })).balance).toBe('114.98');
  });

  it('a buyer may draft an invoice but not record money', async () => {
    const buyer = company.session('buyer');
    const invoice = await sentInvoice();
    const out = await propose(
      buyer,
      recordPayment,
      { invoiceId: invoice.id, amount: '1.00', method: 'cash' },
      { source: 'rest', byAi: false },
    );
    expect(out).toMatchObject({ status: 'pending_approval', decision: { reasons: ['role_cannot_decide_risk'] } });
  });

  it('flags a client over its credit limit in the evidence of sending', async () => {
    const small = await newClient(manager, {
      name: 'Petit Crédit',
      email: 'a@petit.example',
      province: 'QC',
      creditLimit: '200.00',
    });
    const first = await newInvoice(manager, { clientId: small.id, lines: chairs });
    const ok = await propose(manager, sendInvoice, { invoiceId: first.id }, { source: 'rest', byAi: false });
    expect(ok.evidence.map((e) => e.factor)).toContain('within_credit_limit');
    const second = await newInvoice(manager, { clientId: small.id, lines: chairs });
    const over = await propose(manager, sendInvoice, { invoiceId: second.id }, { source: 'chat', byAi: true });
    expect(over.evidence).toContainEqual({
      factor: 'credit_limit_exceeded',
      weight: -0.4,
      detail: 'Petit Crédit owes $114.98; with this, $229.96 exceeds the $200.00 credit limit.',
    });
  });

  it('writes the evidence in the language of the person the action is for, with amounts as they write them', async () => {
    // fr-CA amounts carry no-break spaces ("114,98 $"); plain spaces here for readability.
    const details = (out: { evidence: { detail: string }[] }) =>
      out.evidence.map((e) => e.detail.replace(/\u00a0/g, ' '));
    const ai = { source: 'chat' as const, byAi: true };
    const french = company.session('manager', 'fr');
    const tight = await newClient(manager, {
      name: 'Crédit Serré',
      email: 'compta@serre.example',
      province: 'QC',
      creditLimit: '200.00',
    });
    await done(manager, sendInvoice, {
      invoiceId: (await newInvoice(manager, { clientId: tight.id, lines: chairs })).id,
    });
    const second = await newInvoice(manager, { clientId: tight.id, lines: chairs });
    expect(details(await propose(french, sendInvoice, { invoiceId: second.id }, ai))).toEqual([
      'Envoi à l’adresse au dossier de Crédit Serré : compta@serre.example.',
      'Crédit Serré doit 114,98 $ ; avec cette facture, 229,96 $ dépasse la limite de crédit de 200,00 $.',
    ]);
    const invoice = await sentInvoice();
    expect(
      details(
        await propose(
          company.session('accountant', 'fr'),
          recordPayment,
          { invoiceId: invoice.id, amount: '100.00', method: 'wire' },
          ai,
        ),
      ),
    ).toEqual([`Paiement partiel : il resterait 14,98 $ à payer sur ${invoice.number}.`]);
    expect(
      details(
        await propose(accountant, recordPayment, { invoiceId: invoice.id, amount: '100.00', method: 'wire' }, ai),
      ),
    ).toEqual([`Partial payment: $14.98 would remain on ${invoice.number}.`]);
    expect(details(await propose(french, createCreditNote, { invoiceId: invoice.id, reason: 'Erreur' }, ai))).toEqual([
      `Crédite la facture ${invoice.number}, identifiée par son identifiant.`,
    ]);
  });
});

describe('refusals in the language of the person asking', () => {
  const missing = '00000000-0000-4000-8000-000000000000';
  const noClient = `Client ${missing} introuvable. Cherchez les clients par nom avec invoicing_find_clients.`;
  const noInvoice = `Facture ${missing} introuvable. Trouvez-la avec invoicing_list_invoices.`;
  const ask = (tool: AnyTool, input: unknown, lang: 'fr' | 'en' = 'fr') =>
    invoke(company.session('manager', lang), tool, input, { source: 'rest', byAi: false });

  it.each([
    { tool: createInvoice, input: { clientId: missing, lines: chairs }, message: noClient },
    {
      tool: createRecurring,
      input: { clientId: missing, frequency: 'monthly', startOn: '2026-04-01', lines: chairs },
      message: noClient,
    },
    { tool: updateClient, input: { clientId: missing, phone: '514 555-0100' }, message: noClient },
    { tool: getInvoice, input: { invoiceId: missing }, message: noInvoice },
    { tool: getInvoicePdf, input: { invoiceId: missing }, message: noInvoice },
    { tool: sendInvoice, input: { invoiceId: missing }, message: noInvoice },
    { tool: markViewed, input: { invoiceId: missing }, message: noInvoice },
    { tool: cancelInvoice, input: { invoiceId: missing }, message: noInvoice },
    { tool: updateDraft, input: { invoiceId: missing, notes: 'Merci' }, message: noInvoice },
    { tool: recordPayment, input: { invoiceId: missing, amount: '10.00', method: 'cash' }, message: noInvoice },
    { tool: createCreditNote, input: { invoiceId: missing, reason: 'Retour' }, message: noInvoice },
    {
      tool: stopRecurring,
      input: { recurringId: missing },
      message: `Facturation récurrente ${missing} introuvable. Listez-les avec invoicing_list_recurring.`,
    },
  ])('$tool.name: an unknown id, in French', async ({ tool, input, message }) => {
    await expect(ask(tool, input)).rejects.toMatchObject({ code: 'not_found', message });
  });

  it('keeps the English refusal for a person who reads English', async () => {
    await expect(ask(getInvoice, { invoiceId: missing }, 'en')).rejects.toMatchObject({
      code: 'not_found',
      message: `Invoice ${missing} not found. Use invoicing_list_invoices to find it.`,
    });
    await expect(ask(createInvoice, { clientId: missing, lines: chairs }, 'en')).rejects.toMatchObject({
      code: 'not_found',
      message: `Client ${missing} not found. Use invoicing_find_clients to look clients up by name.`,
    });
  });

  it('refuses more decimals than the currency has, in French, for prices, payments and credit limits', async () => {
    const fr = company.session('manager', 'fr');
    await refused(
      fr,
      createInvoice,
      { clientId: olimpico.id, lines: [{ ...chairs[0], unitPrice: '10.005' }] },
      'Montant invalide « 10.005 » : le CAD admet au plus 2 décimales.',
    );
    await refused(
      fr,
      updateClient,
      { clientId: olimpico.id, creditLimit: '1 000,125' },
      'Montant invalide « 1 000,125 » : le CAD admet au plus 2 décimales.',
    );
    const sent = await sentInvoice();
    await refused(
      fr,
      recordPayment,
      { invoiceId: sent.id, amount: '0,125', method: 'cash' },
      'Montant invalide « 0,125 » : le CAD admet au plus 2 décimales.',
    );
    await refused(
      company.session('manager', 'en'),
      recordPayment,
      { invoiceId: sent.id, amount: '1.005', method: 'cash' },
      "Invalid money amount '1.005': CAD allows at most 2 decimals.",
    );
  });
});
