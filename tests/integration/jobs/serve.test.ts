import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { createApp } from '../../../http/app.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

describe('/api/inngest', () => {
  it('is served with inngest/hono when an Inngest server is configured, listing the jobs', async () => {
    const app = createApp({
      handle,
      config: loadConfig({ INNGEST_BASE_URL: 'http://127.0.0.1:8288' }),
      now: () => new Date(),
    });
    const res = await app.request('/api/inngest');
    expect(res.status).toBe(200);
    // approval-expiry, notify-approvers, recurring and overdue invoices, payment reminders, email-chat,
    // bill-intake, intake-sweep (SMTP delivery and IMAP polling join only when configured).
    expect(await res.json()).toMatchObject({ function_count: 8, mode: 'dev' });
  });

  it('is not served without one (the in-process runner runs the jobs): the path is just another API path', async () => {
    const app = createApp({ handle, config: loadConfig({}), now: () => new Date() });
    const res = await app.request('/api/inngest');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });
});
