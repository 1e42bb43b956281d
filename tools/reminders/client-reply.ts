/**
 * A client answering one of our emails about an invoice (the invoice itself or a reminder): the reply
 * threads to our message by its Message-ID (<outbox.{id}@…>, email/outbound.ts), and comes from the
 * address we wrote to. When its words contest the invoice, a dispute is proposed through the door as
 * the AI, the email as evidence: the automation level decides whether a person approves it first.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { outboxEmails, reminders, users } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';
import { propose, type ActionOutcome } from '../actions/door.ts';
import { actorOf } from '../auth/api-tokens.ts';
import type { EvidenceFactor } from '../actions/confidence.ts';
import type { Session } from '../context.ts';
import { readDispute } from './dispute-words.ts';
import { markDisputed } from './mark-disputed.ts';
import { disputeEvidence } from './texts.ts';

const OUTBOX_MESSAGE_ID = /<outbox\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^>]+>/gi;

export interface ClientReply {
  invoiceId: string;
  /** Our message the client answered. */
  outboxId: string;
}

/** The invoice a message answers, when it threads to our invoice or reminder email and comes from its recipient. */
export async function clientReplyOf(
  tx: Tx,
  mail: { from: string; inReplyTo: string | null; references: string[] },
): Promise<ClientReply | null> {
  const ids = [
    ...new Set(
      [mail.inReplyTo ?? '', ...mail.references].flatMap((h) =>
        [...h.matchAll(OUTBOX_MESSAGE_ID)].map((m) => m[1]!.toLowerCase()),
      ),
    ),
  ];
  if (!ids.length || !mail.from) return null;
  const ours = await tx
    .select()
    .from(outboxEmails)
    .where(and(inArray(outboxEmails.id, ids), inArray(outboxEmails.relatedType, ['invoice', 'reminder'])))
    .orderBy(asc(outboxEmails.createdAt));
  // Only the person we wrote to speaks for the client: a forwarded copy from someone else is not their word.
  const sent = [...ours].reverse().find((o) => o.to.trim().toLowerCase() === mail.from.trim().toLowerCase());
  if (!sent?.relatedId) return null;
  if (sent.relatedType === 'invoice') return { invoiceId: sent.relatedId, outboxId: sent.id };
  const [reminder] = await tx
    .select({ invoiceId: reminders.invoiceId })
    .from(reminders)
    .where(eq(reminders.id, sent.relatedId));
  return reminder ? { invoiceId: reminder.invoiceId, outboxId: sent.id } : null;
}

/**
 * Proposes the dispute a contesting reply asks for, once per email (idempotency key), as the AI on
 * behalf of the company's first administrator; null when the reply does not contest the invoice.
 */
export async function proposeDisputeFromReply(
  db: Database,
  tenantId: string,
  reply: ClientReply & { emailId: string; from: string; subject: string; text: string },
  now: Date,
): Promise<ActionOutcome | null> {
  const reading = readDispute(reply.subject, reply.text);
  if (!reading) return null;
  const admin = await withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(users)
      .where(and(eq(users.active, true), eq(users.role, 'admin')))
      .orderBy(asc(users.createdAt))
      .limit(1);
    return row ?? null;
  });
  if (!admin) return null;
  const lang = admin.language;
  const session: Session = { db, tenantId, actor: actorOf(admin), lang, now: () => now };
  const evidence: EvidenceFactor[] = [
    { factor: 'client_reply_threaded', weight: 0.2, detail: disputeEvidence.threaded(lang, reply.from) },
    { factor: 'contesting_words', weight: 0.1, detail: disputeEvidence.words(lang, reading.phrases) },
  ];
  return propose(
    session,
    markDisputed,
    {
      invoiceId: reply.invoiceId,
      reason: reply.text.trim().slice(0, 2000) || reply.subject,
      emailId: reply.emailId,
    },
    {
      source: 'email',
      byAi: true,
      evidence,
      idempotencyKey: `dispute-email:${reply.emailId}`,
      rationale: `Client reply contests the invoice: ${reading.says.join(', ')}.`,
    },
  );
}
