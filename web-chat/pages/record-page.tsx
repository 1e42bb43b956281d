/**
 * A record's page: what it is (facts, or the document with its lines, taxes and totals), the file it
 * came from or became (previewed and downloadable), what happened to it (the audit events of the
 * actions on it, and its status changes) and the records linked to it, each a link to its own page.
 */
import type { Child } from 'hono/jsx';
import type { RecordView } from '../../tools/actions/preview.ts';
import type { Lang } from '../../tools/context.ts';
import { STATUS_WORDS } from '../../tools/purchasing/texts.ts';
import type { HistoryEntry, Link } from '../../tools/records/queries.ts';
import { catalogue, type MessageKey, tr } from '../i18n.ts';
import { RecordDocument } from './approvals.tsx';
import { type Frame, Layout } from './layout.tsx';
import { day, money, when } from './locale-format.ts';
import { RecordActions } from './record-actions.tsx';
import { RegisterSwitch } from './register.tsx';

export interface RecordPageProps extends Frame {
  register: string;
  registerTitle: string;
  registers: { name: string; title: string }[];
  id: string;
  title: string;
  status: string | null;
  facts: [MessageKey, Child][];
  document?: RecordView | null;
  /** The file to preview: its URL and name (a PDF or an image is shown; anything else is a link). */
  file?: { src: string; filename: string; mimeType: string } | null;
  history: HistoryEntry[] | null;
  links: Link[] | null;
  toolTitle: (name: string) => string;
  children?: Child;
}

const LINK_PAGES: Partial<Record<Link['kind'], string>> = {
  purchase_order: 'orders',
  bill: 'bills',
  invoice: 'invoices',
  document: 'documents',
  supplier: 'suppliers',
  client: 'clients',
};

function Facts({ facts, lang }: { facts: [MessageKey, Child][]; lang: Lang }) {
  const t = catalogue[lang];
  return (
    <dl class="record-facts detail-facts">
      {facts.map(([label, value]) => (
        <>
          <dt>{t[label]}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

function FilePreview({ file, lang }: { file: NonNullable<RecordPageProps['file']>; lang: Lang }) {
  const t = catalogue[lang];
  const shown = file.mimeType === 'application/pdf' || file.mimeType.startsWith('image/');
  return (
    <section class="detail-file" aria-label={t.regFile}>
      <h2>{t.regFile}</h2>
      <p>
        <a href={file.src} target="_blank" rel="noopener">
          {tr(lang, 'regOpenFile', { name: file.filename })}
        </a>
        {' · '}
        <a href={file.src} download={file.filename}>
          {t.regDownload}
        </a>
      </p>
      {shown ? <iframe class="doc-frame" src={file.src} title={file.filename} loading="lazy" /> : null}
    </section>
  );
}

function History({
  entries,
  lang,
  toolTitle,
}: {
  entries: HistoryEntry[];
  lang: Lang;
  toolTitle: (n: string) => string;
}) {
  const t = catalogue[lang];
  return (
    <section class="detail-history" aria-label={t.regHistory}>
      <h2>{t.regHistory}</h2>
      {entries.length ? (
        <ol class="history">
          {entries.map((e) => {
            const who = e.actor ? tr(lang, 'regBy', { name: e.actor }) : '';
            const what =
              e.source === 'status'
                ? tr(lang, 'regStatusChange', {
                    from: e.from ? (STATUS_WORDS[e.from as 'draft']?.[lang] ?? e.from) : '—',
                    to: e.to ? (STATUS_WORDS[e.to as 'draft']?.[lang] ?? e.to) : '—',
                  })
                : tr(lang, 'regActionEvent', {
                    event: t[`regEv_${e.type}` as MessageKey] ?? e.type,
                    n: e.actionNumber ?? '',
                    tool: e.tool ? toolTitle(e.tool) : '',
                  });
            return (
              <li>
                <time datetime={e.at}>{when(e.at, lang)}</time>{' '}
                {e.source === 'action' && e.actionId ? (
                  <a href={`/app/registers/actions/${e.actionId}`}>{what}</a>
                ) : (
                  what
                )}
                {who ? <span class="muted"> · {who}</span> : null}
                {e.note ? <span class="muted"> · « {e.note} »</span> : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p class="muted">{t.regNoHistory}</p>
      )}
    </section>
  );
}

function Links({ links, lang }: { links: Link[]; lang: Lang }) {
  const t = catalogue[lang];
  return (
    <section class="detail-links" aria-label={t.regLinked}>
      <h2>{t.regLinked}</h2>
      {links.length ? (
        <ul class="links">
          {links.map((l) => {
            const page = LINK_PAGES[l.kind];
            const label = l.kind === 'reminder' ? tr(lang, 'regReminderStep', { day: l.label }) : l.label;
            return (
              <li data-link={l.kind}>
                <span class="link-kind">{t[`regLink_${l.kind}` as MessageKey]}</span>{' '}
                {page ? <a href={`/app/registers/${page}/${l.id}`}>{label}</a> : <span>{label}</span>}
                {l.date ? <span class="muted"> · {day(l.date, lang)}</span> : null}
                {l.amount ? <span class="num"> · {money(l.amount, l.currency, lang)}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{t.regNoLinks}</p>
      )}
    </section>
  );
}

export function RecordPage(p: RecordPageProps) {
  return (
    <Layout {...p} page="registers" title={p.title}>
      <RegisterSwitch registers={p.registers} current={p.register} lang={p.lang} />
      <p class="crumbs">
        <a href={`/app/registers/${p.register}`}>← {p.registerTitle}</a>
      </p>
      <h1>{p.title}</h1>
      <div class="record-actions-slot">
        <RecordActions register={p.register} id={p.id} status={p.status} lang={p.lang} browser={p.browser} />
      </div>
      <div class={`detail${p.file ? ' with-file' : ''}`}>
        <div class="detail-main">
          {p.facts.length ? <Facts facts={p.facts} lang={p.lang} /> : null}
          {p.document ? <RecordDocument record={p.document} lang={p.lang} /> : null}
          {p.children}
          {p.links ? <Links links={p.links} lang={p.lang} /> : null}
          {p.history ? <History entries={p.history} lang={p.lang} toolTitle={p.toolTitle} /> : null}
        </div>
        {p.file ? <FilePreview file={p.file} lang={p.lang} /> : null}
      </div>
    </Layout>
  );
}

/** A refusal (not found, bad filter) shown as a page, in the reader's language, with its status. */
export function RefusalPage(p: Frame & { title: string; message: string; back: string; backLabel: string }) {
  return (
    <Layout {...p} page="registers" title={p.title}>
      <h1>{p.title}</h1>
      <p class="notice error" role="alert">
        {p.message}
      </p>
      <p>
        <a href={p.back}>← {p.backLabel}</a>
      </p>
    </Layout>
  );
}
