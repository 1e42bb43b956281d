/**
 * How Comptoir answers an MCP client: structured data a program can use, next to a short sentence
 * for people; errors as `isError` results carrying the message that says what to do next.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { ActionOutcome } from '../tools/actions/door.ts';
import { Evidence } from '../tools/actions/schemas.ts';
import { AppError, errorBody } from '../tools/errors.ts';
import type { Invocation } from '../tools/invoke.ts';

/** An action as the door reports it, without its result (a write tool returns that as `result`). */
export const ActionSummary = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  tool: z.string(),
  status: z.string(),
  confidence: z.number(),
  evidence: z.array(Evidence),
  decision: z.object({
    outcome: z.enum(['execute', 'queue', 'refuse']),
    reasons: z.array(z.string()),
    level: z.number().int().optional(),
    approvers: z.array(z.string()).optional(),
  }),
  requiredLevel: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  duplicate: z.boolean(),
  message: z
    .string()
    .describe('One sentence to show as is, e.g. "Pending approval #12 (level 2): needs a manager or above."'),
});
export type ActionSummary = z.infer<typeof ActionSummary>;

/** What a write tool returns over MCP: the action, and the tool's own output once it executed. */
export const writeOutput = (output: z.ZodType) =>
  z.object({
    action: ActionSummary,
    result: output.optional().describe('Present when the action executed; absent while it waits for approval.'),
  });

export function actionSummary(outcome: ActionOutcome): ActionSummary {
  const { result: _result, ...summary } = outcome;
  return summary;
}

export function invocationResult(invocation: Invocation): CallToolResult {
  if (invocation.kind === 'read') {
    const output = invocation.output as Record<string, unknown>;
    return structured(output, invocation.message);
  }
  const { action } = invocation;
  const executed = action.status === 'executed' && action.result !== null;
  return structured({ action: actionSummary(action), ...(executed ? { result: action.result } : {}) }, action.message);
}

/**
 * `structuredContent` for clients that read it, and the same JSON as text for the many that still read
 * only `content` (the MCP spec asks for both); the human sentence comes first.
 */
export function structured(data: Record<string, unknown>, sentence: string | undefined): CallToolResult {
  const json = JSON.stringify(data);
  return {
    content: sentence
      ? [
          { type: 'text', text: sentence },
          { type: 'text', text: json },
        ]
      : [{ type: 'text', text: json }],
    structuredContent: data,
  };
}

/** Any thrown value as a tool error: an AppError keeps its message; anything else is logged, not leaked. */
export function errorResult(err: unknown): CallToolResult {
  const body = errorBody(err);
  if (!(err instanceof AppError)) console.error(err);
  return { isError: true, content: [{ type: 'text', text: body.error.message }] };
}
