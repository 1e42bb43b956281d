/**
 * CPU time spent by the whole machine and by the PostgreSQL server processes, read from Linux's /proc:
 * what a benchmark needs to tell whether a rate is limited by its own code or by the cores it shares.
 * Elsewhere both read as zero.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** Clock ticks per second of /proc's counters (USER_HZ), 100 on every Linux Node runs on. */
const TICKS = 100;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Busy CPU time of the machine, all cores, in ms: everything but idle and I/O wait. */
export function machineBusyMs(): number {
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line) return 0;
  // user nice system idle iowait irq softirq steal …
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / TICKS;
}

/**
 * CPU time the hypervisor gave to other machines while this one wanted it ("steal"), all cores, in ms:
 * on a virtual machine, a stall nobody here caused.
 */
export function machineStealMs(): number {
  const line = read('/proc/stat')?.split('\n')[0];
  const steal = Number(line?.trim().split(/\s+/)[8] ?? 0);
  return (steal * 1000) / TICKS;
}

/** CPU time, in ms, of every process named `postgres` (the server and its backends). */
export function postgresCpuMs(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const stat = read(`/proc/${pid}/stat`);
    if (!stat?.includes('(postgres)')) continue;
    // Fields after the command name: state is field 3, utime 14 and stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS;
}

export const cores = os.cpus().length;
