/** Test databases on a real PostgreSQL server: one copy of a migrated template per test file. */
import { openDatabase } from '../../db/client.ts';

const PREFIX = 'comptoir_test_';
/**
 * Databases are named after the test run (the main vitest process id, set by global-setup), so two
 * runs on one server — two developers, or a developer and CI — never drop each other's databases.
 */
const run = () => process.env.COMPTOIR_TEST_RUN ?? String(process.pid);
export const templateName = () => `${PREFIX}${run()}_template`;

/** DATABASE_URL pointed at another database of the same server. */
export function serverUrl(database?: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  if (database) url.pathname = `/${database}`;
  return url.toString();
}

/** A copy of the migrated template, or an empty database (to test a first start). */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<string> {
  const name = `${PREFIX}${run()}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = await openDatabase({ url: serverUrl(), poolSize: 1 });
  try {
    await admin.raw(`CREATE DATABASE ${name} TEMPLATE ${options.empty ? 'template0' : templateName()}`);
  } finally {
    await admin.close();
  }
  return name;
}

export async function dropTestDatabase(name: string): Promise<void> {
  const admin = await openDatabase({ url: serverUrl(), poolSize: 1 });
  try {
    await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.close();
  }
}

/** Drops this run's databases, and those left by runs whose process is gone (a crash, a kill). */
export async function dropTestDatabases(): Promise<void> {
  const admin = await openDatabase({ url: serverUrl(), poolSize: 1 });
  try {
    const rows = await admin.raw(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`);
    for (const { datname } of rows) {
      const owner = /^comptoir_test_(\d+)_/.exec(String(datname))?.[1];
      if (owner !== run() && owner && alive(Number(owner))) continue;
      await admin.raw(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await admin.close();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
