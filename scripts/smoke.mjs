// A short walk through the compiled server on the Node.js that runs this script:
// `<node> scripts/smoke.mjs` after `npm run build`. CI runs it on each supported Node.js major
// (the suite itself runs on one). It starts `dist/cli/main.js start` on embedded PGlite in a
// temporary folder and a free port, signs in as the platform operator, creates a tenant, signs in
// as its administrator, creates a member and reads it back, then stops the server with SIGTERM,
// which must exit 0. Plain JavaScript and fetch, so it needs nothing but the build.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const ADMIN_EMAIL = 'admin@smoke.test';
const ADMIN_PASSWORD = 'smoke-platform-password';
const TENANT_PASSWORD = 'amber lanterns glow';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = await mkdtemp(join(tmpdir(), 'courtyard-smoke-'));
const env = { ...process.env };
for (const key of Object.keys(env)) if (key === 'DATABASE_URL' || key === 'REDIS_URL' || key.startsWith('COURTYARD_')) delete env[key];
Object.assign(env, {
  PORT: String(port),
  COURTYARD_DATA_DIR: dataDir,
  COURTYARD_ADMIN_EMAIL: ADMIN_EMAIL,
  COURTYARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
  COURTYARD_DRAIN_DELAY: '0',
  LOG_LEVEL: 'warn',
});

let output = '';
const server = spawn(process.execPath, [main, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
server.stdout.on('data', (chunk) => (output += chunk));
server.stderr.on('data', (chunk) => (output += chunk));
const exited = new Promise((resolve) => server.on('close', (code, signal) => resolve({ code, signal })));
let exit;
exited.then((e) => (exit = e));

async function call(method, path, { token, tenant, body } = {}) {
  const headers = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(tenant ? { 'x-tenant-id': tenant } : {}), ...(body ? { 'content-type': 'application/json' } : {}) };
  const res = await fetch(`${base}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function expectStatus(step, expected, promise) {
  const res = await promise;
  if (res.status !== expected) throw new Error(`${step}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
  console.log(`ok  ${step}`);
  return res.body;
}

async function walk() {
  const until = Date.now() + 120_000;
  for (;;) {
    if (exit) throw new Error(`the server exited (${exit.code ?? exit.signal}) before it was ready`);
    const status = await fetch(`${base}/health/ready`).then((r) => r.status, () => 0);
    if (status === 200) break;
    if (Date.now() > until) throw new Error('the server was not ready within 120 s');
    await sleep(200);
  }
  console.log(`ok  ready on ${process.version}`);

  const operator = await expectStatus('platform operator signs in', 200, call('POST', '/control/v1/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } }));
  const admin = { email: 'owner@smoke.test', name: 'Smoke Owner', password: TENANT_PASSWORD };
  let tenant = await expectStatus('tenant created', 201, call('POST', '/control/v1/tenants', { token: operator.accessToken, body: { slug: 'smoke', name: 'Smoke Estate', plan: 'standard', admin } }));
  for (const until = Date.now() + 60_000; tenant.status === 'provisioning' && Date.now() < until; await sleep(250)) {
    tenant = await expectStatus('tenant read', 200, call('GET', `/control/v1/tenants/${tenant.id}`, { token: operator.accessToken }));
  }
  if (tenant.status !== 'active') throw new Error(`tenant provisioning ended ${tenant.status}`);

  const owner = await expectStatus('tenant administrator signs in', 200, call('POST', '/api/v1/auth/login', { tenant: 'smoke', body: { email: admin.email, password: admin.password } }));
  const member = await expectStatus('member created', 201, call('POST', '/api/v1/members', { token: owner.accessToken, tenant: 'smoke', body: { firstName: 'Ada', lastName: 'Lovelace', type: 'resident' } }));
  const read = await expectStatus('member read back', 200, call('GET', `/api/v1/members/${member.id}`, { token: owner.accessToken, tenant: 'smoke' }));
  if (read.firstName !== 'Ada' || read.lastName !== 'Lovelace') throw new Error(`member read back as ${JSON.stringify(read)}`);
}

let failure;
try {
  await walk();
} catch (error) {
  failure = error;
}
if (!exit) server.kill('SIGTERM');
// unref: a server that stops in time must not leave this script waiting out the minute.
const stopped = await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 60_000).unref())]);
if (!stopped) server.kill('SIGKILL');
await rm(dataDir, { recursive: true, force: true });

failure ??= !stopped ? new Error('the server did not stop within 60 s of SIGTERM') : stopped.code !== 0 ? new Error(`the server exited ${stopped.code ?? stopped.signal} after SIGTERM, not 0`) : undefined;
if (failure) {
  console.error(`\nsmoke test failed on Node.js ${process.version}: ${failure.message}\n--- server output ---\n${output}`);
  process.exit(1);
}
console.log('ok  SIGTERM, exit 0');
