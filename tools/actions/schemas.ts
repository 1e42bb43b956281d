/** Actions as tools and REST return them: plain JSON, money as decimal strings. */
import { z } from 'zod';
import type { aiActionEvents, aiActions } from '../../db/schema/index.ts';
import { fromMinor } from '../money.ts';

export const Evidence = z.object({ factor: z.string(), weight: z.number(), detail: z.string() });

export const ActionView = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  tool: z.string(),
  status: z.string(),
  source: z.string(),
  byAi: z.boolean(),
  actorId: z.string().nullable(),
  confidence: z.number(),
  evidence: z.array(Evidence),
  rationale: z.string().nullable(),
  requiredLevel: z.number().int(),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  /** Minor units of the company currency that levels and limits compared; null when no rate was held. */
  companyAmountCents: z.string().nullable(),
  input: z.unknown(),
  result: z.unknown(),
  error: z.unknown(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type ActionView = z.infer<typeof ActionView>;

export const EventView = z.object({
  type: z.string(),
  actorId: z.string().nullable(),
  source: z.string(),
  at: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  note: z.string().nullable(),
});

export function actionView(a: typeof aiActions.$inferSelect): ActionView {
  return {
    id: a.id,
    number: a.number,
    tool: a.tool,
    status: a.status,
    source: a.source,
    byAi: a.byAi,
    actorId: a.actorId,
    confidence: a.confidence,
    evidence: a.evidence,
    rationale: a.rationale,
    requiredLevel: a.requiredLevel,
    amount: a.amountCents === null ? null : fromMinor(a.amountCents, a.currency ?? 'CAD'),
    currency: a.currency,
    companyAmountCents: a.companyAmountCents?.toString() ?? null,
    input: a.input,
    result: a.result,
    error: a.error,
    createdAt: a.createdAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    expiresAt: a.expiresAt?.toISOString() ?? null,
  };
}

export const eventView = (e: typeof aiActionEvents.$inferSelect) => ({
  type: e.type,
  actorId: e.actorId,
  source: e.source,
  at: e.at.toISOString(),
  before: e.before,
  after: e.after,
  note: e.note,
});
