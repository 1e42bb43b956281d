// Documents whose reading was cut short (process killed) are read again by the sweep; after a few
// interrupted readings they are marked failed with the reason, in the company's language.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { documents, suppliers } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { jobDefinitions } from '../../../jobs/index.ts';
import { createInProcessRunner } from '../../../jobs/runner.ts';
import { loadConfig } from '../../../config.ts';
import { storeDocument } from '../../../tools/documents/store.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

const FACTURX = readFileSync(new URL('../../../../shared/data/invoices/factur-x/invoice_EN16931.pdf', import.meta.url));
const t0 = new Date('2026-02-02T10:00:00Z');
let clock = t0;
const now = () => clock;

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;
beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(
    handle.db,
    { country: 'FR', province: null, currency: 'EUR', automationLevel: 'assisted', language: 'fr' },
    now,
  );
  await withTenant(handle.db, company.tenant.id, (tx) =>
    tx
      .insert(suppliers)
      .values({ tenantId: company.tenant.id, name: 'LE FOURNISSEUR', country: 'FR', currency: 'EUR' }),
  );
});
afterAll(() => handle?.close());

/** A document as a killed process leaves it: stored, maybe claimed, never finished. */
async function abandoned(status: 'received' | 'reading', readAttempts: number, name: string) {
  const doc = await withTenant(handle.db, company.tenant.id, (tx) =>
    storeDocument(
      tx,
      company.tenant.id,
      { filename: name, declaredType: 'application/pdf', content: FACTURX, source: 'email' },
      'fr',
    ),
  );
  await withTenant(handle.db, company.tenant.id, (tx) =>
    tx.update(documents).set({ status, readAttempts, updatedAt: t0 }).where(eq(documents.id, doc.id)),
  );
  return doc.id;
}
const row = async (id: string) =>
  (await withTenant(handle.db, company.tenant.id, (tx) => tx.select().from(documents).where(eq(documents.id, id))))[0]!;

describe('the intake sweep job', () => {
  const config = { ...loadConfig({}), INTAKE_STALE_SECONDS: 300, INTAKE_MAX_READS: 3 };
  const runner = () =>
    createInProcessRunner(jobDefinitions({ db: handle.db, publicUrl: 'http://x', now, config }), { log: () => {} });

  it('leaves a reading in progress alone, then reads again a document stuck in reading or received', async () => {
    const reading = await abandoned('reading', 1, 'reading.pdf');
    const received = await abandoned('received', 0, 'received.pdf');
    const jobs = runner();
    clock = new Date(t0.getTime() + 60_000);
    await jobs.send({ name: 'comptoir/intake.sweep-requested', data: {} });
    await jobs.idle();
    expect((await row(reading)).status).toBe('reading');

    clock = new Date(t0.getTime() + 6 * 60_000);
    await jobs.send({ name: 'comptoir/intake.sweep-requested', data: {} });
    await jobs.idle();
    const statuses = [(await row(reading)).status, (await row(received)).status].sort();
    // The same bill twice: the first is booked, the second kept with the duplicate named.
    expect(statuses).toEqual(['booked', 'extracted']);
    expect((await row(reading)).readAttempts).toBe(2);
  });

  it('gives a document up after three interrupted readings, saying why in the company’s language', async () => {
    const id = await abandoned('reading', 3, 'cursed.pdf');
    clock = new Date(t0.getTime() + 6 * 60_000);
    const jobs = runner();
    await jobs.send({ name: 'comptoir/intake.sweep-requested', data: {} });
    await jobs.idle();
    expect(await row(id)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('interrompue 3 fois'),
    });
  });
});
