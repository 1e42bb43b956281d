/**
 * Finding a tool by name without importing the registry. The door runs approved actions by the name
 * it stored, and the action tools (approve, retry, undo) that call the door are themselves in the
 * registry: importing the registry from the door would be an import cycle. So the registry hands its
 * lookup over here when it loads, and every entry point (REST, MCP, chat, jobs) loads the registry
 * before any action can be decided.
 */
import type { AnyTool } from './define.ts';

let lookup: ((name: string) => AnyTool | undefined) | undefined;

/** Called once, by tools/registry.ts. */
export function provideToolLookup(byName: (name: string) => AnyTool | undefined): void {
  lookup = byName;
}

export function toolNamed(name: string): AnyTool | undefined {
  if (!lookup) throw new Error('tools/registry.ts is not loaded: import it before deciding actions');
  return lookup(name);
}
