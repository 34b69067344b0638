import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from '../../../test/helpers.js';

let t: TestPlatform;
let oak: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
});
afterAll(() => t?.close());

const as = (tenant: TestTenant) => ({ token: tenant.token, tenant: tenant.slug });
const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, tenant: TestTenant = oak) => t.call(method, `/api/v1${url}`, { ...as(tenant), ...(body === undefined ? {} : { body }) });

async function ok(res: Promise<LightMyRequestResponse>, status = 201) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.statusCode === 204 ? null : r.json();
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string, fields?: string[]) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().code).toBe(code);
  if (fields) expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
  return res.json();
}

const newProperty = (body: Record<string, unknown> = {}, tenant = oak) => ok(api('POST', '/properties', { name: `Property ${randomUUID().slice(0, 8)}`, kind: 'residential', ...body }, tenant));
const newUnit = (propertyId: string, body: Record<string, unknown> = {}, tenant = oak) => ok(api('POST', `/properties/${propertyId}/units`, { label: `U-${randomUUID().slice(0, 6)}`, kind: 'apartment', ...body }, tenant));
const newMember = async (firstName: string, tenant = oak) => (await ok(api('POST', '/members', { firstName, lastName: 'Tester', type: 'owner' }, tenant))).id as string;
const attach = (unitId: string, memberId: string, role = 'owner', tenant = oak) =>
  ok(api('POST', `/units/${unitId}/occupants`, { memberId, role, startDate: '2025-01-01', ...(role === 'owner' ? { ownershipShare: '1' } : {}) }, tenant));

describe('properties', () => {
  it('creates, reads, changes and deletes a property with a structured address', async () => {
    const created = await newProperty({ name: 'Oak Estate', kind: 'mixed', address: { lines: ['1 Oak Road', 'Northside'], city: 'Leeds', region: 'West Yorkshire', postalCode: 'LS1 1AA', country: 'GB' }, notes: 'Built 1965' });
    expect(created).toMatchObject({
      name: 'Oak Estate',
      kind: 'mixed',
      parentId: null,
      address: { lines: ['1 Oak Road', 'Northside'], city: 'Leeds', region: 'West Yorkshire', postalCode: 'LS1 1AA', country: 'GB' },
      notes: 'Built 1965',
      archived: false,
      archivedAt: null,
      shares: { unitCount: 0, total: '0', balanced: false },
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ok(api('GET', `/properties/${created.id}`), 200)).toEqual(created);

    // Address fields given replace those fields; the others stay; null clears one.
    const moved = await ok(api('PATCH', `/properties/${created.id}`, { address: { postalCode: 'LS2 2BB', region: null }, kind: 'residential' }), 200);
    expect(moved.address).toEqual({ lines: ['1 Oak Road', 'Northside'], city: 'Leeds', region: null, postalCode: 'LS2 2BB', country: 'GB' });
    expect(moved.kind).toBe('residential');
    expect(new Date(moved.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.updatedAt).getTime());

    const bare = await newProperty({ name: 'Plot 9', kind: 'land' });
    expect(bare.address).toEqual({ lines: [], city: null, region: null, postalCode: null, country: null });

    expect(await ok(api('DELETE', `/properties/${created.id}`), 204)).toBeNull();
    expectProblem(await api('GET', `/properties/${created.id}`), 404, 'not_found');
    expectProblem(await api('DELETE', `/properties/${created.id}`), 404, 'not_found');
    expectProblem(await api('PATCH', `/properties/${created.id}`, { notes: 'x' }), 404, 'not_found');
  });

  it('refuses invalid properties with field errors and writes nothing', async () => {
    const before = (await ok(api('GET', '/properties?limit=200&includeArchived=true'), 200)).data.length;
    expectProblem(await api('POST', '/properties', { name: '', kind: 'castle', address: { country: 'gb', lines: [] , street: 'x' }, colour: 'red' }), 400, 'validation_failed', ['address.country', 'address.street', 'colour', 'kind', 'name']);
    const notIso = expectProblem(await api('POST', '/properties', { name: 'Nowhere', kind: 'land', address: { country: 'XX' } }), 400, 'validation_failed', ['address.country']);
    expect(notIso.errors[0].message).toMatch(/ISO 3166-1 alpha-2/);
    expectProblem(await api('POST', '/properties', { name: '   ', kind: 'land' }), 400, 'validation_failed', ['name']);
    expectProblem(await api('POST', '/properties', { kind: 'land' }), 400, 'validation_failed', ['name']);
    expect((await ok(api('GET', '/properties?limit=200&includeArchived=true'), 200)).data.length).toBe(before);

    const p = await newProperty();
    expectProblem(await api('PATCH', `/properties/${p.id}`, {}), 400, 'validation_failed');
    expectProblem(await api('PATCH', `/properties/${p.id}`, { shares: { total: '1' } }), 400, 'validation_failed', ['shares']);
    const badId = expectProblem(await api('GET', '/properties/not-a-uuid'), 400, 'validation_failed', ['id']);
    expect(badId.errors[0].in).toBe('params');
    expectProblem(await api('GET', '/properties?cursor=garbage'), 400, 'invalid_cursor');
    expectProblem(await api('GET', '/properties?parentId=nope'), 400, 'validation_failed', ['parentId']);
  });

  it('refuses bodies that are not JSON', async () => {
    const res = await t.call('POST', '/api/v1/properties', { ...as(oak), body: 'name,kind\nX,land\n', headers: { 'content-type': 'text/csv' } });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('keeps property names unique among siblings, ignoring case', async () => {
    const elm = await newProperty({ name: 'Elm Court' });
    const dup = expectProblem(await api('POST', '/properties', { name: 'ELM COURT', kind: 'commercial' }), 409, 'already_exists', ['name']);
    expect(dup.detail).toBe('A top-level property named "ELM COURT" already exists');

    const ash = await newProperty({ name: 'Ash Park' });
    const blockA = await newProperty({ name: 'Block A', parentId: elm.id });
    await newProperty({ name: 'Block A', parentId: ash.id });
    const sibling = expectProblem(await api('POST', '/properties', { name: 'block a', kind: 'residential', parentId: elm.id }), 409, 'already_exists', ['name']);
    expect(sibling.detail).toMatch(/already exists under the same parent/);
    // A block may share its name with a top-level property.
    await newProperty({ name: 'Elm Court', parentId: ash.id });

    const blockB = await newProperty({ name: 'Block B', parentId: elm.id });
    expectProblem(await api('PATCH', `/properties/${blockB.id}`, { name: 'BLOCK A' }), 409, 'already_exists', ['name']);
    // Moving it where the name is taken is refused the same way.
    expectProblem(await api('PATCH', `/properties/${blockA.id}`, { parentId: ash.id }), 409, 'already_exists', ['name']);
    expect((await ok(api('GET', `/properties/${blockA.id}`), 200)).parentId).toBe(elm.id);
  });

  it('nests blocks inside estates and refuses to make a property its own ancestor', async () => {
    const estate = await newProperty({ name: 'Birch Estate' });
    const block = await newProperty({ name: 'Birch Block 1', parentId: estate.id });
    const wing = await newProperty({ name: 'Birch Wing West', parentId: block.id });
    expect(block.parentId).toBe(estate.id);

    const cycle = expectProblem(await api('PATCH', `/properties/${estate.id}`, { parentId: wing.id }), 400, 'validation_failed', ['parentId']);
    expect(cycle.detail).toBe('"Birch Wing West" is inside "Birch Estate": a property cannot be its own ancestor');
    expectProblem(await api('PATCH', `/properties/${block.id}`, { parentId: wing.id }), 400, 'validation_failed', ['parentId']);
    const self = expectProblem(await api('PATCH', `/properties/${estate.id}`, { parentId: estate.id }), 400, 'validation_failed', ['parentId']);
    expect(self.detail).toBe('A property cannot be its own parent');
    expectProblem(await api('PATCH', `/properties/${block.id}`, { parentId: randomUUID() }), 404, 'not_found', ['parentId']);
    expectProblem(await api('POST', '/properties', { name: 'Orphan', kind: 'land', parentId: randomUUID() }), 404, 'not_found', ['parentId']);
    expect((await ok(api('GET', `/properties/${estate.id}`), 200)).parentId).toBeNull();

    const children = await ok(api('GET', `/properties?parentId=${estate.id}`), 200);
    expect(children.data.map((p: { name: string }) => p.name)).toEqual(['Birch Block 1']);
    // The wing moves up to the top level, then back under the estate.
    expect((await ok(api('PATCH', `/properties/${wing.id}`, { parentId: null }), 200)).parentId).toBeNull();
    const topLevel = await ok(api('GET', '/properties?topLevel=true&q=birch'), 200);
    expect(topLevel.data.map((p: { name: string }) => p.name)).toEqual(['Birch Estate', 'Birch Wing West']);
    expect((await ok(api('PATCH', `/properties/${wing.id}`, { parentId: estate.id }), 200)).parentId).toBe(estate.id);
    const nested = await ok(api('GET', '/properties?topLevel=false&q=birch'), 200);
    expect(nested.data.map((p: { name: string }) => p.name)).toEqual(['Birch Block 1', 'Birch Wing West']);
  });

  it('pages through properties by name and filters them by kind', async () => {
    const elm = await t.createTenant('elm-props');
    const names = ['Zinnia', 'Yarrow', 'Xylem', 'Willow', 'Violet', 'Umber', 'Tansy'];
    for (const [i, name] of names.entries()) await newProperty({ name, kind: i % 2 ? 'commercial' : 'residential' }, elm);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { data: { name: string }[]; nextCursor: string | null } = await ok(api('GET', `/properties?limit=3${cursor ? `&cursor=${cursor}` : ''}`, undefined, elm), 200);
      seen.push(...page.data.map((p) => p.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].sort());
    const commercial = await ok(api('GET', '/properties?kind=commercial', undefined, elm), 200);
    expect(commercial.data.map((p: { name: string }) => p.name)).toEqual(['Umber', 'Willow', 'Yarrow']);
    expect((await ok(api('GET', '/properties?q=%25', undefined, elm), 200)).data).toEqual([]);
    expect((await ok(api('GET', '/properties?q=ILL', undefined, elm), 200)).data.map((p: { name: string }) => p.name)).toEqual(['Willow']);
  });
});

describe('units', () => {
  it('creates, reads, changes and deletes a unit, with exact decimals', async () => {
    const p = await newProperty({ name: 'Cedar House' });
    const unit = await newUnit(p.id, { label: 'A-101', kind: 'apartment', floor: -1, area: 72.5, bedrooms: 2, participationShare: '0.125', amenities: ['balcony', ' lift ', 'balcony'], notes: 'Corner flat' });
    expect(unit).toMatchObject({
      propertyId: p.id,
      label: 'A-101',
      kind: 'apartment',
      floor: -1,
      area: 72.5,
      bedrooms: 2,
      participationShare: '0.125',
      participationPerMille: 125,
      amenities: ['balcony', 'lift'],
      unavailable: false,
      status: 'vacant',
      notes: 'Corner flat',
      archived: false,
      archivedAt: null,
      propertyShares: { unitCount: 1, total: '0.125', balanced: false },
    });
    expect(await ok(api('GET', `/units/${unit.id}`), 200)).toEqual(unit);

    const perMille = await ok(api('PATCH', `/units/${unit.id}`, { participationPerMille: 333.333333, area: 80.05, floor: null }), 200);
    expect(perMille).toMatchObject({ participationShare: '0.333333333', participationPerMille: 333.333333, area: 80.05, floor: null, label: 'A-101' });
    const number = await ok(api('PATCH', `/units/${unit.id}`, { participationShare: 0.25 }), 200);
    expect(number).toMatchObject({ participationShare: '0.25', participationPerMille: 250 });
    const whole = await ok(api('PATCH', `/units/${unit.id}`, { participationShare: '1.000' }), 200);
    expect(whole).toMatchObject({ participationShare: '1', participationPerMille: 1000, propertyShares: { unitCount: 1, total: '1', balanced: true } });
    const cleared = await ok(api('PATCH', `/units/${unit.id}`, { participationShare: null }), 200);
    expect(cleared).toMatchObject({ participationShare: null, participationPerMille: null, propertyShares: { unitCount: 0, total: '0', balanced: false } });

    expect(await ok(api('DELETE', `/units/${unit.id}`), 204)).toBeNull();
    expectProblem(await api('GET', `/units/${unit.id}`), 404, 'not_found');
    expectProblem(await api('DELETE', `/units/${unit.id}`), 404, 'not_found');
    expectProblem(await api('POST', `/properties/${randomUUID()}/units`, { label: 'X', kind: 'shop' }), 404, 'not_found');
  });

  it('refuses invalid units with field errors', async () => {
    const p = await newProperty();
    const post = (body: Record<string, unknown>) => api('POST', `/properties/${p.id}/units`, { label: 'V-1', kind: 'apartment', ...body });
    expectProblem(await post({ label: '', kind: 'castle', floor: 1.5, bedrooms: -1, amenities: [''], extra: true }), 400, 'validation_failed', ['amenities.0', 'bedrooms', 'extra', 'floor', 'kind', 'label']);
    expectProblem(await post({ area: 72.555 }), 400, 'validation_failed', ['area']);
    expectProblem(await post({ area: 0 }), 400, 'validation_failed', ['area']);
    expectProblem(await post({ participationShare: '1.5' }), 400, 'validation_failed', ['participationShare']);
    expectProblem(await post({ participationShare: 1.5 }), 400, 'validation_failed', ['participationShare']);
    expectProblem(await post({ participationShare: 0.1234567891 }), 400, 'validation_failed', ['participationShare']);
    expectProblem(await post({ participationShare: '0.1234567891' }), 400, 'validation_failed', ['participationShare']);
    expectProblem(await post({ participationShare: 'a third' }), 400, 'validation_failed', ['participationShare']);
    expectProblem(await post({ participationPerMille: 1001 }), 400, 'validation_failed', ['participationPerMille']);
    expectProblem(await post({ participationPerMille: 1.0000001 }), 400, 'validation_failed', ['participationPerMille']);
    const both = expectProblem(await post({ participationShare: '0.5', participationPerMille: 500 }), 400, 'validation_failed', ['participationPerMille']);
    expect(both.errors[0].message).toMatch(/not.*together|one of them/);
    expect((await ok(api('GET', `/properties/${p.id}/units`), 200)).data).toEqual([]);
  });

  it('keeps the status read-only: it is derived, never typed in', async () => {
    const p = await newProperty();
    const created = expectProblem(await api('POST', `/properties/${p.id}/units`, { label: 'S-1', kind: 'shop', status: 'occupied' }), 400, 'validation_failed', ['status']);
    expect(created.errors[0].message).toMatch(/read-only/);
    const unit = await newUnit(p.id, { label: 'S-1', kind: 'shop' });
    expectProblem(await api('PATCH', `/units/${unit.id}`, { status: 'occupied' }), 400, 'validation_failed', ['status']);
    expectProblem(await api('PATCH', `/units/${unit.id}`, { status: 'vacant', notes: 'x' }), 400, 'validation_failed', ['status']);
    expect((await ok(api('GET', `/units/${unit.id}`), 200)).status).toBe('vacant');

    // Taking a unit off the market by hand is what sets it unavailable.
    expect((await ok(api('PATCH', `/units/${unit.id}`, { unavailable: true }), 200)).status).toBe('unavailable');
    expect((await ok(api('PATCH', `/units/${unit.id}`, { unavailable: false }), 200)).status).toBe('vacant');
  });

  it('keeps labels unique within a property, ignoring case', async () => {
    const p = await newProperty();
    const q = await newProperty();
    await newUnit(p.id, { label: 'A-101' });
    const dup = expectProblem(await api('POST', `/properties/${p.id}/units`, { label: 'a-101', kind: 'apartment' }), 409, 'already_exists', ['label']);
    expect(dup.detail).toBe('The property already has a unit labelled "a-101"');
    await newUnit(q.id, { label: 'A-101' });
    const other = await newUnit(p.id, { label: 'A-102' });
    expectProblem(await api('PATCH', `/units/${other.id}`, { label: 'A-101' }), 409, 'already_exists', ['label']);
    expect((await ok(api('PATCH', `/units/${other.id}`, { label: 'a-102' }), 200)).label).toBe('a-102');
  });

  it("sums a property's participation shares exactly and says when they do not make 1", async () => {
    const p = await newProperty({ name: 'Thirds House' });
    const [a, b] = [await newUnit(p.id, { participationShare: '0.333333333' }), await newUnit(p.id, { participationShare: 0.333333333 })];
    const c = await newUnit(p.id, { participationShare: '0.333333334' });
    expect(c.propertyShares).toEqual({ unitCount: 3, total: '1', balanced: true });
    await newUnit(p.id, { label: 'Bike store', kind: 'storage' });
    expect((await ok(api('GET', `/properties/${p.id}`), 200)).shares).toEqual({ unitCount: 3, total: '1', balanced: true });

    // A write that leaves the total above 1 succeeds (shares are re-allocated unit by unit), and says so.
    const extra = await newUnit(p.id, { participationPerMille: 50 });
    expect(extra.propertyShares).toEqual({ unitCount: 4, total: '1.05', balanced: false });
    expect((await ok(api('GET', `/properties/${p.id}`), 200)).shares).toEqual({ unitCount: 4, total: '1.05', balanced: false });
    const lowered = await ok(api('PATCH', `/units/${a.id}`, { participationShare: '0.283333333' }), 200);
    expect(lowered.propertyShares).toEqual({ unitCount: 4, total: '1', balanced: true });
    const below = await ok(api('PATCH', `/units/${b.id}`, { participationPerMille: 300 }), 200);
    expect(below.propertyShares).toEqual({ unitCount: 4, total: '0.966666667', balanced: false });

    // Archived units do not count.
    await ok(api('PATCH', `/units/${extra.id}`, { archived: true }), 200);
    expect((await ok(api('GET', `/properties/${p.id}`), 200)).shares).toEqual({ unitCount: 3, total: '0.916666667', balanced: false });
  });

  it('lists units by label with filters, a search and cursor paging', async () => {
    const elm = await t.createTenant('elm-units');
    const p = await newProperty({ name: 'Lime House' }, elm);
    const q = await newProperty({ name: 'Pine House' }, elm);
    const labels = ['B-2', 'A-10', 'A-1', 'P-1', 'C-3', 'A-2', 'S_1'];
    const ids: Record<string, string> = {};
    for (const label of labels) {
      const kind = label.startsWith('P') ? 'parking' : label.startsWith('S') ? 'storage' : 'apartment';
      ids[label] = (await newUnit(p.id, { label, kind, unavailable: label === 'C-3' }, elm)).id;
    }
    ids['Q-1'] = (await newUnit(q.id, { label: 'Q-1' }, elm)).id;

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { data: { label: string }[]; nextCursor: string | null } = await ok(api('GET', `/units?propertyId=${p.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, undefined, elm), 200);
      seen.push(...page.data.map((u) => u.label));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(labels.length);
    // Label order is the database's collation; what matters is that paging neither skips nor repeats.
    expect(new Set(seen)).toEqual(new Set(labels));
    const all = (await ok(api('GET', `/units?propertyId=${p.id}&limit=200`, undefined, elm), 200)).data.map((u: { label: string }) => u.label);
    expect(seen).toEqual(all);

    const labelsOf = async (query: string, tenant = elm) => (await ok(api('GET', `/units?${query}`, undefined, tenant), 200)).data.map((u: { label: string }) => u.label).sort();
    expect(await labelsOf('q=a-1')).toEqual(['A-1', 'A-10']);
    expect(await labelsOf('q=s_')).toEqual(['S_1']);
    expect(await labelsOf('q=%25')).toEqual([]);
    expect(await labelsOf('kind=parking')).toEqual(['P-1']);
    expect(await labelsOf('status=unavailable')).toEqual(['C-3']);
    expect(await labelsOf('status=vacant&kind=apartment&q=a')).toEqual(['A-1', 'A-10', 'A-2']);
    expect(await labelsOf(`propertyId=${q.id}`)).toEqual(['Q-1']);
    expect((await labelsOf('limit=200')).length).toBe(8);
    expect((await ok(api('GET', `/properties/${p.id}/units?kind=storage`, undefined, elm), 200)).data.map((u: { id: string }) => u.id)).toEqual([ids['S_1']]);
    expectProblem(await api('GET', `/properties/${randomUUID()}/units`, undefined, elm), 404, 'not_found');
    expectProblem(await api('GET', '/units?status=haunted', undefined, elm), 400, 'validation_failed', ['status']);
    expectProblem(await api('GET', '/units?cursor=garbage', undefined, elm), 400, 'invalid_cursor');

    // Archived units are hidden from lists unless asked for, and still readable by id.
    await ok(api('PATCH', `/units/${ids['A-2']}`, { archived: true }, elm), 200);
    expect(await labelsOf(`propertyId=${p.id}&q=a-`)).toEqual(['A-1', 'A-10']);
    expect(await labelsOf(`propertyId=${p.id}&q=a-&includeArchived=true`)).toEqual(['A-1', 'A-10', 'A-2']);
    expect((await ok(api('GET', `/units/${ids['A-2']}`, undefined, elm), 200)).archived).toBe(true);
  });
});

describe('archiving and removing', () => {
  it('archives and restores a unit', async () => {
    const p = await newProperty();
    const unit = await newUnit(p.id);
    const archived = await ok(api('PATCH', `/units/${unit.id}`, { archived: true }), 200);
    expect(archived.archived).toBe(true);
    expect(new Date(archived.archivedAt).getTime()).toBeGreaterThan(0);
    // Archiving again keeps the first date.
    expect((await ok(api('PATCH', `/units/${unit.id}`, { archived: true, notes: 'Merged into A-2' }), 200)).archivedAt).toBe(archived.archivedAt);
    const restored = await ok(api('PATCH', `/units/${unit.id}`, { archived: false }), 200);
    expect(restored).toMatchObject({ archived: false, archivedAt: null, notes: 'Merged into A-2' });
  });

  it('archives a property together with what is in it, and restores them together', async () => {
    const estate = await newProperty({ name: 'Hazel Estate' });
    const block = await newProperty({ name: 'Hazel Block', parentId: estate.id });
    const [u1, u2] = [await newUnit(block.id), await newUnit(block.id)];
    const own = await newUnit(estate.id);
    // Archived before the estate: stays archived when the estate comes back.
    await ok(api('PATCH', `/units/${u2.id}`, { archived: true }), 200);

    const archived = await ok(api('PATCH', `/properties/${estate.id}`, { archived: true }), 200);
    expect(archived.archived).toBe(true);
    for (const id of [u1.id, own.id]) expect((await ok(api('GET', `/units/${id}`), 200)).archived).toBe(true);
    expect((await ok(api('GET', `/properties/${block.id}`), 200)).archived).toBe(true);
    expect((await ok(api('GET', '/properties?q=hazel'), 200)).data).toEqual([]);
    expect((await ok(api('GET', '/properties?q=hazel&includeArchived=true'), 200)).data).toHaveLength(2);

    // Nothing is added to, or restored inside, an archived property.
    expectProblem(await api('POST', `/properties/${block.id}/units`, { label: 'New', kind: 'apartment' }), 409, 'properties.property_archived');
    expectProblem(await api('POST', '/properties', { name: 'Hazel Annex', kind: 'residential', parentId: estate.id }), 409, 'properties.parent_archived');
    expectProblem(await api('PATCH', `/units/${u1.id}`, { archived: false }), 409, 'properties.property_archived');
    expectProblem(await api('PATCH', `/properties/${block.id}`, { archived: false }), 409, 'properties.parent_archived');

    await ok(api('PATCH', `/properties/${estate.id}`, { archived: false }), 200);
    expect((await ok(api('GET', `/properties/${block.id}`), 200)).archived).toBe(false);
    expect((await ok(api('GET', `/units/${u1.id}`), 200)).archived).toBe(false);
    expect((await ok(api('GET', `/units/${own.id}`), 200)).archived).toBe(false);
    expect((await ok(api('GET', `/units/${u2.id}`), 200)).archived).toBe(true);
  });

  it('refuses to delete a property that holds units or properties, and offers archiving', async () => {
    const estate = await newProperty({ name: 'Rowan Estate' });
    const block = await newProperty({ name: 'Rowan Block', parentId: estate.id });
    const unit = await newUnit(block.id);
    const withChild = expectProblem(await api('DELETE', `/properties/${estate.id}`), 409, 'properties.has_dependents');
    expect(withChild.detail).toBe('The property has 1 property under it; delete those first, or archive it instead (PATCH {"archived": true})');
    const withUnit = expectProblem(await api('DELETE', `/properties/${block.id}`), 409, 'properties.has_dependents');
    expect(withUnit.detail).toMatch(/has 1 unit;.*archive it instead \(PATCH \{"archived": true\}\)/);
    // Archived units count too: they are history.
    await ok(api('PATCH', `/units/${unit.id}`, { archived: true }), 200);
    expectProblem(await api('DELETE', `/properties/${block.id}`), 409, 'properties.has_dependents');

    await ok(api('DELETE', `/units/${unit.id}`), 204);
    await ok(api('DELETE', `/properties/${block.id}`), 204);
    await ok(api('DELETE', `/properties/${estate.id}`), 204);
  });

  it('refuses to delete a unit with occupancy history, and offers archiving', async () => {
    const p = await newProperty();
    const unit = await newUnit(p.id);
    await attach(unit.id, await newMember('Hester'));
    const refused = expectProblem(await api('DELETE', `/units/${unit.id}`), 409, 'properties.unit_has_history');
    expect(refused.detail).toBe('The unit has occupancy or lease history; archive it instead (PATCH {"archived": true})');
    expect((await ok(api('GET', `/units/${unit.id}`), 200)).archived).toBe(false);
    expect((await ok(api('PATCH', `/units/${unit.id}`, { archived: true }), 200)).archived).toBe(true);
    expectProblem(await api('DELETE', `/properties/${p.id}`), 409, 'properties.has_dependents');
  });
});

describe('the vacancy report', () => {
  it('counts units by status per property with totals, as JSON and CSV', async () => {
    const ivy = await t.createTenant('ivy');
    const north = await newProperty({ name: 'North Block' }, ivy);
    const south = await newProperty({ name: 'South Block' }, ivy);
    await newProperty({ name: 'Empty Lot', kind: 'land' }, ivy);
    for (let i = 0; i < 3; i++) await newUnit(north.id, { label: `N-${i}` }, ivy);
    await newUnit(north.id, { label: 'N-off', unavailable: true }, ivy);
    const gone = await newUnit(north.id, { label: 'N-gone' }, ivy);
    await ok(api('PATCH', `/units/${gone.id}`, { archived: true }, ivy), 200);
    await newUnit(south.id, { label: 'S-1', unavailable: true }, ivy);

    const report = await ok(api('GET', '/reports/vacancy', undefined, ivy), 200);
    expect(report).toEqual({
      properties: [
        { propertyId: north.id, propertyName: 'North Block', parentId: null, units: 4, vacant: 3, occupied: 0, ownerOccupied: 0, unavailable: 1, vacancyRate: 1 },
        { propertyId: south.id, propertyName: 'South Block', parentId: null, units: 1, vacant: 0, occupied: 0, ownerOccupied: 0, unavailable: 1, vacancyRate: null },
      ],
      totals: { units: 5, vacant: 3, occupied: 0, ownerOccupied: 0, unavailable: 2, vacancyRate: 1 },
    });

    const csv = await api('GET', '/reports/vacancy?format=csv', undefined, ivy);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="vacancy-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.body.trim().split('\r\n')).toEqual([
      'property_id,property,units,vacant,occupied,owner_occupied,unavailable,vacancy_rate',
      `${north.id},North Block,4,3,0,0,1,1`,
      `${south.id},South Block,1,0,0,0,1,`,
      ',Total,5,3,0,0,2,1',
    ]);

    const empty = await t.createTenant('ivy-empty');
    expect(await ok(api('GET', '/reports/vacancy', undefined, empty), 200)).toEqual({ properties: [], totals: { units: 0, vacant: 0, occupied: 0, ownerOccupied: 0, unavailable: 0, vacancyRate: null } });
  });

  it('counts occupied and owner-occupied units and rounds the rate', async () => {
    const yew = await t.createTenant('yew');
    const p = await newProperty({ name: 'Yew Court' }, yew);
    const [a, b] = [await newUnit(p.id, { label: 'Y-1' }, yew), await newUnit(p.id, { label: 'Y-2' }, yew)];
    await newUnit(p.id, { label: 'Y-3' }, yew);
    const owner = await newMember('Olive', yew);
    await attach(a.id, owner, 'owner', yew);
    await attach(a.id, owner, 'resident', yew);
    await attach(b.id, await newMember('Rex', yew), 'resident', yew);
    const report = await ok(api('GET', '/reports/vacancy', undefined, yew), 200);
    expect(report.totals).toEqual({ units: 3, vacant: 1, occupied: 1, ownerOccupied: 1, unavailable: 0, vacancyRate: 0.3333 });
  });
});

describe('events', () => {
  it('records property and unit events in the outbox', async () => {
    const fir = await t.createTenant('fir-props');
    const p = await newProperty({ name: 'Fir House' }, fir);
    await ok(api('PATCH', `/properties/${p.id}`, { notes: 'Listed' }, fir), 200);
    const u = await newUnit(p.id, { label: 'F-1' }, fir);
    await ok(api('PATCH', `/units/${u.id}`, { unavailable: true }, fir), 200);
    await ok(api('PATCH', `/units/${u.id}`, { archived: true }, fir), 200);
    await ok(api('DELETE', `/units/${u.id}`, undefined, fir), 204);
    await ok(api('PATCH', `/properties/${p.id}`, { archived: true }, fir), 200);
    await ok(api('DELETE', `/properties/${p.id}`, undefined, fir), 204);

    const events = await t.platform.router.tenantTransaction({ id: fir.id, placement: 'pooled', databaseName: null }, (db) =>
      db.selectFrom('outbox').select(['type', 'data']).where('type', 'like', '%.%').orderBy('occurred_at').orderBy('id').execute(),
    );
    const ours = events.filter((e: { type: string }) => e.type.startsWith('property.') || e.type.startsWith('unit.'));
    expect(ours.map((e: { type: string }) => e.type)).toEqual([
      'property.created', 'property.updated', 'unit.created', 'unit.updated', 'unit.status_changed', 'unit.archived', 'unit.deleted', 'property.archived', 'property.deleted',
    ]);
    const data = (type: string) => {
      const d = ours.find((e: { type: string }) => e.type === type)!.data;
      return typeof d === 'string' ? JSON.parse(d) : d;
    };
    expect(data('property.updated')).toMatchObject({ id: p.id, notes: 'Listed', changed: ['notes'] });
    expect(data('unit.status_changed')).toEqual({ id: u.id, propertyId: p.id, status: 'unavailable', previousStatus: 'vacant' });
    expect(data('unit.deleted')).toEqual({ id: u.id, propertyId: p.id });
    expect(data('property.archived')).toMatchObject({ id: p.id, archived: true, archivedWithIt: { properties: 0, units: 0 } });
  });
});

describe('a portal member', () => {
  it('sees only the units they are attached to and the properties holding them, and 404 for the rest', async () => {
    const pine = await t.createTenant('pine');
    const estate = await newProperty({ name: 'Pine Estate' }, pine);
    const mine = await newProperty({ name: 'Pine Block Mine', parentId: estate.id }, pine);
    const theirs = await newProperty({ name: 'Pine Block Theirs', parentId: estate.id }, pine);
    const elsewhere = await newProperty({ name: 'Elsewhere' }, pine);
    const home = await newUnit(mine.id, { label: 'M-1', participationShare: '0.5' }, pine);
    const neighbour = await newUnit(mine.id, { label: 'M-2', participationShare: '0.5' }, pine);
    const far = await newUnit(theirs.id, { label: 'T-1' }, pine);
    const memberId = await newMember('Portia', pine);
    await attach(home.id, memberId, 'owner', pine);
    await attach(far.id, await newMember('Nemo', pine), 'owner', pine);
    await ok(api('POST', '/users', { email: 'portia@pine.test', name: 'Portia', password: TENANT_PASSWORD, roles: ['member'], memberId }, pine));
    const portal = { ...pine, token: (await t.login('pine', 'portia@pine.test')).accessToken };

    const units = await ok(api('GET', '/units', undefined, portal), 200);
    expect(units.data.map((u: { id: string }) => u.id)).toEqual([home.id]);
    expect((await ok(api('GET', `/units/${home.id}`, undefined, portal), 200)).label).toBe('M-1');
    const properties = await ok(api('GET', '/properties', undefined, portal), 200);
    expect(properties.data.map((p: { name: string }) => p.name).sort()).toEqual(['Pine Block Mine', 'Pine Estate']);
    expect((await ok(api('GET', `/properties/${estate.id}`, undefined, portal), 200)).name).toBe('Pine Estate');
    expect((await ok(api('GET', `/properties/${mine.id}/units`, undefined, portal), 200)).data.map((u: { id: string }) => u.id)).toEqual([home.id]);
    expect((await ok(api('GET', `/properties/${estate.id}/units`, undefined, portal), 200)).data).toEqual([]);
    expect((await ok(api('GET', `/units?propertyId=${theirs.id}`, undefined, portal), 200)).data).toEqual([]);

    for (const url of [`/units/${neighbour.id}`, `/units/${far.id}`, `/properties/${theirs.id}`, `/properties/${elsewhere.id}`, `/properties/${theirs.id}/units`, `/properties/${elsewhere.id}/units`]) {
      const res = await api('GET', url, undefined, portal);
      expectProblem(res, 404, 'not_found');
      expect(res.body).not.toMatch(/Theirs|Elsewhere|M-2|T-1/);
    }
    for (const [method, url] of [['GET', '/reports/vacancy'], ['POST', '/properties'], ['PATCH', `/units/${home.id}`], ['DELETE', `/units/${home.id}`]] as const) {
      expectProblem(await api(method, url, method === 'GET' || method === 'DELETE' ? undefined : { notes: 'x' }, portal), 403, 'permission_denied');
    }
    const importRes = await t.call('POST', '/api/v1/properties/import', { ...as(portal), body: 'property\nX\n', headers: { 'content-type': 'text/csv' } });
    expectProblem(importRes, 403, 'permission_denied');
  });
});
