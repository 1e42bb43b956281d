/**
 * A tool is defined once: schema, annotations, who may use it and how it runs. The agent, the MCP
 * server, REST routes, slash commands and jobs all read the same definition from the registry.
 */
import type { z } from 'zod';
import type { EvidenceFactor } from '../db/schema/actions.ts';
import type { Lang, Role, ToolCtx } from './context.ts';

/**
 * How much harm a write can do, which sets who must approve it:
 * draft (nothing leaves or commits), internal (changes records or statuses),
 * external (leaves the company: email, sending a document), money (commits or moves money).
 */
export type Risk = 'draft' | 'internal' | 'external' | 'money';

export type Effect = 'adds' | 'sets' | 'ends';

export interface Amount {
  cents: bigint;
  currency: string;
  /** The document's date (YYYY-MM-DD): a foreign amount is converted at the rate held on that day. */
  on?: string;
  /** A rate given with the document (units of the company currency for one unit), used before held ones. */
  rate?: string;
}

/** What a write tool knows about a request before it runs: its amount and the evidence it found. */
export interface Assessment<P = unknown> {
  amount?: Amount | null;
  evidence?: EvidenceFactor[];
  /**
   * The checked request as assess worked it out, handed to run when run follows in the same
   * transaction (a proposal executed at once, an edited approval), so the work is not done twice.
   * Never stored: an approval decided later runs without it and checks everything again.
   */
  prepared?: P;
}

interface ToolBase<I extends z.ZodObject, O extends z.ZodType> {
  /** `area_verb_noun`, e.g. purchasing_create_order. */
  name: string;
  title: string;
  /** Written as a prompt: what it does, the units it expects, what comes back, what to do on failure. */
  description: string;
  input: I;
  output: O;
  run: (ctx: ToolCtx, input: z.output<I>) => Promise<z.output<O>>;
  /** One short sentence for people (chat, MCP text content) in their language. */
  summarize?: (output: z.output<O>, lang: Lang) => string;
}

export interface ReadTool<I extends z.ZodObject = z.ZodObject, O extends z.ZodType = z.ZodType> extends ToolBase<I, O> {
  kind: 'read';
}

export interface WriteTool<I extends z.ZodObject = z.ZodObject, O extends z.ZodType = z.ZodType, P = unknown>
  extends ToolBase<I, O> {
  kind: 'write';
  /** `prepared` is what assess returned moments before in the same transaction, when it did. */
  run: (ctx: ToolCtx, input: z.output<I>, prepared?: P) => Promise<z.output<O>>;
  risk: Risk;
  /**
   * What a call does to the records already there (MCP destructiveHint and idempotentHint derive from it):
   * `adds` new records and changes none; `sets` fields or a status to the values given, overwriting the
   * old ones (the same call again changes nothing more); `ends` something for good (cancel, stop, reject).
   * Absent: treated as the MCP defaults say, destructive and not idempotent.
   */
  effect?: Effect;
  /** Roles that may ask for this write; default: everyone but viewers. */
  roles?: Role[];
  /** Purchase approval levels by amount apply (people and AI alike). */
  approvalLevels?: boolean;
  /** The tool sends something outside (email): MCP openWorldHint. */
  openWorld?: boolean;
  /** Checks the request against the tenant's data (throws a clear AppError) and finds amount and evidence. */
  assess?: (ctx: ToolCtx, input: z.output<I>) => Promise<Assessment<P>>;
  /** Reverses an executed action; present only for reversible tools. */
  undo?: (ctx: ToolCtx, input: z.output<I>, result: z.output<O>) => Promise<void>;
}

export type Tool<I extends z.ZodObject = z.ZodObject, O extends z.ZodType = z.ZodType> =
  | ReadTool<I, O>
  | WriteTool<I, O>;

/** Identity function that keeps the input and output types of a tool for its run(). */
export function defineTool<I extends z.ZodObject, O extends z.ZodType>(tool: ReadTool<I, O>): ReadTool<I, O>;
export function defineTool<I extends z.ZodObject, O extends z.ZodType, P = unknown>(
  tool: WriteTool<I, O, P>,
): WriteTool<I, O, P>;
export function defineTool(tool: Tool): Tool {
  return tool;
}

/** Any tool, whatever its schemas: what the registry and the frontends handle. */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of tools; each tool keeps its own schema types
export type AnyTool = ReadTool<any, any> | WriteTool<any, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of tools; each tool keeps its own schema types
export type AnyWriteTool = WriteTool<any, any, any>;
