/**
 * Inbound mail over HTTP: providers (Postmark, Mailgun, SES via SNS/Lambda…) POST the raw RFC 822
 * message. Authenticated by a shared secret in the URL or a header, since providers cannot log in.
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Database } from '../db/client.ts';
import { unauthorized } from '../tools/errors.ts';
import { MAX_EMAIL_BYTES, receiveEmail, type InboundOutcome } from './inbound.ts';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function inboundWebhook(
  db: Database,
  options: {
    domain: string;
    secret: string | undefined;
    onReceived?: (outcome: InboundOutcome) => Promise<void> | void;
  },
) {
  return new Hono().post('/inbound/email', async (c) => {
    const given = c.req.header('x-comptoir-secret') ?? c.req.query('secret') ?? '';
    if (!options.secret || !same(given, options.secret)) {
      return c.json(
        unauthorized(
          'Inbound webhook refused: set INBOUND_WEBHOOK_SECRET and send it as ?secret= or the X-Comptoir-Secret header.',
        ).toJSON(),
        401,
      );
    }
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > MAX_EMAIL_BYTES)
      return c.json({ error: { code: 'invalid', message: 'Message too large.', details: null } }, 413);
    const raw = Buffer.from(await c.req.arrayBuffer());
    const outcome = await receiveEmail(db, raw, { domain: options.domain });
    await options.onReceived?.(outcome);
    // A rejected message is still "handled": retrying the same bytes would not change the answer.
    return c.json(outcome, outcome.outcome === 'accepted' ? 202 : 200);
  });
}
