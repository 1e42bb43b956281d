/**
 * Managers hear about an invoice when it reaches 30, 60 and 90 days past its due date: an in-app
 * notification per invoice and one email per person listing the day's invoices, in their language.
 * Each (invoice, threshold) is alerted once: the overdue_alerts row is written in the same transaction
 * as the notifications and emails, and its unique key makes a second or overlapping run a no-op. A run
 * that missed days alerts the highest threshold reached, never the backlog of lower ones.
 */
import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { invoices, notifications, outboxEmails, overdueAlerts, users } from '../../db/schema/index.ts';
import { asSystem, withTenant } from '../../db/tenant.ts';
import { balanceOf } from '../invoicing/model.ts';
import { moneyFor } from '../invoicing/texts.ts';
import type { CurrencyCode } from '../money.ts';
import { isoDay } from './due.ts';
import { addDays, daysPastDue } from './model.ts';
import { owing, owingInvoices } from './queries.ts';
import { overdueAlertTexts } from './texts.ts';

export const ALERT_THRESHOLDS = [30, 60, 90] as const;

/** The highest threshold reached at `days` past due not yet alerted (nor a higher one), or null. */
export function alertThreshold(days: number, alerted: readonly number[]): number | null {
  const reached = ALERT_THRESHOLDS.filter((t) => t <= days).at(-1);
  if (reached === undefined) return null;
  return alerted.some((a) => a >= reached) ? null : reached;
}

export interface OverdueAlertRun {
  alerted: { tenantId: string; invoiceNumber: string; threshold: number; people: number }[];
}

export async function alertOverdueInvoices(db: Database, now: Date): Promise<OverdueAlertRun> {
  const today = isoDay(now);
  const dueBy = addDays(today, -ALERT_THRESHOLDS[0]);
  const owed = await asSystem(db, (tx) =>
    tx
      .selectDistinct({ tenantId: invoices.tenantId })
      .from(invoices)
      .where(and(owing, lte(invoices.dueDate, dueBy))),
  );
  const run: OverdueAlertRun = { alerted: [] };
  for (const { tenantId } of owed) {
    await withTenant(db, tenantId, async (tx) => {
      const late = await owingInvoices(tx, dueBy);
      if (!late.length) return;
      const done = await tx
        .select({ invoiceId: overdueAlerts.invoiceId, threshold: overdueAlerts.threshold })
        .from(overdueAlerts)
        .where(
          inArray(
            overdueAlerts.invoiceId,
            late.map((l) => l.invoice.id),
          ),
        );
      const managers = await tx
        .select()
        .from(users)
        .where(and(eq(users.active, true), inArray(users.role, ['admin', 'manager'])));
      const news: {
        number: string;
        client: string;
        days: number;
        threshold: number;
        balance: bigint;
        currency: string;
        country: string;
        invoiceId: string;
      }[] = [];
      for (const { invoice, client } of late) {
        const days = daysPastDue(invoice.dueDate, today);
        const threshold = alertThreshold(
          days,
          done.filter((d) => d.invoiceId === invoice.id).map((d) => d.threshold),
        );
        if (threshold === null) continue;
        const [row] = await tx
          .insert(overdueAlerts)
          .values({ tenantId, invoiceId: invoice.id, threshold, alertedOn: today })
          .onConflictDoNothing()
          .returning({ id: overdueAlerts.id });
        // Another run got there first: it told the managers.
        if (!row) continue;
        news.push({
          invoiceId: invoice.id,
          number: invoice.number,
          client: client.name,
          days,
          threshold,
          balance: balanceOf(invoice),
          currency: invoice.currency,
          country: client.country,
        });
      }
      if (!news.length) return;
      for (const person of managers) {
        const lang = person.language;
        const lines = news.map((n) => ({
          ...n,
          amount: moneyFor(lang, n.country, n.currency as CurrencyCode)(n.balance),
        }));
        await tx.insert(notifications).values(
          lines.map((l) => ({
            tenantId,
            userId: person.id,
            kind: 'invoice_overdue',
            title: overdueAlertTexts.title(lang, l.number, l.threshold),
            body: overdueAlertTexts.line(lang, l),
            createdAt: now,
          })),
        );
        const email = overdueAlertTexts.email(lang, person.name, lines);
        await tx.insert(outboxEmails).values({
          tenantId,
          to: person.email,
          subject: email.subject,
          text: email.text,
          relatedType: 'overdue_alert',
          createdAt: now,
        });
      }
      for (const n of news)
        run.alerted.push({ tenantId, invoiceNumber: n.number, threshold: n.threshold, people: managers.length });
    });
  }
  return run;
}
