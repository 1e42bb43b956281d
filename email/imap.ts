/**
 * Optional IMAP polling (imapflow) for companies whose bills land in an existing mailbox: unseen
 * messages are passed to the inbound pipeline, then flagged seen. Message-ID idempotency makes a
 * message seen twice (a crash between the two steps) harmless.
 */
import { ImapFlow } from 'imapflow';
import type { Database } from '../db/client.ts';
import { receiveEmail, type InboundOutcome } from './inbound.ts';

export async function pollImap(
  db: Database,
  options: {
    url: string;
    domain: string;
    mailbox?: string;
    onReceived?: (outcome: InboundOutcome) => Promise<void> | void;
  },
): Promise<{ fetched: number }> {
  const url = new URL(options.url);
  const client = new ImapFlow({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'imaps:' ? 993 : 143)),
    secure: url.protocol === 'imaps:',
    auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    logger: false,
  });
  await client.connect();
  let fetched = 0;
  const lock = await client.getMailboxLock(options.mailbox ?? 'INBOX');
  try {
    const unseen = (await client.search({ seen: false }, { uid: true })) || [];
    for (const uid of unseen) {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (!message) continue;
      if (!message.source) continue;
      const outcome = await receiveEmail(db, message.source, { domain: options.domain });
      await options.onReceived?.(outcome);
      await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      fetched++;
    }
  } finally {
    lock.release();
    await client.logout();
  }
  return { fetched };
}
