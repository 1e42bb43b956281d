import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type DatabaseHandle } from '../../../db/client.ts';
import { tenants } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase, onRealServer } from '../../support/database.ts';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await freshDatabase({ poolSize: 1 });
});

afterAll(async () => {
  await handle?.close();
});

// PGlite runs in the process: there is no statement to prepare on a server.
describe.skipIf(!onRealServer)('queries on a real server', () => {
  it('are prepared once per connection and reused, in tenant transactions too, with each tenant still alone', async () => {
    const [a, b] = [await makeCompany(handle.db), await makeCompany(handle.db)];
    const nameOf = (tenantId: string) =>
      withTenant(
        handle.db,
        tenantId,
        async (tx) => (await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId)))[0]?.name,
      );
    // One connection in the pool: the second company's call reuses the statement the first one prepared.
    expect(await nameOf(a.tenant.id)).toBe(a.tenant.name);
    expect(await nameOf(b.tenant.id)).toBe(b.tenant.name);
    // The statement prepared for company A's tenant does not show company B's row to A.
    const seen = await withTenant(handle.db, a.tenant.id, (tx) =>
      tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, b.tenant.id)),
    );
    expect(seen).toEqual([]);
    const prepared = rowsOf<{ statement: string }>(
      await handle.db.execute(sql`select statement from pg_prepared_statements`),
    );
    expect(prepared.filter((p) => p.statement.includes('select "name" from "tenants"'))).toHaveLength(1);
  });
});
