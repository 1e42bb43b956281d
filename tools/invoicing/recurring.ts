/**
 * Generates the invoices recurring schedules owe: one draft per schedule and period, run by a job.
 * Safe to run twice or concurrently: the schedule row is locked while its periods are generated, the
 * period already invoiced is skipped, and (tenant, recurring_id, period) is unique in the database.
 */
import { and, eq, lte } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { invoices, recurringInvoices } from '../../db/schema/index.ts';
import { asSystem, withTenant } from '../../db/tenant.ts';
import { AppError } from '../errors.ts';
import { dueDateFor, duePeriods, nextPeriod } from './model.ts';
import { insertInvoice, linesIn, priceFor } from './pricing.ts';
import { clientById, recurringById } from './queries.ts';
import { RecurringTemplate } from './schemas.ts';
import { isoDate as isoDay } from '../dates.ts';

export interface GeneratedInvoice {
  tenantId: string;
  recurringId: string;
  period: string;
  invoiceId: string;
  number: string;
}

export interface RecurringRun {
  generated: GeneratedInvoice[];
  /** Schedules that could not generate (e.g. the client lost its province): the others still ran. */
  failed: { tenantId: string; recurringId: string; error: string }[];
}

/** Every active schedule of every tenant whose next period has come, each in its own tenant transaction. */
export async function generateDueRecurring(db: Database, now: Date): Promise<RecurringRun> {
  const today = isoDay(now);
  // Only the ids of due schedules are read outside a tenant; the work happens inside each one.
  const due = await asSystem(db, (tx) =>
    tx
      .select({ id: recurringInvoices.id, tenantId: recurringInvoices.tenantId })
      .from(recurringInvoices)
      .where(and(eq(recurringInvoices.active, true), lte(recurringInvoices.nextOn, today))),
  );
  const run: RecurringRun = { generated: [], failed: [] };
  for (const schedule of due) {
    try {
      run.generated.push(
        ...(await withTenant(db, schedule.tenantId, (tx) => generateFor(tx, schedule.tenantId, schedule.id, today))),
      );
    } catch (err) {
      run.failed.push({
        tenantId: schedule.tenantId,
        recurringId: schedule.id,
        error: err instanceof AppError ? err.message : String(err),
      });
    }
  }
  return run;
}

/** The invoices one schedule owes up to today; advances its next date past them. */
export async function generateFor(
  tx: Tx,
  tenantId: string,
  recurringId: string,
  today: string,
): Promise<GeneratedInvoice[]> {
  const schedule = await recurringById(tx, recurringId, true);
  if (!schedule.active) return [];
  const anchorDay = Number(schedule.startOn.slice(8, 10));
  const periods = duePeriods(
    { nextOn: schedule.nextOn, endOn: schedule.endOn, frequency: schedule.frequency, anchorDay },
    today,
  );
  if (periods.length === 0) return [];
  const template = RecurringTemplate.parse(schedule.template);
  const client = await clientById(tx, schedule.clientId);
  const generated: GeneratedInvoice[] = [];
  for (const period of periods) {
    const [existing] = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.recurringId, schedule.id), eq(invoices.recurringPeriod, period)));
    if (existing) continue;
    const row = await insertInvoice(tx, {
      tenantId,
      userId: null,
      client,
      kind: 'invoice',
      priced: priceFor(client, linesIn(client, template.lines, client.language), period, client.language),
      issueDate: period,
      dueDate: dueDateFor(period, client.paymentTermsDays),
      notes: template.notes ?? null,
      recurringId: schedule.id,
      recurringPeriod: period,
    });
    generated.push({ tenantId, recurringId: schedule.id, period, invoiceId: row.id, number: row.number });
  }
  const next = nextPeriod(periods.at(-1)!, schedule.frequency, anchorDay);
  const finished = schedule.endOn !== null && next > schedule.endOn;
  await tx
    .update(recurringInvoices)
    .set({ nextOn: next, active: !finished })
    .where(eq(recurringInvoices.id, schedule.id));
  return generated;
}
