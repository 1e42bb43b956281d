/**
 * The one entry point every frontend calls: a read tool runs in a tenant transaction, a write tool
 * goes through the action door. Frontends authenticate, build the Session, call this, map the result.
 */
import type { z } from 'zod';
import { withTenant } from '../db/tenant.ts';
import { parseInput, propose, type ActionOutcome, type ProposeOptions } from './actions/door.ts';
import type { Session } from './context.ts';
import type { AnyTool } from './define.ts';
import { toolContext } from './tool-context.ts';

export type Invocation =
  | { kind: 'read'; output: unknown; message: string | undefined }
  | { kind: 'write'; action: ActionOutcome; message: string };

export async function invoke(
  session: Session,
  tool: AnyTool,
  rawInput: unknown,
  options: ProposeOptions,
): Promise<Invocation> {
  if (tool.kind === 'write') {
    const action = await propose(session, tool, rawInput, options);
    return { kind: 'write', action, message: action.message };
  }
  const input = parseInput(tool, rawInput, session.lang);
  const output = await withTenant(session.db, session.tenantId, async (tx) =>
    (tool.output as z.ZodType).parse(await tool.run(toolContext(session, tx), input)),
  );
  return { kind: 'read', output, message: tool.summarize?.(output, session.lang) };
}
