import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersWantingNotification, wantsNotification } from '../src/data/identity/index.js';
import { estate, expectProblem, ok, type Estate, type SignedInUser } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';
import { jobContext } from './mail-helpers.js';

/**
 * The portal's My details: a member's own contact details, changed only where the tenant lets
 * members change them, and every user's own notification preferences.
 */
let t: TestPlatform;
let rowan: Estate;
let member: SignedInUser & { memberId: string };

beforeAll(async () => {
  t = await startPlatform();
  rowan = await estate(t, { slug: 'rowan' });
  const m = await ok(rowan.api('POST', '/members', { firstName: 'Rhona', lastName: 'Ash', type: 'owner', email: 'rhona@rowan.test', phone: '+44 1000', address: '1 Old Lane' }));
  member = { ...(await rowan.newPortalUser(m.id, 'rhona-login@rowan.test')), memberId: m.id };
});
afterAll(() => t?.close());

const auditOf = async (action: string) => (await ok(rowan.api('GET', `/audit?action=${action}&limit=50`), 200)).data as { actor: { id: string }; target: { id: string }; details: Record<string, unknown> }[];

describe("a member's own details", () => {
  it('shows the member their details and, by default, lets them change phone and address only', async () => {
    const mine = await ok(rowan.as(member).api('GET', '/members/me'), 200);
    expect(mine).toEqual({ id: member.memberId, firstName: 'Rhona', lastName: 'Ash', email: 'rhona@rowan.test', phone: '+44 1000', address: '1 Old Lane', editableFields: ['phone', 'address'] });

    const changed = await ok(rowan.as(member).api('PATCH', '/members/me', { phone: '+44 2000', address: '2 New Road\nRowanton' }), 200);
    expect(changed).toMatchObject({ phone: '+44 2000', address: '2 New Road\nRowanton', email: 'rhona@rowan.test' });
    expect(await ok(rowan.api('GET', `/members/${member.memberId}`), 200)).toMatchObject({ phone: '+44 2000', address: '2 New Road\nRowanton' });
    const entry = (await auditOf('member.details.self_updated'))[0];
    expect(entry).toMatchObject({ actor: { id: member.id }, target: { id: member.memberId }, details: { fields: ['phone', 'address'] } });
  });

  it('refuses a field the tenant does not let members change, naming it, and changes nothing', async () => {
    const res = await rowan.as(member).api('PATCH', '/members/me', { phone: '+44 3000', email: 'other@rowan.test', lastName: 'Oak' });
    const problem = expectProblem(res, 403, 'members.field_not_editable', ['email', 'lastName']);
    expect(problem.errors.every((e: { code: string }) => e.code === 'not_editable')).toBe(true);
    expect(await ok(rowan.as(member).api('GET', '/members/me'), 200)).toMatchObject({ phone: '+44 2000', email: 'rhona@rowan.test', lastName: 'Ash' });
    // Fields no member may ever change are not in the body's schema at all.
    expectProblem(await rowan.as(member).api('PATCH', '/members/me', { notes: 'mine', status: 'former' }), 400, 'validation_failed', ['notes', 'status']);
    expectProblem(await rowan.as(member).api('PATCH', '/members/me', { phone: 'call me' }), 400, 'validation_failed', ['phone']);
  });

  it("follows the tenant's setting, which staff with settings.write choose and the audit log records", async () => {
    expect(await ok(rowan.api('GET', '/settings/member-self-service'), 200)).toEqual({ editableFields: ['phone', 'address'] });
    expect(await ok(rowan.api('PATCH', '/settings/member-self-service', { editableFields: ['email', 'phone'] }), 200)).toEqual({ editableFields: ['email', 'phone'] });
    expect((await rowan.as(member).api('PATCH', '/settings/member-self-service', { editableFields: ['firstName'] })).statusCode).toBe(403);
    expect((await rowan.as(member).api('GET', '/settings/member-self-service')).statusCode).toBe(403);
    expectProblem(await rowan.api('PATCH', '/settings/member-self-service', { editableFields: ['notes'] }), 400, 'validation_failed');

    expect(await ok(rowan.as(member).api('PATCH', '/members/me', { email: 'Rhona.New@rowan.test' }), 200)).toMatchObject({ email: 'rhona.new@rowan.test', editableFields: ['email', 'phone'] });
    expectProblem(await rowan.as(member).api('PATCH', '/members/me', { address: null }), 403, 'members.field_not_editable', ['address']);
    expect((await auditOf('settings.member_self_service.changed'))[0]?.details).toEqual({ from: ['phone', 'address'], to: ['email', 'phone'] });
    await ok(rowan.api('PATCH', '/settings/member-self-service', { editableFields: ['phone', 'address'] }), 200);
  });

  it('tells staff with no member link that they have no member details', async () => {
    expectProblem(await rowan.api('GET', '/members/me'), 404, 'members.not_a_member');
    expectProblem(await rowan.api('PATCH', '/members/me', { phone: '+1 555' }), 404, 'members.not_a_member');
  });
});

describe('notification preferences', () => {
  it('starts with e-mail on and SMS off, and keeps what the user sets', async () => {
    const defaults = await ok(rowan.as(member).api('GET', '/me/notification-preferences'), 200);
    expect(defaults).toEqual({ billing: { email: true, sms: false }, announcements: { email: true, sms: false }, maintenance: { email: true, sms: false }, meetings: { email: true, sms: false } });
    const next = { ...defaults, announcements: { email: false, sms: true } };
    expect(await ok(rowan.as(member).api('PUT', '/me/notification-preferences', next), 200)).toEqual(next);
    expect(await ok(rowan.as(member).api('GET', '/me/notification-preferences'), 200)).toEqual(next);
    // Another user's are their own.
    expect((await ok(rowan.api('GET', '/me/notification-preferences'), 200)).announcements).toEqual({ email: true, sms: false });

    // Outside the transaction: on PGlite a request would wait for its one connection.
    const owner = (await ok(rowan.api('GET', '/me'), 200)).user.id as string;
    const jobs = jobContext(t.platform);
    await jobs.tenantTransaction(rowan.id, async (db) => {
      expect(await wantsNotification({ db }, member.id, 'announcements', 'email')).toBe(false);
      expect(await wantsNotification({ db }, member.id, 'announcements', 'sms')).toBe(true);
      expect(await wantsNotification({ db }, member.id, 'billing', 'email')).toBe(true);
      expect([...(await usersWantingNotification({ db }, [member.id, owner], 'announcements', 'email'))]).toEqual([owner]);
    });
  });

  it('refuses a partial or unknown preference, and anyone signed out', async () => {
    expectProblem(await rowan.as(member).api('PUT', '/me/notification-preferences', { billing: { email: true, sms: false } }), 400, 'validation_failed');
    const all = await ok(rowan.as(member).api('GET', '/me/notification-preferences'), 200);
    expectProblem(await rowan.as(member).api('PUT', '/me/notification-preferences', { ...all, parties: { email: true, sms: true } }), 400, 'validation_failed', ['parties']);
    expect((await t.call('GET', '/api/v1/me/notification-preferences', { tenant: 'rowan' })).statusCode).toBe(401);
  });
});
