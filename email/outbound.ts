/**
 * Outbound mail (invoices, orders, reminders, approval requests) from the outbox table. Everything is
 * written to the outbox first, in the same transaction as the act that sends it; delivery happens
 * here, through SMTP (nodemailer) when SMTP_URL is set. Without it the outbox is the embedded
 * default: messages stay there, visible in the app, and nothing leaves the machine.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../db/client.ts';
import { attachedFiles, claimQueuedMail, markFailed, markSent } from '../tools/outbox/store.ts';

export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

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
  const queued = await claimQueuedMail(db, tenantId, now, limit);
  let sent = 0;
  let failed = 0;
  for (const mail of queued) {
    const files = await attachedFiles(db, tenantId, mail);
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
      await markSent(db, tenantId, mail.id, now);
      sent++;
    } catch (err) {
      await markFailed(db, tenantId, mail.id, (err as Error).message);
      failed++;
    }
  }
  return { sent, failed };
}
