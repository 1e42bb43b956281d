// Dashboards: one card per analytics tool the registry has (its one-sentence summary first, the
// figures behind it on demand); a plain notice while there are none.
import { api, el, message, t, titles } from './common.js';

function details(value) {
  if (value === null || value === undefined) return '';
  return el(
    'details',
    {},
    el('summary', {}, t('dashboardDetails')),
    el('pre', { class: 'data' }, JSON.stringify(value, null, 2)),
  );
}

export async function render(root) {
  const [{ available, cards }, names] = await Promise.all([api('GET', '/dashboards'), titles()]);
  root.replaceChildren(
    el('h1', {}, t('dashboardsTitle')),
    available
      ? el(
          'div',
          { class: 'cards' },
          cards.map((c) =>
            el(
              'section',
              { class: 'card', dataset: { tool: c.tool } },
              el('h2', {}, names[c.tool] ?? c.title),
              c.ok
                ? el('p', { class: 'summary' }, c.summary ?? '')
                : message('error', t('dashboardFailed', { error: c.error })),
              c.ok ? details(c.data) : '',
            ),
          ),
        )
      : el('p', { class: 'notice warn' }, t('dashboardsNone')),
  );
}
