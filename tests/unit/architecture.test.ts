/**
 * The layering, read from the imports themselves (madge): no import cycle anywhere, frontends reach
 * the data only through tools/, and no frontend imports another. The composition root (http/) may
 * import them all: it is what mounts them.
 */
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

const FRONTENDS = ['email/', 'web-chat/', 'mcp-server/'];
/** The agent is used by the chat frontends but, like them, gets its data through tools only. */
const NO_TABLES = [...FRONTENDS, 'agent/'];
const TABLES = /^db\/(schema\/|tenant\.ts$)/;

let graph: Record<string, string[]>;
let cycles: string[][];

beforeAll(async () => {
  const result = await madge('.', {
    fileExtensions: ['ts', 'tsx'],
    tsConfig: 'tsconfig.json',
    excludeRegExp: [/node_modules/, /^tests\//, /\.d\.ts$/],
  });
  graph = result.obj();
  cycles = result.circular();
}, 120_000);

const area = (file: string, areas: string[]) => areas.find((a) => file.startsWith(a));

describe('import structure', () => {
  it('reads the whole code base', () => {
    // A graph that lost its files would pass every rule below.
    expect(Object.keys(graph).length).toBeGreaterThan(300);
    expect(graph['tools/actions/door.ts']).toContain('tools/actions/policy.ts');
  });

  it('has no import cycle', () => {
    expect(cycles).toEqual([]);
  });

  it('keeps tables behind tools: no frontend or agent module imports db/schema or db/tenant', () => {
    const offenders = Object.entries(graph).flatMap(([file, deps]) =>
      area(file, NO_TABLES) ? deps.filter((d) => TABLES.test(d)).map((d) => `${file} → ${d}`) : [],
    );
    expect(offenders).toEqual([]);
  });

  it('keeps frontends apart: none imports another', () => {
    const offenders = Object.entries(graph).flatMap(([file, deps]) => {
      const own = area(file, FRONTENDS);
      if (!own) return [];
      return deps.filter((d) => area(d, FRONTENDS) && area(d, FRONTENDS) !== own).map((d) => `${file} → ${d}`);
    });
    expect(offenders).toEqual([]);
  });

  it('keeps tools below the frontends: tools/ imports none of them', () => {
    const offenders = Object.entries(graph).flatMap(([file, deps]) =>
      file.startsWith('tools/')
        ? deps.filter((d) => area(d, [...NO_TABLES, 'http/'])).map((d) => `${file} → ${d}`)
        : [],
    );
    expect(offenders).toEqual([]);
  });
});
