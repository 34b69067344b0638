import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';

const HZ = 100; // USER_HZ on Linux

/** Busy CPU seconds of the whole machine so far (all cores; Linux /proc/stat, else null). */
export async function machineBusySeconds(): Promise<number | null> {
  try {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!;
    const [, ...fields] = line.trim().split(/\s+/);
    const v = fields.map(Number);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    return (total - idle) / HZ;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) used so far by each running PostgreSQL process, by pid. */
export async function postgresCpu(): Promise<Map<number, number> | null> {
  try {
    const out = new Map<number, number>();
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
      if (!stat) continue;
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      if (comm !== 'postgres') continue;
      const rest = stat.slice(close + 2).split(' ');
      // utime and stime are fields 14 and 15 of /proc/PID/stat; rest starts at field 3.
      out.set(Number(entry), (Number(rest[11]) + Number(rest[12])) / HZ);
    }
    return out;
  } catch {
    return null;
  }
}

/**
 * CPU seconds PostgreSQL processes used between two snapshots (new processes count from zero),
 * only of the pids in `only` when given (this database's backends and the server's own
 * background processes, not the backends of tests running against other databases).
 */
export function postgresDelta(before: Map<number, number> | null, after: Map<number, number> | null, only?: Set<number> | null): number | null {
  if (!before || !after) return null;
  let sum = 0;
  for (const [pid, s] of after) if (!only || only.has(pid)) sum += s - (before.get(pid) ?? 0);
  return Math.round(sum * 100) / 100;
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** CPU seconds (user + system, all threads) one process has used so far (Linux /proc/PID/stat; null elsewhere). */
export async function processCpuSeconds(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return null;
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) / HZ;
}

/**
 * CPU seconds of one process's threads (Linux): the main thread (the event loop) and all
 * others together (libuv pool — WebCrypto, argon2, ... — GC helpers, the inspector).
 */
export async function threadCpu(pid: number): Promise<{ main: number; others: number } | null> {
  try {
    let main = 0;
    let others = 0;
    for (const tid of await readdir(`/proc/${pid}/task`)) {
      const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => null);
      if (!stat) continue;
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const s = (Number(rest[11]) + Number(rest[12])) / HZ;
      if (Number(tid) === pid) main += s;
      else others += s;
    }
    return { main, others };
  } catch {
    return null;
  }
}

/** The commit the numbers are of, and whether src/ or bench/ differed from it. */
export function gitCommit(): { commit: string | null; dirty: boolean | null } {
  const git = (...a: string[]) => execFileSync('git', a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    // Changes to tracked files under src/ or bench/ not in the commit: the numbers are of the working tree.
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no', '--', 'src', 'bench') !== '' };
  } catch {
    return { commit: null, dirty: null };
  }
}
