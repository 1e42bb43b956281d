/**
 * What the invoicing jobs do: recurring schedules generate one draft per period (run twice, or twice at
 * once, and nothing is doubled), and invoices past due with a balance become overdue, once.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { OVERDUE_INVOICES_EVENT } from '../../../jobs/functions/invoicing.ts';
import { jobDefinitions } from '../../../jobs/index.ts';
import { createInProcessRunner } from '../../../jobs/runner.ts';
import { invoices, recurringInvoices } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import type { Session } from '../../../tools/context.ts';
import { createRecurring } from '../../../tools/invoicing/create-recurring.ts';
import { getInvoice } from '../../../tools/invoicing/get-invoice.ts';
import { generateDueRecurring, markOverdue } from '../../../tools/invoicing/index.ts';
import { markViewed } from '../../../tools/invoicing/mark-viewed.ts';
import { recordPayment } from '../../../tools/invoicing/record-payment.ts';
import type { ClientSummary, InvoiceSummary, RecurringSummary } from '../../../tools/invoicing/schemas.ts';
import { sendInvoice } from '../../../tools/invoicing/send-invoice.ts';
import { stopRecurring } from '../../../tools/invoicing/stop-recurring.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { done, newClient, newInvoice, read } from './people.ts';

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;
let manager: Session;
let client: ClientSummary;

// 1 × 500.00 monthly hosting for a Québec client: GST 25.00, QST 49.875 → 49.88, total 574.88.
const hosting = [{ description: 'Hébergement mensuel', quantity: '1', unitPrice: '500.00', accountCode: '4300' }];

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db);
  manager = company.session('manager');
  client = await newClient(manager, {
    name: 'Café Olimpico',
    email: 'compta@olimpico.example',
    province: 'QC',
    paymentTermsDays: 15,
  });
});
afterAll(() => handle?.close());

const generatedBy = (recurringId: string) =>
  withTenant(handle.db, company.tenant.id, (tx) =>
    tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.recurringId, recurringId), isNotNull(invoices.recurringPeriod)))
      .orderBy(invoices.recurringPeriod),
  );

const scheduleRow = (id: string) =>
  withTenant(
    handle.db,
    company.tenant.id,
    async (tx) => (await tx.select().from(recurringInvoices).where(eq(recurringInvoices.id, id)))[0]!,
  );

describe('recurring invoices', () => {
  it('generates each missed month once, on the anchor day, and nothing more when run again', async () => {
    const schedule = await done<RecurringSummary>(manager, createRecurring, {
      clientId: client.id,
      frequency: 'monthly',
      startOn: '2026-01-31',
      lines: hosting,
      notes: 'Merci',
    });
    expect(schedule).toMatchObject({ nextOn: '2026-01-31', active: true });

    const first = await generateDueRecurring(handle.db, new Date('2026-04-15T12:00:00Z'));
    expect(first.failed).toEqual([]);
    expect(first.generated.map((g) => g.period)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    const rows = await generatedBy(schedule.id);
    expect(
      rows.map((r) => [r.recurringPeriod, r.issueDate, r.dueDate, r.status, r.totalCents, r.taxCents, r.notes]),
    ).toEqual([
      ['2026-01-31', '2026-01-31', '2026-02-15', 'draft', 57488n, 7488n, 'Merci'],
      ['2026-02-28', '2026-02-28', '2026-03-15', 'draft', 57488n, 7488n, 'Merci'],
      ['2026-03-31', '2026-03-31', '2026-04-15', 'draft', 57488n, 7488n, 'Merci'],
    ]);
    expect(rows.map((r) => r.number)).toEqual(['INV2026-00001', 'INV2026-00002', 'INV2026-00003']);
    expect((await scheduleRow(schedule.id)).nextOn).toBe('2026-04-30');

    const again = await generateDueRecurring(handle.db, new Date('2026-04-15T23:00:00Z'));
    expect(again).toEqual({ generated: [], failed: [] });
    expect(await generatedBy(schedule.id)).toHaveLength(3);

    const nextMonth = await generateDueRecurring(handle.db, new Date('2026-04-30T08:00:00Z'));
    expect(nextMonth.generated.map((g) => [g.period, g.number])).toEqual([['2026-04-30', 'INV2026-00004']]);
  });

  it('generates one invoice per period when two runs race', async () => {
    const schedule = await done<RecurringSummary>(manager, createRecurring, {
      clientId: client.id,
      frequency: 'quarterly',
      startOn: '2026-01-01',
      lines: hosting,
    });
    const runs = await Promise.all(
      [1, 2, 3].map(() => generateDueRecurring(handle.db, new Date('2026-07-02T00:00:00Z'))),
    );
    const periods = runs
      .flatMap((r) => r.generated.filter((g) => g.recurringId === schedule.id).map((g) => g.period))
      .sort();
    expect(periods).toEqual(['2026-01-01', '2026-04-01', '2026-07-01']);
    expect((await generatedBy(schedule.id)).map((r) => r.recurringPeriod)).toEqual([
      '2026-01-01',
      '2026-04-01',
      '2026-07-01',
    ]);
    expect((await scheduleRow(schedule.id)).nextOn).toBe('2026-10-01');
  });

  it('stops at the end date, and a stopped schedule generates nothing', async () => {
    const ending = await done<RecurringSummary>(manager, createRecurring, {
      clientId: client.id,
      frequency: 'yearly',
      startOn: '2024-02-29',
      endOn: '2025-12-31',
      lines: hosting,
    });
    const out = await generateDueRecurring(handle.db, new Date('2027-06-01T00:00:00Z'));
    expect(out.generated.filter((g) => g.recurringId === ending.id).map((g) => [g.period, g.number])).toEqual([
      ['2024-02-29', 'INV2024-00001'],
      ['2025-02-28', 'INV2025-00001'],
    ]);
    expect(await scheduleRow(ending.id)).toMatchObject({ active: false, nextOn: '2026-02-28' });

    const stopped = await done<RecurringSummary>(manager, createRecurring, {
      clientId: client.id,
      frequency: 'monthly',
      startOn: '2026-01-10',
      lines: hosting,
    });
    expect((await done<RecurringSummary>(manager, stopRecurring, { recurringId: stopped.id })).active).toBe(false);
    await generateDueRecurring(handle.db, new Date('2026-06-01T00:00:00Z'));
    expect(await generatedBy(stopped.id)).toEqual([]);
  });

  it('refuses a schedule that ends before it starts', async () => {
    await expect(
      done(manager, createRecurring, {
        clientId: client.id,
        frequency: 'monthly',
        startOn: '2026-05-01',
        endOn: '2026-04-01',
        lines: hosting,
      }),
    ).rejects.toMatchObject({ code: 'invalid', message: 'The end date is before the start date.' });
  });
});

describe('overdue marking', () => {
  it('marks sent, viewed and partly paid invoices past due, once; not drafts, paid ones, or other companies', async () => {
    const other = await makeCompany(handle.db);
    const otherManager = other.session('manager');
    const otherClient = await newClient(otherManager, { name: 'Autre', email: 'a@autre.example', province: 'ON' });

    // Issued 2026-03-02 with net 15: due 2026-03-17.
    const issue = async (session: Session, clientId: string) => {
      const draft = await newInvoice(session, { clientId, issueDate: '2026-03-02', lines: hosting });
      return (await done<{ invoice: InvoiceSummary }>(session, sendInvoice, { invoiceId: draft.id })).invoice;
    };
    const unpaid = await issue(manager, client.id);
    const seen = await issue(manager, client.id);
    await done(manager, markViewed, { invoiceId: seen.id });
    const part = await issue(manager, client.id);
    await done(company.session('accountant'), recordPayment, {
      invoiceId: part.id,
      amount: '100.00',
      method: 'interac',
    });
    const paid = await issue(manager, client.id);
    await done(company.session('accountant'), recordPayment, { invoiceId: paid.id, amount: '574.88', method: 'wire' });
    const draft = await newInvoice(manager, { clientId: client.id, issueDate: '2026-03-02', lines: hosting });
    const elsewhere = await issue(otherManager, otherClient.id);
    expect(elsewhere.dueDate).toBe('2026-04-01');

    const dueDay = await markOverdue(handle.db, new Date('2026-03-17T23:59:00Z'));
    expect(dueDay.marked.filter((m) => [unpaid.id, seen.id, part.id].includes(m.invoiceId))).toEqual([]);

    const dayAfter = await markOverdue(handle.db, new Date('2026-03-18T00:01:00Z'));
    expect(dayAfter.marked.map((m) => m.number)).toEqual(
      expect.arrayContaining([unpaid.number, seen.number, part.number]),
    );
    expect(dayAfter.marked.map((m) => m.invoiceId)).not.toContain(paid.id);
    expect(dayAfter.marked.map((m) => m.invoiceId)).not.toContain(draft.id);
    expect(dayAfter.marked.map((m) => m.invoiceId)).not.toContain(elsewhere.id);

    const status = async (session: Session, id: string) =>
      (await read<InvoiceSummary>(session, getInvoice, { invoiceId: id })).status;
    expect(await status(manager, unpaid.id)).toBe('overdue');
    expect(await status(manager, seen.id)).toBe('overdue');
    expect(await status(manager, part.id)).toBe('overdue');
    expect(await status(manager, paid.id)).toBe('paid');
    expect(await status(manager, draft.id)).toBe('draft');
    expect(await status(otherManager, elsewhere.id)).toBe('sent');

    expect(await markOverdue(handle.db, new Date('2026-03-18T06:00:00Z'))).toEqual({ marked: [] });

    // Paying an overdue invoice in full settles it.
    const settled = await done<{ invoice: InvoiceSummary }>(company.session('accountant'), recordPayment, {
      invoiceId: part.id,
      amount: '474.88',
      method: 'cheque',
    });
    expect(settled.invoice).toMatchObject({ status: 'paid', balance: '0.00' });
  });
});

describe('the daily jobs', () => {
  it('generate recurring invoices at 09:00 UTC and mark overdue ones on request, through the job runner', async () => {
    let clock = new Date('2028-01-10T09:00:00Z');
    const lines: string[] = [];
    const runner = createInProcessRunner(
      jobDefinitions({ db: handle.db, publicUrl: 'https://comptoir.example', now: () => clock }),
      { log: (l) => lines.push(l) },
    );
    const yearly = await done<RecurringSummary>(manager, createRecurring, {
      clientId: client.id,
      frequency: 'yearly',
      startOn: '2028-01-10',
      lines: hosting,
    });

    await runner.tick(new Date('2028-01-10T08:59:00Z'));
    await runner.idle();
    expect(await generatedBy(yearly.id)).toEqual([]);

    await runner.tick(clock);
    await runner.idle();
    await runner.tick(clock);
    await runner.idle();
    const generated = await generatedBy(yearly.id);
    // The earlier schedules of this company caught up in the same run, so only the year of the number is known.
    expect(generated.map((r) => [r.recurringPeriod, r.number.slice(0, 8), r.status, r.dueDate])).toEqual([
      ['2028-01-10', 'INV2028-', 'draft', '2028-01-25'],
    ]);

    // Sent, then due on 2028-01-25: the overdue job on request the day after marks it.
    await done(manager, sendInvoice, { invoiceId: generated[0]!.id });
    clock = new Date('2028-01-26T12:00:00Z');
    await runner.send({ name: OVERDUE_INVOICES_EVENT, data: {} });
    await runner.idle();
    expect((await read<InvoiceSummary>(manager, getInvoice, { invoiceId: generated[0]!.id })).status).toBe('overdue');
    expect(lines).toEqual([]);
    await runner.stop();
  });
});
