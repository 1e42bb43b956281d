/**
 * When a match may be recorded without a person, on top of the door's own policy (automation level,
 * confidence threshold, amount limits). Chosen for issue 14:
 * - the assignment chose it (no other line or document competes for it more strongly);
 * - its calibrated confidence reaches the tenant's threshold (supervised: confidence_threshold, full:
 *   confidence_floor) — the door checks this again on the action;
 * - something besides the amount identifies the payer (a document number, the name, a learned alias):
 *   an amount alone is a coincidence too often to act on;
 * - the tenant's own history agrees: at least HISTORY_FLOOR matches of this payer to this party were
 *   confirmed by a person before. A new payer, however certain the engine is, is confirmed once by a
 *   person first — three confirmations is small enough to reach in a month of statements and large
 *   enough that one mistaken click does not teach the AI to pay a client's invoices from a stranger.
 * Everything else waits in the reconciliation list (and in the approvals queue) as a suggestion.
 */
import type { Proposal } from './match.ts';

export const HISTORY_FLOOR = 3;

export type HoldReason = 'not_chosen' | 'below_threshold' | 'amount_only' | 'no_history';

export function holdReasons(
  proposal: Proposal,
  chosen: boolean,
  threshold: number,
  confirmedBefore: number,
): HoldReason[] {
  const reasons: HoldReason[] = [];
  if (!chosen) reasons.push('not_chosen');
  if (proposal.confidence < threshold) reasons.push('below_threshold');
  if (!proposal.identified) reasons.push('amount_only');
  if (confirmedBefore < HISTORY_FLOOR) reasons.push('no_history');
  return reasons;
}

/** What the engine alone allows (the eval's "recorded"): the rule above without the tenant's history. */
export const engineAllows = (proposal: Proposal, threshold: number) =>
  proposal.identified && proposal.confidence >= threshold;
