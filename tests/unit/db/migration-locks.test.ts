/**
 * Migrations must not lock a populated table for long. Read from the migration files themselves, from
 * the first one written for db/migrator.ts on: an index on a table that already exists is built
 * CONCURRENTLY, and a foreign key added to one is NOT VALID (validated by a later migration, under a
 * lock that lets writes go on). A table created in the same migration is empty: anything goes there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../../db/migrate.ts';
import { isConcurrent } from '../../../db/migrator.ts';

/** The first migration applied by db/migrator.ts; the ones before ran on an empty database only. */
const FIRST_CHECKED = '0006_tenant_key_indexes';

const journal = (
  JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: { tag: string }[] }
).entries;

function lockProblems(tag: string, text: string): string[] {
  const statements = text.split('--> statement-breakpoint').map((s) => s.replace(/^(\s*--[^\n]*\n)+/, '').trim());
  const created = new Set(statements.flatMap((s) => /^CREATE TABLE (?:IF NOT EXISTS )?"?(\w+)"?/i.exec(s)?.[1] ?? []));
  const problems: string[] = [];
  for (const statement of statements) {
    const index = /^CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?"?(\w+)"? ON (?:"?\w+"?\.)?"?(\w+)"?/i.exec(statement);
    if (index && !isConcurrent(statement) && !created.has(index[2]!))
      problems.push(
        `${tag}: CREATE INDEX "${index[1]}" blocks writes to ${index[2]} while it builds: declare it .concurrently().`,
      );
    const fk = /^ALTER TABLE (?:"?\w+"?\.)?"?(\w+)"? ADD CONSTRAINT "?(\w+)"? FOREIGN KEY/i.exec(statement);
    if (fk && !/\bNOT VALID\s*;?\s*$/i.test(statement) && !created.has(fk[1]!))
      problems.push(
        `${tag}: foreign key "${fk[2]}" scans ${fk[1]} under a lock that blocks writes: add it NOT VALID, and VALIDATE CONSTRAINT it in the next migration.`,
      );
  }
  return problems;
}

describe('migrations on a populated database', () => {
  it('build indexes concurrently and add foreign keys NOT VALID on tables that already exist', () => {
    const first = journal.findIndex((e) => e.tag === FIRST_CHECKED);
    expect(first).toBeGreaterThan(0);
    const problems = journal
      .slice(first)
      .flatMap((e) => lockProblems(e.tag, readFileSync(`${migrationsFolder}/${e.tag}.sql`, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('names what would lock, and lets a new table be built any way', () => {
    const sql = [
      'CREATE TABLE "fresh" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL);',
      'CREATE INDEX "fresh_x" ON "fresh" USING btree ("tenant_id");',
      'ALTER TABLE "fresh" ADD CONSTRAINT "fresh_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id");',
      'CREATE INDEX "invoices_y" ON "invoices" USING btree ("tenant_id","due_date");',
      'CREATE INDEX CONCURRENTLY "invoices_z" ON "invoices" USING btree ("tenant_id");',
      'ALTER TABLE "payments" ADD CONSTRAINT "payments_x_fk" FOREIGN KEY ("tenant_id","x_id") REFERENCES "public"."x"("tenant_id","id") ON DELETE no action ON UPDATE no action;',
      'ALTER TABLE "payments" ADD CONSTRAINT "payments_y_fk" FOREIGN KEY ("tenant_id","y_id") REFERENCES "public"."y"("tenant_id","id") NOT VALID;',
    ].join('--> statement-breakpoint\n');
    expect(lockProblems('0099_probe', sql)).toEqual([
      '0099_probe: CREATE INDEX "invoices_y" blocks writes to invoices while it builds: declare it .concurrently().',
      '0099_probe: foreign key "payments_x_fk" scans payments under a lock that blocks writes: add it NOT VALID, and VALIDATE CONSTRAINT it in the next migration.',
    ]);
  });
});
