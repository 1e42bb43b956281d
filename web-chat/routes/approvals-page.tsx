/**
 * The approvals inbox as a server-rendered screen: read through the actions tools, decided through
 * the door (approve, reject with a reason, undo, bulk approve) from plain forms, each answered by a
 * redirect back to the inbox (so a reload never decides twice) or, when refused, by the inbox with
 * the refusal on the action it concerns. Also the source documents it links to, and the language switch.
 */
import { type Context, Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { approve, reject, undo } from '../../tools/actions/door.ts';
import { getAction } from '../../tools/actions/get-action.ts';
import { listActions } from '../../tools/actions/list-actions.ts';
import { executedMessage, failedMessage, rejectedMessage, undoneMessage } from '../../tools/actions/messages.ts';
import { previewAction, type ProposalPreview } from '../../tools/actions/preview.ts';
import type { Session } from '../../tools/context.ts';
import { AppError, errorBody, httpStatus, notFound } from '../../tools/errors.ts';
import { invoke } from '../../tools/invoke.ts';
import { registry, toolByName } from '../../tools/registry.ts';
import { documentContent } from '../../tools/uploads/uploads.ts';
import { LANG_COOKIE, type WebEnv } from '../browser-session.ts';
import type { AppDeps } from '../../http/deps.ts';
import { catalogue, tr } from '../i18n.ts';
import { ApprovalsPage, type InboxAction, type InboxData } from '../pages/approvals.tsx';
import { editLines, formValue, inputSchema, overlayEdited, uncheckedBoxes } from '../pages/action-form.tsx';
import { choicesFor, fieldErrors, refusalText } from './form-data.ts';
import { frenchToolTitles } from '../tool-words.ts';

const PERSON = { source: 'rest', byAi: false } as const;

async function actions(session: Session, status: string[], limit: number): Promise<InboxAction[]> {
  const out = await invoke(session, listActions, { status, limit }, PERSON);
  return out.kind === 'read' ? ((out.output as { actions: InboxAction[] }).actions ?? []) : [];
}

/** How many waiting actions this person may decide: the navigation's count on every screen. */
export async function decidableCount(session: Session): Promise<number> {
  return (await actions(session, ['pending_approval'], 200)).filter((a) => a.decidable).length;
}

const titlesFor = (lang: 'fr' | 'en') =>
  Object.fromEntries(registry.map((t) => [t.name, (lang === 'fr' ? frenchToolTitles[t.name] : undefined) ?? t.title]));

/** What a finished decision did, said from the action as it now stands. */
function doneText(a: InboxAction, lang: 'fr' | 'en'): { kind: 'ok' | 'error'; text: string } {
  if (a.status === 'rejected') return { kind: 'ok', text: rejectedMessage(lang, a.number) };
  if (a.status === 'undone') return { kind: 'ok', text: undoneMessage(lang, a.number) };
  if (a.status === 'failed') return { kind: 'error', text: failedMessage(lang, a.number, '') };
  if (a.status === 'executed') return { kind: 'ok', text: executedMessage(lang, a.number, undefined) };
  return { kind: 'ok', text: tr(lang, 'doneFlash', { n: a.number, status: a.status }) };
}

async function render(
  c: Context<WebEnv>,
  extra: { flash?: InboxData['flash']; refused?: InboxData['refused'] } = {},
  status: 200 | 400 | 403 | 404 | 409 = 200,
) {
  const session = c.get('session');
  const [pending, activity] = await Promise.all([
    actions(session, ['pending_approval'], 200),
    actions(session, ['executed', 'failed', 'rejected', 'expired', 'undone'], 100),
  ]);
  const mine = pending.filter((a) => a.decidable);
  const toDecide: InboxData['toDecide'] = [];
  for (const action of mine) {
    const out = await invoke(session, previewAction, { actionId: action.id }, PERSON);
    toDecide.push({ action, preview: (out.kind === 'read' ? out.output : null) as ProposalPreview });
  }
  const schemas = Object.fromEntries(
    mine.flatMap((a) => {
      const tool = toolByName(a.tool);
      return tool ? [[a.tool, inputSchema(tool)]] : [];
    }),
  );
  const done = c.req.query('done');
  const decided = done ? activity.find((a) => a.id === done) : undefined;
  const data: InboxData = {
    lang: session.lang,
    browser: c.get('browser'),
    path: '/app/approvals',
    pending: mine.length,
    toDecide,
    others: pending.filter((a) => !a.decidable),
    activity,
    titles: titlesFor(session.lang),
    flash: extra.flash ?? (decided ? doneText(decided, session.lang) : null),
    refused: extra.refused ?? null,
    schemas,
    choices: await choicesFor(session, {
      properties: Object.assign({}, ...Object.values(schemas).map((s) => s.properties)),
    }),
  };
  return c.html(`<!doctype html>${(<ApprovalsPage {...data} />).toString()}`, status);
}

/** A refused decision: the inbox again, the door's reason on the action, what was typed kept. */
function refusal(c: Context<WebEnv>, actionId: string, err: unknown, note = '') {
  if (!(err instanceof AppError)) throw err;
  const body = errorBody(err).error;
  return render(c, { refused: { actionId, message: body.message, note } }, httpStatus[body.code] as 400);
}

const backTo = (c: Context, id: string) => c.redirect(`/app/approvals?done=${encodeURIComponent(id)}`, 303);

export function approvalsPageRoutes(deps: AppDeps) {
  return new Hono<WebEnv>()
    .get('/approvals', (c) => render(c))
    .post('/approvals/:id/approve', async (c) => {
      const id = c.req.param('id');
      try {
        await approve(c.get('session'), id, { source: 'rest' });
      } catch (err) {
        return refusal(c, id, err);
      }
      return backTo(c, id);
    })
    .post('/approvals/:id/approve-edited', async (c) => {
      const id = c.req.param('id');
      const session = c.get('session');
      const out = await invoke(session, getAction, { actionId: id }, PERSON);
      const action = (out.kind === 'read' ? out.output : null) as { action: { tool: string; input: unknown } };
      const tool = toolByName(action.action.tool);
      if (!tool) return refusal(c, id, notFound(`No tool ${action.action.tool}.`));
      const schema = inputSchema(tool);
      const form = await c.req.parseBody();
      const value = uncheckedBoxes(formValue(form, schema), schema, true);
      // A line added or removed: the inbox again, this request's form open with the change, nothing decided.
      if (form._add || form._remove) {
        const lines = editLines(value, form._add as string | undefined, form._remove as string | undefined);
        return render(c, { refused: { actionId: id, message: '', note: '', fieldErrors: {}, edited: lines } });
      }
      const edited = overlayEdited((action.action.input ?? {}) as Record<string, unknown>, value, schema);
      try {
        await approve(session, id, { source: 'rest', editedInput: edited });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const body = errorBody(err).error;
        const errors = fieldErrors(err, session, edited);
        return render(
          c,
          {
            refused: {
              actionId: id,
              message: refusalText(session, body.message, errors),
              note: '',
              fieldErrors: errors,
              edited,
            },
          },
          httpStatus[body.code] as 400,
        );
      }
      return backTo(c, id);
    })
    .post('/approvals/:id/reject', async (c) => {
      const id = c.req.param('id');
      const form = await c.req.parseBody();
      const note = typeof form.note === 'string' ? form.note.trim() : '';
      // The reason is the point of rejecting from here: without one, nothing is decided.
      if (!note)
        return render(
          c,
          { refused: { actionId: id, message: catalogue[c.get('session').lang].rejectReasonMissing, note } },
          400,
        );
      try {
        await reject(c.get('session'), id, { source: 'rest', note: note.slice(0, 2000) });
      } catch (err) {
        return refusal(c, id, err, note);
      }
      return backTo(c, id);
    })
    .post('/approvals/:id/undo', async (c) => {
      const id = c.req.param('id');
      try {
        await undo(c.get('session'), id, { source: 'rest' });
      } catch (err) {
        return refusal(c, id, err);
      }
      return backTo(c, id);
    })
    .post('/approvals/bulk-approve', async (c) => {
      const form = await c.req.parseBody({ all: true });
      const ids = ([] as unknown[]).concat(form.ids ?? []).filter((x): x is string => typeof x === 'string');
      const session = c.get('session');
      let approved = 0;
      const problems: string[] = [];
      // One at a time: each approval is its own transaction, and one refusal does not stop the others.
      for (const id of ids.slice(0, 200)) {
        try {
          await approve(session, id, { source: 'rest' });
          approved++;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          problems.push(err.message);
        }
      }
      const text = [tr(session.lang, 'bulkDone', { approved, refused: problems.length }), ...problems].join(' ');
      return render(c, { flash: { kind: problems.length ? 'error' : 'ok', text } });
    })
    .get('/documents/:id/file', async (c) => {
      const doc = await documentContent(c.get('session'), c.req.param('id'));
      c.header('Content-Type', doc.mimeType);
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
      c.header('Cache-Control', 'private, no-store');
      return c.body(new Uint8Array(doc.content));
    })
    .post('/lang', async (c) => {
      const form = await c.req.parseBody();
      const lang = form.lang === 'en' ? 'en' : 'fr';
      setCookie(c, LANG_COOKIE, lang, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        maxAge: 365 * 86400,
        secure: Boolean(deps.config.PUBLIC_URL?.startsWith('https:')),
      });
      const next = typeof form.next === 'string' && /^\/app(\/[\w/-]*)?$/.test(form.next) ? form.next : '/app';
      return c.redirect(next, 303);
    });
}
