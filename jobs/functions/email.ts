/**
 * The jobs of the email frontend: answer a chat request that came by email, deliver the outbox over
 * SMTP when a server is configured, and poll an IMAP mailbox when one is configured. Each is
 * registered only when its settings exist (see jobs/index.ts).
 */
import { NonRetriableError } from 'inngest';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { chatModelFrom } from '../../agent/model.ts';
import { asSystem } from '../../db/tenant.ts';
import { answerEmail } from '../../email/chat-reply.ts';
import { pollImap } from '../../email/imap.ts';
import { deliverOutbox, smtpTransport } from '../../email/outbound.ts';
import { registry } from '../../tools/registry.ts';
import { defineJob, type JobDeps } from '../job.ts';
import { EMAIL_CHAT_EVENT, eventsFor } from '../../email/events.ts';

export { EMAIL_CHAT_EVENT };

const EmailChatData = z.object({
  tenantId: z.string().uuid(),
  userId: z.string().uuid().nullable(),
  from: z.string(),
  subject: z.string(),
  text: z.string(),
  messageId: z.string(),
  references: z.array(z.string()),
});

export const emailChat = (deps: JobDeps) =>
  defineJob({
    id: 'email-chat',
    name: 'Answer a request sent by email',
    triggers: [{ event: EMAIL_CHAT_EVENT }],
    // The agent may have acted already: a retry could propose twice. The person can write again.
    retries: 0,
    handler: async ({ event, step }) => {
      const data = EmailChatData.safeParse(event.data);
      if (!data.success) throw new NonRetriableError(`Invalid ${EMAIL_CHAT_EVENT} event: ${data.error.message}`);
      const model = deps.config ? chatModelFrom(deps.config).model : null;
      return step.run('answer', () => answerEmail(deps.db, { model, registry }, data.data, deps.now));
    },
  });

/** Asks for a delivery now (the in-process runner sends it every OUTBOX_INTERVAL_SECONDS when under a minute). */
export const OUTBOX_DELIVER_EVENT = 'comptoir/outbox.deliver-requested';

export const deliverMail = (deps: JobDeps & { config: { SMTP_URL: string; MAIL_FROM: string } }) =>
  defineJob({
    id: 'deliver-outbox',
    name: 'Send queued mail over SMTP',
    triggers: [{ cron: '* * * * *' }, { event: OUTBOX_DELIVER_EVENT }],
    handler: async ({ step }) => {
      // Only the ids of companies with mail waiting; the sending itself runs inside each company.
      const tenants = await step.run('companies-with-mail', () =>
        asSystem(deps.db, async (tx) => {
          const result = await tx.execute(sql`select distinct tenant_id from outbox_emails where status = 'queued'`);
          const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
            tenant_id: string;
          }[];
          return rows.map((r) => r.tenant_id);
        }),
      );
      const transport = smtpTransport(deps.config.SMTP_URL);
      const sent: Record<string, { sent: number; failed: number }> = {};
      for (const tenantId of tenants) {
        sent[tenantId] = await step.run(`deliver-${tenantId}`, () =>
          deliverOutbox(deps.db, tenantId, transport, deps.config.MAIL_FROM, deps.now()),
        );
      }
      return sent;
    },
  });

export const pollMailbox = (deps: JobDeps & { config: { IMAP_URL: string; MAIL_DOMAIN: string } }) =>
  defineJob({
    id: 'imap-poll',
    name: 'Fetch bills from the IMAP mailbox',
    triggers: [{ cron: '* * * * *' }],
    handler: async ({ step }) => {
      const events = await step.run('poll', async () => {
        const found: ReturnType<typeof eventsFor> = [];
        await pollImap(deps.db, {
          url: deps.config.IMAP_URL,
          domain: deps.config.MAIL_DOMAIN,
          onReceived: (outcome) => void found.push(...eventsFor(outcome)),
        });
        return found;
      });
      if (events.length) await step.sendEvent('dispatch', events);
      return { events: events.length };
    },
  });
