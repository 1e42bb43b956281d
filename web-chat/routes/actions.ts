/**
 * The approval queue over REST: list and filter actions, read one with its audit trail, approve
 * (optionally with an edited input), reject, retry, undo, bulk approve, and the AI activity feed.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { approve, reject, retry, undo, type ActionOutcome } from '../../tools/actions/door.ts';
import { getAction } from '../../tools/actions/get-action.ts';
import { listActions } from '../../tools/actions/list-actions.ts';
import { errorBody } from '../../tools/errors.ts';
import { invoke } from '../../tools/invoke.ts';
import type { AppEnv } from '../../http/deps.ts';
import { bodyOf } from '../request-body.ts';

const Decision = z.object({
  note: z.string().max(2000).optional(),
  input: z.record(z.string(), z.unknown()).optional(),
});
const Bulk = z.object({ ids: z.array(z.string().uuid()).min(1).max(200), note: z.string().max(2000).optional() });

const read = async (
  session: AppEnv['Variables']['session'],
  tool: typeof listActions | typeof getAction,
  input: unknown,
) => {
  const out = await invoke(session, tool, input, { source: 'rest', byAi: false });
  return out.kind === 'read' ? out.output : null;
};

export function actionRoutes() {
  return new Hono<AppEnv>()
    .get('/actions', async (c) => {
      const status = c.req.queries('status');
      const limit = c.req.query('limit');
      return c.json(
        await read(c.get('session'), listActions, {
          status,
          tool: c.req.query('tool'),
          limit: limit ? Number(limit) : undefined,
        }),
      );
    })
    .get('/activity', async (c) =>
      c.json(
        await read(c.get('session'), listActions, {
          status: ['executed', 'failed', 'rejected', 'expired', 'undone'],
          limit: 100,
        }),
      ),
    )
    .get('/actions/:id', async (c) => c.json(await read(c.get('session'), getAction, { actionId: c.req.param('id') })))
    .post('/actions/bulk-approve', async (c) => {
      const { ids, note } = await bodyOf(c, Bulk);
      const results: ({ id: string } & ({ ok: true; action: ActionOutcome } | { ok: false; error: unknown }))[] = [];
      // One at a time: each approval is its own transaction, and one refusal does not stop the others.
      for (const id of ids) {
        try {
          results.push({ id, ok: true, action: await approve(c.get('session'), id, { source: 'rest', note }) });
        } catch (err) {
          results.push({ id, ok: false, error: errorBody(err).error });
        }
      }
      return c.json({
        results,
        approved: results.filter((r) => r.ok).length,
        refused: results.filter((r) => !r.ok).length,
      });
    })
    .post('/actions/:id/approve', async (c) => {
      const { note, input } = await bodyOf(c, Decision);
      const action = await approve(c.get('session'), c.req.param('id'), { source: 'rest', note, editedInput: input });
      return c.json({ action, message: action.message });
    })
    .post('/actions/:id/reject', async (c) => {
      const { note } = await bodyOf(c, Decision);
      const action = await reject(c.get('session'), c.req.param('id'), { source: 'rest', note });
      return c.json({ action, message: action.message });
    })
    .post('/actions/:id/retry', async (c) => {
      const { note } = await bodyOf(c, Decision);
      const action = await retry(c.get('session'), c.req.param('id'), { source: 'rest', note });
      return c.json({ action, message: action.message });
    })
    .post('/actions/:id/undo', async (c) => {
      const { note } = await bodyOf(c, Decision);
      const action = await undo(c.get('session'), c.req.param('id'), { source: 'rest', note });
      return c.json({ action, message: action.message });
    });
}
