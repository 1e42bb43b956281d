/**
 * What the MCP tests share: the real Hono app served on a loopback port, and SDK clients that
 * connect to it with a bearer token, optionally able to ask their person for confirmation.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { loadConfig } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { createApp } from '../../../http/app.ts';

export interface RunningApp {
  url: URL;
  close(): Promise<void>;
}

export async function serveApp(handle: DatabaseHandle, now: () => Date = () => new Date()): Promise<RunningApp> {
  const app = createApp({ handle, config: loadConfig({ COMPTOIR_DEMO: 'false' }), now });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  // Longer than the slowest pause between two requests of a test on a loaded machine: an idle
  // keep-alive socket closed by the server just as the client reuses it fails with ECONNRESET.
  (server as Server).keepAliveTimeout = 60_000;
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/mcp`),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ConnectOptions {
  /** Answers the server's confirmation requests, as the person in front of the client would. */
  confirm?: (message: string) => ElicitResult | Promise<ElicitResult>;
  /** Accept-Language of the client; without it the person's own language applies. */
  lang?: 'fr' | 'en';
}

export async function connectHttp(url: URL, token: string, options: ConnectOptions = {}) {
  const client = new Client(
    { name: 'comptoir-test', version: '1.0.0' },
    { capabilities: options.confirm ? { elicitation: {} } : {} },
  );
  if (options.confirm) {
    const confirm = options.confirm;
    client.setRequestHandler(ElicitRequestSchema, (request) => confirm(request.params.message));
  }
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (options.lang) headers['Accept-Language'] = options.lang;
  const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers } });
  await client.connect(transport);
  return { client, transport };
}
