/**
 * Settings → People, server-rendered: the list through settings_list_users, an invitation through
 * settings_invite_user (the door: audited, administrators only), then the invitation mail with its
 * one-time link written to the outbox (this frontend knows the public address the link points to).
 */
import { type Context, Hono } from 'hono';
import { sendInvitation } from '../../tools/auth/account-links.ts';
import type { Session } from '../../tools/context.ts';
import { AppError, errorBody, httpStatus } from '../../tools/errors.ts';
import { invoke } from '../../tools/invoke.ts';
import { getSettings } from '../../tools/settings/get-settings.ts';
import { inboundAddress } from '../../tools/settings/inbound-address.ts';
import { inviteUser } from '../../tools/settings/invite-user.ts';
import { listUsers } from '../../tools/settings/list-users.ts';
import type { WebEnv } from '../browser-session.ts';
import type { AppDeps } from '../../http/deps.ts';
import { tr } from '../i18n.ts';
import { type PeopleView, PeoplePage, type PersonRow } from '../pages/people.tsx';
import { editedInput, errorsByPath, schemaOf } from '../pages/tool-form.tsx';
import { decidableCount } from './approvals-page.tsx';

const PERSON = { source: 'rest', byAi: false } as const;

async function readOutput<T>(session: Session, tool: Parameters<typeof invoke>[1], input: unknown): Promise<T> {
  const out = await invoke(session, tool, input, PERSON);
  return (out.kind === 'read' ? out.output : null) as T;
}

export function peoplePageRoutes(deps: AppDeps) {
  const render = async (
    c: Context<WebEnv>,
    extra: Partial<Pick<PeopleView, 'form' | 'errors' | 'flash'>> = {},
    status: 200 | 400 | 403 | 409 = 200,
  ) => {
    const session = c.get('session');
    const [{ users }, settings] = await Promise.all([
      readOutput<{ users: PersonRow[] }>(session, listUsers, {}),
      readOutput<{ currency: string }>(session, getSettings, {}),
    ]);
    const address = session.actor.role === 'viewer' ? null : await inboundAddress(session, deps.config.MAIL_DOMAIN);
    const welcome = c.req.query('welcome') ? { kind: 'ok' as const, text: tr(session.lang, 'wcWelcome') } : null;
    return c.html(
      <PeoplePage
        lang={session.lang}
        browser={c.get('browser')}
        pending={await decidableCount(session)}
        path="/app/settings/people"
        currency={settings.currency}
        people={users}
        address={address}
        schema={schemaOf(inviteUser)}
        form={extra.form ?? { language: session.lang, role: 'accountant' }}
        errors={extra.errors ?? {}}
        flash={extra.flash ?? welcome}
      />,
      status,
    );
  };

  return new Hono<WebEnv>()
    .get('/settings/people', (c) => render(c))
    .post('/settings/people/invite', async (c) => {
      const session = c.get('session');
      const body = await c.req.parseBody();
      const form = editedInput({}, body, schemaOf(inviteUser));
      try {
        const out = await invoke(session, inviteUser, form, PERSON);
        if (out.kind !== 'write') throw new Error('settings_invite_user is a write tool');
        const { action } = out;
        if (action.status !== 'executed')
          return render(
            c,
            { form, flash: { kind: action.status === 'failed' ? 'error' : 'ok', text: action.message } },
            action.status === 'failed' ? 409 : 200,
          );
        const invited = action.result as { id: string; name: string };
        const sent = await sendInvitation(deps.handle.db, session.tenantId, {
          userId: invited.id,
          inviterName: session.actor.name,
          publicUrl: deps.config.publicUrl,
          now: deps.now(),
        });
        return render(c, {
          flash: { kind: 'ok', text: tr(session.lang, 'wcInviteSent', { name: invited.name, email: sent.to }) },
        });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const { error } = errorBody(err);
        const errors = errorsByPath(error.details);
        const status = (httpStatus[error.code] ?? 400) as 400 | 403 | 409;
        return render(c, { form, errors, flash: { kind: 'error', text: error.message } }, status);
      }
    })
    .post('/settings/people/:id/resend', async (c) => {
      const session = c.get('session');
      if (session.actor.role !== 'admin')
        return render(c, { flash: { kind: 'error', text: tr(session.lang, 'wcAdminOnly') } }, 403);
      try {
        const sent = await sendInvitation(deps.handle.db, session.tenantId, {
          userId: c.req.param('id'),
          inviterName: session.actor.name,
          publicUrl: deps.config.publicUrl,
          now: deps.now(),
        });
        return render(c, { flash: { kind: 'ok', text: tr(session.lang, 'wcResent', { email: sent.to }) } });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return render(c, { flash: { kind: 'error', text: tr(session.lang, 'wcResendRefused') } }, 400);
      }
    });
}
