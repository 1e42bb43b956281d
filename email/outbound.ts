/**
 * Outbound mail (invoices, orders, reminders, approval requests) from the outbox table. Everything is
 * written to the outbox first, in the same transaction as the act that sends it; delivery happens
 * here, through SMTP (nodemailer) when SMTP_URL is set. Without it the outbox is the embedded
 * default: messages stay there, visible in the app, and nothing leaves the machine.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../db/client.ts';
import { documents, outboxEmails } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant.ts';

export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

/** Sends the queued mail of one company; each message is marked sent or failed with the reason. */
export async function deliverOutbox(
  db: Database,
  tenantId: string,
  transport: Transporter,
  from: string,
  now = new Date(),
  limit = 50,
) {
  const queued = await withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.status, 'queued'))
      .orderBy(asc(outboxEmails.createdAt))
      .limit(limit),
  );
  let sent = 0;
  let failed = 0;
  for (const mail of queued) {
    const ids = mail.attachments.map((a) => a.documentId).filter((id): id is string => Boolean(id));
    const files = ids.length
      ? await withTenant(db, tenantId, (tx) => tx.select().from(documents).where(inArray(documents.id, ids)))
      : [];
    try {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        inReplyTo: mail.inReplyTo ?? undefined,
        references: mail.inReplyTo ?? undefined,
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: files.find((f) => f.id === a.documentId)?.content,
        })),
      });
      // At-least-once: a crash between sending and this update sends the message again on the next run.
      await withTenant(db, tenantId, (tx) =>
        tx
          .update(outboxEmails)
          .set({ status: 'sent', sentAt: now, error: null })
          .where(and(eq(outboxEmails.id, mail.id), eq(outboxEmails.status, 'queued'))),
      );
      sent++;
    } catch (err) {
      await withTenant(db, tenantId, (tx) =>
        tx
          .update(outboxEmails)
          .set({ status: 'failed', error: (err as Error).message })
          .where(eq(outboxEmails.id, mail.id)),
      );
      failed++;
    }
  }
  return { sent, failed };
}
