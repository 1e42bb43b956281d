// The approval policy as a table: every automation level × risk × confidence band × amount band ×
// role, each expected decision written out by hand from DESIGN.md §2 and the rules documented in
// tools/actions/policy.ts, so a reader can check any row without running anything.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../tools/context.ts';
import type { Risk } from '../../../tools/define.ts';
import {
  ROLE_RANK,
  amountLevel,
  approversFor,
  decide,
  mayApprove,
  type ApprovalLevel,
  type AutomationLevel,
  type PolicyInput,
  type ReasonCode,
} from '../../../tools/actions/policy.ts';

// ---------------------------------------------------------------------------------------------
// The fixed world every row is read against.
//
// Tenant: confidence threshold 0.85 (supervised), floor 0.60 (full), hard cap 12,000.00,
// purchase approval thresholds 1,000.00 / 5,000.00 / 10,000.00 (above each: level 1 / 2 / 3).
// Actor: may let the AI act alone up to 2,000.00 (supervised); no personal approval limit.
// Role ranks (highest level each may approve): admin 3, manager 2, buyer 1, accountant 1, viewer 0.
// ---------------------------------------------------------------------------------------------

const TENANT: PolicyInput['tenant'] = {
  automationLevel: 'supervised',
  aiEnabled: true,
  confidenceThreshold: 0.85,
  confidenceFloor: 0.6,
  hardCapCents: 1_200_000n,
  approvalLevelsCents: [100_000n, 500_000n, 1_000_000n],
};
const AI_AUTO_APPROVE_LIMIT = 200_000n;

/** low is under the floor; mid is between floor and threshold; high is above both. */
const CONFIDENCE = { low: 0.4, mid: 0.7, high: 0.95 } as const;
type Conf = keyof typeof CONFIDENCE;

/**
 * Purchase level (with approval levels) / against the AI limit / against the hard cap:
 * none   no amount                 level 0
 * small  500.00     ≤ AI limit     level 0
 * medium 3,000.00   > AI limit     level 1
 * large  7,500.00   > AI limit     level 2, under the hard cap
 * huge   15,000.00  > AI limit     level 3, over the hard cap
 */
const AMOUNT = { none: null, small: 50_000n, medium: 300_000n, large: 750_000n, huge: 1_500_000n } as const;
type Band = keyof typeof AMOUNT;

const ROLES = ['admin', 'manager', 'buyer', 'accountant', 'viewer'] as const satisfies readonly Role[];
const BANDS = ['none', 'small', 'medium', 'large', 'huge'] as const satisfies readonly Band[];

/** Who may approve, by risk and level, written out (buyers never decide on money). */
const APPROVERS: Record<Risk, Record<ApprovalLevel, Role[]>> = {
  draft: { 1: ['buyer', 'accountant', 'manager', 'admin'], 2: ['manager', 'admin'], 3: ['admin'] },
  internal: { 1: ['buyer', 'accountant', 'manager', 'admin'], 2: ['manager', 'admin'], 3: ['admin'] },
  external: { 1: ['buyer', 'accountant', 'manager', 'admin'], 2: ['manager', 'admin'], 3: ['admin'] },
  money: { 1: ['accountant', 'manager', 'admin'], 2: ['manager', 'admin'], 3: ['admin'] },
};

type Expected =
  | { outcome: 'execute' }
  | { outcome: 'queue'; level: ApprovalLevel }
  | { outcome: 'refuse'; reason: ReasonCode };

interface Case {
  level: AutomationLevel;
  risk: Risk;
  /** The tool applies purchase approval levels by amount. */
  po: boolean;
  conf: Conf;
  amount: Band;
  role: Role;
  byAi: boolean;
  code: string;
  expect: Expected;
  /** The row as a reader finds it in the grid, used as the test name. */
  title: string;
}

/**
 * Codes: E execute · Q1/Q2/Q3 queue at that approval level · R refuse (in these grids only a
 * viewer is refused, reason viewer_cannot_write). The parser only translates codes; it decides nothing.
 */
function parseCode(code: string): Expected {
  switch (code) {
    case 'E':
      return { outcome: 'execute' };
    case 'Q1':
      return { outcome: 'queue', level: 1 };
    case 'Q2':
      return { outcome: 'queue', level: 2 };
    case 'Q3':
      return { outcome: 'queue', level: 3 };
    case 'R':
      return { outcome: 'refuse', reason: 'viewer_cannot_write' };
    default:
      throw new Error(`unknown code "${code}"`);
  }
}

type GridRow = readonly [AutomationLevel, Risk, boolean, Conf, string];

/** A grid is 5 roles (admin | manager | buyer | accountant | viewer) × 5 amounts (none small medium large huge). */
function expand(rows: readonly GridRow[], byAi: boolean): Case[] {
  return rows.flatMap(([level, risk, po, conf, grid]) => {
    const perRole = grid.split('|').map((part) => part.trim().split(/\s+/));
    if (perRole.length !== ROLES.length || perRole.some((codes) => codes.length !== BANDS.length)) {
      throw new Error(`malformed grid for ${level}/${risk}/po=${po}/${conf}: "${grid}"`);
    }
    return ROLES.flatMap((role, r) =>
      BANDS.map((amount, a) => {
        const code = perRole[r]![a]!;
        const title = `${level} · ${risk} · po=${po} · conf ${conf} · amount ${amount} · ${role} → ${code}`;
        return { level, risk, po, conf, amount, role, byAi, code, expect: parseCode(code), title };
      }),
    );
  });
}

/** Test names come from the row itself, untruncated (vitest shortens long `$field` values). */
function named<T extends { name: string }>(rows: readonly T[]): [string, T][] {
  return rows.map((row) => [row.name, row]);
}

function inputFor(c: Pick<Case, 'level' | 'risk' | 'po' | 'conf' | 'amount' | 'role' | 'byAi'>): PolicyInput {
  return {
    tenant: { ...TENANT, automationLevel: c.level },
    tool: { risk: c.risk, approvalLevels: c.po },
    amountCents: AMOUNT[c.amount],
    confidence: CONFIDENCE[c.conf],
    actor: { role: c.role, aiAutoApproveLimitCents: AI_AUTO_APPROVE_LIMIT, approvalLimitCents: null },
    byAi: c.byAi,
  };
}

function checkDecision(input: PolicyInput, expected: Expected) {
  const decision = decide(input);
  expect(decision.outcome).toBe(expected.outcome);
  if (expected.outcome === 'queue' && decision.outcome === 'queue') {
    expect(decision.level).toBe(expected.level);
    expect(decision.approvers).toEqual(APPROVERS[input.tool.risk][expected.level]);
  }
  if (expected.outcome === 'refuse') expect(decision.reasons).toEqual([expected.reason]);
}

// ---------------------------------------------------------------------------------------------
// AI requests (byAi = true), the full cross product.
//
// How the columns were derived (DESIGN.md §2, policy.ts):
// - viewer: always refused.
// - purchase tools (po) queue at least at the amount's level (medium 1, large 2, huge 3), and the AI
//   cannot do what the person could not: large needs rank 2 (buyer, accountant fall short), huge
//   rank 3 (only admin). Tools without po queue at level 1.
// - manual: every AI write queues. assisted: drafts execute, everything else queues.
// - supervised: drafts execute; others execute only at high confidence and amount ≤ 2,000.00
//   (none, small).
// - full: drafts execute; others execute at mid/high confidence within the 12,000.00 hard cap
//   (huge queues).
// ---------------------------------------------------------------------------------------------

// prettier-ignore
const AI_GRID: readonly GridRow[] = [
  //                                        admin            | manager          | buyer            | accountant       | viewer
  //                                        ∅  S  M  L  H    | ∅  S  M  L  H    | ∅  S  M  L  H    | ∅  S  M  L  H    | ∅ S M L H
  ['manual', 'draft', false, 'low', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['manual', 'draft', false, 'mid', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['manual', 'draft', false, 'high', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['manual', 'draft', true, 'low', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['manual', 'draft', true, 'mid', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['manual', 'draft', true, 'high', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['manual', 'internal', false, 'low', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['manual', 'internal', false, 'mid', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  [
    'manual',
    'internal',
    false,
    'high',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  ['manual', 'internal', true, 'low', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['manual', 'internal', true, 'mid', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['manual', 'internal', true, 'high', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['manual', 'external', false, 'low', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['manual', 'external', false, 'mid', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  [
    'manual',
    'external',
    false,
    'high',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  ['manual', 'external', true, 'low', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['manual', 'external', true, 'mid', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['manual', 'external', true, 'high', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['manual', 'money', false, 'low', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['manual', 'money', false, 'mid', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['manual', 'money', false, 'high', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['manual', 'money', true, 'low', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['manual', 'money', true, 'mid', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['manual', 'money', true, 'high', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],

  ['assisted', 'draft', false, 'low', 'E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | R R R R R'],
  ['assisted', 'draft', false, 'mid', 'E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | R R R R R'],
  ['assisted', 'draft', false, 'high', 'E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | R R R R R'],
  ['assisted', 'draft', true, 'low', 'E  E  E  E  E  | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  ['assisted', 'draft', true, 'mid', 'E  E  E  E  E  | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  ['assisted', 'draft', true, 'high', 'E  E  E  E  E  | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  [
    'assisted',
    'internal',
    false,
    'low',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  [
    'assisted',
    'internal',
    false,
    'mid',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  [
    'assisted',
    'internal',
    false,
    'high',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  [
    'assisted',
    'internal',
    true,
    'low',
    'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R',
  ],
  [
    'assisted',
    'internal',
    true,
    'mid',
    'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R',
  ],
  [
    'assisted',
    'internal',
    true,
    'high',
    'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R',
  ],
  [
    'assisted',
    'external',
    false,
    'low',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  [
    'assisted',
    'external',
    false,
    'mid',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  [
    'assisted',
    'external',
    false,
    'high',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  [
    'assisted',
    'external',
    true,
    'low',
    'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R',
  ],
  [
    'assisted',
    'external',
    true,
    'mid',
    'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R',
  ],
  [
    'assisted',
    'external',
    true,
    'high',
    'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R',
  ],
  ['assisted', 'money', false, 'low', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['assisted', 'money', false, 'mid', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['assisted', 'money', false, 'high', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['assisted', 'money', true, 'low', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['assisted', 'money', true, 'mid', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['assisted', 'money', true, 'high', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],

  [
    'supervised',
    'draft',
    false,
    'low',
    'E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | R R R R R',
  ],
  [
    'supervised',
    'draft',
    false,
    'mid',
    'E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | R R R R R',
  ],
  [
    'supervised',
    'draft',
    false,
    'high',
    'E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | R R R R R',
  ],
  ['supervised', 'draft', true, 'low', 'E  E  E  E  E  | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  ['supervised', 'draft', true, 'mid', 'E  E  E  E  E  | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  [
    'supervised',
    'draft',
    true,
    'high',
    'E  E  E  E  E  | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R',
  ],
  [
    'supervised',
    'internal',
    false,
    'low',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  [
    'supervised',
    'internal',
    false,
    'mid',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  [
    'supervised',
    'internal',
    false,
    'high',
    'E  E  Q1 Q1 Q1 | E  E  Q1 Q1 Q1 | E  E  Q1 Q1 Q1 | E  E  Q1 Q1 Q1 | R R R R R',
  ],
  [
    'supervised',
    'internal',
    true,
    'low',
    'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R',
  ],
  [
    'supervised',
    'internal',
    true,
    'mid',
    'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R',
  ],
  [
    'supervised',
    'internal',
    true,
    'high',
    'E  E  Q1 Q2 Q3 | E  E  Q1 Q2 Q3 | E  E  Q1 Q2 Q3 | E  E  Q1 Q2 Q3 | R R R R R',
  ],
  [
    'supervised',
    'external',
    false,
    'low',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  [
    'supervised',
    'external',
    false,
    'mid',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  [
    'supervised',
    'external',
    false,
    'high',
    'E  E  Q1 Q1 Q1 | E  E  Q1 Q1 Q1 | E  E  Q1 Q1 Q1 | E  E  Q1 Q1 Q1 | R R R R R',
  ],
  [
    'supervised',
    'external',
    true,
    'low',
    'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R',
  ],
  [
    'supervised',
    'external',
    true,
    'mid',
    'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R',
  ],
  [
    'supervised',
    'external',
    true,
    'high',
    'E  E  Q1 Q2 Q3 | E  E  Q1 Q2 Q3 | E  E  Q1 Q2 Q3 | E  E  Q1 Q2 Q3 | R R R R R',
  ],
  [
    'supervised',
    'money',
    false,
    'low',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  [
    'supervised',
    'money',
    false,
    'mid',
    'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R',
  ],
  [
    'supervised',
    'money',
    false,
    'high',
    'E  E  Q1 Q1 Q1 | E  E  Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | E  E  Q1 Q1 Q1 | R R R R R',
  ],
  ['supervised', 'money', true, 'low', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['supervised', 'money', true, 'mid', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  [
    'supervised',
    'money',
    true,
    'high',
    'E  E  Q1 Q2 Q3 | E  E  Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | E  E  Q1 Q2 Q3 | R R R R R',
  ],

  ['full', 'draft', false, 'low', 'E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | R R R R R'],
  ['full', 'draft', false, 'mid', 'E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | R R R R R'],
  ['full', 'draft', false, 'high', 'E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | R R R R R'],
  ['full', 'draft', true, 'low', 'E  E  E  E  E  | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  ['full', 'draft', true, 'mid', 'E  E  E  E  E  | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  ['full', 'draft', true, 'high', 'E  E  E  E  E  | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  ['full', 'internal', false, 'low', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['full', 'internal', false, 'mid', 'E  E  E  E  Q1 | E  E  E  E  Q1 | E  E  E  E  Q1 | E  E  E  E  Q1 | R R R R R'],
  ['full', 'internal', false, 'high', 'E  E  E  E  Q1 | E  E  E  E  Q1 | E  E  E  E  Q1 | E  E  E  E  Q1 | R R R R R'],
  ['full', 'internal', true, 'low', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['full', 'internal', true, 'mid', 'E  E  E  E  Q3 | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  ['full', 'internal', true, 'high', 'E  E  E  E  Q3 | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  ['full', 'external', false, 'low', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['full', 'external', false, 'mid', 'E  E  E  E  Q1 | E  E  E  E  Q1 | E  E  E  E  Q1 | E  E  E  E  Q1 | R R R R R'],
  ['full', 'external', false, 'high', 'E  E  E  E  Q1 | E  E  E  E  Q1 | E  E  E  E  Q1 | E  E  E  E  Q1 | R R R R R'],
  ['full', 'external', true, 'low', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['full', 'external', true, 'mid', 'E  E  E  E  Q3 | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  ['full', 'external', true, 'high', 'E  E  E  E  Q3 | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  ['full', 'money', false, 'low', 'Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | Q1 Q1 Q1 Q1 Q1 | R R R R R'],
  ['full', 'money', false, 'mid', 'E  E  E  E  Q1 | E  E  E  E  Q1 | Q1 Q1 Q1 Q1 Q1 | E  E  E  E  Q1 | R R R R R'],
  ['full', 'money', false, 'high', 'E  E  E  E  Q1 | E  E  E  E  Q1 | Q1 Q1 Q1 Q1 Q1 | E  E  E  E  Q1 | R R R R R'],
  ['full', 'money', true, 'low', 'Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | Q1 Q1 Q1 Q2 Q3 | R R R R R'],
  ['full', 'money', true, 'mid', 'E  E  E  E  Q3 | E  E  E  E  Q3 | Q1 Q1 Q1 Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  ['full', 'money', true, 'high', 'E  E  E  E  Q3 | E  E  E  E  Q3 | Q1 Q1 Q1 Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
];

// ---------------------------------------------------------------------------------------------
// A person's direct request (byAi = false): automation level and confidence do not apply; only
// the person's rights do. Every level appears, with the risks and confidences varied.
// ---------------------------------------------------------------------------------------------

// prettier-ignore
const PERSON_GRID: readonly GridRow[] = [
  //                                        admin            | manager          | buyer            | accountant       | viewer
  //                                        ∅  S  M  L  H    | ∅  S  M  L  H    | ∅  S  M  L  H    | ∅  S  M  L  H    | ∅ S M L H
  ['manual', 'money', false, 'low', 'E  E  E  E  E  | E  E  E  E  E  | Q1 Q1 Q1 Q1 Q1 | E  E  E  E  E  | R R R R R'],
  ['manual', 'money', true, 'low', 'E  E  E  E  E  | E  E  E  E  Q3 | Q1 Q1 Q1 Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
  [
    'assisted',
    'external',
    false,
    'mid',
    'E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | R R R R R',
  ],
  [
    'assisted',
    'external',
    true,
    'mid',
    'E  E  E  E  E  | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R',
  ],
  [
    'supervised',
    'internal',
    false,
    'low',
    'E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | R R R R R',
  ],
  [
    'supervised',
    'internal',
    true,
    'low',
    'E  E  E  E  E  | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R',
  ],
  ['full', 'draft', false, 'high', 'E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | E  E  E  E  E  | R R R R R'],
  ['full', 'draft', true, 'high', 'E  E  E  E  E  | E  E  E  E  Q3 | E  E  E  Q2 Q3 | E  E  E  Q2 Q3 | R R R R R'],
];

const aiCases = expand(AI_GRID, true);
const personCases = expand(PERSON_GRID, false);

describe('decide: AI requests, level × risk × confidence × amount × role', () => {
  it('covers the whole cross product once', () => {
    expect(aiCases).toHaveLength(4 * 4 * 2 * 3 * 5 * 5);
    const keys = new Set(aiCases.map((c) => [c.level, c.risk, c.po, c.conf, c.amount, c.role].join('/')));
    expect(keys.size).toBe(aiCases.length);
  });

  it.each(aiCases.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    checkDecision(inputFor(c), c.expect);
  });
});

describe('decide: a person asking directly', () => {
  it.each(personCases.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    checkDecision(inputFor(c), c.expect);
  });
});

// ---------------------------------------------------------------------------------------------
// Full decisions with their reasons, for the cases a manager reads in the approvals inbox.
// ---------------------------------------------------------------------------------------------

describe('decide: reasons', () => {
  it.each(
    named([
      {
        name: 'manual: a confident AI write is still a proposal',
        level: 'manual',
        risk: 'internal',
        po: false,
        conf: 'high',
        amount: 'none',
        role: 'admin',
        decision: {
          outcome: 'queue',
          level: 1,
          approvers: ['buyer', 'accountant', 'manager', 'admin'],
          reasons: ['manual_level'],
        },
      },
      {
        name: 'manual: an order beyond the buyer also says why',
        level: 'manual',
        risk: 'money',
        po: true,
        conf: 'high',
        amount: 'large',
        role: 'buyer',
        decision: {
          outcome: 'queue',
          level: 2,
          approvers: ['manager', 'admin'],
          reasons: ['manual_level', 'amount_needs_level'],
        },
      },
      {
        name: 'assisted: the AI drafts alone',
        level: 'assisted',
        risk: 'draft',
        po: false,
        conf: 'low',
        amount: 'medium',
        role: 'buyer',
        decision: { outcome: 'execute', reasons: ['draft_allowed'] },
      },
      {
        name: 'assisted: a draft order beyond the buyer waits',
        level: 'assisted',
        risk: 'draft',
        po: true,
        conf: 'high',
        amount: 'large',
        role: 'buyer',
        decision: { outcome: 'queue', level: 2, approvers: ['manager', 'admin'], reasons: ['amount_needs_level'] },
      },
      {
        name: 'assisted: sending out needs approval',
        level: 'assisted',
        risk: 'external',
        po: false,
        conf: 'high',
        amount: 'none',
        role: 'manager',
        decision: {
          outcome: 'queue',
          level: 1,
          approvers: ['buyer', 'accountant', 'manager', 'admin'],
          reasons: ['assisted_needs_approval'],
        },
      },
      {
        name: 'supervised: unsure and over the AI limit',
        level: 'supervised',
        risk: 'money',
        po: false,
        conf: 'mid',
        amount: 'medium',
        role: 'accountant',
        decision: {
          outcome: 'queue',
          level: 1,
          approvers: ['accountant', 'manager', 'admin'],
          reasons: ['below_confidence_threshold', 'above_ai_limit'],
        },
      },
      {
        name: 'supervised: every block of a huge order by a manager',
        level: 'supervised',
        risk: 'money',
        po: true,
        conf: 'high',
        amount: 'huge',
        role: 'manager',
        decision: {
          outcome: 'queue',
          level: 3,
          approvers: ['admin'],
          reasons: ['amount_needs_level', 'above_hard_cap', 'above_ai_limit'],
        },
      },
      {
        name: 'supervised: confident and small executes',
        level: 'supervised',
        risk: 'money',
        po: false,
        conf: 'high',
        amount: 'small',
        role: 'accountant',
        decision: { outcome: 'execute', reasons: ['confident_within_limits'] },
      },
      {
        name: 'full: under the floor waits',
        level: 'full',
        risk: 'internal',
        po: false,
        conf: 'low',
        amount: 'small',
        role: 'admin',
        decision: {
          outcome: 'queue',
          level: 1,
          approvers: ['buyer', 'accountant', 'manager', 'admin'],
          reasons: ['below_confidence_threshold'],
        },
      },
      {
        name: 'full: over the hard cap waits',
        level: 'full',
        risk: 'external',
        po: false,
        conf: 'high',
        amount: 'huge',
        role: 'admin',
        decision: {
          outcome: 'queue',
          level: 1,
          approvers: ['buyer', 'accountant', 'manager', 'admin'],
          reasons: ['above_hard_cap'],
        },
      },
      {
        name: "full: an admin's huge order waits for the cap, at level 3",
        level: 'full',
        risk: 'money',
        po: true,
        conf: 'high',
        amount: 'huge',
        role: 'admin',
        decision: { outcome: 'queue', level: 3, approvers: ['admin'], reasons: ['above_hard_cap'] },
      },
      {
        name: 'full: ignores the per-user AI limit',
        level: 'full',
        risk: 'money',
        po: false,
        conf: 'mid',
        amount: 'large',
        role: 'accountant',
        decision: { outcome: 'execute', reasons: ['confident_within_limits'] },
      },
    ] as const),
  )('%s', (_name, { level, risk, po, conf, amount, role, decision }) => {
    expect(decide(inputFor({ level, risk, po, conf, amount, role, byAi: true }))).toEqual(decision);
  });

  it.each(
    named([
      {
        name: 'a buyer cannot commit money alone',
        risk: 'money',
        po: false,
        amount: 'small',
        role: 'buyer',
        decision: {
          outcome: 'queue',
          level: 1,
          approvers: ['accountant', 'manager', 'admin'],
          reasons: ['role_cannot_decide_risk'],
        },
      },
      {
        name: 'a person within their rights',
        risk: 'money',
        po: true,
        amount: 'medium',
        role: 'accountant',
        decision: { outcome: 'execute', reasons: ['within_rights'] },
      },
      {
        name: 'a buyer ordering beyond their level',
        risk: 'money',
        po: true,
        amount: 'large',
        role: 'buyer',
        decision: { outcome: 'queue', level: 2, approvers: ['manager', 'admin'], reasons: ['amount_needs_level'] },
      },
      {
        name: 'a viewer',
        risk: 'draft',
        po: false,
        amount: 'none',
        role: 'viewer',
        decision: { outcome: 'refuse', reasons: ['viewer_cannot_write'] },
      },
    ] as const),
  )('person: %s', (_name, { risk, po, amount, role, decision }) => {
    expect(decide(inputFor({ level: 'manual', risk, po, conf: 'low', amount, role, byAi: false }))).toEqual(decision);
  });
});

// ---------------------------------------------------------------------------------------------
// Edges of DESIGN.md §2: "confidence ≥ threshold", "amount ≤ auto-approve limit", "confidence ≥
// floor", "within the hard cap" — the limit itself passes, one cent or one hair over does not.
// ---------------------------------------------------------------------------------------------

describe('decide: thresholds are inclusive', () => {
  it.each(
    named([
      {
        name: 'supervised, confidence exactly 0.85',
        level: 'supervised',
        confidence: 0.85,
        amountCents: 50_000n,
        outcome: 'execute',
      },
      {
        name: 'supervised, confidence 0.849',
        level: 'supervised',
        confidence: 0.849,
        amountCents: 50_000n,
        outcome: 'queue',
        reasons: ['below_confidence_threshold'],
      },
      {
        name: 'supervised, amount exactly the AI limit 2,000.00',
        level: 'supervised',
        confidence: 0.95,
        amountCents: 200_000n,
        outcome: 'execute',
      },
      {
        name: 'supervised, amount 2,000.01',
        level: 'supervised',
        confidence: 0.95,
        amountCents: 200_001n,
        outcome: 'queue',
        reasons: ['above_ai_limit'],
      },
      {
        name: 'full, confidence exactly 0.60',
        level: 'full',
        confidence: 0.6,
        amountCents: 50_000n,
        outcome: 'execute',
      },
      {
        name: 'full, confidence 0.599',
        level: 'full',
        confidence: 0.599,
        amountCents: 50_000n,
        outcome: 'queue',
        reasons: ['below_confidence_threshold'],
      },
      {
        name: 'full, amount exactly the hard cap 12,000.00',
        level: 'full',
        confidence: 0.95,
        amountCents: 1_200_000n,
        outcome: 'execute',
      },
      {
        name: 'full, amount 12,000.01',
        level: 'full',
        confidence: 0.95,
        amountCents: 1_200_001n,
        outcome: 'queue',
        reasons: ['above_hard_cap'],
      },
    ] as const),
  )('%s', (_name, { level, confidence, amountCents, outcome, ...rest }) => {
    const decision = decide({
      tenant: { ...TENANT, automationLevel: level },
      tool: { risk: 'money' },
      amountCents,
      confidence,
      actor: { role: 'admin', aiAutoApproveLimitCents: AI_AUTO_APPROVE_LIMIT, approvalLimitCents: null },
      byAi: true,
    });
    expect(decision.outcome).toBe(outcome);
    if ('reasons' in rest) expect(decision.reasons).toEqual(rest.reasons);
  });
});

// ---------------------------------------------------------------------------------------------
// AI switched off, tools restricted to some roles, and a person's own approval limit.
// ---------------------------------------------------------------------------------------------

function base(over: {
  level?: AutomationLevel;
  aiEnabled?: boolean;
  risk?: Risk;
  roles?: readonly Role[];
  po?: boolean;
  amountCents?: bigint | null;
  role: Role;
  approvalLimitCents?: bigint | null;
  byAi: boolean;
}): PolicyInput {
  return {
    tenant: { ...TENANT, automationLevel: over.level ?? 'full', aiEnabled: over.aiEnabled ?? true },
    tool: { risk: over.risk ?? 'money', roles: over.roles, approvalLevels: over.po ?? false },
    amountCents: over.amountCents === undefined ? 50_000n : over.amountCents,
    confidence: 0.95,
    actor: {
      role: over.role,
      aiAutoApproveLimitCents: AI_AUTO_APPROVE_LIMIT,
      approvalLimitCents: over.approvalLimitCents ?? null,
    },
    byAi: over.byAi,
  };
}

describe('decide: AI switched off for the tenant', () => {
  it.each([
    {
      level: 'full',
      risk: 'money',
      role: 'admin',
      byAi: true,
      decision: { outcome: 'refuse', reasons: ['ai_disabled'] },
    },
    {
      level: 'full',
      risk: 'draft',
      role: 'buyer',
      byAi: true,
      decision: { outcome: 'refuse', reasons: ['ai_disabled'] },
    },
    {
      level: 'manual',
      risk: 'internal',
      role: 'manager',
      byAi: true,
      decision: { outcome: 'refuse', reasons: ['ai_disabled'] },
    },
    {
      level: 'supervised',
      risk: 'external',
      role: 'viewer',
      byAi: true,
      decision: { outcome: 'refuse', reasons: ['viewer_cannot_write'] },
    },
    {
      level: 'full',
      risk: 'money',
      role: 'admin',
      byAi: false,
      decision: { outcome: 'execute', reasons: ['within_rights'] },
    },
    {
      level: 'manual',
      risk: 'draft',
      role: 'buyer',
      byAi: false,
      decision: { outcome: 'execute', reasons: ['within_rights'] },
    },
    {
      level: 'assisted',
      risk: 'external',
      role: 'accountant',
      byAi: false,
      decision: { outcome: 'execute', reasons: ['within_rights'] },
    },
  ] as const)('$level · $risk · $role · byAi=$byAi → $decision.outcome', ({ level, risk, role, byAi, decision }) => {
    expect(decide(base({ level, aiEnabled: false, risk, role, byAi }))).toEqual(decision);
  });
});

describe('decide: tools restricted to some roles', () => {
  const moneyRoles = ['accountant', 'manager', 'admin'] as const;
  it.each([
    { role: 'buyer', byAi: true, aiEnabled: true, decision: { outcome: 'refuse', reasons: ['role_not_allowed'] } },
    { role: 'buyer', byAi: false, aiEnabled: true, decision: { outcome: 'refuse', reasons: ['role_not_allowed'] } },
    // The role check comes before the AI switch: the answer names the more lasting reason.
    { role: 'buyer', byAi: true, aiEnabled: false, decision: { outcome: 'refuse', reasons: ['role_not_allowed'] } },
    { role: 'viewer', byAi: false, aiEnabled: true, decision: { outcome: 'refuse', reasons: ['viewer_cannot_write'] } },
    {
      role: 'accountant',
      byAi: true,
      aiEnabled: true,
      decision: { outcome: 'execute', reasons: ['confident_within_limits'] },
    },
    { role: 'accountant', byAi: false, aiEnabled: true, decision: { outcome: 'execute', reasons: ['within_rights'] } },
    {
      role: 'admin',
      byAi: true,
      aiEnabled: true,
      decision: { outcome: 'execute', reasons: ['confident_within_limits'] },
    },
  ] as const)(
    'money tool for accountant/manager/admin, $role · byAi=$byAi · aiEnabled=$aiEnabled → $decision.outcome',
    ({ role, byAi, aiEnabled, decision }) => {
      expect(decide(base({ roles: moneyRoles, aiEnabled, role, byAi }))).toEqual(decision);
    },
  );
});

describe("decide: the person's own approval limit", () => {
  it.each(
    named([
      {
        name: 'buyer, limit 1,000.00, pays 3,000.00 → level 2',
        role: 'buyer',
        limit: 100_000n,
        po: false,
        amountCents: 300_000n,
        byAi: false,
        decision: {
          outcome: 'queue',
          level: 2,
          approvers: ['manager', 'admin'],
          reasons: ['role_cannot_decide_risk', 'above_approval_limit'],
        },
      },
      {
        name: 'accountant, limit 1,000.00, pays 3,000.00 → level 2',
        role: 'accountant',
        limit: 100_000n,
        po: false,
        amountCents: 300_000n,
        byAi: false,
        decision: { outcome: 'queue', level: 2, approvers: ['manager', 'admin'], reasons: ['above_approval_limit'] },
      },
      {
        name: 'manager, limit 2,000.00, pays 3,000.00 → level 3',
        role: 'manager',
        limit: 200_000n,
        po: false,
        amountCents: 300_000n,
        byAi: false,
        decision: { outcome: 'queue', level: 3, approvers: ['admin'], reasons: ['above_approval_limit'] },
      },
      {
        name: 'admin, limit 2,000.00, pays 3,000.00 → level 3 (no level 4)',
        role: 'admin',
        limit: 200_000n,
        po: false,
        amountCents: 300_000n,
        byAi: false,
        decision: { outcome: 'queue', level: 3, approvers: ['admin'], reasons: ['above_approval_limit'] },
      },
      {
        name: 'accountant, limit 5,000.00, pays 3,000.00',
        role: 'accountant',
        limit: 500_000n,
        po: false,
        amountCents: 300_000n,
        byAi: false,
        decision: { outcome: 'execute', reasons: ['within_rights'] },
      },
      {
        name: 'accountant, limit 3,000.00, pays exactly 3,000.00',
        role: 'accountant',
        limit: 300_000n,
        po: false,
        amountCents: 300_000n,
        byAi: false,
        decision: { outcome: 'execute', reasons: ['within_rights'] },
      },
      {
        name: 'manager, limit 2,000.00, no amount',
        role: 'manager',
        limit: 200_000n,
        po: false,
        amountCents: null,
        byAi: false,
        decision: { outcome: 'execute', reasons: ['within_rights'] },
      },
      {
        name: 'buyer order, limit 1,000.00, 7,500.00: both the level and the limit → level 2',
        role: 'buyer',
        limit: 100_000n,
        po: true,
        amountCents: 750_000n,
        byAi: false,
        decision: {
          outcome: 'queue',
          level: 2,
          approvers: ['manager', 'admin'],
          reasons: ['amount_needs_level', 'above_approval_limit'],
        },
      },
      {
        name: 'buyer order, limit 1,000.00, 15,000.00: the amount level wins → level 3',
        role: 'buyer',
        limit: 100_000n,
        po: true,
        amountCents: 1_500_000n,
        byAi: false,
        decision: {
          outcome: 'queue',
          level: 3,
          approvers: ['admin'],
          reasons: ['amount_needs_level', 'above_approval_limit'],
        },
      },
      {
        name: 'AI for a manager, limit 2,000.00, pays 3,000.00 at full → level 3',
        role: 'manager',
        limit: 200_000n,
        po: false,
        amountCents: 300_000n,
        byAi: true,
        decision: { outcome: 'queue', level: 3, approvers: ['admin'], reasons: ['above_approval_limit'] },
      },
    ] as const),
  )('%s', (_name, { role, limit, po, amountCents, byAi, decision }) => {
    expect(decide(base({ role, approvalLimitCents: limit, po, amountCents, byAi }))).toEqual(decision);
  });
});

// ---------------------------------------------------------------------------------------------
// The building blocks.
// ---------------------------------------------------------------------------------------------

describe('ROLE_RANK', () => {
  it('ranks admin 3, manager 2, buyer and accountant 1, viewer 0', () => {
    expect(ROLE_RANK).toEqual({ admin: 3, manager: 2, buyer: 1, accountant: 1, viewer: 0 });
  });
});

describe('amountLevel', () => {
  const thresholds = [100_000n, 500_000n, 1_000_000n] as const;
  it.each([
    { shown: 'no amount', cents: null, level: 0 },
    { shown: '0.00', cents: 0n, level: 0 },
    { shown: '500.00', cents: 50_000n, level: 0 },
    { shown: '1,000.00', cents: 100_000n, level: 0 },
    { shown: '1,000.01', cents: 100_001n, level: 1 },
    { shown: '3,000.00', cents: 300_000n, level: 1 },
    { shown: '5,000.00', cents: 500_000n, level: 1 },
    { shown: '5,000.01', cents: 500_001n, level: 2 },
    { shown: '10,000.00', cents: 1_000_000n, level: 2 },
    { shown: '10,000.01', cents: 1_000_001n, level: 3 },
    { shown: '1,000,000.00', cents: 100_000_000n, level: 3 },
  ] as const)('$shown → level $level', ({ cents, level }) => {
    expect(amountLevel(cents, thresholds)).toBe(level);
  });
});

describe('approversFor', () => {
  it.each([
    { risk: 'draft', level: 1, approvers: ['buyer', 'accountant', 'manager', 'admin'] },
    { risk: 'draft', level: 2, approvers: ['manager', 'admin'] },
    { risk: 'draft', level: 3, approvers: ['admin'] },
    { risk: 'internal', level: 1, approvers: ['buyer', 'accountant', 'manager', 'admin'] },
    { risk: 'internal', level: 2, approvers: ['manager', 'admin'] },
    { risk: 'internal', level: 3, approvers: ['admin'] },
    { risk: 'external', level: 1, approvers: ['buyer', 'accountant', 'manager', 'admin'] },
    { risk: 'external', level: 2, approvers: ['manager', 'admin'] },
    { risk: 'external', level: 3, approvers: ['admin'] },
    { risk: 'money', level: 1, approvers: ['accountant', 'manager', 'admin'] },
    { risk: 'money', level: 2, approvers: ['manager', 'admin'] },
    { risk: 'money', level: 3, approvers: ['admin'] },
  ] as const)('$risk at level $level', ({ risk, level, approvers }) => {
    expect(approversFor(risk, level)).toEqual(approvers);
  });
});

describe('mayApprove', () => {
  it.each(
    named([
      {
        name: 'refuses an accountant approving a level-3 order',
        approver: { userId: 'u-acc', role: 'accountant', approvalLimitCents: null },
        action: { risk: 'money', level: 3, amountCents: 1_500_000n, actorId: 'u-buyer', byAi: false },
        result: { allowed: false, reason: 'role_too_low' },
      },
      {
        name: 'refuses a buyer approving a level-1 payment',
        approver: { userId: 'u-buyer', role: 'buyer', approvalLimitCents: null },
        action: { risk: 'money', level: 1, amountCents: 300_000n, actorId: 'u-acc', byAi: true },
        result: { allowed: false, reason: 'role_too_low' },
      },
      {
        name: 'lets a buyer approve a level-1 internal change',
        approver: { userId: 'u-buyer', role: 'buyer', approvalLimitCents: null },
        action: { risk: 'internal', level: 1, amountCents: null, actorId: 'u-acc', byAi: true },
        result: { allowed: true },
      },
      {
        name: 'refuses a viewer, even at level 1',
        approver: { userId: 'u-view', role: 'viewer', approvalLimitCents: null },
        action: { risk: 'draft', level: 1, amountCents: null, actorId: 'u-buyer', byAi: true },
        result: { allowed: false, reason: 'role_too_low' },
      },
      {
        name: 'refuses a manager approving a level-3 order',
        approver: { userId: 'u-mgr', role: 'manager', approvalLimitCents: null },
        action: { risk: 'money', level: 3, amountCents: 1_500_000n, actorId: 'u-buyer', byAi: false },
        result: { allowed: false, reason: 'role_too_low' },
      },
      {
        name: 'lets a manager approve a level-2 order',
        approver: { userId: 'u-mgr', role: 'manager', approvalLimitCents: null },
        action: { risk: 'money', level: 2, amountCents: 750_000n, actorId: 'u-buyer', byAi: false },
        result: { allowed: true },
      },
      {
        name: 'treats a level-0 action as level 1 (a buyer may not approve money)',
        approver: { userId: 'u-buyer', role: 'buyer', approvalLimitCents: null },
        action: { risk: 'money', level: 0, amountCents: 50_000n, actorId: 'u-acc', byAi: true },
        result: { allowed: false, reason: 'role_too_low' },
      },
      {
        name: 'refuses a manager whose limit 5,000.00 is below a 7,500.00 order',
        approver: { userId: 'u-mgr', role: 'manager', approvalLimitCents: 500_000n },
        action: { risk: 'money', level: 2, amountCents: 750_000n, actorId: 'u-buyer', byAi: false },
        result: { allowed: false, reason: 'above_approval_limit' },
      },
      {
        name: 'lets a manager approve exactly up to their limit',
        approver: { userId: 'u-mgr', role: 'manager', approvalLimitCents: 750_000n },
        action: { risk: 'money', level: 2, amountCents: 750_000n, actorId: 'u-buyer', byAi: false },
        result: { allowed: true },
      },
      {
        name: 'lets a person with a limit approve an action without amount',
        approver: { userId: 'u-mgr', role: 'manager', approvalLimitCents: 100_000n },
        action: { risk: 'external', level: 1, amountCents: null, actorId: 'u-buyer', byAi: true },
        result: { allowed: true },
      },
      {
        name: 'refuses an admin approving their own direct request',
        approver: { userId: 'u-admin', role: 'admin', approvalLimitCents: null },
        action: { risk: 'money', level: 3, amountCents: 1_500_000n, actorId: 'u-admin', byAi: false },
        result: { allowed: false, reason: 'own_request' },
      },
      {
        name: 'refuses a manager approving their own direct request',
        approver: { userId: 'u-mgr', role: 'manager', approvalLimitCents: null },
        action: { risk: 'internal', level: 2, amountCents: null, actorId: 'u-mgr', byAi: false },
        result: { allowed: false, reason: 'own_request' },
      },
      {
        name: 'reports the limit before the own request',
        approver: { userId: 'u-admin', role: 'admin', approvalLimitCents: 200_000n },
        action: { risk: 'money', level: 3, amountCents: 300_000n, actorId: 'u-admin', byAi: false },
        result: { allowed: false, reason: 'above_approval_limit' },
      },
      {
        name: "lets another admin approve a manager's direct request",
        approver: { userId: 'u-admin', role: 'admin', approvalLimitCents: null },
        action: { risk: 'money', level: 3, amountCents: 300_000n, actorId: 'u-mgr', byAi: false },
        result: { allowed: true },
      },
      {
        name: 'lets a manager approve an AI proposal made for them within their rights',
        approver: { userId: 'u-mgr', role: 'manager', approvalLimitCents: 500_000n },
        action: { risk: 'money', level: 1, amountCents: 300_000n, actorId: 'u-mgr', byAi: true },
        result: { allowed: true },
      },
      {
        name: 'lets an accountant approve an AI payment made for them',
        approver: { userId: 'u-acc', role: 'accountant', approvalLimitCents: null },
        action: { risk: 'money', level: 1, amountCents: 50_000n, actorId: 'u-acc', byAi: true },
        result: { allowed: true },
      },
      {
        name: "lets an approver decide a job's proposal (no actor)",
        approver: { userId: 'u-acc', role: 'accountant', approvalLimitCents: null },
        action: { risk: 'money', level: 1, amountCents: 50_000n, actorId: null, byAi: true },
        result: { allowed: true },
      },
    ] as const),
  )('%s', (_name, { approver, action, result }) => {
    expect(mayApprove(approver, action)).toEqual(result);
  });
});
