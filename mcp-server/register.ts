/**
 * Every registry tool as an MCP tool: same zod schemas, annotations derived from kind and risk, and
 * one call path — invoke() — so a write goes through the action door as the AI acting for the token's user.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ListToolsResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { roleRefusal } from '../tools/actions/policy.ts';
import type { Lang, Role, Session } from '../tools/context.ts';
import type { AnyTool } from '../tools/define.ts';
import { invalid } from '../tools/errors.ts';
import { invoke } from '../tools/invoke.ts';
import { registry } from '../tools/registry.ts';
import { compactInputSchema, compactOutputSchema, summariseOutputSchema } from './compact-schema.ts';
import { errorResult, invocationResult, writeOutput } from './results.ts';

/**
 * The four MCP hints, derived from the tool's definition, written only where they differ from the
 * spec's defaults (readOnly false, destructive true, idempotent false, openWorld true): the same
 * meaning for every client, fewer bytes in every tools/list. For a read tool, destructive and
 * idempotent mean nothing (the spec says so) and are left out.
 *  - destructive: anything but a pure addition (`effect: 'adds'`) overwrites or ends what was there;
 *    and money moved or a message sent cannot be taken back by deleting a row, whatever the effect.
 *  - idempotent: setting the same values again, or ending what is already ended, changes nothing
 *    more; an addition adds again, and a message goes out again.
 */
export function annotationsFor(tool: AnyTool): ToolAnnotations {
  if (tool.kind === 'read') return { readOnlyHint: true, openWorldHint: false };
  const outside = tool.openWorld === true;
  const destructive = tool.effect !== 'adds' || tool.risk === 'money' || tool.risk === 'external';
  const idempotent = tool.effect !== undefined && tool.effect !== 'adds' && !outside;
  return {
    ...(destructive ? {} : { destructiveHint: false }),
    ...(idempotent ? { idempotentHint: true } : {}),
    ...(outside ? {} : { openWorldHint: false }),
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

/** Every MCP call is the AI acting for the token's person. */
const AS_MCP = { source: 'mcp', byAi: true } as const;

/** Runs a read tool for a session as every MCP read does; resources, prompts and approvals use it too. */
export async function readTool<T>(session: Session, tool: AnyTool, input: unknown): Promise<T> {
  const out = await invoke(session, tool, input, AS_MCP);
  if (out.kind !== 'read') throw new Error(`${tool.name} is not a read tool.`);
  return out.output as T;
}

/**
 * A client that retries a write sends the same `_meta.idempotencyKey`; the door then returns the first
 * action instead of proposing it twice.
 */
function idempotencyKeyOf(meta: Record<string, unknown> | undefined): string | undefined {
  const key = meta?.idempotencyKey;
  return typeof key === 'string' && key.length > 0 && key.length <= 200 ? key : undefined;
}

/** The areas a client may pick from (`?toolsets=purchasing,bills`): the first word of each tool's name. */
export const TOOLSETS = [...new Set(registry.map(areaOf))];

function areaOf(tool: AnyTool): string {
  return tool.name.split('_')[0]!;
}

/** `purchasing,bills` (a URL parameter or a CLI flag) as a list of areas; an unknown area is refused by name. */
export function toolsetsFrom(text: string | undefined, lang: Lang): string[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const asked = [...new Set(text.split(',').map((name) => name.trim().toLowerCase()))].filter(Boolean);
  const unknown = asked.filter((name) => !TOOLSETS.includes(name));
  if (unknown.length > 0)
    throw invalid(
      lang === 'fr'
        ? `Ensemble d'outils inconnu : ${unknown.join(', ')}. Ensembles possibles : ${TOOLSETS.join(', ')}.`
        : `Unknown toolset: ${unknown.join(', ')}. Toolsets: ${TOOLSETS.join(', ')}.`,
      { toolsets: TOOLSETS },
    );
  return asked;
}

/**
 * The tools offered to this person: every read, and the writes their role may ask for (a viewer gets
 * no write; a buyer no settings change). The door refuses the others anyway; listing them would only
 * cost every client their tokens and invite calls bound to fail. A client may narrow to some areas.
 */
export function offeredTools(role: Role, toolsets?: readonly string[]): AnyTool[] {
  return registry.filter(
    (tool) =>
      (tool.kind === 'read' || roleRefusal(role, tool) === null) && (!toolsets || toolsets.includes(areaOf(tool))),
  );
}

export function registerRegistryTools(server: McpServer, session: Session, toolsets?: readonly string[]): void {
  const offered = new Set(offeredTools(session.actor.role, toolsets));
  for (const { tool, config } of definitions) {
    if (!offered.has(tool)) continue;
    server.registerTool(tool.name, config, async (input, extra) => {
      try {
        const invocation = await invoke(session, tool, input, {
          ...AS_MCP,
          clientKey: idempotencyKeyOf(extra._meta),
        });
        return invocationResult(invocation);
      } catch (err) {
        return errorResult(err);
      }
    });
  }
  leaveInputToTheDoor(server);
}

type ValidateInput = (tool: unknown, args: unknown, name: string) => Promise<unknown>;
const registryNames = new Set(registry.map((tool) => tool.name));

/**
 * The SDK checks a call's arguments against the tool's schema before the handler runs, and refuses bad
 * input in English only. A registry tool's input is checked by invoke() anyway, as for every other
 * frontend: leave it there, where the refusal is worded in the person's language (the one check, not
 * two). Other tools (approvals) keep the SDK's check. The SDK keeps no public way to do this; without
 * this private method (another SDK version) the SDK's check stays, in English.
 */
function leaveInputToTheDoor(server: McpServer): void {
  const sdk = server as unknown as { validateToolInput?: ValidateInput };
  const check = sdk.validateToolInput?.bind(server);
  if (!check) return;
  sdk.validateToolInput = (tool, args, name) =>
    registryNames.has(name) ? Promise.resolve(args) : check(tool, args, name);
}

type RawHandler = (request: unknown, extra: unknown) => Promise<ListToolsResult>;
const toolLists = new Map<string, Promise<ListToolsResult>>();

/**
 * How much a tools/list carries. `summary` (the default): each description's first sentence, no
 * title, output schemas to their first level (compact-schema.ts); `full` (`?detail=full`): everything.
 * Whatever is left out of a summary is one tools_describe call away (describe.ts).
 */
export type ListDetail = 'summary' | 'full';

/** `?detail=full` (or nothing, a summary); any other value is refused by name. */
export function detailFrom(text: string | undefined, lang: Lang): ListDetail {
  if (text === undefined || text === '' || text === 'summary') return 'summary';
  if (text === 'full') return 'full';
  throw invalid(
    lang === 'fr'
      ? `Détail inconnu : ${text}. Valeurs possibles : summary, full.`
      : `Unknown detail: ${text}. Values: summary, full.`,
  );
}

/** Longer than this, a first sentence that lists details after a colon is cut at the colon. */
const LONG_SENTENCE = 160;

/**
 * What a description says in a summary: its first sentence, what the tool does. Units, failures and
 * next steps are in tools_describe, and the fields a long sentence lists after a colon are in the schema.
 */
export function firstSentence(description: string): string {
  const end = /[.!?](?=\s+[A-Z("«])/.exec(description);
  const sentence = end ? description.slice(0, end.index + 1) : description;
  const colon = sentence.indexOf(': ');
  return sentence.length > LONG_SENTENCE && colon > 0 ? `${sentence.slice(0, colon)}.` : sentence;
}

/** The `{ action, result? }` answer of every write tool (results.ts). */
function isWriteEnvelope(schema: { properties?: Record<string, unknown> }): boolean {
  const fields = Object.keys(schema.properties ?? {}).sort();
  return fields.join(',') === 'action,result';
}

/** The spec's default for `execution.taskSupport`: said by every tool, it tells a client nothing. */
const NO_TASKS = 'forbidden';

function compact(list: ListToolsResult, detail: ListDetail): ListToolsResult {
  return {
    ...list,
    tools: list.tools.map(({ title, description, execution, inputSchema, outputSchema, ...tool }) => ({
      ...tool,
      ...(detail === 'full' && title !== undefined ? { title } : {}),
      ...(description !== undefined
        ? { description: detail === 'full' ? description : firstSentence(description) }
        : {}),
      ...(execution && execution.taskSupport !== NO_TASKS ? { execution } : {}),
      inputSchema: compactInputSchema(inputSchema),
      ...(outputSchema && detail === 'full' ? { outputSchema: compactOutputSchema(outputSchema) } : {}),
      // Every write tool answers the same envelope, said once in the server's instructions.
      ...(outputSchema && detail === 'summary' && !isWriteEnvelope(outputSchema)
        ? { outputSchema: summariseOutputSchema(outputSchema) }
        : {}),
    })),
  };
}

/**
 * tools/list is the same for every session of one language, role and choice of toolsets, yet the SDK turns every zod schema into
 * JSON Schema on each call: for the whole registry that blocks the event loop for hundreds of
 * milliseconds per new session. Answer it once per process and language, with the SDK's own answer.
 * Call after every tool is registered. The answer is also compacted (compact-schema.ts).
 */
export function shareToolList(
  server: McpServer,
  lang: Lang,
  role: Role,
  toolsets?: readonly string[],
  detail: ListDetail = 'summary',
): void {
  // The SDK keeps no public way to wrap a handler; without this private map (another SDK version) nothing is shared.
  const handlers = (server.server as unknown as { _requestHandlers?: Map<string, RawHandler> })._requestHandlers;
  const compute = handlers?.get('tools/list');
  if (!handlers || !compute) return;
  const listAt = (level: ListDetail, request: unknown, extra: unknown) => {
    const key = `${lang}|${role}|${toolsets?.join(',') ?? '*'}|${level}`;
    let list = toolLists.get(key);
    if (!list) {
      list = compute(request, extra).then((sdk) => compact(sdk, level));
      toolLists.set(key, list);
      list.catch(() => toolLists.delete(key));
    }
    return list;
  };
  handlers.set('tools/list', (request, extra) => listAt(detail, request, extra));
  fullLists.set(server, () => listAt('full', { method: 'tools/list', params: {} }, {}));
}

const fullLists = new WeakMap<McpServer, () => Promise<ListToolsResult>>();

/** This server's tools/list with every detail, as `?detail=full` would list it (for tools_describe). */
export function fullToolList(server: McpServer): Promise<ListToolsResult> {
  const list = fullLists.get(server);
  if (!list) throw new Error('shareToolList was not called for this server.');
  return list();
}
