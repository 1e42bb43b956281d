/**
 * What tools/list costs a client and shows a person, over real Streamable HTTP with the SDK client:
 * each role sees the tools it may use (a viewer no write at all), a client may narrow the list to some
 * areas, and the list carries no noise (no uuid regex beside format "uuid", no safe-integer bounds).
 * Sizes per role are printed and held under the goal (60 KB for an admin); what the short list
 * leaves out is in `?detail=full` and tools_describe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { TOOLSETS } from '../../../mcp-server/register.ts';
import { createApiToken } from '../../../tools/auth/api-tokens.ts';
import type { Role } from '../../../tools/context.ts';
import { registry } from '../../../tools/registry.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { connectHttp, serveApp, type RunningApp } from './harness.ts';

let handle: DatabaseHandle;
let app: RunningApp;
const tokens = {} as Record<Role, string>;
const closers: (() => Promise<void>)[] = [];
const writes = new Set(registry.filter((t) => t.kind === 'write').map((t) => t.name));

beforeAll(async () => {
  handle = await freshDatabase();
  const company = await makeCompany(handle.db);
  for (const role of ['admin', 'manager', 'buyer', 'accountant', 'viewer'] as const)
    tokens[role] = (await createApiToken(handle.db, company.tenant.id, company.user(role).id, `list ${role}`)).token;
  app = await serveApp(handle);
});
afterAll(async () => {
  await Promise.all(closers.map((close) => close().catch(() => {})));
  await app?.close();
  await handle?.close();
});

async function listAs(role: Role, toolsets?: string, detail?: string) {
  const url = new URL(app.url);
  if (toolsets) url.searchParams.set('toolsets', toolsets);
  if (detail) url.searchParams.set('detail', detail);
  const { client } = await connectHttp(url, tokens[role], { lang: 'en' });
  closers.push(() => client.close());
  const { tools } = await client.listTools();
  return { client, tools, bytes: Buffer.byteLength(JSON.stringify({ tools })) };
}

describe('tools/list per role', () => {
  it('a viewer is offered no write tool; a buyer no settings change; an admin everything', async () => {
    const viewer = await listAs('viewer');
    expect(viewer.tools.filter((t) => writes.has(t.name))).toEqual([]);
    expect(viewer.tools.length).toBeGreaterThan(10);
    const buyer = await listAs('buyer');
    const buyerNames = buyer.tools.map((t) => t.name);
    expect(buyerNames).toContain('purchasing_create_order');
    expect(buyerNames).not.toContain('settings_update');
    expect(buyerNames).not.toContain('settings_update_user');
    const admin = await listAs('admin');
    for (const tool of registry) expect(admin.tools.map((t) => t.name)).toContain(tool.name);
    console.log(
      `tools/list bytes: admin ${admin.bytes}, buyer ${buyer.bytes}, viewer ${viewer.bytes} (${admin.tools.length}/${buyer.tools.length}/${viewer.tools.length} tools)`,
    );
    // Bounds at today's sizes (78 tools): the 60 KB target for the admin list (#18) was met at 67 tools
    // and lost when registers, disputes, invitations and statements added eleven; a regression fails here.
    expect(admin.bytes).toBeLessThanOrEqual(73_000);
    expect(viewer.bytes).toBeLessThanOrEqual(32_000);
  });

  it('carries no uuid regex and no safe-integer bounds, and keeps format "uuid"', async () => {
    const { tools } = await listAs('admin');
    const json = JSON.stringify(tools);
    expect(json).not.toContain('[0-9a-fA-F]{8}');
    expect(json).not.toContain('9007199254740991');
    expect(json).not.toContain('json-schema.org');
    const order = tools.find((t) => t.name === 'purchasing_create_order')!;
    expect(JSON.stringify(order.inputSchema)).toContain('"format":"uuid"');
  });
});

describe('what the short list leaves out', () => {
  it('keeps every tool, input schema and read output field; ?detail=full has the rest, a few times the size', async () => {
    const short = await listAs('admin');
    const full = await listAs('admin', undefined, 'full');
    console.log(`tools/list bytes, admin: summary ${short.bytes}, full ${full.bytes}`);
    expect(full.tools.map((t) => t.name)).toEqual(short.tools.map((t) => t.name));
    const order = (list: typeof short) => list.tools.find((t) => t.name === 'purchasing_get_order')!;
    expect(order(full).title).toBe('Show a purchase order');
    expect(order(short).title).toBeUndefined();
    expect(full.tools.find((t) => t.name === 'purchasing_create_order')!.description).toContain(
      'submit it with purchasing_submit_order',
    );
    expect(short.tools.find((t) => t.name === 'purchasing_create_order')!.description).toBe(
      'Draft a purchase order for one supplier (find its id with purchasing_find_suppliers).',
    );
    // Inputs are the same schema in both: only how it is written differs.
    const createOrder = (list: typeof short) =>
      list.tools.find((t) => t.name === 'purchasing_create_order')!.inputSchema;
    expect(Object.keys(createOrder(short).properties!)).toEqual(Object.keys(createOrder(full).properties!));
    // A read tool's output fields are all in the summary; their nested shape only in full.
    expect(Object.keys(order(short).outputSchema!.properties!)).toEqual(
      Object.keys(order(full).outputSchema!.properties!),
    );
    expect(order(short).outputSchema!.properties!.lines).toEqual({ type: 'array' });
    expect(JSON.stringify(order(full).outputSchema!.properties!.lines)).toContain('unitPrice');
    expect(full.bytes).toBeGreaterThan(3 * short.bytes);
  });

  it('tools_describe gives named tools in full, and says which it does not offer', async () => {
    const { client, tools } = await listAs('viewer');
    expect(tools.map((t) => t.name)).toContain('tools_describe');
    const result = await client.callTool({
      name: 'tools_describe',
      arguments: { names: ['purchasing_get_order', 'settings_update'] },
    });
    const out = result.structuredContent as {
      tools: { name: string; title: string; description: string }[];
      unknown: string[];
    };
    expect(out.tools.map((t) => t.name)).toEqual(['purchasing_get_order']);
    expect(out.tools[0]!.title).toBe('Show a purchase order');
    expect(out.unknown).toEqual(['settings_update']);
  });

  it('refuses an unknown ?detail by name', async () => {
    const url = new URL(app.url);
    url.searchParams.set('detail', 'everything');
    await expect(connectHttp(url, tokens.admin, { lang: 'en' })).rejects.toThrow(/Unknown detail: everything/);
  });
});

describe('toolsets', () => {
  it('?toolsets=purchasing,bills narrows the list to those areas (approvals and tools_describe stay)', async () => {
    const { tools } = await listAs('admin', 'purchasing,bills');
    const areas = new Set(tools.map((t) => t.name.split('_')[0]));
    expect([...areas].sort()).toEqual(['actions', 'bills', 'purchasing', 'tools']);
    expect(tools.map((t) => t.name)).toContain('actions_approve');
  });

  it('an unknown toolset is refused with the list of those that exist, and opens no session', async () => {
    const url = new URL(app.url);
    url.searchParams.set('toolsets', 'purchasing,payroll');
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.admin}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'accept-language': 'en',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
      }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('mcp-session-id')).toBeNull();
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe(`Unknown toolset: payroll. Toolsets: ${TOOLSETS.join(', ')}.`);
  });
});
