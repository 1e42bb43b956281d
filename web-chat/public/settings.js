// Settings: how much the AI may do alone (an administrator's audited write, settings_update through
// the action door), people and roles, API tokens (shown once), and the inbound address for bills.
import { api, boot, el, message, money, t } from './common.js';

const LEVELS = ['manual', 'assisted', 'supervised', 'full'];
const ROLES = ['admin', 'manager', 'buyer', 'accountant', 'viewer'];

function field(label, input) {
  return el('label', { class: 'field' }, el('span', {}, label), input);
}

function companyForm(s) {
  const admin = boot.me.isAdmin;
  const level = el(
    'select',
    { name: 'automationLevel', disabled: !admin },
    LEVELS.map((l) => el('option', { value: l, selected: s.automationLevel === l }, t(`level_${l}`))),
  );
  const ai = el('input', { type: 'checkbox', name: 'aiEnabled', checked: s.aiEnabled, disabled: !admin });
  const threshold = el('input', {
    type: 'number',
    name: 'confidenceThreshold',
    min: 0,
    max: 1,
    step: 0.01,
    value: s.confidenceThreshold,
    disabled: !admin,
  });
  const floor = el('input', {
    type: 'number',
    name: 'confidenceFloor',
    min: 0,
    max: 1,
    step: 0.01,
    value: s.confidenceFloor,
    disabled: !admin,
  });
  const cap = el('input', { type: 'text', name: 'hardCap', inputmode: 'decimal', value: s.hardCap, disabled: !admin });
  const levels = s.approvalLevels.map((v, i) =>
    el('input', {
      type: 'text',
      name: `approvalLevel${i + 1}`,
      inputmode: 'decimal',
      value: v,
      disabled: !admin,
      'aria-label': `${t('approvalLevels')} ${i + 1}`,
    }),
  );
  const expiry = el('input', {
    type: 'number',
    name: 'approvalExpiryHours',
    min: 1,
    value: s.approvalExpiryHours,
    disabled: !admin,
  });
  const behaviour = el(
    'select',
    { name: 'expiryBehaviour', disabled: !admin },
    ['expire', 'escalate'].map((b) => el('option', { value: b, selected: s.expiryBehaviour === b }, t(`expiry_${b}`))),
  );
  const feedback = el('div', { class: 'feedback' });
  const form = el(
    'form',
    { class: 'settings-form' },
    el('h2', {}, `${t('settingsCompany')} — ${s.name}`),
    admin ? '' : el('p', { class: 'notice warn' }, t('settingsAdminOnly')),
    field(t('automationLevel'), level),
    field(t('aiEnabled'), ai),
    field(t('confidenceThreshold'), threshold),
    field(t('confidenceFloor'), floor),
    field(`${t('hardCap')} (${s.currency})`, cap),
    field(`${t('approvalLevels')} (${s.currency})`, el('span', { class: 'triple' }, levels)),
    field(t('approvalExpiryHours'), expiry),
    field(t('expiryBehaviour'), behaviour),
    admin ? el('button', { type: 'submit', class: 'primary' }, t('save')) : '',
    feedback,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const change = {
      automationLevel: level.value,
      aiEnabled: ai.checked,
      confidenceThreshold: Number(threshold.value),
      confidenceFloor: Number(floor.value),
      hardCap: cap.value.trim(),
      approvalLevels: levels.map((x) => x.value.trim()),
      approvalExpiryHours: Number(expiry.value),
      expiryBehaviour: behaviour.value,
    };
    try {
      const out = await api('POST', '/tools/settings_update', change);
      const clean = out.action.status === 'executed' && !out.action.result?.warnings?.length;
      feedback.replaceChildren(message(clean ? 'ok' : 'warn', out.message));
    } catch (err) {
      feedback.replaceChildren(message('error', err.message));
    }
  });
  return form;
}

async function people(currency) {
  const { result } = await api('POST', '/tools/settings_list_users', {});
  const feedback = el('div', { class: 'feedback' });
  const rows = result.users.map((u) => {
    const role = el(
      'select',
      { disabled: !boot.me.isAdmin, 'aria-label': `${t('colRole')} ${u.name}` },
      ROLES.map((r) => el('option', { value: r, selected: u.role === r }, t(`role_${r}`))),
    );
    role.addEventListener('change', async () => {
      try {
        const out = await api('POST', '/tools/settings_update_user', { userId: u.id, role: role.value });
        feedback.replaceChildren(message('ok', out.message));
      } catch (err) {
        role.value = u.role;
        feedback.replaceChildren(message('error', err.message));
      }
    });
    return el(
      'tr',
      {},
      el('td', {}, u.name),
      el('td', {}, u.email),
      el('td', {}, role),
      el('td', {}, u.active ? t('yes') : t('no')),
      el('td', { class: 'num' }, money(u.aiAutoApproveLimit, currency)),
    );
  });
  return el(
    'section',
    {},
    el('h2', {}, t('usersTitle')),
    feedback,
    el(
      'table',
      { class: 'grid' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          [t('colName'), t('email'), t('colRole'), t('colActive'), t('colAiLimit')].map((h) => el('th', {}, h)),
        ),
      ),
      el('tbody', {}, rows),
    ),
  );
}

async function tokens() {
  const section = el('section', { class: 'tokens' });
  const draw = async (shown) => {
    const { tokens: list } = await api('GET', '/tokens');
    const name = el('input', {
      type: 'text',
      name: 'tokenName',
      required: true,
      maxlength: 100,
      'aria-label': t('tokenName'),
      placeholder: t('tokenName'),
    });
    const feedback = el('div', { class: 'feedback' });
    const form = el('form', { class: 'inline' }, name, el('button', { type: 'submit' }, t('createToken')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        const created = await api('POST', '/tokens', { name: name.value });
        await draw(created.token);
      } catch (err) {
        feedback.replaceChildren(message('error', err.message));
      }
    });
    section.replaceChildren(
      el('h2', {}, t('tokensTitle')),
      shown
        ? el(
            'div',
            { class: 'notice ok once' },
            el('p', {}, t('tokenShownOnce')),
            el('code', { class: 'token' }, shown),
          )
        : '',
      boot.me.canWrite ? form : '',
      feedback,
      list.length
        ? el(
            'table',
            { class: 'grid' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                [t('tokenName'), t('colPrefix'), t('colLastUsed'), ''].map((h) => el('th', {}, h)),
              ),
            ),
            el(
              'tbody',
              {},
              list.map((x) =>
                el(
                  'tr',
                  {},
                  el('td', {}, x.name),
                  el('td', {}, el('code', {}, x.prefix)),
                  el(
                    'td',
                    {},
                    x.lastUsedAt
                      ? new Date(x.lastUsedAt).toLocaleString(boot.lang === 'fr' ? 'fr-CA' : 'en-CA', {
                          dateStyle: 'medium',
                          timeStyle: 'short',
                        })
                      : t('never'),
                  ),
                  el(
                    'td',
                    {},
                    x.revokedAt
                      ? t('revoked')
                      : el(
                          'button',
                          {
                            type: 'button',
                            onclick: async () => {
                              await api('POST', `/tokens/${x.id}/revoke`, {});
                              await draw();
                            },
                          },
                          t('revoke'),
                        ),
                  ),
                ),
              ),
            ),
          )
        : el('p', { class: 'muted' }, t('tokensEmpty')),
    );
  };
  await draw();
  return section;
}

async function inbound() {
  // Everyone who sends bills in needs the address; viewers send nothing.
  if (!boot.me.canWrite) return '';
  const { address } = await api('GET', '/inbound-address');
  return el(
    'section',
    {},
    el('h2', {}, t('inboundTitle')),
    el('p', {}, t('inboundLead')),
    el('code', { class: 'address' }, address),
  );
}

export async function render(root) {
  const { result: settings } = await api('POST', '/tools/settings_get', {});
  root.replaceChildren(
    el('h1', {}, t('settingsTitle')),
    el('p', {}, el('a', { href: '/app/settings/people' }, t('wcPeopleLink'))),
    settings.warnings.length
      ? el(
          'div',
          { class: 'notice warn settings-warnings', role: 'status' },
          el(
            'ul',
            {},
            settings.warnings.map((w) => el('li', {}, w)),
          ),
        )
      : '',
    companyForm(settings),
    await inbound(),
    await people(settings.currency),
    await tokens(),
  );
}
