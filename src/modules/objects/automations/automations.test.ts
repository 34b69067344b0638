import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../kernel/dates.js';
import type { DomainEvent } from '../../../kernel/events/event.js';
import type { EventSubscriber } from '../../../kernel/jobs/job.js';
import { estate, expectProblem, kit, ok, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { jobContext, readMailFile, relayMail, takeEvents } from '../../../../test/mail-helpers.js';

let t: TestPlatform;
let cork: Estate;
let subscriber: EventSubscriber;

const RECORD_EVENTS = ['object.permit.created', 'object.permit.updated', 'object.permit.deleted', 'object.inspection.created', 'object.inspection.updated'];

/** Hands the tenant's waiting record events to the automations subscriber in one batch, as the relay would; returns them. */
async function relay(): Promise<DomainEvent[]> {
  const events = await takeEvents(t.platform, cork.id, RECORD_EVENTS);
  if (events.length > 0) await subscriber.batch!.handle(events, jobContext(t.platform));
  return events;
}

const automations = '/objects/definitions/permit/automations';
const runsOf = async (id: string) => (await ok(cork.api('GET', `${automations}/${id}/runs`), 200)).data;
const queuedMail = async () => (await cork.outbox('mail.queued')).length;

beforeAll(async () => {
  t = await startPlatform();
  cork = await estate(t, { slug: 'cork', units: 1, members: 0, staff: true });
  subscriber = t.platform.modules.get('objects')!.subscribers!.find((s) => s.name === 'objects.automations')!;
  await ok(cork.api('POST', '/objects/definitions', {
    key: 'permit',
    singular: 'Parking permit',
    plural: 'Parking permits',
    fields: [
      { key: 'plate', label: 'Plate', type: 'text', rules: { required: true, unique: true } },
      { key: 'owner', label: 'Owner', type: 'relation', config: { target: 'member' } },
      { key: 'contact', label: 'Contact', type: 'email' },
      { key: 'valid_to', label: 'Valid to', type: 'date' },
      { key: 'status', label: 'Status', type: 'select', config: { options: [{ key: 'new', label: 'New' }, { key: 'approved', label: 'Approved' }] } },
      { key: 'fee', label: 'Fee', type: 'currency', config: { currency: 'EUR' } },
      { key: 'ref', label: 'Reference', type: 'text', rules: { unique: true } },
    ],
  }));
  await ok(cork.api('POST', '/objects/definitions', {
    key: 'inspection',
    singular: 'Inspection',
    plural: 'Inspections',
    fields: [
      { key: 'permit', label: 'Permit', type: 'relation', config: { target: 'permit' } },
      { key: 'due', label: 'Due', type: 'date' },
      { key: 'note', label: 'Note', type: 'text' },
    ],
  }));
});
afterAll(() => t?.close());

describe('automations of a custom object', () => {
  it('are checked against the object when defined: unknown fields, misplaced options and expression errors at their position', async () => {
    const res = await cork.api('POST', automations, {
      name: 'Broken',
      trigger: { type: 'date', field: 'plate', fields: ['plate'] },
      condition: 'valid_to > 3',
      actions: [{ type: 'set_field', field: 'colour', value: 'red' }, { type: 'send_mail', to: 'plate', subject: 'Hi {{nope}}' }, { type: 'create_record', object: 'inspection', relationField: 'note', values: { due: { expression: 'add_days(valid_to, 7' } } }],
    });
    const problem = expectProblem(res, 400, 'validation_failed', ['trigger.fields', 'trigger.field', 'condition', 'actions.0.field', 'actions.1.to', 'actions.1.subject', 'actions.1.body', 'actions.2.relationField', 'actions.2.values.due.expression']);
    const condition = problem.expressionErrors.find((e: { field: string }) => e.field === 'condition');
    expect(condition).toMatchObject({ code: 'expression.type_mismatch', position: { line: 1, column: expect.any(Number) } });
    // Only emit_webhook makes sense once a record is gone.
    expectProblem(await cork.api('POST', automations, { name: 'Gone', trigger: { type: 'deleted' }, actions: [{ type: 'set_field', field: 'plate', value: 'X' }] }), 400, 'validation_failed', ['actions.0.type']);
    // Reading takes objects.read, changing objects.manage.
    const staff = cork.as(cork.staff!);
    expect((await ok(staff.api('GET', automations), 200)).data).toEqual([]);
    expectProblem(await staff.api('POST', automations, { name: 'Mine', trigger: { type: 'created' }, actions: [{ type: 'emit_webhook', event: 'hello' }] }), 403, 'permission_denied');
    expectProblem(await cork.api('GET', `${automations}/0190a0a0-0000-7000-8000-000000000000`), 404, 'not_found');
  });

  it('runs on created records: a condition, then set a field, create a related record and emit a webhook event, once; its own writes trigger nothing', async () => {
    const approve = await ok(cork.api('POST', automations, {
      name: 'Approve and schedule an inspection',
      trigger: { type: 'created' },
      condition: "status = 'new' and not is_blank(valid_to)",
      actions: [
        { type: 'set_field', field: 'status', value: 'approved' },
        { type: 'create_record', object: 'inspection', relationField: 'permit', values: { due: { expression: 'add_days(valid_to, -7)' }, note: { value: 'first check' } } },
        { type: 'emit_webhook', event: 'permit_approved' },
      ],
    }));
    expect(approve).toMatchObject({ object: 'permit', enabled: true, trigger: { type: 'created' } });
    // An updated-trigger automation that would loop if automations' own writes triggered it.
    const touched = await ok(cork.api('POST', automations, { name: 'Count changes', trigger: { type: 'updated', fields: ['status'] }, actions: [{ type: 'emit_webhook', event: 'status_changed' }] }));

    const permit = await ok(cork.api('POST', '/objects/permit/records', { plate: 'CK-1', status: 'new', valid_to: '2027-03-31' }));
    const skipped = await ok(cork.api('POST', '/objects/permit/records', { plate: 'CK-2', status: 'approved', valid_to: '2027-03-31' }));
    await relay();
    // The automation's writes: the status update and the inspection's creation; their events run nothing.
    const second = await relay();
    expect(second.map((e) => e.type).sort()).toEqual(['object.inspection.created', 'object.permit.updated']);
    expect(await relay()).toEqual([]);

    expect(await ok(cork.api('GET', `/objects/permit/records/${permit.id}`), 200)).toMatchObject({ status: 'approved', version: 2 });
    const inspections = (await ok(cork.api('GET', '/objects/inspection/records'), 200)).data;
    expect(inspections).toEqual([expect.objectContaining({ permit: permit.id, due: '2027-03-24', note: 'first check' })]);
    const hooks = await cork.outbox('object.permit.automation');
    expect(hooks).toEqual([{ type: 'object.permit.automation', data: expect.objectContaining({ object: 'permit', event: 'permit_approved', automation: { id: approve.id, name: approve.name }, cause: 'object.permit.created', record: expect.objectContaining({ id: permit.id, plate: 'CK-1' }) }) }]);

    const runs = await runsOf(approve.id);
    expect(runs.map((r: { recordId: string; status: string }) => [r.recordId, r.status]).sort()).toEqual([[permit.id, 'succeeded'], [skipped.id, 'skipped']].sort());
    expect(runs.find((r: { recordId: string }) => r.recordId === permit.id).actions).toEqual([
      expect.objectContaining({ type: 'set_field', status: 'succeeded', attempts: 1, error: null }),
      expect.objectContaining({ type: 'create_record', status: 'succeeded', attempts: 1 }),
      expect.objectContaining({ type: 'emit_webhook', status: 'succeeded', attempts: 1 }),
    ]);
    expect(await runsOf(touched.id)).toEqual([]);

    // A person's change of a watched field runs the updated automation; of another field, nothing.
    await ok(cork.api('PATCH', `/objects/permit/records/${permit.id}`, { valid_to: '2027-04-30' }), 200);
    await relay();
    expect(await runsOf(touched.id)).toEqual([]);
    await ok(cork.api('PATCH', `/objects/permit/records/${permit.id}`, { status: 'new' }), 200);
    await relay();
    expect((await runsOf(touched.id)).map((r: { status: string }) => r.status)).toEqual(['succeeded']);
    await ok(cork.api('DELETE', `${automations}/${approve.id}`), 204);
    await ok(cork.api('DELETE', `${automations}/${touched.id}`), 204);
  });

  it('an automation fires once per trigger under retries: a redelivered event, and a crash between actions, send the mail once; one failing keeps the batch going', async () => {
    const owner = await cork.newMember({ firstName: 'Orla', lastName: 'Byrne', email: 'orla@cork.test' });
    const taken = await ok(cork.api('POST', '/objects/permit/records', { plate: 'CK-TAKEN', ref: 'R-1' }));
    await relay();
    const welcome = await ok(cork.api('POST', automations, {
      name: 'Welcome the owner',
      trigger: { type: 'created' },
      condition: "plate != 'CK-4'",
      actions: [
        { type: 'send_mail', to: 'owner', subject: 'Permit {{plate}}', body: 'Your permit {{plate}} is valid to {{valid_to}}.' },
        // Fails while another permit holds the reference (unique): a crash after the mail.
        { type: 'set_field', field: 'ref', value: 'R-1' },
      ],
    }));
    const failing = await ok(cork.api('POST', '/objects/permit/records', { plate: 'CK-3', owner, valid_to: '2027-05-31' }));
    const after = await ok(cork.api('POST', '/objects/permit/records', { plate: 'CK-4', owner }));
    const batch = await takeEvents(t.platform, cork.id, RECORD_EVENTS);
    expect(batch).toHaveLength(2);
    const runOf = async (recordId: string) => (await runsOf(welcome.id)).find((r: { recordId: string }) => r.recordId === recordId);
    await expect(subscriber.batch!.handle(batch, jobContext(t.platform))).rejects.toThrow();
    let run = await runOf(failing.id);
    expect(run).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('action 2 (set_field)') });
    expect(run.actions).toEqual([expect.objectContaining({ status: 'succeeded', attempts: 1 }), expect.objectContaining({ status: 'failed', attempts: 1, error: expect.any(String) })]);
    // The next event of the batch ran all the same.
    expect(await runOf(after.id)).toMatchObject({ status: 'skipped' });
    expect(await queuedMail()).toBe(1);

    // The retry (the job system's, here by hand) fails again and sends nothing more.
    await expect(subscriber.batch!.handle(batch, jobContext(t.platform))).rejects.toThrow();
    expect(await queuedMail()).toBe(1);
    // The cause goes; the next retry finishes the run without sending the mail again.
    await ok(cork.api('DELETE', `/objects/permit/records/${taken.id}`), 204);
    await subscriber.batch!.handle(batch, jobContext(t.platform));
    run = await runOf(failing.id);
    expect(run).toMatchObject({ status: 'succeeded', attempts: 3, error: null });
    expect(run.actions).toEqual([expect.objectContaining({ status: 'succeeded', attempts: 1 }), expect.objectContaining({ status: 'succeeded', attempts: 3, error: null })]);
    // Delivered again after success, alone: nothing.
    await subscriber.handle(batch[0]!, jobContext(t.platform));
    await relay();
    expect(await queuedMail()).toBe(1);
    expect(await runsOf(welcome.id)).toHaveLength(2);

    const [sent] = await relayMail(t.platform, cork.id);
    const mail = await readMailFile(t.config.dataDir, (sent!.data as { messageId: string }).messageId);
    expect(mail.subject).toBe('Permit CK-3');
    expect(mail.to).toMatchObject({ value: [{ address: 'orla@cork.test', name: 'Orla Byrne' }] });
    expect(mail.text).toContain('Your permit CK-3 is valid to 2027-05-31.');
    await ok(cork.api('DELETE', `${automations}/${welcome.id}`), 204);
  });

  it('fires a date trigger once per record and date, from the daily job in the tenant\'s zone, and again when the date moves', async () => {
    const now = new Date();
    const today = todayIn('UTC', now);
    const reminder = await ok(cork.api('POST', automations, {
      name: 'Remind 14 days before expiry',
      trigger: { type: 'date', field: 'valid_to', offsetDays: -14 },
      condition: "is_blank(status) or status != 'approved'",
      actions: [{ type: 'send_mail', to: 'contact', subject: 'Your permit {{plate}} expires on {{valid_to}}', body: 'Renew it before {{valid_to}}.' }],
    }));
    const due = await ok(cork.api('POST', '/objects/permit/records', { plate: 'CK-D1', contact: 'due@cork.test', valid_to: addDays(today, 14) }));
    await ok(cork.api('POST', '/objects/permit/records', { plate: 'CK-D2', contact: 'later@cork.test', valid_to: addDays(today, 15) }));
    await ok(cork.api('POST', '/objects/permit/records', { plate: 'CK-D3', contact: 'approved@cork.test', status: 'approved', valid_to: addDays(today, 14) }));
    await relay();
    const before = await queuedMail();

    await cork.runJob('objects', 'objects.automation-dates', now);
    await cork.runJob('objects', 'objects.automation-dates', now);
    expect((await queuedMail()) - before).toBe(1);
    const runs = await runsOf(reminder.id);
    expect(runs.map((r: { trigger: string; status: string }) => [r.trigger, r.status]).sort()).toEqual([
      [`date:${due.id}:${addDays(today, 14)}`, 'succeeded'],
      [expect.stringMatching(/^date:/), 'skipped'],
    ].sort((a, b) => String(b[1]).localeCompare(String(a[1]))));

    // The next day, the second permit is due; the first, moved by a day, fires for its new date.
    await ok(cork.api('PATCH', `/objects/permit/records/${due.id}`, { valid_to: addDays(today, 15) }), 200);
    await relay();
    const tomorrow = new Date(now.getTime() + 86_400_000);
    await cork.runJob('objects', 'objects.automation-dates', tomorrow);
    expect((await queuedMail()) - before).toBe(3);
    await ok(cork.api('PATCH', `${automations}/${reminder.id}`, { enabled: false }), 200);
    await cork.runJob('objects', 'objects.automation-dates', new Date(now.getTime() + 2 * 86_400_000));
    expect((await queuedMail()) - before).toBe(3);
  });

  it('reads "today" in the tenant\'s time zone: in Auckland a permit is due while it is still the day before in UTC', async () => {
    const kinsale = await kit(t, await t.createTenant('kinsale', { timeZone: 'Pacific/Auckland' }));
    await ok(kinsale.api('POST', '/objects/definitions', { key: 'permit', singular: 'Permit', plural: 'Permits', fields: [{ key: 'contact', label: 'Contact', type: 'email' }, { key: 'valid_to', label: 'Valid to', type: 'date' }] }));
    const reminder = await ok(kinsale.api('POST', automations, { name: 'Remind', trigger: { type: 'date', field: 'valid_to', offsetDays: -14 }, actions: [{ type: 'send_mail', to: 'contact', subject: 'Expiring', body: 'Renew it.' }] }));
    // Noon UTC tomorrow is already the day after tomorrow in Auckland (UTC+13 in summer, +12 in winter).
    const at = new Date(`${addDays(todayIn('UTC'), 1)}T12:00:00Z`);
    const local = todayIn('Pacific/Auckland', at);
    expect(local).toBe(addDays(todayIn('UTC', at), 1));
    const due = await ok(kinsale.api('POST', '/objects/permit/records', { contact: 'due@kinsale.test', valid_to: addDays(local, 14) }));
    await ok(kinsale.api('POST', '/objects/permit/records', { contact: 'later@kinsale.test', valid_to: addDays(local, 15) }));
    await kinsale.runJob('objects', 'objects.automation-dates', at);
    const runs = (await ok(kinsale.api('GET', `${automations}/${reminder.id}/runs`), 200)).data;
    expect(runs.map((r: { trigger: string; status: string }) => [r.trigger, r.status])).toEqual([[`date:${due.id}:${addDays(local, 14)}`, 'succeeded']]);
    expect((await kinsale.outbox('mail.queued')).length).toBe(1);
    // Runs are kept 90 days from when they ran: the database stamps them now, whatever clock the date job was given.
    const ran = Date.now();
    await kinsale.runJob('objects', 'objects.automation-prune', new Date(ran + 89 * 86_400_000));
    expect((await ok(kinsale.api('GET', `${automations}/${reminder.id}/runs`), 200)).data).toHaveLength(1);
    await kinsale.runJob('objects', 'objects.automation-prune', new Date(ran + 91 * 86_400_000));
    expect((await ok(kinsale.api('GET', `${automations}/${reminder.id}/runs`), 200)).data).toEqual([]);
  });
});
