/**
 * Who decided an action, as the activity feed shows it: the person who approved or rejected it, the
 * person who ran it on their own authority, or the policy when the AI's action ran without anyone.
 * Read from the columns the door sets in the same transaction as the decision's audit event.
 */
import { z } from 'zod';
import type { aiActions } from '../../db/schema/index.ts';

export const Decider = z
  .object({
    kind: z.enum(['approved', 'rejected', 'self', 'automatic']),
    name: z.string().nullable(),
    at: z.string().nullable(),
  })
  .nullable();
export type Decider = z.infer<typeof Decider>;

const RAN = new Set(['executed', 'failed', 'undone']);

export function deciderOf(
  a: typeof aiActions.$inferSelect,
  names: { deciderName: string | null; requesterName: string | null },
): Decider {
  if (a.decidedBy) {
    return {
      kind: a.status === 'rejected' ? 'rejected' : 'approved',
      name: names.deciderName,
      at: a.decidedAt?.toISOString() ?? null,
    };
  }
  if (!RAN.has(a.status)) return null;
  const at = (a.executedAt ?? a.createdAt).toISOString();
  return a.byAi ? { kind: 'automatic', name: null, at } : { kind: 'self', name: names.requesterName, at };
}
