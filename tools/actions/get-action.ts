import { z } from 'zod';
import { defineTool } from '../define.ts';
import { actionWithEvents } from './queries.ts';
import { ActionView, EventView, actionView, eventView } from './schemas.ts';

export const getAction = defineTool({
  name: 'actions_get',
  title: 'Show an action and its audit trail',
  description:
    'Read one action by id with every event of its history: who proposed, approved or rejected it, when, and what changed.',
  kind: 'read',
  input: z.object({ actionId: z.string().uuid() }),
  output: z.object({ action: ActionView, events: z.array(EventView) }),
  run: async (ctx, input) => {
    const { action, events } = await actionWithEvents(ctx.db, input.actionId, ctx.lang);
    return { action: actionView(action), events: events.map(eventView) };
  },
});
