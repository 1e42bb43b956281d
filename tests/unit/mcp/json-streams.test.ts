/**
 * The SDK's transport, in JSON response mode, keeps one stream entry per answered request for the life
 * of the session (typescript-sdk#2559). mcp-server/json-streams.ts removes each entry once it answers.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { openStreams, releaseAnsweredStreams } from '../../../mcp-server/json-streams.ts';

/** A JSON-mode session that has answered `pings` pings, all sent at once so that they overlap. */
async function sessionAfterPings(pings: number, workaround: boolean) {
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: () => 'session-1',
    enableJsonResponse: true,
  });
  if (workaround) expect(releaseAnsweredStreams(transport)).toBe(true);
  await new McpServer({ name: 'test', version: '1.0.0' }).connect(transport);
  const post = (body: unknown) =>
    transport.handleRequest(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-session-id': 'session-1',
          'mcp-protocol-version': LATEST_PROTOCOL_VERSION,
        },
        body: JSON.stringify(body),
      }),
    );
  const init = await post({
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 't', version: '1' } },
  });
  expect(init.status).toBe(200);
  await post({ jsonrpc: '2.0', method: 'notifications/initialized' });
  const answers = await Promise.all(
    Array.from({ length: pings }, (_, i) => post({ jsonrpc: '2.0', id: i + 1, method: 'ping' }).then((r) => r.json())),
  );
  return { transport, answers };
}

describe('JSON response mode streams', () => {
  it('are released once answered, and every request still gets its own answer', async () => {
    const { transport, answers } = await sessionAfterPings(50, true);
    expect(answers.map((a: { id: number }) => a.id)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(openStreams(transport)).toBe(0);
    await transport.close();
  });

  // When this fails, the SDK has fixed its leak: remove mcp-server/json-streams.ts and this file.
  it('are kept by the SDK itself without the workaround (a canary for the upstream fix)', async () => {
    const { transport } = await sessionAfterPings(50, false);
    expect(openStreams(transport)).toBe(51);
    await transport.close();
  });
});
