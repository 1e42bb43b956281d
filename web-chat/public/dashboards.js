// Dashboards: one card per analytics tool the registry has; a plain notice while there are none.
import { api, el, message, t } from './common.js';

function show(value) {
  if (value === null || value === undefined) return '';
  return el('pre', { class: 'data' }, JSON.stringify(value, null, 2));
}

export async function render(root) {
  const { available, cards } = await api('GET', '/dashboards');
  root.replaceChildren(
    el('h1', {}, t('dashboardsTitle')),
    available
      ? el('div', { class: 'cards' }, cards.map((c) => el('section', { class: 'card', dataset: { tool: c.tool } },
        el('h2', {}, c.title), c.ok ? el('p', {}, c.summary ?? '') : message('error', t('dashboardFailed', { error: c.error })), c.ok ? show(c.data) : '')))
      : el('p', { class: 'notice warn' }, t('dashboardsNone')),
  );
}
