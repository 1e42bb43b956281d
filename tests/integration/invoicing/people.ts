/** Invoicing tools called the way a person's frontend calls them: through the door (writes) or invoke (reads). */
import { expect } from 'vitest';
import { propose } from '../../../tools/actions/door.ts';
import type { Session } from '../../../tools/context.ts';
import type { AnyTool, AnyWriteTool } from '../../../tools/define.ts';
import { invoke } from '../../../tools/invoke.ts';
import type { ClientSummary, InvoiceSummary } from '../../../tools/invoicing/schemas.ts';
import { createClient } from '../../../tools/invoicing/create-client.ts';
import { createInvoice } from '../../../tools/invoicing/create-invoice.ts';

/** A person's own write: it must execute, and its result is returned. */
export async function done<T = unknown>(session: Session, tool: AnyWriteTool, input: unknown): Promise<T> {
  const out = await propose(session, tool, input, { source: 'rest', byAi: false });
  expect(out.error).toBeNull();
  expect(out.status).toBe('executed');
  return out.result as T;
}

export async function read<T = unknown>(session: Session, tool: AnyTool, input: unknown): Promise<T> {
  const out = await invoke(session, tool, input, { source: 'rest', byAi: false });
  if (out.kind !== 'read') throw new Error(`${tool.name} is not a read tool`);
  return out.output as T;
}

export const newClient = (session: Session, input: Record<string, unknown>) =>
  done<ClientSummary>(session, createClient, input);

export const newInvoice = (session: Session, input: Record<string, unknown>) =>
  done<InvoiceSummary>(session, createInvoice, input);
