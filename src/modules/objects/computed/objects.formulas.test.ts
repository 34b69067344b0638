import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../kernel/dates.js';
import { estate, expectProblem, ok, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { jobContext, takeEvents } from '../../../../test/mail-helpers.js';
import { recomputeSubscriber } from './formulas.jobs.js';

let t: TestPlatform;
let oak: Estate;

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const ids = (page: { data: { id: string }[] }) => page.data.map((r) => r.id);

/** Runs the recompute subscriber on the events the definition changes left. */
async function recomputeNow(): Promise<void> {
  for (const event of await takeEvents(t.platform, oak.id, ['object_field.recompute_requested'])) await recomputeSubscriber.handle(event, jobContext(t.platform));
}

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak-formulas', units: 1, members: 1 });
  await ok(oak.api('POST', '/objects/definitions', {
    key: 'permit',
    singular: 'Permit',
    plural: 'Permits',
    fields: [
      { key: 'plate', label: 'Plate', type: 'text' },
      { key: 'valid_from', label: 'Valid from', type: 'date' },
      { key: 'valid_to', label: 'Valid to', type: 'date' },
      { key: 'fee', label: 'Fee', type: 'currency', config: { currency: 'EUR' } },
      { key: 'length', label: 'Length', type: 'formula', config: { expression: 'days_between(valid_from, valid_to)' } },
      { key: 'label', label: 'Label', type: 'formula', config: { expression: "upper(plate) & ' (' & text(length) & ' days)'" } },
    ],
  }));
  await ok(oak.api('POST', '/objects/definitions', {
    key: 'permit_payment',
    singular: 'Permit payment',
    plural: 'Permit payments',
    fields: [
      { key: 'permit', label: 'Permit', type: 'relation', config: { target: 'permit' } },
      { key: 'amount', label: 'Amount', type: 'currency', config: { currency: 'EUR' } },
    ],
  }));
});
afterAll(() => t?.close());

describe('formula fields', () => {
  it('refuses a formula that does not check, with the error at its position in config.expression', async () => {
    const res = await oak.api('POST', '/objects/definitions/permit/fields', { key: 'span', label: 'Span', type: 'formula', config: { expression: 'valid_to - valid_from' } });
    const problem = expectProblem(res, 400, 'validation_failed', ['config.expression']);
    expect(problem.errors[0]).toMatchObject({ code: 'expression.type_mismatch', position: { start: 0, end: 8, line: 1, column: 1 } });
    const syntax = expectProblem(await oak.api('POST', '/objects/definitions/permit/fields', { key: 'span', label: 'Span', type: 'formula', config: { expression: 'fee * ' } }), 400, 'validation_failed', ['config.expression']);
    expect(syntax.errors[0]).toMatchObject({ code: 'expression.syntax', position: { start: 6 } });
    const unknown = expectProblem(await oak.api('POST', '/objects/definitions/permit/fields', { key: 'span', label: 'Span', type: 'formula', config: { expression: 'plate & colour' } }), 400, 'validation_failed', ['config.expression']);
    expect(unknown.errors[0]).toMatchObject({ code: 'expression.unknown_field', position: { start: 8, end: 14 } });
    // In Spanish for a Spanish client.
    const es = await oak.api('POST', '/objects/definitions/permit/fields', { key: 'span', label: 'Span', type: 'formula', config: { expression: 'plate & colour' } }, { headers: { 'accept-language': 'es' } });
    expect(es.json().errors[0].message).not.toBe(unknown.errors[0].message);
    // A field change with a bad expression is refused the same way, at `expression`.
    expectProblem(await oak.api('PATCH', '/objects/definitions/permit/fields/length', { expression: 'valid_to > ' }), 400, 'validation_failed', ['expression']);
  });

  it('computes formulas on every write, stores them, sorts and filters on them, and refuses writing them', async () => {
    const a = await ok(oak.api('POST', '/objects/permit/records', { plate: 'ab-1', valid_from: '2026-01-01', valid_to: '2026-01-31' }));
    expect(a).toMatchObject({ length: 30, label: 'AB-1 (30 days)' });
    const b = await ok(oak.api('POST', '/objects/permit/records', { plate: 'cd-2', valid_from: '2026-01-01', valid_to: '2026-03-01' }));
    expect(b.length).toBe(59);
    const c = await ok(oak.api('POST', '/objects/permit/records', { plate: 'ef-3' }));
    expect(c).toMatchObject({ length: null, label: 'EF-3 ( days)' });
    const changed = await ok(oak.api('PATCH', `/objects/permit/records/${a.id}`, { valid_to: '2026-02-10' }), 200);
    expect(changed).toMatchObject({ length: 40, label: 'AB-1 (40 days)', version: 2 });
    expect((await oak.outbox('object.permit.updated')).at(-1)!.data.changed.sort()).toEqual(['label', 'length', 'valid_to']);

    const sorted = await ok(oak.api('GET', '/objects/permit/records?sort=-length'), 200);
    expect(ids(sorted).filter((id: string) => [a.id, b.id, c.id].includes(id))).toEqual([c.id, b.id, a.id]);
    expect(ids(await ok(oak.api('GET', '/objects/permit/records?sort=length'), 200)).filter((id: string) => [a.id, b.id, c.id].includes(id))).toEqual([a.id, b.id, c.id]);
    expect(ids(await ok(oak.api('GET', '/objects/permit/records?filter[length][gte]=45'), 200))).toEqual([b.id]);
    expect(ids(await ok(oak.api('GET', '/objects/permit/records?filter[label][starts_with]=AB'), 200))).toEqual([a.id]);

    const refused = expectProblem(await oak.api('POST', '/objects/permit/records', { plate: 'x', length: 3 }), 400, 'validation_failed', ['length']);
    expect(refused.errors[0].code).toBe('read_only');
    expectProblem(await oak.api('PATCH', `/objects/permit/records/${a.id}`, { label: 'mine' }), 400, 'validation_failed', ['label']);
  });

  it('computes a formula added later for the existing records, in the background', async () => {
    const made = await ok(oak.api('POST', '/objects/permit/records', { plate: 'gh-4', fee: eur(1999) }));
    const def = await ok(oak.api('POST', '/objects/definitions/permit/fields', { key: 'discounted', label: 'Discounted', type: 'formula', config: { expression: 'fee * 0.85' } }));
    expect(def.fields.find((f: { key: string }) => f.key === 'discounted').config).toMatchObject({ result: { type: 'currency', currency: 'EUR' }, volatile: false });
    expect((await ok(oak.api('GET', `/objects/permit/records/${made.id}`), 200)).discounted).toBeNull();
    await recomputeNow();
    expect((await ok(oak.api('GET', `/objects/permit/records/${made.id}`), 200)).discounted).toEqual(eur(1699));
    // Its expression changed: computed again, and the change is a version of the definition.
    await ok(oak.api('PATCH', '/objects/definitions/permit/fields/discounted', { expression: 'fee * 0.5' }), 200);
    await recomputeNow();
    expect((await ok(oak.api('GET', `/objects/permit/records/${made.id}`), 200)).discounted).toEqual(eur(1000));
    expect(ids(await ok(oak.api('GET', '/objects/permit/records?filter[discounted][eq]=1000'), 200))).toEqual([made.id]);
  });

  it('refuses a cycle between formulas', async () => {
    await ok(oak.api('POST', '/objects/definitions/permit/fields', { key: 'double_length', label: 'Double', type: 'formula', config: { expression: 'length * 2' } }));
    const cycle = expectProblem(await oak.api('PATCH', '/objects/definitions/permit/fields/length', { expression: 'double_length + 1' }), 400, 'validation_failed', ['expression']);
    expect(cycle.errors[0]).toMatchObject({ code: 'expression.cycle', position: null });
    expect(cycle.errors[0].message).toContain('permit.length');
  });

  it('recomputes formulas that read the clock with the daily job', async () => {
    await ok(oak.api('POST', '/objects/definitions/permit/fields', { key: 'days_left', label: 'Days left', type: 'formula', config: { expression: 'days_between(today(), valid_to)' } }));
    const made = await ok(oak.api('POST', '/objects/permit/records', { plate: 'ij-5', valid_to: '2099-12-31' }));
    const ctx = jobContext(t.platform);
    const { timeZone } = await ctx.tenant(oak.id);
    const daysTo = (from: string) => Math.round((Date.parse('2099-12-31T00:00:00Z') - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
    expect(made.days_left).toBe(daysTo(todayIn(timeZone, new Date())));

    const job = t.platform.modules.get('objects')!.jobs!.find((j) => j.name === 'objects.recompute-volatile')!;
    expect(job.schedule).toEqual({ cron: '5 0 * * *', perTenant: true, tenantLocal: true });
    const later = new Date('2099-12-01T12:00:00Z');
    await job.handler({ id: randomUUID(), name: job.name, data: { tenantId: oak.id }, retryCount: 0 }, { ...ctx, now: () => later });
    const after = await ok(oak.api('GET', `/objects/permit/records/${made.id}`), 200);
    expect(after.days_left).toBe(daysTo(todayIn(timeZone, later)));
    // A recomputation is not a client's change: the record keeps its version.
    expect(after.version).toBe(1);
    expect(ids(await ok(oak.api('GET', `/objects/permit/records?filter[days_left][lte]=${daysTo(todayIn(timeZone, later))}`), 200))).toContain(made.id);
  });

  it('checks an expression for the pages: its type, or its errors with positions', async () => {
    const good = await ok(oak.api('POST', '/objects/definitions/permit/expressions/check', { expression: 'days_between(today(), valid_to)' }), 200);
    expect(good).toEqual({ ok: true, type: { kind: 'number', description: 'a number' }, volatile: true, errors: [] });
    const money = await ok(oak.api('POST', '/objects/definitions/permit/expressions/check', { expression: 'fee * 2' }), 200);
    expect(money.type).toEqual({ kind: 'money', currency: 'EUR', description: 'an amount of money in EUR' });
    const rule = await ok(oak.api('POST', '/objects/definitions/permit/expressions/check', { expression: 'fee * 2', purpose: 'rule' }), 200);
    expect(rule).toMatchObject({ ok: false, type: null, errors: [{ code: 'expression.result_type', position: { start: 0, end: 7 } }] });
    expectProblem(await oak.api('POST', '/objects/definitions/nothing/expressions/check', { expression: '1' }), 404, 'not_found');
  });
});

describe('rollups', () => {
  it('a rollup updates when a related record is created, changed, re-pointed and deleted', async () => {
    const def = await ok(oak.api('POST', '/objects/definitions/permit/fields', { key: 'paid', label: 'Paid', type: 'rollup', config: { fn: 'sum', object: 'permit_payment', relation: 'permit', field: 'amount' } }));
    expect(def.fields.find((f: { key: string }) => f.key === 'paid').config.result).toEqual({ type: 'currency', currency: 'EUR' });
    await ok(oak.api('POST', '/objects/definitions/permit/fields', { key: 'payments', label: 'Payments', type: 'rollup', config: { fn: 'count', object: 'permit_payment', relation: 'permit' } }));
    await ok(oak.api('POST', '/objects/definitions/permit/fields', { key: 'owed', label: 'Owed', type: 'formula', config: { expression: 'fee - paid' } }));
    const p1 = await ok(oak.api('POST', '/objects/permit/records', { plate: 'r-1', fee: eur(5000) }));
    const p2 = await ok(oak.api('POST', '/objects/permit/records', { plate: 'r-2', fee: eur(3000) }));
    expect(p1).toMatchObject({ paid: eur(0), payments: 0, owed: eur(5000) });
    const read = async (id: string) => {
      const r = await ok(oak.api('GET', `/objects/permit/records/${id}`), 200);
      return { paid: r.paid.amountMinor, payments: r.payments, owed: r.owed.amountMinor };
    };

    const pay = await ok(oak.api('POST', '/objects/permit_payment/records', { permit: p1.id, amount: eur(1200) }));
    expect(await read(p1.id)).toEqual({ paid: 1200, payments: 1, owed: 3800 });
    await ok(oak.api('POST', '/objects/permit_payment/records', { permit: p1.id, amount: eur(800) }));
    expect(await read(p1.id)).toEqual({ paid: 2000, payments: 2, owed: 3000 });
    await ok(oak.api('PATCH', `/objects/permit_payment/records/${pay.id}`, { amount: eur(200) }), 200);
    expect(await read(p1.id)).toEqual({ paid: 1000, payments: 2, owed: 4000 });
    // Re-pointed: the old permit and the new one both follow.
    await ok(oak.api('PATCH', `/objects/permit_payment/records/${pay.id}`, { permit: p2.id }), 200);
    expect(await read(p1.id)).toEqual({ paid: 800, payments: 1, owed: 4200 });
    expect(await read(p2.id)).toEqual({ paid: 200, payments: 1, owed: 2800 });
    await ok(oak.api('DELETE', `/objects/permit_payment/records/${pay.id}`), 204);
    expect(await read(p2.id)).toEqual({ paid: 0, payments: 0, owed: 3000 });
    // Sortable like any stored value.
    const byPaid = ids(await ok(oak.api('GET', '/objects/permit/records?sort=-paid&filter[paid][gte]=1'), 200));
    expect(byPaid).toEqual([p1.id]);
    // In the same transaction as the payment: its value rows say so too.
    const rows = await oak.tx(async (db) => (await sql<{ num: string }>`SELECT v.num FROM object_values v JOIN object_fields f ON f.id = v.field_id WHERE f.key = 'paid' AND v.record_id = ${p1.id}::uuid`.execute(db)).rows);
    expect(rows.map((r) => Number(r.num))).toEqual([800]);
  });

  it('rolls up a many-to-many relation, and reads a related record through a to-one relation', async () => {
    await ok(oak.api('POST', '/objects/definitions', {
      key: 'bundle',
      singular: 'Bundle',
      plural: 'Bundles',
      fields: [
        { key: 'permits', label: 'Permits', type: 'relation', config: { target: 'permit', many: true } },
        { key: 'total', label: 'Total', type: 'rollup', config: { fn: 'sum', relation: 'permits', field: 'fee' } },
        { key: 'latest', label: 'Latest end', type: 'rollup', config: { fn: 'max', relation: 'permits', field: 'valid_to' } },
      ],
    }));
    const a = await ok(oak.api('POST', '/objects/permit/records', { plate: 'm-1', fee: eur(1000), valid_from: '2026-01-01', valid_to: '2026-06-30' }));
    const b = await ok(oak.api('POST', '/objects/permit/records', { plate: 'm-2', fee: eur(500), valid_from: '2026-01-01', valid_to: '2026-03-31' }));
    const bundle = await ok(oak.api('POST', '/objects/bundle/records', { permits: [a.id, b.id] }));
    expect(bundle).toMatchObject({ total: eur(1500), latest: '2026-06-30' });
    // A linked permit changed: the bundle follows, in the same transaction.
    await ok(oak.api('PATCH', `/objects/permit/records/${b.id}`, { fee: eur(700), valid_to: '2026-12-31' }), 200);
    expect(await ok(oak.api('GET', `/objects/bundle/records/${bundle.id}`), 200)).toMatchObject({ total: eur(1700), latest: '2026-12-31' });
    await ok(oak.api('DELETE', `/objects/permit/records/${a.id}`), 204);
    expect((await ok(oak.api('GET', `/objects/bundle/records/${bundle.id}`), 200)).total).toEqual(eur(700));

    // A payment's formula reads its permit's plate through the to-one relation.
    await ok(oak.api('POST', '/objects/definitions/permit_payment/fields', { key: 'plate', label: 'Plate', type: 'formula', config: { expression: "upper(permit.plate) & ': ' & text(amount)" } }));
    const pay = await ok(oak.api('POST', '/objects/permit_payment/records', { permit: b.id, amount: eur(250) }));
    expect(pay.plate).toBe('M-2: 2.50 EUR');
    // The permit's plate changes: the payment's formula follows, in the same transaction.
    await ok(oak.api('PATCH', `/objects/permit/records/${b.id}`, { plate: 'm-22' }), 200);
    expect((await ok(oak.api('GET', `/objects/permit_payment/records/${pay.id}`), 200)).plate).toBe('M-22: 2.50 EUR');
    await ok(oak.api('DELETE', `/objects/permit/records/${b.id}`), 204);
    // Gone: the plate reads as blank (`&` joins a blank as nothing).
    expect((await ok(oak.api('GET', `/objects/permit_payment/records/${pay.id}`), 200)).plate).toBe(': 2.50 EUR');
  });

  it('refuses a rollup whose relation does not point at the object', async () => {
    expectProblem(await oak.api('POST', '/objects/definitions/permit/fields', { key: 'bad', label: 'Bad', type: 'rollup', config: { fn: 'sum', object: 'permit_payment', relation: 'amount', field: 'amount' } }), 400, 'validation_failed', ['config.relation']);
    expectProblem(await oak.api('POST', '/objects/definitions/permit/fields', { key: 'bad', label: 'Bad', type: 'rollup', config: { fn: 'sum', object: 'nothing', relation: 'permit', field: 'amount' } }), 400, 'validation_failed', ['config.object']);
    expectProblem(await oak.api('POST', '/objects/definitions/permit/fields', { key: 'bad', label: 'Bad', type: 'rollup', config: { fn: 'sum', object: 'permit_payment', relation: 'permit', field: 'nope' } }), 400, 'validation_failed', ['config.field']);
    expectProblem(await oak.api('POST', '/objects/definitions/permit/fields', { key: 'bad', label: 'Bad', type: 'rollup', config: { fn: 'sum', object: 'permit_payment', relation: 'permit' } }), 400, 'validation_failed', ['config.field']);
  });
});

describe('cross-field rules', () => {
  it('refuses a write that makes a rule false with its message, lets null pass, and versions the rules', async () => {
    const bad = expectProblem(await oak.api('POST', '/objects/definitions/permit/rules', { expression: 'valid_to - 1', message: 'x' }), 400, 'validation_failed', ['expression']);
    expect(bad.errors[0].position).toBeTruthy();
    expectProblem(await oak.api('POST', '/objects/definitions/permit/rules', { expression: 'valid_to > valid_from', message: 'x', fields: ['nope'] }), 400, 'validation_failed', ['fields.0']);
    const def = await ok(oak.api('POST', '/objects/definitions/permit/rules', { expression: 'valid_to > valid_from', message: 'Valid to must be after valid from', fields: ['valid_to'] }));
    const rule = def.rules[0];
    expect(rule).toMatchObject({ expression: 'valid_to > valid_from', fields: ['valid_to'] });

    const refused = expectProblem(await oak.api('POST', '/objects/permit/records', { plate: 'q-1', valid_from: '2026-05-01', valid_to: '2026-04-01' }), 422, 'objects.rule_failed', ['valid_to']);
    expect(refused.errors[0]).toMatchObject({ message: 'Valid to must be after valid from', code: 'rule' });
    // A rule reading a blank value passes, as a SQL CHECK does.
    const blank = await ok(oak.api('POST', '/objects/permit/records', { plate: 'q-2', valid_from: '2026-05-01' }));
    expectProblem(await oak.api('PATCH', `/objects/permit/records/${blank.id}`, { valid_to: '2026-01-01' }), 422, 'objects.rule_failed', ['valid_to']);
    expect((await ok(oak.api('GET', `/objects/permit/records/${blank.id}`), 200)).valid_to).toBeNull();

    // Without named fields, the refusal names the field the rule reads first.
    const changed = await ok(oak.api('PATCH', `/objects/definitions/permit/rules/${rule.id}`, { fields: [], message: 'Ends before it starts' }), 200);
    expect(changed.rules[0]).toMatchObject({ fields: [], message: 'Ends before it starts' });
    expectProblem(await oak.api('PATCH', `/objects/permit/records/${blank.id}`, { valid_to: '2026-01-01' }), 422, 'objects.rule_failed', ['valid_to']);
    await ok(oak.api('DELETE', `/objects/definitions/permit/rules/${rule.id}`), 200);
    await ok(oak.api('PATCH', `/objects/permit/records/${blank.id}`, { valid_to: '2026-01-01' }), 200);
    expectProblem(await oak.api('DELETE', `/objects/definitions/permit/rules/${rule.id}`), 404, 'not_found');
    const actions = (await ok(oak.api('GET', '/objects/definitions/permit/changes'), 200)).data.map((c: { action: string }) => c.action);
    expect(actions.filter((a: string) => a.startsWith('rule_'))).toEqual(['rule_added', 'rule_updated', 'rule_removed']);
  });

  it('enforces rules and computes formulas on a standard record\'s custom fields', async () => {
    await ok(oak.api('POST', '/objects/definitions', {
      key: 'unit',
      singular: 'Unit',
      plural: 'Units',
      extends: 'unit',
      fields: [{ key: 'area', label: 'Area', type: 'number' }, { key: 'rooms', label: 'Rooms', type: 'number' }, { key: 'per_room', label: 'Per room', type: 'formula', config: { expression: 'round(area / rooms, 1)' } }],
    }));
    await ok(oak.api('POST', '/objects/definitions/unit/rules', { expression: 'rooms >= 1', message: 'A unit has at least one room' }));
    const put = await ok(oak.api('PUT', `/objects/extensions/unit/${oak.unitIds[0]}`, { area: 70, rooms: 3 }), 200);
    expect(put.per_room).toBe(23.3);
    expectProblem(await oak.api('PUT', `/objects/extensions/unit/${oak.unitIds[0]}`, { rooms: 0 }), 422, 'objects.rule_failed', ['rooms']);
    // A custom object's formula reads the unit's custom field through its relation, and follows it.
    await ok(oak.api('POST', '/objects/definitions', {
      key: 'storage_bay',
      singular: 'Storage bay',
      plural: 'Storage bays',
      fields: [{ key: 'unit', label: 'Unit', type: 'relation', config: { target: 'unit' } }, { key: 'unit_area', label: 'Unit area', type: 'formula', config: { expression: 'unit.area' } }],
    }));
    const bay = await ok(oak.api('POST', '/objects/storage_bay/records', { unit: oak.unitIds[0] }));
    expect(bay.unit_area).toBe(70);
    await ok(oak.api('PUT', `/objects/extensions/unit/${oak.unitIds[0]}`, { area: 82 }), 200);
    expect((await ok(oak.api('GET', `/objects/storage_bay/records/${bay.id}`), 200)).unit_area).toBe(82);
  });
});
