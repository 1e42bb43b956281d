/** What a received email sets in motion: one job event per bill to read, one for a chat request. */
import type { InboundOutcome } from './inbound.ts';

export const DOCUMENT_RECEIVED_EVENT = 'comptoir/document.received';
export const EMAIL_CHAT_EVENT = 'comptoir/email.chat';

export function eventsFor(outcome: InboundOutcome): { name: string; data: Record<string, unknown>; id: string }[] {
  if (outcome.outcome !== 'accepted') return [];
  // Event ids make a redelivered event a no-op on Inngest, as Message-ID does for the email itself.
  const documents = outcome.documentIds.map((documentId) => ({
    name: DOCUMENT_RECEIVED_EVENT,
    id: `document-${documentId}`,
    data: { tenantId: outcome.tenantId, documentId, source: 'email' },
  }));
  const chat = outcome.chat
    ? [
        {
          name: EMAIL_CHAT_EVENT,
          id: `email-chat-${outcome.emailId}`,
          data: { tenantId: outcome.tenantId, ...outcome.chat },
        },
      ]
    : [];
  return [...documents, ...chat];
}
