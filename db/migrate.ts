/**
 * Brings a database to the current schema: the pgvector extension and the application role first
 * (policies name the role), then drizzle-kit's migrations (db/migrator.ts: indexes built CONCURRENTLY
 * outside transactions), then the role's grants.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from './client.ts';
import { applyMigrations, readMigrations } from './migrator.ts';
import { APP_ROLE } from './schema/columns.ts';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}
const journal = (): Journal => JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8'));

/** Held while a process migrates and seeds: instances starting together take turns (db/migrator.ts locks each migration too). */
const STARTUP_LOCK = 7_300_000;

/**
 * Migrates under a PostgreSQL advisory lock, then runs `andThen` (the demo seed) under the same lock:
 * of several instances starting at once on an empty database, one migrates and seeds while the others
 * wait, then find the work done and go on.
 */
export async function migrate(
  handle: DatabaseHandle,
  andThen?: (state: MigrationState) => Promise<void>,
): Promise<MigrationState> {
  return handle.exclusive(STARTUP_LOCK, async () => {
    const state = await migrateNow(handle);
    await andThen?.(state);
    return state;
  });
}

async function migrateNow(handle: DatabaseHandle): Promise<MigrationState> {
  await handle.raw('CREATE EXTENSION IF NOT EXISTS vector');
  // Roles are cluster-wide on a real server: two databases migrating at once may race to create it.
  await handle.raw(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  await applyMigrations(handle, readMigrations(migrationsFolder));
  await handle.raw(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
    GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
    REVOKE UPDATE, DELETE, TRUNCATE ON ai_action_events FROM ${APP_ROLE};`);
  return migrationState(handle);
}

export interface MigrationState {
  applied: number;
  latest: string | null;
  pending: number;
}

export async function migrationState(handle: DatabaseHandle): Promise<MigrationState> {
  const entries = journal().entries;
  let applied = 0;
  try {
    const rows = await handle.raw('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    applied = Number(rows[0]?.n ?? 0);
  } catch {
    applied = 0;
  }
  return { applied, latest: entries[applied - 1]?.tag ?? null, pending: Math.max(0, entries.length - applied) };
}
