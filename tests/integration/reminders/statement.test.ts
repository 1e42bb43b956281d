/**
 * The statement of account, rendered for real and read back with pdftotext (poppler): open invoices
 * with their balances, the payments, the balance and its aging, in the client's language; attached
 * to a reminder when asked; another company's client is not found.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { documents, outboxEmails } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { invoke } from '../../../tools/invoke.ts';
import { recordPayment } from '../../../tools/invoicing/record-payment.ts';
import type { InvoiceSummary } from '../../../tools/invoicing/schemas.ts';
import { sendInvoice } from '../../../tools/invoicing/send-invoice.ts';
import { sendReminder } from '../../../tools/reminders/send-reminder.ts';
import { statementOfAccount } from '../../../tools/reminders/statement-of-account.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { done, newClient, newInvoice, read } from '../invoicing/people.ts';

let handle: DatabaseHandle;
let clock = new Date('2026-03-02T14:00:00Z');
const now = () => clock;
const on = (day: string) => (clock = new Date(`${day}T14:00:00Z`));
const dir = mkdtempSync(join(tmpdir(), 'statement-'));
const textOf = (pdf: Buffer, name: string) => {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

describe('statement of account', () => {
  it('lists open invoices, payments, balance and aging, in the client’s language, and rides on a reminder', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'full' }, now);
    const manager = company.session('manager');
    const client = await newClient(manager, {
      name: 'Ébénisterie Gagnon',
      province: 'QC',
      language: 'fr',
      email: 'compta@gagnon.example',
      paymentTermsDays: 15,
    });
    const issue = async (day: string, price: string) => {
      on(day);
      const draft = await newInvoice(manager, {
        clientId: client.id,
        issueDate: day,
        lines: [{ description: 'Atelier', quantity: '1', unitPrice: price }],
      });
      return (await done<{ invoice: InvoiceSummary }>(manager, sendInvoice, { invoiceId: draft.id })).invoice;
    };
    // 100.00 + GST 5.00 + QST 9.98 = 114.98; 200.00 → 229.95.
    const first = await issue('2026-01-05', '100.00');
    const second = await issue('2026-03-02', '200.00');
    on('2026-03-10');
    await done(company.session('accountant'), recordPayment, {
      invoiceId: first.id,
      amount: '50.00',
      method: 'cheque',
      reference: 'CHQ 881',
    });

    on('2026-04-01');
    const out = await read<{
      balance: string;
      aging: Record<string, string>;
      openInvoices: { number: string; balance: string; daysPastDue: number }[];
      payments: { amount: string }[];
      pdf: { base64: string; filename: string };
    }>(manager, statementOfAccount, { clientId: client.id });
    expect(out.openInvoices.map((i) => [i.number, i.balance, i.daysPastDue])).toEqual([
      [first.number, '64.98', 71],
      [second.number, '229.95', 15],
    ]);
    expect(out.payments.map((p) => p.amount)).toEqual(['50.00']);
    expect(out.balance).toBe('294.93');
    expect(out.aging).toEqual({
      current: '0.00',
      '1_30': '229.95',
      '31_60': '0.00',
      '61_90': '64.98',
      over_90: '0.00',
    });
    expect(out.pdf.filename).toBe('releve-Ebenisterie-Gagnon-2026-04-01.pdf');

    const text = textOf(Buffer.from(out.pdf.base64, 'base64'), 'statement.pdf').replace(/\s+/g, ' ');
    expect(text).toContain('Relevé de compte');
    expect(text).toContain('Ébénisterie Gagnon');
    expect(text).toContain(`Facture ${first.number}`);
    // The description wraps in its column: "… en retard de 71" then "jours" on the next line.
    expect(text).toContain('en retard de 71');
    expect(text).toContain('Paiement reçu');
    expect(text).toContain('CHQ 881');
    expect(text).toMatch(/Échu 61 à 90 jours 64,98 \$/);
    expect(text).toMatch(/Solde dû 294,93 \$/);

    const sent = await done<{ email: { id: string } }>(manager, sendReminder, {
      invoiceId: second.id,
      attachStatement: true,
    });
    const [mail] = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(outboxEmails).where(eq(outboxEmails.id, sent.email.id)),
    );
    expect(mail!.attachments.map((a) => a.filename)).toEqual([
      `${second.number}.pdf`,
      'releve-Ebenisterie-Gagnon-2026-04-01.pdf',
    ]);
    const [attached] = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(documents).where(eq(documents.id, mail!.attachments[1]!.documentId!)),
    );
    expect(textOf(attached!.content!, 'attached.pdf').replace(/\s+/g, ' ')).toMatch(/Solde dû 294,93 \$/);

    const outsider = await makeCompany(handle.db, {}, now);
    await expect(
      invoke(outsider.session('manager'), statementOfAccount, { clientId: client.id }, { source: 'rest', byAi: false }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
