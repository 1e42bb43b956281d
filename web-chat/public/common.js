// Shared by every screen: the boot data the server put in the page, translations, the JSON API
// (with the session's CSRF token on every unsafe request) and a tiny DOM builder.
export const boot = JSON.parse(document.getElementById('boot').textContent);

export function t(key, values = {}) {
  const text = boot.t[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_m, name) => (name in values ? String(values[name]) : `{${name}}`));
}

export class ApiError extends Error {
  constructor(body, status) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.code = body?.error?.code ?? 'internal';
    this.details = body?.error?.details ?? null;
    this.status = status;
  }
}

export async function api(method, path, body) {
  const headers = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = boot.csrf;
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(`/app/api${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  const data = await response.json().catch(() => null);
  if (response.status === 401) location.href = `/login?next=${encodeURIComponent(location.pathname)}`;
  if (!response.ok) throw new ApiError(data, response.status);
  return data;
}

/** el('div', { class: 'x', onclick: fn }, 'text', child) — text is always text, never HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const percent = (x) => (typeof x === 'number' ? `${Math.round(x * 100)} %` : '—');

export const confidenceClass = (x) =>
  typeof x !== 'number' ? 'unknown' : x >= 0.85 ? 'high' : x >= 0.6 ? 'medium' : 'low';

export function statusBadge(status) {
  return el('span', { class: `badge status-${status}`, dataset: { status } }, t(`status_${status}`));
}

export function dateTime(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(boot.lang === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function money(amount, currency) {
  if (amount === null || amount === undefined) return '—';
  const digits = (String(amount).split('.')[1] ?? '').length;
  // Intl formats the exact decimal string (no float in between) in the person's locale.
  return new Intl.NumberFormat(boot.lang === 'fr' ? 'fr-CA' : 'en-CA', {
    style: 'currency',
    currency: currency ?? 'CAD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

let toolTitles;
export async function titles() {
  toolTitles ??= api('GET', '/tools').then(({ tools }) =>
    Object.fromEntries(tools.map((x) => [x.name, boot.toolTitles?.[x.name] ?? x.title])),
  );
  return toolTitles;
}

/**
 * Redraws the navigation's approvals count from the queue as it is now, counted as the server counts
 * it for the page (same query, same cap); asked anew rather than decremented, since others decide too.
 */
export async function refreshPendingCount() {
  const { actions: all } = await api('GET', '/actions?status=pending_approval&limit=200');
  // Only what this person may decide counts, as on the server-rendered pages.
  const actions = all.filter((a) => a.decidable);
  const link = document.querySelector('header.top nav [data-nav="approvals"]');
  link?.replaceChildren(
    t('navApprovals'),
    ...(actions.length ? [' ', el('span', { class: 'count' }, actions.length)] : []),
  );
}

export function message(kind, text) {
  return el('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/**
 * An evidence line: the factor's name in the reader's language when we have words for it, then the
 * tool's detail, written in the language of the person the action was for.
 */
export function evidenceParts(e) {
  const label = boot.evidence?.[e.factor];
  return label ? [el('span', { class: 'factor' }, label), ` — ${e.detail}`] : [e.detail];
}
