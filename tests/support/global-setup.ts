/**
 * Migrates once per test run: a PGlite snapshot that each test file loads, and on a real server
 * (DATABASE_URL) a template database each test file copies. Every file then gets its own database.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { serverUrl, dropTestDatabases, templateName } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject) {
  // Workers start after this and inherit it: every database of this run carries its id.
  process.env.COMPTOIR_TEST_RUN = String(process.pid);
  const dir = `${process.cwd()}/.comptoir/test`;
  mkdirSync(dir, { recursive: true });
  const pglite = await openDatabase();
  await migrate(pglite);
  const snapshotPath = `${dir}/snapshot-${process.pid}.tar.gz`;
  writeFileSync(snapshotPath, Buffer.from(await (await pglite.dump!()).arrayBuffer()));
  await pglite.close();
  project.provide('pgliteSnapshot', snapshotPath);

  if (process.env.DATABASE_URL) {
    await dropTestDatabases();
    const admin = await openDatabase({ url: serverUrl(), poolSize: 1 });
    await admin.raw(`CREATE DATABASE ${templateName()}`);
    await admin.close();
    const template = await openDatabase({ url: serverUrl(templateName()), poolSize: 1 });
    await migrate(template);
    await template.close();
  }
  return async () => {
    if (process.env.DATABASE_URL) await dropTestDatabases();
  };
}
