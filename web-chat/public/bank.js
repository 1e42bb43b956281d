// Bank accounts and imported transactions, read-only until Comptoir has banking tools.
import { api, el, money, t } from './common.js';

export async function render(root) {
  const { accounts, transactions } = await api('GET', '/bank');
  root.replaceChildren(
    el('h1', {}, t('bankTitle')),
    el('p', { class: 'notice warn' }, t('bankReadOnly')),
    el('h2', {}, t('bankAccounts')),
    accounts.length
      ? el('table', { class: 'grid' },
        el('thead', {}, el('tr', {}, [t('colAccount'), t('colInstitution'), t('colCurrency')].map((h) => el('th', {}, h)))),
        el('tbody', {}, accounts.map((a) => el('tr', {}, el('td', {}, a.name), el('td', {}, a.institution ?? '—'), el('td', {}, a.currency)))))
      : el('p', { class: 'empty' }, t('bankEmpty')),
    transactions.length ? el('h2', {}, t('bankTransactions')) : '',
    transactions.length
      ? el('table', { class: 'grid' },
        el('thead', {}, el('tr', {}, [t('colDate'), t('colAccount'), t('colDescription'), t('colCounterparty'), t('colAmount'), t('colStatus')].map((h) => el('th', {}, h)))),
        el('tbody', {}, transactions.map((x) => el('tr', {},
          el('td', {}, x.bookedOn), el('td', {}, x.account), el('td', {}, x.description), el('td', {}, x.counterparty ?? '—'),
          el('td', { class: `num ${x.amount.startsWith('-') ? 'out' : 'in'}` }, money(x.amount, x.currency)), el('td', {}, t(`tx_${x.status}`))))))
      : '',
  );
}
