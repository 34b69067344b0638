import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, ok, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { loadModel } from './model.cache.js';
import { purgeSubscriber } from '../objects.jobs.js';
import { jobContext, takeEvents } from '../../../../test/mail-helpers.js';

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak', units: 1 });
});
afterAll(() => t?.close());

const permit = (key = 'parking_permit') => ({
  key,
  singular: 'Parking permit',
  plural: 'Parking permits',
  icon: 'car',
  fields: [
    { key: 'plate', label: 'Plate', type: 'text', rules: { required: true, unique: true, pattern: '[A-Z0-9-]{2,10}' } },
    { key: 'unit', label: 'Unit', type: 'relation', config: { target: 'unit' } },
    { key: 'valid_from', label: 'Valid from', type: 'date' },
    { key: 'valid_to', label: 'Valid to', type: 'date' },
    { key: 'fee', label: 'Fee', type: 'currency', config: { currency: 'EUR' }, rules: { min: 0, max: 100_000 } },
    { key: 'days_left', label: 'Days left', type: 'formula', config: { expression: 'days_between(today(), valid_to)' } },
  ],
});

describe('object definitions', () => {
  it('defines an object with its fields, reads it, renames it and archives it, bumping its version each time', async () => {
    const made = await ok(oak.api('POST', '/objects/definitions', permit()));
    expect(made).toMatchObject({ key: 'parking_permit', kind: 'object', version: 1, singular: 'Parking permit', icon: 'car', archivedAt: null, removedFields: [] });
    expect(made.fields.map((f: { key: string }) => f.key)).toEqual(['plate', 'unit', 'valid_from', 'valid_to', 'fee', 'days_left']);
    expect(made.fields[5]).toMatchObject({ type: 'formula', config: { expression: 'days_between(today(), valid_to)' } });
    expect(await ok(oak.api('GET', '/objects/definitions/parking_permit'), 200)).toEqual(made);

    const renamed = await ok(oak.api('PATCH', '/objects/definitions/parking_permit', { singular: 'Permit', plural: 'Permits' }), 200);
    expect(renamed).toMatchObject({ key: 'parking_permit', singular: 'Permit', version: 2 });
    const relabelled = await ok(oak.api('PATCH', '/objects/definitions/parking_permit/fields/plate', { label: 'Number plate' }), 200);
    expect(relabelled.fields[0]).toMatchObject({ id: made.fields[0].id, key: 'plate', label: 'Number plate' });
    expect(relabelled.version).toBe(3);

    const changes = (await ok(oak.api('GET', '/objects/definitions/parking_permit/changes'), 200)).data;
    expect(changes.map((c: { version: number; action: string }) => [c.version, c.action])).toEqual([[1, 'created'], [2, 'updated'], [3, 'field_updated']]);
    expect(changes[2].fieldId).toBe(made.fields[0].id);

    expect((await ok(oak.api('GET', '/objects/definitions'), 200)).data.map((d: { key: string }) => d.key)).toContain('parking_permit');
    const archived = await ok(oak.api('POST', '/objects/definitions/parking_permit/archive'), 200);
    expect(archived.archivedAt).not.toBeNull();
    expectProblem(await oak.api('GET', '/objects/definitions/parking_permit'), 404, 'not_found');
    expect((await ok(oak.api('GET', '/objects/definitions'), 200)).data.map((d: { key: string }) => d.key)).not.toContain('parking_permit');
    expect((await ok(oak.api('GET', '/objects/definitions?includeArchived=true'), 200)).data.map((d: { key: string }) => d.key)).toContain('parking_permit');
    // The key is free again.
    await ok(oak.api('POST', '/objects/definitions', permit()));
  });

  it('refuses a taken key, a reserved key, and fields whose rules or config do not fit their type, with field errors', async () => {
    await ok(oak.api('POST', '/objects/definitions', permit('key_fob')));
    expectProblem(await oak.api('POST', '/objects/definitions', permit('key_fob')), 409, 'objects.key_taken', 'key');
    expectProblem(await oak.api('POST', '/objects/definitions', permit('members')), 400, 'validation_failed', 'key');
    // The pages' own path word: /objects/new is the new-record form.
    expectProblem(await oak.api('POST', '/objects/definitions', permit('new')), 400, 'validation_failed', 'key');
    expectProblem(await oak.api('POST', '/objects/definitions', { ...permit('Bad Key') }), 400, 'validation_failed', 'key');
    const bad = await oak.api('POST', '/objects/definitions', {
      key: 'broken',
      singular: 'Broken',
      plural: 'Broken',
      fields: [
        { key: 'flag', label: 'Flag', type: 'boolean', rules: { unique: true } },
        { key: 'money', label: 'Money', type: 'currency' },
        { key: 'pick', label: 'Pick', type: 'select' },
        { key: 'other', label: 'Other', type: 'relation', config: { target: 'nothing_here' } },
        { key: 'code', label: 'Code', type: 'text', rules: { pattern: '(a+)+$' } },
        { key: 'size', label: 'Size', type: 'number', rules: { min: 10, max: 1 } },
        { key: 'id', label: 'Id', type: 'text' },
        { key: 'size', label: 'Size again', type: 'number' },
      ],
    });
    expectProblem(bad, 400, 'validation_failed', ['fields.0.rules.unique', 'fields.1.config.currency', 'fields.2.config.options', 'fields.3.config.target', 'fields.4.rules.pattern', 'fields.5.rules.min', 'fields.6.key', 'fields.7.key']);
    expectProblem(await oak.api('GET', '/objects/definitions/broken'), 404, 'not_found');
  });

  it('keeps the data of a removed field out of sight, never gives it to a field re-added with its key, and purges it', async () => {
    await ok(oak.api('POST', '/objects/definitions', { key: 'bike_slot', singular: 'Bike slot', plural: 'Bike slots', fields: [{ key: 'label', label: 'Label', type: 'text' }, { key: 'colour', label: 'Colour', type: 'text' }] }));
    const record = await ok(oak.api('POST', '/objects/bike_slot/records', { label: 'B-1', colour: 'red' }));
    expect(record).toMatchObject({ label: 'B-1', colour: 'red', version: 1 });

    const removed = await ok(oak.api('DELETE', '/objects/definitions/bike_slot/fields/colour'), 200);
    const oldId = removed.removedFields[0].id;
    expect(removed.fields.map((f: { key: string }) => f.key)).toEqual(['label']);
    const hidden = await ok(oak.api('GET', `/objects/bike_slot/records/${record.id}`), 200);
    expect(hidden).not.toHaveProperty('colour');
    expectProblem(await oak.api('POST', '/objects/bike_slot/records', { label: 'B-2', colour: 'blue' }), 400, 'validation_failed', 'colour');

    // Re-added with the same key: a new field, empty for the old record.
    const readded = await ok(oak.api('POST', '/objects/definitions/bike_slot/fields', { key: 'colour', label: 'Colour', type: 'text' }));
    const newId = readded.fields.find((f: { key: string }) => f.key === 'colour').id;
    expect(newId).not.toBe(oldId);
    expect((await ok(oak.api('GET', `/objects/bike_slot/records/${record.id}`), 200)).colour).toBeNull();
    expect((await ok(oak.api('GET', '/objects/bike_slot/records?filter[colour]=red'), 200)).data).toEqual([]);
    expect((await ok(oak.api('GET', '/objects/bike_slot/records?filter[colour][is_blank]=true'), 200)).data.map((r: { id: string }) => r.id)).toEqual([record.id]);
    // The old one cannot come back while the new one has its key; the stale value is still stored until purged.
    expectProblem(await oak.api('POST', `/objects/definitions/bike_slot/fields/${oldId}/restore`), 409, 'objects.field_key_taken');
    expectProblem(await oak.api('POST', `/objects/definitions/bike_slot/fields/${newId}/purge`), 409, 'objects.field_not_removed');
    const stored = () => oak.tx(async (db) => (await sql<{ data: Record<string, unknown> }>`SELECT data FROM object_records WHERE id = ${record.id}::uuid`.execute(db)).rows[0]!.data);
    expect((await stored())[oldId]).toBe('red');

    const purged = await ok(oak.api('POST', `/objects/definitions/bike_slot/fields/${oldId}/purge`), 202);
    expect(purged.removedFields).toEqual([]);
    for (const event of await takeEvents(t.platform, oak.id, ['object_field.purge_requested'])) await purgeSubscriber.handle(event, jobContext(t.platform));
    expect((await stored())[oldId]).toBeUndefined();
    const values = await oak.tx(async (db) => (await sql<{ n: string }>`SELECT count(*) AS n FROM object_values WHERE field_id = ${oldId}::uuid`.execute(db)).rows[0]!.n);
    expect(Number(values)).toBe(0);
    expectProblem(await oak.api('POST', `/objects/definitions/bike_slot/fields/${oldId}/restore`), 404, 'not_found');
    const actions = (await ok(oak.api('GET', '/objects/definitions/bike_slot/changes'), 200)).data.map((c: { action: string }) => c.action);
    expect(actions).toEqual(['created', 'field_removed', 'field_added', 'field_purged']);
  });

  it('writes records by the data model their own transaction sees: a change rolled back is never used, one committed at once', async () => {
    const made = await ok(oak.api('POST', '/objects/definitions', { key: 'fob', singular: 'Fob', plural: 'Fobs', fields: [{ key: 'code', label: 'Code', type: 'text' }] }));
    await ok(oak.api('POST', '/objects/fob/records', { code: 'F-1' }));
    // A field added in a transaction that reads the model with it (kept, compiled), then rolls back.
    await expect(
      oak.tx(async (_db, trx) => {
        await sql`INSERT INTO object_fields (tenant_id, id, object_id, key, label, type, position) VALUES (${oak.id}::uuid, gen_random_uuid(), ${made.id}::uuid, 'colour', 'Colour', 'text', 9)`.execute(trx);
        expect((await loadModel(trx, oak.id)).byKey.get('fob')!.byKey.has('colour')).toBe(true);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // A create working from the kept model finds it stale at its write, and goes again: one record, one event.
    const plain = await ok(oak.api('POST', '/objects/fob/records', { code: 'F-9' }));
    expect((await oak.outbox('object.fob.created')).filter((e) => (e.data as { id: string }).id === plain.id)).toHaveLength(1);
    expectProblem(await oak.api('POST', '/objects/fob/records', { code: 'F-2', colour: 'red' }), 400, 'validation_failed', 'colour');
    await ok(oak.api('POST', '/objects/definitions/fob/fields', { key: 'colour', label: 'Colour', type: 'text' }));
    expect((await ok(oak.api('POST', '/objects/fob/records', { code: 'F-2', colour: 'red' }))).colour).toBe('red');
    await ok(oak.api('DELETE', '/objects/definitions/fob/fields/colour'), 200);
    expectProblem(await oak.api('POST', '/objects/fob/records', { code: 'F-3', colour: 'red' }), 400, 'validation_failed', 'colour');
  });

  it('restores a removed field with its values', async () => {
    await ok(oak.api('POST', '/objects/definitions', { key: 'locker', singular: 'Locker', plural: 'Lockers', fields: [{ key: 'code', label: 'Code', type: 'text' }] }));
    const before = await ok(oak.api('POST', '/objects/locker/records', { code: 'L-7' }));
    const removed = await ok(oak.api('DELETE', '/objects/definitions/locker/fields/code'), 200);
    const during = await ok(oak.api('POST', '/objects/locker/records', {}));
    await ok(oak.api('POST', `/objects/definitions/locker/fields/${removed.removedFields[0].id}/restore`), 200);
    expect((await ok(oak.api('GET', `/objects/locker/records/${before.id}`), 200)).code).toBe('L-7');
    // The record made while it was removed sorts and filters as blank.
    const blank = (await ok(oak.api('GET', '/objects/locker/records?filter[code][is_blank]=true'), 200)).data.map((r: { id: string }) => r.id);
    expect(blank).toEqual([during.id]);
  });

  it('makes a field unique or changes its range only when the stored records keep the rule, and says which break it', async () => {
    await ok(oak.api('POST', '/objects/definitions', { key: 'key_copy', singular: 'Key copy', plural: 'Key copies', fields: [{ key: 'serial', label: 'Serial', type: 'text' }, { key: 'weight', label: 'Weight', type: 'number' }] }));
    for (const [serial, weight] of [['K-1', 5], ['k-1', 50], ['K-2', 500]] as const) await ok(oak.api('POST', '/objects/key_copy/records', { serial, weight }));
    const unique = expectProblem(await oak.api('PATCH', '/objects/definitions/key_copy/fields/serial', { rules: { unique: true } }), 409, 'objects.rule_violated_by_data');
    expect(unique.duplicates).toEqual(['k-1']);
    const range = expectProblem(await oak.api('PATCH', '/objects/definitions/key_copy/fields/weight', { rules: { min: 10, max: 100 } }), 409, 'objects.rule_violated_by_data');
    expect(range.violations).toBe(2);
    expect((await ok(oak.api('GET', '/objects/definitions/key_copy'), 200)).fields[1].rules).toEqual({});

    const fine = await ok(oak.api('PATCH', '/objects/definitions/key_copy/fields/weight', { rules: { min: 1, max: 1000 } }), 200);
    expect(fine.fields[1].rules).toEqual({ min: 1, max: 1000 });
    expectProblem(await oak.api('POST', '/objects/key_copy/records', { serial: 'K-3', weight: 2000 }), 400, 'validation_failed', 'weight');
    // Unset again with null.
    expect((await ok(oak.api('PATCH', '/objects/definitions/key_copy/fields/weight', { rules: { max: null } }), 200)).fields[1].rules).toEqual({ min: 1 });
    await ok(oak.api('POST', '/objects/key_copy/records', { serial: 'K-3', weight: 2000 }));
  });

  it('keeps the custom fields of standard records: a member\'s, read and set by the member\'s id', async () => {
    expectProblem(await oak.api('GET', `/objects/extensions/member/${oak.unitIds[0]}`), 404, 'not_found');
    const ext = await ok(oak.api('POST', '/objects/definitions', { key: 'member', extends: 'member', singular: 'Member', plural: 'Members', fields: [{ key: 'parking_spots', label: 'Parking spots', type: 'number', rules: { min: 0, max: 5 } }, { key: 'newsletter', label: 'Newsletter', type: 'boolean' }] }));
    expect(ext.kind).toBe('extension');
    expectProblem(await oak.api('POST', '/objects/definitions', { key: 'unit', singular: 'U', plural: 'Us' }), 400, 'validation_failed', 'key');
    const memberId = await oak.newMember();
    expect(await ok(oak.api('GET', `/objects/extensions/member/${memberId}`), 200)).toMatchObject({ id: memberId, version: 0, parking_spots: null, newsletter: null });
    const set = await ok(oak.api('PUT', `/objects/extensions/member/${memberId}`, { parking_spots: 2 }), 200);
    expect(set).toMatchObject({ id: memberId, version: 1, parking_spots: 2, newsletter: null });
    expect(await ok(oak.api('PUT', `/objects/extensions/member/${memberId}`, { newsletter: true }, { headers: { 'if-match': '"1"' } }), 200)).toMatchObject({ version: 2, parking_spots: 2, newsletter: true });
    expectProblem(await oak.api('PUT', `/objects/extensions/member/${memberId}`, { newsletter: false }, { headers: { 'if-match': '"1"' } }), 409, 'objects.version_conflict');
    expectProblem(await oak.api('PUT', `/objects/extensions/member/${memberId}`, { parking_spots: 9 }), 400, 'validation_failed', 'parking_spots');
    // Only members that exist; no unit extension is defined; no such record kind.
    expectProblem(await oak.api('PUT', `/objects/extensions/member/${oak.unitIds[0]}`, { parking_spots: 1 }), 404, 'not_found');
    expectProblem(await oak.api('GET', `/objects/extensions/unit/${oak.unitIds[0]}`), 404, 'not_found');
    expectProblem(await oak.api('GET', `/objects/extensions/spaceship/${memberId}`), 404, 'not_found');
    // An extension is not a custom object's record list.
    expectProblem(await oak.api('GET', '/objects/member/records'), 404, 'not_found');
    const events = await oak.outbox('object.member.updated');
    expect(events.at(-1)!.data).toMatchObject({ object: 'member', id: memberId, newsletter: true, changed: ['newsletter'] });
    // Two first writes at once: each is set, or the later one is refused with 409 to send again (never a 500).
    const another = await oak.newMember();
    const racing = await Promise.all([1, 2].map((n) => oak.api('PUT', `/objects/extensions/member/${another}`, { parking_spots: n })));
    expect(racing.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
    const written = racing.filter((r) => r.statusCode === 200).length;
    expect(written).toBeGreaterThan(0);
    expect((await ok(oak.api('GET', `/objects/extensions/member/${another}`), 200)).version).toBe(written);
  });

  it('counts objects, fields and records against the plan\'s limits', async () => {
    const admin = await t.platformToken();
    const elm = await estate(t, { slug: 'elm' });
    await ok(elm.api('POST', '/objects/definitions', { key: 'pet', singular: 'Pet', plural: 'Pets', fields: [{ key: 'name', label: 'Name', type: 'text' }] }));
    await ok(elm.api('POST', '/objects/pet/records', { name: 'Rex' }));
    await ok(t.call('POST', '/control/v1/tenants/elm/licence', { token: admin, body: { limits: { members: null, users: null, objects: 1, objectFields: 1, objectRecords: 1 } } }));
    expectProblem(await elm.api('POST', '/objects/definitions', { key: 'boat', singular: 'Boat', plural: 'Boats' }), 403, 'plan_limit_reached');
    expectProblem(await elm.api('POST', '/objects/definitions/pet/fields', { key: 'age', label: 'Age', type: 'number' }), 403, 'plan_limit_reached');
    expectProblem(await elm.api('POST', '/objects/pet/records', { name: 'Tom' }), 403, 'plan_limit_reached');
    const tallies = await elm.tx(async (db) => Object.fromEntries((await sql<{ meter: string; value: string }>`SELECT meter, value FROM tenant_tallies`.execute(db)).rows.map((r) => [r.meter, Number(r.value)])));
    expect(tallies).toMatchObject({ objects: 1, objectFields: 1, objectRecords: 1 });
    await ok(t.call('POST', '/control/v1/tenants/elm/licence', { token: admin, body: {} }));
    await ok(elm.api('POST', '/objects/pet/records', { name: 'Tom' }));
  });
});
