/**
 * The actions a person may take on one record, as buttons: those that need nothing more (submit an
 * order, send an invoice, approve a bill) post at once; those that need a few words (receive, pay,
 * cancel with a reason) open their form with the record already chosen. Which actions show depends
 * on the record's type and status and on the reader's role (the door's own role rule); the door still
 * decides whether each one runs now or waits for approval.
 */
import { roleRefusal } from '../../tools/actions/policy.ts';
import type { Lang, Role } from '../../tools/context.ts';
import { toolByName } from '../../tools/registry.ts';
import { catalogue, type MessageKey } from '../i18n.ts';

export type RecordKind = 'purchase_order' | 'bill' | 'invoice' | 'document';

/** The record the buttons are for: what it is, its id and its status as stored. */
export interface RecordRef {
  kind: RecordKind;
  id: string;
  status: string;
}

interface Offer {
  tool: string;
  /** The tool's input field that names the record. */
  param: string;
  statuses: readonly string[];
  /** True when the action needs more than the record (a quantity, a reason): its form opens. */
  form: boolean;
  danger?: boolean;
  /** A page of its own instead of the tool's form. */
  href?: (id: string) => string;
}

const OPEN_INVOICE = ['sent', 'viewed', 'partially_paid', 'overdue'] as const;

const OFFERS: Record<RecordKind, Offer[]> = {
  purchase_order: [
    { tool: 'purchasing_submit_order', param: 'orderId', statuses: ['draft'], form: false },
    { tool: 'purchasing_send_order', param: 'orderId', statuses: ['approved'], form: false },
    {
      tool: 'purchasing_receive_items',
      param: 'orderId',
      statuses: ['sent', 'confirmed', 'partially_received'],
      form: true,
    },
    {
      tool: 'purchasing_cancel_order',
      param: 'orderId',
      statuses: ['draft', 'pending_approval', 'approved', 'sent', 'confirmed'],
      form: true,
      danger: true,
    },
  ],
  bill: [
    { tool: 'bills_approve_bill', param: 'billId', statuses: ['draft', 'booked'], form: false },
    { tool: 'bills_pay_bill', param: 'billId', statuses: ['approved', 'partially_paid'], form: true },
  ],
  invoice: [
    { tool: 'invoicing_send_invoice', param: 'invoiceId', statuses: ['draft'], form: false },
    { tool: 'invoicing_record_payment', param: 'invoiceId', statuses: OPEN_INVOICE, form: true },
    { tool: 'reminders_send_reminder', param: 'invoiceId', statuses: OPEN_INVOICE, form: false },
    {
      tool: 'invoicing_create_credit_note',
      param: 'invoiceId',
      statuses: [...OPEN_INVOICE, 'paid'],
      form: true,
    },
  ],
  document: [
    {
      tool: 'bills_record_supplier_bill',
      param: 'documentId',
      statuses: ['extracted', 'failed'],
      form: true,
      href: (id) => `/app/do/bill-from-document/${id}`,
    },
  ],
};

export interface OfferedAction {
  tool: string;
  label: string;
  /** Where the form opens, or null when one click posts it. */
  href: string | null;
  param: string;
  danger: boolean;
}

/** What this reader may ask for on this record now; empty for a viewer. */
export function actionsFor(record: RecordRef, role: Role, lang: Lang): OfferedAction[] {
  const t = catalogue[lang];
  return OFFERS[record.kind]
    .filter((o) => o.statuses.includes(record.status))
    .filter((o) => {
      const tool = toolByName(o.tool);
      return tool?.kind === 'write' && roleRefusal(role, tool) === null;
    })
    .map((o) => ({
      tool: o.tool,
      label: t[`do_${o.tool}` as MessageKey] ?? o.tool,
      href: o.href
        ? o.href(record.id)
        : o.form
          ? `/app/do/${o.tool}?${o.param}=${encodeURIComponent(record.id)}`
          : null,
      param: o.param,
      danger: o.danger ?? false,
    }));
}

/** The buttons themselves, for a detail page or a result page; nothing at all when none applies. */
export function ActionButtons(p: {
  record: RecordRef;
  role: Role;
  lang: Lang;
  csrfToken: string;
  /** Tools not to offer (one already waiting for approval on this record). */
  exclude?: ReadonlySet<string>;
}) {
  const offered = actionsFor(p.record, p.role, p.lang).filter((a) => !p.exclude?.has(a.tool));
  if (!offered.length) return null;
  return (
    <section class="action-buttons" aria-label={catalogue[p.lang].actionsHeading}>
      {offered.map((a) =>
        a.href ? (
          <a class={a.danger ? 'button danger' : 'button'} href={a.href} data-tool={a.tool}>
            {a.label}
          </a>
        ) : (
          <form method="post" action={`/app/do/${a.tool}`} class="one-click">
            <input type="hidden" name="_csrf" value={p.csrfToken} />
            <input type="hidden" name={`f.${a.param}`} value={p.record.id} />
            <button type="submit" class={a.danger ? 'danger' : 'primary'} data-tool={a.tool}>
              {a.label}
            </button>
          </form>
        ),
      )}
    </section>
  );
}
