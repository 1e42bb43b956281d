/**
 * The approval policy: a pure function deciding whether a requested write executes now, waits for
 * a person (and at which level), or is refused. Inputs are the tenant's settings, the tool's risk,
 * the amount, the confidence computed from evidence, and the rights of the person the request is for.
 * The AI never gets more rights than that person; automation levels only ever restrict it further.
 */
import type { Role } from '../context.ts';
import type { Risk } from '../define.ts';

export type AutomationLevel = 'manual' | 'assisted' | 'supervised' | 'full';
export type ApprovalLevel = 1 | 2 | 3;

export interface PolicyInput {
  tenant: {
    automationLevel: AutomationLevel;
    aiEnabled: boolean;
    confidenceThreshold: number;
    confidenceFloor: number;
    hardCapCents: bigint;
    /** Above [0] level 1, above [1] level 2, above [2] level 3. */
    approvalLevelsCents: readonly [bigint, bigint, bigint];
  };
  tool: { risk: Risk; roles?: readonly Role[]; approvalLevels?: boolean };
  /** In the tenant currency; null for writes that move no amount. */
  amountCents: bigint | null;
  /**
   * True when the write moves a foreign amount the company holds no rate for: its value in the company
   * currency is unknown, so it needs the highest level and the AI never does it alone.
   */
  amountUnconverted?: boolean;
  confidence: number;
  actor: { role: Role; aiAutoApproveLimitCents: bigint; approvalLimitCents: bigint | null };
  /** True when the AI asks, false when a person asks directly. */
  byAi: boolean;
}

export type ReasonCode =
  | 'viewer_cannot_write'
  | 'role_not_allowed'
  | 'ai_disabled'
  | 'manual_level'
  | 'assisted_needs_approval'
  | 'below_confidence_threshold'
  | 'above_ai_limit'
  | 'above_hard_cap'
  | 'no_exchange_rate'
  | 'amount_needs_level'
  | 'role_cannot_decide_risk'
  | 'above_approval_limit'
  | 'draft_allowed'
  | 'within_rights'
  | 'confident_within_limits';

export type Decision =
  | { outcome: 'execute'; reasons: ReasonCode[] }
  | { outcome: 'queue'; level: ApprovalLevel; approvers: Role[]; reasons: ReasonCode[] }
  | { outcome: 'refuse'; reasons: ReasonCode[] };

/** Authority of each role: the highest approval level it may decide (a viewer none). */
export const ROLE_RANK: Record<Role, 0 | 1 | 2 | 3> = { viewer: 0, buyer: 1, accountant: 1, manager: 2, admin: 3 };

/** Level a purchase amount requires: 0 up to the first threshold, then 1, 2, 3. */
export function amountLevel(
  amountCents: bigint | null,
  thresholds: readonly [bigint, bigint, bigint],
): 0 | ApprovalLevel {
  if (amountCents === null) return 0;
  if (amountCents > thresholds[2]) return 3;
  if (amountCents > thresholds[1]) return 2;
  if (amountCents > thresholds[0]) return 1;
  return 0;
}

/** Roles that may approve an action of this risk at this level. Buyers do not decide on money. */
export function approversFor(risk: Risk, level: ApprovalLevel): Role[] {
  const roles = (['buyer', 'accountant', 'manager', 'admin'] as const).filter((r) => ROLE_RANK[r] >= level);
  return risk === 'money' ? roles.filter((r) => r !== 'buyer') : roles;
}

/** Why this role may not even ask for this write, or null when it may (the agent offers only those it may). */
export function roleRefusal(role: Role, tool: { roles?: readonly Role[] }): ReasonCode | null {
  if (role === 'viewer') return 'viewer_cannot_write';
  if (tool.roles && !tool.roles.includes(role)) return 'role_not_allowed';
  return null;
}

export function decide(input: PolicyInput): Decision {
  const { tenant, tool, amountCents, confidence, actor, byAi } = input;
  const unknown = input.amountUnconverted === true;
  const refused = roleRefusal(actor.role, tool);
  if (refused) return { outcome: 'refuse', reasons: [refused] };
  if (byAi && !tenant.aiEnabled) return { outcome: 'refuse', reasons: ['ai_disabled'] };

  const rank = ROLE_RANK[actor.role];
  const needed = tool.approvalLevels ? (unknown ? 3 : amountLevel(amountCents, tenant.approvalLevelsCents)) : 0;
  const overOwnLimit =
    actor.approvalLimitCents !== null && (unknown || (amountCents !== null && amountCents > actor.approvalLimitCents));
  // What the person could not do alone, the AI cannot do for them either.
  const rightsBlock: ReasonCode[] = [];
  if (needed > rank) rightsBlock.push('amount_needs_level');
  else if (!approversFor(tool.risk, Math.max(1, needed) as ApprovalLevel).includes(actor.role))
    rightsBlock.push('role_cannot_decide_risk');
  if (overOwnLimit) rightsBlock.push('above_approval_limit');
  if (unknown && rightsBlock.length) rightsBlock.push('no_exchange_rate');
  const queue = (reasons: ReasonCode[]): Decision => {
    const level = Math.max(1, needed, overOwnLimit ? Math.min(3, rank + 1) : 0) as ApprovalLevel;
    return { outcome: 'queue', level, approvers: approversFor(tool.risk, level), reasons };
  };

  if (!byAi) return rightsBlock.length ? queue(rightsBlock) : { outcome: 'execute', reasons: ['within_rights'] };

  if (tenant.automationLevel === 'manual') return queue(['manual_level', ...rightsBlock]);
  if (tool.risk === 'draft')
    return rightsBlock.length ? queue(rightsBlock) : { outcome: 'execute', reasons: ['draft_allowed'] };
  if (tenant.automationLevel === 'assisted') return queue(['assisted_needs_approval', ...rightsBlock]);

  const blocks = [...rightsBlock];
  if (unknown && !blocks.includes('no_exchange_rate')) blocks.push('no_exchange_rate');
  if (amountCents !== null && amountCents > tenant.hardCapCents) blocks.push('above_hard_cap');
  if (tenant.automationLevel === 'supervised') {
    if (confidence < tenant.confidenceThreshold) blocks.push('below_confidence_threshold');
    if (amountCents !== null && amountCents > actor.aiAutoApproveLimitCents) blocks.push('above_ai_limit');
  } else if (confidence < tenant.confidenceFloor) {
    blocks.push('below_confidence_threshold');
  }
  return blocks.length ? queue(blocks) : { outcome: 'execute', reasons: ['confident_within_limits'] };
}

/** Whether a person may approve an action: role, level, own limit, and no approving one's own direct request. */
export function mayApprove(
  approver: { userId: string; role: Role; approvalLimitCents: bigint | null },
  action: { risk: Risk; level: number; amountCents: bigint | null; actorId: string | null; byAi: boolean },
): { allowed: true } | { allowed: false; reason: 'role_too_low' | 'above_approval_limit' | 'own_request' } {
  const level = Math.max(1, action.level) as ApprovalLevel;
  if (!approversFor(action.risk, level).includes(approver.role)) return { allowed: false, reason: 'role_too_low' };
  if (
    approver.approvalLimitCents !== null &&
    action.amountCents !== null &&
    action.amountCents > approver.approvalLimitCents
  ) {
    return { allowed: false, reason: 'above_approval_limit' };
  }
  // A person's own request was queued because it exceeded their authority: someone else decides.
  if (!action.byAi && action.actorId === approver.userId) return { allowed: false, reason: 'own_request' };
  return { allowed: true };
}
