/**
 * One-click approval links from emails. GET only shows the action and the two choices: mail
 * scanners and link previews open links, so opening one must never decide. POST decides, as the
 * person the link was sent to, through the action door.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { decideByLink, readLink, type LinkView } from '../../tools/actions/approval-links.ts';
import { linkTexts } from '../../tools/actions/approval-texts.ts';
import { alreadyDecidedMessage } from '../../tools/actions/messages.ts';
import type { Lang } from '../../tools/context.ts';
import { AppError, httpStatus } from '../../tools/errors.ts';
import type { AppDeps } from '../../http/deps.ts';
import { confirmPage, problemPage, resultPage } from '../pages/approval-link.ts';

const Form = z.object({
  decision: z.enum(['approve', 'reject']).optional(),
  note: z.string().max(2000).optional(),
});

/** Status of each refusal: gone for a spent or expired link, conflict for an action already decided. */
const refusalStatus: Record<string, 404 | 410 | 409 | 403> = {
  link_unknown: 404,
  link_used: 410,
  link_expired: 410,
  already_decided: 409,
  approver_inactive: 403,
};

function langOf(c: Context, fallback: Lang): Lang {
  const asked = c.req.query('lang');
  return asked === 'en' || asked === 'fr' ? asked : fallback;
}

/**
 * A page nobody should cache or index. Framing and the Referer are refused by its security headers
 * (http/security-headers.ts, the approval link's set).
 */
function guard(c: Context) {
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
}

function stateMessage(view: LinkView, lang: Lang): string {
  switch (view.state) {
    case 'used':
      return linkTexts[lang].used;
    case 'expired':
      return linkTexts[lang].expired;
    case 'inactive':
      return linkTexts[lang].inactive;
    default:
      return alreadyDecidedMessage(lang, view.action.number, view.action.status);
  }
}

export function approvalLinkRoutes(deps: AppDeps) {
  return new Hono()
    .get('/approvals/link/:token', async (c) => {
      guard(c);
      const view = await readLink(deps.handle.db, c.req.param('token'), deps.now());
      if (!view) return c.html(problemPage('both', `${linkTexts.fr.unknown}\n${linkTexts.en.unknown}`), 404);
      const lang = langOf(c, view.lang);
      if (view.state !== 'open') {
        const status = view.state === 'decided' ? 409 : view.state === 'inactive' ? 403 : 410;
        return c.html(problemPage(lang, stateMessage(view, lang)), status);
      }
      const { toolByName } = await import('../../tools/registry.ts');
      return c.html(
        confirmPage({
          lang,
          approverName: view.approver.name,
          action: view.action,
          toolTitle: toolByName(view.action.tool)?.title ?? view.action.tool,
          preferred: view.decision,
        }),
      );
    })
    .post('/approvals/link/:token', async (c) => {
      guard(c);
      const parsed = Form.safeParse(await c.req.parseBody());
      const fallback: Lang = langOf(c, 'fr');
      if (!parsed.success)
        return c.html(
          problemPage(fallback, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')),
          400,
        );
      try {
        const done = await decideByLink(deps.handle.db, c.req.param('token'), deps.now(), parsed.data);
        return c.html(resultPage(langOf(c, done.lang), done.message));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const { reason = '', lang = fallback } = (err.details ?? {}) as { reason?: string; lang?: Lang };
        if (reason === 'link_unknown') return c.html(problemPage('both', err.message), 404);
        return c.html(problemPage(lang, err.message), refusalStatus[reason] ?? (httpStatus[err.code] as 400));
      }
    });
}
