/**
 * The JSON the app's screens read besides chat, approvals and the bank (server-rendered): the
 * documents list, dashboards from whatever analytics tools the registry has, the language switch, API tokens
 * (each person their own; administrators all) and the inbound address.
 */
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../tools/auth/api-tokens.ts';
import { errorBody, forbidden, invalid, notFound } from '../../tools/errors.ts';
import { invoke } from '../../tools/invoke.ts';
import { registry } from '../../tools/registry.ts';
import { inboundAddress } from '../../tools/settings/inbound-address.ts';
import { listDocuments } from '../../tools/uploads/uploads.ts';
import { LANG_COOKIE, type WebEnv } from '../browser-session.ts';
import type { AppDeps } from '../../http/deps.ts';
import { bodyOf, jsonOf } from '../request-body.ts';

const TokenName = z.object({ name: z.string().trim().min(1).max(100) });

/** Analytics tools that need no input: each one is a dashboard card. */
const dashboardTools = () =>
  registry.filter((t) => t.kind === 'read' && t.name.startsWith('analytics_') && t.input.safeParse({}).success);

export function workspaceRoutes(deps: AppDeps) {
  return new Hono<WebEnv>()
    .post('/lang', async (c) => {
      const { lang } = await bodyOf(c, z.object({ lang: z.enum(['fr', 'en']) }));
      setCookie(c, LANG_COOKIE, lang, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        maxAge: 365 * 86400,
        secure: Boolean(deps.config.PUBLIC_URL?.startsWith('https:')),
      });
      return c.json({ lang });
    })
    .get('/documents', async (c) => c.json({ documents: await listDocuments(c.get('session')) }))
    .get('/dashboards', async (c) => {
      const session = c.get('session');
      const cards = [];
      for (const tool of dashboardTools()) {
        try {
          const out = await invoke(session, tool, {}, { source: 'rest', byAi: false });
          cards.push({
            tool: tool.name,
            title: tool.title,
            ok: true,
            summary: out.message ?? null,
            data: out.kind === 'read' ? out.output : null,
          });
        } catch (err) {
          cards.push({ tool: tool.name, title: tool.title, ok: false, error: errorBody(err).error.message });
        }
      }
      return c.json({ available: cards.length > 0, cards });
    })
    .get('/tokens', async (c) => {
      const session = c.get('session');
      const all = await listApiTokens(session.db, session.tenantId);
      const mine = session.actor.role === 'admin' ? all : all.filter((t) => t.userId === session.actor.userId);
      return c.json({
        tokens: mine.map((t) => ({
          ...t,
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
          revokedAt: t.revokedAt?.toISOString() ?? null,
        })),
      });
    })
    .post('/tokens', async (c) => {
      const session = c.get('session');
      const parsed = TokenName.safeParse(await jsonOf(c));
      if (!parsed.success) throw invalid('Give the token a name (1 to 100 characters).');
      // The token is returned once, here; only its hash is kept.
      const created = await createApiToken(session.db, session.tenantId, session.actor.userId, parsed.data.name);
      return c.json(created, 201);
    })
    .post('/tokens/:id/revoke', async (c) => {
      const session = c.get('session');
      const token = (await listApiTokens(session.db, session.tenantId)).find((t) => t.id === c.req.param('id'));
      if (!token) throw notFound('No token with this id.');
      if (token.userId !== session.actor.userId && session.actor.role !== 'admin')
        throw forbidden('Only its owner or an administrator may revoke a token.');
      await revokeApiToken(session.db, session.tenantId, token.id, deps.now());
      return c.json({ revoked: token.id });
    })
    .get('/inbound-address', async (c) =>
      c.json({ address: await inboundAddress(c.get('session'), deps.config.MAIL_DOMAIN) }),
    );
}
