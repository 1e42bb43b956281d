import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { definitionOf, GROUPS, groupsFor, LOAD_TOOLS, toolsForRole, TurnToolset } from '../../../agent/toolset.ts';
import { registry } from '../../../tools/registry.ts';

describe("the agent's tools", () => {
  it('show the model the registry’s own input schema: a field with a default is not required', () => {
    for (const t of registry) {
      const params = definitionOf(t).function.parameters as { required?: string[]; properties?: object };
      const own = z.toJSONSchema(t.input, { io: 'input' }) as { required?: string[] };
      expect(params.required ?? [], t.name).toEqual(own.required ?? []);
    }
    // purchasing_create_order's lines have a default treatment: the model may leave it out.
    const order = definitionOf(registry.find((t) => t.name === 'purchasing_create_order')!).function.parameters;
    const line = (order as { properties: { lines: { items: { required: string[] } } } }).properties.lines.items;
    expect(line.required).not.toContain('treatment');
  });

  it('let the model say how sure it is on writes only', () => {
    const props = (name: string) =>
      Object.keys(
        (definitionOf(registry.find((t) => t.name === name)!).function.parameters as { properties: object }).properties,
      );
    expect(props('purchasing_create_order')).toContain('confidence');
    expect(props('purchasing_find_suppliers')).not.toContain('confidence');
  });

  it('give a viewer no write tool, and an accountant no admin-only write', () => {
    const viewer = toolsForRole(registry, 'viewer');
    expect(viewer.length).toBeGreaterThan(0);
    expect(viewer.filter((t) => t.kind === 'write')).toEqual([]);
    const accountant = toolsForRole(registry, 'accountant').map((t) => t.name);
    expect(accountant).not.toContain('settings_update');
    expect(accountant).toContain('banking_reconcile_transaction');
    expect(toolsForRole(registry, 'buyer').map((t) => t.name)).not.toContain('banking_reconcile_transaction');
  });

  it('group every registry tool, and name only registry tools in groups', () => {
    const grouped = new Set(Object.values(GROUPS).flatMap((g) => g.tools));
    expect(registry.map((t) => t.name).filter((n) => !grouped.has(n))).toEqual([]);
    const names = new Set(registry.map((t) => t.name));
    expect([...grouped].filter((n) => !names.has(n))).toEqual([]);
  });

  it.each([
    ['Commande 10 chaises chez Bureau Plus', ['orders']],
    ['Quelles factures sont en retard ?', ['invoices', 'reminders']],
    ['Rapproche les transactions bancaires', ['banking']],
    ['Send a reminder for overdue invoice INV2026-00003', ['invoices', 'reminders']],
  ])('route "%s" to %j', (text, groups) => {
    expect(groupsFor(text)).toEqual(groups);
  });

  it('send a routed request a fraction of the full list, and let the model load the rest', () => {
    const all = registry.map(definitionOf);
    const set = new TurnToolset(registry, 'manager', 'Commande 10 chaises chez Bureau Plus');
    const defs = set.definitions();
    expect(JSON.stringify(defs).length).toBeLessThan(JSON.stringify(all).length / 3);
    expect(defs.map((d) => d.function.name)).toContain('purchasing_create_order');
    expect(defs.at(-1)!.function.name).toBe(LOAD_TOOLS);
    expect(set.has('bills_pay_bill')).toBe(false);
    expect(set.load(['bills'])).toContain('bills_pay_bill');
    expect(set.has('bills_pay_bill')).toBe(true);
  });

  it("never offers a viewer a write, even when the request or the model asks for one's group", () => {
    const set = new TurnToolset(registry, 'viewer', 'Commande 10 chaises et paie la facture');
    set.load(Object.keys(GROUPS));
    const writes = new Set(registry.filter((t) => t.kind === 'write').map((t) => t.name));
    expect(set.definitions().filter((d) => writes.has(d.function.name))).toEqual([]);
    expect(set.tool('purchasing_create_order')).toBeUndefined();
  });
});
