/**
 * Benchmark of MCP over Streamable HTTP on the real PostgreSQL server: the whole app served on a
 * loopback port, N concurrent SDK client sessions (each with its company's bearer token) in a separate
 * process, a read tool (purchasing_get_order, then purchasing_find_suppliers) and a write tool that
 * executes through the action door (a draft purchase order).
 * Run alone with `npx tsx bench/mcp.ts`: prints JSON and writes bench/results/mcp.json.
 */
import { fork } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { dirname } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { loadConfig } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { propose } from '../tools/actions/door.ts';
import { actorOf, createApiToken } from '../tools/auth/api-tokens.ts';
import { createOrder } from '../tools/purchasing/create-order.ts';
import { createSupplier } from '../tools/purchasing/create-supplier.ts';
import { createTenant } from '../tools/tenancy.ts';
import { createApp } from '../http/app.ts';
import { cores, machineBusyMs, machineStealMs, postgresCpuMs } from './cpu.ts';
import { benchServer, freshBenchDatabase } from './database.ts';
import type { ChildMessage, ClientKind, ParentMessage, SessionPlan } from './mcp-load.ts';
import { stallMs, type LoadResult } from './stats.ts';

/** Issue 6's target: at least this many read calls per second, with p99 under 50 ms, at 32 sessions. */
const TARGET_READS_PER_SECOND = 1_000;

export interface McpBenchOptions {
  /** An empty database to use; default: a fresh `comptoir_bench_mcp` on DATABASE_URL's server. */
  databaseUrl?: string;
  /** Concurrent MCP sessions, one SDK client each. */
  sessions?: number;
  readCalls?: number;
  writeCalls?: number;
  /** Companies the sessions are spread over (tenancy is part of every call's cost). */
  companies?: number;
  /** The load generator: the lean wire client (default) or the SDK's own client. */
  client?: ClientKind;
  /** The sessions' companies, tokens and arguments; default: `companies` new companies with one order each. */
  plans?: (handle: DatabaseHandle) => Promise<SessionPlan[]>;
  /** A folder to write a CPU profile of the server during each phase (`<tool>.cpuprofile`). */
  profileDir?: string;
}

/** One phase: the clients' view (rate, latency) and the CPU per call of the server and of the load generator. */
interface Phase extends LoadResult {
  tool: string;
  serverCpuMsPerCall: number;
  clientCpuMsPerCall: number;
  /** The PostgreSQL server's processes. */
  postgresCpuMsPerCall: number;
  /** Every core of the machine, busy for any reason (these three, the kernel, anything else running). */
  machineCpuMsPerCall: number;
  /** The rate the machine's cores could carry at that cost per call, were they all given to it. */
  machineBoundPerSecond: number;
  /**
   * The longest the server's event loop was kept from running during the phase (sampled every 10 ms):
   * when a latency spike matches it, the server itself stalled (a long garbage collection, a synchronous
   * task); when it does not, the wait was elsewhere (PostgreSQL, the load generator, the machine).
   */
  serverLoopDelayMaxMs: number;
  /** The same for the load generator's event loop: a stall there delays calls as the clients see them. */
  clientLoopDelayMaxMs: number;
  /** CPU time the hypervisor took from this machine during the phase (all cores). */
  stealMs: number;
}

export interface McpBenchResult {
  sessions: number;
  client: ClientKind;
  readCallsPerSec: number;
  readP50Ms: number;
  readP99Ms: number;
  writeCallsPerSec: number;
  writeP50Ms: number;
  writeP99Ms: number;
  /**
   * read: purchasing_get_order as fast as the sessions go (the figures above); readAtTarget: the same
   * call paced at the target rate (latency at that rate, counted from each call's slot);
   * lightRead: purchasing_find_suppliers (one query); ping: no tool at all.
   */
  phases: { read: Phase; readAtTarget: Phase; lightRead: Phase; write: Phase; ping: Phase };
  dbPoolSize: number;
}

/** A company with a buyer, a supplier and one order to read; what its sessions call with. */
async function company(db: Parameters<typeof createApiToken>[0], n: number): Promise<SessionPlan> {
  const { tenant, users } = await createTenant(
    db,
    { slug: `mcp-bench-${n}-${Date.now()}`, name: `MCP bench ${n}`, province: 'QC' },
    [{ email: `buyer@mcp-bench${n}.test`, name: 'Buyer', role: 'buyer' }],
  );
  const buyer = users[0]!;
  const session = { db, tenantId: tenant.id, actor: actorOf(buyer), lang: 'en' as const, now: () => new Date() };
  const person = { source: 'rest', byAi: false } as const;
  const supplierId = (
    (await propose(session, createSupplier, { name: 'Bench supplier' }, person)).result as { id: string }
  ).id;
  const order = await propose(
    session,
    createOrder,
    { supplierId, lines: [{ description: 'Chaise', quantity: '2', unitPrice: '150.00' }] },
    person,
  );
  const { token } = await createApiToken(db, tenant.id, buyer.id, 'bench');
  return {
    token,
    args: {
      purchasing_get_order: { orderId: (order.result as { id: string }).id },
      purchasing_find_suppliers: { query: 'bench' },
      purchasing_create_order: { supplierId, lines: [{ description: 'Item {i}', quantity: '1', unitPrice: '25.00' }] },
    },
  };
}

/** The V8 profiler of this (the server's) process, for one phase at a time. */
async function startProfiler() {
  const inspector = new Session();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await inspector.post('Profiler.stop');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      inspector.disconnect();
    },
  };
}

/** The client process and a typed request/answer over its IPC channel. */
function startClients() {
  const child = fork(new URL('./mcp-load.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const ask = (message: ParentMessage) =>
    new Promise<ChildMessage>((resolve, reject) => {
      child.once('message', (reply: ChildMessage) =>
        reply.type === 'error' ? reject(new Error(reply.message)) : resolve(reply),
      );
      child.send(message);
    });
  return { ask, stop: () => child.kill() };
}

export async function benchMcp(options: McpBenchOptions = {}): Promise<McpBenchResult> {
  const sessions = options.sessions ?? 32;
  const client = options.client ?? 'wire';
  const readCalls = options.readCalls ?? 5_000;
  const writeCalls = options.writeCalls ?? 500;
  const databaseUrl = options.databaseUrl ?? (await freshBenchDatabase('comptoir_bench_mcp'));
  const config = loadConfig({ DATABASE_URL: databaseUrl, COMPTOIR_DEMO: 'false' });
  const handle = await openDatabase({ url: databaseUrl, poolSize: config.DB_POOL_SIZE });
  await migrate(handle);
  const companies = options.plans
    ? await options.plans(handle)
    : await Promise.all(Array.from({ length: options.companies ?? 4 }, (_, n) => company(handle.db, n)));

  const app = createApp({ handle, config, now: () => new Date() });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  const clients = startClients();

  const perCall = (ms: number, calls: number) => Math.round((ms / Math.max(1, calls)) * 1000) / 1000;
  const phase = async (
    tool: string,
    calls: number,
    { uniqueArg, profile = true, perSecond }: { uniqueArg?: string; profile?: boolean; perSecond?: number } = {},
  ): Promise<Phase> => {
    const profiler = profile && options.profileDir ? await startProfiler() : undefined;
    const before = {
      process: process.cpuUsage(),
      postgres: postgresCpuMs(),
      machine: machineBusyMs(),
      steal: machineStealMs(),
    };
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const reply = await clients.ask({ type: 'phase', tool, calls, uniqueArg, perSecond });
    loopDelay.disable();
    const cpu = process.cpuUsage(before.process);
    const postgres = postgresCpuMs() - before.postgres;
    const machine = machineBusyMs() - before.machine;
    await profiler?.stop(`${options.profileDir}/${tool}.cpuprofile`);
    if (reply.type !== 'phase') throw new Error(`unexpected answer ${reply.type}`);
    const { operations } = reply.result;
    const machineCpuMsPerCall = perCall(machine, operations);
    return {
      tool,
      ...reply.result,
      serverCpuMsPerCall: perCall((cpu.user + cpu.system) / 1000, operations),
      clientCpuMsPerCall: perCall(reply.clientCpuMs, operations),
      postgresCpuMsPerCall: perCall(postgres, operations),
      machineCpuMsPerCall,
      machineBoundPerSecond: machineCpuMsPerCall > 0 ? Math.round((cores * 1000) / machineCpuMsPerCall) : 0,
      serverLoopDelayMaxMs: stallMs(loopDelay),
      clientLoopDelayMaxMs: reply.loopDelayMaxMs,
      stealMs: Math.round(machineStealMs() - before.steal),
    };
  };

  try {
    await clients.ask({
      type: 'connect',
      url,
      client,
      sessions: Array.from({ length: sessions }, (_, i) => companies[i % companies.length]!),
    });
    await phase('purchasing_get_order', Math.min(1_000, readCalls), { profile: false }); // warm-up: JIT, pools, plans
    const read = await phase('purchasing_get_order', readCalls);
    const readAtTarget = await phase('purchasing_get_order', readCalls, {
      perSecond: TARGET_READS_PER_SECOND,
      profile: false,
    });
    const lightRead = await phase('purchasing_find_suppliers', readCalls);
    const write = await phase('purchasing_create_order', writeCalls, { uniqueArg: 'lines' });
    const ping = await phase('ping', readCalls);
    await clients.ask({ type: 'close' });
    return {
      sessions,
      client,
      readCallsPerSec: read.perSecond,
      readP50Ms: read.p50Ms,
      readP99Ms: read.p99Ms,
      writeCallsPerSec: write.perSecond,
      writeP50Ms: write.p50Ms,
      writeP99Ms: write.p99Ms,
      phases: { read, readAtTarget, lightRead, write, ping },
      dbPoolSize: config.DB_POOL_SIZE,
    };
  } finally {
    clients.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const loadBefore = os.loadavg();
  const result = await benchMcp({
    sessions: Number(process.env.BENCH_SESSIONS ?? 32),
    readCalls: Number(process.env.BENCH_READS ?? 5_000),
    writeCalls: Number(process.env.BENCH_WRITES ?? 500),
    client: process.env.BENCH_CLIENT === 'sdk' ? 'sdk' : 'wire',
    profileDir: process.env.BENCH_PROFILE,
  });
  // Other work on the machine changes these numbers a lot: the load average is kept with them.
  const machine = {
    cpus: os.cpus().length,
    node: process.version,
    date: new Date().toISOString(),
    postgres: benchServer.host,
    loadAverageBefore: loadBefore,
    loadAverageAfter: os.loadavg(),
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/mcp.json', `${JSON.stringify({ machine, result }, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}
