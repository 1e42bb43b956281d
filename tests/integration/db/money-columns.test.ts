/** Money is integer cents, never a float: checked on the real schema, and on the code that handles money. */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

/** Float columns that are not money: scores and thresholds between 0 and 1. */
const FLOAT_ALLOWED = /(^|_)(confidence|score|threshold|floor)$/;

describe('money in the schema', () => {
  it('stores every *_cents column as bigint', async () => {
    const columns = await handle.raw(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND column_name LIKE '%cents'`,
    );
    expect(columns.length).toBeGreaterThan(20);
    expect(columns.filter((c) => c.data_type !== 'bigint').map((c) => `${c.table_name}.${c.column_name}`)).toEqual([]);
  });

  it('has no float column except scores and thresholds', async () => {
    const floats = await handle.raw(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('real', 'double precision')`,
    );
    expect(
      floats.filter((c) => !FLOAT_ALLOWED.test(String(c.column_name))).map((c) => `${c.table_name}.${c.column_name}`),
    ).toEqual([]);
  });
});

describe('money in the code', () => {
  it('never parses with parseFloat in application code', () => {
    // git grep exits 1 when nothing matches: that is the answer we want.
    const grep = spawnSync(
      'git',
      [
        'grep',
        '-n',
        '-E',
        'parseFloat\\(',
        '--',
        'tools',
        'db',
        'agent',
        'mcp-server',
        'web-chat',
        'email',
        'jobs',
        'cli.ts',
        'config.ts',
      ],
      { encoding: 'utf8' },
    );
    expect(grep.status === 0 || grep.status === 1).toBe(true);
    expect(grep.stdout).toBe('');
  });
});
