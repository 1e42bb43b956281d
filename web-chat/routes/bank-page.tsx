/**
 * The bank screen (pages/bank.tsx) and its forms. Everything goes through the tools and the door, as
 * the chat and MCP do: banking_list_accounts and banking_list_reconciliation to read,
 * banking_preview_statement and banking_import_statement to import, banking_confirm_match and
 * banking_reject_match to decide. A decision answers with a redirect back to the list (a reload never
 * decides twice) and the action's outcome; a refusal shows the list again with the door's reason,
 * with its status (another company's line is a 404, as the tool says).
 */
import { type Context, Hono } from 'hono';
import { getAction } from '../../tools/actions/get-action.ts';
import { executedMessage, failedMessage } from '../../tools/actions/messages.ts';
import { propose } from '../../tools/actions/door.ts';
import { listAccounts, previewStatement } from '../../tools/banking/accounts.ts';
import { confirmMatch } from '../../tools/banking/confirm-match.ts';
import { importStatement } from '../../tools/banking/import-statement.ts';
import { listReconciliation } from '../../tools/banking/list-reconciliation.ts';
import { rejectMatch } from '../../tools/banking/reject-match.ts';
import type { Session } from '../../tools/context.ts';
import type { AnyTool } from '../../tools/define.ts';
import { AppError, errorBody, httpStatus } from '../../tools/errors.ts';
import { invoke } from '../../tools/invoke.ts';
import { toolByName } from '../../tools/registry.ts';
import type { WebEnv } from '../browser-session.ts';
import { catalogue, tr } from '../i18n.ts';
import {
  type BankAccountRow,
  BankPage,
  type BankData,
  type Filters,
  listQuery,
  type MappingForm,
  type RecLine,
} from '../pages/bank.tsx';
import { decidableCount } from './approvals-page.tsx';

const PERSON = { source: 'rest', byAi: false } as const;

/** Back to the list as it was filtered, with the action just proposed. */
function backTo(c: Context<WebEnv>, actionId: string) {
  const q = new URLSearchParams(listQuery(filtersOf(c)).slice(1));
  q.set('done', actionId);
  return c.redirect(`/app/bank?${q}`, 303);
}
const PAGE_SIZE = 20;
const DECIDERS = new Set(['admin', 'manager', 'accountant']);

async function read<T>(session: Session, tool: AnyTool, input: unknown): Promise<T> {
  const out = await invoke(session, tool, input, PERSON);
  if (out.kind !== 'read') throw new Error(`${tool.name} is not a read tool`);
  return out.output as T;
}

function filtersOf(c: Context<WebEnv>): Filters {
  const direction = c.req.query('direction');
  const offset = Number.parseInt(c.req.query('offset') ?? '0', 10);
  return {
    direction: direction === 'in' || direction === 'out' ? direction : '',
    search: (c.req.query('q') ?? '').trim().slice(0, 100),
    withCandidatesOnly: c.req.query('suggested') === '1',
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
}

/** What the person's last action did, said from the action as it now stands. */
async function outcomeText(session: Session, id: string): Promise<BankData['flash']> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const lang = session.lang;
  try {
    const { action } = await read<{
      action: { number: number; tool: string; status: string; result: unknown; error: unknown };
    }>(session, getAction, { actionId: id });
    if (action.status === 'executed') {
      const tool = toolByName(action.tool);
      const summary = tool?.summarize ? tool.summarize(action.result as never, lang) : undefined;
      return { kind: 'ok', text: executedMessage(lang, action.number, summary) };
    }
    if (action.status === 'pending_approval')
      return { kind: 'ok', text: tr(lang, 'rec_pendingFlash', { n: action.number }) };
    const error = (action.error as { message?: string } | null)?.message ?? '';
    return { kind: 'error', text: failedMessage(lang, action.number, error) };
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

interface RenderOptions {
  flash?: BankData['flash'];
  mapping?: MappingForm | null;
  lines?: { lines: RecLine[]; total: number } | null;
  single?: boolean;
}

async function render(c: Context<WebEnv>, options: RenderOptions = {}, status: number = 200) {
  const session = c.get('session');
  const filters = filtersOf(c);
  const [{ accounts }, listed, pending] = await Promise.all([
    read<{ accounts: BankAccountRow[] }>(session, listAccounts, {}),
    options.lines
      ? Promise.resolve(options.lines)
      : read<{ lines: RecLine[]; total: number }>(session, listReconciliation, {
          offset: filters.offset,
          limit: PAGE_SIZE,
          withCandidatesOnly: filters.withCandidatesOnly,
          ...(filters.direction ? { direction: filters.direction } : {}),
          ...(filters.search ? { search: filters.search } : {}),
        }),
    decidableCount(session),
  ]);
  const done = c.req.query('done');
  const data: BankData = {
    lang: session.lang,
    browser: c.get('browser'),
    path: '/app/bank',
    pending,
    accounts,
    lines: listed.lines,
    total: listed.total,
    limit: PAGE_SIZE,
    filters,
    flash: options.flash ?? (done ? await outcomeText(session, done) : null),
    mapping: options.mapping ?? null,
    single: options.single ?? false,
    canAct: DECIDERS.has(c.get('browser').actor.role),
  };
  return c.html(`<!doctype html>${(<BankPage {...data} />).toString()}`, status as 200);
}

/** The door's refusal as the page shows it, with the status the API would answer. */
function refusalOf(err: unknown): { text: string; status: number; details: unknown } {
  if (!(err instanceof AppError)) throw err;
  const body = errorBody(err).error;
  return { text: body.message, status: httpStatus[body.code], details: body.details };
}

/** A statement file as text: UTF-8 when it is, else the Windows Latin-1 most bank exports use. */
function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const MAPPING_FIELDS = ['date', 'amount', 'debit', 'credit', 'description', 'reference', 'counterparty'] as const;

/** A first guess at the columns from the file's rows, for the person to correct. */
function guessedValues(rows: string[][]): Record<string, string> {
  const sample = rows.slice(0, 5);
  const columns = Math.max(0, ...sample.map((r) => r.length));
  const share = (test: RegExp, i: number) => sample.filter((r) => test.test((r[i] ?? '').trim())).length;
  const find = (test: RegExp, skip: number[] = []) => {
    for (let i = 0; i < columns; i++) if (!skip.includes(i) && share(test, i) >= Math.ceil(sample.length / 2)) return i;
    return -1;
  };
  const date = find(/^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/);
  const amount = find(/^[-+(]?\s*([A-Z]{0,3}\$|€)?\s*-?[\d\s.,]+\s*(€|\$)?\)?-?$/, [date]);
  let description = -1;
  let longest = 0;
  for (let i = 0; i < columns; i++) {
    if (i === date || i === amount) continue;
    const length = sample.reduce((s, r) => s + (r[i] ?? '').length, 0);
    if (length > longest) [longest, description] = [length, i];
  }
  const iso = date >= 0 && sample.some((r) => /^\d{4}-/.test(r[date] ?? ''));
  const comma =
    amount >= 0 && sample.some((r) => /\d,\d{2}\b/.test(r[amount] ?? '') && !/\.\d{2}\b/.test(r[amount] ?? ''));
  const header = sample.length > 1 && date >= 0 && !/\d/.test(sample[0]?.[date] ?? '');
  return {
    header: header ? '1' : '',
    date: date >= 0 ? String(date) : '0',
    dateFormat: iso ? 'yyyy-mm-dd' : 'dd/mm/yyyy',
    amount: amount >= 0 ? String(amount) : '',
    decimalComma: comma ? '1' : '',
    description: description >= 0 ? String(description) : '0',
  };
}

/** The form's values as the person set them, or the account's saved mapping. */
function valuesOfMapping(m: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {
    header: m.header ? '1' : '',
    dateFormat: str(m.dateFormat),
    decimalComma: m.decimalComma ? '1' : '',
  };
  for (const f of MAPPING_FIELDS) out[f] = typeof m[f] === 'number' ? String(m[f]) : '';
  return out;
}

async function mappingForm(
  session: Session,
  content: string,
  fileName: string,
  accountId: string,
  values: Record<string, string> | null,
  fieldErrors: Record<string, string> = {},
): Promise<MappingForm> {
  const preview = await read<{ columns: number; rows: string[][]; savedMapping: Record<string, unknown> | null }>(
    session,
    previewStatement,
    { content, ...(accountId ? { accountId } : {}) },
  );
  return {
    content,
    fileName,
    accountId,
    columns: Math.max(1, preview.columns),
    rows: preview.rows,
    values: values ?? (preview.savedMapping ? valuesOfMapping(preview.savedMapping) : guessedValues(preview.rows)),
    fieldErrors,
  };
}

export function bankPageRoutes() {
  return new Hono<WebEnv>()
    .get('/bank', (c) => render(c))
    .get('/bank/lines/:id', async (c) => {
      const session = c.get('session');
      const id = c.req.param('id');
      try {
        const listed = await read<{ lines: RecLine[]; total: number }>(session, listReconciliation, {
          transactionId: id,
          limit: 1,
        });
        if (!listed.lines.length) {
          const text = session.lang === 'fr' ? `Opération introuvable : ${id}.` : `Bank transaction not found: ${id}.`;
          return render(c, { flash: { kind: 'error', text }, lines: listed, single: true }, 404);
        }
        return render(c, { lines: listed, single: true });
      } catch (err) {
        const r = refusalOf(err);
        return render(
          c,
          { flash: { kind: 'error', text: r.text }, lines: { lines: [], total: 0 }, single: true },
          r.status,
        );
      }
    })
    .post('/bank/import', async (c) => {
      const session = c.get('session');
      const t = catalogue[session.lang];
      const form = await c.req.parseBody();
      const accountId = str(form.accountId);
      let content: string;
      let fileName = str(form.fileName);
      let csvMapping: Record<string, unknown> | undefined;
      if (form.mapping === '1') {
        content = str(form.content);
        const values: Record<string, string> = {
          header: str(form.header),
          dateFormat: str(form.dateFormat),
          decimalComma: str(form.decimalComma),
        };
        for (const f of MAPPING_FIELDS) values[f] = str(form[f]);
        if (!values.amount && !(values.debit && values.credit)) {
          const mapping = await mappingForm(session, content, fileName, accountId, values, {
            amount: t.rec_mapAmountHelp,
          });
          return render(c, { mapping, flash: { kind: 'error', text: t.rec_mapAmountHelp } }, 400);
        }
        csvMapping = {
          header: values.header === '1',
          dateFormat: values.dateFormat,
          decimalComma: values.decimalComma === '1',
        };
        for (const f of MAPPING_FIELDS) if (values[f]) csvMapping[f] = Number(values[f]);
      } else {
        const file = form.statement;
        if (!(file instanceof File) || file.size === 0)
          return render(c, { flash: { kind: 'error', text: t.rec_noFile } }, 400);
        content = decode(await file.arrayBuffer());
        fileName = file.name.slice(0, 255);
      }
      const input = { content, fileName, ...(accountId ? { accountId } : {}), ...(csvMapping ? { csvMapping } : {}) };
      try {
        const out = await propose(session, importStatement, input, PERSON);
        return c.redirect(`/app/bank?done=${encodeURIComponent(out.id)}`, 303);
      } catch (err) {
        const r = refusalOf(err);
        // A CSV that does not read by itself (or through the mapping given): ask for its columns.
        let isCsv = false;
        try {
          isCsv = (await read<{ format: string | null }>(session, previewStatement, { content })).format === 'csv';
        } catch (previewErr) {
          if (!(previewErr instanceof AppError)) throw previewErr;
        }
        if (isCsv && r.status === 400) {
          const issues = (r.details as { issues?: { path: (string | number)[]; message: string }[] } | null)?.issues;
          const fieldErrors = Object.fromEntries(
            (issues ?? []).map((i) => [String(i.path.at(-1) ?? ''), i.message] as const),
          );
          const values = csvMapping ? valuesOfMapping(csvMapping) : null;
          const mapping = await mappingForm(session, content, fileName, accountId, values, fieldErrors);
          return render(c, { mapping, flash: { kind: 'error', text: r.text } }, 400);
        }
        return render(c, { flash: { kind: 'error', text: r.text } }, r.status);
      }
    })
    .post('/bank/lines/:id/confirm', async (c) => {
      const session = c.get('session');
      const form = await c.req.parseBody({ all: true });
      const targets = ([] as unknown[])
        .concat(form.target ?? [])
        .filter((x): x is string => typeof x === 'string')
        .slice(0, 20)
        .map((v) => {
          const [kind, id, amount] = v.split(':');
          return { kind, id, ...(amount ? { amount } : {}) };
        });
      const input = { transactionId: c.req.param('id'), targets, writeOffFee: form.writeOffFee === '1' };
      try {
        const out = await propose(session, confirmMatch, input, PERSON);
        return backTo(c, out.id);
      } catch (err) {
        const r = refusalOf(err);
        return render(c, { flash: { kind: 'error', text: r.text } }, r.status);
      }
    })
    .post('/bank/lines/:id/reject', async (c) => {
      const session = c.get('session');
      const form = await c.req.parseBody();
      const input = {
        transactionId: c.req.param('id'),
        targetKind: str(form.targetKind),
        targetId: str(form.targetId),
      };
      try {
        const out = await propose(session, rejectMatch, input, PERSON);
        return backTo(c, out.id);
      } catch (err) {
        const r = refusalOf(err);
        return render(c, { flash: { kind: 'error', text: r.text } }, r.status);
      }
    });
}
