import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, TENANT_PASSWORD, freePort, isolatedDatabase, type TestDatabase } from './helpers.js';

// Each run starts a whole process (the database, migrations): seconds, not milliseconds.
const SLOW = 120_000;
const root = fileURLToPath(new URL('..', import.meta.url));

let database: TestDatabase;

beforeAll(async () => {
  // The command runs compiled, as `npm start` and the installed `courtyard` binary run it:
  // this compiles src/ into dist/ when dist/ is missing or older.
  await promisify(execFile)(process.execPath, ['scripts/server.mjs', 'ensure'], { cwd: root });
  // A PGlite data dir of its own, or a fresh database on the server when DATABASE_URL is set.
  database = await isolatedDatabase({ persistent: true });
});
afterAll(() => database?.dispose());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `courtyard …` (dist/cli/main.js, or `script` in its place) as a user would, against this file's database. */
function spawnCourtyard(args: string[], env: Record<string, string> = {}, script = 'dist/cli/main.js'): ChildProcessWithoutNullStreams {
  const base: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(base)) if (key === 'DATABASE_URL' || key === 'PORT' || key.startsWith('COURTYARD_')) delete base[key];
  const childEnv = {
    ...base,
    COURTYARD_DATA_DIR: database.overrides.dataDir!,
    ...(database.overrides.databaseUrl ? { DATABASE_URL: database.overrides.databaseUrl } : {}),
    COURTYARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    ...env,
  };
  return spawn(process.execPath, [script, ...args], { cwd: root, env: childEnv, stdio: 'pipe' });
}

/** Runs `courtyard …` to its end. */
function courtyard(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawnCourtyard(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The JSON a command printed, failing with its output when it did not succeed. */
function json(run: Run) {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe('the courtyard command', () => {
  it('creates a tenant and lists it', async () => {
    const created = json(await courtyard(['tenant', 'create', '--slug', 'oak', '--name', 'Oak Estate', '--admin-email', 'owner@oak.test', '--admin-password', TENANT_PASSWORD]));
    expect(created).toMatchObject({ slug: 'oak', name: 'Oak Estate', plan: 'standard', status: 'active', placement: 'pooled' });

    const listed = await courtyard(['tenant', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/'oak'\s*│\s*'Oak Estate'\s*│\s*'standard'\s*│\s*'active'\s*│\s*'pooled'/);
  }, SLOW);

  it('suspends and resumes a tenant, and refuses to resume an active one', async () => {
    expect(json(await courtyard(['tenant', 'suspend', 'oak']))).toMatchObject({ slug: 'oak', status: 'suspended' });
    expect(json(await courtyard(['tenant', 'resume', 'oak']))).toMatchObject({ slug: 'oak', status: 'active' });
    const again = await courtyard(['tenant', 'resume', 'oak']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('An active tenant cannot be resumed');
  }, SLOW);

  it('shows a licence that verifies, and reissues it without a module', async () => {
    const shown = json(await courtyard(['licence', 'show', 'oak']));
    expect(shown).toMatchObject({ tenant: 'oak', plan: 'standard', modules: ['communications', 'documents', 'finance', 'leases', 'members', 'objects', 'occupancy', 'properties', 'webhooks'], verification: 'valid' });
    expect(shown.jws.split('.')).toHaveLength(3);

    const issued = json(await courtyard(['licence', 'issue', 'oak', '--remove-modules', 'finance,leases,objects', '--users', '7']));
    expect(issued).toMatchObject({ tenant: 'oak', modules: ['communications', 'documents', 'members', 'occupancy', 'properties', 'webhooks'], limits: { users: 7 } });
    expect(issued.jti).not.toBe(shown.jti);

    const reshown = json(await courtyard(['licence', 'show', 'oak']));
    expect(reshown).toMatchObject({ jti: issued.jti, modules: ['communications', 'documents', 'members', 'occupancy', 'properties', 'webhooks'], limits: { users: 7 }, verification: 'valid' });
    expect(reshown.modules).not.toContain('leases');
  }, SLOW);

  it('migrates a database that is already current', async () => {
    const run = await courtyard(['migrate']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Migrations are current and tenant isolation holds.');
  }, SLOW);

  it('prints the configuration table, and stops with code 2 naming a wrong variable', async () => {
    const [table, wrong] = await Promise.all([courtyard(['config', '--markdown']), courtyard(['tenant', 'list'], { PORT: 'abc' })]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^\| variable \| default \| meaning \|/);
    expect(table.stdout).toMatch(/^\| `DATABASE_URL` \| — \| /m);
    expect(table.stdout).toMatch(/^\| `PORT` \| `3000` \| /m);

    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Configuration error: PORT: expected an integer, got "abc"');
    expect(wrong.stdout).toBe('');
  }, SLOW);

  it('stops being ready at SIGTERM but serves through the drain delay, then exits 0', async () => {
    const port = await freePort();
    const child = spawnCourtyard(['serve', '--plane', 'control'], { PORT: String(port), COURTYARD_DRAIN_DELAY: '3' });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.status, () => 0);
    await expect.poll(() => get('/health/ready'), { timeout: 60_000, interval: 200 }).toBe(200);

    child.kill('SIGTERM');
    await expect.poll(() => get('/health/ready'), { timeout: 2_000, interval: 50 }).toBe(503);
    // Still serving: a load balancer that has not yet noticed loses nothing.
    expect(await get('/health/live')).toBe(200);
    expect(await get('/openapi.json')).toBe(200);
    expect(await exited).toBe(0);
    expect(await get('/health/live')).toBe(0);
  }, SLOW);

  it('starts as `npm start` does (building what is stale first), serves the API and the pages, and exits 0 at SIGTERM', async () => {
    const port = await freePort();
    const child = spawnCourtyard(['start'], { PORT: String(port), COURTYARD_DRAIN_DELAY: '0' }, 'scripts/courtyard.mjs');
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.status, () => 0);
    await expect.poll(() => get('/health/ready'), { timeout: 90_000, interval: 200 }).toBe(200);
    expect(await get('/openapi.json')).toBe(200);
    const page = await fetch(`http://127.0.0.1:${port}/console/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module"');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, SLOW);
});
