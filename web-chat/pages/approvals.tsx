/**
 * The approvals inbox, server-rendered: each action this person may decide shown as the document it
 * will become (parties, lines, taxes, totals, match differences) beside the document or email it came
 * from, why it waits and on what its confidence rests, in sentences; approve, or reject with a reason,
 * as plain forms. Actions others must decide are listed apart, without buttons; the activity feed
 * follows with its undo.
 */
import type { ProposalPreview, RecordView } from '../../tools/actions/preview.ts';
import type { Lang, Role } from '../../tools/context.ts';
import { formatAmount } from '../../tools/money.ts';
import { catalogue, tr, type MessageKey } from '../i18n.ts';
import { evidenceLabels } from '../tool-words.ts';
import { type Frame, Layout } from './layout.tsx';
import { type Choices, type FieldSchema, SchemaFields } from './action-form.tsx';
import { ReadFields } from './read-fields.tsx';

export interface InboxAction {
  id: string;
  number: number;
  tool: string;
  status: string;
  source: string;
  byAi: boolean;
  confidence: number;
  evidence: { factor: string; weight: number; detail: string }[];
  rationale: string | null;
  requiredLevel: number;
  amount: string | null;
  currency: string | null;
  createdAt: string;
  decidedAt: string | null;
  expiresAt: string | null;
  decidable: boolean;
  undoable: boolean;
  undoOfNumber: number | null;
  requester: { name: string; language: Lang } | null;
  decider: { kind: 'approved' | 'rejected' | 'self' | 'automatic'; name: string | null; at: string | null } | null;
  decision: unknown;
  input: unknown;
}

export interface InboxData extends Frame {
  pending: number;
  toDecide: { action: InboxAction; preview: ProposalPreview }[];
  others: InboxAction[];
  activity: InboxAction[];
  titles: Record<string, string>;
  flash: { kind: 'ok' | 'error'; text: string } | null;
  /** A refused decision, shown on the action it was about, with what the person typed. */
  refused: {
    actionId: string;
    message: string;
    note: string;
    /** For a refused edit: the door's errors by field, and the request as the person edited it. */
    fieldErrors?: Record<string, string>;
    edited?: Record<string, unknown>;
  } | null;
  /** Each pending action's tool input schema, for its edit form. */
  schemas: Record<string, FieldSchema>;
  /** The records each reference field may point to (suppliers, products…), for the edit forms' pickers. */
  choices: Choices;
}

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-CA' : 'en-CA');
const money = (amount: string | null, currency: string | null, lang: Lang) =>
  amount === null ? '—' : formatAmount(amount, currency ?? 'CAD', lang);
/** Quantities as decimal strings ("2.500"), written without trailing zeros in the reader's notation. */
const quantity = (q: string, lang: Lang) => {
  const trimmed = q.includes('.') ? q.replace(/0+$/, '').replace(/\.$/, '') : q;
  return lang === 'fr' ? trimmed.replace('.', ',') : trimmed;
};
const day = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T12:00:00Z`),
  );
const when = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(iso),
  );
const percent = (x: number, lang: Lang) => (lang === 'fr' ? `${Math.round(x * 100)} %` : `${Math.round(x * 100)}%`);

function StatusBadge({ status, lang }: { status: string; lang: Lang }) {
  const key = `status_${status}` as MessageKey;
  return (
    <span class={`badge status-${status}`} data-status={status}>
      {catalogue[lang][key] ?? status}
    </span>
  );
}

/** The record as it will read: a compact document, its lines a table that scrolls inside itself on phones. */
export function RecordDocument({ record, lang }: { record: RecordView; lang: Lang }) {
  const t = catalogue[lang];
  const m = (a: string) => money(a, record.currency, lang);
  return (
    <section class="record" aria-label={t[`kind_${record.kind}`]}>
      <header class="record-head">
        <div>
          <strong class="record-kind">{t[`kind_${record.kind}`]}</strong>{' '}
          <span class="record-number">{record.number ?? t.recordNew}</span>
        </div>
        {record.statusLabel ? <span class="muted record-status">{record.statusLabel}</span> : null}
      </header>
      <dl class="record-facts">
        <dt>{t[`party_${record.party.role}`]}</dt>
        <dd class="party">{record.party.name}</dd>
        <dt>{t.docDate}</dt>
        <dd>{day(record.date, lang)}</dd>
        {record.dueDate ? (
          <>
            <dt>{record.kind === 'purchase_order' ? t.docExpected : t.docDue}</dt>
            <dd>{day(record.dueDate, lang)}</dd>
          </>
        ) : null}
        {record.purchaseOrder ? (
          <>
            <dt>{t.kind_purchase_order}</dt>
            <dd>{record.purchaseOrder.number}</dd>
          </>
        ) : null}
      </dl>
      {/* Focusable so a keyboard can scroll the lines on a narrow screen. */}
      <section class="table-scroll" tabindex={0} aria-label={t[`kind_${record.kind}`]}>
        <table class="lines">
          <thead>
            <tr>
              <th scope="col">{t.colDescription}</th>
              <th scope="col" class="num">
                {t.colQuantity}
              </th>
              <th scope="col" class="num">
                {t.colUnitPrice}
              </th>
              <th scope="col" class="num">
                {t.colLineTotal}
              </th>
            </tr>
          </thead>
          <tbody>
            {record.lines.map((l) => (
              <tr>
                <td>{l.description}</td>
                <td class="num">{quantity(l.quantity, lang)}</td>
                <td class="num">{m(l.unitPrice)}</td>
                <td class="num">{m(l.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <dl class="totals">
        <dt>{t.subtotal}</dt>
        <dd>{m(record.subtotal)}</dd>
        {record.taxes.map((x) => (
          <>
            <dt>{x.label}</dt>
            <dd>{m(x.amount)}</dd>
          </>
        ))}
        <dt class="grand">{t.total}</dt>
        <dd class="grand total">{m(record.total)}</dd>
      </dl>
      {record.differences.length ? (
        <div class="notice warn differences">
          <strong>{t.matchDifferences}</strong>
          <ul>
            {record.differences.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** Who or what asked, with a way to go and look. */
function Origin({ a, preview, lang }: { a: InboxAction; preview: ProposalPreview | null; lang: Lang }) {
  const name = a.requester?.name ?? '?';
  if (!a.byAi) return <p class="origin">{tr(lang, 'askedByPerson', { name })}</p>;
  if (a.source === 'email' && preview?.email)
    return (
      <p class="origin">
        {tr(lang, 'askedByAiEmail', { from: preview.email.from })}
        {preview.email.subject ? (
          <span class="muted"> · {tr(lang, 'emailSubject', { subject: preview.email.subject })}</span>
        ) : null}
      </p>
    );
  if (a.source === 'chat')
    return (
      <p class="origin">
        {tr(lang, 'askedByAiChat', { name })} · <a href="/app">{catalogue[lang].openChat}</a>
      </p>
    );
  if (a.source === 'mcp') return <p class="origin">{tr(lang, 'askedByAiMcp', { name })}</p>;
  if (a.source === 'job') return <p class="origin">{catalogue[lang].askedByAiJob}</p>;
  return <p class="origin">{tr(lang, 'askedByAiOther', { name })}</p>;
}

/** Evidence as sentences: the factor in the reader's words, the tool's detail when written in their language. */
function Evidence({ a, lang }: { a: InboxAction; lang: Lang }) {
  const t = catalogue[lang];
  if (!a.byAi) return <p class="muted score-none">{t.personNoScore}</p>;
  const level = a.confidence >= 0.85 ? 'high' : a.confidence >= 0.6 ? 'medium' : 'low';
  const sameLanguage = a.requester?.language === lang;
  return (
    <div class="evidence-box">
      <p class="score">
        <span>{tr(lang, 'aiConfidenceLabel', { value: percent(a.confidence, lang) })}</span>
        <meter
          class={`bar ${level}`}
          min={0}
          max={1}
          low={0.6}
          high={0.85}
          optimum={1}
          value={a.confidence}
          aria-label={tr(lang, 'aiConfidenceLabel', { value: percent(a.confidence, lang) })}
        />
      </p>
      <h4>{t.evidenceTitle}</h4>
      <ul class="evidence">
        {a.evidence.map((e) => {
          const label = evidenceLabels[lang][e.factor];
          const sentence = label ? (sameLanguage ? `${label} — ${e.detail}` : `${label}.`) : e.detail;
          const good = e.weight >= 0;
          return (
            <li class={good ? 'good' : 'bad'}>
              <span class="mark" aria-hidden="true">
                {good ? '✓' : '!'}
              </span>
              <span class="sr-only">{good ? t.supports : t.weakens}: </span>
              {sentence}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const ROLE_ORDER: Role[] = ['buyer', 'accountant', 'manager', 'admin'];

function WhyItWaits({ a, lang }: { a: InboxAction; lang: Lang }) {
  const t = catalogue[lang];
  const decision = (a.decision ?? {}) as { reasons?: string[]; approvers?: Role[] };
  const name = a.requester?.name ?? '?';
  const reasons = (decision.reasons ?? [])
    .map((r) => `waits_${r}` as MessageKey)
    .filter((k) => k in t)
    .map((k) => tr(lang, k, { name }));
  const byAmount = (decision.reasons ?? []).some((r) => r === 'amount_needs_level' || r === 'above_approval_limit');
  const roles = ROLE_ORDER.filter((r) => decision.approvers?.includes(r)).map((r) => t[`role_${r}` as MessageKey]);
  return (
    <div class="why-waits">
      <h4>{t.whyWaits}</h4>
      <ul>
        {reasons.map((r) => (
          <li>{r}</li>
        ))}
        {byAmount ? <li>{tr(lang, 'levelLine', { level: a.requiredLevel })}</li> : null}
        {roles.length ? <li>{tr(lang, 'whoDecides', { roles: roles.join(', ') })}</li> : null}
      </ul>
      {a.rationale ? <p class="why">{tr(lang, 'reasonLine', { text: a.rationale })}</p> : null}
    </div>
  );
}

function SourcePane({ preview, lang }: { preview: ProposalPreview; lang: Lang }) {
  const t = catalogue[lang];
  const doc = preview.document;
  if (!doc) return null;
  const href = `/app/documents/${doc.id}/file`;
  return (
    <aside class="source" aria-label={t.sourceDocument}>
      <h4>{t.sourceDocument}</h4>
      <p>
        <a href={href} target="_blank" rel="noopener" class="open-document">
          {tr(lang, 'openDocument', { name: doc.filename })}
        </a>
      </p>
      {doc.mimeType === 'application/pdf' || doc.mimeType.startsWith('image/') ? (
        <iframe class="doc-frame" src={href} title={doc.filename} loading="lazy" />
      ) : null}
      <ReadFields document={doc} lang={lang} />
    </aside>
  );
}

/** What an edit may not change: the record the action is about, and the document it was read from. */
const FIXED_IN_EDIT: ReadonlySet<string> = new Set(['orderId', 'billId', 'invoiceId', 'documentId']);

/** A request's values as its form shows them: numbers and yes/no as text. */
function stringValues(v: unknown): Record<string, unknown> {
  if (Array.isArray(v)) return v.map(stringValues) as unknown as Record<string, unknown>;
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, x !== null && typeof x === 'object' ? stringValues(x) : x]),
    );
  return v as Record<string, unknown>;
}

function Card({ a, preview, data }: { a: InboxAction; preview: ProposalPreview; data: InboxData }) {
  const { lang } = data;
  const t = catalogue[lang];
  const csrf = data.browser.csrfToken;
  const refused = data.refused?.actionId === a.id ? data.refused : null;
  const noteId = `note-${a.number}`;
  return (
    <article class="proposal" id={`action-${a.number}`} data-action-id={a.id} data-number={a.number}>
      <header class="proposal-head">
        <input
          type="checkbox"
          form="bulk"
          name="ids"
          value={a.id}
          aria-label={tr(lang, 'selectAction', { n: a.number })}
        />
        <h3>{tr(lang, 'action_title', { n: a.number, title: data.titles[a.tool] ?? a.tool })}</h3>
        <StatusBadge status={a.status} lang={lang} />
      </header>
      <Origin a={a} preview={preview} lang={lang} />
      <div class={preview.document ? 'proposal-body with-source' : 'proposal-body'}>
        <div>
          {preview.record ? (
            <RecordDocument record={preview.record} lang={lang} />
          ) : preview.problem ? (
            <p class="notice warn problem">{tr(lang, 'previewProblem', { text: preview.problem })}</p>
          ) : (
            <p class="muted">
              {t.noPreview} {a.amount ? money(a.amount, a.currency, lang) : ''}
            </p>
          )}
        </div>
        <SourcePane preview={preview} lang={lang} />
      </div>
      <div class="proposal-facts">
        <WhyItWaits a={a} lang={lang} />
        <Evidence a={a} lang={lang} />
      </div>
      {a.expiresAt ? <p class="muted">{tr(lang, 'decideBy', { date: when(a.expiresAt, lang) })} UTC</p> : null}
      {refused?.message ? (
        <p class="notice error" role="alert">
          {refused.message}
        </p>
      ) : null}
      {data.schemas[a.tool] ? (
        <details class="edit-request" open={refused?.fieldErrors ? true : undefined} id={`edit-${a.number}`}>
          <summary>{t.editRequest}</summary>
          <form method="post" action={`/app/approvals/${a.id}/approve-edited`} class="tool-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <SchemaFields
              schema={data.schemas[a.tool]!}
              value={stringValues(refused?.edited ?? a.input ?? {})}
              lang={lang}
              errors={refused?.fieldErrors ?? {}}
              choices={data.choices}
              idPrefix={`edit-${a.number}`}
              fixed={FIXED_IN_EDIT}
            />
            <button type="submit" class="primary approve-edited">
              {t.approveEdited}
            </button>
          </form>
        </details>
      ) : null}
      <div class="decide">
        <form method="post" action={`/app/approvals/${a.id}/approve`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="primary approve">
            {t.approve}
          </button>
        </form>
        <form method="post" action={`/app/approvals/${a.id}/reject`} class="reject-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <label for={noteId}>{t.rejectReason}</label>
          <textarea id={noteId} name="note" rows={2} required maxlength={2000} aria-describedby={`${noteId}-hint`}>
            {refused?.note ?? ''}
          </textarea>
          <small id={`${noteId}-hint`} class="muted">
            {t.rejectReasonHint}
          </small>
          <button type="submit" class="danger reject">
            {t.reject}
          </button>
        </form>
      </div>
    </article>
  );
}

/** The record an action moved (an order submitted, a bill approved), to act on it next. */
function recordLink(a: InboxAction): string | null {
  const input = (a.input ?? {}) as Record<string, unknown>;
  for (const [param, kind] of [
    ['orderId', 'purchase_order'],
    ['billId', 'bill'],
    ['invoiceId', 'invoice'],
  ] as const)
    if (typeof input[param] === 'string') return `/app/do/record/${kind}/${input[param]}`;
  return null;
}

function deciderText(a: InboxAction, lang: Lang) {
  if (!a.decider) return '';
  return tr(lang, `decided_${a.decider.kind}` as MessageKey, { name: a.decider.name ?? '?' });
}

function Activity({ data }: { data: InboxData }) {
  const { lang } = data;
  const t = catalogue[lang];
  if (!data.activity.length) return <p class="empty">—</p>;
  return (
    <section class="table-scroll" tabindex={0} aria-label={t.recentActivity}>
      <table class="grid activity">
        <thead>
          <tr>
            {[t.colNumber, t.colTool, t.colAmount, t.colAiConfidence, t.colBy, t.colStatus, t.colDate, ''].map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.activity.slice(0, 30).map((a) => (
            <tr data-action-id={a.id} data-number={a.number} id={`action-${a.number}`}>
              <td class="num">#{a.number}</td>
              <td>
                {data.titles[a.tool] ?? a.tool}
                {a.undoOfNumber ? <div class="muted">{tr(lang, 'undoOf', { n: a.undoOfNumber })}</div> : null}
                {recordLink(a) ? (
                  <div>
                    <a class="record-link" href={recordLink(a)!}>
                      {t.openRecord}
                    </a>
                  </div>
                ) : null}
                {data.refused?.actionId === a.id ? (
                  <p class="notice error" role="alert">
                    {data.refused.message}
                  </p>
                ) : null}
              </td>
              <td class="num" data-label={t.colAmount}>
                {money(a.amount, a.currency, lang)}
              </td>
              <td class="num" data-label={t.colAiConfidence}>
                {a.byAi ? percent(a.confidence, lang) : '—'}
              </td>
              <td data-label={t.colBy}>{a.byAi ? t.byAi : (a.requester?.name ?? t.byPerson)}</td>
              <td class="status">
                <StatusBadge status={a.status} lang={lang} />
                <div class="decider muted">{deciderText(a, lang)}</div>
              </td>
              <td class="when">{when(a.decider?.at ?? a.decidedAt ?? a.createdAt, lang)}</td>
              <td>
                {a.undoable && data.browser.actor.role !== 'viewer' ? (
                  <details class="undo">
                    <summary>{t.undo}</summary>
                    <form method="post" action={`/app/approvals/${a.id}/undo`}>
                      <input type="hidden" name="_csrf" value={data.browser.csrfToken} />
                      <p>{t.undoAsk}</p>
                      <button type="submit" class="danger undo-confirm">
                        {tr(lang, 'undoConfirmYes', { n: a.number })}
                      </button>
                    </form>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ApprovalsPage(data: InboxData) {
  const { lang } = data;
  const t = catalogue[lang];
  return (
    <Layout {...data} page="approvals" title={t.navApprovals}>
      <h1>{t.approvalsTitle}</h1>
      {data.flash ? (
        <p class={`notice ${data.flash.kind}`} role={data.flash.kind === 'error' ? 'alert' : 'status'}>
          {data.flash.text}
        </p>
      ) : null}
      <h2>{t.inboxToDecide}</h2>
      {data.toDecide.length ? (
        <>
          <form
            id="bulk"
            method="post"
            action="/app/approvals/bulk-approve"
            class="toolbar"
            hidden={data.toDecide.length < 2}
          >
            <input type="hidden" name="_csrf" value={data.browser.csrfToken} />
            <button type="submit" class="primary bulk">
              {t.bulkApprove}
            </button>
          </form>
          {data.toDecide.map(({ action, preview }) => (
            <Card a={action} preview={preview} data={data} />
          ))}
        </>
      ) : (
        <p class="empty">{t.approvalsEmpty}</p>
      )}
      {data.others.length ? (
        <section class="others">
          <h2>{t.inboxOthers}</h2>
          <p class="muted">{t.inboxOthersLead}</p>
          <ul class="waiting">
            {data.others.map((a) => (
              <li data-action-id={a.id} data-number={a.number}>
                {tr(lang, 'action_title', { n: a.number, title: data.titles[a.tool] ?? a.tool })}
                {a.amount ? ` · ${money(a.amount, a.currency, lang)}` : ''} ·{' '}
                <span class="muted">{a.requester?.name ?? ''}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t.recentActivity}</h2>
      <Activity data={data} />
    </Layout>
  );
}
