import { eq } from 'drizzle-orm';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActions, purchaseOrders } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { createApiToken, revokeApiToken } from '../../../tools/auth/api-tokens.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { offeredTools } from '../../../mcp-server/register.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { connectHttp, serveApp, type RunningApp } from './harness.ts';

type Company = Awaited<ReturnType<typeof makeCompany>>;
interface Structured {
  action: { id: string; number: number; status: string; message: string };
  result?: { id: string; status: string; number: string };
}

let handle: DatabaseHandle;
let app: RunningApp;
let a: Company;
let b: Company;
let supplierId: string;
let otherTenantOrderId: string;
const tokens = {} as Record<'buyer' | 'manager' | 'accountant' | 'otherAdmin', string>;
const clients: Client[] = [];
/** The app's clock runs this far ahead of the real one: tests move time forward without waiting. */
let clockOffsetMs = 0;

const text = (result: unknown) => (result as { content: { text: string }[] }).content.map((c) => c.text).join('\n');

async function connect(token: string, options: Parameters<typeof connectHttp>[2] = { lang: 'en' }) {
  const connected = await connectHttp(app.url, token, options);
  clients.push(connected.client);
  return connected;
}

const actionCount = () =>
  withTenant(handle.db, a.tenant.id, (tx) => tx.select({ id: aiActions.id }).from(aiActions)).then(
    (rows) => rows.length,
  );

beforeAll(async () => {
  handle = await freshDatabase();
  [a, b] = [await makeCompany(handle.db), await makeCompany(handle.db)];
  const person = { source: 'rest', byAi: false } as const;
  supplierId = (
    (await propose(a.session('buyer'), createSupplier, { name: 'Bureau Plus Inc.', province: 'QC' }, person))
      .result as { id: string }
  ).id;
  const otherSupplier = (
    (await propose(b.session('buyer'), createSupplier, { name: 'Papeterie B' }, person)).result as { id: string }
  ).id;
  const otherOrder = await propose(
    b.session('buyer'),
    createOrder,
    { supplierId: otherSupplier, lines: [{ description: 'Papier', quantity: '5', unitPrice: '10.00' }] },
    person,
  );
  otherTenantOrderId = (otherOrder.result as { id: string }).id;
  for (const role of ['buyer', 'manager', 'accountant'] as const)
    tokens[role] = (await createApiToken(handle.db, a.tenant.id, a.user(role).id, `mcp ${role}`)).token;
  tokens.otherAdmin = (await createApiToken(handle.db, b.tenant.id, b.user('admin').id, 'mcp other')).token;
  app = await serveApp(handle, () => new Date(Date.now() + clockOffsetMs));
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => {})));
  await app?.close();
  await handle?.close();
});

/** A draft order of one line at `unitPrice`, created over MCP by the buyer's client. */
async function draftOrder(client: Client, unitPrice: string) {
  const created = await client.callTool({
    name: 'purchasing_create_order',
    arguments: {
      supplierId,
      lines: [{ description: 'Chaise ergonomique', quantity: '1', unitPrice, treatment: 'exempt' }],
    },
  });
  return (created.structuredContent as unknown as Structured).result!.id;
}

describe('tools over Streamable HTTP', () => {
  it('lists the registry tools a buyer may use, plus the two approval tools, with valid JSON Schemas and derived annotations', async () => {
    const { client } = await connect(tokens.buyer);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      [...offeredTools('buyer').map((t) => t.name), 'actions_approve', 'actions_reject', 'tools_describe'].sort(),
    );
    const validator = new AjvJsonSchemaValidator();
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(() => validator.getValidator(tool.inputSchema)).not.toThrow();
      // A write tool's answer is the one envelope the server's instructions describe; a read tool lists its fields.
      if (tool.annotations?.readOnlyHint) expect(tool.outputSchema?.type).toBe('object');
    }
    const createInput = validator.getValidator(tools.find((t) => t.name === 'purchasing_create_order')!.inputSchema);
    expect(
      createInput({ supplierId, lines: [{ description: 'Chaise', quantity: '2', unitPrice: '10.00' }] }).valid,
    ).toBe(true);
    expect(createInput({ supplierId, lines: [] }).valid).toBe(false);
    const hints = Object.fromEntries(tools.map((t) => [t.name, t.annotations]));
    // Written only where they differ from the spec's defaults (tests/unit/mcp/annotations.test.ts).
    expect(hints.purchasing_get_order).toEqual({ readOnlyHint: true, openWorldHint: false });
    expect(hints.purchasing_create_order).toEqual({ destructiveHint: false, openWorldHint: false });
    expect(hints.purchasing_submit_order).toEqual({ idempotentHint: true, openWorldHint: false });
  });

  it('calls a read tool: structured content and a sentence for people', async () => {
    const { client } = await connect(tokens.buyer);
    const found = await client.callTool({ name: 'purchasing_find_suppliers', arguments: { query: 'bureau' } });
    expect(found.isError).toBeFalsy();
    expect(found.structuredContent).toMatchObject({ suppliers: [{ id: supplierId, name: 'Bureau Plus Inc.' }] });
    expect(text(found)).toContain('1 supplier(s) found.');
    // MCP arguments are optional: a tool whose fields all have defaults runs without any.
    const all = await client.callTool({ name: 'purchasing_find_suppliers' });
    expect(all.isError).toBeFalsy();
    expect(all.structuredContent).toMatchObject({ suppliers: [{ id: supplierId }] });
  });

  it('executes a draft order the AI may make alone, through the door, recorded as source mcp', async () => {
    const { client } = await connect(tokens.buyer);
    const created = await client.callTool({
      name: 'purchasing_create_order',
      arguments: { supplierId, lines: [{ description: 'Chaise', quantity: '10', unitPrice: '100.00' }] },
    });
    expect(created.isError).toBeFalsy();
    const out = created.structuredContent as unknown as Structured;
    expect(out.action).toMatchObject({ status: 'executed' });
    expect(out.result).toMatchObject({ status: 'draft', number: expect.stringMatching(/^PO\d{4}-\d{5}$/) });
    expect(text(created)).toMatch(
      /^Action #\d+ executed\. Purchase order PO\d{4}-\d{5} \(Bureau Plus Inc\.\): total \$1,149\.75, status draft\./,
    );
    const [row] = await withTenant(handle.db, a.tenant.id, (tx) =>
      tx.select().from(aiActions).where(eq(aiActions.id, out.action.id)),
    );
    expect(row).toMatchObject({ source: 'mcp', byAi: true, actorId: a.user('buyer').id });
  });

  it('queues an order submission beyond the buyer’s rights and says so, without pretending success', async () => {
    const { client } = await connect(tokens.buyer);
    const orderId = await draftOrder(client, '6000.00');
    const submitted = await client.callTool({ name: 'purchasing_submit_order', arguments: { orderId } });
    expect(submitted.isError).toBeFalsy();
    const out = submitted.structuredContent as unknown as Structured;
    expect(out.action.status).toBe('pending_approval');
    expect(out.result).toBeUndefined();
    expect(text(submitted)).toContain(`Pending approval #${out.action.number} (level 2): needs a manager or above.`);
    const [order] = await withTenant(handle.db, a.tenant.id, (tx) =>
      tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, orderId)),
    );
    expect(order!.status).toBe('draft');
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const { client } = await connect(tokens.buyer);
    const before = await actionCount();
    const refused = await client.callTool({
      name: 'purchasing_create_order',
      arguments: { supplierId, lines: [{ description: 'Chaise', quantity: '-1', unitPrice: 'abc' }] },
    });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toBe(
      'Invalid input for purchasing_create_order: lines.0.quantity: Expected a positive decimal quantity with at most 4 decimals, e.g. "2.5".; ' +
        'lines.0.unitPrice: Expected a decimal amount as a string, e.g. "1250.00".',
    );
    const unknownSupplier = await client.callTool({
      name: 'purchasing_create_order',
      arguments: { supplierId: otherTenantOrderId, lines: [{ description: 'x', quantity: '1', unitPrice: '1.00' }] },
    });
    expect(unknownSupplier.isError).toBe(true);
    expect(text(unknownSupplier)).toContain('not found. Use purchasing_find_suppliers');
    expect(await actionCount()).toBe(before);
  });

  it('refuses bad input in the language of the person connected', async () => {
    const { client } = await connect(tokens.buyer, { lang: 'fr' });
    const before = await actionCount();
    const refused = await client.callTool({
      name: 'purchasing_create_order',
      arguments: { supplierId, lines: [{ description: 'Chaise', quantity: 10, unitPrice: '12,3,4' }] },
    });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toBe(
      'Données invalides pour purchasing_create_order : lines.0.quantity : Entrée invalide : chaîne de caractères attendu, nombre reçu ; ' +
        'lines.0.unitPrice : Montant décimal attendu, en texte, p. ex. "1250.00" ou "1 250,00".',
    );
    expect(await actionCount()).toBe(before);
  });

  it("never shows another company's order, by tool or by resource", async () => {
    const { client } = await connect(tokens.buyer);
    const read = await client.callTool({ name: 'purchasing_get_order', arguments: { orderId: otherTenantOrderId } });
    expect(read.isError).toBe(true);
    expect(text(read)).toContain(`Purchase order ${otherTenantOrderId} not found`);
    await expect(client.readResource({ uri: `comptoir://purchase-orders/${otherTenantOrderId}` })).rejects.toThrow(
      /not found/,
    );
    const listed = await client.callTool({ name: 'purchasing_list_orders', arguments: {} });
    expect((listed.structuredContent as { orders: { id: string }[] }).orders.map((o) => o.id)).not.toContain(
      otherTenantOrderId,
    );
  });
});

describe('authentication and sessions', () => {
  it('refuses a missing, invalid or revoked token with a 401 JSON-RPC error', async () => {
    await expect(connect('cpt_nope')).rejects.toMatchObject({
      code: 401,
      message: expect.stringContaining('Invalid or revoked API token'),
    });
    const made = await createApiToken(handle.db, a.tenant.id, a.user('buyer').id, 'soon revoked');
    const { client } = await connect(made.token);
    await revokeApiToken(handle.db, a.tenant.id, made.id);
    await expect(connect(made.token)).rejects.toMatchObject({ code: 401 });
    // An open session re-checks its token at least every second.
    clockOffsetMs += 1_500;
    await expect(client.listTools()).rejects.toThrow(/Invalid or revoked API token/);
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await response.json()).toMatchObject({
      jsonrpc: '2.0',
      error: { message: expect.stringContaining('Missing API token') },
      id: null,
    });
  });

  it("does not let another company's token use a session id", async () => {
    const { transport } = await connect(tokens.buyer);
    const response = await fetch(app.url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.otherAdmin}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': transport.sessionId!,
        'mcp-protocol-version': transport.protocolVersion!,
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 7,
        method: 'tools/call',
        params: { name: 'purchasing_list_orders', arguments: {} },
      }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringContaining('Session not found') } });
  });

  it('answers a body that is not JSON, or one over 4 MiB, with a JSON-RPC error', async () => {
    const { transport } = await connect(tokens.buyer);
    const post = (body: string) =>
      fetch(app.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.buyer}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-session-id': transport.sessionId!,
          'mcp-protocol-version': transport.protocolVersion!,
        },
        body,
      });
    const broken = await post('{"jsonrpc": "2.0", "id": 1, "method": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({
      jsonrpc: '2.0',
      error: { code: -32700, message: expect.stringContaining('not JSON') },
      id: null,
    });
    const huge = await post(
      JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping', params: { pad: 'x'.repeat(4 * 1024 * 1024) } }),
    );
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { message: expect.stringContaining('Payload Too Large') } });
  });

  it('forgets a session once its client ends it', async () => {
    const { client, transport } = await connect(tokens.buyer);
    const sessionId = transport.sessionId!;
    await transport.terminateSession();
    await client.close();
    const response = await fetch(app.url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.buyer}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': sessionId,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(404);
  });
});

describe('answers as JSON or as event streams', () => {
  /** Opens a session by hand and returns how the server answered a tools/call on it. */
  async function answerTo(capabilities: Record<string, unknown>) {
    const headers = {
      authorization: `Bearer ${tokens.buyer}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    };
    const post = (body: unknown, sessionId?: string) =>
      fetch(app.url, {
        method: 'POST',
        headers: {
          ...headers,
          ...(sessionId ? { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' } : {}),
        },
        body: JSON.stringify(body),
      });
    const opened = await post({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities, clientInfo: { name: 't', version: '1' } },
    });
    const sessionId = opened.headers.get('mcp-session-id')!;
    await opened.text();
    expect((await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, sessionId)).status).toBe(202);
    const called = await post(
      {
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'purchasing_find_suppliers', arguments: { query: 'Bureau' } },
      },
      sessionId,
    );
    return { contentType: called.headers.get('content-type') ?? '', body: await called.text() };
  }

  it('answers plain JSON to a client that cannot be asked anything', async () => {
    const { contentType, body } = await answerTo({});
    expect(contentType).toContain('application/json');
    expect(JSON.parse(body)).toMatchObject({
      jsonrpc: '2.0',
      id: 2,
      result: { structuredContent: { suppliers: [{ name: 'Bureau Plus Inc.' }] } },
    });
  });

  it('answers with an event stream to a client that can confirm, so a question can come before the result', async () => {
    const { contentType, body } = await answerTo({ elicitation: {} });
    expect(contentType).toContain('text/event-stream');
    const data = body
      .split('\n')
      .filter((line) => line.startsWith('data:') && line.length > 6)
      .map((line) => JSON.parse(line.slice(5)) as { id?: number });
    expect(data.find((m) => m.id === 2)).toMatchObject({
      result: { structuredContent: { suppliers: [{ name: 'Bureau Plus Inc.' }] } },
    });
  });
});

describe('approvals over MCP', () => {
  async function queuedSubmission(unitPrice: string) {
    const { client } = await connect(tokens.buyer);
    const submitted = await client.callTool({
      name: 'purchasing_submit_order',
      arguments: { orderId: await draftOrder(client, unitPrice) },
    });
    return (submitted.structuredContent as unknown as Structured).action;
  }

  it('refuses to approve from a client that cannot ask its person to confirm', async () => {
    const action = await queuedSubmission('2000.00');
    const { client } = await connect(tokens.manager);
    const refused = await client.callTool({ name: 'actions_approve', arguments: { actionId: action.id } });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toContain('approve from the web inbox or a client that supports elicitation');
  });

  it('approves once the person confirms, and the order executes', async () => {
    const action = await queuedSubmission('6000.00');
    const asked: string[] = [];
    const { client } = await connect(tokens.manager, {
      lang: 'en',
      confirm: (message) => {
        asked.push(message);
        return { action: 'accept', content: { confirm: true, note: 'OK' } };
      },
    });
    const approved = await client.callTool({ name: 'actions_approve', arguments: { actionId: action.id } });
    expect(approved.isError).toBeFalsy();
    expect(asked[0]).toContain(`Approve action #${action.number}: purchasing_submit_order, $6,000.00`);
    expect(approved.structuredContent).toMatchObject({
      confirmed: true,
      action: { id: action.id, status: 'executed' },
    });
    expect(text(approved)).toMatch(
      new RegExp(`^Action #${action.number} executed\\. Purchase order PO\\d{4}-\\d{5} approved`),
    );
  });

  it('changes nothing when the person declines, and the door still checks their role', async () => {
    const action = await queuedSubmission('6000.00');
    const declining = await connect(tokens.manager, { lang: 'en', confirm: () => ({ action: 'decline' }) });
    const declined = await declining.client.callTool({ name: 'actions_approve', arguments: { actionId: action.id } });
    expect(declined.structuredContent).toEqual({ confirmed: false });
    expect(text(declined)).toContain('It is still pending.');
    const tooLow = await connect(tokens.accountant, {
      lang: 'en',
      confirm: () => ({ action: 'accept', content: { confirm: true } }),
    });
    const refused = await tooLow.client.callTool({ name: 'actions_approve', arguments: { actionId: action.id } });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toBe('Your role cannot approve at this level.');
    const rejecting = await connect(tokens.manager, {
      lang: 'fr',
      confirm: () => ({ action: 'accept', content: { confirm: true, note: 'Pas ce mois-ci' } }),
    });
    const rejected = await rejecting.client.callTool({ name: 'actions_reject', arguments: { actionId: action.id } });
    expect(rejected.structuredContent).toMatchObject({ confirmed: true, action: { status: 'rejected' } });
    const again = await rejecting.client.callTool({ name: 'actions_approve', arguments: { actionId: action.id } });
    expect(text(again)).toBe(`L'action n° ${action.number} est déjà décidée (statut : rejected).`);
  });
});

describe('resources and prompts', () => {
  it('reads pending approvals, one action, one order and the settings, with id completion', async () => {
    const { client } = await connect(tokens.buyer);
    const orderId = await draftOrder(client, '7000.00');
    const submitted = await client.callTool({ name: 'purchasing_submit_order', arguments: { orderId } });
    const action = (submitted.structuredContent as unknown as Structured).action;
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(
      expect.arrayContaining([
        'comptoir://approvals/pending',
        'comptoir://settings',
        `comptoir://actions/${action.id}`,
        `comptoir://purchase-orders/${orderId}`,
      ]),
    );
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual([
      'comptoir://actions/{id}',
      'comptoir://bills/{id}',
      'comptoir://invoices/{id}',
      'comptoir://purchase-orders/{id}',
    ]);

    const json = async (uri: string) =>
      JSON.parse(((await client.readResource({ uri })).contents[0] as { text: string }).text);
    expect((await json('comptoir://approvals/pending')).actions.map((x: { id: string }) => x.id)).toContain(action.id);
    expect(await json(`comptoir://actions/${action.id}`)).toMatchObject({
      action: { id: action.id, status: 'pending_approval' },
      events: [{ type: 'proposed', source: 'mcp' }, { type: 'queued' }],
    });
    expect(await json(`comptoir://purchase-orders/${orderId}`)).toMatchObject({
      id: orderId,
      status: 'draft',
      total: '7000.00',
    });
    expect(await json('comptoir://settings')).toMatchObject({
      automationLevel: 'assisted',
      currency: 'CAD',
      approvalLevels: ['1000.00', '5000.00', '10000.00'],
    });

    const byPrefix = await client.complete({
      ref: { type: 'ref/resource', uri: 'comptoir://purchase-orders/{id}' },
      argument: { name: 'id', value: orderId.slice(0, 8) },
    });
    expect(byPrefix.completion.values).toEqual([orderId]);
    const byNumber = await client.complete({
      ref: { type: 'ref/resource', uri: 'comptoir://actions/{id}' },
      argument: { name: 'id', value: String(action.number) },
    });
    expect(byNumber.completion.values).toContain(action.id);
  });

  it("offers the three prompts in the person's language, and keeps decisions with them", async () => {
    const { client } = await connect(tokens.buyer, {});
    expect((await client.listPrompts()).prompts.map((p) => p.name).sort()).toEqual([
      'chase-overdue-invoices',
      'month-end-close',
      'review-pending-approvals',
    ]);
    const close = await client.getPrompt({ name: 'month-end-close', arguments: { month: '2026-02' } });
    const closeText = (close.messages[0]!.content as { text: string }).text;
    expect(closeText).toContain('Aide-moi à clôturer le mois 2026-02');
    expect(closeText).toContain("N'approuve, ne refuse, n'envoie et ne paie rien de toi-même");
    // Steps name only tools that exist; every area has its tools now, so nothing is said to be missing.
    expect(closeText).toContain('purchasing_list_orders');
    expect(closeText).toContain('banking_suggest_matches');
    expect(closeText).not.toContain("pas encore d'outils");
    const review = await (await connect(tokens.manager)).client.getPrompt({ name: 'review-pending-approvals' });
    expect((review.messages[0]!.content as { text: string }).text).toContain(
      'Never approve, reject, send or pay on your own',
    );
    expect(review.messages[1]!.content).toMatchObject({
      type: 'resource',
      resource: { uri: 'comptoir://approvals/pending' },
    });
    const chase = await client.getPrompt({ name: 'chase-overdue-invoices', arguments: {} });
    const chaseText = (chase.messages[0]!.content as { text: string }).text;
    expect(chaseText).toContain('invoicing_list_invoices');
    expect(chaseText).toContain('reminders_list_due');
    expect(chaseText).toContain('reminders_send_reminder');
    expect(chaseText).not.toContain('les rappels de paiement (rédige-moi');
  });
});
