import { z } from 'zod';
import { defineTool } from '../define.ts';
import { listActions as query } from './queries.ts';
import { ActionView, actionView } from './schemas.ts';

const STATUSES = ['proposed', 'pending_approval', 'approved', 'executed', 'failed', 'rejected', 'expired', 'undone'] as const;

export const listActions = defineTool({
  name: 'actions_list',
  title: 'List actions (approval queue and AI activity)',
  description:
    'List the actions proposed in this company, newest first. Filter by status (e.g. ["pending_approval"] ' +
    'for the approval queue) or tool name. Each action has its number, confidence, evidence and status.',
  kind: 'read',
  input: z.object({
    status: z.array(z.enum(STATUSES)).optional(),
    tool: z.string().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  }),
  output: z.object({ actions: z.array(ActionView) }),
  run: async (ctx, input) => ({ actions: (await query(ctx.db, input)).map(actionView) }),
  summarize: (out, lang) => (lang === 'fr' ? `${out.actions.length} action(s).` : `${out.actions.length} action(s).`),
});
