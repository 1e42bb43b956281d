/**
 * One pipeline for every way mail comes in (SMTP listener, raw-MIME webhook, IMAP polling): find the
 * company from the recipient address, keep the message once per Message-ID, quarantine unknown
 * senders, store the attachments as documents, and say what should happen next (read the bills,
 * or answer the message as a chat). Nothing here throws away an email: a failure is recorded on it.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { inboundEmails, tenants, users } from '../db/schema/index.ts';
import { withoutTenant, withTenant } from '../db/tenant.ts';
import { isReadable, storeDocument } from '../tools/documents/store.ts';
import { clientReplyOf, proposeDisputeFromReply } from '../tools/reminders/client-reply.ts';
import { parseEmail, type ParsedEmail } from './parse.ts';

/** Mail providers cap messages near 25-35 MB; above that it is not a bill. */
export const MAX_EMAIL_BYTES = 30 * 1024 * 1024;
const MAX_ATTACHMENTS = 20;

/** bills+<inbound token>@<domain>: the token is the company's secret part of its address. */
const ADDRESS = /^[^+@\s]+\+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@(.+)$/i;

export function inboundTokenOf(address: string, domain: string): string | null {
  const m = ADDRESS.exec(address.trim().toLowerCase());
  return m && m[2] === domain.toLowerCase() ? m[1]! : null;
}

export const inboundAddress = (token: string, domain: string) => `bills+${token}@${domain}`;

export async function tenantForAddress(db: Database, address: string, domain: string): Promise<string | null> {
  const token = inboundTokenOf(address, domain);
  if (!token) return null;
  const rows = await withoutTenant(db, (tx) =>
    tx.execute(sql`select comptoir_tenant_for_inbound(${token}::uuid) as id`),
  );
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: string | null }[];
  return list[0]?.id ?? null;
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

export interface InboundOptions {
  /** Company address domain (MAIL_DOMAIN). */
  domain: string;
  /** SMTP envelope recipients, when known; otherwise the To/Cc headers decide. */
  recipients?: string[];
  /** The clock a dispute proposal is dated with; tests inject it. */
  now?: () => Date;
}

export async function receiveEmail(db: Database, raw: Buffer, options: InboundOptions): Promise<InboundOutcome> {
  if (raw.length > MAX_EMAIL_BYTES)
    return { outcome: 'rejected', reason: `Message too large (${raw.length} bytes; limit ${MAX_EMAIL_BYTES}).` };
  let mail: ParsedEmail;
  try {
    mail = await parseEmail(raw);
  } catch (err) {
    return { outcome: 'rejected', reason: `Unreadable MIME message: ${(err as Error).message}` };
  }
  let tenantId: string | null = null;
  for (const address of options.recipients?.length ? options.recipients : mail.to) {
    tenantId = await tenantForAddress(db, address, options.domain);
    if (tenantId) break;
  }
  if (!tenantId) return { outcome: 'rejected', reason: 'No company has this address.' };
  const tenant = tenantId;

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
      options.now?.() ?? new Date(),
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
