// Two instances starting at the same moment on an empty PostgreSQL database: one migrates and seeds the
// demo while the other waits, then both go on. PGlite belongs to one process, so this is PostgreSQL only.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../db/client.ts';
import { migrate } from '../../../db/migrate.ts';
import { DEMO_TENANT_ID, seedDemo } from '../../../tools/demo-data.ts';
import { onRealServer } from '../../support/database.ts';
import { createTestDatabase, dropTestDatabase, serverUrl } from '../../support/postgres.ts';

const handles: DatabaseHandle[] = [];
let database = '';
afterAll(async () => {
  for (const h of handles) await h.close();
  if (database) await dropTestDatabase(database);
});

describe.skipIf(!onRealServer)('two instances starting together on an empty database', () => {
  it('both come up: migrations and the demo seed run once, the second instance waits and goes on', async () => {
    database = await createTestDatabase({ empty: true });
    for (let i = 0; i < 3; i++) handles.push(await openDatabase({ url: serverUrl(database), poolSize: 4 }));
    const seeded: boolean[] = [];
    // What startServer does: migrate, then seed under the same lock.
    const start = (h: DatabaseHandle) => migrate(h, async () => void seeded.push((await seedDemo(h.db)).created));
    const states = await Promise.all(handles.map(start));
    expect(states.map((s) => s.pending)).toEqual([0, 0, 0]);
    expect(seeded.sort()).toEqual([false, false, true]);
    const [tenants] = await handles[0]!.raw('select count(*)::int as n from tenants where id = $1', [DEMO_TENANT_ID]);
    expect(tenants!.n).toBe(1);
  });
});
