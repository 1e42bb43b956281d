/**
 * Outbound mail (invoices, orders, reminders, approval requests) from the outbox table. Everything is
 * written to the outbox first, in the same transaction as the act that sends it; delivery happens
 * here, through SMTP (nodemailer) when SMTP_URL is set. Without it the outbox is the embedded
 * default: messages stay there, visible in the app, and nothing leaves the machine.
 */
import { and, asc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../db/client.ts';
import { documents, outboxEmails } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant.ts';

export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

/** How long a claim keeps other instances off a message: far longer than one SMTP exchange. */
const CLAIM_MS = 5 * 60_000;

/**
 * The Message-ID of an outbox row: the same on every attempt, so a message sent again after a crash
 * (between the SMTP server's acceptance and our "sent") is recognisable as the same message.
 */
export function messageIdOf(outboxId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'comptoir.local';
  return `<outbox.${outboxId}@${domain}>`;
}

/**
 * Sends the queued mail of one company; each message is marked sent or failed with the reason.
 * Several instances may run this at once: each first claims its messages (rows locked by another
 * claim are skipped, claimed ones are left alone until their claim runs out), so each message is
 * sent by one of them only.
 */
export async function deliverOutbox(
  db: Database,
  tenantId: string,
  transport: Transporter,
  from: string,
  now = new Date(),
  limit = 50,
) {
  const queued = await withTenant(db, tenantId, (tx) => {
    const claimable = tx
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(
        and(
          eq(outboxEmails.status, 'queued'),
          or(isNull(outboxEmails.claimedUntil), lt(outboxEmails.claimedUntil, now)),
        ),
      )
      .orderBy(asc(outboxEmails.createdAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return tx
      .update(outboxEmails)
      .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS) })
      .where(inArray(outboxEmails.id, claimable))
      .returning();
  });
  queued.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
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
        messageId: messageIdOf(mail.id, from),
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
      // At-least-once: a crash between sending and this update sends it again once the claim runs out,
      // under the same Message-ID.
      await withTenant(db, tenantId, (tx) =>
        tx
          .update(outboxEmails)
          .set({ status: 'sent', sentAt: now, error: null, claimedUntil: null })
          .where(and(eq(outboxEmails.id, mail.id), eq(outboxEmails.status, 'queued'))),
      );
      sent++;
    } catch (err) {
      await withTenant(db, tenantId, (tx) =>
        tx
          .update(outboxEmails)
          .set({ status: 'failed', error: (err as Error).message, claimedUntil: null })
          .where(eq(outboxEmails.id, mail.id)),
      );
      failed++;
    }
  }
  return { sent, failed };
}
