/**
 * Comptoir data an MCP client can attach to a conversation: the approval queue, the company settings,
 * and one action, purchase order, invoice or supplier bill by id (listed and completed from the most
 * recent ones). Each is read through a registry read tool, so tenancy and shapes are those of the tools.
 */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { getAction } from '../tools/actions/get-action.ts';
import { listActions } from '../tools/actions/list-actions.ts';
import { getBill } from '../tools/bills/get-bill.ts';
import { listBills } from '../tools/bills/list-bills.ts';
import type { Session } from '../tools/context.ts';
import type { AnyTool } from '../tools/define.ts';
import { AppError } from '../tools/errors.ts';
import { getInvoice } from '../tools/invoicing/get-invoice.ts';
import { listInvoices } from '../tools/invoicing/list-invoices.ts';
import { getOrder } from '../tools/purchasing/get-order.ts';
import { listOrders } from '../tools/purchasing/list-orders.ts';
import { getSettings } from '../tools/settings/get-settings.ts';
import { readTool } from './register.ts';

/** JSON-RPC code the MCP spec gives an unknown resource. */
const RESOURCE_NOT_FOUND = -32002;
/** Completion answers are capped at 100 values by the spec; fewer is kinder to a picker. */
const MAX_COMPLETIONS = 20;
/** How far back completion looks, and how many a listing shows: the most recent is what people pick from. */
const RECENT = 200;
const LISTED = 50;

async function read<T>(session: Session, tool: AnyTool, input: unknown): Promise<T> {
  try {
    return await readTool<T>(session, tool, input);
  } catch (err) {
    if (err instanceof AppError) {
      throw new McpError(
        err.code === 'not_found'
          ? RESOURCE_NOT_FOUND
          : err.code === 'invalid'
            ? ErrorCode.InvalidParams
            : ErrorCode.InternalError,
        err.message,
      );
    }
    throw err;
  }
}

const json = (uri: URL, data: unknown): ReadResourceResult => ({
  contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(data, null, 2) }],
});

/** What every list tool returns for a row: enough to name it in a picker. */
interface Row {
  id: string;
  number: number | string;
  status: string;
  tool?: string;
  supplier?: { name: string };
  client?: { name: string };
  total?: string;
  currency?: string;
}

/** Records readable by id: `comptoir://<path>/{id}`, read with `get`, listed and completed with `list`. */
const collections = [
  {
    name: 'action',
    path: 'actions',
    title: 'Action',
    description: 'One action with its confidence, evidence and full audit trail.',
    get: getAction,
    idArg: 'actionId',
    list: listActions,
    rows: 'actions',
  },
  {
    name: 'purchase-order',
    path: 'purchase-orders',
    title: 'Purchase order',
    description: 'A purchase order: supplier, lines, taxes, totals, status.',
    get: getOrder,
    idArg: 'orderId',
    list: listOrders,
    rows: 'orders',
  },
  {
    name: 'invoice',
    path: 'invoices',
    title: 'Invoice',
    description: 'A client invoice or credit note: lines, tax lines, paid, credited and balance.',
    get: getInvoice,
    idArg: 'invoiceId',
    list: listInvoices,
    rows: 'invoices',
  },
  {
    name: 'bill',
    path: 'bills',
    title: 'Supplier bill',
    description: 'A supplier bill: lines, taxes, matching purchase order, payments and balance.',
    get: getBill,
    idArg: 'billId',
    list: listBills,
    rows: 'bills',
  },
] as const;

const label = (r: Row) =>
  r.tool
    ? `#${r.number} ${r.tool} (${r.status})`
    : `${r.number} ${r.supplier?.name ?? r.client?.name ?? ''}: ${r.total} ${r.currency} (${r.status})`;

/** Ids that start with what was typed, or whose number contains it ("12", "PO2026-0004"). */
function matching(rows: Row[], typed: string): string[] {
  const needle = typed.trim().toLowerCase();
  return rows
    .filter((r) => r.id.startsWith(needle) || String(r.number).toLowerCase().includes(needle))
    .slice(0, MAX_COMPLETIONS)
    .map((r) => r.id);
}

export function registerResources(server: McpServer, session: Session): void {
  server.registerResource(
    'pending-approvals',
    'comptoir://approvals/pending',
    {
      title: 'Pending approvals',
      description: 'Actions waiting for a person to approve or reject them, newest first.',
      mimeType: 'application/json',
    },
    async (uri) => json(uri, await read(session, listActions, { status: ['pending_approval'], limit: RECENT })),
  );
  server.registerResource(
    'settings',
    'comptoir://settings',
    {
      title: 'Company settings',
      description: 'Automation level, thresholds, approval levels, currency and language.',
      mimeType: 'application/json',
    },
    async (uri) => json(uri, await read(session, getSettings, {})),
  );

  for (const c of collections) {
    const recent = (limit: number) =>
      read<Record<string, Row[]>>(session, c.list, { limit }).then((out) => out[c.rows] ?? []);
    server.registerResource(
      c.name,
      new ResourceTemplate(`comptoir://${c.path}/{id}`, {
        list: async () => ({
          resources: (await recent(LISTED)).map((r) => ({
            uri: `comptoir://${c.path}/${r.id}`,
            name: label(r),
            mimeType: 'application/json',
          })),
        }),
        complete: { id: async (typed) => matching(await recent(RECENT), typed) },
      }),
      { title: c.title, description: c.description, mimeType: 'application/json' },
      async (uri, { id }) => json(uri, await read(session, c.get, { [c.idArg]: Array.isArray(id) ? id[0] : id })),
    );
  }
}
