/**
 * The registers and each record's page, server-rendered: every read goes through a list or read tool
 * with invoke() (a tenant transaction under row-level security), so another company's id is not found
 * (404) and a bad filter is refused (400) — both as a page in the reader's language.
 */
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import type { ActionView, EventView } from '../../tools/actions/schemas.ts';
import { getAction } from '../../tools/actions/get-action.ts';
import { fromBill, fromInvoice, fromOrder } from '../../tools/actions/preview.ts';
import { getBill } from '../../tools/bills/get-bill.ts';
import type { BillSummary } from '../../tools/bills/schemas.ts';
import type { Session } from '../../tools/context.ts';
import type { AnyTool } from '../../tools/define.ts';
import { listDocuments } from '../../tools/documents/list-documents.ts';
import { AppError, errorBody, httpStatus, notFound } from '../../tools/errors.ts';
import { invoke } from '../../tools/invoke.ts';
import { findClients } from '../../tools/invoicing/find-clients.ts';
import { getInvoicePdf } from '../../tools/invoicing/get-invoice-pdf.ts';
import { getInvoice } from '../../tools/invoicing/get-invoice.ts';
import type { InvoiceSummary } from '../../tools/invoicing/schemas.ts';
import { findProducts } from '../../tools/purchasing/find-products.ts';
import { findSuppliers } from '../../tools/purchasing/find-suppliers.ts';
import { getOrder } from '../../tools/purchasing/get-order.ts';
import type { OrderSummary, ProductSummary, SupplierSummary } from '../../tools/purchasing/schemas.ts';
import type { ClientSummary } from '../../tools/invoicing/schemas.ts';
import { getTrail } from '../../tools/records/get-trail.ts';
import type { HistoryEntry, Link, RecordKind } from '../../tools/records/queries.ts';
import type { WebEnv } from '../browser-session.ts';
import { catalogue, type MessageKey } from '../i18n.ts';
import { fileSize, integer, money, percent, when } from '../pages/locale-format.ts';
import { RecordPage, type RecordPageProps, RefusalPage } from '../pages/record-page.tsx';
import { RegisterPage, type RegisterState } from '../pages/register.tsx';
import { evidenceLabels } from '../tool-words.ts';
import { REGISTERS, registerByName, toolTitle } from '../registers.tsx';
import { decidableCount } from './approvals-page.tsx';

const PERSON = { source: 'rest', byAi: false } as const;
const PAGE_SIZE = 50;
const html = (c: Context, node: Child, status: 200 | 400 | 404 = 200) =>
  c.html(`<!doctype html>${String(node)}`, status as 200);

async function read<T>(session: Session, tool: AnyTool, input: Record<string, unknown>): Promise<T> {
  const out = await invoke(session, tool, input, PERSON);
  if (out.kind !== 'read') throw new Error(`${tool.name} is not a read tool`);
  return out.output as T;
}

async function frame(c: Context<WebEnv>) {
  const session = c.get('session');
  return {
    lang: session.lang,
    browser: c.get('browser'),
    pending: await decidableCount(session),
    path: c.req.path,
  };
}

const registerList = (lang: 'fr' | 'en') => REGISTERS.map((r) => ({ name: r.name, title: catalogue[lang][r.title] }));

/** A tool's refusal as a page: not found (another company's id, or none) → 404, bad input → 400. */
async function refusal(c: Context<WebEnv>, err: unknown, back: string) {
  if (!(err instanceof AppError)) throw err;
  const body = errorBody(err).error;
  const status = httpStatus[body.code] === 404 ? 404 : 400;
  const t = catalogue[c.get('session').lang];
  return html(
    c,
    <RefusalPage
      {...(await frame(c))}
      title={status === 404 ? t.regNotFound : t.regRefused}
      message={body.message}
      back={back}
      backLabel={t.regBack}
    />,
    status,
  );
}

async function registerPage(c: Context<WebEnv>) {
  const def = registerByName(c.req.param('name') ?? '');
  if (!def) throw notFound('No such register.');
  const session = c.get('session');
  const q = c.req.query();
  const sort = def.sorts.includes(q.sort ?? '') ? q.sort! : def.defaultSort;
  const direction = q.dir === 'asc' || q.dir === 'desc' ? q.dir : def.defaultDirection(sort);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(q.page ?? '1', 10) || 1));
  const filters = Object.fromEntries(
    def.filters(session.lang).map((f) => [f.param, (q[f.param] ?? '').slice(0, 100)] as const),
  );
  const shape = (def.tool.input as unknown as { shape: Record<string, unknown> }).shape;
  const input: Record<string, unknown> = {
    ...def.input(filters),
    query: (q.q ?? '').slice(0, 200),
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    direction,
  };
  if ('sort' in shape) input.sort = sort;
  let output: { total: number };
  try {
    output = await read(session, def.tool, input);
  } catch (err) {
    return refusal(c, err, `/app/registers/${def.name}`);
  }
  const state: RegisterState = {
    query: (q.q ?? '').trim(),
    sort,
    direction,
    filters,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    total: output.total,
  };
  return html(
    c,
    <RegisterPage
      {...(await frame(c))}
      name={def.name}
      title={catalogue[session.lang][def.title]}
      columns={def.columns}
      filters={def.filters(session.lang)}
      rows={def.rows(output)}
      href={def.href}
      state={state}
      registers={registerList(session.lang)}
    />,
  );
}

type Detail = Omit<
  RecordPageProps,
  keyof Awaited<ReturnType<typeof frame>> | 'registers' | 'registerTitle' | 'toolTitle'
>;

async function trail(session: Session, kind: RecordKind, id: string) {
  return read<{ history: HistoryEntry[]; links: Link[] }>(session, getTrail, { kind, id });
}

const only = <T,>(rows: T[]): T => {
  const [row] = rows;
  if (!row) throw notFound('Not found.');
  return row;
};

/** Each register's record page: which tools read it, and what it shows. */
const DETAILS: Record<string, (session: Session, id: string) => Promise<Detail>> = {
  async orders(session, id) {
    const o = await read<OrderSummary>(session, getOrder, { orderId: id });
    const { history, links } = await trail(session, 'purchase_order', id);
    const t = catalogue[session.lang];
    return {
      register: 'orders',
      id,
      title: `${t.kind_purchase_order} ${o.number}`,
      status: o.status,
      facts: [
        ['regApprovalLevel', integer(o.approvalLevel, session.lang)],
        [
          'regReceived',
          o.lines
            .map(
              (l) =>
                `${l.description} : ${l.quantityReceived.replace(/\.?0+$/, '')} / ${l.quantity.replace(/\.?0+$/, '')}`,
            )
            .join(' · '),
        ],
      ],
      document: fromOrder(o, session.lang),
      history,
      links,
    };
  },
  async invoices(session, id) {
    const i = await read<InvoiceSummary>(session, getInvoice, { invoiceId: id });
    const { history, links } = await trail(session, 'invoice', id);
    const lang = session.lang;
    const t = catalogue[lang];
    return {
      register: 'invoices',
      id,
      title: `${i.kind === 'credit_note' ? t.kind_credit_note : t.kind_invoice} ${i.number}`,
      status: i.status,
      facts: [
        ['regPaid', money(i.paid, i.currency, lang)],
        ['regCredited', money(i.credited, i.currency, lang)],
        ['regColBalance', <strong>{money(i.balance, i.currency, lang)}</strong>],
        ['regSentAt', i.sentAt ? when(i.sentAt, lang) : t.regNotSent],
      ],
      document: fromInvoice(i, lang),
      file: { src: `/app/registers/invoices/${id}/pdf`, filename: `${i.number}.pdf`, mimeType: 'application/pdf' },
      history,
      links,
    };
  },
  async bills(session, id) {
    const b = await read<BillSummary>(session, getBill, { billId: id });
    const { history, links } = await trail(session, 'bill', id);
    const lang = session.lang;
    const t = catalogue[lang];
    const doc = links.find((l) => l.kind === 'document');
    return {
      register: 'bills',
      id,
      title: `${t.kind_bill} ${b.number}`,
      status: b.status,
      facts: [
        ['regPaid', money(b.paid, b.currency, lang)],
        ['regColBalance', <strong>{money(b.balance, b.currency, lang)}</strong>],
        ['regApprovedAt', b.approvedAt ? when(b.approvedAt, lang) : '—'],
      ],
      document: fromBill(b, lang),
      file: b.documentId
        ? {
            src: `/app/documents/${b.documentId}/file`,
            filename: doc?.label ?? b.number,
            // The file's own type is served by its route; the preview only needs to know it is a picture or a PDF.
            mimeType: /\.(png|jpe?g|webp|gif)$/i.test(doc?.label ?? '') ? 'image/*' : 'application/pdf',
          }
        : null,
      history,
      links,
    };
  },
  async suppliers(session, id) {
    const s = only((await read<{ suppliers: SupplierSummary[] }>(session, findSuppliers, { id, limit: 1 })).suppliers);
    const { history, links } = await trail(session, 'supplier', id);
    const lang = session.lang;
    const t = catalogue[lang];
    return {
      register: 'suppliers',
      id,
      title: s.name,
      status: s.status,
      facts: [
        ['regLegalName', s.legalName ?? '—'],
        ['regColStatus', t[`regSupplier_${s.status}` as MessageKey] ?? s.status],
        ['email', s.email ?? '—'],
        ['regColProvince', [s.province, s.country].filter(Boolean).join(', ')],
        ['regCurrency', s.currency],
        ['regColTerms', `${integer(s.paymentTermsDays, lang)} ${t.regDays}`],
        ['regTaxNumbers', [s.gstNumber, s.qstNumber, s.vatNumber].filter(Boolean).join(' · ') || '—'],
        ['regPerformance', s.performanceScore === null ? '—' : `${integer(s.performanceScore, lang)} / 100`],
      ],
      history,
      links,
    };
  },
  async clients(session, id) {
    const cl = only((await read<{ clients: ClientSummary[] }>(session, findClients, { id, limit: 1 })).clients);
    const { history, links } = await trail(session, 'client', id);
    const lang = session.lang;
    const t = catalogue[lang];
    return {
      register: 'clients',
      id,
      title: cl.name,
      status: null,
      facts: [
        ['email', cl.email ?? '—'],
        ['regColProvince', [cl.province, cl.country].filter(Boolean).join(', ')],
        ['regColLanguage', t[cl.language === 'fr' ? 'regFrench' : 'regEnglish']],
        ['regCurrency', cl.currency],
        ['regColTerms', `${integer(cl.paymentTermsDays, lang)} ${t.regDays}`],
        ['regCreditLimit', cl.creditLimit === null ? '—' : money(cl.creditLimit, cl.currency, lang)],
        ['regTaxNumbers', [cl.gstNumber, cl.qstNumber, cl.vatNumber].filter(Boolean).join(' · ') || '—'],
      ],
      history,
      links,
    };
  },
  async products(session, id) {
    const p = only(
      (await read<{ products: ProductSummary[] }>(session, findProducts, { id, limit: 1, includeInactive: true }))
        .products,
    );
    const { history, links } = await trail(session, 'product', id);
    const lang = session.lang;
    const t = catalogue[lang];
    return {
      register: 'products',
      id,
      title: p.name,
      status: p.active ? 'active' : 'inactive',
      facts: [
        ['regColSku', p.sku ?? '—'],
        ['regColCategory', p.category?.name ?? '—'],
        ['colUnitPrice', `${money(p.unitPrice, p.currency, lang)} / ${p.unit}`],
        [
          'regBulkPrice',
          p.bulkPrice && p.bulkThreshold
            ? `${money(p.bulkPrice, p.currency, lang)} (≥ ${p.bulkThreshold.replace('.', lang === 'fr' ? ',' : '.')})`
            : '—',
        ],
        ['regLeadTime', p.leadTimeDays === null ? '—' : `${integer(p.leadTimeDays, lang)} ${t.regDays}`],
        ['regColActive', t[p.active ? 'regYes' : 'regNo']],
        ['regDescription', p.description ?? '—'],
      ],
      history,
      links,
    };
  },
  async documents(session, id) {
    type Doc = {
      id: string;
      filename: string;
      mimeType: string;
      sizeBytes: number;
      source: string;
      status: string;
      confidence: number | null;
      error: string | null;
      createdAt: string;
    };
    const d = only((await read<{ documents: Doc[] }>(session, listDocuments, { id, limit: 1 })).documents);
    const { history, links } = await trail(session, 'document', id);
    const lang = session.lang;
    const t = catalogue[lang];
    return {
      register: 'documents',
      id,
      title: d.filename,
      status: d.status,
      facts: [
        ['colSource', t[`regSrc_${d.source}` as MessageKey]],
        ['regColStatus', t[`doc_${d.status}` as MessageKey]],
        ['confidence', percent(d.confidence, lang)],
        ['colSize', fileSize(d.sizeBytes, lang)],
        ['regColReceived', when(d.createdAt, lang)],
        ...(d.error ? ([['regError', d.error]] as [MessageKey, Child][]) : []),
      ],
      file: { src: `/app/documents/${id}/file`, filename: d.filename, mimeType: d.mimeType },
      history,
      links,
    };
  },
  async actions(session, id) {
    const { action: a, events } = await read<{ action: ActionView; events: z.infer<typeof EventView>[] }>(
      session,
      getAction,
      {
        actionId: id,
      },
    );
    const lang = session.lang;
    const t = catalogue[lang];
    const evidence = a.evidence.map((e) => {
      const label = evidenceLabels[lang][e.factor];
      return label ? `${label}${e.weight >= 0 ? ' ✓' : ' !'}` : e.detail;
    });
    return {
      register: 'actions',
      id,
      title: `${t.action} n° ${a.number} · ${toolTitle(a.tool, lang, a.tool)}`,
      status: a.status,
      facts: [
        ['regColStatus', t[`status_${a.status}` as MessageKey] ?? a.status],
        [
          'regColAskedBy',
          `${a.byAi ? t.regByAi : t.regByPerson} · ${t[`regOrigin_${a.source}` as MessageKey] ?? a.source}`,
        ],
        ['confidence', percent(a.confidence, lang)],
        ['total', money(a.amount, a.currency, lang)],
        ['regColCreated', when(a.createdAt, lang)],
        ['regDecidedAt', a.decidedAt ? when(a.decidedAt, lang) : '—'],
        [
          'regEvidence',
          evidence.length ? (
            <ul class="evidence-list">
              {evidence.map((e) => (
                <li>{e}</li>
              ))}
            </ul>
          ) : (
            '—'
          ),
        ],
      ],
      history: events.map((e) => ({
        at: e.at,
        source: 'action',
        type: e.type,
        actionId: null,
        actionNumber: a.number,
        tool: a.tool,
        actor: null,
        note: e.note,
        from: null,
        to: null,
      })),
      links: null,
    };
  },
};

async function detailPage(c: Context<WebEnv>) {
  const name = c.req.param('name') ?? '';
  const id = c.req.param('id') ?? '';
  const def = registerByName(name);
  const load = DETAILS[name];
  if (!def || !load) throw notFound('No such register.');
  const session = c.get('session');
  let detail: Detail;
  try {
    // Not a uuid: no record of any company has it; the tools would say so, with a 400 for the shape.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
      throw notFound(catalogue[session.lang].regNotFound);
    detail = await load(session, id);
  } catch (err) {
    return refusal(c, err, `/app/registers/${name}`);
  }
  return html(
    c,
    <RecordPage
      {...(await frame(c))}
      {...detail}
      registers={registerList(session.lang)}
      registerTitle={catalogue[session.lang][def.title]}
      toolTitle={(tool) => toolTitle(tool, session.lang, tool)}
    />,
  );
}

export function registerRoutes() {
  return new Hono<WebEnv>()
    .get('/registers', (c) => c.redirect('/app/registers/orders', 302))
    .get('/registers/invoices/:id/pdf', async (c) => {
      const pdf = await read<{ filename: string; contentType: string; base64: string }>(
        c.get('session'),
        getInvoicePdf,
        {
          invoiceId: c.req.param('id'),
        },
      );
      c.header('Content-Type', pdf.contentType);
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(pdf.filename)}`);
      c.header('Cache-Control', 'private, no-store');
      return c.body(new Uint8Array(Buffer.from(pdf.base64, 'base64')));
    })
    .get('/registers/:name', registerPage)
    .get('/registers/:name/:id', detailPage);
}
