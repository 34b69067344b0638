import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, ok, type Estate } from '../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../test/helpers.js';

/** Units in properties, the vacancy report, and what a portal member sees of them. */

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
});
afterAll(() => t?.close());

describe('units', () => {
  it('creates, reads, changes and deletes a unit, with exact decimals', async () => {
    const p = await oak.newProperty({ name: 'Cedar House' });
    const unit = await oak.newUnit(p.id, { label: 'A-101', kind: 'apartment', floor: -1, area: 72.5, bedrooms: 2, participationShare: '0.125', amenities: ['balcony', ' lift ', 'balcony'], notes: 'Corner flat' });
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
    expect(await ok(oak.api('GET', `/units/${unit.id}`), 200)).toEqual(unit);

    const perMille = await ok(oak.api('PATCH', `/units/${unit.id}`, { participationPerMille: 333.333333, area: 80.05, floor: null }), 200);
    expect(perMille).toMatchObject({ participationShare: '0.333333333', participationPerMille: 333.333333, area: 80.05, floor: null, label: 'A-101' });
    const number = await ok(oak.api('PATCH', `/units/${unit.id}`, { participationShare: 0.25 }), 200);
    expect(number).toMatchObject({ participationShare: '0.25', participationPerMille: 250 });
    const whole = await ok(oak.api('PATCH', `/units/${unit.id}`, { participationShare: '1.000' }), 200);
    expect(whole).toMatchObject({ participationShare: '1', participationPerMille: 1000, propertyShares: { unitCount: 1, total: '1', balanced: true } });
    const cleared = await ok(oak.api('PATCH', `/units/${unit.id}`, { participationShare: null }), 200);
    expect(cleared).toMatchObject({ participationShare: null, participationPerMille: null, propertyShares: { unitCount: 0, total: '0', balanced: false } });

    expect(await ok(oak.api('DELETE', `/units/${unit.id}`), 204)).toBeNull();
    expectProblem(await oak.api('GET', `/units/${unit.id}`), 404, 'not_found');
    expectProblem(await oak.api('DELETE', `/units/${unit.id}`), 404, 'not_found');
    expectProblem(await oak.api('POST', `/properties/${randomUUID()}/units`, { label: 'X', kind: 'shop' }), 404, 'not_found');
  });

  it('refuses invalid units with field errors', async () => {
    const p = await oak.newProperty();
    const post = (body: Record<string, unknown>) => oak.api('POST', `/properties/${p.id}/units`, { label: 'V-1', kind: 'apartment', ...body });
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
    expect((await ok(oak.api('GET', `/properties/${p.id}/units`), 200)).data).toEqual([]);
  });

  it('keeps the status read-only: it is derived, never typed in', async () => {
    const p = await oak.newProperty();
    const created = expectProblem(await oak.api('POST', `/properties/${p.id}/units`, { label: 'S-1', kind: 'shop', status: 'occupied' }), 400, 'validation_failed', ['status']);
    expect(created.errors[0].message).toMatch(/read-only/);
    const unit = await oak.newUnit(p.id, { label: 'S-1', kind: 'shop' });
    expectProblem(await oak.api('PATCH', `/units/${unit.id}`, { status: 'occupied' }), 400, 'validation_failed', ['status']);
    expectProblem(await oak.api('PATCH', `/units/${unit.id}`, { status: 'vacant', notes: 'x' }), 400, 'validation_failed', ['status']);
    expect((await ok(oak.api('GET', `/units/${unit.id}`), 200)).status).toBe('vacant');

    // Taking a unit off the market by hand is what sets it unavailable.
    expect((await ok(oak.api('PATCH', `/units/${unit.id}`, { unavailable: true }), 200)).status).toBe('unavailable');
    expect((await ok(oak.api('PATCH', `/units/${unit.id}`, { unavailable: false }), 200)).status).toBe('vacant');
  });

  it('keeps labels unique within a property, ignoring case', async () => {
    const p = await oak.newProperty();
    const q = await oak.newProperty();
    await oak.newUnit(p.id, { label: 'A-101' });
    const dup = expectProblem(await oak.api('POST', `/properties/${p.id}/units`, { label: 'a-101', kind: 'apartment' }), 409, 'already_exists', ['label']);
    expect(dup.detail).toBe('The property already has a unit labelled "a-101"');
    await oak.newUnit(q.id, { label: 'A-101' });
    const other = await oak.newUnit(p.id, { label: 'A-102' });
    expectProblem(await oak.api('PATCH', `/units/${other.id}`, { label: 'A-101' }), 409, 'already_exists', ['label']);
    expect((await ok(oak.api('PATCH', `/units/${other.id}`, { label: 'a-102' }), 200)).label).toBe('a-102');
  });

  it("sums a property's participation shares exactly and says when they do not make 1", async () => {
    const p = await oak.newProperty({ name: 'Thirds House' });
    const [a, b] = [await oak.newUnit(p.id, { participationShare: '0.333333333' }), await oak.newUnit(p.id, { participationShare: 0.333333333 })];
    const c = await oak.newUnit(p.id, { participationShare: '0.333333334' });
    expect(c.propertyShares).toEqual({ unitCount: 3, total: '1', balanced: true });
    await oak.newUnit(p.id, { label: 'Bike store', kind: 'storage' });
    expect((await ok(oak.api('GET', `/properties/${p.id}`), 200)).shares).toEqual({ unitCount: 3, total: '1', balanced: true });

    // A write that leaves the total above 1 succeeds (shares are re-allocated unit by unit), and says so.
    const extra = await oak.newUnit(p.id, { participationPerMille: 50 });
    expect(extra.propertyShares).toEqual({ unitCount: 4, total: '1.05', balanced: false });
    expect((await ok(oak.api('GET', `/properties/${p.id}`), 200)).shares).toEqual({ unitCount: 4, total: '1.05', balanced: false });
    const lowered = await ok(oak.api('PATCH', `/units/${a.id}`, { participationShare: '0.283333333' }), 200);
    expect(lowered.propertyShares).toEqual({ unitCount: 4, total: '1', balanced: true });
    const below = await ok(oak.api('PATCH', `/units/${b.id}`, { participationPerMille: 300 }), 200);
    expect(below.propertyShares).toEqual({ unitCount: 4, total: '0.966666667', balanced: false });

    // Archived units do not count.
    await ok(oak.api('PATCH', `/units/${extra.id}`, { archived: true }), 200);
    expect((await ok(oak.api('GET', `/properties/${p.id}`), 200)).shares).toEqual({ unitCount: 3, total: '0.916666667', balanced: false });
  });

  it('lists units by label with filters, a search and cursor paging', async () => {
    const elm = await estate(t, { slug: 'elm-units' });
    const p = await elm.newProperty({ name: 'Lime House' });
    const q = await elm.newProperty({ name: 'Pine House' });
    const labels = ['B-2', 'A-10', 'A-1', 'P-1', 'C-3', 'A-2', 'S_1'];
    const ids: Record<string, string> = {};
    for (const label of labels) {
      const kind = label.startsWith('P') ? 'parking' : label.startsWith('S') ? 'storage' : 'apartment';
      ids[label] = (await elm.newUnit(p.id, { label, kind, unavailable: label === 'C-3' })).id;
    }
    ids['Q-1'] = (await elm.newUnit(q.id, { label: 'Q-1' })).id;

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { data: { label: string }[]; nextCursor: string | null } = await ok(elm.api('GET', `/units?propertyId=${p.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`), 200);
      seen.push(...page.data.map((u) => u.label));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(labels.length);
    // Label order is the database's collation; what matters is that paging neither skips nor repeats.
    expect(new Set(seen)).toEqual(new Set(labels));
    const all = (await ok(elm.api('GET', `/units?propertyId=${p.id}&limit=200`), 200)).data.map((u: { label: string }) => u.label);
    expect(seen).toEqual(all);

    const labelsOf = async (query: string, tenant = elm) => (await ok(tenant.api('GET', `/units?${query}`), 200)).data.map((u: { label: string }) => u.label).sort();
    expect(await labelsOf('q=a-1')).toEqual(['A-1', 'A-10']);
    expect(await labelsOf('q=s_')).toEqual(['S_1']);
    expect(await labelsOf('q=%25')).toEqual([]);
    expect(await labelsOf('kind=parking')).toEqual(['P-1']);
    expect(await labelsOf('status=unavailable')).toEqual(['C-3']);
    expect(await labelsOf('status=vacant&kind=apartment&q=a')).toEqual(['A-1', 'A-10', 'A-2']);
    expect(await labelsOf(`propertyId=${q.id}`)).toEqual(['Q-1']);
    expect((await labelsOf('limit=200')).length).toBe(8);
    expect((await ok(elm.api('GET', `/properties/${p.id}/units?kind=storage`), 200)).data.map((u: { id: string }) => u.id)).toEqual([ids['S_1']]);
    expectProblem(await elm.api('GET', `/properties/${randomUUID()}/units`), 404, 'not_found');
    expectProblem(await elm.api('GET', '/units?status=haunted'), 400, 'validation_failed', ['status']);
    expectProblem(await elm.api('GET', '/units?cursor=garbage'), 400, 'invalid_cursor');

    // Archived units are hidden from lists unless asked for, and still readable by id.
    await ok(elm.api('PATCH', `/units/${ids['A-2']}`, { archived: true }), 200);
    expect(await labelsOf(`propertyId=${p.id}&q=a-`)).toEqual(['A-1', 'A-10']);
    expect(await labelsOf(`propertyId=${p.id}&q=a-&includeArchived=true`)).toEqual(['A-1', 'A-10', 'A-2']);
    expect((await ok(elm.api('GET', `/units/${ids['A-2']}`), 200)).archived).toBe(true);
  });
});

describe('the vacancy report', () => {
  it('counts units by status per property with totals, as JSON and CSV', async () => {
    const ivy = await estate(t, { slug: 'ivy' });
    const north = await ivy.newProperty({ name: 'North Block' });
    const south = await ivy.newProperty({ name: 'South Block' });
    await ivy.newProperty({ name: 'Empty Lot', kind: 'land' });
    for (let i = 0; i < 3; i++) await ivy.newUnit(north.id, { label: `N-${i}` });
    await ivy.newUnit(north.id, { label: 'N-off', unavailable: true });
    const gone = await ivy.newUnit(north.id, { label: 'N-gone' });
    await ok(ivy.api('PATCH', `/units/${gone.id}`, { archived: true }), 200);
    await ivy.newUnit(south.id, { label: 'S-1', unavailable: true });

    const report = await ok(ivy.api('GET', '/reports/vacancy'), 200);
    expect(report).toEqual({
      properties: [
        { propertyId: north.id, propertyName: 'North Block', parentId: null, units: 4, vacant: 3, occupied: 0, ownerOccupied: 0, unavailable: 1, vacancyRate: 1 },
        { propertyId: south.id, propertyName: 'South Block', parentId: null, units: 1, vacant: 0, occupied: 0, ownerOccupied: 0, unavailable: 1, vacancyRate: null },
      ],
      totals: { units: 5, vacant: 3, occupied: 0, ownerOccupied: 0, unavailable: 2, vacancyRate: 1 },
    });

    const csv = await ivy.api('GET', '/reports/vacancy?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="vacancy-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.body.trim().split('\r\n')).toEqual([
      'property_id,property,units,vacant,occupied,owner_occupied,unavailable,vacancy_rate',
      `${north.id},North Block,4,3,0,0,1,1`,
      `${south.id},South Block,1,0,0,0,1,`,
      ',Total,5,3,0,0,2,1',
    ]);

    const empty = await estate(t, { slug: 'ivy-empty' });
    expect(await ok(empty.api('GET', '/reports/vacancy'), 200)).toEqual({ properties: [], totals: { units: 0, vacant: 0, occupied: 0, ownerOccupied: 0, unavailable: 0, vacancyRate: null } });
  });

  it('counts occupied and owner-occupied units and rounds the rate', async () => {
    const yew = await estate(t, { slug: 'yew' });
    const p = await yew.newProperty({ name: 'Yew Court' });
    const [a, b] = [await yew.newUnit(p.id, { label: 'Y-1' }), await yew.newUnit(p.id, { label: 'Y-2' })];
    await yew.newUnit(p.id, { label: 'Y-3' });
    const owner = await yew.newMember({ firstName: 'Olive', lastName: 'Tester' });
    await yew.occupy(a.id, owner);
    await yew.occupy(a.id, owner, { role: 'resident' });
    await yew.occupy(b.id, await yew.newMember({ firstName: 'Rex', lastName: 'Tester' }), { role: 'resident' });
    const report = await ok(yew.api('GET', '/reports/vacancy'), 200);
    expect(report.totals).toEqual({ units: 3, vacant: 1, occupied: 1, ownerOccupied: 1, unavailable: 0, vacancyRate: 0.3333 });
  });
});

describe('a portal member', () => {
  it('sees only the units they are attached to and the properties holding them, and 404 for the rest', async () => {
    const pine = await estate(t, { slug: 'pine' });
    const pineEstate = await pine.newProperty({ name: 'Pine Estate' });
    const mine = await pine.newProperty({ name: 'Pine Block Mine', parentId: pineEstate.id });
    const theirs = await pine.newProperty({ name: 'Pine Block Theirs', parentId: pineEstate.id });
    const elsewhere = await pine.newProperty({ name: 'Elsewhere' });
    const home = await pine.newUnit(mine.id, { label: 'M-1', participationShare: '0.5' });
    const neighbour = await pine.newUnit(mine.id, { label: 'M-2', participationShare: '0.5' });
    const far = await pine.newUnit(theirs.id, { label: 'T-1' });
    const memberId = await pine.newMember({ firstName: 'Portia', lastName: 'Tester' });
    await pine.occupy(home.id, memberId);
    await pine.occupy(far.id, await pine.newMember({ firstName: 'Nemo', lastName: 'Tester' }));
    const portal = pine.as(await pine.newPortalUser(memberId, 'portia@pine.test'));

    const units = await ok(portal.api('GET', '/units'), 200);
    expect(units.data.map((u: { id: string }) => u.id)).toEqual([home.id]);
    expect((await ok(portal.api('GET', `/units/${home.id}`), 200)).label).toBe('M-1');
    const properties = await ok(portal.api('GET', '/properties'), 200);
    expect(properties.data.map((p: { name: string }) => p.name).sort()).toEqual(['Pine Block Mine', 'Pine Estate']);
    expect((await ok(portal.api('GET', `/properties/${pineEstate.id}`), 200)).name).toBe('Pine Estate');
    expect((await ok(portal.api('GET', `/properties/${mine.id}/units`), 200)).data.map((u: { id: string }) => u.id)).toEqual([home.id]);
    expect((await ok(portal.api('GET', `/properties/${pineEstate.id}/units`), 200)).data).toEqual([]);
    expect((await ok(portal.api('GET', `/units?propertyId=${theirs.id}`), 200)).data).toEqual([]);

    for (const url of [`/units/${neighbour.id}`, `/units/${far.id}`, `/properties/${theirs.id}`, `/properties/${elsewhere.id}`, `/properties/${theirs.id}/units`, `/properties/${elsewhere.id}/units`]) {
      const res = await portal.api('GET', url);
      expectProblem(res, 404, 'not_found');
      expect(res.body).not.toMatch(/Theirs|Elsewhere|M-2|T-1/);
    }
    for (const [method, url] of [['GET', '/reports/vacancy'], ['POST', '/properties'], ['PATCH', `/units/${home.id}`], ['DELETE', `/units/${home.id}`]] as const) {
      expectProblem(await portal.api(method, url, method === 'GET' || method === 'DELETE' ? undefined : { notes: 'x' }), 403, 'permission_denied');
    }
    const importRes = await portal.api('POST', '/properties/import', 'property\nX\n', { headers: { 'content-type': 'text/csv' } });
    expectProblem(importRes, 403, 'permission_denied');
  });
});
