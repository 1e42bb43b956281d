// Bank accounts and imported transactions; a statement file (camt, MT940, OFX, CSV) is imported
// through the same registry tool the chat and MCP use, so the door records it.
import { api, el, money, t } from './common.js';

function importForm(root) {
  const status = el('p', { class: 'import-status', role: 'status' });
  const input = el('input', { type: 'file', name: 'statement', accept: '.xml,.sta,.940,.txt,.ofx,.qfx,.csv' });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    status.className = 'import-status';
    status.textContent = t('bankImporting');
    try {
      const out = await api('POST', '/tools/banking_import_statement', {
        content: await file.text(),
        fileName: file.name,
      });
      await render(root);
      root.querySelector('.import-status').textContent = out.message;
    } catch (err) {
      status.className = 'import-status notice warn';
      status.textContent = err.message;
    }
  });
  return el('div', { class: 'bank-import' }, el('label', {}, t('bankImport'), ' ', input), status);
}

export async function render(root) {
  const { accounts, transactions } = await api('GET', '/bank');
  root.replaceChildren(
    el('h1', {}, t('bankTitle')),
    importForm(root),
    el('h2', {}, t('bankAccounts')),
    accounts.length
      ? el(
          'table',
          { class: 'grid' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              [t('colAccount'), t('colInstitution'), t('colCurrency')].map((h) => el('th', {}, h)),
            ),
          ),
          el(
            'tbody',
            {},
            accounts.map((a) =>
              el('tr', {}, el('td', {}, a.name), el('td', {}, a.institution ?? '—'), el('td', {}, a.currency)),
            ),
          ),
        )
      : el('p', { class: 'empty' }, t('bankEmpty')),
    transactions.length ? el('h2', {}, t('bankTransactions')) : '',
    transactions.length
      ? el(
          'table',
          { class: 'grid' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              [
                t('colDate'),
                t('colAccount'),
                t('colDescription'),
                t('colCounterparty'),
                t('colAmount'),
                t('colStatus'),
              ].map((h) => el('th', {}, h)),
            ),
          ),
          el(
            'tbody',
            {},
            transactions.map((x) =>
              el(
                'tr',
                {},
                el('td', { class: 'date' }, x.bookedOn),
                el('td', {}, x.account),
                el('td', {}, x.description),
                el('td', {}, x.counterparty ?? '—'),
                el('td', { class: `num ${x.amount.startsWith('-') ? 'out' : 'in'}` }, money(x.amount, x.currency)),
                el('td', {}, t(`tx_${x.status}`)),
              ),
            ),
          ),
        )
      : '',
  );
}
