/**
 * Applies drizzle-kit's migrations, one transaction per migration, with one exception: index builds
 * and drops written CONCURRENTLY (drizzle's `index(…).concurrently()`, or by hand) cannot run inside a
 * transaction, and are the only way to index a populated table without blocking its writes.
 *
 * For each migration, in journal order: its other statements run in one transaction that also records
 * it in drizzle's own table (`drizzle.__drizzle_migrations`, so databases migrated before keep their
 * history); then its CONCURRENTLY statements run one by one, outside any transaction, and the
 * migration is marked done in `drizzle.__comptoir_concurrent`. A run that stops in between (a crash,
 * a lock timeout) resumes there: a concurrent build is skipped when its index exists and is valid, and
 * an index left invalid by an interrupted build is dropped and built again.
 *
 * So a statement that needs an index built CONCURRENTLY in the same file (ADD CONSTRAINT … USING INDEX)
 * belongs in the next migration.
 */
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { type DatabaseHandle, rowsOf } from './client.ts';

export interface Migration {
  /** The journal's timestamp: drizzle applies migrations whose timestamp is after the last applied one. */
  folderMillis: number;
  hash: string;
  /** Run together in one transaction. */
  transactional: string[];
  /** Run after them, one by one, outside any transaction. */
  concurrent: string[];
}

/** Comment lines before a statement do not hide what it is. */
const withoutLeadingComments = (statement: string) => statement.replace(/^(\s*--[^\n]*\n)+/, '').trim();

const CONCURRENT = /^(CREATE\s+(UNIQUE\s+)?INDEX|DROP\s+INDEX|REINDEX\s+\w+)\s+CONCURRENTLY\b/i;
const CREATE_INDEX = /^CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([\w$]+)"?/i;

export function isConcurrent(statement: string): boolean {
  return CONCURRENT.test(withoutLeadingComments(statement));
}

export function readMigrations(migrationsFolder: string): Migration[] {
  return readMigrationFiles({ migrationsFolder }).map((m) => {
    const statements = m.sql.map(withoutLeadingComments).filter((s) => s && !/^(--[^\n]*\s*)*$/.test(s));
    return {
      folderMillis: m.folderMillis,
      hash: m.hash,
      transactional: statements.filter((s) => !isConcurrent(s)),
      concurrent: statements.filter(isConcurrent),
    };
  });
}

const BOOKKEEPING = [
  'CREATE SCHEMA IF NOT EXISTS drizzle',
  // drizzle's own table, as its migrator creates it.
  'CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)',
  `CREATE TABLE IF NOT EXISTS drizzle.__comptoir_concurrent (
     created_at bigint PRIMARY KEY, hash text NOT NULL, finished_at timestamptz NOT NULL DEFAULT now())`,
];

/** Serialises migrating processes (two servers starting at once) on each migration's transaction. */
const LOCK = 7_300_001;

export async function applyMigrations(handle: DatabaseHandle, migrations: Migration[]): Promise<void> {
  for (const statement of BOOKKEEPING) await handle.raw(statement);
  for (const migration of migrations) {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${LOCK})`);
      // A migration may rewrite a large table: the app's statement timeout does not apply to it.
      await tx.execute(sql`set local statement_timeout = 0`);
      const [last] = rowsOf<{ created_at: string | number }>(
        await tx.execute(sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`),
      );
      if (last && Number(last.created_at) >= migration.folderMillis) return;
      for (const statement of migration.transactional) await tx.execute(sql.raw(statement));
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
    });
    if (!migration.concurrent.length) continue;
    const done = await handle.raw('select 1 from drizzle.__comptoir_concurrent where created_at = $1', [
      migration.folderMillis,
    ]);
    if (done.length) continue;
    for (const statement of migration.concurrent) await runConcurrently(handle, statement);
    await handle.raw(
      'insert into drizzle.__comptoir_concurrent (created_at, hash) values ($1, $2) on conflict (created_at) do nothing',
      [migration.folderMillis, migration.hash],
    );
  }
}

/** One CONCURRENTLY statement, safe to run again after an interrupted run. */
async function runConcurrently(handle: DatabaseHandle, statement: string): Promise<void> {
  const name = CREATE_INDEX.exec(withoutLeadingComments(statement))?.[1];
  if (name) {
    const [index] = await handle.raw(
      `select i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid
       where c.relname = $1 and c.relnamespace = current_schema()::regnamespace`,
      [name],
    );
    if (index?.valid) return;
    // A build that failed or was interrupted leaves an invalid index behind: start it again.
    if (index) await handle.raw(`DROP INDEX CONCURRENTLY IF EXISTS "${name}"`);
  }
  await handle.raw(statement, [], { unbounded: true });
}
