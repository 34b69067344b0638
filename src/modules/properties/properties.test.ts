import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, ok, type Estate } from '../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../test/helpers.js';

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
});
afterAll(() => t?.close());

describe('properties', () => {
  it('creates, reads, changes and deletes a property with a structured address', async () => {
    const created = await oak.newProperty({ name: 'Oak Estate', kind: 'mixed', address: { lines: ['1 Oak Road', 'Northside'], city: 'Leeds', region: 'West Yorkshire', postalCode: 'LS1 1AA', country: 'GB' }, notes: 'Built 1965' });
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
    expect(await ok(oak.api('GET', `/properties/${created.id}`), 200)).toEqual(created);

    // Address fields given replace those fields; the others stay; null clears one.
    const moved = await ok(oak.api('PATCH', `/properties/${created.id}`, { address: { postalCode: 'LS2 2BB', region: null }, kind: 'residential' }), 200);
    expect(moved.address).toEqual({ lines: ['1 Oak Road', 'Northside'], city: 'Leeds', region: null, postalCode: 'LS2 2BB', country: 'GB' });
    expect(moved.kind).toBe('residential');
    expect(new Date(moved.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.updatedAt).getTime());

    const bare = await oak.newProperty({ name: 'Plot 9', kind: 'land' });
    expect(bare.address).toEqual({ lines: [], city: null, region: null, postalCode: null, country: null });

    expect(await ok(oak.api('DELETE', `/properties/${created.id}`), 204)).toBeNull();
    expectProblem(await oak.api('GET', `/properties/${created.id}`), 404, 'not_found');
    expectProblem(await oak.api('DELETE', `/properties/${created.id}`), 404, 'not_found');
    expectProblem(await oak.api('PATCH', `/properties/${created.id}`, { notes: 'x' }), 404, 'not_found');
  });

  it('refuses invalid properties with field errors and writes nothing', async () => {
    const before = (await ok(oak.api('GET', '/properties?limit=200&includeArchived=true'), 200)).data.length;
    expectProblem(await oak.api('POST', '/properties', { name: '', kind: 'castle', address: { country: 'gb', lines: [] , street: 'x' }, colour: 'red' }), 400, 'validation_failed', ['address.country', 'address.street', 'colour', 'kind', 'name']);
    const notIso = expectProblem(await oak.api('POST', '/properties', { name: 'Nowhere', kind: 'land', address: { country: 'XX' } }), 400, 'validation_failed', ['address.country']);
    expect(notIso.errors[0].message).toMatch(/ISO 3166-1 alpha-2/);
    expectProblem(await oak.api('POST', '/properties', { name: '   ', kind: 'land' }), 400, 'validation_failed', ['name']);
    expectProblem(await oak.api('POST', '/properties', { kind: 'land' }), 400, 'validation_failed', ['name']);
    expect((await ok(oak.api('GET', '/properties?limit=200&includeArchived=true'), 200)).data.length).toBe(before);

    const p = await oak.newProperty();
    expectProblem(await oak.api('PATCH', `/properties/${p.id}`, {}), 400, 'validation_failed');
    expectProblem(await oak.api('PATCH', `/properties/${p.id}`, { shares: { total: '1' } }), 400, 'validation_failed', ['shares']);
    const badId = expectProblem(await oak.api('GET', '/properties/not-a-uuid'), 400, 'validation_failed', ['id']);
    expect(badId.errors[0].in).toBe('params');
    expectProblem(await oak.api('GET', '/properties?cursor=garbage'), 400, 'invalid_cursor');
    expectProblem(await oak.api('GET', '/properties?parentId=nope'), 400, 'validation_failed', ['parentId']);
  });

  it('refuses bodies that are not JSON', async () => {
    const res = await oak.api('POST', '/properties', 'name,kind\nX,land\n', { headers: { 'content-type': 'text/csv' } });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('keeps property names unique among siblings, ignoring case', async () => {
    const elm = await oak.newProperty({ name: 'Elm Court' });
    const dup = expectProblem(await oak.api('POST', '/properties', { name: 'ELM COURT', kind: 'commercial' }), 409, 'already_exists', ['name']);
    expect(dup.detail).toBe('A top-level property named "ELM COURT" already exists');

    const ash = await oak.newProperty({ name: 'Ash Park' });
    const blockA = await oak.newProperty({ name: 'Block A', parentId: elm.id });
    await oak.newProperty({ name: 'Block A', parentId: ash.id });
    const sibling = expectProblem(await oak.api('POST', '/properties', { name: 'block a', kind: 'residential', parentId: elm.id }), 409, 'already_exists', ['name']);
    expect(sibling.detail).toMatch(/already exists under the same parent/);
    // A block may share its name with a top-level property.
    await oak.newProperty({ name: 'Elm Court', parentId: ash.id });

    const blockB = await oak.newProperty({ name: 'Block B', parentId: elm.id });
    expectProblem(await oak.api('PATCH', `/properties/${blockB.id}`, { name: 'BLOCK A' }), 409, 'already_exists', ['name']);
    // Moving it where the name is taken is refused the same way.
    expectProblem(await oak.api('PATCH', `/properties/${blockA.id}`, { parentId: ash.id }), 409, 'already_exists', ['name']);
    expect((await ok(oak.api('GET', `/properties/${blockA.id}`), 200)).parentId).toBe(elm.id);
  });

  it('nests blocks inside estates and refuses to make a property its own ancestor', async () => {
    const estate = await oak.newProperty({ name: 'Birch Estate' });
    const block = await oak.newProperty({ name: 'Birch Block 1', parentId: estate.id });
    const wing = await oak.newProperty({ name: 'Birch Wing West', parentId: block.id });
    expect(block.parentId).toBe(estate.id);

    const cycle = expectProblem(await oak.api('PATCH', `/properties/${estate.id}`, { parentId: wing.id }), 400, 'validation_failed', ['parentId']);
    expect(cycle.detail).toBe('"Birch Wing West" is inside "Birch Estate": a property cannot be its own ancestor');
    expectProblem(await oak.api('PATCH', `/properties/${block.id}`, { parentId: wing.id }), 400, 'validation_failed', ['parentId']);
    const self = expectProblem(await oak.api('PATCH', `/properties/${estate.id}`, { parentId: estate.id }), 400, 'validation_failed', ['parentId']);
    expect(self.detail).toBe('A property cannot be its own parent');
    expectProblem(await oak.api('PATCH', `/properties/${block.id}`, { parentId: randomUUID() }), 404, 'not_found', ['parentId']);
    expectProblem(await oak.api('POST', '/properties', { name: 'Orphan', kind: 'land', parentId: randomUUID() }), 404, 'not_found', ['parentId']);
    expect((await ok(oak.api('GET', `/properties/${estate.id}`), 200)).parentId).toBeNull();

    const children = await ok(oak.api('GET', `/properties?parentId=${estate.id}`), 200);
    expect(children.data.map((p: { name: string }) => p.name)).toEqual(['Birch Block 1']);
    // The wing moves up to the top level, then back under the estate.
    expect((await ok(oak.api('PATCH', `/properties/${wing.id}`, { parentId: null }), 200)).parentId).toBeNull();
    const topLevel = await ok(oak.api('GET', '/properties?topLevel=true&q=birch'), 200);
    expect(topLevel.data.map((p: { name: string }) => p.name)).toEqual(['Birch Estate', 'Birch Wing West']);
    expect((await ok(oak.api('PATCH', `/properties/${wing.id}`, { parentId: estate.id }), 200)).parentId).toBe(estate.id);
    const nested = await ok(oak.api('GET', '/properties?topLevel=false&q=birch'), 200);
    expect(nested.data.map((p: { name: string }) => p.name)).toEqual(['Birch Block 1', 'Birch Wing West']);
  });

  it('pages through properties by name and filters them by kind', async () => {
    const elm = await estate(t, { slug: 'elm-props' });
    const names = ['Zinnia', 'Yarrow', 'Xylem', 'Willow', 'Violet', 'Umber', 'Tansy'];
    for (const [i, name] of names.entries()) await elm.newProperty({ name, kind: i % 2 ? 'commercial' : 'residential' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { data: { name: string }[]; nextCursor: string | null } = await ok(elm.api('GET', `/properties?limit=3${cursor ? `&cursor=${cursor}` : ''}`), 200);
      seen.push(...page.data.map((p) => p.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].sort());
    const commercial = await ok(elm.api('GET', '/properties?kind=commercial'), 200);
    expect(commercial.data.map((p: { name: string }) => p.name)).toEqual(['Umber', 'Willow', 'Yarrow']);
    expect((await ok(elm.api('GET', '/properties?q=%25'), 200)).data).toEqual([]);
    expect((await ok(elm.api('GET', '/properties?q=ILL'), 200)).data.map((p: { name: string }) => p.name)).toEqual(['Willow']);
  });
});

describe('archiving and removing', () => {
  it('archives and restores a unit', async () => {
    const p = await oak.newProperty();
    const unit = await oak.newUnit(p.id);
    const archived = await ok(oak.api('PATCH', `/units/${unit.id}`, { archived: true }), 200);
    expect(archived.archived).toBe(true);
    expect(new Date(archived.archivedAt).getTime()).toBeGreaterThan(0);
    // Archiving again keeps the first date.
    expect((await ok(oak.api('PATCH', `/units/${unit.id}`, { archived: true, notes: 'Merged into A-2' }), 200)).archivedAt).toBe(archived.archivedAt);
    const restored = await ok(oak.api('PATCH', `/units/${unit.id}`, { archived: false }), 200);
    expect(restored).toMatchObject({ archived: false, archivedAt: null, notes: 'Merged into A-2' });
  });

  it('archives a property together with what is in it, and restores them together', async () => {
    const estate = await oak.newProperty({ name: 'Hazel Estate' });
    const block = await oak.newProperty({ name: 'Hazel Block', parentId: estate.id });
    const [u1, u2] = [await oak.newUnit(block.id), await oak.newUnit(block.id)];
    const own = await oak.newUnit(estate.id);
    // Archived before the estate: stays archived when the estate comes back.
    await ok(oak.api('PATCH', `/units/${u2.id}`, { archived: true }), 200);

    const archived = await ok(oak.api('PATCH', `/properties/${estate.id}`, { archived: true }), 200);
    expect(archived.archived).toBe(true);
    for (const id of [u1.id, own.id]) expect((await ok(oak.api('GET', `/units/${id}`), 200)).archived).toBe(true);
    expect((await ok(oak.api('GET', `/properties/${block.id}`), 200)).archived).toBe(true);
    expect((await ok(oak.api('GET', '/properties?q=hazel'), 200)).data).toEqual([]);
    expect((await ok(oak.api('GET', '/properties?q=hazel&includeArchived=true'), 200)).data).toHaveLength(2);

    // Nothing is added to, or restored inside, an archived property.
    expectProblem(await oak.api('POST', `/properties/${block.id}/units`, { label: 'New', kind: 'apartment' }), 409, 'properties.property_archived');
    expectProblem(await oak.api('POST', '/properties', { name: 'Hazel Annex', kind: 'residential', parentId: estate.id }), 409, 'properties.parent_archived');
    expectProblem(await oak.api('PATCH', `/units/${u1.id}`, { archived: false }), 409, 'properties.property_archived');
    expectProblem(await oak.api('PATCH', `/properties/${block.id}`, { archived: false }), 409, 'properties.parent_archived');

    await ok(oak.api('PATCH', `/properties/${estate.id}`, { archived: false }), 200);
    expect((await ok(oak.api('GET', `/properties/${block.id}`), 200)).archived).toBe(false);
    expect((await ok(oak.api('GET', `/units/${u1.id}`), 200)).archived).toBe(false);
    expect((await ok(oak.api('GET', `/units/${own.id}`), 200)).archived).toBe(false);
    expect((await ok(oak.api('GET', `/units/${u2.id}`), 200)).archived).toBe(true);
  });

  it('refuses to delete a property that holds units or properties, and offers archiving', async () => {
    const estate = await oak.newProperty({ name: 'Rowan Estate' });
    const block = await oak.newProperty({ name: 'Rowan Block', parentId: estate.id });
    const unit = await oak.newUnit(block.id);
    const withChild = expectProblem(await oak.api('DELETE', `/properties/${estate.id}`), 409, 'properties.has_dependents');
    expect(withChild.detail).toBe('The property has 1 property under it; delete those first, or archive it instead (PATCH {"archived": true})');
    const withUnit = expectProblem(await oak.api('DELETE', `/properties/${block.id}`), 409, 'properties.has_dependents');
    expect(withUnit.detail).toMatch(/has 1 unit;.*archive it instead \(PATCH \{"archived": true\}\)/);
    // Archived units count too: they are history.
    await ok(oak.api('PATCH', `/units/${unit.id}`, { archived: true }), 200);
    expectProblem(await oak.api('DELETE', `/properties/${block.id}`), 409, 'properties.has_dependents');

    await ok(oak.api('DELETE', `/units/${unit.id}`), 204);
    await ok(oak.api('DELETE', `/properties/${block.id}`), 204);
    await ok(oak.api('DELETE', `/properties/${estate.id}`), 204);
  });

  it('refuses to delete a unit with occupancy history, and offers archiving', async () => {
    const p = await oak.newProperty();
    const unit = await oak.newUnit(p.id);
    await oak.occupy(unit.id, await oak.newMember({ firstName: 'Hester', lastName: 'Tester' }));
    const refused = expectProblem(await oak.api('DELETE', `/units/${unit.id}`), 409, 'properties.unit_has_history');
    expect(refused.detail).toBe('The unit has occupancy or lease history; archive it instead (PATCH {"archived": true})');
    expect((await ok(oak.api('GET', `/units/${unit.id}`), 200)).archived).toBe(false);
    expect((await ok(oak.api('PATCH', `/units/${unit.id}`, { archived: true }), 200)).archived).toBe(true);
    expectProblem(await oak.api('DELETE', `/properties/${p.id}`), 409, 'properties.has_dependents');
  });
});

describe('events', () => {
  it('records property and unit events in the outbox', async () => {
    const fir = await estate(t, { slug: 'fir-props' });
    const p = await fir.newProperty({ name: 'Fir House' });
    await ok(fir.api('PATCH', `/properties/${p.id}`, { notes: 'Listed' }), 200);
    const u = await fir.newUnit(p.id, { label: 'F-1' });
    await ok(fir.api('PATCH', `/units/${u.id}`, { unavailable: true }), 200);
    await ok(fir.api('PATCH', `/units/${u.id}`, { archived: true }), 200);
    await ok(fir.api('DELETE', `/units/${u.id}`), 204);
    await ok(fir.api('PATCH', `/properties/${p.id}`, { archived: true }), 200);
    await ok(fir.api('DELETE', `/properties/${p.id}`), 204);

    const events = await fir.tx((db) => db.selectFrom('outbox').select(['type', 'data']).where('type', 'like', '%.%').orderBy('occurredAt').orderBy('id').execute());
    const ours = events.filter((e) => e.type.startsWith('property.') || e.type.startsWith('unit.'));
    expect(ours.map((e) => e.type)).toEqual([
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
