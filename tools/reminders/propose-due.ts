/**
 * The daily dunning run: for every tenant, each reminder due today is proposed through the action door
 * as the AI, so the tenant's automation level decides whether it is sent or waits for approval.
 * Safe to run twice: a step already sent is no longer due, and a step already proposed returns its
 * first proposal (idempotency key per invoice and step) instead of queuing a second one. An invoice
 * whose earlier reminder still waits for approval waits with it, and one whose client has no email is
 * a gap in the data to fix: neither is a failure of the run.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { invoices, tenants, users } from '../../db/schema/index.ts';
import { asSystem, withTenant } from '../../db/tenant.ts';
import { propose } from '../actions/door.ts';
import { actorOf } from '../auth/api-tokens.ts';
import type { Session } from '../context.ts';
import { AppError } from '../errors.ts';
import { dueReminders, isoDay } from './due.ts';
import { owing } from './queries.ts';
import { sendReminder } from './send-reminder.ts';

export interface ProposedReminder {
  tenantId: string;
  invoiceNumber: string;
  scheduleDay: number;
  actionId: string;
  status: string;
  /** An earlier run already proposed this step: nothing new was queued or sent. */
  duplicate: boolean;
}

export interface ReminderRun {
  proposed: ProposedReminder[];
  /** Not proposed: an earlier reminder for the invoice (this action) still waits for approval. */
  waiting: { tenantId: string; invoiceNumber: string; scheduleDay: number; pendingAction: number; reason: string }[];
  /** Not proposed: the client has no email address (reminders_list_due says so to the company). */
  needsEmail: { tenantId: string; invoiceNumber: string; clientId: string }[];
  /** Not proposed: the client disputes the invoice, or the bank statement shows it paid. */
  paused: { tenantId: string; invoiceNumber: string; reason: 'disputed' | 'bank_match' }[];
  /** Reminders that could not be proposed (no administrator, an unexpected refusal): the others still ran. */
  failed: { tenantId: string; invoiceNumber: string | null; error: string }[];
}

export const reminderKey = (invoiceId: string, step: number) => `reminder:${invoiceId}:${step}`;

export async function proposeDueReminders(db: Database, now: Date): Promise<ReminderRun> {
  // Only the ids of tenants with something owed are read outside a tenant; the work happens inside each one.
  const owed = await asSystem(db, (tx) =>
    tx.selectDistinct({ tenantId: invoices.tenantId }).from(invoices).where(owing),
  );
  const run: ReminderRun = { proposed: [], waiting: [], needsEmail: [], paused: [], failed: [] };
  for (const { tenantId } of owed) {
    const { admin, reminders } = await withTenant(db, tenantId, async (tx) => {
      const [tenant] = await tx
        .select({ reminderSchedule: tenants.reminderSchedule, reminderTones: tenants.reminderTones })
        .from(tenants)
        .where(eq(tenants.id, tenantId));
      // The AI proposes on behalf of the company's first administrator, as bill intake does without a sender.
      const [admin] = await tx
        .select()
        .from(users)
        .where(and(eq(users.active, true), eq(users.role, 'admin')))
        .orderBy(asc(users.createdAt))
        .limit(1);
      return { admin, reminders: tenant ? await dueReminders(tx, tenant, isoDay(now)) : [] };
    });
    const due = reminders.filter((r) => {
      if (r.blocked === 'no_email')
        run.needsEmail.push({ tenantId, invoiceNumber: r.invoice.number, clientId: r.client.id });
      else if (r.blocked) run.paused.push({ tenantId, invoiceNumber: r.invoice.number, reason: r.blocked });
      return r.blocked === null;
    });
    if (!due.length) continue;
    if (!admin) {
      run.failed.push({ tenantId, invoiceNumber: null, error: 'No active administrator to propose reminders for.' });
      continue;
    }
    const session: Session = { db, tenantId, actor: actorOf(admin), lang: admin.language, now: () => now };
    for (const r of due) {
      try {
        const action = await propose(
          session,
          sendReminder,
          { invoiceId: r.invoice.id, scheduleDay: r.step },
          {
            source: 'job',
            byAi: true,
            idempotencyKey: reminderKey(r.invoice.id, r.step),
            rationale: `Reminder schedule step ${r.step}: ${r.daysPastDue} day(s) from the due date.`,
          },
        );
        run.proposed.push({
          tenantId,
          invoiceNumber: r.invoice.number,
          scheduleDay: r.step,
          actionId: action.id,
          status: action.status,
          duplicate: action.duplicate,
        });
      } catch (err) {
        const message = err instanceof AppError ? err.message : String(err);
        const pending = err instanceof AppError ? pendingActionOf(err) : null;
        if (pending !== null)
          run.waiting.push({
            tenantId,
            invoiceNumber: r.invoice.number,
            scheduleDay: r.step,
            pendingAction: pending,
            reason: message,
          });
        else run.failed.push({ tenantId, invoiceNumber: r.invoice.number, error: message });
      }
    }
  }
  return run;
}

/** The number of the reminder action the refusal says is still waiting for approval, or null for any other error. */
function pendingActionOf(err: AppError): number | null {
  const details = err.details as { pendingAction?: { number: number } } | null | undefined;
  return err.code === 'conflict' && details?.pendingAction ? details.pendingAction.number : null;
}
