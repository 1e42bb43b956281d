/**
 * tools_describe: the whole definition of some tools, for a client or a model that read the short
 * tools/list (first sentences, outputs to their first level) and needs the rest before a call: the
 * full description (units, failures, next steps), title, input and output schemas, annotations.
 * MCP only, like the approval tools: the agent reads the registry itself.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { fullToolList } from './register.ts';
import { structured } from './results.ts';

const Input = z.object({
  names: z.array(z.string().min(1).max(100)).min(1).max(20).describe('Tool names as tools/list gives them.'),
});
const Output = z.object({
  tools: z
    .array(z.object({ name: z.string() }).passthrough())
    .describe('Each tool exactly as `?detail=full` lists it.'),
  unknown: z.array(z.string()).describe('Names asked for that this session does not offer.'),
});

export function registerDescribeTool(server: McpServer): void {
  server.registerTool(
    'tools_describe',
    {
      title: 'Describe tools in full',
      description:
        'Full definitions of the named tools (whole description, complete schemas): tools/list has only first ' +
        "sentences. Call it when you need a tool's units, failures or output in detail.",
      inputSchema: Input,
      outputSchema: Output,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ names }) => {
      const { tools } = await fullToolList(server);
      const found = tools.filter((tool) => names.includes(tool.name));
      const unknown = names.filter((name) => !found.some((tool) => tool.name === name));
      return structured(
        { tools: found, unknown },
        `${found.length} tool(s) described${unknown.length ? `; not offered here: ${unknown.join(', ')}` : ''}.`,
      );
    },
  );
}
