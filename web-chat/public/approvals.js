// The approvals inbox: what waits for a decision, with amount, confidence and evidence; approve,
// reject, or edit the request (JSON) and approve it; approve several at once. The door decides
// whether this person may: a refusal is shown, not hidden.
import {
  api,
  boot,
  confidenceClass,
  dateTime,
  el,
  evidenceParts,
  message,
  money,
  percent,
  refreshPendingCount,
  statusBadge,
  t,
  titles,
} from './common.js';

let names = {};

function evidenceList(action) {
  return el(
    'ul',
    { class: 'evidence' },
    action.evidence.map((e) =>
      el('li', {}, ...evidenceParts(e), ' ', el('small', {}, `(${e.weight >= 0 ? '+' : ''}${e.weight})`)),
    ),
  );
}

/** The AI's confidence; for a person's own request the score would read as if the AI had judged it, so none is shown. */
function aiConfidenceCell(action) {
  return action.byAi
    ? el('td', { class: `num confidence ${confidenceClass(action.confidence)}` }, percent(action.confidence))
    : el('td', { class: 'num muted' }, '—');
}

function row(action, refresh) {
  const status = el('td', { class: 'status' }, statusBadge(action.status));
  const feedback = el('div', { class: 'feedback' });
  const check = el('input', { type: 'checkbox', value: action.id, 'aria-label': `#${action.number}` });
  const editor = el('textarea', { class: 'json', rows: 8, spellcheck: 'false' }, JSON.stringify(action.input, null, 2));
  const editBox = el(
    'div',
    { class: 'edit-box', hidden: true },
    editor,
    el(
      'div',
      { class: 'buttons' },
      el('button', { type: 'button', class: 'primary', onclick: () => decide('approve', true) }, t('approveEdited')),
      el('button', { type: 'button', onclick: () => (editBox.hidden = true) }, t('cancel')),
    ),
  );

  async function decide(verb, edited = false) {
    let body = {};
    if (edited) {
      try {
        body = { input: JSON.parse(editor.value) };
      } catch (err) {
        feedback.replaceChildren(message('error', t('invalidJson', { error: err.message })));
        return;
      }
    }
    try {
      const out = await api('POST', `/actions/${action.id}/${verb}`, body);
      status.replaceChildren(statusBadge(out.action.status));
      feedback.replaceChildren(message(out.action.status === 'failed' ? 'error' : 'ok', out.message));
      buttons.replaceChildren();
      editBox.hidden = true;
      check.disabled = true;
      await refresh();
    } catch (err) {
      feedback.replaceChildren(message('error', err.message));
    }
  }

  const buttons = el('div', { class: 'buttons' });
  if (boot.me.canWrite && action.status === 'pending_approval') {
    buttons.append(
      el('button', { type: 'button', class: 'primary approve', onclick: () => decide('approve') }, t('approve')),
      el('button', { type: 'button', class: 'danger reject', onclick: () => decide('reject') }, t('reject')),
      el('button', { type: 'button', class: 'edit', onclick: () => (editBox.hidden = !editBox.hidden) }, t('edit')),
    );
  }
  return el(
    'tr',
    { dataset: { actionId: action.id, number: action.number } },
    el('td', {}, boot.me.canWrite ? check : ''),
    el('td', { class: 'num' }, `#${action.number}`),
    el(
      'td',
      {},
      el('strong', {}, names[action.tool] ?? action.tool),
      el('div', { class: 'muted' }, el('code', {}, action.tool)),
      action.rationale ? el('div', { class: 'why' }, t('reasonLine', { text: action.rationale })) : '',
      evidenceList(action),
      editBox,
      feedback,
    ),
    el('td', { class: 'num' }, money(action.amount, action.currency)),
    aiConfidenceCell(action),
    el('td', { class: 'num' }, action.requiredLevel),
    el('td', {}, action.byAi ? t('byAi') : t('byPerson')),
    status,
    el('td', {}, buttons),
  );
}

/** Who decided, in words: a person by name, or the policy when the AI's action ran on its own. */
function deciderText(decider) {
  if (!decider) return '';
  return t(`decided_${decider.kind}`, { name: decider.name ?? '?' });
}

function activityRow(a) {
  const status = el(
    'td',
    { class: 'status' },
    statusBadge(a.status),
    el('div', { class: 'decider muted' }, deciderText(a.decider)),
  );
  const feedback = el('div', { class: 'feedback' });
  const actions = el('td', {});
  if (boot.me.canWrite && a.undoable) {
    actions.append(
      el(
        'button',
        {
          type: 'button',
          class: 'danger undo',
          onclick: async () => {
            if (!confirm(t('undoConfirm', { n: a.number }))) return;
            try {
              const out = await api('POST', `/actions/${a.id}/undo`, {});
              status.firstChild.replaceWith(statusBadge(out.action.status));
              feedback.replaceChildren(message('ok', out.message));
              actions.replaceChildren();
              await refreshPendingCount();
            } catch (err) {
              feedback.replaceChildren(message('error', err.message));
              // Decided meanwhile (undone by someone else): show the status it has now, with nothing left to click.
              if (err.code === 'conflict' && err.details?.status) {
                status.firstChild.replaceWith(statusBadge(err.details.status));
                actions.replaceChildren();
              }
            }
          },
        },
        t('undo'),
      ),
    );
  }
  return el(
    'tr',
    { dataset: { actionId: a.id, number: a.number } },
    el('td', { class: 'num' }, `#${a.number}`),
    el(
      'td',
      {},
      names[a.tool] ?? a.tool,
      a.undoOfNumber ? el('div', { class: 'muted' }, t('undoOf', { n: a.undoOfNumber })) : '',
      feedback,
    ),
    el('td', { class: 'num' }, money(a.amount, a.currency)),
    aiConfidenceCell(a),
    el('td', {}, a.byAi ? t('byAi') : t('byPerson')),
    status,
    el('td', { class: 'when' }, dateTime(a.decider?.at ?? a.decidedAt ?? a.createdAt)),
    actions,
  );
}

function activityTable(recent) {
  if (!recent.length) return el('p', { class: 'empty' }, '—');
  return el(
    'table',
    { class: 'grid activity' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        [
          t('colNumber'),
          t('colTool'),
          t('colAmount'),
          t('colAiConfidence'),
          t('colBy'),
          t('colStatus'),
          t('colDate'),
          '',
        ].map((h) => el('th', {}, h)),
      ),
    ),
    el('tbody', {}, recent.slice(0, 30).map(activityRow)),
  );
}

function table(actions, refresh) {
  return el(
    'table',
    { class: 'grid approvals' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        [
          '',
          t('colNumber'),
          t('colTool'),
          t('colAmount'),
          t('colAiConfidence'),
          t('colLevel'),
          t('colBy'),
          t('colStatus'),
          '',
        ].map((h) => el('th', {}, h)),
      ),
    ),
    el(
      'tbody',
      {},
      actions.map((a) => row(a, refresh)),
    ),
  );
}

export async function render(root) {
  names = await titles();
  const [{ actions }, { actions: recent }] = await Promise.all([
    api('GET', '/actions?status=pending_approval'),
    api('GET', '/activity'),
  ]);
  const bulkFeedback = el('div', { class: 'feedback' });
  const activity = el('div', { class: 'activity' }, activityTable(recent));
  // A decision moves the action to the activity feed, which then says who decided it, and out of the navigation's count.
  const refresh = async () => {
    const [{ actions: latest }] = await Promise.all([api('GET', '/activity'), refreshPendingCount()]);
    activity.replaceChildren(activityTable(latest));
  };
  const pendingTable = table(actions, refresh);
  const bulk = el(
    'button',
    {
      type: 'button',
      class: 'primary',
      hidden: !boot.me.canWrite || actions.length < 2,
      onclick: async () => {
        const ids = [...pendingTable.querySelectorAll('tbody input[type=checkbox]:checked')].map((c) => c.value);
        if (!ids.length) return;
        try {
          const out = await api('POST', '/actions/bulk-approve', { ids });
          bulkFeedback.replaceChildren(
            message(out.refused ? 'warn' : 'ok', t('bulkDone', out)),
            ...out.results.filter((r) => !r.ok).map((r) => message('error', `${r.error.message}`)),
          );
          for (const r of out.results.filter((x) => x.ok)) {
            const tr = pendingTable.querySelector(`tr[data-action-id="${r.id}"]`);
            tr?.querySelector('td.status')?.replaceChildren(statusBadge(r.action.status));
            tr?.querySelector('td:last-child')?.replaceChildren();
          }
          await refresh();
        } catch (err) {
          bulkFeedback.replaceChildren(message('error', err.message));
        }
      },
    },
    t('bulkApprove'),
  );
  root.replaceChildren(
    el('h1', {}, t('approvalsTitle')),
    actions.length
      ? el('div', {}, el('div', { class: 'toolbar' }, bulk), bulkFeedback, pendingTable)
      : el('p', { class: 'empty' }, t('approvalsEmpty')),
    el('h2', {}, t('recentActivity')),
    activity,
  );
}
