/**
 * What the Streamable HTTP spec asks of the endpoint, checked with hand-written HTTP requests (no SDK):
 * JSON-RPC batches refused on protocol versions that have none (accepted on 2025-03-26, which had
 * them), and an elicitation answer that does not fit the form answered with a clear error, deciding
 * nothing. The Origin check has its own file (origin.test.ts).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActions } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { createApiToken } from '../../../tools/auth/api-tokens.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { submitOrder } from '../../../tools/purchasing/submit-order.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { type RunningApp, serveApp } from './harness.ts';

let handle: DatabaseHandle;
let app: RunningApp;
let company: Awaited<ReturnType<typeof makeCompany>>;
let managerToken: string;

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db);
  managerToken = (await createApiToken(handle.db, company.tenant.id, company.user('manager').id, 'raw')).token;
  app = await serveApp(handle);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

interface Rpc {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
}

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(app.url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${managerToken}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'accept-language': 'en',
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

/** Reads JSON-RPC messages off an event stream (or one JSON answer) as they come. */
async function* messages(response: Response): AsyncGenerator<Rpc> {
  if (!response.headers.get('content-type')?.includes('text/event-stream')) {
    const body = (await response.json()) as Rpc | Rpc[];
    yield* Array.isArray(body) ? body : [body];
    return;
  }
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const data = buffer
        .slice(0, end)
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('');
      buffer = buffer.slice(end + 2);
      if (data) yield JSON.parse(data) as Rpc;
      end = buffer.indexOf('\n\n');
    }
  }
}

/** A session opened by hand: initialize, then the initialized notification. */
async function open(protocolVersion: string, capabilities: Record<string, unknown> = {}) {
  const response = await post({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion, capabilities, clientInfo: { name: 'raw', version: '1' } },
  });
  expect(response.status).toBe(200);
  const sessionId = response.headers.get('mcp-session-id')!;
  for await (const _ of messages(response));
  const headers = { 'mcp-session-id': sessionId, 'mcp-protocol-version': protocolVersion };
  expect((await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, headers)).status).toBe(202);
  return headers;
}

const twoLists = [
  { jsonrpc: '2.0', id: 2, method: 'tools/list' },
  { jsonrpc: '2.0', id: 3, method: 'tools/list' },
];

describe('JSON-RPC batches', () => {
  it('are refused whole on a 2025-06-18 session, with or without the version header', async () => {
    const headers = await open('2025-06-18');
    for (const sent of [headers, { 'mcp-session-id': headers['mcp-session-id'] }]) {
      const response = await post(twoLists, sent);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        jsonrpc: '2.0',
        error: {
          code: -32600,
          message: 'Invalid Request: JSON-RPC batches are not part of MCP 2025-06-18; send one message per request.',
        },
        id: null,
      });
    }
    // One message per request still works on the same session.
    const single = await post(twoLists[0], headers);
    expect(single.status).toBe(200);
  });

  it('are refused before any session exists', async () => {
    const response = await post(twoLists);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Rpc).error!.code).toBe(-32600);
  });

  it('are still answered on a 2025-03-26 session, the version that had them', async () => {
    const headers = await open('2025-03-26');
    const response = await post(twoLists, headers);
    expect(response.status).toBe(200);
    const answers: Rpc[] = [];
    for await (const message of messages(response)) answers.push(message);
    expect(answers.map((a) => a.id).sort()).toEqual([2, 3]);
  });
});

describe('an elicitation answer that does not fit the form', () => {
  it('gets a clear error naming what was wrong, and the action stays pending', async () => {
    const buyer = company.session('buyer');
    const person = { source: 'rest', byAi: false } as const;
    const supplier = (await propose(buyer, createSupplier, { name: 'Formulaire Inc.' }, person)).result as {
      id: string;
    };
    const order = (
      await propose(
        buyer,
        createOrder,
        { supplierId: supplier.id, lines: [{ description: 'Bureau', quantity: '1', unitPrice: '6000.00' }] },
        person,
      )
    ).result as { id: string };
    const pending = await propose(buyer, submitOrder, { orderId: order.id }, person);
    expect(pending.status).toBe('pending_approval');

    const headers = await open('2025-06-18', { elicitation: { form: {} } });
    const call = await post(
      {
        jsonrpc: '2.0',
        id: 7,
        method: 'tools/call',
        params: { name: 'actions_approve', arguments: { actionId: pending.id } },
      },
      headers,
    );
    expect(call.headers.get('content-type')).toContain('text/event-stream');
    let result: Rpc | undefined;
    for await (const message of messages(call)) {
      if (message.method === 'elicitation/create') {
        // "confirm" must be a boolean: a client answers a string.
        const answer = await post(
          { jsonrpc: '2.0', id: message.id, result: { action: 'accept', content: { confirm: 'yes' } } },
          headers,
        );
        expect(answer.status).toBe(202);
      } else if (message.id === 7) {
        result = message;
        break;
      }
    }
    const content = result!.result as { isError: boolean; content: { text: string }[] };
    expect(content.isError).toBe(true);
    expect(content.content[0]!.text).toMatch(
      /^Your client's answer does not fit the confirmation form \(.*confirm.*\): nothing was decided\./,
    );
    const [row] = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select({ status: aiActions.status }).from(aiActions).where(eq(aiActions.id, pending.id)),
    );
    expect(row!.status).toBe('pending_approval');
  });
});
