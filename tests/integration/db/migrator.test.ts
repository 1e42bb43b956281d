/**
 * The migration runner: CONCURRENTLY statements run outside the transaction, after the migration's
 * other statements, once; an index an interrupted build left invalid is built again on the next run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { applyMigrations, isConcurrent, type Migration } from '../../../db/migrator.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

const index = async (name: string) =>
  (
    await handle.raw(
      `select i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = $1`,
      [name],
    )
  )[0];

describe('statements that cannot run in a transaction', () => {
  it('are told apart from the others, comments before them or not', () => {
    expect(isConcurrent('CREATE INDEX CONCURRENTLY "a" ON "t" USING btree ("x");')).toBe(true);
    expect(isConcurrent('-- why\n-- more\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "a" ON "t" ("x");')).toBe(
      true,
    );
    expect(isConcurrent('DROP INDEX CONCURRENTLY IF EXISTS "a";')).toBe(true);
    expect(isConcurrent('REINDEX INDEX CONCURRENTLY "a";')).toBe(true);
    expect(isConcurrent('CREATE INDEX "a" ON "t" ("x");')).toBe(false);
    expect(isConcurrent('ALTER TABLE "t" ADD CONSTRAINT "t_pkey" PRIMARY KEY USING INDEX "a";')).toBe(false);
  });
});

describe('a migration with an index built concurrently', () => {
  // Far after every real migration, so the runner sees them as new.
  const migration: Migration = {
    folderMillis: 9_000_000_000_000,
    hash: 'probe',
    transactional: [
      'CREATE TABLE migrator_probe (tenant_id uuid NOT NULL, n int NOT NULL)',
      `INSERT INTO migrator_probe SELECT gen_random_uuid(), n FROM generate_series(1, 100) n`,
      // Two rows alike: the unique index below cannot be built yet.
      `INSERT INTO migrator_probe SELECT gen_random_uuid(), 1`,
    ],
    concurrent: ['CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "migrator_probe_n" ON "migrator_probe" ("n")'],
  };

  it('commits the rest, and leaves the concurrent part to do when the build fails', async () => {
    await expect(applyMigrations(handle, [migration])).rejects.toThrow(/migrator_probe_n|duplicate|unique/i);
    expect((await handle.raw('select count(*)::int as n from migrator_probe'))[0]!.n).toBe(101);
    const recorded = await handle.raw('select 1 from drizzle.__drizzle_migrations where created_at = $1', [
      migration.folderMillis,
    ]);
    expect(recorded).toHaveLength(1);
    expect(await index('migrator_probe_n')).toEqual({ valid: false });
  });

  it('builds the invalid index again on the next run, without running the rest twice', async () => {
    await handle.raw(
      `DELETE FROM migrator_probe WHERE n = 1 AND ctid <> (SELECT min(ctid) FROM migrator_probe WHERE n = 1)`,
    );
    await applyMigrations(handle, [migration]);
    expect(await index('migrator_probe_n')).toEqual({ valid: true });
    expect((await handle.raw('select count(*)::int as n from migrator_probe'))[0]!.n).toBe(100);
  });

  it('does not run a finished concurrent part again', async () => {
    await handle.raw('DROP INDEX migrator_probe_n');
    await applyMigrations(handle, [migration]);
    expect(await index('migrator_probe_n')).toBeUndefined();
  });
});
