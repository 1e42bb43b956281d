import { describe, expect, it } from 'vitest';
import { langChainTools } from '../../../agent/tool-calls.ts';
import type { Session } from '../../../tools/context.ts';
import { registry } from '../../../tools/registry.ts';

describe("the agent's tools", () => {
  const session = {} as Session; // building the list calls nothing
  const tools = langChainTools(session, registry, { records: [] });

  it('are exactly the registry tools, with their descriptions', () => {
    expect(tools.map((t) => t.name)).toEqual(registry.map((t) => t.name));
    for (const [i, t] of tools.entries()) expect(t.description.startsWith(registry[i]!.description)).toBe(true);
  });

  it('let the model say how sure it is on writes only', () => {
    const create = tools.find((t) => t.name === 'purchasing_create_order')!;
    const find = tools.find((t) => t.name === 'purchasing_find_suppliers')!;
    expect(Object.keys((create.schema as { shape: object }).shape)).toContain('confidence');
    expect(Object.keys((find.schema as { shape: object }).shape)).not.toContain('confidence');
  });
});
