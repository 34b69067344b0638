import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineModule } from '../src/kernel/modules/manifest.js';
import { eventually, startPlatform, type TestPlatform, type TestTenant } from './helpers.js';

// The jobs read API (GET /control/v1/jobs, /jobs/{id}): filters, paging newest first, the last
// error, redacted payloads, and who may read them. A probe module's jobs fail, wait or succeed.

interface JobItem {
  id: string;
  queue: string;
  tenantId: string | null;
  state: string;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  createdAt: string;
  lastError: string | null;
  payload: unknown;
}

const LONG_REASON = `receiver down: ${'x'.repeat(1_000)}`;

const probe = defineModule({
  key: 'probe',
  name: 'Probe',
  description: 'Jobs that fail, wait or succeed (tests only).',
  dependencies: [],
  alwaysLicensed: true,
  permissions: [],
  defaultGrants: {},
  routes: () => undefined,
  jobs: [
    { name: 'probe.fail', retry: { limit: 1, delaySeconds: 0 }, handler: async () => { throw new Error(LONG_REASON); } },
    { name: 'probe.later', handler: async () => undefined },
    { name: 'probe.ok', handler: async () => undefined },
  ],
});

let t: TestPlatform;
let oak: TestTenant;
let admin: string;
let failedId: string;
const laterIds: string[] = [];

const jobs = async (query: Record<string, string | number> = {}) => {
  const res = await t.call('GET', `/control/v1/jobs?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`, { token: admin });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { data: JobItem[]; nextCursor: string | null };
};

beforeAll(async () => {
  t = await startPlatform({ platform: { workers: true, extraModules: [probe] } });
  oak = await t.createTenant('oak');
  admin = await t.platformToken();
  const tomorrow = new Date(Date.now() + 86_400_000);
  for (let i = 0; i < 5; i++) laterIds.push((await t.platform.jobs.send('probe.later', { n: i }, { startAfter: tomorrow }))!);
  failedId = (await t.platform.jobs.send('probe.fail', { tenantId: oak.id, password: 'hunter2', nested: { apiKey: 'k-123', refreshTokens: ['a'], note: 'kept' } }))!;
  await t.platform.jobs.send('probe.ok', { tenantId: oak.id });
  await eventually(() => jobs({ queue: 'probe.fail', state: 'failed' }), (p) => p.data.length === 1);
}, 60_000);
afterAll(() => t?.close());

describe('listing jobs', () => {
  it('filters by state and queue, newest first, with attempts, the error cut short and the payload redacted', async () => {
    const failed = await jobs({ state: 'failed' });
    const job = failed.data.find((j) => j.id === failedId)!;
    expect(job).toMatchObject({ queue: 'probe.fail', tenantId: oak.id, state: 'failed', attempts: 2, maxAttempts: 2 });
    expect(job.lastError!.startsWith('receiver down: xxx')).toBe(true);
    expect(job.lastError!.length).toBeLessThanOrEqual(500);
    expect(job.payload).toEqual({ tenantId: oak.id, password: '[redacted]', nested: { apiKey: '[redacted]', refreshTokens: '[redacted]', note: 'kept' } });
    expect(failed.data.every((j) => j.state === 'failed')).toBe(true);

    const waiting = await jobs({ queue: 'probe.later', state: 'created' });
    expect(waiting.data.map((j) => j.id)).toEqual([...laterIds].reverse());
    expect(waiting.data[0]).toMatchObject({ attempts: 0, maxAttempts: 9, lastError: null, tenantId: null, payload: { n: 4 } });
    expect((await jobs({ queue: 'probe.later', state: 'failed' })).data).toEqual([]);
  });

  it('filters by tenant, by id or slug', async () => {
    const bySlug = await jobs({ tenant: 'oak', queue: 'probe.fail' });
    expect(bySlug.data.map((j) => j.id)).toEqual([failedId]);
    expect((await jobs({ tenant: oak.id, queue: 'probe.later' })).data).toEqual([]);
    expect((await jobs({ tenant: 'nobody-here' })).data).toEqual([]);
  });

  it('pages with a cursor, each job once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await jobs({ queue: 'probe.later', limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.data.map((j) => j.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...laterIds].reverse());
    const forged = await t.call('GET', `/control/v1/jobs?cursor=${Buffer.from('["x"]').toString('base64url')}`, { token: admin });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('invalid_cursor');
    expect((await t.call('GET', '/control/v1/jobs?state=stuck', { token: admin })).statusCode).toBe(400);
  });
});

describe('one job', () => {
  it('shows the whole last error, with its stack', async () => {
    const res = await t.call('GET', `/control/v1/jobs/${failedId}`, { token: admin });
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json() as JobItem;
    expect(job).toMatchObject({ id: failedId, state: 'failed', attempts: 2 });
    expect(job.lastError).toContain(LONG_REASON);
    expect(job.lastError).toContain('at ');
    expect(job.payload).toMatchObject({ password: '[redacted]' });
  });

  it('answers 404 not_found for an unknown id, and retries a failed job by the ids the list gives', async () => {
    const missing = await t.call('GET', '/control/v1/jobs/00000000-0000-4000-8000-000000000000', { token: admin });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    const retried = await t.call('POST', `/control/v1/jobs/probe.fail/${failedId}/retry`, { token: admin });
    expect(retried.statusCode).toBe(204);
    const again = await t.call('GET', `/control/v1/jobs/${failedId}`, { token: admin });
    expect(again.json().state).not.toBe('failed');
  });
});

describe('who may read jobs', () => {
  it('refuses a caller without a platform token: none, or a tenant user token', async () => {
    for (const url of ['/control/v1/jobs', `/control/v1/jobs/${failedId}`]) {
      expect((await t.call('GET', url)).statusCode).toBe(401);
      const tenantToken = await t.call('GET', url, { token: oak.token });
      expect(tenantToken.statusCode).toBe(401);
      expect(tenantToken.json().code).toBe('unauthenticated');
    }
  });
});
