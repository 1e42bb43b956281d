/**
 * Comptoir data an MCP client can attach to a conversation: the approval queue, one action with its
 * audit trail, one purchase order, the company settings. Each is read through a registry read tool, so
 * tenancy and shapes are exactly those of the tools. (Invoices and bills join when their tools exist.)
 */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { getAction } from '../tools/actions/get-action.ts';
import { listActions } from '../tools/actions/list-actions.ts';
import type { Session } from '../tools/context.ts';
import type { AnyTool } from '../tools/define.ts';
import { AppError } from '../tools/errors.ts';
import { invoke } from '../tools/invoke.ts';
import { getOrder } from '../tools/purchasing/get-order.ts';
import { listOrders } from '../tools/purchasing/list-orders.ts';
import { getSettings } from '../tools/settings/get-settings.ts';

/** JSON-RPC code the MCP spec gives an unknown resource. */
const RESOURCE_NOT_FOUND = -32002;
/** Completion answers are capped at 100 values by the spec; fewer is kinder to a picker. */
const MAX_COMPLETIONS = 20;
/** How far back completion and listing look: the most recent rows are what people pick from. */
const RECENT = 200;

async function read<T>(session: Session, tool: AnyTool, input: unknown): Promise<T> {
  try {
    const out = await invoke(session, tool, input, { source: 'mcp', byAi: true });
    return (out.kind === 'read' ? out.output : null) as T;
  } catch (err) {
    if (err instanceof AppError) {
      throw new McpError(err.code === 'not_found' ? RESOURCE_NOT_FOUND : err.code === 'invalid' ? ErrorCode.InvalidParams : ErrorCode.InternalError, err.message);
    }
    throw err;
  }
}

const json = (uri: URL, data: unknown): ReadResourceResult => ({
  contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(data, null, 2) }],
});

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

interface ActionRow { id: string; number: number; tool: string; status: string }
interface OrderRow { id: string; number: string; status: string; supplier: { name: string }; total: string; currency: string }

const recentActions = (session: Session) => read<{ actions: ActionRow[] }>(session, listActions, { limit: RECENT }).then((o) => o.actions);
const recentOrders = (session: Session) => read<{ orders: OrderRow[] }>(session, listOrders, { limit: RECENT }).then((o) => o.orders);

/** Ids that start with what was typed, or whose number contains it ("12", "PO2026-0004"). */
function matching<T extends { id: string; number: number | string }>(rows: T[], typed: string): string[] {
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
    { title: 'Pending approvals', description: 'Actions waiting for a person to approve or reject them, newest first.', mimeType: 'application/json' },
    async (uri) => json(uri, await read(session, listActions, { status: ['pending_approval'], limit: RECENT })),
  );

  server.registerResource(
    'action',
    new ResourceTemplate('comptoir://actions/{id}', {
      list: async () => ({
        resources: (await recentActions(session)).slice(0, 50).map((a) => ({
          uri: `comptoir://actions/${a.id}`,
          name: `#${a.number} ${a.tool} (${a.status})`,
          mimeType: 'application/json',
        })),
      }),
      complete: { id: async (typed) => matching(await recentActions(session), typed) },
    }),
    { title: 'Action', description: 'One action with its confidence, evidence and full audit trail.', mimeType: 'application/json' },
    async (uri, variables) => json(uri, await read(session, getAction, { actionId: one(variables.id) })),
  );

  server.registerResource(
    'purchase-order',
    new ResourceTemplate('comptoir://purchase-orders/{id}', {
      list: async () => ({
        resources: (await recentOrders(session)).slice(0, 50).map((o) => ({
          uri: `comptoir://purchase-orders/${o.id}`,
          name: `${o.number} ${o.supplier.name}: ${o.total} ${o.currency} (${o.status})`,
          mimeType: 'application/json',
        })),
      }),
      complete: { id: async (typed) => matching(await recentOrders(session), typed) },
    }),
    { title: 'Purchase order', description: 'A purchase order as JSON: supplier, lines, taxes, totals, status.', mimeType: 'application/json' },
    async (uri, variables) => json(uri, await read(session, getOrder, { orderId: one(variables.id) })),
  );

  server.registerResource(
    'settings',
    'comptoir://settings',
    { title: 'Company settings', description: 'Automation level, thresholds, approval levels, currency and language.', mimeType: 'application/json' },
    async (uri) => json(uri, await read(session, getSettings, {})),
  );
}
