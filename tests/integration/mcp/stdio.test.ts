/**
 * `comptoir mcp` as Claude Desktop runs it: a child process speaking MCP on stdin/stdout, against a
 * database prepared here (a PGlite folder, closed before the child opens it, or a PostgreSQL copy).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase } from '../../../db/client.ts';
import { propose } from '../../../tools/actions/door.ts';
import { createApiToken, revokeApiToken } from '../../../tools/auth/api-tokens.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { offeredTools } from '../../../mcp-server/register.ts';
import { makeCompany } from '../../support/company.ts';
import { onRealServer } from '../../support/database.ts';
import { createTestDatabase, dropTestDatabase, serverUrl } from '../../support/postgres.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** Each child compiles and loads the app before it answers: seconds, more on a busy machine. */
const SPAWN_TIMEOUT_MS = 120_000;
let env: Record<string, string>;
let cleanup: () => Promise<void>;
const data = { token: '', revokedToken: '', supplierId: '', otherTenantOrderId: '' };

beforeAll(async () => {
  // Both start migrated: a copy of the run's template database, or its PGlite snapshot unpacked in a folder.
  let url: string | undefined;
  let dataDir: string | undefined;
  let snapshot: Blob | undefined;
  if (onRealServer) {
    const name = await createTestDatabase();
    url = serverUrl(name);
    cleanup = () => dropTestDatabase(name);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'comptoir-mcp-'));
    snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
    cleanup = async () => rmSync(dataDir!, { recursive: true, force: true });
  }
  const handle = await openDatabase({ url, dataDir, snapshot });
  try {
    const [a, b] = [await makeCompany(handle.db), await makeCompany(handle.db)];
    const person = { source: 'rest', byAi: false } as const;
    data.supplierId = (
      (await propose(a.session('buyer'), createSupplier, { name: 'Bureau Plus Inc.' }, person)).result as { id: string }
    ).id;
    const otherSupplier = (
      (await propose(b.session('buyer'), createSupplier, { name: 'Papeterie B' }, person)).result as { id: string }
    ).id;
    const order = await propose(
      b.session('buyer'),
      createOrder,
      { supplierId: otherSupplier, lines: [{ description: 'Papier', quantity: '1', unitPrice: '9.00' }] },
      person,
    );
    data.otherTenantOrderId = (order.result as { id: string }).id;
    data.token = (await createApiToken(handle.db, a.tenant.id, a.user('buyer').id, 'stdio')).token;
    const revoked = await createApiToken(handle.db, a.tenant.id, a.user('buyer').id, 'revoked');
    await revokeApiToken(handle.db, a.tenant.id, revoked.id);
    data.revokedToken = revoked.token;
  } finally {
    // PGlite is single-process: the child can open the folder only once this process let go of it.
    await handle.close();
  }
  env = url ? { DATABASE_URL: url } : { COMPTOIR_DATA_DIR: dataDir! };
});

afterAll(() => cleanup?.());

/** Runs `comptoir mcp` with a token and no client: it must refuse at once, on stderr, with a failing exit code. */
function refusedStart(token: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/comptoir.js', 'mcp'],
      { cwd: root, env: { PATH: process.env.PATH!, ...env, COMPTOIR_TOKEN: token }, timeout: SPAWN_TIMEOUT_MS },
      (_err, stdout, stderr) => resolve({ code: child.exitCode, stderr, stdout }),
    );
  });
}

describe('comptoir mcp over stdio', () => {
  it(
    'serves the registry to an MCP client: read, execute, queue, bad input, another tenant',
    async () => {
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: ['bin/comptoir.js', 'mcp'],
        cwd: root,
        env: { ...env, COMPTOIR_TOKEN: data.token },
        stderr: 'pipe',
      });
      const client = new Client({ name: 'comptoir-stdio-test', version: '1.0.0' });
      await client.connect(transport);
      try {
        const { tools } = await client.listTools();
        expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(offeredTools('buyer').map((t) => t.name)));
        // A buyer is not offered what only an admin may do.
        expect(tools.map((t) => t.name)).not.toContain('settings_update');

        const found = await client.callTool({ name: 'purchasing_find_suppliers', arguments: { query: 'bureau' } });
        expect(found.structuredContent).toMatchObject({ suppliers: [{ id: data.supplierId }] });

        const created = await client.callTool({
          name: 'purchasing_create_order',
          arguments: {
            supplierId: data.supplierId,
            lines: [{ description: 'Chaise', quantity: '1', unitPrice: '6000.00', treatment: 'exempt' }],
          },
        });
        const draft = created.structuredContent as {
          action: { status: string };
          result: { id: string; status: string };
        };
        expect(draft.action.status).toBe('executed');
        expect(draft.result.status).toBe('draft');

        const submitted = await client.callTool({
          name: 'purchasing_submit_order',
          arguments: { orderId: draft.result.id },
        });
        const queued = submitted.structuredContent as { action: { number: number; status: string } };
        expect(queued.action.status).toBe('pending_approval');
        // The buyer's language is French (makeCompany's default): the door's message in French.
        expect((submitted.content as { text: string }[])[0]!.text).toBe(
          `En attente d'approbation n° ${queued.action.number} (niveau 2) : doit être approuvée par un gestionnaire ou plus.`,
        );

        const bad = await client.callTool({
          name: 'purchasing_create_order',
          arguments: { supplierId: data.supplierId, lines: [] },
        });
        expect(bad.isError).toBe(true);
        expect((bad.content as { text: string }[])[0]!.text).toContain('lines');

        const foreign = await client.callTool({
          name: 'purchasing_get_order',
          arguments: { orderId: data.otherTenantOrderId },
        });
        expect(foreign.isError).toBe(true);
        // Another company's order is unknown here, said in the buyer's language.
        expect((foreign.content as { text: string }[])[0]!.text).toBe(
          `Bon de commande ${data.otherTenantOrderId} introuvable. Retrouvez-le avec purchasing_list_orders.`,
        );
      } finally {
        await client.close();
      }
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'refuses an invalid or revoked token on stderr with a failing exit code, stdout left clean',
    async () => {
      // Without a token the child never opens the database, so it may run beside the others; those two
      // take turns, since a PGlite folder is for one process at a time.
      const [none, refused] = await Promise.all([
        refusedStart(''),
        refusedStart('cpt_not-a-token').then(async (invalid) => [invalid, await refusedStart(data.revokedToken)]),
      ]);
      for (const run of refused) {
        expect(run.code).not.toBe(0);
        expect(run.stderr).toContain('comptoir mcp: Invalid or revoked API token.');
        expect(run.stdout).toBe('');
      }
      expect(none.code).not.toBe(0);
      expect(none.stderr).toContain('No API token');
    },
    2 * SPAWN_TIMEOUT_MS,
  );
});
