/**
 * The SMTP listener of the embedded default (smtp-server): accepts mail for company addresses only,
 * refuses oversized messages while they stream, and hands each message to the inbound pipeline.
 */
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { Database } from '../db/client.ts';
import { MAX_EMAIL_BYTES, receiveEmail, tenantForAddress, type InboundOutcome } from './inbound.ts';

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

export async function startSmtpListener(
  db: Database,
  options: {
    port: number;
    host?: string;
    domain: string;
    onReceived?: (outcome: InboundOutcome) => Promise<void> | void;
  },
): Promise<SmtpListener> {
  const settings: SMTPServerOptions = {
    // A local listener behind the company's mail relay: no TLS or login of its own (the relay has them).
    secure: false,
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    size: MAX_EMAIL_BYTES,
    banner: 'Comptoir bills intake',
    async onRcptTo(address, _session, callback) {
      const tenant = await tenantForAddress(db, address.address, options.domain).catch(() => null);
      if (!tenant)
        return callback(
          Object.assign(new Error(`No company has the address ${address.address}`), { responseCode: 550 }),
        );
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          return callback(Object.assign(new Error('Message too large for Comptoir'), { responseCode: 552 }));
        }
        try {
          const recipients = session.envelope.rcptTo.map((r) => r.address);
          const outcome = await receiveEmail(db, Buffer.concat(chunks), { domain: options.domain, recipients });
          if (outcome.outcome === 'rejected')
            return callback(Object.assign(new Error(outcome.reason), { responseCode: 550 }));
          await options.onReceived?.(outcome);
          callback();
        } catch (err) {
          // A temporary failure: the sending server keeps the message and tries again later.
          callback(Object.assign(new Error(`Temporary failure: ${(err as Error).message}`), { responseCode: 451 }));
        }
      });
    },
  };
  const server = new SMTPServer(settings);
  server.on('error', (err) => console.error('SMTP listener:', err.message));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
