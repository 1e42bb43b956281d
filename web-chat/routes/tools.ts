/** REST for every registry tool: list them, and call one (a write goes through the action door as source "rest"). */
import { Hono } from 'hono';
import { z } from 'zod';
import { toolByName, registry } from '../../tools/registry.ts';
import { invoke } from '../../tools/invoke.ts';
import { notFound } from '../../tools/errors.ts';
import type { AppEnv } from '../../http/deps.ts';
import { jsonOf } from '../request-body.ts';

export function toolRoutes() {
  return new Hono<AppEnv>()
    .get('/tools', (c) =>
      c.json({
        tools: registry.map((t) => ({
          name: t.name,
          title: t.title,
          description: t.description,
          kind: t.kind,
          risk: t.kind === 'write' ? t.risk : null,
          input: z.toJSONSchema(t.input, { io: 'input' }),
        })),
      }),
    )
    .post('/tools/:name', async (c) => {
      const tool = toolByName(c.req.param('name'));
      if (!tool) throw notFound(`No tool ${c.req.param('name')}. GET /api/tools lists them.`);
      const body = await jsonOf(c);
      const result = await invoke(c.get('session'), tool, body, {
        source: 'rest',
        byAi: false,
        clientKey: c.req.header('idempotency-key'),
      });
      if (result.kind === 'read') return c.json({ result: result.output, message: result.message ?? null });
      const status = result.action.status === 'pending_approval' ? 202 : 200;
      return c.json({ action: result.action, message: result.message }, status);
    });
}
