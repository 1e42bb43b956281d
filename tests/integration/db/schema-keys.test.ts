/**
 * Ready to shard by company: every primary key, unique constraint and foreign key of a tenant-owned
 * table holds tenant_id, every foreign key has an index that starts with its columns, and the hand-
 * written key migrations left the database exactly as db/schema describes it. Read from the catalog
 * of a migrated database (PGlite, and PostgreSQL when DATABASE_URL is set), so a new table or key
 * that breaks a rule fails here, whoever wrote it.
 */
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import * as schema from '../../../db/schema/index.ts';
import { freshDatabase } from '../../support/database.ts';
import { keyProblems, readCatalog, REFERENCE_TABLES } from '../../support/schema-keys.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

describe('the schema, ready to shard by company', () => {
  it('keys every tenant table by tenant_id and indexes every foreign key, tenant first', async () => {
    const catalog = await readCatalog(handle);
    expect(catalog.tables.size).toBeGreaterThan(30);
    expect(catalog.constraints.filter((c) => c.type === 'f').length).toBeGreaterThan(70);
    expect(keyProblems(catalog)).toEqual([]);
  });

  it('has only the tenants table (and the login throttle’s, kept before any company is known) shared by every company', async () => {
    const catalog = await readCatalog(handle);
    const global = [...catalog.tables.values()]
      .filter((t) => ![...t.columns.values()].some((c) => c.name === 'tenant_id'))
      .map((t) => t.name);
    expect(global.sort()).toEqual([...REFERENCE_TABLES].sort());
  });

  it('refuses another company’s row as a reference, even for the owner', async () => {
    const [a] = await handle.raw(`INSERT INTO tenants (slug, name) VALUES ('keys-a', 'A') RETURNING id`);
    const [b] = await handle.raw(`INSERT INTO tenants (slug, name) VALUES ('keys-b', 'B') RETURNING id`);
    const [supplier] = await handle.raw(`INSERT INTO suppliers (tenant_id, name) VALUES ($1, 'S') RETURNING id`, [
      a!.id,
    ]);
    const order = (tenant: unknown) =>
      handle.raw(
        `INSERT INTO purchase_orders (tenant_id, number, supplier_id, currency, order_date, subtotal_cents, tax_cents, total_cents)
         VALUES ($1, 'PO-1', $2, 'CAD', '2026-01-01', 0, 0, 0)`,
        [tenant, supplier!.id],
      );
    await expect(order(b!.id)).rejects.toThrow(/purchase_orders_supplier_id_fk/);
    await expect(order(a!.id)).resolves.toBeDefined();
  });
});

describe('the schema check itself', () => {
  it('names each kind of key that would stop sharding, and each foreign key without its index', async () => {
    await handle.raw(`
      CREATE TABLE keys_probe_lookup (code text PRIMARY KEY);
      CREATE TABLE keys_probe_parent (tenant_id uuid NOT NULL, id uuid PRIMARY KEY, code text UNIQUE);
      CREATE TABLE keys_probe_keyed (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
      CREATE TABLE keys_probe_child (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        parent_id uuid REFERENCES keys_probe_parent (id),
        keyed_id uuid,
        other_id uuid,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT keys_probe_child_keyed_fk FOREIGN KEY (tenant_id, keyed_id) REFERENCES keys_probe_keyed (tenant_id, id) ON DELETE SET NULL,
        CONSTRAINT keys_probe_child_other_fk FOREIGN KEY (tenant_id, other_id) REFERENCES keys_probe_keyed (tenant_id, id) ON DELETE SET NULL (other_id)
      );
      CREATE INDEX keys_probe_child_other ON keys_probe_child (tenant_id, other_id) WHERE other_id IS NOT NULL;
      CREATE INDEX keys_probe_child_keyed_wrong_order ON keys_probe_child (keyed_id, tenant_id);
      CREATE UNIQUE INDEX keys_probe_keyed_code ON keys_probe_keyed (id);`);
    const problems = keyProblems(await readCatalog(handle)).filter((p) => p.includes('keys_probe'));
    expect(problems.sort()).toEqual(
      [
        'keys_probe_lookup has no tenant_id: give it one (a tenant-owned table), or list it in REFERENCE_TABLES if every company shares it.',
        'keys_probe_parent: primary key keys_probe_parent_pkey (id) does not include tenant_id.',
        'keys_probe_parent: unique constraint keys_probe_parent_code_key (code) does not include tenant_id.',
        'keys_probe_child: foreign key keys_probe_child_keyed_fk (tenant_id, keyed_id) is ON DELETE SET NULL on tenant_id too: name the column, ON DELETE SET NULL (keyed_id).',
        'keys_probe_child: foreign key keys_probe_child_keyed_fk (tenant_id, keyed_id) has no index starting with (tenant_id, keyed_id): add one, tenant_id first.',
        'keys_probe_child: foreign key keys_probe_child_parent_id_fkey (parent_id) → keys_probe_parent does not include tenant_id: make it (tenant_id, …) → keys_probe_parent (tenant_id, id) with sameTenant().',
        'keys_probe_keyed: unique index keys_probe_keyed_code (id) does not include tenant_id.',
        'keys_probe_child: foreign key keys_probe_child_parent_id_fkey (parent_id) has no index starting with (parent_id): add one, tenant_id first.',
      ].sort(),
    );
  });
});

describe('db/schema and the migrated database', () => {
  const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));

  it('have the same keys and indexes, by name', async () => {
    const declared: string[] = [];
    for (const table of tables) {
      const config = getTableConfig(table);
      const name = getTableName(table);
      for (const index of config.indexes) declared.push(`${name}.${index.config.name}`);
      for (const fk of config.foreignKeys) declared.push(`${name}.${fk.getName()}`);
      for (const pk of config.primaryKeys) declared.push(`${name}.${pk.getName()}`);
      for (const column of config.columns) {
        if (column.primary) declared.push(`${name}.${name}_pkey`);
        if (column.isUnique) declared.push(`${name}.${column.uniqueName}`);
      }
    }
    const catalog = await readCatalog(handle);
    const inDatabase = new Set<string>();
    for (const c of catalog.constraints) inDatabase.add(`${catalog.tables.get(c.table)!.name}.${c.name}`);
    // An index that backs a constraint carries the constraint's name.
    for (const i of catalog.indexes) inDatabase.add(`${catalog.tables.get(i.table)!.name}.${i.name}`);
    expect([...inDatabase].filter((n) => !n.includes('keys_probe')).sort()).toEqual([...new Set(declared)].sort());
  });
});
