/**
 * The bank screen, server-rendered: the statement import (with the CSV column mapping form when a
 * CSV does not read by itself), the accounts, and the reconciliation list — each unmatched bank line
 * with its suggestions as the documents they would pay (number, party, amount, difference), a
 * confidence bar and the evidence in sentences; confirm (a group of invoices is a split; a fee may be
 * written off) or reject, as plain forms. Filters and pages are query parameters read on the server.
 * Every line is a block, not a table row, so a phone shows it whole without scrolling sideways.
 */
import type { Lang } from '../../tools/context.ts';
import { formatAmount, fromMinor, toMinor } from '../../tools/money.ts';
import { catalogue, tr, type MessageKey } from '../i18n.ts';
import { type Frame, Layout } from './layout.tsx';

export interface RecTarget {
  kind: 'invoice' | 'bill';
  id: string;
  number: string;
  party: string;
  balance: string;
  amount: string;
}
export interface RecCandidate {
  kind: 'exact' | 'short' | 'partial' | 'over' | 'group';
  chosen: boolean;
  confidence: number;
  targets: RecTarget[];
  fee: string;
  unapplied: string;
  evidence: { factor: string; weight: number; detail: string }[];
  holds: { reason: string; detail: string }[];
}
export interface RecLine {
  transaction: {
    id: string;
    bookedOn: string;
    amount: string;
    currency: string;
    description: string;
    counterparty: string | null;
    reference: string | null;
  };
  duplicateOf: string | null;
  candidates: RecCandidate[];
}
export interface BankAccountRow {
  id: string;
  name: string;
  institution: string | null;
  number: string | null;
  currency: string;
  csvMappingSaved: boolean;
}
export interface Filters {
  direction: '' | 'in' | 'out';
  search: string;
  withCandidatesOnly: boolean;
  offset: number;
}
export interface MappingForm {
  content: string;
  fileName: string;
  accountId: string;
  columns: number;
  rows: string[][];
  /** What the form holds: the person's last choice, else the saved mapping, else nothing. */
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
}
export interface BankData extends Frame {
  accounts: BankAccountRow[];
  lines: RecLine[];
  total: number;
  limit: number;
  filters: Filters;
  flash: { kind: 'ok' | 'error'; text: string } | null;
  mapping: MappingForm | null;
  /** One line shown alone (its own address), or the list. */
  single: boolean;
  /** Whether the reader may import and decide (viewers only read). */
  canAct: boolean;
}

const money = (amount: string, currency: string, lang: Lang) => formatAmount(amount, currency, lang);
const percent = (x: number, lang: Lang) => (lang === 'fr' ? `${Math.round(x * 100)} %` : `${Math.round(x * 100)}%`);
const day = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T12:00:00Z`),
  );
const isZero = (amount: string) => /^-?0+(\.0+)?$/.test(amount);

/** The query string of the list with these filters (and page), for links and the forms' way back. */
export function listQuery(f: Filters, offset = f.offset): string {
  const q = new URLSearchParams();
  if (f.direction) q.set('direction', f.direction);
  if (f.search) q.set('q', f.search);
  if (f.withCandidatesOnly) q.set('suggested', '1');
  if (offset) q.set('offset', String(offset));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

function ImportForm(p: BankData) {
  const t = catalogue[p.lang];
  return (
    <section class="card bank-import" aria-labelledby="import-title">
      <h2 id="import-title">{t.rec_importTitle}</h2>
      <p class="muted">{t.rec_importHelp}</p>
      <form method="post" action="/app/bank/import" enctype="multipart/form-data" class="import-form">
        <Csrf token={p.browser.csrfToken} />
        <div class="form-field">
          <label for="statement-file">{t.rec_file}</label>
          <input
            id="statement-file"
            type="file"
            name="statement"
            accept=".xml,.sta,.940,.942,.txt,.ofx,.qfx,.csv"
            required
          />
        </div>
        <div class="form-field">
          <label for="statement-account">{t.rec_account}</label>
          <select id="statement-account" name="accountId">
            <option value="">{t.rec_accountFromFile}</option>
            {p.accounts.map((a) => (
              <option value={a.id}>
                {a.name}
                {a.number && a.number !== a.name ? ` · ${a.number}` : ''} ({a.currency})
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t.rec_importButton}</button>
      </form>
    </section>
  );
}

function ColumnSelect(p: {
  lang: Lang;
  name: string;
  label: string;
  columns: number;
  values: Record<string, string>;
  errors: Record<string, string>;
  optional: boolean;
}) {
  const t = catalogue[p.lang];
  const id = `map-${p.name}`;
  const error = p.errors[p.name];
  return (
    <div class={`form-field${error ? ' has-error' : ''}`}>
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name} aria-describedby={error ? `${id}-error` : undefined}>
        {p.optional ? <option value="">{t.rec_none}</option> : null}
        {Array.from({ length: p.columns }, (_, i) => (
          <option value={String(i)} selected={p.values[p.name] === String(i)}>
            {tr(p.lang, 'rec_column', { n: i + 1 })}
          </option>
        ))}
      </select>
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The CSV column mapping, with the file's first rows to read the columns from. */
function MappingFormView({ p, m }: { p: BankData; m: MappingForm }) {
  const t = catalogue[p.lang];
  const common = { lang: p.lang, columns: m.columns, values: m.values, errors: m.fieldErrors };
  return (
    <section class="card csv-mapping" aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t.rec_mapTitle}</h2>
      <p>{t.rec_mapHelp}</p>
      <h3>{t.rec_mapPreview}</h3>
      <section class="table-scroll" tabindex={0} aria-label={t.rec_mapPreview}>
        <table class="lines csv-preview">
          <thead>
            <tr>
              {Array.from({ length: m.columns }, (_, i) => (
                <th scope="col">{tr(p.lang, 'rec_column', { n: i + 1 })}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.rows.map((row) => (
              <tr>
                {Array.from({ length: m.columns }, (_, i) => (
                  <td>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <form method="post" action="/app/bank/import" class="tool-form mapping-form">
        <Csrf token={p.browser.csrfToken} />
        <input type="hidden" name="content" value={m.content} />
        <input type="hidden" name="fileName" value={m.fileName} />
        <input type="hidden" name="accountId" value={m.accountId} />
        <input type="hidden" name="mapping" value="1" />
        <label class="check">
          <input type="checkbox" name="header" value="1" checked={m.values.header === '1'} /> {t.rec_header}
        </label>
        <ColumnSelect {...common} name="date" label={t.rec_dateCol} optional={false} />
        <div class="form-field">
          <label for="map-dateFormat">{t.rec_dateFormat}</label>
          <select id="map-dateFormat" name="dateFormat">
            {['dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd'].map((f) => (
              <option value={f} selected={m.values.dateFormat === f}>
                {f}
              </option>
            ))}
          </select>
        </div>
        <p class="muted">{t.rec_mapAmountHelp}</p>
        <ColumnSelect {...common} name="amount" label={t.rec_amountCol} optional={true} />
        <ColumnSelect {...common} name="debit" label={t.rec_debitCol} optional={true} />
        <ColumnSelect {...common} name="credit" label={t.rec_creditCol} optional={true} />
        <label class="check">
          <input type="checkbox" name="decimalComma" value="1" checked={m.values.decimalComma === '1'} />{' '}
          {t.rec_decimalComma}
        </label>
        <ColumnSelect {...common} name="description" label={t.rec_descriptionCol} optional={false} />
        <ColumnSelect {...common} name="reference" label={t.rec_referenceCol} optional={true} />
        <ColumnSelect {...common} name="counterparty" label={t.rec_counterpartyCol} optional={true} />
        <button type="submit">{t.rec_mapButton}</button>
      </form>
    </section>
  );
}

function Accounts(p: BankData) {
  const t = catalogue[p.lang];
  if (!p.accounts.length) return null;
  return (
    <section class="card" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t.rec_accounts}</h2>
      <ul class="accounts">
        {p.accounts.map((a) => (
          <li>
            <strong>{a.name}</strong>
            {a.institution ? ` · ${a.institution}` : ''} · {a.currency}
            <span class="muted">
              {' '}
              · {tr(p.lang, 'rec_mappingSaved', { value: a.csvMappingSaved ? t.choice_true : t.rec_mappingNone })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FiltersForm(p: BankData) {
  const t = catalogue[p.lang];
  const f = p.filters;
  return (
    <form method="get" action="/app/bank" class="filters" aria-label={t.rec_filters}>
      <div class="form-field">
        <label for="f-direction">{t.rec_direction}</label>
        <select id="f-direction" name="direction">
          <option value="">{t.rec_dirAll}</option>
          <option value="in" selected={f.direction === 'in'}>
            {t.rec_dirIn}
          </option>
          <option value="out" selected={f.direction === 'out'}>
            {t.rec_dirOut}
          </option>
        </select>
      </div>
      <div class="form-field">
        <label for="f-search">{t.rec_search}</label>
        <input id="f-search" type="search" name="q" value={f.search} maxlength={100} />
      </div>
      <label class="check">
        <input type="checkbox" name="suggested" value="1" checked={f.withCandidatesOnly} /> {t.rec_withCandidates}
      </label>
      <button type="submit">{t.rec_apply}</button>
    </form>
  );
}

function Candidate({ p, line, c, n }: { p: BankData; line: RecLine; c: RecCandidate; n: number }) {
  const t = catalogue[p.lang];
  const lang = p.lang;
  const cur = line.transaction.currency;
  const level = c.confidence >= 0.85 ? 'high' : c.confidence >= 0.6 ? 'medium' : 'low';
  const confidence = tr(lang, 'rec_confidence', {
    value: percent(c.confidence, lang),
    level: t[`rec_level_${level}` as MessageKey],
  });
  const difference = !isZero(c.fee)
    ? tr(lang, 'rec_feeLeft', { amount: money(c.fee, cur, lang) })
    : !isZero(c.unapplied)
      ? tr(lang, 'rec_unapplied', { amount: money(c.unapplied, cur, lang) })
      : t.rec_noDifference;
  const id = `cand-${line.transaction.id}-${n}`;
  // One document: the line pays what it holds, up to the balance (a short payment applies the line,
  // the fee being the rest). Several: the engine's split, each part as given.
  const lineCents = toMinor(line.transaction.amount.replace(/^-/, ''), cur);
  const applied = (x: RecTarget) => {
    if (c.targets.length > 1) return x.amount;
    const cents = toMinor(x.amount, cur);
    return fromMinor(cents < lineCents ? cents : lineCents, cur);
  };
  return (
    <li class={`candidate${c.chosen ? ' chosen' : ''}`} aria-labelledby={id}>
      <h4 id={id}>
        {t[`rec_kind_${c.kind}` as MessageKey]}
        {c.chosen ? <span class="badge chosen-badge"> {t.rec_chosen}</span> : null}
      </h4>
      <ul class="targets">
        {c.targets.map((x) => (
          <li>
            <strong class="target-number">
              {t[`rec_target_${x.kind}` as MessageKey]} {x.number}
            </strong>{' '}
            · <span class="party">{x.party}</span>
            <br />
            <span class="num">
              {tr(lang, 'rec_applied', { amount: money(applied(x), cur, lang), balance: money(x.balance, cur, lang) })}
            </span>
          </li>
        ))}
      </ul>
      <p class="difference">{tr(lang, 'rec_difference', { value: difference })}</p>
      <p class="score">
        <span>{confidence}</span>
        <meter
          class={`bar ${level}`}
          min={0}
          max={1}
          low={0.6}
          high={0.85}
          optimum={1}
          value={c.confidence}
          aria-label={confidence}
        />
      </p>
      <details class="why">
        <summary>{t.rec_why}</summary>
        <ul class="evidence">
          {c.evidence.map((e) => (
            <li class={e.weight >= 0 ? 'good' : 'bad'}>
              <span class="mark" aria-hidden="true">
                {e.weight >= 0 ? '✓' : '!'}
              </span>
              <span class="sr-only">{e.weight >= 0 ? t.supports : t.weakens}: </span>
              {e.detail}
            </li>
          ))}
        </ul>
        {c.holds.length ? (
          <>
            <h5>{t.rec_holds}</h5>
            <ul>
              {c.holds.map((h) => (
                <li>{h.detail}</li>
              ))}
            </ul>
          </>
        ) : null}
      </details>
      {p.canAct ? (
        <div class="decide">
          <form method="post" action={`/app/bank/lines/${line.transaction.id}/confirm${listQuery(p.filters)}`}>
            <Csrf token={p.browser.csrfToken} />
            {c.targets.map((x) => (
              <input
                type="hidden"
                name="target"
                value={c.targets.length > 1 ? `${x.kind}:${x.id}:${x.amount}` : `${x.kind}:${x.id}`}
              />
            ))}
            {c.kind === 'short' && c.targets.length === 1 && c.targets[0]!.kind === 'invoice' ? (
              <label class="check">
                <input type="checkbox" name="writeOffFee" value="1" />{' '}
                {tr(lang, 'rec_writeOff', { amount: money(c.fee, cur, lang) })}
              </label>
            ) : null}
            <button type="submit" class="primary confirm">
              {t.rec_confirm}
            </button>
          </form>
          {c.targets.length === 1 ? (
            <form method="post" action={`/app/bank/lines/${line.transaction.id}/reject${listQuery(p.filters)}`}>
              <Csrf token={p.browser.csrfToken} />
              <input type="hidden" name="targetKind" value={c.targets[0]!.kind} />
              <input type="hidden" name="targetId" value={c.targets[0]!.id} />
              <button type="submit" class="danger reject">
                {t.rec_reject}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function Line({ p, line }: { p: BankData; line: RecLine }) {
  const t = catalogue[p.lang];
  const x = line.transaction;
  const incoming = !x.amount.startsWith('-');
  const titleId = `line-${x.id}-title`;
  return (
    <article class="card rec-line" id={`line-${x.id}`} data-line={x.id} aria-labelledby={titleId}>
      <h3 id={titleId} class="line-head">
        <a href={`/app/bank/lines/${x.id}`}>{tr(p.lang, 'rec_lineTitle', { date: day(x.bookedOn, p.lang) })}</a>{' '}
        <span class={`num amount ${incoming ? 'in' : 'out'}`}>
          <span class="sr-only">{incoming ? t.rec_amountIn : t.rec_amountOut} </span>
          {money(x.amount, x.currency, p.lang)}
        </span>
      </h3>
      <p class="line-text">
        {x.counterparty ? <strong>{x.counterparty} · </strong> : null}
        {x.description}
        {x.reference ? (
          <span class="muted">
            {' '}
            · {t.rec_reference} {x.reference}
          </span>
        ) : null}
      </p>
      {line.duplicateOf ? <p class="notice warn">{t.rec_duplicate}</p> : null}
      {line.candidates.length ? (
        <ol class="candidates" aria-label={t.rec_suggestions}>
          {line.candidates.map((c, n) => (
            <Candidate p={p} line={line} c={c} n={n} />
          ))}
        </ol>
      ) : (
        <p class="muted">{t.rec_noCandidate}</p>
      )}
    </article>
  );
}

function Pager(p: BankData) {
  const t = catalogue[p.lang];
  const { offset } = p.filters;
  const from = p.total ? offset + 1 : 0;
  const to = Math.min(offset + p.limit, p.total);
  return (
    <nav class="pager" aria-label={t.rec_pages}>
      <span>{tr(p.lang, 'rec_range', { from, to, total: p.total })}</span>
      {offset > 0 ? (
        <a href={`/app/bank${listQuery(p.filters, Math.max(0, offset - p.limit))}`} rel="prev">
          {t.rec_prev}
        </a>
      ) : null}
      {to < p.total ? (
        <a href={`/app/bank${listQuery(p.filters, offset + p.limit)}`} rel="next">
          {t.rec_next}
        </a>
      ) : null}
    </nav>
  );
}

export function BankPage(p: BankData) {
  const t = catalogue[p.lang];
  return (
    <Layout {...p} page="bank" title={t.rec_title}>
      <h1>{t.rec_title}</h1>
      {p.flash ? (
        <p class={`notice ${p.flash.kind} flash`} role={p.flash.kind === 'error' ? 'alert' : 'status'}>
          {p.flash.text}
        </p>
      ) : null}
      {p.single ? (
        <p>
          <a href="/app/bank">{t.rec_back}</a>
        </p>
      ) : (
        <>
          {p.mapping ? <MappingFormView p={p} m={p.mapping} /> : null}
          {p.canAct && !p.mapping ? <ImportForm {...p} /> : null}
          <Accounts {...p} />
        </>
      )}
      <section class="reconcile" aria-labelledby="rec-title">
        <h2 id="rec-title">{t.rec_toReconcile}</h2>
        {p.single ? null : <FiltersForm {...p} />}
        {p.single ? null : <Pager {...p} />}
        {p.lines.length ? p.lines.map((line) => <Line p={p} line={line} />) : <p class="empty">{t.rec_emptyList}</p>}
        {!p.single && p.total > p.limit ? <Pager {...p} /> : null}
      </section>
    </Layout>
  );
}
