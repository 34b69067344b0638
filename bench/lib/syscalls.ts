import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface SyscallCount {
  syscall: string;
  calls: number;
  perRequest: number;
}

/**
 * Counts a process's system calls (all its threads) with `strace -c -f` between `start` and
 * `stop`. ptrace makes the process much slower: a diagnostic, never a result.
 */
export async function traceSyscalls(pid: number, file: string): Promise<{ stop(requests: number): Promise<SyscallCount[]> }> {
  const strace = spawn('strace', ['-c', '-f', '-q', '-o', file, '-p', String(pid)], { stdio: ['ignore', 'ignore', 'inherit'] });
  await new Promise((r) => setTimeout(r, 500)); // attaching takes a moment
  return {
    async stop(requests) {
      const exited = new Promise((r) => strace.once('exit', r));
      strace.kill('SIGINT');
      await exited;
      const text = await readFile(file, 'utf8');
      const rows: SyscallCount[] = [];
      for (const line of text.split('\n')) {
        // % time  seconds  usecs/call  calls  [errors]  syscall
        const m = /^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?([a-z_0-9]+)\s*$/.exec(line);
        if (m && m[2] !== 'total') rows.push({ syscall: m[2]!, calls: Number(m[1]), perRequest: requests ? Math.round((Number(m[1]) / requests) * 100) / 100 : 0 });
      }
      return rows.sort((a, b) => b.calls - a.calls);
    },
  };
}
