import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import { machineBusySeconds, postgresCpu, postgresDelta, threadCpu } from './machine.js';
import type { WorkProbe } from './types.js';

/** What a scenario cost: CPU counters read around its measured window, and a task's memory. */

export interface Snapshot {
  server: { user: number; system: number };
  serverThreads: { main: number; others: number } | null;
  self: NodeJS.CpuUsage;
  /** The processes at the other end of a scenario's work (the webhook receiver). */
  work: number | null;
  machine: number | null;
  postgres: Map<number, number> | null;
  xact: number | null;
  /** This database's backends and the server's background processes. */
  ourPids: Set<number> | null;
}

/** Every counter the report shows, read just before and just after the measured window. */
export async function snapshot(pid: number, serverCpu: () => Promise<{ user: number; system: number }>, admin: pg.Client, probe: WorkProbe | undefined): Promise<Snapshot> {
  const xact = await admin
    .query<{ n: number }>('SELECT (xact_commit + xact_rollback)::float8 AS n FROM pg_stat_database WHERE datname = current_database()')
    .then((r) => r.rows[0]!.n)
    .catch(() => null);
  const ourPids = await admin
    .query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR backend_type <> 'client backend'")
    .then((r) => new Set(r.rows.map((row) => row.pid)))
    .catch(() => null);
  const work = probe?.cpuSeconds ? await probe.cpuSeconds().catch(() => null) : null;
  return { server: await serverCpu(), serverThreads: await threadCpu(pid), self: process.cpuUsage(), work, machine: await machineBusySeconds(), postgres: await postgresCpu(), xact, ourPids };
}

const r2 = (n: number) => Math.round(n * 100) / 100;

export function cpuBetween(a: Snapshot, b: Snapshot, requests: number) {
  const selfSeconds = (b.self.user - a.self.user + b.self.system - a.self.system) / 1e6;
  const serverUser = b.server.user - a.server.user;
  const serverSystem = b.server.system - a.server.system;
  const server = serverUser + serverSystem;
  const postgres = postgresDelta(a.postgres, b.postgres, b.ourPids);
  const machine = a.machine === null || b.machine === null ? null : b.machine - a.machine;
  const work = a.work === null || b.work === null ? null : b.work - a.work;
  return {
    server: r2(server),
    /** Of which in user space (JavaScript, V8, libraries) and in the kernel (system calls: sockets). */
    serverUser: r2(serverUser),
    serverSystem: r2(serverSystem),
    serverMainThread: a.serverThreads && b.serverThreads ? r2(b.serverThreads.main - a.serverThreads.main) : null,
    serverOtherThreads: a.serverThreads && b.serverThreads ? r2(b.serverThreads.others - a.serverThreads.others) : null,
    loadGenerator: r2(selfSeconds),
    postgres,
    ...(work === null ? {} : { work: r2(work) }),
    machine: machine === null ? null : r2(machine),
    /** Everything else the machine ran meanwhile (other tests, the OS): the noise. */
    others: machine === null || postgres === null ? null : r2(Math.max(0, machine - server - selfSeconds - postgres - (work ?? 0))),
    // PostgreSQL flushes these counters about once a second: an estimate over a 10 s window.
    dbTransactionsPerRequest: a.xact === null || b.xact === null || requests === 0 ? null : Math.round(((b.xact - a.xact) / requests) * 1000) / 1000,
  };
}

/** A process's resident memory now and at its peak (Linux /proc; null elsewhere), in MiB. */
export async function memoryOf(pid: number): Promise<{ rssMb: number | null; peakMb: number | null }> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => {
      const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Math.round(Number(m[1]) / 1024) : null;
    };
    return { rssMb: kb('VmRSS'), peakMb: kb('VmHWM') };
  } catch {
    return { rssMb: null, peakMb: null };
  }
}
