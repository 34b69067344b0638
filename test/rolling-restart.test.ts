import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, freePort, startPlatform, type TestPlatform, type TestTenant } from './helpers.js';

// Two data-plane processes on one PostgreSQL server (left out on PGlite by vitest.config.ts).
const root = fileURLToPath(new URL('..', import.meta.url));
const DRAIN_DELAY_SECONDS = 1;
const PROBE_INTERVAL_MS = 100;

interface Instance {
  port: number;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** `courtyard serve --plane data`, as production runs it: one node process (tsx's loader, not its CLI, which would stand between the signal and the server). */
function startInstance(t: TestPlatform, port: number): Instance {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(env)) if (key === 'DATABASE_URL' || key === 'PORT' || key === 'LOG_LEVEL' || key.startsWith('COURTYARD_')) delete env[key];
  Object.assign(env, {
    DATABASE_URL: t.database.overrides.databaseUrl,
    COURTYARD_DATA_DIR: t.database.overrides.dataDir,
    COURTYARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    COURTYARD_DRAIN_DELAY: String(DRAIN_DELAY_SECONDS),
    // Eight clients in a loop as one user: far past the API's rate limit per principal.
    COURTYARD_API_RATE_PER_PRINCIPAL: '0',
    COURTYARD_API_RATE_PER_TENANT: '0',
    PORT: String(port),
    LOG_LEVEL: 'warn',
  });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--plane', 'data'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  return { port, child, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

/**
 * A round-robin load balancer as small as they come: it sends each request to the next backend
 * whose readiness probe last answered 200, over a fresh connection (no keep-alive pool whose idle
 * sockets a closing backend could cut under a request), and never retries. Like real ones, it
 * takes a backend out at once when its probe answers "not ready", but only after three probes in
 * a row go unanswered: one slow probe on a busy machine is not a backend gone.
 */
function startBalancer(ports: number[]): Promise<{ port: number; served: Map<number, number>; close: () => Promise<void> }> {
  const ready = new Map(ports.map((p) => [p, false]));
  const unanswered = new Map(ports.map((p) => [p, 0]));
  const noAnswer = (port: number) => {
    unanswered.set(port, unanswered.get(port)! + 1);
    if (unanswered.get(port)! >= 3) ready.set(port, false);
  };
  const served = new Map(ports.map((p) => [p, 0]));
  const probe = () =>
    Promise.all(
      ports.map(
        (port) =>
          new Promise<void>((resolve) => {
            const req = httpRequest({ host: '127.0.0.1', port, path: '/health/ready', agent: false, timeout: 1_000 }, (res) => {
              unanswered.set(port, 0);
              ready.set(port, res.statusCode === 200);
              res.resume().on('end', resolve);
            });
            req.on('error', () => (noAnswer(port), resolve()));
            req.on('timeout', () => req.destroy());
            req.end();
          }),
      ),
    );
  const prober = setInterval(() => void probe(), PROBE_INTERVAL_MS);
  let next = 0;
  const server: Server = createHttpServer((req, res) => {
    const healthy = ports.filter((p) => ready.get(p));
    if (healthy.length === 0) {
      res.writeHead(502).end('no backend ready');
      return;
    }
    const port = healthy[next++ % healthy.length]!;
    served.set(port, served.get(port)! + 1);
    const upstream = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end('backend failed'));
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        served,
        close: () => new Promise((done) => (clearInterval(prober), server.close(() => done()))),
      }),
    ),
  );
}

async function untilReady(port: number): Promise<void> {
  await expect
    .poll(() => fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status, () => 0), { timeout: 60_000, interval: 200 })
    .toBe(200);
}

describe('a rolling restart behind a load balancer', () => {
  let t: TestPlatform;
  let oak: TestTenant;
  const instances: Instance[] = [];
  beforeAll(async () => {
    t = await startPlatform();
    oak = await t.createTenant('oak');
  });
  afterAll(async () => {
    for (const i of instances) i.child.kill('SIGKILL');
    await t?.close();
  });

  it('loses no request while both instances are restarted one after the other under steady load', async () => {
    const ports = [await freePort(), await freePort()];
    for (const port of ports) instances.push(startInstance(t, port));
    await Promise.all(ports.map(untilReady));
    const balancer = await startBalancer(ports);
    await new Promise((r) => setTimeout(r, 3 * PROBE_INTERVAL_MS));

    // Steady load: eight clients, each sending its next request when the last one answers.
    const failures: string[] = [];
    let answered = 0;
    let running = true;
    const client = async () => {
      while (running) {
        const res = await fetch(`http://127.0.0.1:${balancer.port}/api/v1/members?limit=5`, { headers: { 'x-tenant-id': 'oak', authorization: `Bearer ${oak.token}` } }).catch((e: Error) => e);
        if (res instanceof Error) failures.push(res.message);
        else {
          if (res.status !== 200) failures.push(`${res.status} ${await res.text()}`);
          else await res.arrayBuffer();
          answered++;
        }
      }
    };
    const clients = Array.from({ length: 8 }, client);

    for (const [index, port] of ports.entries()) {
      const before = balancer.served.get(port)!;
      await new Promise((r) => setTimeout(r, 500));
      expect(balancer.served.get(port)!).toBeGreaterThan(before);
      const old = instances[index]!;
      old.child.kill('SIGTERM');
      expect(await old.exited).toBe(0);
      instances[index] = startInstance(t, port);
      await untilReady(port);
      await new Promise((r) => setTimeout(r, 3 * PROBE_INTERVAL_MS));
    }
    const afterRestarts = answered;
    await new Promise((r) => setTimeout(r, 500));
    running = false;
    await Promise.all(clients);
    await balancer.close();

    expect(failures).toEqual([]);
    // The load went on through both restarts, and the restarted instances serve again.
    expect(answered).toBeGreaterThan(afterRestarts);
    expect(answered).toBeGreaterThan(200);
  }, 180_000);
});
