/**
 * Reads the keys and indexes of the `public` schema from the database catalog and says, in words a
 * person can act on, which ones keep the schema from being sharded by company (Citus, distributed by
 * tenant_id) or leave a foreign key without the index its checks and joins need.
 */
import type { DatabaseHandle } from '../../db/client.ts';

/** Tables without tenant_id: copied whole to every node under Citus (reference tables). */
// login_failures: counted before any company is known (web-chat/login-limiter.ts).
export const REFERENCE_TABLES = ['tenants', 'login_failures'];
const TENANT = 'tenant_id';

interface Table {
  oid: number;
  name: string;
  /** attnum → column name and nullability */
  columns: Map<number, { name: string; notNull: boolean }>;
}

interface Constraint {
  table: number;
  name: string;
  type: 'p' | 'u' | 'f' | 'x';
  columns: number[];
  target: number | null;
  targetColumns: number[];
  onDelete: string;
  onUpdate: string;
  /** ON DELETE SET NULL/DEFAULT (columns): the only columns it changes (PostgreSQL 15+). */
  deleteSets: number[] | null;
}

interface Index {
  table: number;
  name: string;
  unique: boolean;
  valid: boolean;
  /** attnums, 0 for an expression */
  columns: number[];
  predicate: string | null;
}

export interface Catalog {
  tables: Map<number, Table>;
  constraints: Constraint[];
  indexes: Index[];
}

/** Column numbers, from an int2[] (an array) or an int2vector read as text ("1 2"). */
function numbers(value: unknown): number[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flat().map(Number);
  return String(value)
    .replace(/[{}]/g, '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
}

export async function readCatalog(handle: DatabaseHandle): Promise<Catalog> {
  const tables = new Map<number, Table>();
  for (const row of await handle.raw(
    `select c.oid::int as oid, c.relname as name from pg_class c
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') order by c.relname`,
  ))
    tables.set(Number(row.oid), { oid: Number(row.oid), name: String(row.name), columns: new Map() });
  for (const row of await handle.raw(
    `select a.attrelid::int as oid, a.attnum::int as num, a.attname as name, a.attnotnull as not_null
     from pg_attribute a join pg_class c on c.oid = a.attrelid
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`,
  ))
    tables
      .get(Number(row.oid))
      ?.columns.set(Number(row.num), { name: String(row.name), notNull: row.not_null === true });
  const constraints = (
    await handle.raw(
      `select conrelid::int as table, conname as name, contype as type, conkey as columns, confrelid::int as target,
              confkey as target_columns, confdeltype as on_delete, confupdtype as on_update, confdelsetcols as delete_sets
       from pg_constraint where connamespace = 'public'::regnamespace and contype in ('p', 'u', 'f', 'x')
       order by conname`,
    )
  ).map((r) => ({
    table: Number(r.table),
    name: String(r.name),
    type: String(r.type) as Constraint['type'],
    columns: numbers(r.columns),
    target: r.target ? Number(r.target) : null,
    targetColumns: numbers(r.target_columns),
    onDelete: String(r.on_delete),
    onUpdate: String(r.on_update),
    deleteSets: r.delete_sets === null || r.delete_sets === undefined ? null : numbers(r.delete_sets),
  }));
  const indexes = (
    await handle.raw(
      `select i.indrelid::int as table, c.relname as name, i.indisunique as unique, i.indisvalid as valid,
              i.indkey::text as columns, pg_get_expr(i.indpred, i.indrelid) as predicate
       from pg_index i join pg_class c on c.oid = i.indexrelid
       where c.relnamespace = 'public'::regnamespace order by c.relname`,
    )
  ).map((r) => ({
    table: Number(r.table),
    name: String(r.name),
    unique: r.unique === true,
    valid: r.valid === true,
    columns: numbers(r.columns),
    predicate: r.predicate === null ? null : String(r.predicate),
  }));
  return { tables, constraints, indexes };
}

const DELETE_ACTIONS: Record<string, string> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

/** Every problem found, one sentence each; an empty list means the schema is ready. */
export function keyProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  const tableOf = (oid: number | null) => (oid === null ? undefined : catalog.tables.get(oid));
  const tenantColumn = (t: Table) => [...t.columns].find(([, c]) => c.name === TENANT)?.[0];
  const names = (t: Table, nums: number[]) => nums.map((n) => (n === 0 ? '(expression)' : t.columns.get(n)?.name));
  const list = (t: Table, nums: number[]) => `(${names(t, nums).join(', ')})`;

  const global = [...catalog.tables.values()].filter((t) => tenantColumn(t) === undefined).map((t) => t.name);
  for (const name of global.filter((n) => !REFERENCE_TABLES.includes(n)).sort())
    problems.push(
      `${name} has no tenant_id: give it one (a tenant-owned table), or list it in REFERENCE_TABLES if every company shares it.`,
    );

  for (const table of catalog.tables.values()) {
    const tenant = tenantColumn(table);
    if (tenant === undefined) continue;
    const own = catalog.constraints.filter((c) => c.table === table.oid);
    if (!own.some((c) => c.type === 'p'))
      problems.push(`${table.name} has no primary key: add tenantKey(t), (tenant_id, id).`);

    for (const c of own.filter((c) => c.type !== 'f' && !c.columns.includes(tenant))) {
      const kind = c.type === 'p' ? 'primary key' : c.type === 'u' ? 'unique constraint' : 'exclusion constraint';
      problems.push(`${table.name}: ${kind} ${c.name} ${list(table, c.columns)} does not include tenant_id.`);
    }
    // A unique index that backs a constraint is reported once, as the constraint.
    const backing = new Set(own.map((c) => c.name));
    for (const index of catalog.indexes.filter((i) => i.table === table.oid && i.unique && !backing.has(i.name))) {
      if (!index.columns.includes(tenant))
        problems.push(
          `${table.name}: unique index ${index.name} ${list(table, index.columns)} does not include tenant_id.`,
        );
    }
    for (const index of catalog.indexes.filter((i) => i.table === table.oid && !i.valid))
      problems.push(
        `${table.name}: index ${index.name} is invalid (an interrupted build): drop it and build it again.`,
      );

    for (const fk of own.filter((c) => c.type === 'f')) {
      const target = tableOf(fk.target);
      const what = `${table.name}: foreign key ${fk.name} ${list(table, fk.columns)}`;
      if (!target) continue;
      const position = fk.columns.indexOf(tenant);
      if (target.name === 'tenants') {
        if (fk.columns.length !== 1 || position !== 0) problems.push(`${what} → tenants must be (tenant_id) alone.`);
      } else if (position === -1) {
        problems.push(
          `${what} → ${target.name} does not include tenant_id: make it (tenant_id, …) → ${target.name} (tenant_id, id) with sameTenant().`,
        );
      } else if (target.columns.get(fk.targetColumns[position]!)?.name !== TENANT) {
        problems.push(
          `${what} pairs tenant_id with ${target.name}.${names(target, [fk.targetColumns[position]!])[0]}, not with its tenant_id.`,
        );
      }
      const sets = fk.deleteSets ?? fk.columns;
      if ((fk.onDelete === 'n' || fk.onDelete === 'd') && sets.includes(tenant))
        problems.push(
          `${what} is ON DELETE ${DELETE_ACTIONS[fk.onDelete]!.toUpperCase()} on tenant_id too: name the column, ON DELETE ${DELETE_ACTIONS[fk.onDelete]!.toUpperCase()} (${names(
            table,
            fk.columns.filter((n) => n !== tenant),
          ).join(', ')}).`,
        );
      if ((fk.onUpdate === 'n' || fk.onUpdate === 'd') && fk.columns.includes(tenant))
        problems.push(
          `${what} is ON UPDATE ${DELETE_ACTIONS[fk.onUpdate]!.toUpperCase()}, which would change tenant_id.`,
        );

      // The index must start with the key's columns, in its order (tenant_id first). A partial index
      // `WHERE x IS NOT NULL` serves too: the checks and joins only look for non-null values.
      const serves = (i: Index) =>
        i.valid &&
        fk.columns.every((n, k) => i.columns[k] === n) &&
        (i.predicate === null || fk.columns.some((n) => i.predicate === `(${table.columns.get(n)!.name} IS NOT NULL)`));
      if (!catalog.indexes.some((i) => i.table === table.oid && serves(i)))
        problems.push(`${what} has no index starting with ${list(table, fk.columns)}: add one, tenant_id first.`);
    }
  }
  return problems;
}
