/**
 * The nine registers as data: for each, the list tool that serves it, its columns, its filters and
 * how the query string becomes the tool's input. The register screen (pages/register.tsx) draws any of
 * them; the tool validates the input, so a bad filter is refused in the reader's language.
 */
import type { z } from 'zod';
import { listActions } from '../tools/actions/list-actions.ts';
import { BILL_STATUS_WORDS } from '../tools/bills/texts.ts';
import { listBills } from '../tools/bills/list-bills.ts';
import { BILL_STATUSES } from '../tools/bills/model.ts';
import type { Lang } from '../tools/context.ts';
import type { AnyTool } from '../tools/define.ts';
import { listDocuments } from '../tools/documents/list-documents.ts';
import { findClients } from '../tools/invoicing/find-clients.ts';
import { listInvoices } from '../tools/invoicing/list-invoices.ts';
import { INVOICE_STATUSES } from '../tools/invoicing/model.ts';
import { INVOICE_STATUS_WORDS } from '../tools/invoicing/texts.ts';
import { findProducts } from '../tools/purchasing/find-products.ts';
import { findSuppliers } from '../tools/purchasing/find-suppliers.ts';
import { listOrders } from '../tools/purchasing/list-orders.ts';
import { ORDER_STATUSES } from '../tools/purchasing/model.ts';
import { STATUS_WORDS } from '../tools/purchasing/texts.ts';
import { listReminders } from '../tools/reminders/list-reminders.ts';
import { catalogue, type MessageKey } from './i18n.ts';
import { type Column, type Filter, StatusBadge } from './pages/register.tsx';
import { day, fileSize, integer, money, percent, when } from './pages/locale-format.ts';
import { frenchToolTitles } from './tool-words.ts';

type Out<T extends AnyTool> = z.output<T['output']>;
type Order = Out<typeof listOrders>['orders'][number];
type Invoice = Out<typeof listInvoices>['invoices'][number];
type Bill = Out<typeof listBills>['bills'][number];
type Supplier = Out<typeof findSuppliers>['suppliers'][number];
type Client = Out<typeof findClients>['clients'][number];
type Product = Out<typeof findProducts>['products'][number];
type Document = Out<typeof listDocuments>['documents'][number];
type Reminder = Out<typeof listReminders>['reminders'][number];
type Action = Out<typeof listActions>['actions'][number];

export interface RegisterDef<R = never> {
  name: string;
  title: MessageKey;
  tool: AnyTool;
  /** The rows in the tool's output. */
  rows: (output: unknown) => R[];
  columns: Column<R>[];
  filters: (lang: Lang) => Filter[];
  sorts: readonly string[];
  defaultSort: string;
  /** The tool's natural direction for a sort, when the URL does not say. */
  defaultDirection: (sort: string) => 'asc' | 'desc';
  /** The tool's input from the chosen filters (the tool validates them). */
  input: (filters: Record<string, string>) => Record<string, unknown>;
  href: (row: R) => string | null;
}

const list = (v: string | undefined) => (v ? [v] : undefined);
const bool = (v: string | undefined) => (v === 'yes' ? true : v === 'no' ? false : v ? v : undefined);
const words = <S extends string>(statuses: readonly S[], label: (s: S) => string) =>
  statuses.map((s) => ({ value: s, label: label(s) }));
const yesNo = (lang: Lang) => [
  { value: 'yes', label: catalogue[lang].regYes },
  { value: 'no', label: catalogue[lang].regNo },
];
const ascending =
  (...sorts: string[]) =>
  (sort: string) =>
    (sorts.includes(sort) ? 'asc' : 'desc') as 'asc' | 'desc';
const t = (lang: Lang) => catalogue[lang];

export const toolTitle = (name: string, lang: Lang, fallback: string) =>
  (lang === 'fr' ? frenchToolTitles[name] : undefined) ?? fallback;

const orders: RegisterDef<Order> = {
  name: 'orders',
  title: 'regOrders',
  tool: listOrders,
  rows: (o) => (o as Out<typeof listOrders>).orders,
  columns: [
    { label: 'regColNumber', cell: (r) => r.number, sort: 'number', primary: true },
    { label: 'party_supplier', cell: (r) => r.supplier.name, sort: 'supplier' },
    { label: 'docDate', cell: (r, lang) => day(r.orderDate, lang), sort: 'date' },
    { label: 'docExpected', cell: (r, lang) => day(r.expectedOn, lang) },
    { label: 'total', cell: (r, lang) => money(r.total, r.currency, lang), sort: 'total', num: true },
    {
      label: 'regColStatus',
      cell: (r, lang) => (
        <StatusBadge status={r.status} label={STATUS_WORDS[r.status as 'draft']?.[lang] ?? r.status} />
      ),
      sort: 'status',
    },
  ],
  filters: (lang) => [
    { param: 'status', label: 'regColStatus', options: words(ORDER_STATUSES, (s) => STATUS_WORDS[s][lang]) },
  ],
  sorts: ['created', 'date', 'number', 'supplier', 'total', 'status'],
  defaultSort: 'created',
  defaultDirection: ascending('number', 'supplier', 'status'),
  input: (f) => ({ status: list(f.status) }),
  href: (r) => `/app/registers/orders/${r.id}`,
};

const invoices: RegisterDef<Invoice> = {
  name: 'invoices',
  title: 'regInvoices',
  tool: listInvoices,
  rows: (o) => (o as Out<typeof listInvoices>).invoices,
  columns: [
    {
      label: 'regColNumber',
      cell: (r, lang) => (r.kind === 'credit_note' ? `${r.number} · ${t(lang).kind_credit_note}` : r.number),
      sort: 'number',
      primary: true,
    },
    { label: 'party_client', cell: (r) => r.client.name, sort: 'client' },
    { label: 'docDate', cell: (r, lang) => day(r.issueDate, lang), sort: 'date' },
    { label: 'docDue', cell: (r, lang) => day(r.dueDate, lang), sort: 'due' },
    { label: 'total', cell: (r, lang) => money(r.total, r.currency, lang), sort: 'total', num: true },
    { label: 'regColBalance', cell: (r, lang) => money(r.balance, r.currency, lang), sort: 'balance', num: true },
    {
      label: 'regColStatus',
      cell: (r, lang) => <StatusBadge status={r.status} label={INVOICE_STATUS_WORDS[r.status][lang]} />,
      sort: 'status',
    },
  ],
  filters: (lang) => [
    { param: 'status', label: 'regColStatus', options: words(INVOICE_STATUSES, (s) => INVOICE_STATUS_WORDS[s][lang]) },
    {
      param: 'kind',
      label: 'regColKind',
      options: [
        { value: 'invoice', label: t(lang).kind_invoice },
        { value: 'credit_note', label: t(lang).kind_credit_note },
      ],
    },
  ],
  sorts: ['date', 'due', 'number', 'client', 'total', 'balance', 'status'],
  defaultSort: 'date',
  defaultDirection: ascending('number', 'client', 'status'),
  input: (f) => ({ status: list(f.status), kind: f.kind || undefined }),
  href: (r) => `/app/registers/invoices/${r.id}`,
};

const bills: RegisterDef<Bill> = {
  name: 'bills',
  title: 'regBills',
  tool: listBills,
  rows: (o) => (o as Out<typeof listBills>).bills,
  columns: [
    {
      label: 'regColNumber',
      cell: (r) => (r.supplierInvoiceNumber ? `${r.number} · ${r.supplierInvoiceNumber}` : r.number),
      sort: 'number',
      primary: true,
    },
    { label: 'party_supplier', cell: (r) => r.supplier.name, sort: 'supplier' },
    { label: 'docDate', cell: (r, lang) => day(r.billDate, lang), sort: 'date' },
    { label: 'docDue', cell: (r, lang) => day(r.dueDate, lang), sort: 'due' },
    { label: 'total', cell: (r, lang) => money(r.total, r.currency, lang), sort: 'total', num: true },
    { label: 'regColBalance', cell: (r, lang) => money(r.balance, r.currency, lang), sort: 'balance', num: true },
    {
      label: 'regColStatus',
      cell: (r, lang) => (
        <StatusBadge status={r.status} label={BILL_STATUS_WORDS[r.status as 'draft']?.[lang] ?? r.status} />
      ),
      sort: 'status',
    },
  ],
  filters: (lang) => [
    { param: 'status', label: 'regColStatus', options: words(BILL_STATUSES, (s) => BILL_STATUS_WORDS[s][lang]) },
  ],
  sorts: ['due', 'date', 'number', 'supplier', 'total', 'balance', 'status'],
  defaultSort: 'due',
  defaultDirection: ascending('due', 'number', 'supplier', 'status'),
  input: (f) => ({ status: list(f.status), limit: 50 }),
  href: (r) => `/app/registers/bills/${r.id}`,
};

const SUPPLIER_STATUSES = ['active', 'pending', 'inactive', 'blocked'] as const;

const suppliers: RegisterDef<Supplier> = {
  name: 'suppliers',
  title: 'regSuppliers',
  tool: findSuppliers,
  rows: (o) => (o as Out<typeof findSuppliers>).suppliers,
  columns: [
    { label: 'regColName', cell: (r) => r.name, sort: 'name', primary: true },
    { label: 'email', cell: (r) => r.email ?? '—' },
    { label: 'regColProvince', cell: (r) => r.province ?? r.country },
    {
      label: 'regColTerms',
      cell: (r, lang) => `${integer(r.paymentTermsDays, lang)} ${t(lang).regDays}`,
      num: true,
    },
    {
      label: 'regColStatus',
      cell: (r, lang) => (
        <StatusBadge status={r.status} label={t(lang)[`regSupplier_${r.status}` as MessageKey] ?? r.status} />
      ),
    },
  ],
  filters: (lang) => [
    {
      param: 'status',
      label: 'regColStatus',
      options: words(SUPPLIER_STATUSES, (s) => t(lang)[`regSupplier_${s}` as MessageKey]),
    },
  ],
  sorts: ['name', 'created'],
  defaultSort: 'name',
  defaultDirection: ascending('name'),
  input: (f) => ({ status: list(f.status) }),
  href: (r) => `/app/registers/suppliers/${r.id}`,
};

const clients: RegisterDef<Client> = {
  name: 'clients',
  title: 'regClients',
  tool: findClients,
  rows: (o) => (o as Out<typeof findClients>).clients,
  columns: [
    { label: 'regColName', cell: (r) => r.name, sort: 'name', primary: true },
    { label: 'email', cell: (r) => r.email ?? '—' },
    { label: 'regColProvince', cell: (r) => r.province ?? r.country },
    { label: 'regColLanguage', cell: (r, lang) => t(lang)[r.language === 'fr' ? 'regFrench' : 'regEnglish'] },
    {
      label: 'regColTerms',
      cell: (r, lang) => `${integer(r.paymentTermsDays, lang)} ${t(lang).regDays}`,
      num: true,
    },
  ],
  filters: () => [],
  sorts: ['name', 'created'],
  defaultSort: 'name',
  defaultDirection: ascending('name'),
  input: () => ({}),
  href: (r) => `/app/registers/clients/${r.id}`,
};

const products: RegisterDef<Product> = {
  name: 'products',
  title: 'regProducts',
  tool: findProducts,
  rows: (o) => (o as Out<typeof findProducts>).products,
  columns: [
    { label: 'regColName', cell: (r) => r.name, sort: 'name', primary: true },
    { label: 'regColSku', cell: (r) => r.sku ?? '—', sort: 'sku' },
    { label: 'regColCategory', cell: (r) => r.category?.name ?? '—' },
    { label: 'colUnitPrice', cell: (r, lang) => money(r.unitPrice, r.currency, lang), sort: 'price', num: true },
    { label: 'regColActive', cell: (r, lang) => t(lang)[r.active ? 'regYes' : 'regNo'] },
  ],
  filters: (lang) => [{ param: 'inactive', label: 'regIncludeInactive', options: yesNo(lang) }],
  sorts: ['name', 'sku', 'price'],
  defaultSort: 'name',
  defaultDirection: () => 'asc',
  input: (f) => ({ includeInactive: bool(f.inactive) }),
  href: (r) => `/app/registers/products/${r.id}`,
};

const DOCUMENT_STATUSES = ['received', 'reading', 'extracted', 'proposed', 'booked', 'failed', 'quarantined'] as const;
const DOCUMENT_SOURCES = ['upload', 'email', 'mcp', 'api', 'generated'] as const;

const documents: RegisterDef<Document> = {
  name: 'documents',
  title: 'regDocuments',
  tool: listDocuments,
  rows: (o) => (o as Out<typeof listDocuments>).documents,
  columns: [
    { label: 'colFile', cell: (r) => r.filename, sort: 'filename', primary: true },
    { label: 'colSource', cell: (r, lang) => t(lang)[`regSrc_${r.source}` as MessageKey] },
    {
      label: 'regColStatus',
      cell: (r, lang) => <StatusBadge status={r.status} label={t(lang)[`doc_${r.status}` as MessageKey]} />,
      sort: 'status',
    },
    { label: 'confidence', cell: (r, lang) => percent(r.confidence, lang), num: true },
    { label: 'colSize', cell: (r, lang) => fileSize(r.sizeBytes, lang), sort: 'size', num: true },
    { label: 'regColReceived', cell: (r, lang) => when(r.createdAt, lang), sort: 'created' },
    {
      label: 'kind_bill',
      cell: (r) => (r.bill ? <a href={`/app/registers/bills/${r.bill.id}`}>{r.bill.number}</a> : '—'),
    },
  ],
  filters: (lang) => [
    { param: 'status', label: 'regColStatus', options: words(DOCUMENT_STATUSES, (s) => t(lang)[`doc_${s}`]) },
    {
      param: 'source',
      label: 'colSource',
      options: words(DOCUMENT_SOURCES, (s) => t(lang)[`regSrc_${s}` as MessageKey]),
    },
  ],
  sorts: ['created', 'filename', 'size', 'status'],
  defaultSort: 'created',
  defaultDirection: ascending('filename', 'status'),
  input: (f) => ({ status: list(f.status), source: f.source || undefined }),
  href: (r) => `/app/registers/documents/${r.id}`,
};

const reminders: RegisterDef<Reminder> = {
  name: 'reminders',
  title: 'regReminders',
  tool: listReminders,
  rows: (o) => (o as Out<typeof listReminders>).reminders,
  columns: [
    { label: 'kind_invoice', cell: (r) => r.invoice.number, sort: 'invoice', primary: true },
    { label: 'party_client', cell: (r) => r.client.name, sort: 'client' },
    {
      label: 'regColStep',
      cell: (r, lang) => (r.scheduleDay < 0 ? `J${r.scheduleDay}` : `J+${integer(r.scheduleDay, lang)}`),
      sort: 'day',
    },
    { label: 'regColSent', cell: (r, lang) => (r.sentAt ? when(r.sentAt, lang) : t(lang).regNotSent) },
    { label: 'docDue', cell: (r, lang) => day(r.invoice.dueDate, lang) },
    {
      label: 'regColBalance',
      cell: (r, lang) => money(r.invoice.balance, r.invoice.currency, lang),
      num: true,
    },
  ],
  filters: (lang) => [{ param: 'sent', label: 'regColSent', options: yesNo(lang) }],
  sorts: ['created', 'invoice', 'client', 'day'],
  defaultSort: 'created',
  defaultDirection: ascending('invoice', 'client', 'day'),
  input: (f) => ({ sent: bool(f.sent) }),
  // A reminder is read on its invoice's page, beside the invoice's other reminders and payments.
  href: (r) => `/app/registers/invoices/${r.invoice.id}`,
};

const ACTION_STATUSES = [
  'proposed',
  'pending_approval',
  'approved',
  'executed',
  'failed',
  'rejected',
  'expired',
  'undone',
] as const;
const ACTION_SOURCES = ['chat', 'email', 'mcp', 'rest', 'job'] as const;

const actions: RegisterDef<Action> = {
  name: 'actions',
  title: 'regActions',
  tool: listActions,
  rows: (o) => (o as Out<typeof listActions>).actions,
  columns: [
    { label: 'regColNumber', cell: (r) => `n° ${r.number}`, sort: 'number', primary: true },
    { label: 'action', cell: (r, lang) => toolTitle(r.tool, lang, r.tool) },
    {
      label: 'regColStatus',
      cell: (r, lang) => <StatusBadge status={r.status} label={t(lang)[`status_${r.status}` as MessageKey]} />,
    },
    {
      label: 'regColAskedBy',
      cell: (r, lang) =>
        `${r.byAi ? t(lang).regByAi : (r.requester?.name ?? '—')} · ${t(lang)[`regOrigin_${r.source}` as MessageKey]}`,
    },
    { label: 'confidence', cell: (r, lang) => percent(r.confidence, lang), num: true },
    { label: 'total', cell: (r, lang) => money(r.amount, r.currency, lang), num: true },
    { label: 'regColCreated', cell: (r, lang) => when(r.createdAt, lang) },
  ],
  filters: (lang) => [
    { param: 'status', label: 'regColStatus', options: words(ACTION_STATUSES, (s) => t(lang)[`status_${s}`]) },
    {
      param: 'source',
      label: 'colSource',
      options: words(ACTION_SOURCES, (s) => t(lang)[`regOrigin_${s}` as MessageKey]),
    },
    { param: 'ai', label: 'regByAi', options: yesNo(lang) },
  ],
  sorts: ['number'],
  defaultSort: 'number',
  defaultDirection: () => 'desc',
  input: (f) => ({ status: list(f.status), source: f.source || undefined, byAi: bool(f.ai) }),
  href: (r) => `/app/registers/actions/${r.id}`,
};

/** In the switcher's order. */
export const REGISTERS = [
  orders,
  invoices,
  bills,
  suppliers,
  clients,
  products,
  documents,
  reminders,
  actions,
] as unknown as RegisterDef<unknown>[];

export const registerByName = (name: string) => REGISTERS.find((r) => r.name === name);
