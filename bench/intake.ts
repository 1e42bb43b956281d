/**
 * Benchmark of bill intake: a born-digital PDF bill, already stored as a document, read and proposed
 * through the action door (`readBill`), on the real PostgreSQL server. Bills are rendered from known
 * data (evals/extraction/synthetic-bills.ts) for suppliers the company knows by GST number.
 */
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { suppliers } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant.ts';
import { makeBills, renderBill } from '../evals/extraction/synthetic-bills.ts';
import { storeDocument } from '../tools/documents/store.ts';
import { readBill } from '../tools/intake/read-bill.ts';
import { createTenant } from '../tools/tenancy.ts';
import { percentile } from './stats.ts';

export async function benchIntake(url: string, count = 40) {
  const handle = await openDatabase({ url, poolSize: 4 });
  await migrate(handle);
  const { tenant } = await createTenant(
    handle.db,
    { slug: `bench-intake-${Date.now()}`, name: 'Bench intake', province: 'QC', automationLevel: 'assisted' },
    [{ email: 'admin@bench.test', name: 'Admin', role: 'admin' }],
  );
  const specs = makeBills(count);
  const pdfs = await Promise.all(specs.map(renderBill));
  await withTenant(handle.db, tenant.id, (tx) =>
    tx
      .insert(suppliers)
      .values([
        ...new Map(
          specs.map((s) => [s.supplier.gst, { tenantId: tenant.id, name: s.supplier.name, gstNumber: s.supplier.gst }]),
        ).values(),
      ])
      .onConflictDoNothing(),
  );
  const timings: number[] = [];
  const outcomes: Record<string, number> = {};
  for (const [i, pdf] of pdfs.entries()) {
    const doc = await withTenant(handle.db, tenant.id, (tx) =>
      storeDocument(tx, tenant.id, {
        filename: `${specs[i]!.id}.pdf`,
        declaredType: 'application/pdf',
        content: pdf,
        source: 'upload',
      }),
    );
    const t0 = performance.now();
    const outcome = await readBill(handle.db, tenant.id, doc.id, { source: 'rest', now: () => new Date() });
    timings.push(performance.now() - t0);
    outcomes[outcome.status] = (outcomes[outcome.status] ?? 0) + 1;
  }
  await handle.close();
  timings.sort((a, b) => a - b);
  return {
    documents: count,
    outcomes,
    medianMs: percentile(timings, 50),
    p90Ms: percentile(timings, 90),
    maxMs: percentile(timings, 100),
    targetMedianMs: 150,
  };
}
