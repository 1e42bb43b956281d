// A foreign amount the company holds no rate for (amountUnconverted): its value in the company
// currency is unknown, so purchase levels ask for the highest one and the AI never acts alone.
// Same fixed world as policy.test.ts: levels 1,000 / 5,000 / 10,000, hard cap 12,000, AI limit 2,000.
import { describe, expect, it } from 'vitest';
import { decide, type PolicyInput } from '../../../tools/actions/policy.ts';
import type { Role } from '../../../tools/context.ts';
import type { Risk } from '../../../tools/define.ts';

const tenant = (automationLevel: PolicyInput['tenant']['automationLevel']): PolicyInput['tenant'] => ({
  automationLevel,
  aiEnabled: true,
  confidenceThreshold: 0.85,
  confidenceFloor: 0.6,
  hardCapCents: 1_200_000n,
  approvalLevelsCents: [100_000n, 500_000n, 1_000_000n],
});

const row = (p: {
  level: 'supervised' | 'full';
  role: Role;
  byAi: boolean;
  risk: Risk;
  levels: boolean;
  limit?: bigint;
}) =>
  decide({
    tenant: tenant(p.level),
    tool: { risk: p.risk, approvalLevels: p.levels },
    amountCents: null,
    amountUnconverted: true,
    confidence: 0.95,
    actor: { role: p.role, aiAutoApproveLimitCents: 200_000n, approvalLimitCents: p.limit ?? null },
    byAi: p.byAi,
  });

describe('a foreign amount without a held rate', () => {
  it.each([
    // A manager's own submission: level 3 is above a manager.
    [
      { level: 'supervised', role: 'manager', byAi: false, risk: 'money', levels: true },
      { outcome: 'queue', level: 3, approvers: ['admin'], reasons: ['amount_needs_level', 'no_exchange_rate'] },
    ],
    // An administrator may decide level 3 alone.
    [
      { level: 'supervised', role: 'admin', byAi: false, risk: 'money', levels: true },
      { outcome: 'execute', reasons: ['within_rights'] },
    ],
    // An administrator with a personal limit cannot know the amount is within it.
    [
      { level: 'supervised', role: 'admin', byAi: false, risk: 'money', levels: true, limit: 500_000n },
      { outcome: 'queue', level: 3, approvers: ['admin'], reasons: ['above_approval_limit', 'no_exchange_rate'] },
    ],
    // The AI for an administrator, full automation, confident: still queued, the rate is missing.
    [
      { level: 'full', role: 'admin', byAi: true, risk: 'money', levels: true },
      { outcome: 'queue', level: 3, approvers: ['admin'], reasons: ['no_exchange_rate'] },
    ],
    // A payment (no purchase levels) by the AI in supervised mode: the AI limit cannot be checked.
    [
      { level: 'supervised', role: 'accountant', byAi: true, risk: 'money', levels: false },
      { outcome: 'queue', level: 1, approvers: ['accountant', 'manager', 'admin'], reasons: ['no_exchange_rate'] },
    ],
    // A draft by the AI: drafts commit nothing, the missing rate does not hold them.
    [
      { level: 'supervised', role: 'buyer', byAi: true, risk: 'draft', levels: false },
      { outcome: 'execute', reasons: ['draft_allowed'] },
    ],
  ] as const)('%o → %o', (input, expected) => {
    expect(row(input)).toEqual(expected);
  });
});
