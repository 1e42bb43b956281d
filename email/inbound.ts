/**
 * One pipeline for every way mail comes in (SMTP listener, raw-MIME webhook, IMAP polling): find the
 * company from the recipient address, keep the message once per Message-ID, quarantine unknown
 * senders, store the attachments as documents, and say what should happen next (read the bills,
 * or answer the message as a chat). Nothing here throws away an email: a failure is recorded on it.
 */
import type { Database } from '../db/client.ts';
import { keepInboundEmail, tenantForInboundToken, type InboundOutcome } from '../tools/intake/inbound-store.ts';
import { parseEmail, type ParsedEmail } from './parse.ts';

export { senderAllowed, type InboundOutcome } from '../tools/intake/inbound-store.ts';

/** Mail providers cap messages near 25-35 MB; above that it is not a bill. */
export const MAX_EMAIL_BYTES = 30 * 1024 * 1024;

/** bills+<inbound token>@<domain>: the token is the company's secret part of its address. */
const ADDRESS = /^[^+@\s]+\+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@(.+)$/i;

export function inboundTokenOf(address: string, domain: string): string | null {
  const m = ADDRESS.exec(address.trim().toLowerCase());
  return m && m[2] === domain.toLowerCase() ? m[1]! : null;
}

export const inboundAddress = (token: string, domain: string) => `bills+${token}@${domain}`;

export async function tenantForAddress(db: Database, address: string, domain: string): Promise<string | null> {
  const token = inboundTokenOf(address, domain);
  return token ? tenantForInboundToken(db, token) : null;
}

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

  return keepInboundEmail(db, tenantId, mail, raw, options.now?.() ?? new Date());
}
