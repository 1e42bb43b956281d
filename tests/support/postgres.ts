/** Test databases on a real PostgreSQL server: one copy of a migrated template per test file. */
import { openDatabase } from '../../db/client.ts';

export const TEMPLATE = 'comptoir_test_template';
const PREFIX = 'comptoir_test_';

/** DATABASE_URL pointed at another database of the same server. */
export function serverUrl(database?: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  if (database) url.pathname = `/${database}`;
  return url.toString();
}

/** A copy of the migrated template, or an empty database (to test a first start). */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<string> {
  const name = `${PREFIX}${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = await openDatabase({ url: serverUrl(), poolSize: 1 });
  try {
    await admin.raw(`CREATE DATABASE ${name} TEMPLATE ${options.empty ? 'template0' : TEMPLATE}`);
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

export async function dropTestDatabases(): Promise<void> {
  const admin = await openDatabase({ url: serverUrl(), poolSize: 1 });
  try {
    const rows = await admin.raw(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`);
    for (const { datname } of rows) await admin.raw(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.close();
  }
}
