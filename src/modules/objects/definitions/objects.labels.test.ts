import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, ok, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak-labels', units: ['A-1', 'B-2'], members: 2, staff: true });
  await ok(oak.api('POST', '/objects/definitions', {
    key: 'bike',
    singular: 'Bike',
    plural: 'Bikes',
    fields: [
      { key: 'colour', label: 'Colour', type: 'select', config: { options: [{ key: 'red', label: 'Red' }] } },
      { key: 'frame', label: 'Frame number', type: 'text' },
      { key: 'owner', label: 'Owner', type: 'relation', config: { target: 'member' } },
    ],
  }));
  await ok(oak.api('POST', '/objects/definitions', { key: 'locker', singular: 'Locker', plural: 'Lockers', fields: [{ key: 'size', label: 'Size', type: 'number' }] }));
});
afterAll(() => t?.close());

const labels = (target: string, ids: string[], token?: string) => oak.api('GET', `/objects/labels?target=${target}&ids=${ids.join(',')}`, undefined, token ? { token } : {});

describe('labels of related records in one call', () => {
  it('names members, units, properties and leases through their modules, and leaves out ids that name nothing', async () => {
    const members = await ok(labels('member', [...oak.memberIds, randomUUID()]), 200);
    expect(members.data.map((m: { label: string }) => m.label).sort()).toEqual(['Member 1', 'Member 2'].sort());
    const units = await ok(labels('unit', oak.unitIds), 200);
    expect(units.data.map((u: { label: string }) => u.label).sort()).toEqual(['A-1', 'B-2']);
    const property = await ok(labels('property', [oak.propertyId]), 200);
    expect(property.data).toEqual([{ id: oak.propertyId, label: expect.any(String) }]);
    expect(property.data[0].label.length).toBeGreaterThan(0);
    const lease = await oak.newLease();
    const leases = await ok(labels('lease', [lease.id as string]), 200);
    expect(leases.data).toEqual([{ id: lease.id, label: expect.any(String), startDate: lease.startDate }]);
  });

  it('names a custom object\'s records by their first text field, many at once', async () => {
    const a = await ok(oak.api('POST', '/objects/bike/records', { frame: 'WTU-100', colour: 'red' }));
    const b = await ok(oak.api('POST', '/objects/bike/records', { colour: 'red' }));
    const page = await ok(labels('bike', [a.id, b.id, randomUUID()]), 200);
    expect(page.data.sort((x: { label: string }, y: { label: string }) => x.label.localeCompare(y.label))).toEqual([{ id: b.id, label: '' }, { id: a.id, label: 'WTU-100' }]);
    // Another object's records are not this one's.
    expect((await ok(labels('locker', [a.id]), 200)).data).toEqual([]);
  });

  it('refuses bad ids, too many ids, an unknown object, and a standard kind the principal may not read', async () => {
    expectProblem(await labels('member', ['not-an-id']), 400, 'validation_failed', ['ids']);
    expectProblem(await labels('member', Array.from({ length: 101 }, () => randomUUID())), 400, 'validation_failed');
    expectProblem(await oak.api('GET', '/objects/labels?target=member'), 400, 'validation_failed');
    expectProblem(await labels('nothing_here', [randomUUID()]), 404, 'not_found');
    const key = await ok(oak.api('POST', '/api-keys', { name: 'Bike sync', permissions: ['objects.read'] }));
    expectProblem(await labels('lease', [randomUUID()], key.key), 403, 'permission_denied');
    expect((await ok(labels('bike', [randomUUID()], key.key), 200)).data).toEqual([]);
  });
});

describe('record counts on the objects list', () => {
  it('counts each object\'s records, and none on extensions', async () => {
    await ok(oak.api('POST', '/objects/definitions', { key: 'member', singular: 'Member', plural: 'Members', extends: 'member', fields: [{ key: 'parking', label: 'Parking', type: 'text' }] }));
    const before = await ok(oak.api('GET', '/objects/definitions'), 200);
    const count = (list: { data: { key: string; recordCount?: number }[] }, key: string) => list.data.find((d) => d.key === key)?.recordCount;
    await ok(oak.api('POST', '/objects/locker/records', { size: 3 }));
    const after = await ok(oak.api('GET', '/objects/definitions'), 200);
    expect(count(after, 'locker')).toBe((count(before, 'locker') ?? 0) + 1);
    expect(after.data.find((d: { key: string }) => d.key === 'member')).not.toHaveProperty('recordCount');
    expect(await ok(oak.api('GET', '/objects/definitions/locker'), 200)).not.toHaveProperty('recordCount');
  });
});

describe('q', () => {
  it('finds a term anywhere in any text field, ignoring case, with the user\'s wildcards taken literally', async () => {
    const a = await ok(oak.api('POST', '/objects/bike/records', { frame: 'Gazelle 50%_off' }));
    await ok(oak.api('POST', '/objects/bike/records', { frame: 'Gazelle 50 off' }));
    expect((await ok(oak.api('GET', '/objects/bike/records?q=ZELLE%2050%25_', undefined), 200)).data.map((r: { id: string }) => r.id)).toEqual([a.id]);
    const both = await ok(oak.api('GET', '/objects/bike/records?q=gazelle&sort=-frame', undefined), 200);
    expect(both.data.map((r: { frame: string }) => r.frame)).toEqual(['Gazelle 50%_off', 'Gazelle 50 off']);
  });
});
