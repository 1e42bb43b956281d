import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { outboxEmails } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { createJobClient } from '../../../jobs/client.ts';
import { notifyApprovers } from '../../../jobs/functions/notify-approvers.ts';
import { toInngestFunction } from '../../../jobs/job.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

const T0 = new Date('2026-03-02T15:00:00Z');
let handle: DatabaseHandle;
let fn: ReturnType<typeof toInngestFunction>;

beforeAll(async () => {
  handle = await freshDatabase();
  fn = toInngestFunction(
    createJobClient(),
    notifyApprovers({ db: handle.db, publicUrl: 'https://comptoir.example', now: () => T0 }),
  );
});
afterAll(() => handle?.close());

async function queuedAction() {
  const co = await makeCompany(handle.db, { automationLevel: 'supervised' }, () => T0);
  const buyer = co.session('buyer');
  const supplier = await propose(buyer, createSupplier, { name: 'Bureau Plus Inc.' }, { source: 'rest', byAi: false });
  const order = await propose(
    buyer,
    createOrder,
    {
      supplierId: (supplier.result as { id: string }).id,
      lines: [{ description: 'Chaise', quantity: '1', unitPrice: '6000.00', treatment: 'exempt' }],
    },
    { source: 'rest', byAi: false },
  );
  const action = await propose(
    buyer,
    submitOrder,
    { orderId: (order.result as { id: string }).id },
    { source: 'chat', byAi: true },
  );
  expect(action).toMatchObject({ status: 'pending_approval', requiredLevel: 2 });
  return { co, action };
}

const outboxOf = (tenantId: string) =>
  withTenant(handle.db, tenantId, (tx) => tx.select().from(outboxEmails).where(eq(outboxEmails.tenantId, tenantId)));

describe('notify-approvers as an Inngest function', () => {
  it('on comptoir/action.queued, emails that company’s approvers in one step, and only once', async () => {
    const { co, action } = await queuedAction();
    const other = await queuedAction();
    const event = { name: 'comptoir/action.queued', data: { tenantId: co.tenant.id, actionId: action.id } };
    const { result, ctx } = await new InngestTestEngine({ function: fn, events: [event] }).execute();
    expect(result).toEqual({ queued: 2 });
    expect(ctx.step.run).toHaveBeenCalledWith('email-approvers', expect.any(Function));
    const mails = await outboxOf(co.tenant.id);
    expect(mails.map((m) => m.to).sort()).toEqual([co.user('admin').email, co.user('manager').email].sort());
    expect(mails.every((m) => m.status === 'queued' && /approvals\/link\/cal_/.test(m.text))).toBe(true);
    // The event named one company: the other waits for the schedule.
    expect(await outboxOf(other.co.tenant.id)).toHaveLength(0);

    const again = await new InngestTestEngine({ function: fn, events: [event] }).execute();
    expect(again.result).toEqual({ queued: 0 });
    expect(await outboxOf(co.tenant.id)).toHaveLength(2);
  });

  it('on its minute schedule, scans every company', async () => {
    const { co } = await queuedAction();
    const { result } = await new InngestTestEngine({
      function: fn,
      events: [{ name: 'inngest/scheduled.timer', data: { cron: '* * * * *' } }],
    }).execute();
    expect((result as { queued: number }).queued).toBeGreaterThanOrEqual(2);
    expect(await outboxOf(co.tenant.id)).toHaveLength(2);
  });

  it('refuses a malformed event for good (no retry can fix it)', async () => {
    const { error } = await new InngestTestEngine({
      function: fn,
      events: [{ name: 'comptoir/action.queued', data: { tenantId: 'nope' } }],
    }).execute();
    expect(error).toMatchObject({
      name: 'NonRetriableError',
      message: expect.stringContaining('Invalid comptoir/action.queued event: tenantId'),
    });
  });
});
