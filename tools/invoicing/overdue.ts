/**
 * Marks invoices overdue once their due date has passed with something still owed. Run by a job
 * (daily); safe to run twice: an invoice already overdue, paid or cancelled is not touched again.
 */
import { and, inArray, lt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { invoices } from '../../db/schema/index.ts';
import { asSystem, withTenant } from '../../db/tenant.ts';
import { nextStatuses, type InvoiceStatus } from './model.ts';
import { isoDate } from '../dates.ts';

/** Statuses the lifecycle lets become overdue (sent, viewed, partially paid). */
const CAN_BE_OVERDUE = (['sent', 'viewed', 'partially_paid'] as const).filter((s) =>
  nextStatuses(s).includes('overdue'),
);

export async function markOverdue(
  db: Database,
  now: Date,
): Promise<{ marked: { tenantId: string; invoiceId: string; number: string }[] }> {
  // One day for every company: the invoices of a company whose day has not turned yet wait for the next run.
  const today = isoDate(now);
  const late = and(inArray(invoices.status, [...CAN_BE_OVERDUE] as InvoiceStatus[]), lt(invoices.dueDate, today));
  // Only tenant ids are read outside a tenant: those with at least one late invoice.
  const tenants = await asSystem(db, (tx) =>
    tx.selectDistinct({ tenantId: invoices.tenantId }).from(invoices).where(late),
  );
  const marked: { tenantId: string; invoiceId: string; number: string }[] = [];
  for (const { tenantId } of tenants) {
    const rows = await withTenant(db, tenantId, (tx) =>
      tx
        .update(invoices)
        .set({ status: 'overdue', updatedAt: now })
        .where(late)
        .returning({ id: invoices.id, number: invoices.number }),
    );
    marked.push(...rows.map((r) => ({ tenantId, invoiceId: r.id, number: r.number })));
  }
  return { marked };
}
