/**
 * Gapless numbers per tenant, kind and year (PO2026-00001). The counter row is incremented with
 * INSERT … ON CONFLICT DO UPDATE in the caller's transaction: concurrent callers queue on the row
 * lock, and a rolled-back transaction gives its number back, so no gap and no duplicate.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { counters } from '../db/schema/index.ts';

export type NumberedKind = 'PO' | 'INV' | 'CN' | 'BILL';

export async function nextSequence(tx: Tx, tenantId: string, kind: string, year = 0): Promise<number> {
  const [row] = await tx
    .insert(counters)
    .values({ tenantId, kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [counters.tenantId, counters.kind, counters.year],
      set: { last: sql`${counters.last} + 1` },
    })
    .returning({ last: counters.last });
  return row!.last;
}

/** The next document number for the year of `onDate` (YYYY-MM-DD, the document's own date). */
export async function nextNumber(tx: Tx, tenantId: string, kind: NumberedKind, onDate: string): Promise<string> {
  const year = Number(onDate.slice(0, 4));
  const n = await nextSequence(tx, tenantId, kind, year);
  return `${kind}${year}-${String(n).padStart(5, '0')}`;
}
