/**
 * Issue 14's reminders on a real database: the default J+15/30/45 schedule and its tones, a company
 * changing it in settings (refusals in fr/en), and on a day several reminders are due, none for an
 * invoice the bank statement paid in full (reconciled) nor for one the client disputes; a client's
 * contesting reply to a reminder email proposes the dispute through the door; tenants stay apart.
 */
import { eq } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActions, bankAccounts, bankTransactions, invoiceDisputes, outboxEmails } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { inboundAddress, receiveEmail } from '../../../email/inbound.ts';
import { messageIdOf } from '../../../email/outbound.ts';
import { approve, propose } from '../../../tools/actions/door.ts';
import { importStatement } from '../../../tools/banking/import-statement.ts';
import { reconcileTransaction } from '../../../tools/banking/reconcile-transaction.ts';
import type { Session } from '../../../tools/context.ts';
import type { InvoiceSummary } from '../../../tools/invoicing/schemas.ts';
import { sendInvoice } from '../../../tools/invoicing/send-invoice.ts';
import { proposeDueReminders } from '../../../tools/reminders/index.ts';
import { listDisputes } from '../../../tools/reminders/list-disputes.ts';
import { listDueReminders } from '../../../tools/reminders/list-due.ts';
import { markDisputed } from '../../../tools/reminders/mark-disputed.ts';
import { resolveDispute } from '../../../tools/reminders/resolve-dispute.ts';
import { sendReminder } from '../../../tools/reminders/send-reminder.ts';
import { getSettings } from '../../../tools/settings/get-settings.ts';
import { updateReminderSchedule } from '../../../tools/settings/update-reminder-schedule.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { done, newClient, newInvoice, read } from '../invoicing/people.ts';

const DOMAIN = 'comptoir.test';
let handle: DatabaseHandle;
let clock = new Date('2026-03-02T14:00:00Z');
const now = () => clock;
const on = (day: string) => (clock = new Date(`${day}T14:00:00Z`));
const hosting = [{ description: 'Hébergement mensuel', quantity: '1', unitPrice: '500.00' }];

type Company = Awaited<ReturnType<typeof makeCompany>>;
type Due = { invoiceId: string; number: string; scheduleDay: number; tone: string; blocked: { reason: string } | null };

beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

/** An invoice issued 2026-03-02 on net 15 (due 2026-03-17), sent to the client. */
async function issued(company: Company, name: string, language: 'fr' | 'en' = 'fr'): Promise<InvoiceSummary> {
  on('2026-03-02');
  const manager = company.session('manager');
  const c = await newClient(manager, {
    name,
    province: 'QC',
    language,
    email: `ap@${name.toLowerCase().replace(/\W/g, '')}.example`,
    paymentTermsDays: 15,
  });
  const draft = await newInvoice(manager, { clientId: c.id, issueDate: '2026-03-02', lines: hosting });
  return (await done<{ invoice: InvoiceSummary }>(manager, sendInvoice, { invoiceId: draft.id })).invoice;
}

const dueList = async (session: Session) => (await read<{ reminders: Due[] }>(session, listDueReminders, {})).reminders;

describe('the schedule', () => {
  it('is J+15, J+30, J+45 by default: courteous, firm, final', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'full' }, now);
    const invoice = await issued(company, 'Café Olimpico');
    const manager = company.session('manager');
    const seen: [string, number | null, string | null][] = [];
    for (const day of ['2026-03-18', '2026-03-31', '2026-04-01', '2026-04-16', '2026-05-01', '2026-06-30']) {
      on(day);
      const due = (await dueList(manager)).find((r) => r.invoiceId === invoice.id);
      seen.push([day, due?.scheduleDay ?? null, due?.tone ?? null]);
    }
    expect(seen).toEqual([
      ['2026-03-18', null, null],
      ['2026-03-31', null, null],
      ['2026-04-01', 15, 'reminder'],
      ['2026-04-16', 30, 'firm'],
      ['2026-05-01', 45, 'final'],
      ['2026-06-30', 45, 'final'],
    ]);
    expect((await read<{ reminderSteps: unknown }>(manager, getSettings, {})).reminderSteps).toEqual([
      { day: 15, tone: 'reminder' },
      { day: 30, tone: 'firm' },
      { day: 45, tone: 'final' },
    ]);
  });

  it('is changed per company, in day order, and the chosen tone is the email the client gets', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'full' }, now);
    const other = await makeCompany(handle.db, { automationLevel: 'full' }, now);
    const invoice = await issued(company, 'Maple Leaf Supplies', 'en');
    const manager = company.session('manager');
    const saved = await done<{ steps: unknown }>(manager, updateReminderSchedule, {
      steps: [{ day: 20, tone: 'final' }, { day: 10 }, { day: 5, tone: 'reminder' }],
    });
    expect(saved.steps).toEqual([
      { day: 5, tone: 'reminder' },
      { day: 10, tone: 'firm' },
      { day: 20, tone: 'final' },
    ]);
    // Another company keeps the default.
    expect(
      (await read<{ reminderSchedule: number[] }>(other.session('manager'), getSettings, {})).reminderSchedule,
    ).toEqual([15, 30, 45]);
    on('2026-03-27');
    const out = await done<{ tone: string; email: { subject: string } }>(manager, sendReminder, {
      invoiceId: invoice.id,
    });
    expect(out.tone).toBe('firm');
    expect(out.email.subject).toMatch(/^Second reminder: invoice /);
  });

  it('refuses a day twice, a gentler step, a day out of bounds, in the person’s language, changing nothing', async () => {
    const company = await makeCompany(handle.db, {}, now);
    const fr = company.session('admin', 'fr');
    const en = company.session('admin', 'en');
    const attempt = (session: Session, steps: unknown) =>
      propose(session, updateReminderSchedule, { steps }, { source: 'rest', byAi: false });
    await expect(attempt(fr, [{ day: 15 }, { day: 30 }, { day: 15 }])).rejects.toMatchObject({
      code: 'invalid',
      message: 'Le jour 15 figure deux fois dans le calendrier de relance : gardez-le une seule fois.',
    });
    await expect(attempt(en, [{ day: 15 }, { day: 30 }, { day: 15 }])).rejects.toMatchObject({
      message: 'Day 15 appears twice in the reminder schedule: keep it once.',
    });
    await expect(
      attempt(en, [
        { day: 15, tone: 'firm' },
        { day: 30, tone: 'reminder' },
      ]),
    ).rejects.toMatchObject({
      message:
        'The day 30 reminder (courteous) would be gentler than the day 15 one (firm): each reminder must be at least as firm as the one before.',
    });
    await expect(attempt(fr, [{ day: 400 }])).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('steps.0.day'),
    });
    await expect(attempt(fr, [{ day: 400 }])).rejects.toMatchObject({ message: expect.stringMatching(/Trop grand/i) });
    await expect(attempt(en, [])).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      propose(
        company.session('buyer'),
        updateReminderSchedule,
        { steps: [{ day: 10 }] },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await read<{ reminderSchedule: number[] }>(en, getSettings, {})).reminderSchedule).toEqual([15, 30, 45]);
  });
});

describe('on a day reminders are due', () => {
  it('sends none for an invoice the bank paid in full, nor for one the client disputes', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'full' }, now);
    const manager = company.session('manager');
    const owing = await issued(company, 'Boulangerie Owing');
    const paid = await issued(company, 'Paid By Bank Inc');
    const disputed = await issued(company, 'Contestataire SARL');
    expect(paid.total).toBe('574.88');

    // The bank statement shows the second invoice paid in full; a person confirms the match.
    const [account] = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.insert(bankAccounts).values({ tenantId: company.tenant.id, name: 'Desjardins', currency: 'CAD' }).returning(),
    );
    on('2026-03-25');
    await done(manager, importStatement, {
      content: `Date;Libellé;Débit;Crédit\n24/03/2026;VIREMENT PAID BY BANK ${paid.number};;574,88\n`,
      accountId: account!.id,
    });
    const [line] = await withTenant(handle.db, company.tenant.id, (tx) => tx.select().from(bankTransactions));
    await done(manager, reconcileTransaction, { transactionId: line!.id, targetKind: 'invoice', targetId: paid.id });
    await done(manager, markDisputed, {
      invoiceId: disputed.id,
      reason: 'Le client dit ne pas avoir reçu le service.',
    });

    on('2026-04-01');
    const due = await dueList(manager);
    expect(due.map((d) => [d.number, d.scheduleDay, d.blocked?.reason ?? null])).toEqual([
      [owing.number, 15, null],
      [disputed.number, 15, 'disputed'],
    ]);
    const run = await proposeDueReminders(handle.db, clock);
    const mine = <T extends { tenantId: string }>(rows: T[]) => rows.filter((r) => r.tenantId === company.tenant.id);
    expect(mine(run.proposed).map((p) => [p.invoiceNumber, p.status])).toEqual([[owing.number, 'executed']]);
    expect(mine(run.paused).map((p) => [p.invoiceNumber, p.reason])).toEqual([[disputed.number, 'disputed']]);
    await expect(
      propose(manager, sendReminder, { invoiceId: disputed.id }, { source: 'rest', byAi: false }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('disputes invoice') });
    await expect(
      propose(manager, sendReminder, { invoiceId: paid.id }, { source: 'rest', byAi: false }),
    ).rejects.toMatchObject({ code: 'invalid' });

    // Resolved: the dispute and its resolution stay; the invoice is due again.
    await done(company.session('accountant'), resolveDispute, {
      invoiceId: disputed.id,
      resolution: 'Service rendered on 2026-03-05; client agreed.',
    });
    const history = (
      await read<{ disputes: { resolution: string | null; resolvedAt: string | null }[] }>(manager, listDisputes, {
        invoiceId: disputed.id,
      })
    ).disputes;
    expect(history).toEqual([
      expect.objectContaining({
        resolution: 'Service rendered on 2026-03-05; client agreed.',
        resolvedAt: clock.toISOString(),
      }),
    ]);
    expect((await dueList(manager)).find((d) => d.invoiceId === disputed.id)?.blocked).toBeNull();
    await expect(
      propose(
        manager,
        resolveDispute,
        { invoiceId: disputed.id, resolution: 'again' },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe("a client's reply to a reminder", () => {
  const compose = (mail: ConstructorParameters<typeof MailComposer>[0]) =>
    new Promise<Buffer>((resolve, reject) =>
      new MailComposer(mail).compile().build((err, message) => (err ? reject(err) : resolve(message))),
    );

  async function reminded(company: Company, name: string) {
    const invoice = await issued(company, name);
    on('2026-04-01');
    const out = await done<{ email: { id: string; to: string } }>(company.session('manager'), sendReminder, {
      invoiceId: invoice.id,
    });
    return { invoice, mail: out.email };
  }
  const reply = (company: Company, mail: { id: string; to: string }, text: string, from = mail.to) =>
    compose({
      from,
      to: inboundAddress(company.tenant.inboundToken, DOMAIN),
      subject: 'Re: Rappel de paiement',
      text,
      inReplyTo: messageIdOf(mail.id, 'factures@company.example'),
      references: [messageIdOf(mail.id, 'factures@company.example')],
    });

  it('that contests the invoice proposes a dispute, which waits for a person at the assisted level', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'assisted' }, now);
    const { invoice, mail } = await reminded(company, 'Quincaillerie Dubé');
    on('2026-04-02');
    const outcome = await receiveEmail(
      handle.db,
      await reply(company, mail, 'Bonjour,\nNous contestons cette facture : le montant est incorrect.\n\n> Rappel'),
      { domain: DOMAIN, now },
    );
    expect(outcome).toMatchObject({
      outcome: 'accepted',
      chat: null,
      documentIds: [],
      clientReply: { invoiceId: invoice.id, dispute: { status: 'pending_approval' } },
    });
    const actionId = (outcome as { clientReply: { dispute: { actionId: string } } }).clientReply.dispute.actionId;
    const [action] = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(aiActions).where(eq(aiActions.id, actionId)),
    );
    expect(action).toMatchObject({ tool: 'reminders_mark_disputed', source: 'email', byAi: true, confidence: 0.8 });
    expect(action!.evidence.map((e) => e.factor)).toEqual(['client_reply_threaded', 'contesting_words']);
    expect(action!.evidence[1]!.detail).toContain('« contestons »');
    // Still due until a person agrees; once approved, paused with the email as evidence.
    expect((await dueList(company.session('manager'))).length).toBe(0); // the day-15 step was sent
    await approve(company.session('manager'), actionId, { source: 'rest' });
    const [dispute] = await withTenant(handle.db, company.tenant.id, (tx) => tx.select().from(invoiceDisputes));
    expect(dispute).toMatchObject({
      invoiceId: invoice.id,
      source: 'email',
      emailId: outcome.outcome === 'accepted' ? outcome.emailId : null,
    });
    on('2026-04-16');
    expect((await dueList(company.session('manager'))).map((d) => d.blocked?.reason)).toEqual(['disputed']);

    // The same email delivered twice is one email and one proposal.
    const again = await receiveEmail(
      handle.db,
      await reply(company, mail, 'Bonjour,\nNous contestons cette facture : le montant est incorrect.\n\n> Rappel'),
      { domain: DOMAIN, now },
    );
    expect(again.outcome).toBe('accepted'); // a new Message-ID: a new email, same open dispute
  });

  it('that pays, or that comes from someone else, proposes nothing', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'full' }, now);
    const { invoice, mail } = await reminded(company, 'Fromagerie Payeuse');
    const paying = await receiveEmail(handle.db, await reply(company, mail, 'Le virement part demain, merci.'), {
      domain: DOMAIN,
      now,
    });
    expect(paying).toMatchObject({ outcome: 'accepted', clientReply: { invoiceId: invoice.id, dispute: null } });
    const stranger = await receiveEmail(
      handle.db,
      await reply(company, mail, 'We dispute this invoice.', 'someone@elsewhere.example'),
      { domain: DOMAIN, now },
    );
    expect(stranger.outcome).toBe('quarantined');
    expect(await withTenant(handle.db, company.tenant.id, (tx) => tx.select().from(invoiceDisputes))).toEqual([]);
  });
});

describe('tenant isolation', () => {
  it("a company neither sees nor marks nor resolves another's disputes", async () => {
    const mine = await makeCompany(handle.db, { automationLevel: 'full' }, now);
    const theirs = await makeCompany(handle.db, { automationLevel: 'full' }, now);
    const invoice = await issued(mine, 'Client Privé');
    await done(mine.session('manager'), markDisputed, { invoiceId: invoice.id, reason: 'Wrong amount.' });
    const outsider = theirs.session('manager');
    expect((await read<{ disputes: unknown[] }>(outsider, listDisputes, {})).disputes).toEqual([]);
    expect((await read<{ disputes: unknown[] }>(outsider, listDisputes, { invoiceId: invoice.id })).disputes).toEqual(
      [],
    );
    await expect(
      propose(outsider, markDisputed, { invoiceId: invoice.id, reason: 'x y z' }, { source: 'rest', byAi: false }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      propose(
        outsider,
        resolveDispute,
        { invoiceId: invoice.id, resolution: 'closed' },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      propose(outsider, updateReminderSchedule, { steps: [{ day: 3 }] }, { source: 'rest', byAi: false }),
    ).resolves.toMatchObject({ status: 'executed' });
    expect(
      (await read<{ reminderSchedule: number[] }>(mine.session('manager'), getSettings, {})).reminderSchedule,
    ).toEqual([15, 30, 45]);
    expect(await withTenant(handle.db, theirs.tenant.id, (tx) => tx.select().from(outboxEmails))).toEqual([]);
  });
});
