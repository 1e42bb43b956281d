/**
 * Opens the database: embedded PGlite (with pgvector) in a local folder by default, or a real
 * PostgreSQL server when a URL is given. Both speak the same schema and migrations.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import type { ExtractTablesWithRelations, Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseKind = 'pglite' | 'postgres';

/** The rows of `tx.execute(sql…)`: postgres.js answers an array, PGlite an object holding them. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /**
   * Runs SQL text as the owner (migrations, maintenance); returns the rows. `unbounded`: the statement
   * timeout does not apply (an index built concurrently on a large table).
   */
  raw(sqlText: string, params?: unknown[], options?: { unbounded?: boolean }): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
  /**
   * Runs `fn` holding a PostgreSQL session advisory lock: another process asking for the same key
   * waits until `fn` is done. PGlite belongs to one process (db/data-lock.ts), so it simply runs `fn`.
   */
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** PGlite only: the whole data folder as a tarball, loadable with `snapshot`. */
  dump?: () => Promise<Blob>;
}

export interface DatabaseOptions {
  /** postgres://… — a real server. Without it the embedded PGlite is used. */
  url?: string;
  /** PGlite folder; omit for an in-memory database (tests). */
  dataDir?: string;
  /** Connection pool size for a real server. */
  poolSize?: number;
  /** A PGlite data folder dumped earlier (tests start from a migrated snapshot). */
  snapshot?: Blob;
  /** Sees every query the application sends, with its parameters (the query-plan test captures them). */
  logger?: Logger;
  /** Real server: how long opening a connection may take (postgres.js waits 30 s by default). */
  connectTimeoutSeconds?: number;
  /** Real server: the longest one statement may run, in ms (0: no bound). */
  statementTimeoutMs?: number;
}

/**
 * drizzle asks postgres.js not to prepare any statement it was not given a name for: the server then
 * parses and plans every query again, and every query with parameters waits one more round trip (its
 * Describe) before it runs. Preparing, and caching per connection, is postgres.js's own default; this
 * gives it back to every query, in transactions and savepoints too. Plans stay correct across tenants:
 * row-level security reads the tenant setting when a statement runs, not when it is planned.
 */
function preparing(sql: postgres.Sql): postgres.Sql {
  type Scoped = (sql: postgres.Sql) => unknown;
  const scope =
    (open: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      const fn = args.pop() as Scoped;
      return open(...args, (inner: postgres.Sql) => fn(preparing(inner)));
    };
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key === 'unsafe') {
        return (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params as postgres.ParameterOrJSON<never>[], { ...options, prepare: true });
      }
      // `savepoint` lives on a transaction's sql only.
      if (key === 'begin' || key === 'savepoint')
        return scope((target as unknown as Record<typeof key, (...args: unknown[]) => unknown>)[key].bind(target));
      return Reflect.get(target, key, receiver);
    },
  });
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      // A database that cannot be reached answers in seconds, not after postgres.js's default 30 s.
      connect_timeout: options.connectTimeoutSeconds ?? 10,
      ...(options.statementTimeoutMs ? { connection: { statement_timeout: options.statementTimeoutMs } } : {}),
      // bigint columns come back as strings; drizzle's bigint mode turns them into BigInt.
    });
    const db = drizzlePostgres(preparing(client), { schema, logger: options.logger }) as unknown as Database;
    return {
      db,
      kind: 'postgres',
      raw: async (text, params = [], rawOptions = {}) => {
        const args = params as postgres.ParameterOrJSON<never>[];
        if (!rawOptions.unbounded || !options.statementTimeoutMs) return [...(await client.unsafe(text, args))];
        const own = await client.reserve();
        try {
          await own`set statement_timeout = 0`;
          return [...(await own.unsafe(text, args))];
        } finally {
          await own`reset statement_timeout`.catch(() => {});
          own.release();
        }
      },
      close: () => client.end({ timeout: 5 }),
      exclusive: async (key, fn) => {
        // Session locks belong to one connection: a connection of its own holds the lock (taking one from
        // the pool could leave fn none to run on), and fn runs on the pool.
        const held = postgres(options.url!, { max: 1, onnotice: () => {}, connect_timeout: 30 });
        try {
          // Asked again and again rather than waited for inside a statement: a waiting statement is an open
          // transaction, which the holder's CREATE INDEX CONCURRENTLY would wait for in turn (a deadlock).
          while (!(await held`select pg_try_advisory_lock(${key}) as ok`)[0]!.ok) await sleep(100);
          return await fn();
        } finally {
          // Closing the connection releases the lock.
          await held.end({ timeout: 5 });
        }
      },
    };
  }
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.snapshot,
    extensions: { vector },
  });
  const db = drizzlePglite(client, { schema, logger: options.logger }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    raw: async (text, params) => {
      if (params?.length) return (await client.query<Record<string, unknown>>(text, params)).rows;
      const results = await client.exec(text);
      return results.at(-1)?.rows ?? [];
    },
    close: () => client.close(),
    exclusive: (_key, fn) => fn(),
    dump: () => client.dumpDataDir('gzip'),
  };
}
