/**
 * `npm run bench`: runs the benchmarks against the real PostgreSQL server (DATABASE_URL, default the
 * local `test` server) in a fresh database, and writes bench/results/<name>.json and results.md.
 *
 * `npm run bench -- reconcile [--full]`: the reconciliation phase alone (bench/reconcile.ts), at a CI
 * size (BENCH_RECONCILE="2000x4000", invoices × lines) or the 50,000 × 100,000.
 *
 * `npm run bench -- --scale [--scale-database comptoir_scale]`: then runs the door and MCP benches again,
 * in the same run, on the database `npm run seed:scale` filled (its companies, its millions of rows),
 * plus the register pages and the largest company's approval queue, and writes bench/results/scale.json
 * with both sets side by side.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { openDatabase } from '../db/client.ts';
import { benchServer as base, freshBenchDatabase as freshDatabase } from './database.ts';
import { benchDoor } from './door.ts';
import { benchIntake } from './intake.ts';
import { benchMcp } from './mcp.ts';
import { benchReconcile, reconcileSize } from './reconcile.ts';
import { benchPages } from './pages.ts';
import { benchRegisters, seededSessionPlans } from './scale.ts';

const args = process.argv.slice(2);
const scale = args.includes('--scale');
const named = args.indexOf('--scale-database');
const scaleDatabase = named >= 0 ? args[named + 1]! : 'comptoir_scale';
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--scale-database');

const benches: Record<string, (url: string) => Promise<unknown>> = {
  door: (url) => benchDoor(url, Number(process.env.BENCH_OPS ?? 2000)),
  intake: (url) => benchIntake(url),
  mcp: (url) => benchMcp({ databaseUrl: url }),
  reconcile: (url) => benchReconcile(url, reconcileSize(args)),
  pages: (url) => benchPages(url),
};

mkdirSync('bench/results', { recursive: true });
const machine = {
  cpus: os.cpus().length,
  node: process.version,
  date: new Date().toISOString(),
  loadAverageBefore: os.loadavg(),
};
const summary: string[] = [
  `# Benchmark results\n\n${machine.date} · ${machine.cpus} cores · Node ${machine.node} · PostgreSQL at ${base.host}\n`,
];
const small: Record<string, unknown> = {};
for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  if (scale && name === 'intake') continue;
  const url = await freshDatabase(`comptoir_bench_${name}`);
  console.log(`bench ${name}…`);
  const result = await run(url);
  small[name] = result;
  writeFileSync(`bench/results/${name}.json`, `${JSON.stringify({ machine, result }, null, 2)}\n`);
  summary.push(`## ${name}\n\n\`\`\`json\n${JSON.stringify(result, null, 2)}\n\`\`\`\n`);
  console.log(JSON.stringify(result, null, 2));
}

if (scale) {
  const url = new URL(base);
  url.pathname = `/${scaleDatabase}`;
  const seeded = await openDatabase({ url: url.toString(), poolSize: 1 });
  const [size] = await seeded.raw(
    `select (select count(*)::int from tenants) as companies,
       (select max(n_live_tup)::bigint from pg_stat_user_tables) as largest_table_rows,
       (select relname from pg_stat_user_tables order by n_live_tup desc limit 1) as largest_table,
       pg_size_pretty(pg_database_size(current_database())) as size`,
  );
  await seeded.close();
  console.log(`bench on the seeded database ${scaleDatabase}: ${JSON.stringify(size)}`);
  const onSeeded: Record<string, unknown> = { database: size };
  if (!only.length || only.includes('door'))
    onSeeded.door = await benchDoor(url.toString(), Number(process.env.BENCH_OPS ?? 2000));
  if (!only.length || only.includes('mcp'))
    onSeeded.mcp = await benchMcp({ databaseUrl: url.toString(), plans: (handle) => seededSessionPlans(handle) });
  const registers = await openDatabase({ url: url.toString(), poolSize: 6 });
  onSeeded.registers = await benchRegisters(registers);
  await registers.close();
  const result = { machine: { ...machine, loadAverageAfter: os.loadavg() }, small, seeded: onSeeded };
  writeFileSync('bench/results/scale.json', `${JSON.stringify(result, null, 2)}\n`);
  summary.push(`## on the seeded database\n\n\`\`\`json\n${JSON.stringify(onSeeded, null, 2)}\n\`\`\`\n`);
  console.log(JSON.stringify(onSeeded, null, 2));
}
writeFileSync('bench/results/results.md', summary.join('\n'));
