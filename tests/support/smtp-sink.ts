/**
 * An SMTP server on a loopback port that keeps every message it receives, parsed from its raw MIME
 * (mailparser): what the outbox really sends over the wire, for tests to read (a link in a mail).
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  messages: { raw: string; mail: ParsedMail }[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SmtpSink['messages'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({ raw, mail: await simpleParser(raw) });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first /account/link/… address in a mail's text. */
export function accountLinkIn(text: string | undefined): string {
  const m = /https?:\/\/\S+\/account\/link\/\S+/.exec(text ?? '');
  if (!m) throw new Error(`No account link in: ${text}`);
  return m[0];
}
