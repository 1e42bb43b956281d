/**
 * The embedded default with one company's real volume: an in-memory PGlite, migrated, filled with one
 * company's two years (bench/seed-scale.ts's generator; `--orders-per-month N`, default 100, a busy
 * small business), then the first page of each register, read as the app reads it, one call at a time.
 * `npx tsx bench/pglite-volume.ts [--orders-per-month N]` → bench/results/pglite-volume.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { benchRegisters } from './scale.ts';
import { seedPglite } from './seed-scale.ts';

const at = process.argv.indexOf('--orders-per-month');
const ordersPerMonth = at >= 0 ? Number(process.argv[at + 1]) : 100;
const loadBefore = os.loadavg();
const handle = await openDatabase({});
await migrate(handle);
// The seed's first company is its largest: 2,000 orders a month at scale 1.
const seed = await seedPglite(handle, { companies: 1, scale: ordersPerMonth / 2000 });
console.log(JSON.stringify(seed, null, 2));
const registers = await benchRegisters(handle, 30, 1);
await handle.close();
const result = { machine: { loadBefore, loadAfter: os.loadavg(), node: process.version }, seed, registers };
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/pglite-volume-${ordersPerMonth}.json`, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(registers, null, 2));
