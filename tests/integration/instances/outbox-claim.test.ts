// Two instances delivering the same outbox at once send each message once, under a Message-ID that
// stays the same when a message has to be sent again.
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../db/client.ts';
import { outboxEmails } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { deliverOutbox } from '../../../email/outbound.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase, onRealServer } from '../../support/database.ts';

let handle: DatabaseHandle;
let second: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
  // On a real server the second instance has its own pool, as a second process would; PGlite has one.
  second = onRealServer ? await openDatabase({ url: await urlOf(handle) }) : handle;
});
afterAll(async () => {
  if (second !== handle) await second.close();
  await handle?.close();
});

/** DATABASE_URL pointed at the database a handle is connected to. */
async function urlOf(h: DatabaseHandle) {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${(await h.raw('select current_database() as name'))[0]!.name}`;
  return u.toString();
}

/** An SMTP transport that takes a moment per message and remembers what it was given. */
function recordingTransport(sent: { messageId: string; to: string }[], fail = false): Transporter {
  return {
    sendMail: async (mail: { messageId: string; to: string }) => {
      await sleep(15);
      if (fail) throw new Error('421 try again later');
      sent.push({ messageId: mail.messageId, to: mail.to });
      return {};
    },
  } as unknown as Transporter;
}

describe('outbox delivery from several instances', () => {
  it('sends each queued message exactly once when two instances deliver at the same moment', async () => {
    const co = await makeCompany(handle.db);
    const now = new Date();
    await withTenant(handle.db, co.tenant.id, (tx) =>
      tx.insert(outboxEmails).values(
        Array.from({ length: 12 }, (_, i) => ({
          tenantId: co.tenant.id,
          to: `supplier${i}@example.com`,
          subject: `Order ${i}`,
          text: 'Bonjour',
        })),
      ),
    );
    const sent: { messageId: string; to: string }[] = [];
    const from = 'Comptoir <no-reply@acme.example>';
    const results = await Promise.all([
      deliverOutbox(handle.db, co.tenant.id, recordingTransport(sent), from, now),
      deliverOutbox(second.db, co.tenant.id, recordingTransport(sent), from, now),
    ]);
    expect(sent).toHaveLength(12);
    expect(new Set(sent.map((m) => m.to)).size).toBe(12);
    expect(results[0]!.sent + results[1]!.sent).toBe(12);
    const rows = await withTenant(handle.db, co.tenant.id, (tx) => tx.select().from(outboxEmails));
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    for (const row of rows) {
      expect(sent.find((m) => m.to === row.to)?.messageId).toBe(`<outbox.${row.id}@acme.example>`);
    }
  });

  it('leaves a message claimed by a sender that died alone until the claim runs out, then sends it under the same Message-ID', async () => {
    const co = await makeCompany(handle.db);
    const [mail] = await withTenant(handle.db, co.tenant.id, (tx) =>
      tx
        .insert(outboxEmails)
        .values({ tenantId: co.tenant.id, to: 'a@example.com', subject: 'Facture', text: 'Bonjour' })
        .returning(),
    );
    const t0 = new Date();
    // A sender claims it, then dies before marking it sent: simulated by a claim and nothing after.
    await withTenant(handle.db, co.tenant.id, (tx) =>
      tx
        .update(outboxEmails)
        .set({ claimedUntil: new Date(t0.getTime() + 5 * 60_000) })
        .where(eq(outboxEmails.id, mail!.id)),
    );
    const sent: { messageId: string; to: string }[] = [];
    const from = 'no-reply@acme.example';
    await deliverOutbox(second.db, co.tenant.id, recordingTransport(sent), from, new Date(t0.getTime() + 60_000));
    expect(sent).toHaveLength(0);
    await deliverOutbox(second.db, co.tenant.id, recordingTransport(sent), from, new Date(t0.getTime() + 6 * 60_000));
    expect(sent).toEqual([{ messageId: `<outbox.${mail!.id}@acme.example>`, to: 'a@example.com' }]);
  });
});
