/**
 * A scripted OpenAI-compatible chat-completions server over real HTTP (node:http, SSE streaming), so
 * agent tests go through the same client, retries, stream parsing and finish_reason handling as with
 * Ollama or vLLM. Each request takes the next step of the script; a step may answer with an HTTP
 * error, stream chunks, stall, or drop the connection mid-stream.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// biome-ignore lint/suspicious/noExplicitAny: a request body is whatever the client sent
export type ChatRequest = any;

export type Step =
  | { kind: 'error'; status: number; headers?: Record<string, string> }
  | {
      kind: 'stream';
      deltas: object[];
      finish: string | null;
      usage?: { prompt_tokens: number; completion_tokens: number };
      drop?: boolean;
    }
  | { kind: 'stall' };

/** A tool call streamed in pieces, as real servers do; `finish` is how the response ends. */
export function toolCall(name: string, args: string, finish: string | null = 'tool_calls', id = `call_${name}`): Step {
  const half = Math.floor(args.length / 2);
  return {
    kind: 'stream',
    deltas: [
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ index: 0, id, type: 'function', function: { name, arguments: '' } }],
      },
      { tool_calls: [{ index: 0, function: { arguments: args.slice(0, half) } }] },
      { tool_calls: [{ index: 0, function: { arguments: args.slice(half) } }] },
    ],
    finish,
    usage: { prompt_tokens: 1000, completion_tokens: 40 },
  };
}

/** Several complete tool calls in one response. */
export function toolCalls(...calls: { name: string; args: object }[]): Step {
  return {
    kind: 'stream',
    deltas: calls.map((c, index) => ({
      ...(index === 0 ? { role: 'assistant' } : {}),
      tool_calls: [
        {
          index,
          id: `call_${index}_${c.name}`,
          type: 'function',
          function: { name: c.name, arguments: JSON.stringify(c.args) },
        },
      ],
    })),
    finish: 'tool_calls',
  };
}

/** A text answer streamed word by word. */
export function text(answer: string): Step {
  return {
    kind: 'stream',
    deltas: answer
      .split(/(?<= )/)
      .map((word, i) => (i === 0 ? { role: 'assistant', content: word } : { content: word })),
    finish: 'stop',
    usage: { prompt_tokens: 1200, completion_tokens: 20 },
  };
}

export interface ScriptedServer {
  baseURL: string;
  requests: ChatRequest[];
  /** Connections the client closed before the response ended. */
  closedByClient: number;
  close(): Promise<void>;
}

/** `script` is a list of steps, or a function of the request (so a step may read what the tools answered). */
export async function scriptedOpenAI(
  script: Step[] | ((request: ChatRequest, n: number) => Step),
): Promise<ScriptedServer> {
  const requests: ChatRequest[] = [];
  const state = { closedByClient: 0 };
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    for await (const part of req) body += part;
    const request = JSON.parse(body || '{}');
    const n = requests.push(request) - 1;
    const step = typeof script === 'function' ? script(request, n) : script[n];
    res.on('close', () => {
      if (!res.writableEnded) state.closedByClient++;
    });
    if (!step) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `script has no step ${n}` } }));
      return;
    }
    if (step.kind === 'error') {
      res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
      res.end(JSON.stringify({ error: { message: `scripted ${step.status}`, type: 'server_error' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    if (step.kind === 'stall') return; // headers sent, then nothing: a model that hangs
    const base = { id: `chatcmpl-${n}`, object: 'chat.completion.chunk', created: 1_700_000_000, model: 'scripted' };
    const send = (data: object) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    for (const delta of step.deltas) {
      send({ ...base, choices: [{ index: 0, delta, finish_reason: null }] });
      await new Promise((r) => setTimeout(r, 2));
    }
    if (step.drop) {
      res.socket?.destroy(); // the connection drops mid-stream, no finish_reason, no [DONE]
      return;
    }
    if (step.finish) send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: step.finish }] });
    if (step.usage)
      send({
        ...base,
        choices: [],
        usage: { ...step.usage, total_tokens: step.usage.prompt_tokens + step.usage.completion_tokens },
      });
    res.end('data: [DONE]\n\n');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get closedByClient() {
      return state.closedByClient;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
