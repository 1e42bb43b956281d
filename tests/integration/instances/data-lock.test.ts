// The embedded database's folder belongs to one process: a second one (a CLI command while the server
// runs) is told so in one sentence instead of silently corrupting it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { openConfiguredDatabase } from '../../../db/configured.ts';

const root = mkdtempSync(join(tmpdir(), 'comptoir-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the PGlite data folder', () => {
  it('refuses a second opening while the first is open, and opens again once it is closed', async () => {
    const config = loadConfig({ COMPTOIR_DATA_DIR: join(root, 'a') });
    const first = await openConfiguredDatabase(config);
    try {
      await expect(openConfiguredDatabase(config)).rejects.toThrow(
        /is in use by another Comptoir process \(pid \d+\): stop that process/,
      );
      await first.raw('select 1');
    } finally {
      await first.close();
    }
    const again = await openConfiguredDatabase(config);
    await again.close();
    expect(existsSync(`${join(root, 'a')}.lock`)).toBe(false);
  }, 120_000);

  it('takes over a lock left by a process that was killed', async () => {
    // The folder made by the test above (creating one takes PGlite a while).
    const dir = join(root, 'a');
    // No process runs with this pid: what a `kill -9` leaves behind.
    writeFileSync(`${dir}.lock`, '2147483646');
    const handle = await openConfiguredDatabase(loadConfig({ COMPTOIR_DATA_DIR: dir }));
    await handle.close();
  }, 120_000);

  it('makes a CLI command say, in English and French, to stop the running process', () => {
    const dir = join(root, 'c');
    // The test process plays the running server.
    writeFileSync(`${dir}.lock`, String(process.pid));
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'cli.ts', 'token', 'list', '--tenant', 'x'], {
      env: { ...process.env, DATABASE_URL: '', COMPTOIR_DATA_DIR: dir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`(pid ${process.pid}): stop that process (the server, if it is running)`);
    expect(cli.stderr).toContain('arrêtez ce processus');
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
  });
});
