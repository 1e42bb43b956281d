import { z } from 'zod';
import { defineTool } from '../define.ts';
import { mayDecide, mayUndo } from './door.ts';
import { Decider, deciderOf } from './decider.ts';
import { countActions, listActions as query } from './queries.ts';
import { Direction, Offset, PageInfo } from '../paging.ts';
import { ActionView, actionView } from './schemas.ts';

const STATUSES = [
  'proposed',
  'pending_approval',
  'approved',
  'executed',
  'failed',
  'rejected',
  'expired',
  'undone',
] as const;

const ListedAction = ActionView.extend({
  decider: Decider,
  /** For an undo, the number of the action it reversed: the undo carries that action's tool name. */
  undoOfNumber: z.number().int().nullable(),
  /** Whether the person asking may undo it now: the same rule the door's undo applies. */
  undoable: z.boolean(),
  /** Whether the person asking may approve or reject it now: the same rule the door applies. */
  decidable: z.boolean(),
  /** The policy's decision when it was proposed: why it waits (reason codes) and which roles may decide. */
  decision: z.unknown(),
  /** The person the action is for, and the language its evidence was written in (theirs). */
  requester: z.object({ name: z.string(), language: z.enum(['fr', 'en']) }).nullable(),
});

export const listActions = defineTool({
  name: 'actions_list',
  title: 'List actions (approval queue and AI activity)',
  description:
    'List the actions proposed in this company, newest first. Filter by status (e.g. ["pending_approval"] ' +
    'for the approval queue), tool name, source, AI or person, or a number; page with offset. Each action has its number, confidence, evidence, status, who ' +
    'decided it (a person by name, or automatically by the policy) and whether you may undo it.',
  kind: 'read',
  input: z.object({
    status: z.array(z.enum(STATUSES)).optional(),
    tool: z.string().optional(),
    byAi: z.boolean().optional().describe('true: only what the AI proposed; false: only what people asked.'),
    source: z.enum(['chat', 'email', 'mcp', 'rest', 'job']).optional(),
    query: z.string().trim().max(200).default('').describe('An action number, or part of a tool name.'),
    direction: Direction.default('desc').describe('By number: desc (newest first, the default) or asc.'),
    offset: Offset,
    limit: z.number().int().min(1).max(200).default(50),
  }),
  output: z.object({ actions: z.array(ListedAction) }).extend(PageInfo.shape),
  run: async (ctx, input) => ({
    total: await countActions(ctx.db, input),
    offset: input.offset,
    limit: input.limit,
    actions: await Promise.all(
      (await query(ctx.db, input)).map(async ({ action, undoOfNumber, requesterLanguage, ...names }) => ({
        ...actionView(action),
        decider: deciderOf(action, names),
        undoOfNumber,
        undoable: await mayUndo(ctx.actor, ctx.lang, action),
        decidable: await mayDecide(ctx.actor, ctx.lang, action),
        decision: action.decision,
        requester:
          names.requesterName && requesterLanguage ? { name: names.requesterName, language: requesterLanguage } : null,
      })),
    ),
  }),
  summarize: (out, lang) => (lang === 'fr' ? `${out.actions.length} action(s).` : `${out.actions.length} action(s).`),
});
