/**
 * Reads a raw RFC 822 message with mailparser (a maintained MIME parser): addresses, subject, text,
 * threading headers and attachments, including those of messages forwarded as attachments.
 */
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type Attachment } from 'mailparser';

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  size: number;
}

export interface ParsedEmail {
  messageId: string;
  from: string;
  fromName: string | null;
  to: string[];
  subject: string;
  text: string;
  inReplyTo: string | null;
  references: string[];
  date: Date | null;
  attachments: ParsedAttachment[];
}

/** Forwarded messages nest; a few levels are real, more is an attack. */
const MAX_DEPTH = 3;

const addressesOf = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()))
    .filter(Boolean);

export async function parseEmail(raw: Buffer): Promise<ParsedEmail> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const from = Array.isArray(mail.from) ? mail.from[0] : mail.from;
  const attachments = await flatten(mail.attachments, 0);
  return {
    // Without a Message-ID, a hash of the bytes keeps redelivery idempotent all the same.
    messageId: mail.messageId ?? `<sha256-${createHash('sha256').update(raw).digest('hex')}@comptoir>`,
    from: from?.value[0]?.address?.toLowerCase() ?? '',
    fromName: from?.value[0]?.name || null,
    to: [...addressesOf(mail.to), ...addressesOf(mail.cc)],
    subject: mail.subject ?? '',
    // For an HTML-only message mailparser derives this text itself (html-to-text).
    text: mail.text ?? '',
    inReplyTo: mail.inReplyTo ?? null,
    references: Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [],
    date: mail.date ?? null,
    attachments,
  };
}

async function flatten(list: Attachment[], depth: number): Promise<ParsedAttachment[]> {
  const out: ParsedAttachment[] = [];
  for (const a of list) {
    if (a.contentType === 'message/rfc822' && depth < MAX_DEPTH) {
      const inner = await simpleParser(a.content, { skipImageLinks: true, skipTextToHtml: true });
      out.push(...(await flatten(inner.attachments, depth + 1)));
      continue;
    }
    out.push({
      filename: a.filename ?? `attachment-${out.length + 1}`,
      contentType: a.contentType,
      content: a.content,
      size: a.size ?? a.content.length,
    });
  }
  return out;
}
