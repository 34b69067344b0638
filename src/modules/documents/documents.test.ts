import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, ok, type Estate } from '../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../test/helpers.js';

let t: TestPlatform;
let oak: Estate;
let clock = 0;
let unitA: string;
let unitB: string;
let annToken: string;
let benToken: string;
let benId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(8192, 0)]);

const upload = (docId: string, body: Buffer | Readable, name = 'rules.pdf', token?: string) =>
  t.call('POST', `/api/v1/documents/${docId}/versions`, { token: token ?? oak.token, tenant: 'oak', body, headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) } });
const stored = async () => {
  try {
    return await readdir(join(t.config.dataDir, 'files', 'tenants', oak.id, 'documents'));
  } catch {
    return [];
  }
};
const follow = (url: string) => t.call('GET', `/api/v1${url}`, { tenant: 'oak' });

beforeAll(async () => {
  clock = Date.now();
  t = await startPlatform({ platform: { clock: () => new Date(clock) } });
  oak = await estate(t, { slug: 'oak', units: ['A-1', 'B-1'] });
  [unitA, unitB] = oak.unitIds as [string, string];
  const ann = await oak.newMember({ firstName: 'Ann' });
  const ben = await oak.newMember({ firstName: 'Ben', type: 'resident' });
  benId = ben;
  await oak.occupy(unitA, ann);
  await oak.occupy(unitB, ben, { role: 'resident' });
  annToken = (await oak.newPortalUser(ann)).token;
  benToken = (await oak.newPortalUser(ben)).token;
});
afterAll(() => t?.close());

describe('the document library', () => {
  it('keeps every version, with its size, hash, sniffed type and sanitised name', async () => {
    const folder = await ok(oak.api('POST', '/document-folders', { name: 'Rules' }));
    const inner = await ok(oak.api('POST', '/document-folders', { name: '2026', parentId: folder.id }));
    const doc = await ok(oak.api('POST', '/documents', { title: 'House rules', category: 'rules', tags: ['rules', 'pets'], effectiveDate: '2026-01-01', folderId: inner.id }));
    expect(doc).toMatchObject({ currentVersion: 0, current: null, audience: 'staff' });

    const first = await ok(upload(doc.id, PDF, '../../etc/"house"\nrules.pdf'));
    expect(first).toMatchObject({ version: 1, size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex'), contentType: 'application/pdf', fileName: 'houserules.pdf' });
    const second = await ok(upload(doc.id, PNG, 'plan.png'));
    expect(second).toMatchObject({ version: 2, contentType: 'image/png' });

    const history = await ok(oak.api('GET', `/documents/${doc.id}/versions`), 200);
    expect(history.data.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await ok(oak.api('GET', `/documents/${doc.id}`), 200)).current).toMatchObject({ version: 2 });

    // The old version still downloads, with its own type and name.
    const link = await ok(oak.api('POST', `/documents/${doc.id}/link?version=1`), 200);
    const file = await follow(link.url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toContain('filename="houserules.pdf"');

    expect((await ok(oak.api('GET', '/documents/usage'), 200))).toMatchObject({ bytes: PDF.length + PNG.length, versions: 2, documents: 1 });
    expectProblem(await oak.api('DELETE', `/document-folders/${inner.id}`), 409, 'documents.folder_not_empty');
  });

  it('searches by title and tag, a page at a time', async () => {
    for (const title of ['Minutes March', 'Minutes April', 'Budget']) await ok(oak.api('POST', '/documents', { title, tags: title === 'Budget' ? ['money'] : ['minutes'] }));
    const titles = async (query: string) => (await ok(oak.api('GET', `/documents?${query}`), 200)).data.map((d: { title: string }) => d.title);
    expect(await titles('q=minutes')).toEqual(['Minutes April', 'Minutes March']);
    expect(await titles('q=mone')).toEqual(['Budget']);
    expect(await titles('tag=money')).toEqual(['Budget']);
    const page = await ok(oak.api('GET', '/documents?q=minutes&limit=1'), 200);
    expect(page.data).toHaveLength(1);
    expect((await ok(oak.api('GET', `/documents?q=minutes&limit=1&cursor=${page.nextCursor}`), 200)).data[0].title).toBe('Minutes March');
  });

  it('refuses a file of a kind not accepted, leaving no version and no object behind', async () => {
    const doc = await ok(oak.api('POST', '/documents', { title: 'Installer' }));
    const before = await stored();
    expectProblem(await upload(doc.id, EXE, 'setup.pdf'), 415, 'documents.type_not_allowed');
    expectProblem(await upload(doc.id, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 1)]), 'archive.zip'), 415, 'documents.type_not_allowed');
    expectProblem(await upload(doc.id, Buffer.alloc(0)), 422, 'documents.empty_file');
    expect((await ok(oak.api('GET', `/documents/${doc.id}/versions`), 200)).data).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('refuses an upload to a document that does not exist, keeping nothing', async () => {
    const before = await stored();
    expectProblem(await upload('01a20000-0000-7000-8000-000000000000', PDF), 404, 'not_found');
    expect(await stored()).toEqual(before);
  });

  it('leaves nothing behind of an upload whose body fails half-way', async () => {
    const doc = await ok(oak.api('POST', '/documents', { title: 'Cut off' }));
    const before = await stored();
    async function* broken() {
      yield Buffer.alloc(64 * 1024, 'a');
      // Dropped only once the server is writing the file aside, so the clean-up is what is tested.
      await expect.poll(async () => (await stored()).length, { timeout: 5000 }).toBeGreaterThan(before.length);
      throw new Error('the connection dropped');
    }
    await upload(doc.id, Readable.from(broken()), 'cut.txt').catch(() => undefined);
    // The client gave up first: the server's clean-up follows once it sees the body fail.
    await expect.poll(stored, { timeout: 5000 }).toEqual(before);
    expect((await ok(oak.api('GET', `/documents/${doc.id}/versions`), 200)).data).toEqual([]);
  });

  it('answers a retried upload (same Idempotency-Key) with the first version, keeping one object', async () => {
    const doc = await ok(oak.api('POST', '/documents', { title: 'Retried' }));
    const before = await stored();
    const send = () => t.call('POST', `/api/v1/documents/${doc.id}/versions`, { token: oak.token, tenant: 'oak', body: PDF, headers: { 'content-type': 'application/pdf', 'x-file-name': 'retry.pdf', 'idempotency-key': `retry-${doc.id}` } });
    const first = await ok(send());
    expect(await ok(send())).toEqual(first);
    expect((await ok(oak.api('GET', `/documents/${doc.id}/versions`), 200)).data).toHaveLength(1);
    expect((await stored()).filter((name) => !before.includes(name))).toHaveLength(1);
  });

  it("refuses an upload past the plan's storage limit, keeping nothing", async () => {
    const operator = await t.platformToken();
    const plan = await t.call('POST', '/control/v1/plans', {
      token: operator,
      body: { key: 'tiny-storage', name: 'Tiny storage', modules: ['members', 'properties', 'occupancy', 'documents'], limits: { members: null, users: null, storageMb: 1 }, price: { amountMinor: 0, currency: 'EUR', interval: 'month' } },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const yew = await t.createTenant('yew', { plan: 'tiny-storage' });
    const as = { token: yew.token, tenant: 'yew' };
    const doc = (await t.call('POST', '/api/v1/documents', { ...as, body: { title: 'Too much' } })).json();
    const big = Buffer.alloc(1_100_000, 'b');
    expectProblem(await t.call('POST', `/api/v1/documents/${doc.id}/versions`, { ...as, body: big, headers: { 'content-type': 'text/plain', 'x-file-name': 'big.txt' } }), 403, 'plan_limit_reached');
    expect(await readdir(join(t.config.dataDir, 'files', 'tenants', yew.id, 'documents')).catch(() => [])).toEqual([]);
    expect((await t.call('GET', '/api/v1/documents/usage', as)).json()).toMatchObject({ bytes: 0, limitBytes: 1_048_576 });
  });

  it('streams a large upload to storage (50 MB from a generator)', async () => {
    const doc = await ok(oak.api('POST', '/documents', { title: 'Big scan' }));
    const chunk = Buffer.alloc(1 << 20, 'a');
    const hash = createHash('sha256');
    async function* body() {
      for (let i = 0; i < 50; i++) {
        hash.update(chunk);
        yield chunk;
      }
    }
    const version = await ok(upload(doc.id, Readable.from(body()), 'big.txt'));
    expect(version).toMatchObject({ size: 50 << 20, contentType: 'text/plain', sha256: hash.digest('hex') });
  }, 60_000);
});

describe('who sees a document', () => {
  it('shows a document shared with a unit to its member only; anyone else gets 404', async () => {
    const doc = await ok(oak.api('POST', '/documents', { title: 'Unit A boiler manual', audience: `unit:${unitA}` }));
    await ok(upload(doc.id, PDF, 'boiler.pdf'));
    const staffOnly = await ok(oak.api('POST', '/documents', { title: 'Staff rota' }));
    const owners = await ok(oak.api('POST', '/documents', { title: 'Owners meeting', audience: 'owners' }));
    const property = await ok(oak.api('POST', '/documents', { title: 'Estate notice', audience: `property:${oak.propertyId}` }));
    const listed = async (token: string) => (await ok(t.call('GET', '/api/v1/documents', { token, tenant: 'oak' }), 200)).data.map((d: { id: string }) => d.id);
    expect((await listed(annToken)).sort()).toEqual([doc.id, owners.id, property.id].sort());
    expect(await listed(benToken)).toEqual([property.id]);

    const annLink = await ok(t.call('POST', `/api/v1/documents/${doc.id}/link`, { token: annToken, tenant: 'oak' }), 200);
    expect((await follow(annLink.url)).rawPayload.equals(PDF)).toBe(true);
    for (const [method, url] of [['GET', `/api/v1/documents/${doc.id}`], ['GET', `/api/v1/documents/${doc.id}/versions`], ['POST', `/api/v1/documents/${doc.id}/link`], ['GET', `/api/v1/documents/${staffOnly.id}`]] as const) {
      expectProblem(await t.call(method, url, { token: benToken, tenant: 'oak' }), 404, 'not_found');
    }
    expectProblem(await t.call('POST', '/api/v1/documents', { token: annToken, tenant: 'oak', body: { title: 'Mine' } }), 403, 'permission_denied');
    expectProblem(await oak.api('PATCH', `/documents/${doc.id}`, { audience: 'unit:01a20000-0000-7000-8000-000000000000' }), 400, 'validation_failed', 'audience');
    // Shared with Ben alone now: Ann no longer sees it.
    await ok(oak.api('PATCH', `/documents/${doc.id}`, { audience: `member:${benId}` }), 200);
    expect(await listed(annToken)).not.toContain(doc.id);
    expect(await listed(benToken)).toContain(doc.id);
  });
});

describe('download links', () => {
  it('refuses an altered link and an expired one, with their own codes', async () => {
    const doc = await ok(oak.api('POST', '/documents', { title: 'Insurance' }));
    await ok(upload(doc.id, PDF));
    const { url } = await ok(oak.api('POST', `/documents/${doc.id}/link`), 200);
    const [payload, mac] = url.split('/').pop().split('.');
    const bytes = Buffer.from(payload, 'base64url');
    bytes.writeUInt32BE(2, 16);
    const tampered = bytes.toString('base64url');
    expectProblem(await follow(`/document-files/${tampered}.${mac}`), 403, 'documents.link_invalid');
    expectProblem(await follow(`/document-files/${payload}.${mac.slice(1)}x`), 403, 'documents.link_invalid');
    // Another tenant's host does not serve it either.
    await estate(t, { slug: 'elm' });
    expectProblem(await t.call('GET', `/api/v1${url}`, { tenant: 'elm' }), 403, 'documents.link_invalid');
    clock += 6 * 60_000;
    try {
      expectProblem(await follow(url), 410, 'documents.link_expired');
    } finally {
      clock -= 6 * 60_000;
    }
    expect((await follow(url)).statusCode).toBe(200);
  });
});
