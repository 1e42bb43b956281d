/**
 * `npm run bench`: runs the benchmarks against the real PostgreSQL server (DATABASE_URL, default the
 * local `test` server) in a fresh database, and writes bench/results/<name>.json and results.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { benchServer as base, freshBenchDatabase as freshDatabase } from './database.ts';
import { benchDoor } from './door.ts';
import { benchIntake } from './intake.ts';
import { benchMcp } from './mcp.ts';

const only = process.argv.slice(2);

const benches: Record<string, (url: string) => Promise<unknown>> = {
  door: (url) => benchDoor(url, Number(process.env.BENCH_OPS ?? 2000)),
  intake: (url) => benchIntake(url),
  mcp: (url) => benchMcp({ databaseUrl: url }),
};

mkdirSync('bench/results', { recursive: true });
const machine = { cpus: os.cpus().length, node: process.version, date: new Date().toISOString() };
const summary: string[] = [
  `# Benchmark results\n\n${machine.date} · ${machine.cpus} cores · Node ${machine.node} · PostgreSQL at ${base.host}\n`,
];
for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  const url = await freshDatabase(`comptoir_bench_${name}`);
  console.log(`bench ${name}…`);
  const result = await run(url);
  writeFileSync(`bench/results/${name}.json`, `${JSON.stringify({ machine, result }, null, 2)}\n`);
  summary.push(`## ${name}\n\n\`\`\`json\n${JSON.stringify(result, null, 2)}\n\`\`\`\n`);
  console.log(JSON.stringify(result, null, 2));
}
writeFileSync('bench/results/results.md', summary.join('\n'));
