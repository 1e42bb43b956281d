/**
 * One register screen for every kind of record, drawn from a column definition: a search box and
 * filters (a plain GET form), sortable column headers, the page of rows the list tool returned and
 * links to the other pages. On a phone each row becomes a card (the same markup, see app.css), so
 * nothing scrolls sideways.
 */
import type { Child } from 'hono/jsx';
import type { Lang } from '../../tools/context.ts';
import { catalogue, type MessageKey, tr } from '../i18n.ts';
import { type Frame, Layout } from './layout.tsx';
import { integer } from './locale-format.ts';

export interface Column<R> {
  label: MessageKey;
  cell: (row: R, lang: Lang) => Child;
  /** The list tool's sort value for this column, when it can sort by it. */
  sort?: string;
  num?: boolean;
  /** The cell that links to the record's page (one per register). */
  primary?: boolean;
}

export interface Filter {
  /** The query-string parameter, also the form field's name. */
  param: string;
  label: MessageKey;
  options: { value: string; label: string }[];
}

export interface RegisterState {
  query: string;
  sort: string;
  direction: 'asc' | 'desc';
  /** Chosen filter values by param. */
  filters: Record<string, string>;
  offset: number;
  limit: number;
  total: number;
}

export interface RegisterProps<R> extends Frame {
  name: string;
  title: string;
  columns: Column<R>[];
  filters: Filter[];
  rows: R[];
  href: (row: R) => string | null;
  state: RegisterState;
  /** Registers, for the switcher above every register. */
  registers: { name: string; title: string }[];
}

/** The register's URL with some of its state changed: sort links and page links keep the rest. */
export function registerUrl(name: string, s: RegisterState, change: Partial<RegisterState>): string {
  const next = { ...s, ...change };
  const params = new URLSearchParams();
  if (next.query) params.set('q', next.query);
  for (const [k, v] of Object.entries(next.filters)) if (v) params.set(k, v);
  params.set('sort', next.sort);
  params.set('dir', next.direction);
  if (next.offset) params.set('page', String(Math.floor(next.offset / next.limit) + 1));
  return `/app/registers/${name}?${params}`;
}

export function RegisterSwitch(p: { registers: { name: string; title: string }[]; current: string; lang: Lang }) {
  return (
    <nav class="register-switch" aria-label={catalogue[p.lang].regRegisters}>
      {p.registers.map((r) => (
        <a
          href={`/app/registers/${r.name}`}
          class={r.name === p.current ? 'active' : ''}
          aria-current={r.name === p.current ? 'page' : undefined}
        >
          {r.title}
        </a>
      ))}
    </nav>
  );
}

export function RegisterPage<R>(p: RegisterProps<R>) {
  const t = catalogue[p.lang];
  const s = p.state;
  const pages = Math.max(1, Math.ceil(s.total / s.limit));
  const page = Math.floor(s.offset / s.limit) + 1;
  const first = s.total ? s.offset + 1 : 0;
  const last = Math.min(s.offset + p.rows.length, s.total);
  return (
    <Layout {...p} page="registers" title={p.title}>
      <RegisterSwitch registers={p.registers} current={p.name} lang={p.lang} />
      <h1>{p.title}</h1>
      <form method="get" action={`/app/registers/${p.name}`} class="register-filters" aria-label={t.regSearch}>
        <label>
          <span>{t.regSearch}</span>
          <input type="search" name="q" value={s.query} maxlength={200} />
        </label>
        {p.filters.map((f) => (
          <label>
            <span>{t[f.label]}</span>
            <select name={f.param}>
              <option value="">{t.regAll}</option>
              {f.options.map((o) => (
                <option value={o.value} selected={s.filters[f.param] === o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <input type="hidden" name="sort" value={s.sort} />
        <input type="hidden" name="dir" value={s.direction} />
        <button type="submit" class="primary">
          {t.regApply}
        </button>
      </form>
      <p class="register-count muted" aria-live="polite">
        {s.total
          ? tr(p.lang, 'regShowing', {
              first: integer(first, p.lang),
              last: integer(last, p.lang),
              total: integer(s.total, p.lang),
            })
          : t.regNone}
      </p>
      {p.rows.length ? (
        <table class="register" data-register={p.name}>
          <thead>
            <tr>
              {p.columns.map((c) => {
                const active = c.sort && c.sort === s.sort;
                const direction = active && s.direction === 'asc' ? 'desc' : 'asc';
                return (
                  <th
                    scope="col"
                    class={c.num ? 'num' : undefined}
                    aria-sort={active ? (s.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {c.sort ? (
                      <a href={registerUrl(p.name, s, { sort: c.sort, direction, offset: 0 })}>
                        {t[c.label]}
                        {active ? (s.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                      </a>
                    ) : (
                      t[c.label]
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((row) => {
              const href = p.href(row);
              return (
                <tr>
                  {p.columns.map((c) => (
                    <td
                      class={[c.num ? 'num' : '', c.primary ? 'primary' : ''].join(' ').trim() || undefined}
                      data-label={t[c.label]}
                    >
                      {c.primary && href ? <a href={href}>{c.cell(row, p.lang)}</a> : c.cell(row, p.lang)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {pages > 1 ? (
        <nav class="pager" aria-label={t.regPages}>
          {page > 1 ? (
            <a href={registerUrl(p.name, s, { offset: (page - 2) * s.limit })} rel="prev">
              {t.regPrevious}
            </a>
          ) : (
            <span class="muted">{t.regPrevious}</span>
          )}
          <span>{tr(p.lang, 'regPageOf', { page: integer(page, p.lang), pages: integer(pages, p.lang) })}</span>
          {page < pages ? (
            <a href={registerUrl(p.name, s, { offset: page * s.limit })} rel="next">
              {t.regNext}
            </a>
          ) : (
            <span class="muted">{t.regNext}</span>
          )}
        </nav>
      ) : null}
    </Layout>
  );
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span class={`badge status-${status}`} data-status={status}>
      {label}
    </span>
  );
}
