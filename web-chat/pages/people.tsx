/**
 * Settings → People: who uses Comptoir in the company, an administrator's invitation form (the
 * settings_invite_user tool's own fields), who still has to choose a password (with "send again"),
 * and the inbound address bills are sent to.
 */
import type { Role } from '../../tools/context.ts';
import { formatAmount } from '../../tools/money.ts';
import { catalogue, type MessageKey } from '../i18n.ts';
import { type Frame, Layout } from './layout.tsx';
import { type schemaOf, ToolFields } from './tool-form.tsx';

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  passwordSet: boolean;
  approvalLimit: string | null;
  aiAutoApproveLimit: string;
}

export interface PeopleView extends Frame {
  currency: string;
  people: PersonRow[];
  address: string | null;
  schema: ReturnType<typeof schemaOf>;
  form: Record<string, unknown>;
  errors: Record<string, string>;
  flash: { kind: 'ok' | 'error'; text: string } | null;
}

export function PeoplePage(p: PeopleView) {
  const t = catalogue[p.lang];
  const admin = p.browser.actor.role === 'admin';
  const money = (a: string) => formatAmount(a, p.currency, p.lang);
  return (
    <Layout {...p} page="settings" title={t.wcPeopleTitle}>
      <p class="breadcrumb">
        <a href="/app/settings">{t.settingsTitle}</a> › {t.wcPeopleTitle}
      </p>
      <h1>{t.wcPeopleTitle}</h1>
      {p.flash ? (
        <p class={`notice ${p.flash.kind === 'ok' ? 'ok' : 'error'}`} role={p.flash.kind === 'ok' ? 'status' : 'alert'}>
          {p.flash.text}
        </p>
      ) : null}
      {p.address ? (
        <section class="card address-box" aria-labelledby="inbound-title">
          <h2 id="inbound-title">{t.inboundTitle}</h2>
          <p>{t.wcInboundLeadAll}</p>
          <code class="address">{p.address}</code>
        </section>
      ) : null}
      {admin ? (
        <section class="card" aria-labelledby="invite-title">
          <h2 id="invite-title">{t.wcInviteTitle}</h2>
          <p class="muted">{t.wcInviteLead}</p>
          <form method="post" action="/app/settings/people/invite" class="tool-form company-form">
            <input type="hidden" name="_csrf" value={p.browser.csrfToken} />
            <ToolFields schema={p.schema} value={p.form} lang={p.lang} errors={p.errors} idPrefix="invite" />
            <button type="submit" class="primary">
              {t.wcSendInvite}
            </button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="people-title">
        <h2 id="people-title">{t.usersTitle}</h2>
        <section class="table-scroll" tabindex={0} aria-labelledby="people-title">
          <table class="grid">
            <thead>
              <tr>
                <th scope="col">{t.colName}</th>
                <th scope="col">{t.email}</th>
                <th scope="col">{t.colRole}</th>
                <th scope="col">{t.wcStatus}</th>
                <th scope="col" class="num">
                  {t.wcApprovalLimit}
                </th>
                <th scope="col" class="num">
                  {t.colAiLimit}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.people.map((u) => (
                <tr data-person={u.email}>
                  <th scope="row">{u.name}</th>
                  <td>{u.email}</td>
                  <td>{t[`role_${u.role}` as MessageKey]}</td>
                  <td>
                    {!u.active ? (
                      t.wcInactive
                    ) : u.passwordSet ? (
                      t.wcActive
                    ) : (
                      <>
                        {t.wcInvited}
                        {admin ? (
                          <form method="post" action={`/app/settings/people/${u.id}/resend`} class="inline">
                            <input type="hidden" name="_csrf" value={p.browser.csrfToken} />
                            <button type="submit" class="link">
                              {t.wcResend}
                            </button>
                          </form>
                        ) : null}
                      </>
                    )}
                  </td>
                  <td class="num">{u.approvalLimit === null ? t.wcRoleLimit : money(u.approvalLimit)}</td>
                  <td class="num">{money(u.aiAutoApproveLimit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
    </Layout>
  );
}
