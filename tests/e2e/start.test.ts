/**
 * What a new user does first: `comptoir serve` on an empty data folder. It must migrate, seed the
 * demo company, print the URL, serve a page and answer /health with the database kind and version.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase, serverUrl } from '../support/postgres.ts';
import { onRealServer } from '../support/database.ts';

let child: ChildProcess;
let output = '';
let url = '';
let dataDir = '';
let database = '';
let smtpPort = 0;

/** A port nobody listens on right now, for the SMTP listener. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'comptoir-start-'));
  smtpPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    SMTP_PORT: String(smtpPort),
    COMPTOIR_DATA_DIR: dataDir,
    DATABASE_URL: '',
  };
  if (onRealServer) {
    database = await createTestDatabase({ empty: true });
    env.DATABASE_URL = serverUrl(database);
  }
  child = spawn(process.execPath, ['bin/comptoir.js', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.on('data', (d) => (output += d));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within 150 s:\n${output}`)), 150_000);
    child.stdout!.on('data', (d) => {
      output += d;
      // The inbound-mail line is the last one printed at start: wait for it, then take the URL.
      const m = /Comptoir is running at (\S+)/.exec(output);
      if (m && output.includes('Inbound mail:')) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  rmSync(dataDir, { recursive: true, force: true });
  if (database) await dropTestDatabase(database);
});

describe('comptoir serve on a fresh machine', () => {
  it('prints the demo accounts and an API token', () => {
    expect(output).toContain('Demo company seeded');
    expect(output).toMatch(/admin\s+admin@demo\.comptoir\s+password: demo-admin/);
    expect(output).toMatch(/API token \(admin\): cpt_\w+/);
    expect(output).toContain(`Inbound mail: SMTP on 127.0.0.1:${smtpPort}`);
  });

  it('answers /health with the database kind and migration version', async () => {
    const res = await fetch(`${url}/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const journal = JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8')) as {
      entries: { tag: string }[];
    };
    expect(body).toMatchObject({
      status: 'ok',
      database: onRealServer ? 'postgres' : 'pglite',
      migrations: { applied: journal.entries.length, latest: journal.entries.at(-1)!.tag, pending: 0 },
    });
  });

  it('serves the home page in French by default and in English on request', async () => {
    const fr = await (await fetch(`${url}/`)).text();
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('Achats et facturation, faits par l&#39;IA, approuvés par vous.');
    const en = await (await fetch(`${url}/?lang=en`)).text();
    expect(en).toContain('Purchasing and invoicing, done by AI, approved by you.');
  });

  it('lets the printed token use the API', async () => {
    const token = /API token \(admin\): (\S+)/.exec(output)![1]!;
    const res = await fetch(`${url}/api/tools/purchasing_find_suppliers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'bureau' }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.result.suppliers.map((s: { name: string }) => s.name)).toEqual(['Bureau Plus Inc.']);
  });
});

describe('comptoir serve on a port already taken', () => {
  it('says so in a sentence, exits with an error, and leaves the running one alone', async () => {
    const port = new URL(url).port;
    const otherDir = mkdtempSync(join(tmpdir(), 'comptoir-start-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: port,
      SMTP_PORT: '0',
      COMPTOIR_DATA_DIR: otherDir,
      DATABASE_URL: database ? serverUrl(database) : '',
    };
    try {
      const second = spawn(process.execPath, ['bin/comptoir.js', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let said = '';
      second.stdout!.on('data', (d) => (said += d));
      second.stderr!.on('data', (d) => (said += d));
      const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
      expect(code).toBe(1);
      expect(said).toContain(
        `Port ${port} on 127.0.0.1 is already in use: stop the program using it, or set PORT to a free port.`,
      );
      expect(said).not.toMatch(/EADDRINUSE|at Server\./);
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  }, 120_000);
});
