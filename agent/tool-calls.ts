/**
 * Registry tools as the agent sees them. Every call goes through invoke() as source "chat" and byAi,
 * so writes pass the action door; a refused or failed call becomes the tool's answer to the model (so
 * it can recover) and an event the person sees — never an exception that would hide it.
 */
import type { Session } from '../tools/context.ts';
import type { AnyTool } from '../tools/define.ts';
import { AppError, errorBody } from '../tools/errors.ts';
import { invoke } from '../tools/invoke.ts';
import { bigintAsString } from '../tools/money.ts';

/** An action as the chat shows it: a status badge with its number and confidence. */
export interface ActionBadge {
  id: string;
  number: number;
  tool: string;
  status: string;
  confidence: number;
  requiredLevel: number;
  message: string;
}

/** The badge of an action the door answered with: what the chat needs of it, nothing more. */
export const badgeOf = (a: ActionBadge): ActionBadge => ({
  id: a.id,
  number: a.number,
  tool: a.tool,
  status: a.status,
  confidence: a.confidence,
  requiredLevel: a.requiredLevel,
  message: a.message,
});

export interface ToolCallRecord {
  id: string;
  name: string;
  args: unknown;
  ok: boolean;
  /** The sentence shown to the person: the tool's summary, the door's message or the error. */
  message: string;
  errorCode?: string;
  action?: ActionBadge;
}

export type ToolEvent =
  | { type: 'tool_call'; id: string; name: string; args: unknown }
  | { type: 'tool_result'; call: ToolCallRecord };

export interface CallOptions {
  /** Why the AI acts: the person's request, kept with the action for the approver. */
  rationale?: string;
  /** Where the request came from (the chat, or an email answered by the agent); default chat. */
  source?: 'chat' | 'email';
  onEvent?: (event: ToolEvent) => void;
}

/** What the model reads back; long read results are cut so one call cannot flood its context. */
const MAX_RESULT_CHARS = 12_000;

const json = (value: unknown) => JSON.stringify(value, bigintAsString);
const capped = (text: string) =>
  text.length > MAX_RESULT_CHARS ? `${text.slice(0, MAX_RESULT_CHARS)}… (truncated: ask for fewer results)` : text;

export async function callRegistryTool(
  session: Session,
  registryTool: AnyTool,
  callId: string,
  rawArgs: unknown,
  options: CallOptions = {},
): Promise<{ record: ToolCallRecord; content: string }> {
  const { confidence, ...args } = (rawArgs && typeof rawArgs === 'object' ? rawArgs : {}) as Record<string, unknown>;
  options.onEvent?.({ type: 'tool_call', id: callId, name: registryTool.name, args });
  let record: ToolCallRecord;
  let content: string;
  try {
    const modelConfidence =
      registryTool.kind === 'write' && typeof confidence === 'number' && confidence >= 0 && confidence <= 1
        ? confidence
        : undefined;
    const out = await invoke(session, registryTool, args, {
      source: options.source ?? 'chat',
      byAi: true,
      modelConfidence,
      rationale: options.rationale,
    });
    if (out.kind === 'read') {
      record = { id: callId, name: registryTool.name, args, ok: true, message: out.message ?? registryTool.title };
      content = capped(json(out.output));
    } else {
      const a = out.action;
      const action = badgeOf(a);
      const ok = a.status !== 'failed';
      record = {
        id: callId,
        name: registryTool.name,
        args,
        ok,
        message: a.message,
        action,
        ...(a.error ? { errorCode: a.error.code } : {}),
      };
      content = capped(
        json({
          message: a.message,
          action: {
            id: a.id,
            number: a.number,
            status: a.status,
            confidence: a.confidence,
            requiredLevel: a.requiredLevel,
          },
          result: a.result,
          error: a.error,
        }),
      );
    }
  } catch (err) {
    const body = errorBody(err).error;
    if (!(err instanceof AppError)) console.error(err);
    record = { id: callId, name: registryTool.name, args, ok: false, message: body.message, errorCode: body.code };
    content = `Error (${body.code}): ${body.message}`;
  }
  options.onEvent?.({ type: 'tool_result', call: record });
  return { record, content };
}
