/**
 * The clients of the MCP benchmark, run in a process of their own (bench/mcp.ts forks it): as in real
 * life, the people's clients do not share the server's event loop, and the server's CPU is measured alone.
 * It opens one session per token — with the SDK's client or the lean wire client (bench/mcp-wire.ts) —
 * then runs each phase it is sent and answers its statistics and its own CPU time.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { WireSession } from './mcp-wire.ts';
import { load, stallMs, type LoadResult } from './stats.ts';

export type ClientKind = 'sdk' | 'wire';

export interface SessionPlan {
  token: string;
  /** Arguments for each tool the phases call, for this session's company. */
  args: Record<string, Record<string, unknown>>;
}

export type ParentMessage =
  | { type: 'connect'; url: string; sessions: SessionPlan[]; client: ClientKind }
  /** `tool: 'ping'` sends MCP pings: the cost of HTTP and the protocol alone, without any tool or database. */
  /** `perSecond`: calls paced at that rate instead of as fast as the sessions go. */
  | { type: 'phase'; tool: string; calls: number; uniqueArg?: string; perSecond?: number }
  | { type: 'close' };

export type ChildMessage =
  | { type: 'connected' }
  | { type: 'phase'; result: LoadResult; clientCpuMs: number; loopDelayMaxMs: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };

/** What a phase needs of a session, whichever client opened it. */
interface LoadSession {
  callTool(name: string, args: Record<string, unknown>): Promise<unknown>;
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

let sessions: LoadSession[] = [];
let plans: SessionPlan[] = [];

async function sdkSession(url: URL, token: string): Promise<LoadSession> {
  const client = new Client({ name: 'comptoir-bench', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
  );
  return {
    callTool: async (name, args) => {
      const out = await client.callTool({ name, arguments: args });
      if (out.isError) throw new Error(JSON.stringify(out.content));
      return out;
    },
    ping: () => client.ping(),
    close: () => client.close(),
  };
}

async function wireSession(url: URL, token: string): Promise<LoadSession> {
  const session = new WireSession(url, token);
  await session.connect();
  return session;
}

async function handle(message: ParentMessage): Promise<ChildMessage> {
  switch (message.type) {
    case 'connect': {
      plans = message.sessions;
      const open = message.client === 'wire' ? wireSession : sdkSession;
      sessions = await Promise.all(plans.map((p) => open(new URL(message.url), p.token)));
      return { type: 'connected' };
    }
    case 'phase': {
      const { tool, calls, uniqueArg, perSecond } = message;
      const before = process.cpuUsage();
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      // One caller per session, as each MCP client waits for an answer before its next call. (Spreading
      // calls over sessions by call number instead would queue two calls on one session's connection
      // while another session sat idle.)
      const result = await load(
        calls,
        sessions.length,
        async (i, s) => {
          if (tool === 'ping') return sessions[s]!.ping();
          const args = { ...plans[s]!.args[tool] };
          // Writes differ from one another (a line description), as real requests do.
          if (uniqueArg) args[uniqueArg] = JSON.parse(JSON.stringify(args[uniqueArg]).replaceAll('{i}', String(i)));
          return sessions[s]!.callTool(tool, args);
        },
        perSecond,
      );
      const cpu = process.cpuUsage(before);
      loopDelay.disable();
      return { type: 'phase', result, clientCpuMs: (cpu.user + cpu.system) / 1000, loopDelayMaxMs: stallMs(loopDelay) };
    }
    case 'close':
      await Promise.all(sessions.map((c) => c.close().catch(() => {})));
      return { type: 'closed' };
  }
}

process.on('message', (message: ParentMessage) => {
  handle(message).then(
    (reply) => process.send!(reply),
    (err: unknown) =>
      process.send!({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
      } satisfies ChildMessage),
  );
});
