import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActions } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { createJobClient } from '../../../jobs/client.ts';
import { approvalExpiry } from '../../../jobs/functions/approval-expiry.ts';
import { toInngestFunction } from '../../../jobs/job.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

const T0 = new Date('2026-03-02T15:00:00Z');
let handle: DatabaseHandle;
let clock = T0;

beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

const scheduled = { name: 'inngest/scheduled.timer', data: { cron: '*/15 * * * *' } };

describe('approval-expiry as an Inngest function', () => {
  it('runs on its schedule: escalates in one step, then asks for the new approvers to be emailed', async () => {
    const co = await makeCompany(
      handle.db,
      { automationLevel: 'supervised', expiryBehaviour: 'escalate', approvalExpiryHours: 72 },
      () => T0,
    );
    const buyer = co.session('buyer');
    const supplier = await propose(
      buyer,
      createSupplier,
      { name: 'Bureau Plus Inc.' },
      { source: 'rest', byAi: false },
    );
    const order = await propose(
      buyer,
      createOrder,
      {
        supplierId: (supplier.result as { id: string }).id,
        lines: [{ description: 'Chaise', quantity: '1', unitPrice: '1500.00', treatment: 'exempt' }],
      },
      { source: 'rest', byAi: false },
    );
    const action = await propose(
      buyer,
      submitOrder,
      { orderId: (order.result as { id: string }).id },
      { source: 'chat', byAi: true, modelConfidence: 0 },
    );
    expect(action).toMatchObject({ status: 'pending_approval', requiredLevel: 1 });

    const fn = toInngestFunction(
      createJobClient(),
      approvalExpiry({ db: handle.db, publicUrl: 'https://comptoir.example', now: () => clock }),
    );
    // The event step is replaced: no Inngest server here, and what matters is what the function asks for.
    const engine = new InngestTestEngine({
      function: fn,
      events: [scheduled],
      steps: [{ id: 'email-new-approvers', handler: () => ({ ids: ['evt-1'] }) }],
    });

    clock = new Date(T0.getTime() + 72 * 3_600_000);
    const { result, ctx } = await engine.execute();
    expect(result).toEqual({ escalated: 1, expired: 0 });
    expect(ctx.step.run).toHaveBeenCalledWith('expire-due', expect.any(Function));
    expect(ctx.step.sendEvent).toHaveBeenCalledWith('email-new-approvers', [
      { name: 'comptoir/action.queued', data: { tenantId: co.tenant.id, actionId: action.id } },
    ]);
    const [row] = await withTenant(handle.db, co.tenant.id, (tx) =>
      tx.select().from(aiActions).where(eq(aiActions.id, action.id)),
    );
    expect(row).toMatchObject({ status: 'pending_approval', requiredLevel: 2 });

    // Run again at the same instant (a retry, a second worker): nothing changes, nothing is sent.
    const again = await new InngestTestEngine({ function: fn, events: [scheduled] }).execute();
    expect(again.result).toEqual({ escalated: 0, expired: 0 });
    expect(again.ctx.step.sendEvent).not.toHaveBeenCalled();
    const [same] = await withTenant(handle.db, co.tenant.id, (tx) =>
      tx.select().from(aiActions).where(eq(aiActions.id, action.id)),
    );
    expect(same).toEqual(row);
  });

  it('also runs on request, by event', async () => {
    const fn = toInngestFunction(
      createJobClient(),
      approvalExpiry({ db: handle.db, publicUrl: 'https://comptoir.example', now: () => T0 }),
    );
    const { result } = await new InngestTestEngine({
      function: fn,
      events: [{ name: 'comptoir/approvals.expiry-requested', data: {} }],
    }).execute();
    expect(result).toEqual({ escalated: 0, expired: 0 });
  });
});
