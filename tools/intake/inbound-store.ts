/**
 * Keeping an incoming email: the company its address names, the message once per Message-ID, unknown
 * senders quarantined, the attachments stored as documents. The mail frontends (SMTP, webhook, IMAP)
 * parse the message and hand it here; they never touch the tables themselves.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { inboundEmails, tenants, users } from '../../db/schema/index.ts';
import { withoutTenant, withTenant } from '../../db/tenant.ts';
import { isReadable, storeDocument } from '../documents/store.ts';
import { clientReplyOf, proposeDisputeFromReply } from '../reminders/client-reply.ts';

const MAX_ATTACHMENTS = 20;

/** A parsed email as the mail frontends hand it over. */
export interface IncomingEmail {
  messageId: string;
  from: string;
  subject: string;
  text: string;
  inReplyTo: string | null;
  references: string[];
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export type InboundOutcome =
  | { outcome: 'rejected'; reason: string }
  | { outcome: 'duplicate'; tenantId: string; emailId: string }
  | { outcome: 'quarantined'; tenantId: string; emailId: string; reason: string }
  | {
      outcome: 'accepted';
      tenantId: string;
      emailId: string;
      /** Documents to read as bills. */
      documentIds: string[];
      /** Attachments kept but not readable, with why. */
      skipped: { filename: string; reason: string }[];
      /**
       * A client answering our invoice or reminder email: read for a dispute, never as a bill or a chat.
       * `dispute` is the action proposed when the reply contests the invoice (null when it does not).
       */
      clientReply?: { invoiceId: string; dispute: { actionId: string; status: string } | null; error?: string };
      /** No bill attached: the text goes to the agent and the answer back to the sender. */
      chat: {
        from: string;
        userId: string | null;
        subject: string;
        text: string;
        messageId: string;
        references: string[];
      } | null;
    };

/** The company whose secret inbound token this is, if any (looked up before any tenant is known). */
export async function tenantForInboundToken(db: Database, token: string): Promise<string | null> {
  const rows = await withoutTenant(db, (tx) =>
    tx.execute(sql`select comptoir_tenant_for_inbound(${token}::uuid) as id`),
  );
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: string | null }[];
  return list[0]?.id ?? null;
}

export async function keepInboundEmail(
  db: Database,
  tenant: string,
  mail: IncomingEmail,
  raw: Buffer,
  now: Date,
): Promise<Exclude<InboundOutcome, { outcome: 'rejected' }>> {
  const outcome = await withTenant(db, tenant, async (tx) => {
    const [email] = await tx
      .insert(inboundEmails)
      .values({
        tenantId: tenant,
        messageId: mail.messageId,
        fromAddress: mail.from || 'unknown',
        subject: mail.subject,
        raw: raw.toString('latin1'),
      })
      .onConflictDoNothing({ target: [inboundEmails.tenantId, inboundEmails.messageId] })
      .returning();
    if (!email) {
      const [existing] = await tx
        .select({ id: inboundEmails.id })
        .from(inboundEmails)
        .where(eq(inboundEmails.messageId, mail.messageId));
      return { outcome: 'duplicate' as const, tenantId: tenant, emailId: existing!.id };
    }

    const [company] = await tx.select().from(tenants).where(eq(tenants.id, tenant));
    const [person] = mail.from
      ? await tx
          .select()
          .from(users)
          .where(and(eq(users.email, mail.from), eq(users.active, true)))
      : [];
    // A client answering our invoice or reminder is not a stranger: kept, and read for a dispute below.
    const reply = person ? null : await clientReplyOf(tx, mail);
    if (reply) {
      await tx
        .update(inboundEmails)
        .set({ status: 'processed', reason: 'Client reply to an invoice or reminder email.' })
        .where(eq(inboundEmails.id, email.id));
      return {
        outcome: 'accepted' as const,
        tenantId: tenant,
        emailId: email.id,
        documentIds: [],
        skipped: [],
        chat: null,
        reply,
      };
    }
    if (!person && !senderAllowed(mail.from, company!.allowedSenders)) {
      const reason = `Sender ${mail.from || '(none)'} is not a user nor an allowed sender of this company.`;
      await tx.update(inboundEmails).set({ status: 'quarantined', reason }).where(eq(inboundEmails.id, email.id));
      return { outcome: 'quarantined' as const, tenantId: tenant, emailId: email.id, reason };
    }

    const documentIds: string[] = [];
    const skipped: { filename: string; reason: string }[] = [];
    for (const [i, file] of mail.attachments.entries()) {
      if (i >= MAX_ATTACHMENTS) {
        skipped.push({ filename: file.filename, reason: `More than ${MAX_ATTACHMENTS} attachments.` });
        continue;
      }
      try {
        const doc = await tx.transaction((sp) =>
          storeDocument(sp, tenant, {
            filename: file.filename,
            declaredType: file.contentType,
            content: file.content,
            source: 'email',
            inboundEmailId: email.id,
          }),
        );
        if (isReadable(doc.mimeType)) documentIds.push(doc.id);
        else skipped.push({ filename: file.filename, reason: doc.error ?? 'not readable' });
      } catch (err) {
        skipped.push({ filename: file.filename, reason: (err as Error).message });
      }
    }
    const chat =
      documentIds.length === 0 && mail.text.trim()
        ? {
            from: mail.from,
            userId: person?.id ?? null,
            subject: mail.subject,
            text: mail.text,
            messageId: mail.messageId,
            references: mail.references,
          }
        : null;
    await tx
      .update(inboundEmails)
      .set({
        status: 'processed',
        reason: skipped.length ? skipped.map((s) => `${s.filename}: ${s.reason}`).join('; ') : null,
      })
      .where(eq(inboundEmails.id, email.id));
    return { outcome: 'accepted' as const, tenantId: tenant, emailId: email.id, documentIds, skipped, chat };
  });
  if (outcome.outcome !== 'accepted' || !('reply' in outcome) || !outcome.reply) return outcome;
  // After the email is kept: a refused or failed proposal is recorded on the outcome, the email stays.
  const { reply, ...accepted } = outcome;
  try {
    const action = await proposeDisputeFromReply(
      db,
      tenant,
      { ...reply, emailId: outcome.emailId, from: mail.from, subject: mail.subject, text: mail.text },
      now,
    );
    return {
      ...accepted,
      clientReply: {
        invoiceId: reply.invoiceId,
        dispute: action ? { actionId: action.id, status: action.status } : null,
      },
    };
  } catch (err) {
    return {
      ...accepted,
      clientReply: { invoiceId: reply.invoiceId, dispute: null, error: (err as Error).message },
    };
  }
}

/** Allowed senders are full addresses or whole domains written "@example.com". */
export function senderAllowed(from: string, allowed: readonly string[]): boolean {
  const address = from.toLowerCase();
  return allowed.some((entry) => {
    const rule = entry.trim().toLowerCase();
    return rule.startsWith('@') ? address.endsWith(rule) : address === rule;
  });
}
