/**
 * The screens under /app/do: what a person can do (each write as a form, the exports as downloads),
 * one tool's form, a record with its action buttons after an action, and a document read from a
 * supplier's bill turned into a bill (the supplier created in one click when it is unknown).
 */
import type { RecordView } from '../../tools/actions/preview.ts';
import type { Lang } from '../../tools/context.ts';
import { catalogue, tr, type MessageKey } from '../i18n.ts';
import { ActionButtons, type RecordRef } from './action-buttons.tsx';
import { type Choices, type FieldSchema, type FormValue, SchemaFields } from './action-form.tsx';
import { RecordDocument } from './approvals.tsx';
import { type Frame, Layout } from './layout.tsx';

export interface Flash {
  kind: 'ok' | 'error' | 'wait';
  text: string;
}

function FlashNotice({ flash }: { flash: Flash | null }) {
  if (!flash) return null;
  return (
    <p
      class={`notice ${flash.kind === 'error' ? 'error' : flash.kind === 'wait' ? 'warn' : 'ok'}`}
      role={flash.kind === 'error' ? 'alert' : 'status'}
    >
      {flash.text}
    </p>
  );
}

/** Groups of the index: each tool offered as a form of its own. */
export const INDEX_GROUPS: { heading: MessageKey; tools: string[] }[] = [
  {
    heading: 'doGroupPurchasing',
    tools: [
      'purchasing_create_order',
      'purchasing_receive_items',
      'purchasing_create_supplier',
      'purchasing_create_product',
    ],
  },
  { heading: 'doGroupBills', tools: ['bills_record_supplier_bill', 'bills_approve_bill', 'bills_pay_bill'] },
  {
    heading: 'doGroupSales',
    tools: [
      'invoicing_create_invoice',
      'invoicing_send_invoice',
      'invoicing_record_payment',
      'invoicing_create_credit_note',
      'reminders_send_reminder',
      'invoicing_create_client',
    ],
  },
];

export const EXPORTS = ['invoices', 'bills', 'payments', 'purchase_orders', 'journal'] as const;

export function DoIndexPage(
  p: Frame & {
    flash: Flash | null;
    allowed: ReadonlySet<string>;
    /** The export period offered: this year so far, unless the person chose another. */
    period: { from: string; to: string };
    exportError?: string;
  },
) {
  const t = catalogue[p.lang];
  return (
    <Layout {...p} page="do" title={t.doTitle}>
      <h1>{t.doTitle}</h1>
      <FlashNotice flash={p.flash} />
      <div class="do-groups">
        {INDEX_GROUPS.map((g) => {
          const tools = g.tools.filter((name) => p.allowed.has(name));
          return tools.length ? (
            <section class="do-group">
              <h2>{t[g.heading]}</h2>
              <ul class="do-links">
                {tools.map((name) => (
                  <li>
                    <a href={`/app/do/${name}`} data-tool={name}>
                      {t[`do_${name}` as MessageKey] ?? name}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null;
        })}
      </div>
      <section class="exports">
        <h2>{t.exportsTitle}</h2>
        <p class="muted">{t.exportsLead}</p>
        <form method="get" action="/app/do/export" class="tool-form export-form">
          <div class="form-field">
            <label for="export-dataset">{t.exportWhat}</label>
            <select id="export-dataset" name="dataset">
              {EXPORTS.map((d) => (
                <option value={d}>{t[`export_${d}` as MessageKey]}</option>
              ))}
            </select>
          </div>
          <div class="form-field">
            <label for="export-from">{t.exportFrom}</label>
            <input id="export-from" type="date" name="from" value={p.period.from} required />
          </div>
          <div class="form-field">
            <label for="export-to">{t.exportTo}</label>
            <input id="export-to" type="date" name="to" value={p.period.to} required />
          </div>
          {p.exportError ? (
            <p class="field-error" role="alert">
              {p.exportError}
            </p>
          ) : null}
          <button type="submit" class="primary download">
            {t.exportDownload}
          </button>
        </form>
      </section>
    </Layout>
  );
}

export interface FormPageData extends Frame {
  tool: string;
  title: string;
  schema: FieldSchema;
  value: FormValue;
  errors: Record<string, string>;
  choices: Choices;
  /** Fields set by the page (the record the action is about), posted but not shown. */
  fixed: ReadonlySet<string>;
  flash: Flash | null;
  /** The record the action is about, shown above its form. */
  record: RecordView | null;
  /** A key per form shown: posting the same form twice asks the door once. */
  formKey: string;
  /** Where the form posts (keeps the record the page was opened for). */
  action: string;
}

export function ActionFormPage(p: FormPageData) {
  const t = catalogue[p.lang];
  return (
    <Layout {...p} page="do" title={p.title}>
      <p class="crumbs">
        <a href="/app/do">{t.doTitle}</a>
      </p>
      <h1>{p.title}</h1>
      <FlashNotice flash={p.flash} />
      {p.record ? <RecordDocument record={p.record} lang={p.lang} /> : null}
      <ToolForm {...p} submit={t.doSubmit} />
    </Layout>
  );
}

/** The form itself, also used inside other pages (the bill from a document). */
export function ToolForm(
  p: Pick<FormPageData, 'lang' | 'schema' | 'value' | 'errors' | 'choices' | 'fixed' | 'formKey' | 'tool'> & {
    browser: Frame['browser'];
    action: string;
    submit: string;
  },
) {
  return (
    <form method="post" action={p.action} class="tool-form action-form" data-tool={p.tool} novalidate>
      <input type="hidden" name="_csrf" value={p.browser.csrfToken} />
      <input type="hidden" name="_key" value={p.formKey} />
      <SchemaFields
        schema={p.schema}
        value={p.value}
        lang={p.lang}
        errors={p.errors}
        choices={p.choices}
        idPrefix={`do-${p.tool}`}
        fixed={p.fixed}
      />
      <button type="submit" class="primary do-submit">
        {p.submit}
      </button>
    </form>
  );
}

export function RecordPage(
  p: Frame & {
    record: RecordView;
    ref: RecordRef;
    flash: Flash | null;
    /** Actions on this record already waiting for a decision. */
    waiting: { number: number; tool: string }[];
  },
) {
  const t = catalogue[p.lang];
  return (
    <Layout {...p} page="do" title={p.record.number ?? t[`kind_${p.record.kind}`]}>
      <p class="crumbs">
        <a href="/app/do">{t.doTitle}</a>
      </p>
      <h1>
        {t[`kind_${p.record.kind}`]} {p.record.number ?? ''}
      </h1>
      <FlashNotice flash={p.flash} />
      <RecordDocument record={p.record} lang={p.lang} />
      {p.waiting.length ? (
        <ul class="notice warn waiting-actions">
          {p.waiting.map((w) => (
            <li>
              {tr(p.lang, 'recordActionWaits', {
                n: w.number,
                what: t[`do_${w.tool}` as MessageKey] ?? w.tool,
              })}{' '}
              <a href={`/app/approvals#action-${w.number}`}>{t.navApprovals}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <ActionButtons
        record={p.ref}
        role={p.browser.actor.role}
        lang={p.lang}
        csrfToken={p.browser.csrfToken}
        exclude={new Set(p.waiting.map((w) => w.tool))}
      />
    </Layout>
  );
}

export interface UnknownSupplier {
  name: string | null;
  gstNumber: string | null;
  qstNumber: string | null;
}

export function BillFromDocumentPage(
  p: Frame &
    Omit<FormPageData, 'title' | 'record' | 'tool' | 'action'> & {
      document: {
        id: string;
        filename: string;
        mimeType: string;
        email: { from: string; subject: string | null } | null;
      };
      /** What was read names a supplier the company does not have yet. */
      unknownSupplier: UnknownSupplier | null;
      /** Why no bill can be made from the reading, when that is so. */
      missing: string | null;
    },
) {
  const t = catalogue[p.lang];
  const href = `/app/documents/${p.document.id}/file`;
  const s = p.unknownSupplier;
  return (
    <Layout {...p} page="do" title={t.billFromDocumentTitle}>
      <p class="crumbs">
        <a href="/app/documents">{t.navDocuments}</a>
      </p>
      <h1>{tr(p.lang, 'billFromDocumentHeading', { name: p.document.filename })}</h1>
      {p.document.email ? <p class="origin">{tr(p.lang, 'billFromEmail', { from: p.document.email.from })}</p> : null}
      <FlashNotice flash={p.flash} />
      <div class="proposal-body with-source">
        <div>
          {s ? (
            <section class="notice warn unknown-supplier">
              <p>{tr(p.lang, 'unknownSupplierLead', { name: s.name ?? s.gstNumber ?? s.qstNumber ?? '?' })}</p>
              <dl class="record-facts">
                {s.name ? (
                  <>
                    <dt>{t.field_name}</dt>
                    <dd class="party">{s.name}</dd>
                  </>
                ) : null}
                {s.gstNumber ? (
                  <>
                    <dt>{t.field_gstNumber}</dt>
                    <dd>{s.gstNumber}</dd>
                  </>
                ) : null}
                {s.qstNumber ? (
                  <>
                    <dt>{t.field_qstNumber}</dt>
                    <dd>{s.qstNumber}</dd>
                  </>
                ) : null}
              </dl>
              <form method="post" action={`/app/do/bill-from-document/${p.document.id}/supplier`}>
                <input type="hidden" name="_csrf" value={p.browser.csrfToken} />
                <button type="submit" class="primary create-supplier">
                  {tr(p.lang, 'createSupplierNamed', { name: s.name ?? s.gstNumber ?? s.qstNumber ?? '?' })}
                </button>
              </form>
            </section>
          ) : null}
          {p.missing ? <p class="notice warn">{p.missing}</p> : null}
          <ToolForm
            {...p}
            tool="bills_record_supplier_bill"
            action={`/app/do/bill-from-document/${p.document.id}`}
            submit={t.do_bills_record_supplier_bill}
          />
        </div>
        <aside class="source" aria-label={t.sourceDocument}>
          <h2>{t.sourceDocument}</h2>
          <p>
            <a href={href} target="_blank" rel="noopener" class="open-document">
              {tr(p.lang, 'openDocument', { name: p.document.filename })}
            </a>
          </p>
          {p.document.mimeType === 'application/pdf' || p.document.mimeType.startsWith('image/') ? (
            <iframe class="doc-frame" src={href} title={p.document.filename} loading="lazy" />
          ) : null}
        </aside>
      </div>
    </Layout>
  );
}

export const recordTitle = (kind: RecordView['kind'], lang: Lang) => catalogue[lang][`kind_${kind}`];
