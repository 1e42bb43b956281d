/**
 * Payment reminders on a real database: the schedule step each day, the balance of a partly paid
 * invoice, refusals for invoices that owe nothing, the daily job through the door (manual → queued,
 * full → emailed in the client's language), nothing sent twice, one reminder waiting for approval at a
 * time, clients without an email counted apart, and no tenant seeing another's.
 */
import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatTurn } from '../../../agent/chat.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActions, outboxEmails, reminders } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { createJobClient } from '../../../jobs/client.ts';
import { PAYMENT_REMINDERS_EVENT, paymentRemindersJob } from '../../../jobs/functions/reminders.ts';
import { jobDefinitions } from '../../../jobs/index.ts';
import { toInngestFunction } from '../../../jobs/job.ts';
import { createInProcessRunner } from '../../../jobs/runner.ts';
import { approve, propose } from '../../../tools/actions/door.ts';
import type { Session } from '../../../tools/context.ts';
import { cancelInvoice } from '../../../tools/invoicing/cancel-invoice.ts';
import { recordPayment } from '../../../tools/invoicing/record-payment.ts';
import type { InvoiceSummary } from '../../../tools/invoicing/schemas.ts';
import { sendInvoice } from '../../../tools/invoicing/send-invoice.ts';
import { updateClient } from '../../../tools/invoicing/update-client.ts';
import { invoke } from '../../../tools/invoke.ts';
import { listDueReminders } from '../../../tools/reminders/list-due.ts';
import { proposeDueReminders } from '../../../tools/reminders/index.ts';
import { sendReminder } from '../../../tools/reminders/send-reminder.ts';
import { registry } from '../../../tools/registry.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { done, newClient, newInvoice, read } from '../invoicing/people.ts';

let handle: DatabaseHandle;
let clock = new Date('2026-03-02T14:00:00Z');
const now = () => clock;
const on = (day: string) => (clock = new Date(`${day}T14:00:00Z`));

/**
 * These tests walk the stepping rules on a schedule with a step before the due date and several after
 * (the default J+15/30/45 is tested in schedule.test.ts).
 */
const STEPPED = [-3, 1, 7, 14, 30];

// 1 × 500.00: Québec GST 25.00 + QST 49.88 → 574.88; Ontario HST 65.00 → 565.00.
const hosting = [{ description: 'Hébergement mensuel', quantity: '1', unitPrice: '500.00' }];

type Company = Awaited<ReturnType<typeof makeCompany>>;
type Due = {
  invoiceId: string;
  number: string;
  scheduleDay: number;
  daysPastDue: number;
  tone: string;
  balance: string;
  client: { language: string };
  blocked: { reason: string; message: string; actionNumber?: number } | null;
};

beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

/** An invoice issued 2026-03-02 on net 15 (due 2026-03-17), sent to the client. */
async function issued(
  company: Company,
  client: { name: string; province: string; language: 'fr' | 'en' },
): Promise<InvoiceSummary> {
  on('2026-03-02');
  const manager = company.session('manager');
  const c = await newClient(manager, {
    ...client,
    email: `ap@${client.name.toLowerCase().replace(/\W/g, '')}.example`,
    paymentTermsDays: 15,
  });
  const draft = await newInvoice(manager, { clientId: c.id, issueDate: '2026-03-02', lines: hosting });
  const sent = (await done<{ invoice: InvoiceSummary }>(manager, sendInvoice, { invoiceId: draft.id })).invoice;
  expect(sent.dueDate).toBe('2026-03-17');
  return sent;
}

const dueList = async (session: Session) => (await read<{ reminders: Due[] }>(session, listDueReminders, {})).reminders;
const dueFor = async (session: Session, invoiceId: string) =>
  (await dueList(session)).find((r) => r.invoiceId === invoiceId) ?? null;

const remindersOf = (company: Company, invoiceId: string) =>
  withTenant(handle.db, company.tenant.id, (tx) =>
    tx.select().from(reminders).where(eq(reminders.invoiceId, invoiceId)).orderBy(reminders.scheduleDay),
  );
const mailsAbout = (company: Company, reminderIds: string[]) =>
  withTenant(handle.db, company.tenant.id, (tx) =>
    tx.select().from(outboxEmails).where(eq(outboxEmails.relatedType, 'reminder')),
  ).then((rows) => rows.filter((r) => reminderIds.includes(r.relatedId!)));
const reminderActions = (company: Company) =>
  withTenant(handle.db, company.tenant.id, (tx) =>
    tx.select().from(aiActions).where(eq(aiActions.tool, 'reminders_send_reminder')),
  );

describe('which step is due', () => {
  it('follows the schedule from three days before the due date to thirty days after, firmer each time', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'full', reminderSchedule: STEPPED }, now);
    const invoice = await issued(company, { name: 'Café Olimpico', province: 'QC', language: 'fr' });
    const manager = company.session('manager');
    const cases: [string, number | null, number | null, string | null][] = [
      ['2026-03-13', null, null, null],
      ['2026-03-14', -3, -3, 'courtesy'],
      ['2026-03-17', -3, 0, 'courtesy'],
      ['2026-03-18', 1, 1, 'reminder'],
      ['2026-03-23', 1, 6, 'reminder'],
      ['2026-03-24', 7, 7, 'firm'],
      ['2026-03-31', 14, 14, 'firm'],
      ['2026-04-16', 30, 30, 'final'],
      ['2026-06-01', 30, 76, 'final'],
    ];
    for (const [day, step, days, tone] of cases) {
      on(day);
      const due = await dueFor(manager, invoice.id);
      expect([day, due?.scheduleDay ?? null, due?.daysPastDue ?? null, due?.tone ?? null]).toEqual([
        day,
        step,
        days,
        tone,
      ]);
    }
  });
});

describe('the daily job, through the door', () => {
  it('at the full level, emails a partly paid invoice its balance, in English, with the PDF attached', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'full', reminderSchedule: STEPPED }, now);
    const invoice = await issued(company, { name: 'Maple Leaf Supplies', province: 'ON', language: 'en' });
    expect(invoice.total).toBe('565.00');
    on('2026-03-20');
    await done(company.session('accountant'), recordPayment, {
      invoiceId: invoice.id,
      amount: '100.00',
      method: 'interac',
    });

    on('2026-03-24');
    expect(await dueFor(company.session('manager'), invoice.id)).toMatchObject({
      scheduleDay: 7,
      balance: '465.00',
      client: { language: 'en' },
    });
    const runner = createInProcessRunner(
      jobDefinitions({ db: handle.db, publicUrl: 'https://comptoir.example', now }),
      { log: (l) => expect.fail(l) },
    );
    await runner.send({ name: PAYMENT_REMINDERS_EVENT, data: {} });
    await runner.idle();
    await runner.stop();

    const sent = await remindersOf(company, invoice.id);
    expect(sent.map((r) => [r.scheduleDay, r.language])).toEqual([[7, 'en']]);
    const [mail] = await mailsAbout(company, [sent[0]!.id]);
    expect(mail).toMatchObject({
      to: 'ap@mapleleafsupplies.example',
      subject: `Second reminder: invoice ${invoice.number} from ${company.tenant.name} is unpaid`,
    });
    expect(mail!.text).toContain(
      `Invoice ${invoice.number} for $565.00 was due on March 17, 2026, 7 days ago.\nBalance due: $465.00 (after the payments and credits received).`,
    );
    expect(mail!.text).toContain('This amount remains unpaid to date. Please pay it without delay');
    expect(mail!.attachments).toEqual([
      { filename: `${invoice.number}.pdf`, contentType: 'application/pdf', documentId: expect.any(String) },
    ]);
    const [action] = await reminderActions(company);
    expect(action).toMatchObject({
      status: 'executed',
      source: 'job',
      byAi: true,
      actorId: company.user('admin').id,
      amountCents: 46500n,
      input: { invoiceId: invoice.id, scheduleDay: 7 },
    });
  });

  it('at the full level, emails a French client in French with Québec amounts, and sends nothing new when run again', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'full', reminderSchedule: STEPPED }, now);
    const invoice = await issued(company, { name: 'Café Olimpico', province: 'QC', language: 'fr' });

    on('2026-03-18');
    const first = await proposeDueReminders(handle.db, clock);
    expect(first.proposed.filter((p) => p.tenantId === company.tenant.id)).toEqual([
      {
        tenantId: company.tenant.id,
        invoiceNumber: invoice.number,
        scheduleDay: 1,
        actionId: expect.any(String),
        status: 'executed',
        duplicate: false,
      },
    ]);
    const sent = await remindersOf(company, invoice.id);
    const [mail] = await mailsAbout(
      company,
      sent.map((r) => r.id),
    );
    expect(mail!.subject).toBe(`Rappel de paiement : facture ${invoice.number} de ${company.tenant.name}`);
    expect(mail!.text).toContain(
      `La facture ${invoice.number} d'un montant de 574,88\u00a0$ était payable le 17 mars 2026, il y a 1 jour.\nSolde dû : 574,88\u00a0$.`,
    );
    expect(mail!.text).toContain("Nous n'avons pas encore reçu votre paiement.");

    // Same day, and the day after: step 1 is sent, step 7 not reached.
    for (const day of ['2026-03-18', '2026-03-19']) {
      on(day);
      const again = await proposeDueReminders(handle.db, clock);
      expect(again.proposed.filter((p) => p.tenantId === company.tenant.id)).toEqual([]);
    }
    expect(await remindersOf(company, invoice.id)).toHaveLength(1);
    expect(await reminderActions(company)).toHaveLength(1);

    // A person asking for the same step again is told it went out.
    await expect(
      propose(
        company.session('manager'),
        sendReminder,
        { invoiceId: invoice.id, scheduleDay: 1 },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: `The day 1 reminder for invoice ${invoice.number} was already sent (or a firmer one).`,
    });

    on('2026-03-24');
    const week = await proposeDueReminders(handle.db, clock);
    expect(week.proposed.filter((p) => p.tenantId === company.tenant.id).map((p) => [p.scheduleDay, p.status])).toEqual(
      [[7, 'executed']],
    );
    expect((await remindersOf(company, invoice.id)).map((r) => r.scheduleDay)).toEqual([1, 7]);
  });

  it('at the manual level, queues the reminder for approval, once, and emails only when approved', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'manual', reminderSchedule: STEPPED }, now);
    const invoice = await issued(company, { name: 'Boulangerie Saint-Roch', province: 'QC', language: 'fr' });

    on('2026-03-18');
    const first = await proposeDueReminders(handle.db, clock);
    const mine = first.proposed.filter((p) => p.tenantId === company.tenant.id);
    expect(mine.map((p) => [p.invoiceNumber, p.scheduleDay, p.status, p.duplicate])).toEqual([
      [invoice.number, 1, 'pending_approval', false],
    ]);
    expect(await remindersOf(company, invoice.id)).toEqual([]);

    const again = await proposeDueReminders(handle.db, clock);
    expect(
      again.proposed.filter((p) => p.tenantId === company.tenant.id).map((p) => [p.actionId, p.duplicate]),
    ).toEqual([[mine[0]!.actionId, true]]);
    expect(await reminderActions(company)).toHaveLength(1);
    expect(
      await withTenant(handle.db, company.tenant.id, (tx) =>
        tx.select().from(outboxEmails).where(eq(outboxEmails.relatedType, 'reminder')),
      ),
    ).toEqual([]);

    const approved = await approve(company.session('manager'), mine[0]!.actionId, { source: 'rest' });
    expect(approved.status).toBe('executed');
    const sent = await remindersOf(company, invoice.id);
    expect(sent.map((r) => r.scheduleDay)).toEqual([1]);
    expect((await mailsAbout(company, [sent[0]!.id]))[0]!.subject).toBe(
      `Rappel de paiement : facture ${invoice.number} de ${company.tenant.name}`,
    );
  });
});

describe('what the approver reads', () => {
  it("writes the evidence in the language of the person the reminder is for, not the client's", async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'manual', reminderSchedule: STEPPED }, now);
    const ontario = await issued(company, { name: 'Harbour Supplies', province: 'ON', language: 'en' });
    const quebec = await issued(company, { name: 'Epicerie Limoilou', province: 'QC', language: 'fr' });
    on('2026-03-18');
    const ai = { source: 'chat' as const, byAi: true };
    // fr-CA amounts carry a no-break space ("565,00 $"); plain spaces here for readability.
    const details = (out: { evidence: { detail: string }[] }) =>
      out.evidence.map((e) => e.detail.replace(/\u00a0/g, ' '));

    const french = await propose(company.session('manager', 'fr'), sendReminder, { invoiceNumber: ontario.number }, ai);
    expect(french.status).toBe('pending_approval');
    expect(details(french)).toEqual([
      'Envoi à l’adresse au dossier de Harbour Supplies : ap@harboursupplies.example.',
      'L’étape du jour 1 du calendrier de relance est atteinte (1 jour(s) par rapport à l’échéance du 17 mars 2026) et n’a pas encore été envoyée ; 565,00 $ reste dû.',
    ]);
    const english = await propose(company.session('manager', 'en'), sendReminder, { invoiceNumber: quebec.number }, ai);
    expect(details(english)).toEqual([
      'Sent to the address on file for Epicerie Limoilou: ap@epicerielimoilou.example.',
      'Step 1 of the schedule is reached (1 day(s) from the due date March 17, 2026) and not yet sent; $574.88 still owed.',
    ]);
  });
});

describe('one reminder at a time, and clients without an email address', () => {
  it('waits while an earlier reminder awaits approval, tells a person which action to decide, and resumes once it is decided', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'manual', reminderSchedule: STEPPED }, now);
    const invoice = await issued(company, { name: 'Fromagerie Lemaire', province: 'QC', language: 'fr' });
    const mine = <T extends { tenantId: string }>(rows: T[]) => rows.filter((r) => r.tenantId === company.tenant.id);

    on('2026-03-18');
    const first = await proposeDueReminders(handle.db, clock);
    expect(mine(first.proposed).map((p) => [p.scheduleDay, p.status])).toEqual([[1, 'pending_approval']]);
    const [pending] = await reminderActions(company);

    // Approvals are slow: a week later step 7 is due, but the day-1 reminder has not been decided.
    on('2026-03-24');
    const week = await proposeDueReminders(handle.db, clock);
    expect(mine(week.proposed)).toEqual([]);
    expect(mine(week.failed)).toEqual([]);
    expect(mine(week.waiting)).toEqual([
      {
        tenantId: company.tenant.id,
        invoiceNumber: invoice.number,
        scheduleDay: 7,
        pendingAction: pending!.number,
        // Written for the company's administrator, in whose name the job proposes (French here).
        reason: `Un rappel pour la facture ${invoice.number} attend déjà une approbation (action n° ${pending!.number}) : approuvez-le ou rejetez-le avant d'en proposer un autre.`,
      },
    ]);

    // A person asking by hand is refused, in their language, and told which action to decide.
    await expect(
      propose(company.session('manager'), sendReminder, { invoiceId: invoice.id }, { source: 'rest', byAi: false }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: `A reminder for invoice ${invoice.number} is already waiting for approval (action #${pending!.number}): approve or reject it before proposing another.`,
    });
    const say = (text: string) => chatTurn(company.session('manager', 'fr'), { model: null, registry }, { text });
    expect((await say(`/remind ${invoice.number}`)).text).toBe(
      `Un rappel pour la facture ${invoice.number} attend déjà une approbation (action n° ${pending!.number}) : approuvez-le ou rejetez-le avant d'en proposer un autre.`,
    );
    expect((await reminderActions(company)).map((a) => [a.number, a.status])).toEqual([
      [pending!.number, 'pending_approval'],
    ]);
    expect(await remindersOf(company, invoice.id)).toEqual([]);
    // The list of reminders due says so too, with the action to decide.
    const [line] = await dueList(company.session('manager'));
    expect(line!.blocked).toEqual({
      reason: 'awaiting_approval',
      actionNumber: pending!.number,
      message: `A reminder for invoice ${invoice.number} is already waiting for approval (action #${pending!.number}): approve or reject it before proposing another.`,
    });

    // The manager brings the waiting reminder up to the step due now: it does not count against itself.
    const approved = await approve(company.session('manager'), pending!.id, {
      source: 'rest',
      editedInput: { invoiceId: invoice.id, scheduleDay: 7 },
    });
    expect(approved.status).toBe('executed');
    expect((await remindersOf(company, invoice.id)).map((r) => r.scheduleDay)).toEqual([7]);

    const sameDay = await proposeDueReminders(handle.db, clock);
    expect([mine(sameDay.proposed), mine(sameDay.waiting)]).toEqual([[], []]);
    on('2026-03-31');
    const next = await proposeDueReminders(handle.db, clock);
    expect(mine(next.proposed).map((p) => [p.scheduleDay, p.status, p.duplicate])).toEqual([
      [14, 'pending_approval', false],
    ]);
    expect(mine(next.waiting)).toEqual([]);
  });

  it('lists an invoice whose client has no email address with the reason, and the job counts it apart instead of failing', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'full', reminderSchedule: STEPPED }, now);
    const invoice = await issued(company, { name: 'Quincaillerie Dubé', province: 'QC', language: 'fr' });
    const mine = <T extends { tenantId: string }>(rows: T[]) => rows.filter((r) => r.tenantId === company.tenant.id);
    // The address was on file when the invoice went out, and removed since (the contact left).
    await done(company.session('manager'), updateClient, { clientId: invoice.client.id, email: null });

    on('2026-03-18');
    expect(await dueFor(company.session('manager'), invoice.id)).toMatchObject({
      scheduleDay: 1,
      blocked: {
        reason: 'no_email',
        message: 'Client Quincaillerie Dubé has no email address: add one (invoicing_update_client) to send reminders.',
      },
    });
    const listed = await invoke(
      company.session('manager', 'fr'),
      listDueReminders,
      {},
      { source: 'rest', byAi: false },
    );
    expect(listed.message).toBe(
      `1 rappel(s) à envoyer :\n${invoice.number} — Quincaillerie Dubé — 574,88\u00a0$ (jour 1) — ` +
        "Le client Quincaillerie Dubé n'a pas d'adresse courriel : ajoutez-en une (invoicing_update_client) pour lui envoyer des rappels.",
    );

    for (const day of ['2026-03-18', '2026-03-19']) {
      on(day);
      const run = await proposeDueReminders(handle.db, clock);
      expect([mine(run.proposed), mine(run.failed), mine(run.needsEmail)]).toEqual([
        [],
        [],
        [{ tenantId: company.tenant.id, invoiceNumber: invoice.number, clientId: invoice.client.id }],
      ]);
    }
    expect(await reminderActions(company)).toEqual([]);

    // Once the address is back, the reminder goes out as usual.
    await done(company.session('manager'), updateClient, {
      clientId: invoice.client.id,
      email: 'compta@quincailleriedube.example',
    });
    expect((await dueFor(company.session('manager'), invoice.id))?.blocked).toBeNull();
    const run = await proposeDueReminders(handle.db, clock);
    expect([mine(run.proposed).map((p) => [p.scheduleDay, p.status]), mine(run.needsEmail)]).toEqual([
      [[1, 'executed']],
      [],
    ]);
  });

  it('as an Inngest function, reports the waiting reminder and the missing email as counts, with no failure', async () => {
    // A database of its own: the job's counts cover every company in it.
    const own = await freshDatabase();
    try {
      const company = await makeCompany(own.db, { automationLevel: 'manual', reminderSchedule: STEPPED }, now);
      const reachable = await issued(company, { name: 'Northwind', province: 'ON', language: 'en' });
      const unreachable = await issued(company, { name: 'Sans Adresse', province: 'QC', language: 'fr' });
      await done(company.session('manager'), updateClient, { clientId: unreachable.client.id, email: null });
      const fn = toInngestFunction(
        createJobClient(),
        paymentRemindersJob({ db: own.db, publicUrl: 'https://comptoir.example', now }),
      );
      const runJob = async () =>
        (await new InngestTestEngine({ function: fn, events: [{ name: PAYMENT_REMINDERS_EVENT, data: {} }] }).execute())
          .result;

      on('2026-03-18');
      expect(await runJob()).toEqual({
        proposed: 1,
        alreadyProposed: 0,
        waiting: 0,
        needsEmail: 1,
        paused: 0,
        overdueAlerts: 0,
        failed: [],
      });
      expect(await runJob()).toEqual({
        proposed: 0,
        alreadyProposed: 1,
        waiting: 0,
        needsEmail: 1,
        paused: 0,
        overdueAlerts: 0,
        failed: [],
      });
      on('2026-03-24');
      expect(await runJob()).toEqual({
        proposed: 0,
        alreadyProposed: 0,
        waiting: 1,
        needsEmail: 1,
        paused: 0,
        overdueAlerts: 0,
        failed: [],
      });
      const actions = await withTenant(own.db, company.tenant.id, (tx) =>
        tx.select().from(aiActions).where(eq(aiActions.tool, 'reminders_send_reminder')),
      );
      expect(actions.map((a) => [(a.input as { invoiceId: string }).invoiceId, a.status])).toEqual([
        [reachable.id, 'pending_approval'],
      ]);
    } finally {
      await own.close();
    }
  });
});

describe('invoices that owe nothing, and other companies', () => {
  it('never reminds a paid, cancelled or draft invoice, and says why in the person’s language', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'full', reminderSchedule: STEPPED }, now);
    const manager = company.session('manager');
    const paid = await issued(company, { name: 'Payé Inc', province: 'QC', language: 'fr' });
    await done(company.session('accountant'), recordPayment, { invoiceId: paid.id, amount: '574.88', method: 'wire' });
    const cancelled = await issued(company, { name: 'Annulé Inc', province: 'QC', language: 'fr' });
    await done(manager, cancelInvoice, { invoiceId: cancelled.id, reason: 'Doublon' });
    const draft = await newInvoice(manager, { clientId: paid.client.id, issueDate: '2026-03-02', lines: hosting });

    for (const day of ['2026-03-14', '2026-03-18', '2026-04-16']) {
      on(day);
      const ids = (await dueList(manager)).map((r) => r.invoiceId);
      expect(ids).not.toContain(paid.id);
      expect(ids).not.toContain(cancelled.id);
      expect(ids).not.toContain(draft.id);
      const run = await proposeDueReminders(handle.db, clock);
      expect(run.proposed.filter((p) => p.tenantId === company.tenant.id)).toEqual([]);
    }
    const refused = (session: Session, invoiceId: string) =>
      propose(session, sendReminder, { invoiceId }, { source: 'rest', byAi: false });
    await expect(refused(manager, paid.id)).rejects.toMatchObject({
      code: 'invalid',
      message: `Invoice ${paid.number} is paid: only an issued, unpaid invoice can be reminded.`,
    });
    await expect(refused(company.session('manager', 'fr'), paid.id)).rejects.toMatchObject({
      message: `La facture ${paid.number} a le statut « payée » : seule une facture émise et impayée peut faire l'objet d'un rappel.`,
    });
    await expect(refused(manager, cancelled.id)).rejects.toMatchObject({
      code: 'invalid',
      message: `Invoice ${cancelled.number} is cancelled: only an issued, unpaid invoice can be reminded.`,
    });
    await expect(refused(manager, draft.id)).rejects.toMatchObject({
      code: 'invalid',
      message: `Invoice ${draft.number} is draft: only an issued, unpaid invoice can be reminded.`,
    });
    expect(await reminderActions(company)).toEqual([]);
  });

  it("never shows or reminds another company's invoices", async () => {
    const mine = await makeCompany(handle.db, { automationLevel: 'full', reminderSchedule: STEPPED }, now);
    const theirs = await makeCompany(handle.db, { automationLevel: 'full', reminderSchedule: STEPPED }, now);
    const own = await issued(mine, { name: 'Client A', province: 'QC', language: 'fr' });
    const other = await issued(theirs, { name: 'Client B', province: 'QC', language: 'fr' });

    on('2026-03-18');
    const seen = await dueList(mine.session('manager'));
    expect(seen.map((r) => r.invoiceId)).toEqual([own.id]);
    await expect(
      propose(mine.session('manager'), sendReminder, { invoiceId: other.id }, { source: 'rest', byAi: false }),
    ).rejects.toMatchObject({ code: 'not_found' });

    await proposeDueReminders(handle.db, clock);
    // Each company's reminder is its own action, in its own tenant, about its own invoice.
    expect((await reminderActions(mine)).map((a) => (a.input as { invoiceId: string }).invoiceId)).toEqual([own.id]);
    expect((await reminderActions(theirs)).map((a) => (a.input as { invoiceId: string }).invoiceId)).toEqual([
      other.id,
    ]);
    expect(await remindersOf(mine, other.id)).toEqual([]);
  });
});

describe('/remind', () => {
  it('lists and sends the reminders due today, then says nothing is left; names one invoice; answers in French', async () => {
    const company = await makeCompany(handle.db, { automationLevel: 'manual', reminderSchedule: STEPPED }, now);
    const invoice = await issued(company, { name: 'Northwind', province: 'ON', language: 'en' });
    const say = (text: string, lang: 'fr' | 'en' = 'en') =>
      chatTurn(company.session('manager', lang), { model: null, registry }, { text });

    on('2026-03-13');
    expect((await say('/remind')).text).toBe('No payment reminder is due today.');
    expect((await say(`/remind ${invoice.number}`)).text).toBe(
      `No reminder is due for invoice ${invoice.number} before 2026-03-14.`,
    );

    on('2026-03-18');
    // A person's own request: it executes within their rights, whatever the AI automation level.
    const reply = await say('/remind');
    expect(reply.text).toMatch(
      new RegExp(
        `^1 payment reminder\\(s\\) due today:\nAction #\\d+ executed\\. Reminder for ${invoice.number} sent to ap@northwind\\.example \\(balance \\$565\\.00, day 1\\)\\.$`,
      ),
    );
    expect((await remindersOf(company, invoice.id)).map((r) => [r.scheduleDay, r.language])).toEqual([[1, 'en']]);
    expect((await say('/remind', 'fr')).text).toBe('Aucun rappel de paiement à envoyer aujourd’hui.');
    expect((await say(`/remind ${invoice.number}`)).text).toBe(
      `The day 1 reminder for invoice ${invoice.number} was already sent (or a firmer one).`,
    );
    expect((await say('/remind INV2099-99999', 'fr')).text).toBe(
      'Aucune facture INV2099-99999. Utilisez reminders_list_due pour voir les factures à relancer.',
    );
  });
});
