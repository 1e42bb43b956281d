/**
 * A lean Streamable HTTP MCP client for load generation: one keep-alive connection per session, JSON-RPC
 * written and read by hand, nothing validated. The SDK's client validates every message with zod and
 * goes through fetch; on this 2-core machine it burns more CPU per call than the server it measures.
 * It speaks the same protocol as the SDK client (initialize, notifications/initialized, Mcp-Session-Id,
 * MCP-Protocol-Version; answers as JSON or as an SSE stream); the tests use the SDK client itself.
 */
import http from 'node:http';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';

interface RpcResponse {
  id?: number;
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
}

/** The JSON-RPC response of a POST, whether it came as JSON or as server-sent events. */
function responseOf(contentType: string, body: string, id: number): RpcResponse | undefined {
  if (contentType.includes('application/json')) return body ? (JSON.parse(body) as RpcResponse) : undefined;
  for (const line of body.split('\n')) {
    // A resumable stream opens with a priming event that carries no data.
    const data = line.startsWith('data:') ? line.slice(5).trim() : '';
    if (!data) continue;
    const message = JSON.parse(data) as RpcResponse;
    if (message.id === id) return message;
  }
  return undefined;
}

export class WireSession {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private sessionId: string | undefined;
  private nextId = 1;

  constructor(
    private readonly url: URL,
    private readonly token: string,
  ) {}

  private post(
    message: Record<string, unknown>,
  ): Promise<{ status: number; contentType: string; body: string; sessionId?: string }> {
    const payload = JSON.stringify(message);
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': LATEST_PROTOCOL_VERSION,
      'content-length': String(Buffer.byteLength(payload)),
    };
    if (this.sessionId) headers['mcp-session-id'] = this.sessionId;
    return new Promise((resolve, reject) => {
      const req = http.request(this.url, { method: 'POST', agent: this.agent, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body,
            sessionId: res.headers['mcp-session-id'] as string | undefined,
          }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** A JSON-RPC request; resolves to its result, rejects on an HTTP or JSON-RPC error. */
  async request(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const res = await this.post({ jsonrpc: '2.0', id, method, params });
    const answer = res.status === 200 ? responseOf(res.contentType, res.body, id) : undefined;
    if (!answer?.result)
      throw new Error(`${method}: HTTP ${res.status} ${answer?.error?.message ?? res.body.slice(0, 200)}`);
    if (res.sessionId) this.sessionId = res.sessionId;
    return answer.result;
  }

  async connect(): Promise<void> {
    await this.request('initialize', {
      protocolVersion: LATEST_PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: { name: 'comptoir-bench-wire', version: '1.0.0' },
    });
    const res = await this.post({ jsonrpc: '2.0', method: 'notifications/initialized' });
    if (res.status !== 202) throw new Error(`notifications/initialized: HTTP ${res.status}`);
  }

  async callTool(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
    const result = await this.request('tools/call', { name, arguments: args });
    if (result.isError) throw new Error(JSON.stringify(result.content));
    return result;
  }

  ping(): Promise<Record<string, unknown>> {
    return this.request('ping');
  }

  async close(): Promise<void> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      'mcp-protocol-version': LATEST_PROTOCOL_VERSION,
    };
    if (this.sessionId) headers['mcp-session-id'] = this.sessionId;
    await new Promise<void>((resolve) => {
      const req = http.request(this.url, { method: 'DELETE', agent: this.agent, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', () => resolve());
      req.end();
    });
    this.agent.destroy();
  }
}
