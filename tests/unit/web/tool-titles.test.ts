import { describe, expect, it } from 'vitest';
import { registry } from '../../../tools/registry.ts';
import { frenchToolTitles } from '../../../web-chat/tool-words.ts';

describe('tool titles for people', () => {
  it('has a French title for every tool of the registry (the English one is on its definition)', () => {
    const missing = registry.filter((t) => !frenchToolTitles[t.name]?.trim()).map((t) => t.name);
    expect(missing).toEqual([]);
    expect(registry.every((t) => t.title.trim() && t.description.trim())).toBe(true);
  });

  it('names no tool the registry lacks', () => {
    const names = new Set(registry.map((t) => t.name));
    expect(Object.keys(frenchToolTitles).filter((n) => !names.has(n))).toEqual([]);
  });
});
