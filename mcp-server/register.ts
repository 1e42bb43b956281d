/**
 * Every registry tool as an MCP tool: same zod schemas, annotations derived from kind and risk, and
 * one call path — invoke() — so a write goes through the action door as the AI acting for the token's user.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import type { Session } from '../tools/context.ts';
import type { AnyTool } from '../tools/define.ts';
import { invoke } from '../tools/invoke.ts';
import { registry } from '../tools/registry.ts';
import { errorResult, invocationResult, writeOutput } from './results.ts';

export function annotationsFor(tool: AnyTool): ToolAnnotations {
  if (tool.kind === 'read') return { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
  return {
    readOnlyHint: false,
    // Money and anything that leaves the company cannot be taken back by deleting a row.
    destructiveHint: tool.risk === 'money' || tool.risk === 'external',
    // Each call proposes a new action; the idempotency key (request _meta) is what makes a retry safe.
    idempotentHint: false,
    openWorldHint: tool.openWorld === true,
  };
}

/** The MCP shape of each tool, built once per process rather than once per session. */
const definitions = registry.map((tool) => ({
  tool,
  config: {
    title: tool.title,
    description: tool.description,
    inputSchema: tool.input as z.ZodObject,
    outputSchema: (tool.kind === 'read' ? tool.output : writeOutput(tool.output)) as z.ZodObject,
    annotations: annotationsFor(tool),
  },
}));

/**
 * A client that retries a write sends the same `_meta.idempotencyKey`; the door then returns the first
 * action instead of proposing it twice.
 */
function idempotencyKeyOf(meta: Record<string, unknown> | undefined): string | undefined {
  const key = meta?.idempotencyKey;
  return typeof key === 'string' && key.length > 0 && key.length <= 200 ? key : undefined;
}

export function registerRegistryTools(server: McpServer, session: Session): void {
  for (const { tool, config } of definitions) {
    server.registerTool(tool.name, config, async (input, extra) => {
      try {
        const invocation = await invoke(session, tool, input, { source: 'mcp', byAi: true, idempotencyKey: idempotencyKeyOf(extra._meta) });
        return invocationResult(invocation);
      } catch (err) {
        return errorResult(err);
      }
    });
  }
}
