/**
 * Durable intake. Reading a document starts from an event held in memory (or by Inngest); a process
 * killed between the file's arrival and the end of its reading leaves the document `received` or
 * `reading` for good. This sweep finds documents stuck so for longer than `staleMs`, reads them again,
 * and after `maxAttempts` readings that never finished marks them `failed` with the reason, so that a
 * person sees it and sends the file again.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/client.ts';
import { documents } from '../../db/schema/index.ts';
import { asSystem, withTenant } from '../../db/tenant.ts';
import type { Lang } from '../context.ts';
import { readBill } from './read-bill.ts';

export interface SweepOptions {
  now: () => Date;
  /** A document untouched this long in `received` or `reading` is taken as abandoned. */
  staleMs: number;
  /** Readings started before giving up. */
  maxAttempts: number;
  /** Documents handled per run. */
  limit?: number;
}

const gaveUp: Record<Lang, (n: number) => string> = {
  fr: (n) =>
    `La lecture de ce document a été interrompue ${n} fois (arrêt du serveur) sans aboutir : envoyez-le à nouveau ou saisissez la facture à la main.`,
  en: (n) =>
    `Reading this document was interrupted ${n} times (server stopped) without finishing: send it again or enter the bill by hand.`,
};

export async function resumeStuckDocuments(db: Database, options: SweepOptions) {
  const cutoff = new Date(options.now().getTime() - options.staleMs);
  // Across companies, ids only: each document is then handled inside its own company.
  const stuck = rowsOf<{ tenant_id: string; id: string; read_attempts: number; language: Lang }>(
    await asSystem(db, (tx) =>
      tx.execute(sql`select d.tenant_id, d.id, d.read_attempts, t.language
        from documents d join tenants t on t.id = d.tenant_id
        where d.status in ('received', 'reading') and d.updated_at < ${cutoff.toISOString()}::timestamptz
        order by d.updated_at limit ${options.limit ?? 50}`),
    ),
  );
  const outcome = { resumed: 0, failed: 0 };
  for (const doc of stuck) {
    const abandoned = and(
      eq(documents.id, doc.id),
      inArray(documents.status, ['received', 'reading']),
      lt(documents.updatedAt, cutoff),
    );
    if (doc.read_attempts >= options.maxAttempts) {
      const [failed] = await withTenant(db, doc.tenant_id, (tx) =>
        tx
          .update(documents)
          .set({ status: 'failed', error: gaveUp[doc.language](doc.read_attempts), updatedAt: options.now() })
          .where(abandoned)
          .returning({ id: documents.id }),
      );
      if (failed) outcome.failed++;
      continue;
    }
    // Back to received, guarded by the same staleness: a reading still in progress elsewhere is left alone.
    const [reset] = await withTenant(db, doc.tenant_id, (tx) =>
      tx
        .update(documents)
        .set({ status: 'received', updatedAt: options.now() })
        .where(abandoned)
        .returning({ id: documents.id }),
    );
    if (!reset) continue;
    await readBill(db, doc.tenant_id, doc.id, { source: 'job', now: options.now }).catch(() => {
      // readBill has already marked the document failed with the reason.
    });
    outcome.resumed++;
  }
  return outcome;
}
