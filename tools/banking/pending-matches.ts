/**
 * Invoices the bank statement says are paid but no one has recorded yet: a reconciliation action
 * waiting for approval, or the engine's statement-wide choice at or above SUGGEST_AT. Reminders pause
 * on them (issue 14: 95 of 142 reminders went to invoices the statement showed paid).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { aiActions, tenants } from '../../db/schema/index.ts';
import { reconcileStatement } from './reconciliation.ts';

/** A suggestion from which a reminder waits for a person to confirm or reject the match. */
export const SUGGEST_AT = 0.5;

export async function invoicesWithBankMatch(tx: Tx): Promise<Set<string>> {
  const out = new Set<string>();
  const pending = await tx
    .select({ tool: aiActions.tool, input: aiActions.input })
    .from(aiActions)
    .where(
      and(
        eq(aiActions.status, 'pending_approval'),
        inArray(aiActions.tool, ['banking_confirm_match', 'banking_reconcile_transaction']),
      ),
    );
  for (const { input } of pending) {
    const i = input as { targets?: { kind: string; id: string }[]; targetKind?: string; targetId?: string };
    for (const t of i.targets ?? []) if (t.kind === 'invoice') out.add(t.id);
    if (i.targetKind === 'invoice' && i.targetId) out.add(i.targetId);
  }
  // Row-level security leaves only this tenant's row.
  const tenant = async () => (await tx.select().from(tenants))[0]!;
  const { results } = await reconcileStatement({ db: tx, tenant });
  for (const r of results)
    if (r.chosen && r.chosen.confidence >= SUGGEST_AT)
      for (const { item } of r.chosen.items) if (item.kind === 'invoice') out.add(item.id);
  return out;
}
