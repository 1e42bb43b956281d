/** An empty database of its own for each benchmark, on the server DATABASE_URL points at (default: the local `test` server). */
import { openDatabase } from '../db/client.ts';

export const benchServer = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');

export async function freshBenchDatabase(name: string): Promise<string> {
  const admin = await openDatabase({ url: benchServer.toString(), poolSize: 1 });
  await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.raw(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(benchServer);
  url.pathname = `/${name}`;
  return url.toString();
}
