import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, ok, type Estate, type SignedInUser } from '../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../test/helpers.js';
import { jobContext, takeEvents } from '../../../test/mail-helpers.js';
import { TENANT_RESOURCE_REMOVED } from '../../kernel/modules/manifest.js';

/**
 * Per-object permissions and per-role hidden fields of custom objects: a role granted
 * `objects.permit.read` reads permits and nothing else (the other objects do not exist for it),
 * and a field its roles hide never shows, cannot be written, and cannot be probed by filter,
 * sort or search. Roles name only the tenant's own live objects and fields.
 */

let t: TestPlatform;
let oak: Estate;
let elm: Estate;
let fobId: string;
let reader: SignedInUser;
let clerk: SignedInUser;

const ids = (page: { data: { id: string }[] }) => page.data.map((r) => r.id).sort();

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
  elm = await estate(t, { slug: 'elm' });
  await ok(oak.api('POST', '/objects/definitions', {
    key: 'permit',
    singular: 'Permit',
    plural: 'Permits',
    fields: [
      { key: 'plate', label: 'Plate', type: 'text' },
      { key: 'fee', label: 'Fee', type: 'number' },
      { key: 'gate_code', label: 'Gate code', type: 'text' },
    ],
  }));
  await ok(oak.api('POST', '/objects/definitions', { key: 'fob', singular: 'Fob', plural: 'Fobs', fields: [{ key: 'code', label: 'Code', type: 'text' }] }));
  await ok(elm.api('POST', '/objects/definitions', { key: 'boat', singular: 'Boat', plural: 'Boats', fields: [{ key: 'name', label: 'Name', type: 'text' }] }));
  for (const [plate, fee, gate_code] of [['AB-1', 10, 'zebra-4411'], ['CD-2', 30, 'lion-9922'], ['EF-3', 20, 'zebra-0000']] as const) {
    await ok(oak.api('POST', '/objects/permit/records', { plate, fee, gate_code }));
  }
  fobId = (await ok(oak.api('POST', '/objects/fob/records', { code: 'F-1' }))).id;
  await ok(oak.api('POST', '/roles', { key: 'permit-reader', name: 'Permit reader', permissions: ['objects.permit.read'] }));
  await ok(oak.api('POST', '/roles', {
    key: 'permit-clerk',
    name: 'Permit clerk',
    permissions: ['objects.permit.read', 'objects.permit.write'],
    fieldRestrictions: { 'objects.permit': { hidden: ['gate_code'] } },
  }));
  const roles = (await ok(oak.api('GET', '/roles'), 200)).data;
  expect(roles.find((r: { key: string }) => r.key === 'permit-clerk')).toMatchObject({ permissions: ['objects.permit.read', 'objects.permit.write'], fieldRestrictions: { 'objects.permit': { hidden: ['gate_code'] } } });
  reader = await oak.newUser('reader@oak.test', ['permit-reader']);
  clerk = await oak.newUser('clerk@oak.test', ['permit-clerk']);
});
afterAll(() => t?.close());

describe('the role catalogue of a tenant with custom objects', () => {
  it("lists each live object's read and write permissions and its fields to hide, the tenant's own only", async () => {
    const catalogue = await ok(oak.api('GET', '/permissions'), 200);
    const byKey = new Map(catalogue.data.map((p: { key: string }) => [p.key, p]));
    expect(byKey.get('objects.permit.read')).toMatchObject({ module: 'objects', impliedBy: 'objects.read', stepUp: false });
    expect(byKey.get('objects.fob.write')).toMatchObject({ module: 'objects', impliedBy: 'objects.write' });
    expect(byKey.has('objects.boat.read')).toBe(false);
    expect(catalogue.fields).toContainEqual({ module: 'objects', resource: 'objects.permit', label: 'Permits', fields: [{ key: 'plate', description: 'Plate' }, { key: 'fee', description: 'Fee' }, { key: 'gate_code', description: 'Gate code' }] });
  });

  it("refuses a role naming an object or a field the tenant does not have, another tenant's included", async () => {
    expectProblem(await elm.api('POST', '/roles', { key: 'spy', name: 'Spy', permissions: ['objects.permit.read'] }), 422, 'core.unknown_permission', ['permissions']);
    expectProblem(await elm.api('POST', '/roles', { key: 'spy', name: 'Spy', permissions: ['objects.boat.read'], fieldRestrictions: { 'objects.permit': { hidden: ['gate_code'] } } }), 422, 'unprocessable', ['fieldRestrictions/objects.permit']);
    expectProblem(await oak.api('POST', '/roles', { key: 'odd', name: 'Odd', permissions: ['objects.permit.read'], fieldRestrictions: { 'objects.permit': { hidden: ['colour'] } } }), 422, 'unprocessable', ['fieldRestrictions/objects.permit/hidden']);
    expectProblem(await oak.api('POST', '/roles', { key: 'odd', name: 'Odd', permissions: ['objects.nothing.read'] }), 422, 'core.unknown_permission');
    // Elm's own object is fine there.
    await ok(elm.api('POST', '/roles', { key: 'boats', name: 'Boats', permissions: ['objects.boat.read'] }));
  });

  it('lets a maker give a per-object permission they hold module-wide or for that object only, and no other', async () => {
    await ok(oak.api('POST', '/roles', { key: 'delegate', name: 'Delegate', permissions: ['roles.read', 'roles.write', 'objects.permit.read'] }));
    const dee = await oak.newUser('dee@oak.test', ['delegate']);
    await ok(oak.api('POST', '/roles', { key: 'permit-only', name: 'Permits', permissions: ['objects.permit.read'] }, { token: dee.token }));
    expectProblem(await oak.api('POST', '/roles', { key: 'fob-only', name: 'Fobs', permissions: ['objects.fob.read'] }, { token: dee.token }), 403, 'core.permission_not_held');
    expectProblem(await oak.api('POST', '/roles', { key: 'all', name: 'All', permissions: ['objects.read'] }, { token: dee.token }), 403, 'core.permission_not_held');
  });
});

describe('a role that reads one object', () => {
  it('reads its records and definition, and nothing of the other objects: 404 as if they did not exist', async () => {
    const opts = { token: reader.token };
    expect((await ok(oak.api('GET', '/objects/permit/records', undefined, opts), 200)).data).toHaveLength(3);
    const defs = await ok(oak.api('GET', '/objects/definitions', undefined, opts), 200);
    expect(defs.data.map((d: { key: string }) => d.key)).toEqual(['permit']);
    await ok(oak.api('GET', '/objects/definitions/permit', undefined, opts), 200);
    expectProblem(await oak.api('GET', '/objects/fob/records', undefined, opts), 404, 'not_found');
    expectProblem(await oak.api('GET', `/objects/fob/records/${fobId}`, undefined, opts), 404, 'not_found');
    expectProblem(await oak.api('GET', '/objects/definitions/fob', undefined, opts), 404, 'not_found');
    // An object that exists answers as one that does not.
    const missing = await oak.api('GET', '/objects/nothing/records', undefined, opts);
    const hidden = await oak.api('GET', '/objects/fob/records', undefined, opts);
    expect(hidden.json().detail).toBe(missing.json().detail);
    // Standard records' custom fields need objects.read.
    expectProblem(await oak.api('GET', `/objects/extensions/member/${fobId}`, undefined, opts), 403, 'permission_denied');
  });

  it('is refused every write', async () => {
    const opts = { token: reader.token };
    const one = (await ok(oak.api('GET', '/objects/permit/records', undefined, opts), 200)).data[0];
    expectProblem(await oak.api('POST', '/objects/permit/records', { plate: 'X-1' }, opts), 403, 'permission_denied');
    expectProblem(await oak.api('PATCH', `/objects/permit/records/${one.id}`, { plate: 'X-1' }, opts), 403, 'permission_denied');
    expectProblem(await oak.api('DELETE', `/objects/permit/records/${one.id}`, undefined, opts), 403, 'permission_denied');
    expectProblem(await oak.api('POST', '/objects/fob/records', { code: 'X' }, opts), 403, 'permission_denied');
  });

  it('writes the object it may write, and finds the others absent', async () => {
    const opts = { token: clerk.token };
    const made = await ok(oak.api('POST', '/objects/permit/records', { plate: 'GH-4', fee: 5 }, opts));
    await ok(oak.api('PATCH', `/objects/permit/records/${made.id}`, { fee: 6 }, opts), 200);
    expectProblem(await oak.api('POST', '/objects/fob/records', { code: 'X' }, opts), 404, 'not_found');
    expectProblem(await oak.api('DELETE', `/objects/fob/records/${fobId}`, undefined, opts), 404, 'not_found');
    await ok(oak.api('DELETE', `/objects/permit/records/${made.id}`, undefined, opts), 204);
  });
});

describe('a field hidden from a role', () => {
  it('never appears in a list or a read, nor in what a write answers', async () => {
    const opts = { token: clerk.token };
    const page = await ok(oak.api('GET', '/objects/permit/records', undefined, opts), 200);
    expect(page.data).toHaveLength(3);
    for (const r of page.data) expect(r).not.toHaveProperty('gate_code');
    const one = await ok(oak.api('GET', `/objects/permit/records/${page.data[0].id}`, undefined, opts), 200);
    expect(one).not.toHaveProperty('gate_code');
    expect(one).toHaveProperty('plate');
    const changed = await ok(oak.api('PATCH', `/objects/permit/records/${one.id}`, { fee: 11 }, opts), 200);
    expect(changed).not.toHaveProperty('gate_code');
    // The owner still sees it, and the record event (for the tenant's integrations) carries it whole.
    expect((await ok(oak.api('GET', `/objects/permit/records/${one.id}`), 200)).gate_code).toMatch(/-/);
    expect((await oak.outbox('object.permit.updated')).at(-1)!.data).toHaveProperty('gate_code');
  });

  it('cannot be written: 403 field_restricted, nothing changed', async () => {
    const opts = { token: clerk.token };
    expectProblem(await oak.api('POST', '/objects/permit/records', { plate: 'IJ-5', gate_code: 'x' }, opts), 403, 'field_restricted', ['gate_code']);
    const one = (await ok(oak.api('GET', '/objects/permit/records', undefined, opts), 200)).data[0];
    expectProblem(await oak.api('PATCH', `/objects/permit/records/${one.id}`, { gate_code: 'x' }, opts), 403, 'field_restricted', ['gate_code']);
    expect((await ok(oak.api('GET', '/objects/permit/records?limit=50'), 200)).data).toHaveLength(3);
  });

  it('cannot be probed by filter, sort or search: refused as an unknown field, or matching nothing', async () => {
    const opts = { token: clerk.token };
    expectProblem(await oak.api('GET', '/objects/permit/records?filter[gate_code][starts_with]=zebra', undefined, opts), 400, 'validation_failed', ['filter[gate_code][starts_with]']);
    expectProblem(await oak.api('GET', '/objects/permit/records?filter[gate_code]=lion-9922', undefined, opts), 400, 'validation_failed');
    expectProblem(await oak.api('GET', '/objects/permit/records?sort=gate_code', undefined, opts), 400, 'validation_failed', ['sort']);
    expectProblem(await oak.api('GET', '/objects/permit/records?sort=-fee,gate_code', undefined, opts), 400, 'validation_failed', ['sort']);
    expect((await ok(oak.api('GET', '/objects/permit/records?q=zebra', undefined, opts), 200)).data).toEqual([]);
    // The owner's search and filter do see it.
    expect((await ok(oak.api('GET', '/objects/permit/records?q=zebra'), 200)).data).toHaveLength(2);
    expect(ids(await ok(oak.api('GET', '/objects/permit/records?q=ab-1', undefined, opts), 200))).toHaveLength(1);
  });

  it('hides the formulas that read it, which would show it otherwise, and those reading them', async () => {
    const field = (key: string, expression: string) => ok(oak.api('POST', '/objects/definitions/permit/fields', { key, label: key, type: 'formula', config: { expression } }));
    await field('gate_length', 'len(gate_code)');
    await field('gate_shout', "upper(gate_code) & '!'");
    await field('gate_length_doubled', 'gate_length * 2');
    await field('plate_shout', 'upper(plate)');
    const opts = { token: clerk.token };
    const one = (await ok(oak.api('GET', '/objects/permit/records', undefined, opts), 200)).data[0];
    expect(one).toHaveProperty('plate_shout');
    for (const hidden of ['gate_code', 'gate_length', 'gate_shout', 'gate_length_doubled']) expect(one).not.toHaveProperty(hidden);
    expectProblem(await oak.api('GET', '/objects/permit/records?filter[gate_length]=10', undefined, opts), 400, 'validation_failed');
    expectProblem(await oak.api('GET', '/objects/permit/records?sort=gate_shout', undefined, opts), 400, 'validation_failed', ['sort']);
    // A write computes them (formulas added later reach the stored records through a job, not run here).
    const whole = await ok(oak.api('PATCH', `/objects/permit/records/${one.id}`, { fee: 12 }), 200);
    expect(whole).toMatchObject({ gate_length: whole.gate_code.length, gate_length_doubled: whole.gate_code.length * 2, gate_shout: `${whole.gate_code.toUpperCase()}!` });
    for (const key of ['gate_length_doubled', 'gate_length', 'gate_shout', 'plate_shout']) await ok(oak.api('DELETE', `/objects/definitions/permit/fields/${key}`), 200);
  });

  it('shows to a user another of whose roles sees it (allowlist semantics)', async () => {
    const both = await oak.newUser('both@oak.test', ['permit-clerk', 'permit-reader']);
    const one = (await ok(oak.api('GET', '/objects/permit/records', undefined, { token: both.token }), 200)).data[0];
    expect(one).toHaveProperty('gate_code');
  });

  it('leaves reads working once the field is removed, and the role can then be changed', async () => {
    await ok(oak.api('POST', '/objects/definitions/permit/fields', { key: 'spare', label: 'Spare', type: 'text' }));
    const role = (await ok(oak.api('GET', '/roles'), 200)).data.find((r: { key: string }) => r.key === 'permit-clerk');
    await ok(oak.api('PATCH', `/roles/${role.id}`, { fieldRestrictions: { 'objects.permit': { hidden: ['gate_code', 'spare'] } } }), 200);
    await ok(oak.api('DELETE', '/objects/definitions/permit/fields/spare'), 200);
    const page = await ok(oak.api('GET', '/objects/permit/records?sort=fee', undefined, { token: clerk.token }), 200);
    expect(page.data).toHaveLength(3);
    expect(page.data[0]).not.toHaveProperty('gate_code');
    // Changing the role again: the removed field is no longer one to hide.
    expectProblem(await oak.api('PATCH', `/roles/${role.id}`, { fieldRestrictions: { 'objects.permit': { hidden: ['gate_code', 'spare'] } } }), 422, 'unprocessable');
    await ok(oak.api('PATCH', `/roles/${role.id}`, { name: 'Permit desk' }), 200);
  });
});

describe('an archived object', () => {
  it('leaves custom roles, which then grant nothing for an object made later with its key', async () => {
    await ok(oak.api('POST', '/objects/definitions', { key: 'slip', singular: 'Slip', plural: 'Slips', fields: [{ key: 'berth', label: 'Berth', type: 'text' }, { key: 'owner_phone', label: 'Owner phone', type: 'phone' }] }));
    const role = await ok(oak.api('POST', '/roles', { key: 'harbour', name: 'Harbour', permissions: ['objects.permit.read', 'objects.slip.read', 'objects.slip.write'], fieldRestrictions: { 'objects.slip': { hidden: ['owner_phone'] } } }));
    const hal = await oak.newUser('hal@oak.test', ['harbour']);
    await ok(oak.api('GET', '/objects/slip/records', undefined, { token: hal.token }), 200);

    await ok(oak.api('POST', '/objects/definitions/slip/archive'), 200);
    expectProblem(await oak.api('GET', '/objects/slip/records', undefined, { token: hal.token }), 404, 'not_found');
    const subscriber = t.platform.modules.get('core')!.subscribers!.find((s) => s.events.includes(TENANT_RESOURCE_REMOVED))!;
    for (const event of await takeEvents(t.platform, oak.id, [TENANT_RESOURCE_REMOVED])) await subscriber.handle(event, jobContext(t.platform));
    expect(await ok(oak.api('GET', `/roles/${role.id}`), 200)).toMatchObject({ permissions: ['objects.permit.read'], fieldRestrictions: {} });

    await ok(oak.api('POST', '/objects/definitions', { key: 'slip', singular: 'Slip', plural: 'Slips', fields: [{ key: 'berth', label: 'Berth', type: 'text' }] }));
    expectProblem(await oak.api('GET', '/objects/slip/records', undefined, { token: hal.token }), 404, 'not_found');
    await ok(oak.api('GET', '/objects/permit/records', undefined, { token: hal.token }), 200);
  });
});
