/**
 * The clients of the MCP benchmark, run in a process of their own (bench/mcp.ts forks it): as in real
 * life, the people's clients do not share the server's event loop, and the server's CPU is measured alone.
 * It opens one SDK client session per token, then runs each phase it is sent and answers its statistics.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { load, type LoadResult } from './stats.ts';

export interface SessionPlan {
  token: string;
  /** Arguments for each tool the phases call, for this session's company. */
  args: Record<string, Record<string, unknown>>;
}

export type ParentMessage =
  | { type: 'connect'; url: string; sessions: SessionPlan[] }
  /** `tool: 'ping'` sends MCP pings: the cost of HTTP and the protocol alone, without any tool or database. */
  | { type: 'phase'; tool: string; calls: number; uniqueArg?: string }
  | { type: 'close' };

export type ChildMessage = { type: 'connected' } | { type: 'phase'; result: LoadResult } | { type: 'closed' } | { type: 'error'; message: string };

let clients: Client[] = [];
let plans: SessionPlan[] = [];

async function connect(url: URL, token: string): Promise<Client> {
  const client = new Client({ name: 'comptoir-bench', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

async function handle(message: ParentMessage): Promise<ChildMessage> {
  switch (message.type) {
    case 'connect':
      plans = message.sessions;
      clients = await Promise.all(plans.map((p) => connect(new URL(message.url), p.token)));
      return { type: 'connected' };
    case 'phase': {
      const { tool, calls, uniqueArg } = message;
      // As many callers as sessions, calls spread over the sessions in turn.
      const result = await load(calls, clients.length, async (i) => {
        const s = i % clients.length;
        if (tool === 'ping') return clients[s]!.ping();
        const args = { ...plans[s]!.args[tool] };
        // Writes differ from one another (a line description), as real requests do.
        if (uniqueArg) args[uniqueArg] = JSON.parse(JSON.stringify(args[uniqueArg]).replaceAll('{i}', String(i)));
        const out = await clients[s]!.callTool({ name: tool, arguments: args });
        if (out.isError) throw new Error(JSON.stringify(out.content));
      });
      return { type: 'phase', result };
    }
    case 'close':
      await Promise.all(clients.map((c) => c.close().catch(() => {})));
      return { type: 'closed' };
  }
}

process.on('message', (message: ParentMessage) => {
  handle(message).then(
    (reply) => process.send!(reply),
    (err: unknown) => process.send!({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies ChildMessage),
  );
});
