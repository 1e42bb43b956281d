/**
 * Managers are alerted when an invoice reaches 30, 60 and 90 days overdue: a notification per
 * invoice and one email per manager in their language, each threshold once, whatever the number of
 * runs; a paid invoice is not alerted, and a company's alerts go to its own managers only.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { notifications, outboxEmails, overdueAlerts } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { recordPayment } from '../../../tools/invoicing/record-payment.ts';
import type { InvoiceSummary } from '../../../tools/invoicing/schemas.ts';
import { sendInvoice } from '../../../tools/invoicing/send-invoice.ts';
import { alertOverdueInvoices } from '../../../tools/reminders/index.ts';
import { alertThreshold } from '../../../tools/reminders/overdue-alerts.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { done, newClient, newInvoice } from '../invoicing/people.ts';

let handle: DatabaseHandle;
let clock = new Date('2026-03-02T14:00:00Z');
const now = () => clock;
const on = (day: string) => (clock = new Date(`${day}T14:00:00Z`));
type Company = Awaited<ReturnType<typeof makeCompany>>;

beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

async function issued(company: Company, name: string): Promise<InvoiceSummary> {
  on('2026-03-02');
  const manager = company.session('manager');
  const c = await newClient(manager, {
    name,
    province: 'QC',
    language: 'fr',
    email: 'ap@client.example',
    paymentTermsDays: 15,
  });
  const draft = await newInvoice(manager, {
    clientId: c.id,
    issueDate: '2026-03-02',
    lines: [{ description: 'Service', quantity: '1', unitPrice: '500.00' }],
  });
  return (await done<{ invoice: InvoiceSummary }>(manager, sendInvoice, { invoiceId: draft.id })).invoice;
}

describe('which threshold to alert', () => {
  const rows: { days: number; alerted: number[]; expect: number | null }[] = [
    { days: 29, alerted: [], expect: null },
    { days: 30, alerted: [], expect: 30 },
    { days: 45, alerted: [30], expect: null },
    { days: 60, alerted: [30], expect: 60 },
    // A run that missed days tells where the invoice stands, not the backlog.
    { days: 95, alerted: [], expect: 90 },
    { days: 95, alerted: [30, 60, 90], expect: null },
  ];
  for (const r of rows)
    it(`at ${r.days} days with ${JSON.stringify(r.alerted)} alerted → ${r.expect}`, () =>
      expect(alertThreshold(r.days, r.alerted)).toBe(r.expect));
});

describe('the daily run', () => {
  it('alerts the managers once per threshold, in their language, and not for a paid invoice', async () => {
    const company = await makeCompany(handle.db, {}, now);
    const other = await makeCompany(handle.db, {}, now);
    const late = await issued(company, 'Retard Chronique');
    const paid = await issued(company, 'Bon Payeur');
    await issued(other, 'Autre Client');
    on('2026-03-20');
    await done(company.session('accountant'), recordPayment, {
      invoiceId: paid.id,
      amount: paid.total,
      method: 'interac',
    });

    // Due 2026-03-17: 30 days on 2026-04-16, 60 on 2026-05-16, 90 on 2026-06-15.
    const mine = (run: Awaited<ReturnType<typeof alertOverdueInvoices>>) =>
      run.alerted.filter((a) => a.tenantId === company.tenant.id).map((a) => [a.invoiceNumber, a.threshold, a.people]);
    on('2026-04-15');
    expect(mine(await alertOverdueInvoices(handle.db, clock))).toEqual([]);
    on('2026-04-16');
    expect(mine(await alertOverdueInvoices(handle.db, clock))).toEqual([[late.number, 30, 2]]);
    expect(mine(await alertOverdueInvoices(handle.db, clock))).toEqual([]);
    on('2026-05-01');
    expect(mine(await alertOverdueInvoices(handle.db, clock))).toEqual([]);
    on('2026-05-16');
    expect(mine(await alertOverdueInvoices(handle.db, clock))).toEqual([[late.number, 60, 2]]);
    on('2026-07-01');
    expect(mine(await alertOverdueInvoices(handle.db, clock))).toEqual([[late.number, 90, 2]]);
    expect(mine(await alertOverdueInvoices(handle.db, clock))).toEqual([]);

    const [alerts, notes, mails] = await withTenant(handle.db, company.tenant.id, async (tx) => [
      await tx.select().from(overdueAlerts).orderBy(overdueAlerts.threshold),
      await tx.select().from(notifications).where(eq(notifications.kind, 'invoice_overdue')),
      await tx
        .select()
        .from(outboxEmails)
        .where(eq(outboxEmails.relatedType, 'overdue_alert'))
        .orderBy(outboxEmails.createdAt),
    ]);
    expect(alerts.map((a) => [a.invoiceId, a.threshold, a.alertedOn])).toEqual([
      [late.id, 30, '2026-04-16'],
      [late.id, 60, '2026-05-16'],
      [late.id, 90, '2026-07-01'],
    ]);
    // Admin and manager, three thresholds each.
    expect(notes.length).toBe(6);
    expect(mails.map((m) => m.to).sort()).toEqual(
      [
        company.user('admin').email,
        company.user('admin').email,
        company.user('admin').email,
        company.user('manager').email,
        company.user('manager').email,
        company.user('manager').email,
      ].sort(),
    );
    // The last run's mail (every mail names the three thresholds, so the order tells which is which).
    const french = mails.at(-1)!;
    expect(french.subject).toBe('1 facture(s) client en retard de 30, 60 ou 90 jours');
    expect(french.text.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      `${late.number} — Retard Chronique — 574,88 $ dû, échue depuis 106 jours.`,
    );
    // The other company's managers hear about their own invoice only.
    const theirs = await withTenant(handle.db, other.tenant.id, (tx) =>
      tx.select().from(outboxEmails).where(eq(outboxEmails.relatedType, 'overdue_alert')),
    );
    expect(theirs.every((m) => !m.text.includes('Retard Chronique'))).toBe(true);
    expect(theirs.length).toBe(6);
  });
});
