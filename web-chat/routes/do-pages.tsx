/**
 * Every action as a form, without a model, under /app/do: GET shows a tool's form (generated from its
 * schema, records chosen from pickers), POST reads the form back into the tool's input and calls the
 * door through invoke() as the REST API does, so policy, confidence and audit are the same. A done or
 * queued action answers with a redirect (a reload never asks twice; the form's key makes a second post
 * the same action); a refused one shows the form again with each error beside its field. Also the
 * record after an action with its next buttons, the exports as downloads, and a document read from a
 * supplier's bill turned into a bill, its unknown supplier created in one click from what was read.
 */
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { executedMessage, failedMessage, queuedMessage } from '../../tools/actions/messages.ts';
import { fromBill, fromInvoice, fromOrder, type RecordView } from '../../tools/actions/preview.ts';
import { roleRefusal } from '../../tools/actions/policy.ts';
import type { BillSummary } from '../../tools/bills/schemas.ts';
import type { Role, Session } from '../../tools/context.ts';
import type { AnyTool } from '../../tools/define.ts';
import { AppError, errorBody, httpStatus, notFound } from '../../tools/errors.ts';
import { billInputFrom } from '../../tools/intake/read-bill.ts';
import type { InvoiceSummary } from '../../tools/invoicing/schemas.ts';
import { invoke } from '../../tools/invoke.ts';
import type { OrderSummary } from '../../tools/purchasing/schemas.ts';
import { toolByName } from '../../tools/registry.ts';
import { documentReading } from '../../tools/uploads/document-reading.ts';
import type { WebEnv } from '../browser-session.ts';
import { catalogue, tr, type MessageKey } from '../i18n.ts';
import type { RecordKind, RecordRef } from '../pages/action-buttons.tsx';
import {
  editLines,
  type FormValue,
  formValue,
  inputSchema,
  toolInput,
  uncheckedBoxes,
  withEmptyLines,
} from '../pages/action-form.tsx';
import {
  ActionFormPage,
  BillFromDocumentPage,
  DoIndexPage,
  EXPORTS,
  type Flash,
  INDEX_GROUPS,
  RecordPage,
  type UnknownSupplier,
} from '../pages/action-pages.tsx';
import { decidableCount } from './approvals-page.tsx';
import { choicesFor, fieldErrors, read, refusalText } from './form-data.ts';
import { isoDate } from '../../tools/dates.ts';

const PERSON = { source: 'rest', byAi: false } as const;

/** The tools offered as forms here: the index's, and those a record's buttons open. */
const FORM_TOOLS = new Set([
  ...INDEX_GROUPS.flatMap((g) => g.tools),
  'purchasing_submit_order',
  'purchasing_send_order',
  'purchasing_cancel_order',
]);

/** Which record a reference field names, for the page shown above its form and after the action. */
const RECORD_OF_PARAM: Record<string, RecordKind> = {
  orderId: 'purchase_order',
  billId: 'bill',
  invoiceId: 'invoice',
};
/** Tools that create the record they return (its id in the result). */
const CREATES: Record<string, RecordKind> = {
  purchasing_create_order: 'purchase_order',
  bills_record_supplier_bill: 'bill',
  invoicing_create_invoice: 'invoice',
};

const page = (jsx: { toString(): string }) => `<!doctype html>${jsx.toString()}`;

/** A record as its document, read through its own get tool; null when it cannot be read. */
async function recordView(session: Session, kind: RecordKind, id: string): Promise<RecordView | null> {
  if (kind === 'purchase_order')
    return fromOrder(await read<OrderSummary>(session, 'purchasing_get_order', { orderId: id }), session.lang);
  if (kind === 'bill')
    return fromBill(await read<BillSummary>(session, 'bills_get_bill', { billId: id }), session.lang);
  if (kind === 'invoice')
    return fromInvoice(await read<InvoiceSummary>(session, 'invoicing_get_invoice', { invoiceId: id }), session.lang);
  return null;
}

/** What a finished request did, said from the action as it stands (read back, so a reload says the same). */
async function actionFlash(session: Session, actionId: string | undefined): Promise<Flash | null> {
  if (!actionId || !/^[0-9a-f-]{36}$/i.test(actionId)) return null;
  try {
    const { action } = await read<{
      action: {
        number: number;
        status: string;
        requiredLevel: number;
        error: { message: string } | null;
      };
    }>(session, 'actions_get', { actionId });
    const lang = session.lang;
    if (action.status === 'executed') return { kind: 'ok', text: executedMessage(lang, action.number, undefined) };
    if (action.status === 'pending_approval') {
      // Who may decide is the policy's decision, kept on the waiting action (actions_list shows it).
      const waiting = (await pendingActions(session)).find((a) => a.id === actionId);
      return {
        kind: 'wait',
        text: queuedMessage(lang, action.number, action.requiredLevel, waiting?.decision?.approvers ?? []),
      };
    }
    if (action.status === 'failed')
      return { kind: 'error', text: failedMessage(lang, action.number, action.error?.message ?? '') };
    return { kind: 'ok', text: tr(lang, 'doneFlash', { n: action.number, status: action.status }) };
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

interface WaitingAction {
  id: string;
  number: number;
  tool: string;
  input: unknown;
  decision: { approvers?: Role[] } | null;
}

/** The actions waiting for a decision, as the person may see them. */
async function pendingActions(session: Session): Promise<WaitingAction[]> {
  const out = await read<{ actions: WaitingAction[] }>(session, 'actions_list', {
    status: ['pending_approval'],
    limit: 200,
  });
  return out.actions;
}

/** The company's own currency: a bill read without one is in it. */
async function companyCurrency(session: Session): Promise<string> {
  return (await read<{ currency: string }>(session, 'settings_get', {})).currency;
}

/** From the first of January, the company's clock. */
function yearSoFar(session: Session) {
  const today = isoDate(session.now());
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

function formTool(c: Context<WebEnv>): AnyTool {
  const name = c.req.param('tool') ?? '';
  const tool = FORM_TOOLS.has(name) ? toolByName(name) : undefined;
  if (tool?.kind !== 'write') throw notFound(catalogue[c.get('session').lang].doNoSuchForm);
  return tool;
}

const frame = async (c: Context<WebEnv>, path: string) => ({
  lang: c.get('session').lang,
  browser: c.get('browser'),
  pending: await decidableCount(c.get('session')),
  path,
});

const titleOf = (tool: AnyTool, lang: 'fr' | 'en') => catalogue[lang][`do_${tool.name}` as MessageKey] ?? tool.title;

/** The form of one tool: values from the query (a record chosen from its page) or as posted. */
async function renderForm(
  c: Context<WebEnv>,
  tool: AnyTool,
  value: FormValue,
  extra: { errors?: Record<string, string>; flash?: Flash | null; status?: number } = {},
) {
  const session = c.get('session');
  const schema = inputSchema(tool);
  // The record the action is about, when the page was opened from it: shown, and not to be changed here.
  const param = Object.keys(RECORD_OF_PARAM).find((k) => typeof value[k] === 'string' && schema.properties?.[k]);
  const fixedParam = param && c.req.query(param) ? param : undefined;
  let record: RecordView | null = null;
  if (fixedParam) {
    try {
      record = await recordView(session, RECORD_OF_PARAM[fixedParam]!, String(value[fixedParam]));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  const html = page(
    <ActionFormPage
      {...(await frame(c, `/app/do/${tool.name}`))}
      tool={tool.name}
      title={titleOf(tool, session.lang)}
      schema={schema}
      value={withEmptyLines(value, schema)}
      errors={extra.errors ?? {}}
      choices={await choicesFor(session, schema)}
      fixed={new Set(fixedParam ? [fixedParam] : [])}
      flash={extra.flash ?? null}
      record={record}
      formKey={randomUUID()}
      action={`/app/do/${tool.name}${fixedParam ? `?${fixedParam}=${encodeURIComponent(String(value[fixedParam]))}` : ''}`}
    />,
  );
  return c.html(html, (extra.status ?? 200) as 200);
}

/** Lines of an order to receive, each at what is still to come. */
async function receiptLines(session: Session, orderId: string): Promise<FormValue[]> {
  const order = await read<OrderSummary>(session, 'purchasing_get_order', { orderId });
  return order.lines.map((l) => {
    const left = Number(l.quantity) - Number(l.quantityReceived);
    return { itemId: l.itemId, quantity: left > 0 ? String(left) : '0' };
  });
}

/** Where a done or queued action leads: the record it made or moved, else its form with the news. */
function afterAction(tool: AnyTool, input: Record<string, unknown>, action: { id: string; result: unknown }) {
  const made = CREATES[tool.name];
  const resultId = (action.result as { id?: string } | null)?.id;
  if (made && resultId) return `/app/do/record/${made}/${resultId}?action=${action.id}`;
  const param = Object.keys(RECORD_OF_PARAM).find((k) => typeof input[k] === 'string');
  if (param) return `/app/do/record/${RECORD_OF_PARAM[param]}/${input[param] as string}?action=${action.id}`;
  return `/app/do/${tool.name}?action=${action.id}`;
}

/** Ask the door; a refusal is thrown back as an AppError for the caller to show. */
async function ask(c: Context<WebEnv>, tool: AnyTool, input: Record<string, unknown>, key: unknown) {
  const out = await invoke(c.get('session'), tool, input, {
    ...PERSON,
    clientKey: typeof key === 'string' && /^[0-9a-f-]{36}$/i.test(key) ? key : undefined,
  });
  if (out.kind !== 'write') throw new Error(`${tool.name} is not a write tool`);
  return out.action;
}

/** The supplier a reading names, when no supplier of the company has that name. */
async function unknownSupplierOf(
  session: Session,
  supplier: { name?: string; gstNumber?: string; qstNumber?: string } | undefined,
): Promise<{ unknown: UnknownSupplier | null; knownId: string | null }> {
  if (!supplier?.name && !supplier?.gstNumber && !supplier?.qstNumber) return { unknown: null, knownId: null };
  const { suppliers } = await read<{
    suppliers: { id: string; name: string; gstNumber: string | null; qstNumber: string | null }[];
  }>(session, 'purchasing_find_suppliers', { query: supplier.name ?? '', limit: 100 });
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .toLowerCase();
  const digits = (s: string | null | undefined) => (s ?? '').replace(/\D/g, '');
  const found = suppliers.find(
    (s) =>
      (supplier.name && fold(s.name) === fold(supplier.name)) ||
      (supplier.gstNumber && digits(s.gstNumber) && digits(s.gstNumber) === digits(supplier.gstNumber)) ||
      (supplier.qstNumber && digits(s.qstNumber) && digits(s.qstNumber) === digits(supplier.qstNumber)),
  );
  if (found) return { unknown: null, knownId: found.id };
  return {
    unknown: {
      name: supplier.name ?? null,
      gstNumber: supplier.gstNumber ?? null,
      qstNumber: supplier.qstNumber ?? null,
    },
    knownId: null,
  };
}

/** The bill a document's reading makes, as the record-bill form, with the PDF beside it. */
async function renderBillFromDocument(
  c: Context<WebEnv>,
  documentId: string,
  extra: { value?: FormValue; errors?: Record<string, string>; flash?: Flash | null; status?: number } = {},
) {
  const session = c.get('session');
  const doc = await documentReading(session, documentId);
  const tool = toolByName('bills_record_supplier_bill')!;
  const schema = inputSchema(tool);
  const made = doc.extraction
    ? billInputFrom(doc.extraction, doc.id, await companyCurrency(session))
    : { missing: 'no reading' };
  const readInput = 'input' in made ? made.input : { documentId: doc.id };
  const read = readInput as { supplier?: { name?: string; gstNumber?: string; qstNumber?: string } } & FormValue;
  const { unknown, knownId } = await unknownSupplierOf(session, read.supplier);
  const chosen = c.req.query('supplierId') ?? knownId ?? undefined;
  const { supplier: _read, ...rest } = read;
  const value: FormValue = extra.value ?? { ...stringsOf(rest), supplierId: chosen, documentId: doc.id };
  const html = page(
    <BillFromDocumentPage
      {...(await frame(c, `/app/do/bill-from-document/${doc.id}`))}
      document={doc}
      unknownSupplier={chosen ? null : unknown}
      missing={'missing' in made ? catalogue[session.lang].billNotReadable : null}
      schema={schema}
      value={withEmptyLines(value, schema)}
      errors={extra.errors ?? {}}
      choices={await choicesFor(session, schema)}
      fixed={new Set(['documentId', 'supplier'])}
      flash={extra.flash ?? null}
      formKey={randomUUID()}
    />,
  );
  return c.html(html, (extra.status ?? 200) as 200);
}

/** A reading's values as the form holds them (strings), dropping what is undefined. */
function stringsOf(v: unknown): FormValue {
  if (Array.isArray(v)) return v.map(stringsOf) as unknown as FormValue;
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined && x !== null)
        .map(([k, x]) => [k, typeof x === 'object' ? stringsOf(x) : String(x)]),
    );
  return v as FormValue;
}

export function doPageRoutes() {
  return new Hono<WebEnv>()
    .get('/do', async (c) => {
      const session = c.get('session');
      const allowed = new Set(
        [...FORM_TOOLS].filter((name) => {
          const tool = toolByName(name);
          return tool?.kind === 'write' && roleRefusal(session.actor.role, tool) === null;
        }),
      );
      return c.html(
        page(
          <DoIndexPage
            {...(await frame(c, '/app/do'))}
            flash={await actionFlash(session, c.req.query('action'))}
            allowed={allowed}
            period={yearSoFar(session)}
          />,
        ),
      );
    })
    .get('/do/export', async (c) => {
      const session = c.get('session');
      const dataset = c.req.query('dataset') ?? '';
      const period = { from: c.req.query('from') || undefined, to: c.req.query('to') || undefined };
      try {
        if (!(EXPORTS as readonly string[]).includes(dataset)) throw notFound(catalogue[session.lang].doNoSuchForm);
        const result =
          dataset === 'journal'
            ? await read<{ filename: string; contentType: string; csv: string }>(
                session,
                'exports_quickbooks_journal',
                period,
              )
            : await read<{ filename: string; contentType: string; csv: string }>(session, 'exports_csv', {
                dataset,
                ...period,
              });
        return c.body(result.csv, 200, {
          'content-type': result.contentType,
          'content-disposition': `attachment; filename="${result.filename}"`,
        });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const body = errorBody(err).error;
        return c.html(
          page(
            <DoIndexPage
              {...(await frame(c, '/app/do'))}
              flash={null}
              allowed={new Set()}
              period={{ from: period.from ?? '', to: period.to ?? '' }}
              exportError={body.message}
            />,
          ),
          httpStatus[body.code] as 400,
        );
      }
    })
    .get('/do/record/:kind/:id', async (c) => {
      const session = c.get('session');
      const kind = c.req.param('kind') as RecordKind;
      if (!['purchase_order', 'bill', 'invoice'].includes(kind) || !/^[0-9a-f-]{36}$/i.test(c.req.param('id')))
        throw notFound(catalogue[session.lang].doNoSuchForm);
      const record = (await recordView(session, kind, c.req.param('id')))!;
      const ref: RecordRef = { kind, id: record.id!, status: record.status ?? '' };
      // An action on this record already waiting is not offered twice; the page says it waits.
      const waiting = (await pendingActions(session)).filter((a) =>
        Object.values((a.input ?? {}) as Record<string, unknown>).includes(record.id),
      );
      return c.html(
        page(
          <RecordPage
            {...(await frame(c, c.req.path))}
            record={record}
            ref={ref}
            waiting={waiting.map((a) => ({ number: a.number, tool: a.tool }))}
            flash={await actionFlash(session, c.req.query('action'))}
          />,
        ),
      );
    })
    .get('/do/bill-from-document/:id', async (c) =>
      renderBillFromDocument(c, c.req.param('id'), {
        flash: await actionFlash(c.get('session'), c.req.query('action')),
      }),
    )
    .post('/do/bill-from-document/:id/supplier', async (c) => {
      const session = c.get('session');
      const doc = await documentReading(session, c.req.param('id'));
      const made = doc.extraction ? billInputFrom(doc.extraction, doc.id, await companyCurrency(session)) : null;
      const read = (made && 'input' in made ? made.input.supplier : undefined) as
        | { name?: string; gstNumber?: string; qstNumber?: string }
        | undefined;
      const name = read?.name ?? read?.gstNumber ?? read?.qstNumber;
      try {
        if (!name) throw notFound(catalogue[session.lang].billNotReadable);
        const action = await ask(
          c,
          toolByName('purchasing_create_supplier')!,
          {
            name,
            gstNumber: read?.gstNumber,
            qstNumber: read?.qstNumber,
            // The sender of the emailed bill is the supplier's billing address more often than not.
            email: doc.email?.from,
          },
          undefined,
        );
        const id = (action.result as { id?: string } | null)?.id;
        if (action.status === 'executed' && id)
          return c.redirect(`/app/do/bill-from-document/${doc.id}?supplierId=${id}&action=${action.id}`, 303);
        return c.redirect(`/app/do/bill-from-document/${doc.id}?action=${action.id}`, 303);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const body = errorBody(err).error;
        return renderBillFromDocument(c, doc.id, {
          flash: { kind: 'error', text: body.message },
          status: httpStatus[body.code],
        });
      }
    })
    .post('/do/bill-from-document/:id', async (c) => {
      const session = c.get('session');
      const doc = await documentReading(session, c.req.param('id'));
      const tool = toolByName('bills_record_supplier_bill')!;
      const schema = inputSchema(tool);
      const form = await c.req.parseBody();
      let value: FormValue = { ...formValue(form, schema), documentId: doc.id };
      if (form._add || form._remove) {
        value = editLines(value, form._add as string | undefined, form._remove as string | undefined);
        return renderBillFromDocument(c, doc.id, { value });
      }
      const input = toolInput(value, schema);
      try {
        const action = await ask(c, tool, input, form._key);
        if (action.status === 'failed')
          return renderBillFromDocument(c, doc.id, {
            value,
            flash: { kind: 'error', text: action.message },
            status: 409,
          });
        return c.redirect(afterAction(tool, input, action), 303);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const body = errorBody(err).error;
        const errors = fieldErrors(err, session, input);
        return renderBillFromDocument(c, doc.id, {
          value,
          errors,
          flash: { kind: 'error', text: refusalText(session, body.message, errors) },
          status: httpStatus[body.code],
        });
      }
    })
    .get('/do/:tool', async (c) => {
      const tool = formTool(c);
      const session = c.get('session');
      const schema = inputSchema(tool);
      const value: FormValue = {};
      for (const [k, v] of Object.entries(c.req.query()))
        if (schema.properties?.[k] && !k.startsWith('_')) value[k] = v;
      if (tool.name === 'purchasing_receive_items' && typeof value.orderId === 'string') {
        try {
          value.lines = await receiptLines(session, value.orderId);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
        }
      }
      return renderForm(c, tool, value, { flash: await actionFlash(session, c.req.query('action')) });
    })
    .post('/do/:tool', async (c) => {
      const tool = formTool(c);
      const session = c.get('session');
      const schema = inputSchema(tool);
      const form = await c.req.parseBody();
      let value = uncheckedBoxes(formValue(form, schema), schema, true);
      if (form._add || form._remove) {
        value = editLines(value, form._add as string | undefined, form._remove as string | undefined);
        return renderForm(c, tool, value);
      }
      const input = toolInput(value, schema);
      try {
        const action = await ask(c, tool, input, form._key);
        if (action.status === 'failed')
          return renderForm(c, tool, value, { flash: { kind: 'error', text: action.message }, status: 409 });
        return c.redirect(afterAction(tool, input, action), 303);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const body = errorBody(err).error;
        const errors = fieldErrors(err, session, input);
        return renderForm(c, tool, value, {
          errors,
          flash: { kind: 'error', text: refusalText(session, body.message, errors) },
          status: httpStatus[body.code],
        });
      }
    });
}
