import { eq } from 'drizzle-orm';
import { NonRetriableError } from 'inngest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActions, outboxEmails } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { jobDefinitions } from '../../../jobs/index.ts';
import { defineJob, type Job } from '../../../jobs/job.ts';
import { createInProcessRunner } from '../../../jobs/runner.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

const T0 = new Date('2026-03-02T15:00:00Z');
const DUE = new Date(T0.getTime() + 72 * 3_600_000);
let handle: DatabaseHandle;
let clock = T0;

beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

async function queuedAction() {
  const co = await makeCompany(
    handle.db,
    { automationLevel: 'supervised', expiryBehaviour: 'escalate', approvalExpiryHours: 72 },
    () => T0,
  );
  const buyer = co.session('buyer');
  const supplier = await propose(buyer, createSupplier, { name: 'Bureau Plus Inc.' }, { source: 'rest', byAi: false });
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
  return { co, action };
}

const outboxOf = (tenantId: string) =>
  withTenant(handle.db, tenantId, (tx) => tx.select().from(outboxEmails).where(eq(outboxEmails.tenantId, tenantId)));

describe('the in-process runner, with the same job definitions', () => {
  it('runs the cron jobs due at a minute: approvers emailed, then the overdue action escalated and its new approvers emailed', async () => {
    const { co, action } = await queuedAction();
    const lines: string[] = [];
    const runner = createInProcessRunner(
      jobDefinitions({ db: handle.db, publicUrl: 'https://comptoir.example', now: () => clock }),
      { log: (l) => lines.push(l) },
    );

    // 15:07: only the minute job (emails) is due.
    await runner.tick(new Date('2026-03-02T15:07:00Z'));
    await runner.idle();
    let mails = await outboxOf(co.tenant.id);
    expect(mails.map((m) => m.to).sort()).toEqual(
      [co.user('accountant').email, co.user('admin').email, co.user('manager').email].sort(),
    );
    expect(mails.every((m) => m.subject.startsWith('Approbation demandée'))).toBe(true);

    // Three days later, on a quarter hour: expiry escalates to level 2; its event emails the new approvers.
    clock = DUE;
    await runner.tick(new Date('2026-03-05T15:00:00Z'));
    await runner.idle();
    const [row] = await withTenant(handle.db, co.tenant.id, (tx) =>
      tx.select().from(aiActions).where(eq(aiActions.id, action.id)),
    );
    expect(row).toMatchObject({ status: 'pending_approval', requiredLevel: 2 });
    mails = await outboxOf(co.tenant.id);
    const escalated = mails.filter((m) => m.subject.startsWith('Approbation transférée'));
    expect(escalated.map((m) => m.to).sort()).toEqual([co.user('admin').email, co.user('manager').email].sort());
    expect(escalated[0]!.text).toContain('passe au niveau 2');
    expect(lines).toEqual([]);
    await runner.stop();
  });

  it('dispatches sent events to the jobs they trigger', async () => {
    const { co } = await queuedAction();
    clock = T0;
    const runner = createInProcessRunner(
      jobDefinitions({ db: handle.db, publicUrl: 'https://comptoir.example', now: () => clock }),
    );
    const { ids } = await runner.send({ name: 'comptoir/action.queued', data: { tenantId: co.tenant.id } });
    expect(ids).toHaveLength(1);
    await runner.idle();
    expect(await outboxOf(co.tenant.id)).toHaveLength(3);
    await runner.stop();
  });

  it('retries a failing job, stops at a non-retriable error, and skips a schedule still running', async () => {
    let flaky = 0;
    let fatal = 0;
    let slow = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const jobs: Job[] = [
      defineJob({
        id: 'flaky',
        name: 'flaky',
        triggers: [{ event: 'test/flaky' }],
        handler: async ({ step }) =>
          step.run('once', async () => {
            if (++flaky < 3) throw new Error('not yet');
            return flaky;
          }),
      }),
      defineJob({
        id: 'fatal',
        name: 'fatal',
        triggers: [{ event: 'test/fatal' }],
        handler: async () => {
          fatal += 1;
          throw new NonRetriableError('bad input');
        },
      }),
      defineJob({
        id: 'slow',
        name: 'slow',
        triggers: [{ cron: '* * * * *' }],
        handler: async () => {
          slow += 1;
          await gate;
        },
      }),
    ];
    const lines: string[] = [];
    const runner = createInProcessRunner(jobs, { log: (l) => lines.push(l), retryDelayMs: 1 });
    await runner.send([
      { name: 'test/flaky', data: {} },
      { name: 'test/fatal', data: {} },
    ]);
    await runner.tick(new Date('2026-03-02T15:00:00Z'));
    await runner.tick(new Date('2026-03-02T15:01:00Z'));
    release();
    await runner.idle();
    expect(flaky).toBe(3);
    expect(fatal).toBe(1);
    expect(slow).toBe(1);
    // Jobs run side by side: only each job's own lines are in order.
    expect(lines.sort()).toEqual([
      'Job fatal (test/fatal) failed: bad input',
      'Job flaky (test/flaky) failed, retrying (attempt 2 of 4): not yet',
      'Job flaky (test/flaky) failed, retrying (attempt 3 of 4): not yet',
    ]);
    await runner.stop();
    expect(await runner.send({ name: 'test/flaky', data: {} })).toEqual({ ids: [] });
  });
});
