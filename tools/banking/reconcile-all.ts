/**
 * A reconciliation run over every unmatched line of a tenant (read in pages): the engine matches the
 * whole statement, then each match the engine allows alone (tools/banking/engine/policy.ts: chosen,
 * identified by more than its amount, at least HISTORY_FLOOR confirmations of that payer) is proposed
 * through the door as the AI, with its evidence and calibrated confidence; the door's policy (level,
 * threshold, limits) then records it or queues it for a person. Idempotent per line: a re-run records
 * nothing new, and a queued proposal is not proposed twice.
 */
import { withTenant } from '../../db/tenant.ts';
import { propose } from '../actions/door.ts';
import type { Session } from '../context.ts';
import { toolContext } from '../tool-context.ts';
import { confirmMatch } from './confirm-match.ts';
import { engineAllows, HISTORY_FLOOR } from './engine/policy.ts';
import { confidenceFactor, evidenceOf } from './match-texts.ts';
import { reconcileStatement } from './reconciliation.ts';
import { bankPayerAliases } from '../../db/schema/index.ts';

export interface RunProgress {
  phase: 'reading' | 'proposing';
  done: number;
  total: number;
}

export interface RunSummary {
  lines: number;
  withCandidates: number;
  proposed: number;
  executed: number;
  queued: number;
  alreadyProposed: number;
  failed: number;
}

export async function reconcileAll(session: Session, onProgress?: (p: RunProgress) => void): Promise<RunSummary> {
  const { results, rows, threshold, confirmations } = await withTenant(session.db, session.tenantId, async (tx) => {
    const ctx = toolContext(session, tx);
    const tenant = await ctx.tenant();
    const out = await reconcileStatement(ctx, (read) => onProgress?.({ phase: 'reading', done: read, total: read }));
    const aliases = await tx.select().from(bankPayerAliases);
    return {
      ...out,
      threshold: tenant.automationLevel === 'full' ? tenant.confidenceFloor : tenant.confidenceThreshold,
      confirmations: new Map(aliases.map((a) => [`${a.direction}|${a.payer}|${a.partyId}`, a.confirmed])),
    };
  });
  const summary: RunSummary = {
    lines: results.length,
    withCandidates: results.filter((r) => r.candidates.length).length,
    proposed: 0,
    executed: 0,
    queued: 0,
    alreadyProposed: 0,
    failed: 0,
  };
  const allowed = results.filter((r) => {
    const c = r.chosen;
    if (!c || !engineAllows(c, threshold)) return false;
    const direction = r.line.amountCents > 0 ? 'in' : 'out';
    return c.items.every(
      ({ item }) => (confirmations.get(`${direction}|${r.payer}|${item.partyId}`) ?? 0) >= HISTORY_FLOOR,
    );
  });
  for (const [i, r] of allowed.entries()) {
    const c = r.chosen!;
    const row = rows.get(r.line.id)!;
    try {
      const outcome = await propose(
        session,
        confirmMatch,
        {
          transactionId: row.id,
          targets: c.items.map(({ item }) => ({ kind: item.kind, id: item.id })),
        },
        {
          source: 'job',
          byAi: true,
          evidence: [...evidenceOf(c, row.currency, session.lang), confidenceFactor(c.confidence, session.lang)],
          idempotencyKey: `reconcile:${row.id}`,
        },
      );
      if (outcome.duplicate) summary.alreadyProposed++;
      else {
        summary.proposed++;
        if (outcome.status === 'executed') summary.executed++;
        if (outcome.status === 'pending_approval') summary.queued++;
      }
    } catch {
      // A line or document changed since the engine read it: counted, the next run sees the new state.
      summary.failed++;
    }
    if (i % 100 === 99 || i === allowed.length - 1)
      onProgress?.({ phase: 'proposing', done: i + 1, total: allowed.length });
  }
  return summary;
}
