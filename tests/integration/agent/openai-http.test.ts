import { eq } from 'drizzle-orm';
/**
 * The agent against a scripted OpenAI-compatible server over real HTTP (the client Ollama and vLLM
 * users get, built by chatModelFrom): a broken tool call never writes, invalid arguments go back to the
 * model, a stalled model and a slow turn hit their limits, a closed page stops the turn, and 500/429
 * are retried with progress shown.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { chatTurn, type ChatEvent } from '../../../agent/chat.ts';
import { chatModelFrom } from '../../../agent/model.ts';
import type { TurnLimits } from '../../../agent/run.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActions, aiMessages, purchaseOrders } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { registry } from '../../../tools/registry.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import {
  type ChatRequest,
  type ScriptedServer,
  scriptedOpenAI,
  type Step,
  text,
  toolCall,
  toolCalls,
} from '../../support/openai-server.ts';

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;
let supplierId: string;
let server: ScriptedServer | undefined;

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db, { automationLevel: 'assisted' });
  const out = await propose(
    company.session('admin'),
    createSupplier,
    { name: 'Bureau Plus Inc.', province: 'QC' },
    { source: 'rest', byAi: false },
  );
  supplierId = (out.result as { id: string }).id;
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => handle?.close());

const counts = () =>
  withTenant(handle.db, company.tenant.id, async (tx) => ({
    actions: (await tx.select({ id: aiActions.id }).from(aiActions)).length,
    orders: (await tx.select({ id: purchaseOrders.id }).from(purchaseOrders)).length,
  }));

const modelAt = (s: ScriptedServer) =>
  chatModelFrom({
    MISTRAL_MODEL: 'unused',
    OPENAI_BASE_URL: s.baseURL,
    OPENAI_MODEL: 'scripted',
    OPENAI_API_KEY: 'test',
  }).model!;

const orderArgs = () =>
  JSON.stringify({
    supplierId,
    lines: [{ description: 'Chaise ergonomique', quantity: '10', unitPrice: '249.00' }],
  });

/** The messages the model was sent on request n, as role:content lines. */
const seen = (request: ChatRequest) =>
  (request.messages as { role: string; content: string | null }[]).map((m) => `${m.role}:${m.content ?? ''}`);

async function turn(
  script: Step[] | ((r: ChatRequest, n: number) => Step),
  opts: { limits?: Partial<TurnLimits> } = {},
  lang: 'fr' | 'en' = 'en',
) {
  server = await scriptedOpenAI(script);
  const events: ChatEvent[] = [];
  const reply = await chatTurn(
    company.session('manager', lang),
    { model: modelAt(server), registry, limits: { backoffMs: 10, ...opts.limits } },
    { text: 'Commande 10 chaises chez Bureau Plus à 249 $' },
    (e) => events.push(e),
  );
  return { reply, events, requests: server.requests };
}

describe('a tool call that did not arrive whole', () => {
  it('cut by the length limit at "unitPrice":"24 is not executed; asked again and cut again, the person is told', async () => {
    const before = await counts();
    const cut = orderArgs().slice(0, orderArgs().indexOf('"unitPrice":"24') + '"unitPrice":"24'.length);
    const { reply, requests } = await turn([
      toolCall('purchasing_create_order', cut, 'length'),
      toolCall('purchasing_create_order', cut, 'length'),
    ]);
    expect(requests).toHaveLength(2);
    expect(seen(requests[1]).at(-1)).toMatch(
      /^user:Your previous reply ended before its tool call was complete \(length\)/,
    );
    expect(reply.stopped).toBe('broken_response');
    expect(reply.text).toBe(
      "The model's answer was cut off (length) before its action was complete: nothing was executed. Try again, perhaps with a shorter request.",
    );
    expect(reply.toolCalls).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('cut once, then sent whole: only the whole call runs, at the full price', async () => {
    const before = await counts();
    const cut = orderArgs().slice(0, orderArgs().indexOf('"unitPrice":"24') + '"unitPrice":"24'.length);
    const { reply } = await turn([
      toolCall('purchasing_create_order', cut, 'length'),
      toolCall('purchasing_create_order', orderArgs()),
      text('Draft ready.'),
    ]);
    expect(reply.toolCalls).toHaveLength(1);
    expect(reply.actions[0]).toMatchObject({ status: 'executed', tool: 'purchasing_create_order' });
    const after = await counts();
    expect(after.orders).toBe(before.orders + 1);
    const [order] = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(aiActions).where(eqId(reply.actions[0]!.id)),
    );
    expect(order!.amountCents).toBe(286288n);
  });

  it('stopped by a content filter is not executed', async () => {
    const before = await counts();
    const { reply } = await turn([
      toolCall('purchasing_create_order', orderArgs(), 'content_filter'),
      toolCall('purchasing_create_order', orderArgs(), 'content_filter'),
    ]);
    expect(reply.stopped).toBe('broken_response');
    expect(await counts()).toEqual(before);
  });

  it('dropped mid-stream (no finish_reason, connection closed) is not executed; the call is retried', async () => {
    const before = await counts();
    const dropped = toolCall('purchasing_create_order', orderArgs().slice(0, 60), null);
    const { reply, requests } = await turn([
      { ...(dropped as object), drop: true } as Step,
      text('I could not place it.'),
    ]);
    expect(requests).toHaveLength(2);
    expect(reply.text).toBe('I could not place it.');
    expect(await counts()).toEqual(before);
  });

  it('ended cleanly but without a finish reason is treated as cut', async () => {
    const before = await counts();
    const { reply } = await turn([
      toolCall('purchasing_create_order', orderArgs(), null),
      toolCall('purchasing_create_order', orderArgs(), null),
    ]);
    expect(reply.stopped).toBe('broken_response');
    expect(await counts()).toEqual(before);
  });
});

describe('invalid arguments', () => {
  it('JSON that does not parse goes back to the model as an error, and the person gets its answer', async () => {
    const before = await counts();
    const { reply, requests } = await turn([
      toolCall('purchasing_create_order', '{"supplierId": "x", "lines": [}'),
      text('I could not create the order: the request was malformed.'),
    ]);
    const toolMessage = (requests[1].messages as { role: string; content: string }[]).find((m) => m.role === 'tool');
    expect(toolMessage!.content).toMatch(/^Error \(invalid\): the arguments were not valid JSON/);
    expect(reply.text).toBe('I could not create the order: the request was malformed.');
    expect(reply.toolCalls[0]).toMatchObject({ ok: false, errorCode: 'invalid' });
    expect(await counts()).toEqual(before);
  });

  it('arguments that fail the schema name the field to the model', async () => {
    const { reply, requests } = await turn([
      toolCall('purchasing_create_order', JSON.stringify({ supplierId })),
      text('Which items?'),
    ]);
    const toolMessage = (requests[1].messages as { role: string; content: string }[]).find((m) => m.role === 'tool');
    expect(toolMessage!.content).toMatch(/^Error \(invalid\):.*lines/);
    expect(reply.text).toBe('Which items?');
  });

  it('are retried a bounded number of times, then the turn stops with a clear answer, never an empty one', async () => {
    const { reply, requests } = await turn(() => toolCall('purchasing_create_order', '{"lines": ['), {
      limits: { invalidCalls: 2 },
    });
    expect(requests).toHaveLength(3);
    expect(reply.stopped).toBe('invalid_arguments');
    expect(reply.text).toMatch(/^Stopping: the model sent invalid parameters several times/);
    const [stored] = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(aiMessages).where(eq(aiMessages.id, reply.messageId)),
    );
    expect(stored!.content).toBe(reply.text);
  });
});

describe('time limits', () => {
  it('a model that stalls hits the call limit with a clear message, with progress shown while waiting', async () => {
    const t0 = Date.now();
    const { reply, events } = await turn(
      [{ kind: 'stall' }],
      { limits: { callMs: 600, progressMs: 150, retries: 0 } },
      'fr',
    );
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(reply.text).toBe(
      "Le modèle d'IA n'a pas pu répondre (le modèle n'a rien envoyé pendant 1 s). Réessayez, ou utilisez une commande (/help).",
    );
    expect(events.filter((e) => e.type === 'progress').length).toBeGreaterThanOrEqual(2);
    await vi.waitFor(() => expect(server!.closedByClient).toBe(1));
  });

  it('a turn that runs past its own limit stops, saying so', async () => {
    const { reply } = await turn([{ kind: 'stall' }], { limits: { callMs: 10_000, turnMs: 500, retries: 0 } });
    expect(reply.stopped).toBe('turn_timeout');
    expect(reply.text).toMatch(/^Stopping: this request went over its time limit \(1 s\)/);
  });
});

describe('the person leaves', () => {
  it('closing the page between two tool calls stops the turn before its write', async () => {
    const before = await counts();
    const leave = new AbortController();
    server = await scriptedOpenAI([
      toolCalls(
        { name: 'purchasing_find_suppliers', args: { query: 'Bureau Plus' } },
        { name: 'purchasing_create_order', args: JSON.parse(orderArgs()) },
      ),
      text('never asked'),
    ]);
    const reply = await chatTurn(
      company.session('manager', 'en'),
      { model: modelAt(server), registry, signal: leave.signal },
      { text: 'Order 10 chairs from Bureau Plus' },
      (e) => {
        if (e.type === 'tool_result' && e.call.name === 'purchasing_find_suppliers') leave.abort();
      },
    );
    expect(reply.stopped).toBe('cancelled');
    expect(reply.toolCalls.map((c) => c.name)).toEqual(['purchasing_find_suppliers']);
    expect(server.requests).toHaveLength(1);
    expect(await counts()).toEqual(before);
  });

  it('closing the page while the model is thinking closes the model connection at once', async () => {
    const leave = new AbortController();
    server = await scriptedOpenAI(() => {
      setTimeout(() => leave.abort(), 100);
      return { kind: 'stall' };
    });
    const t0 = Date.now();
    const reply = await chatTurn(
      company.session('manager', 'fr'),
      { model: modelAt(server), registry, signal: leave.signal },
      { text: 'Commande 10 chaises' },
    );
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(reply.stopped).toBe('cancelled');
    expect(reply.text).toBe('Demande interrompue : la page a été fermée. Aucune autre action ne sera exécutée.');
    await vi.waitFor(() => expect(server!.closedByClient).toBe(1));
  });
});

describe('transient failures', () => {
  it('retries after a 500 and a 429, telling the person, then answers', async () => {
    const { reply, events, requests } = await turn([
      { kind: 'error', status: 500 },
      { kind: 'error', status: 429, headers: { 'retry-after': '0' } },
      text('Hello again.'),
    ]);
    expect(requests).toHaveLength(3);
    expect(reply.text).toBe('Hello again.');
    // Streamed word by word: the first words reached the person before the turn ended.
    expect(events.filter((e) => e.type === 'token').map((e) => (e as { text: string }).text)).toEqual([
      'Hello ',
      'again.',
    ]);
    expect(reply.firstTokenMs).toBeGreaterThan(0);
    expect(reply.firstTokenMs).toBeLessThanOrEqual(reply.latencyMs);
    const progress = events.flatMap((e) => (e.type === 'progress' ? [e.text] : []));
    expect(progress).toHaveLength(2);
    expect(progress[0]).toMatch(/^The model did not answer \(500 .*\); retry 1\/2 in 1 s…$/);
  });

  it('does not retry a 400, and says why', async () => {
    const { reply, requests } = await turn([{ kind: 'error', status: 400 }]);
    expect(requests).toHaveLength(1);
    expect(reply.text).toMatch(/^The AI model could not answer \(400 /);
  });
});

describe('what the model is sent', () => {
  it('only the tools the request needs, each with the registry’s own schema', async () => {
    const { requests } = await turn([text('Which chairs?')]);
    const names = (requests[0].tools as { function: { name: string } }[]).map((t) => t.function.name);
    expect(names).toContain('purchasing_create_order');
    expect(names).not.toContain('invoicing_create_invoice');
    expect(names.at(-1)).toBe('agent_load_tools');
    expect(names.length).toBeLessThan(registry.length / 3);
  });
});

const eqId = (id: string) => eq(aiActions.id, id);
