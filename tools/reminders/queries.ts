/** The SQL reminders need, always through a tenant-scoped transaction (ctx.db). */
import { and, asc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { aiActions, clients, invoiceDisputes, invoices, reminders } from '../../db/schema/index.ts';
import { OPEN_STATUSES, type InvoiceStatus } from '../invoicing/model.ts';
import type { ClientRow, InvoiceRow } from '../invoicing/queries.ts';
import { tenantJoin } from '../../db/tenant.ts';

/** Issued invoices the client still owes something on (total − paid − credited, read from the row). */
export const owing = and(
  eq(invoices.kind, 'invoice'),
  inArray(invoices.status, [...OPEN_STATUSES] as InvoiceStatus[]),
  gt(sql`${invoices.totalCents} - ${invoices.paidCents} - ${invoices.creditedCents}`, sql`0`),
);

/** Issued invoices with something owed, due on or before `dueBy`, with their client, oldest due first. */
export async function owingInvoices(tx: Tx, dueBy: string): Promise<{ invoice: InvoiceRow; client: ClientRow }[]> {
  return tx
    .select({ invoice: invoices, client: clients })
    .from(invoices)
    .innerJoin(clients, tenantJoin(clients.id, invoices.clientId))
    .where(and(owing, lte(invoices.dueDate, dueBy)))
    .orderBy(asc(invoices.dueDate), asc(invoices.number));
}

/** The schedule steps already sent, per invoice. */
export async function sentSteps(tx: Tx, invoiceIds: string[]): Promise<Map<string, number[]>> {
  const sent = new Map<string, number[]>();
  if (!invoiceIds.length) return sent;
  const rows = await tx
    .select({ invoiceId: reminders.invoiceId, day: reminders.scheduleDay })
    .from(reminders)
    .where(inArray(reminders.invoiceId, invoiceIds));
  for (const r of rows) sent.set(r.invoiceId, [...(sent.get(r.invoiceId) ?? []), r.day]);
  return sent;
}

export async function invoiceIdByNumber(tx: Tx, number: string): Promise<string | null> {
  const [row] = await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.number, number));
  return row?.id ?? null;
}

/**
 * The reminder action for this invoice still waiting for approval, if any: the oldest, whose number
 * people see in the queue. Its input names the invoice by id or, as `/remind INV…` does, by number.
 * `except` is the action being approved, itself pending until it runs.
 */
export async function pendingReminderAction(
  tx: Tx,
  invoice: { id: string; number: string },
  except?: string,
): Promise<{ id: string; number: number } | null> {
  const [row] = await tx
    .select({ id: aiActions.id, number: aiActions.number })
    .from(aiActions)
    .where(
      and(
        eq(aiActions.tool, 'reminders_send_reminder'),
        eq(aiActions.status, 'pending_approval'),
        or(
          sql`${aiActions.input}->>'invoiceId' = ${invoice.id}`,
          and(
            isNull(sql`${aiActions.input}->>'invoiceId'`),
            sql`${aiActions.input}->>'invoiceNumber' = ${invoice.number}`,
          ),
        ),
        except ? ne(aiActions.id, except) : undefined,
      ),
    )
    .orderBy(asc(aiActions.number))
    .limit(1);
  return row ?? null;
}

/** The invoices among these with an open dispute. */
export async function disputedInvoices(tx: Tx, invoiceIds: string[]): Promise<Set<string>> {
  if (!invoiceIds.length) return new Set();
  const rows = await tx
    .select({ invoiceId: invoiceDisputes.invoiceId })
    .from(invoiceDisputes)
    .where(and(inArray(invoiceDisputes.invoiceId, invoiceIds), isNull(invoiceDisputes.resolvedAt)));
  return new Set(rows.map((r) => r.invoiceId));
}

/** The open dispute of an invoice, if any. */
export async function openDispute(tx: Tx, invoiceId: string) {
  const [row] = await tx
    .select()
    .from(invoiceDisputes)
    .where(and(eq(invoiceDisputes.invoiceId, invoiceId), isNull(invoiceDisputes.resolvedAt)));
  return row ?? null;
}
