/**
 * A reconciliation run over every unmatched line of a tenant (read in pages): the engine matches the
 * whole statement, then each match the engine allows alone (tools/banking/engine/policy.ts: chosen,
 * identified by more than its amount, at least HISTORY_FLOOR confirmations of that payer) is proposed
 * through the door as the AI, with its evidence and calibrated confidence; the door's policy (level,
 * threshold, limits) then records it or queues it for a person. Idempotent per line: a re-run records
 * nothing new, and a queued proposal is not proposed twice.
 */
import { withTenant } from '../../db/tenant.ts';
import { proposeMany } from '../actions/door.ts';
import type { Session, Source } from '../context.ts';
import { toolContext } from '../tool-context.ts';
import { confirmMatch } from './confirm-match.ts';
import { engineAllows, HISTORY_FLOOR } from './engine/policy.ts';
import { confidenceFactor, evidenceOf } from './match-texts.ts';
import { reconcileStatement, type TransactionRow, unmatchedTransactions } from './reconciliation.ts';
import { bankPayerAliases } from '../../db/schema/index.ts';

/** Matches proposed per transaction: large enough to save round trips, small enough to hold few locks long. */
const PROPOSE_PAGE = 200;

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
  /** The first few reasons a proposal recorded nothing (a line or document changed meanwhile). */
  failures: string[];
  /** What became of each line proposed: its transaction and the door's sentence (or the refusal). */
  outcomes: { transaction: TransactionRow; message: string; status: string | null }[];
}

export interface RunOptions {
  onProgress?: (p: RunProgress) => void;
  /**
   * A person's own run (the /reconcile command): the matches the engine allows alone are their request
   * (byAi false, the door's rights rules), without the payer-history floor, which guards what the AI
   * records on its own. Default: the AI's run (a job), history floor applied.
   */
  person?: { source: Source };
  /** Only the lines of the accounts whose name, IBAN or number contains this (still matched against the whole statement). */
  account?: string;
}

export async function reconcileAll(session: Session, options: RunOptions = {}): Promise<RunSummary> {
  const onProgress = options.onProgress;
  const { results, rows, threshold, confirmations, only } = await withTenant(
    session.db,
    session.tenantId,
    async (tx) => {
      const ctx = toolContext(session, tx);
      const tenant = await ctx.tenant();
      const only = options.account
        ? new Set((await unmatchedTransactions(ctx, { account: options.account }, 1_000_000)).map((t) => t.id))
        : null;
      const out = await reconcileStatement(ctx, (read) => onProgress?.({ phase: 'reading', done: read, total: read }));
      const aliases = await tx.select().from(bankPayerAliases);
      return {
        ...out,
        threshold: tenant.automationLevel === 'full' ? tenant.confidenceFloor : tenant.confidenceThreshold,
        confirmations: new Map(aliases.map((a) => [`${a.direction}|${a.payer}|${a.partyId}`, a.confirmed])),
        only,
      };
    },
  );
  const summary: RunSummary = {
    lines: results.length,
    withCandidates: results.filter((r) => r.candidates.length).length,
    proposed: 0,
    executed: 0,
    queued: 0,
    alreadyProposed: 0,
    failed: 0,
    failures: [],
    outcomes: [],
  };
  const allowed = results.filter((r) => {
    const c = r.chosen;
    if (only && !only.has(r.line.id)) return false;
    if (!c || !engineAllows(c, threshold)) return false;
    if (options.person) return true;
    const direction = r.line.amountCents > 0 ? 'in' : 'out';
    return c.items.every(
      ({ item }) => (confirmations.get(`${direction}|${r.payer}|${item.partyId}`) ?? 0) >= HISTORY_FLOOR,
    );
  });
  // Through the door in bulk: one transaction per page, each match its own action (evidence,
  // confidence, policy, audit events, idempotency key) in its own savepoint.
  const outcomes = await proposeMany(
    session,
    confirmMatch,
    allowed.map((r) => {
      const c = r.chosen!;
      const row = rows.get(r.line.id)!;
      return {
        input: {
          transactionId: row.id,
          targets: c.items.map(({ item }) => ({ kind: item.kind, id: item.id })),
        },
        options: {
          source: options.person?.source ?? ('job' as const),
          byAi: !options.person,
          evidence: [...evidenceOf(c, row.currency, session.lang), confidenceFactor(c.confidence, session.lang)],
          idempotencyKey: `reconcile:${row.id}`,
        },
      };
    }),
    PROPOSE_PAGE,
    (done) => onProgress?.({ phase: 'proposing', done, total: allowed.length }),
  );
  outcomes.forEach((o, i) => {
    const transaction = rows.get(allowed[i]!.line.id)!;
    summary.outcomes.push(
      o.ok
        ? { transaction, message: o.outcome.message, status: o.outcome.status }
        : { transaction, message: o.error instanceof Error ? o.error.message : String(o.error), status: null },
    );
    // A line or document changed since the engine read it: counted, the next run sees the new state.
    if (!o.ok) {
      summary.failed++;
      if (summary.failures.length < 5) summary.failures.push(`${(o.error as Error)?.message ?? o.error}`);
    } else if (o.outcome.duplicate) summary.alreadyProposed++;
    else {
      summary.proposed++;
      if (o.outcome.status === 'executed') summary.executed++;
      if (o.outcome.status === 'pending_approval') summary.queued++;
    }
  });
  return summary;
}
