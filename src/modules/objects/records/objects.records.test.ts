import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, ok, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { RecordsRepository } from './records.repository.js';
import type { FieldDef } from '../fields.js';

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak', units: 2, members: 1 });
  await ok(oak.api('POST', '/objects/definitions', {
    key: 'permit',
    singular: 'Permit',
    plural: 'Permits',
    fields: [
      { key: 'plate', label: 'Plate', type: 'text', rules: { required: true, unique: true, pattern: '[A-Z0-9-]{2,10}', max: 10 } },
      { key: 'unit', label: 'Unit', type: 'relation', config: { target: 'unit' } },
      { key: 'holder', label: 'Holder', type: 'relation', config: { target: 'member' } },
      { key: 'valid_to', label: 'Valid to', type: 'date' },
      { key: 'fee', label: 'Fee', type: 'currency', config: { currency: 'EUR' }, rules: { min: 0, max: 100_000 } },
      { key: 'notes', label: 'Notes', type: 'long_text' },
      { key: 'contact', label: 'Contact', type: 'email' },
      { key: 'kind', label: 'Kind', type: 'select', config: { options: [{ key: 'resident', label: 'Resident' }, { key: 'visitor', label: 'Visitor' }] } },
      { key: 'tags', label: 'Tags', type: 'multi_select', config: { options: [{ key: 'ev', label: 'Electric' }, { key: 'big', label: 'Large' }] } },
      { key: 'external_ref', label: 'External reference', type: 'text', rules: { apiOnly: true } },
    ],
  }));
});
afterAll(() => t?.close());

describe('records of a custom object', () => {
  it('creates, reads, changes and deletes a record keyed by field key, and emits its events', async () => {
    const made = await ok(oak.api('POST', '/objects/permit/records', { plate: 'AB-123', unit: oak.unitIds[0], valid_to: '2026-12-31', fee: { amountMinor: 2500, currency: 'EUR' }, kind: 'resident', tags: ['ev', 'ev'], contact: 'Ann@Example.test' }));
    expect(made).toMatchObject({ plate: 'AB-123', unit: oak.unitIds[0], holder: null, valid_to: '2026-12-31', fee: { amountMinor: 2500, currency: 'EUR' }, kind: 'resident', tags: ['ev'], contact: 'ann@example.test', notes: null, version: 1 });
    expect(await ok(oak.api('GET', `/objects/permit/records/${made.id}`), 200)).toEqual(made);
    const changed = await ok(oak.api('PATCH', `/objects/permit/records/${made.id}`, { valid_to: '2027-06-30', notes: '# Renewed\nfor a year' }, { headers: { 'if-match': '"1"' } }), 200);
    expect(changed).toMatchObject({ plate: 'AB-123', valid_to: '2027-06-30', notes: '# Renewed\nfor a year', version: 2 });
    expectProblem(await oak.api('PATCH', `/objects/permit/records/${made.id}`, { notes: 'stale' }, { headers: { 'if-match': '1' } }), 409, 'objects.version_conflict');
    await ok(oak.api('DELETE', `/objects/permit/records/${made.id}`), 204);
    expectProblem(await oak.api('GET', `/objects/permit/records/${made.id}`), 404, 'not_found');
    expectProblem(await oak.api('DELETE', `/objects/permit/records/${made.id}`), 404, 'not_found');
    const types = (await oak.outbox()).filter((e) => e.type.startsWith('object.permit.') && e.data.id === made.id).map((e) => e.type);
    expect(types).toEqual(['object.permit.created', 'object.permit.updated', 'object.permit.deleted']);
    expect((await oak.outbox('object.permit.updated')).at(-1)!.data.changed.sort()).toEqual(['notes', 'valid_to']);
  });

  it('refuses required, pattern, range, type and unknown-field errors at once with field errors, and writes nothing', async () => {
    const before = (await ok(oak.api('GET', '/objects/permit/records?limit=200'), 200)).data.length;
    const res = await oak.api('POST', '/objects/permit/records', { unit: 'not-an-id', fee: { amountMinor: -1 }, valid_to: '2026-02-30', kind: 'martian', contact: 'nope', colour: 'red' });
    const problem = expectProblem(res, 400, 'validation_failed', ['plate', 'unit', 'fee', 'valid_to', 'kind', 'contact', 'colour']);
    expect(problem.errors.find((e: { field: string }) => e.field === 'plate').code).toBe('required');
    expect(problem.errors.find((e: { field: string }) => e.field === 'fee').code).toBe('out_of_range');
    const pattern = expectProblem(await oak.api('POST', '/objects/permit/records', { plate: 'ab 123' }), 400, 'validation_failed', ['plate']);
    expect(pattern.errors[0].code).toBe('pattern');
    expectProblem(await oak.api('POST', '/objects/permit/records', { plate: 'AB-1', fee: { amountMinor: 5, currency: 'USD' } }), 400, 'validation_failed', ['fee']);
    // A relation to a unit that does not exist, a required field cleared.
    expectProblem(await oak.api('POST', '/objects/permit/records', { plate: 'AB-1', unit: oak.memberIds[0] }), 400, 'validation_failed', ['unit']);
    const kept = await ok(oak.api('POST', '/objects/permit/records', { plate: 'KEEP-1' }));
    expectProblem(await oak.api('PATCH', `/objects/permit/records/${kept.id}`, { plate: null }), 400, 'validation_failed', ['plate']);
    // In Spanish for a Spanish client.
    const es = await oak.api('POST', '/objects/permit/records', { plate: 'ab 123' }, { headers: { 'accept-language': 'es' } });
    expect(es.json().errors[0].message).toBe('no coincide con el patrón del campo');
    expect((await ok(oak.api('GET', '/objects/permit/records?limit=200'), 200)).data.length).toBe(before + 1);
  });

  it('lets only API keys write an API-only field', async () => {
    expectProblem(await oak.api('POST', '/objects/permit/records', { plate: 'API-1', external_ref: 'ERP-9' }), 403, 'objects.api_only_field', ['external_ref']);
    const key = await ok(oak.api('POST', '/api-keys', { name: 'ERP', permissions: ['objects.read', 'objects.write'] }));
    const made = await ok(oak.api('POST', '/objects/permit/records', { plate: 'API-1', external_ref: 'ERP-9' }, { token: key.key }));
    expect(made.external_ref).toBe('ERP-9');
    // A person may still change the other fields of the record.
    await ok(oak.api('PATCH', `/objects/permit/records/${made.id}`, { notes: 'seen' }), 200);
  });

  it('refuses a value another record holds with 409 naming the field, ignoring case, and when two creates race', async () => {
    await ok(oak.api('POST', '/objects/permit/records', { plate: 'UNI-1' }));
    const taken = expectProblem(await oak.api('POST', '/objects/permit/records', { plate: 'uni-1'.toUpperCase() }), 409, 'objects.value_taken', ['plate']);
    expect(taken.errors[0].code).toBe('unique');
    const race = await Promise.all([1, 2, 3].map(() => oak.api('POST', '/objects/permit/records', { plate: 'RACE-1' })));
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of race.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('objects.value_taken');
    const listed = (await ok(oak.api('GET', '/objects/permit/records?filter[plate]=RACE-1'), 200)).data;
    expect(listed).toHaveLength(1);
  });

  it('holds range and unique rules in the database even against a write that skips the service', async () => {
    const definition = await ok(oak.api('GET', '/objects/definitions/permit'), 200);
    const fee = definition.fields.find((f: { key: string }) => f.key === 'fee') as FieldDef;
    const plate = definition.fields.find((f: { key: string }) => f.key === 'plate') as FieldDef;
    const record = await ok(oak.api('POST', '/objects/permit/records', { plate: 'DB-1' }));
    const direct = (data: Record<string, unknown>, field: FieldDef) =>
      oak.tx(async (_db, trx) => {
        await new RecordsRepository(trx).writeValues(oak.id, definition.id, record.id, [field], { [field.id]: data[field.key] });
      });
    await expect(direct({ fee: { amountMinor: 100_001, currency: 'EUR' } }, fee)).rejects.toMatchObject({ code: '23514' });
    await expect(direct({ plate: 'uni-1' }, plate)).rejects.toMatchObject({ code: '23505' });
    await direct({ fee: { amountMinor: 100_000, currency: 'EUR' } }, fee);
    const stored = await oak.tx(async (db) => (await sql<{ num: string }>`SELECT num FROM object_values WHERE record_id = ${record.id}::uuid AND field_id = ${fee.id}::uuid`.execute(db)).rows[0]!.num);
    expect(Number(stored)).toBe(100_000);
  });

  it('links many-to-many records of another object and a file of the documents module', async () => {
    await ok(oak.api('POST', '/objects/definitions', { key: 'vehicle', singular: 'Vehicle', plural: 'Vehicles', fields: [{ key: 'plate', label: 'Plate', type: 'text' }, { key: 'permits', label: 'Permits', type: 'relation', config: { target: 'permit', many: true } }, { key: 'papers', label: 'Papers', type: 'file' }, { key: 'towed_by', label: 'Towed by', type: 'relation', config: { target: 'vehicle' } }] }));
    const p1 = await ok(oak.api('POST', '/objects/permit/records', { plate: 'LINK-1' }));
    const p2 = await ok(oak.api('POST', '/objects/permit/records', { plate: 'LINK-2' }));
    const doc = await ok(oak.api('POST', '/documents', { title: 'Registration' }));
    const car = await ok(oak.api('POST', '/objects/vehicle/records', { plate: 'CAR', permits: [p1.id, p2.id], papers: doc.id }));
    expect(car).toMatchObject({ permits: [p1.id, p2.id], papers: doc.id });
    // A relation to the object itself.
    const trailer = await ok(oak.api('POST', '/objects/vehicle/records', { plate: 'TRAILER', towed_by: car.id }));
    expect((await ok(oak.api('GET', `/objects/vehicle/records?filter[towed_by]=${car.id}`), 200)).data.map((r: { id: string }) => r.id)).toEqual([trailer.id]);
    expect((await ok(oak.api('GET', `/objects/vehicle/records?filter[permits]=${p2.id}`), 200)).data.map((r: { id: string }) => r.id)).toEqual([car.id]);
    expectProblem(await oak.api('POST', '/objects/vehicle/records', { permits: [oak.unitIds[0]] }), 400, 'validation_failed', ['permits']);
    expectProblem(await oak.api('POST', '/objects/vehicle/records', { papers: oak.unitIds[0] }), 400, 'validation_failed', ['papers']);
    // A deleted permit leaves no link behind.
    await ok(oak.api('DELETE', `/objects/permit/records/${p2.id}`), 204);
    expect((await ok(oak.api('GET', `/objects/vehicle/records?filter[permits]=${p2.id}`), 200)).data).toEqual([]);
  });

  it('answers 400, never 500, to hostile bodies and queries', async () => {
    const bodies: unknown[] = [
      { plate: 'X'.repeat(100_000) },
      { plate: { $gt: '' } },
      { plate: ['A'] },
      { plate: 'OK-1', valid_to: '99999-01-01' },
      { plate: 'OK-1', fee: { amountMinor: 1e300 } },
      { plate: 'OK-1', fee: { amountMinor: 1, currency: 'EUR', extra: 1 } },
      { plate: 'OK-1', tags: 'ev' },
      { plate: 'OK-1', unit: [oak.unitIds[0]] },
      { plate: 'OK-1', __proto__: { admin: true }, constructor: 'x' },
    ];
    for (const body of bodies) {
      const res = await oak.api('POST', '/objects/permit/records', body);
      expect([400, 413], `${JSON.stringify(body).slice(0, 80)}: ${res.body}`).toContain(res.statusCode);
    }
    const queries = ['filter[fee][gte]=abc', 'filter[fee][gte]=1e999', 'filter[plate][regex]=x', 'filter[nope]=1', 'sort=notes', 'sort=-nope', 'filter=1', 'filter[tags][gt]=1', 'cursor=W1tdXQ', 'sort=plate&cursor=WzAsMSwiYSJd', 'filter[valid_to]=2026-13-01', `filter[plate][in]=${Array(200).fill('A').join(',')}`, 'sort=plate,fee,valid_to,kind'];
    for (const q of queries) {
      const res = await oak.api('GET', `/objects/permit/records?${q}`);
      expect(res.statusCode, `${q}: ${res.body}`).toBe(400);
    }
    expectProblem(await oak.api('GET', '/objects/nothing_here/records'), 404, 'not_found');
  });
});
