import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromChild, ToChild } from '../servers/ipc.js';
import type { ServerSpec } from './types.js';

const serverScript = (name: string) => fileURLToPath(new URL(`../servers/${name}.ts`, import.meta.url));

export interface StartedServer {
  baseUrl: string;
  port: number;
  pid: number;
  /** The child's CPU time so far (all threads), in seconds, in user space and in the kernel. */
  cpuSeconds(): Promise<{ user: number; system: number }>;
  /** Starts sampling the child's CPU (V8 profiler). */
  startProfile(): Promise<void>;
  /** Stops sampling and writes the .cpuprofile to `file`. */
  stopProfile(file: string): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  poolMax: number;
}

/**
 * Starts the server under test in a child process (its own event loop and, as far as the OS
 * gives one, its own core), so that the load generator in this process does not share its
 * event loop.
 */
export async function startServer(spec: ServerSpec, options: StartOptions): Promise<StartedServer> {
  const script = spec.kind === 'platform' ? serverScript('platform') : serverScript('bare');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    COURTYARD_DB_POOL_MAX: String(options.poolMax),
    LOG_LEVEL: 'warn',
    // The benchmarks load the API from one user at thousands of requests a second: the API's rate limits are off.
    COURTYARD_API_RATE_PER_PRINCIPAL: '0',
    COURTYARD_API_RATE_PER_TENANT: '0',
    NODE_ENV: 'production',
    ...(spec.kind === 'bare' ? { BENCH_MODE: spec.mode } : {}),
    ...(spec.kind === 'platform' ? { ...spec.env, BENCH_WORKERS: spec.workers ? 'true' : 'false' } : {}),
  };
  const child = fork(script, [], { execArgv: ['--import', 'tsx'], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 60 s`)), 60_000);
    const onMessage = (m: FromChild) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m.port);
      } else if (m.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`server failed to start: ${m.error}`));
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready`));
    });
  });

  /** Sends a message and waits for the answer of the given type. */
  const ask = <K extends FromChild['type']>(m: ToChild, answer: K): Promise<Extract<FromChild, { type: K }>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not answer ${m.type}`)), 30_000);
      const onMessage = (r: FromChild) => {
        if (r.type !== answer && r.type !== 'failed') return;
        clearTimeout(timer);
        child.off('message', onMessage);
        if (r.type === 'failed') reject(new Error(r.error));
        else resolve(r as Extract<FromChild, { type: K }>);
      };
      child.on('message', onMessage);
      child.send(m);
    });

  return {
    port,
    pid: child.pid!,
    baseUrl: `http://127.0.0.1:${port}`,
    cpuSeconds: async () => {
      const r = await ask({ type: 'cpu' }, 'cpu');
      return { user: r.user / 1e6, system: r.system / 1e6 };
    },
    startProfile: async () => void (await ask({ type: 'profile-start' }, 'profile-started')),
    stopProfile: async (file) => void (await ask({ type: 'profile-stop', file }, 'profile-written')),
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      child.send({ type: 'stop' } satisfies ToChild);
    } catch {
      child.kill('SIGTERM');
    }
  });
}
