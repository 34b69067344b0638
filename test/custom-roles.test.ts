import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, ok, type Estate } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';

/**
 * Custom roles: a tenant makes a "treasurer" or a "front desk" from the permissions its
 * modules declare, with no more than its maker holds. A change to a role or to a user's roles
 * shows on the user's very next request, with the access token they already hold. A role may
 * hide members' contact details and notes: its holders never read them and cannot write them.
 */

let t: TestPlatform;
let oak: Estate;
let memberId: string;

const charge = (memberId: string) => ({ memberId, kind: 'levy', description: 'Levy', amount: 5_000, currency: 'EUR', dueDate: '2026-01-31' });

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
  memberId = await oak.newMember({ firstName: 'Petra', lastName: 'Payer', email: 'petra@private.test', phone: '+31 20 555 0199', notes: 'Private note about Petra' });
});
afterAll(async () => {
  await t?.close();
});

describe('the permission catalogue', () => {
  it("lists every licensed module's permissions with their module, step-up flag, and the fields a role may hide", async () => {
    const catalogue = await ok(oak.api('GET', '/permissions'), 200);
    const byKey = new Map(catalogue.data.map((p: { key: string }) => [p.key, p]));
    expect(byKey.get('finance.write')).toMatchObject({ module: 'finance', description: expect.any(String), stepUp: false });
    expect(byKey.get('finance.approve')).toMatchObject({ module: 'finance', stepUp: true });
    expect(byKey.get('roles.write')).toMatchObject({ module: 'core' });
    expect(byKey.get('members.read')).toMatchObject({ module: 'members' });
    expect(catalogue.data.map((p: { key: string }) => p.key).sort()).toEqual([...t.platform.modules.allPermissions()].filter((k) => byKey.has(k)).sort());
    expect(catalogue.fields).toContainEqual({ module: 'members', resource: 'members', fields: expect.arrayContaining([expect.objectContaining({ key: 'email' }), expect.objectContaining({ key: 'phone' }), expect.objectContaining({ key: 'notes' })]) });
  });
});

describe('custom roles', () => {
  it('lets a treasurer post a charge and refuses a clerk without finance.write', async () => {
    const treasurer = await ok(oak.api('POST', '/roles', { key: 'treasurer', name: 'Treasurer', description: 'Keeps the books', permissions: ['finance.read', 'finance.write', 'members.read'] }));
    expect(treasurer).toMatchObject({ key: 'treasurer', system: false, permissions: ['finance.read', 'finance.write', 'members.read'], fieldRestrictions: {} });
    await ok(oak.api('POST', '/roles', { key: 'clerk', name: 'Clerk', permissions: ['finance.read'] }));
    const tess = await oak.newUser('tess@oak.test', ['treasurer']);
    const clark = await oak.newUser('clark@oak.test', ['clerk']);
    await ok(oak.api('POST', '/finance/charges', charge(memberId), { token: tess.token }));
    expectProblem(await oak.api('POST', '/finance/charges', charge(memberId), { token: clark.token }), 403, 'permission_denied');
    await ok(oak.api('GET', '/finance/charges', undefined, { token: clark.token }), 200);

    const listed = (await ok(oak.api('GET', '/roles'), 200)).data;
    expect(listed.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining(['owner', 'manager', 'staff', 'member', 'treasurer', 'clerk']));
    expect(listed.find((r: { key: string }) => r.key === 'treasurer')).toMatchObject({ users: 1, system: false });
  });

  it("shows a change of a role on its holders' next request, with the token they hold", async () => {
    const role = await ok(oak.api('POST', '/roles', { key: 'bookkeeper', name: 'Bookkeeper', permissions: ['finance.read', 'finance.write'] }));
    const bea = await oak.newUser('bea@oak.test', ['bookkeeper']);
    await ok(oak.api('POST', '/finance/charges', charge(memberId), { token: bea.token }));
    await ok(oak.api('PATCH', `/roles/${role.id}`, { permissions: ['finance.read'] }), 200);
    expectProblem(await oak.api('POST', '/finance/charges', charge(memberId), { token: bea.token }), 403, 'permission_denied');
    await ok(oak.api('PATCH', `/roles/${role.id}`, { permissions: ['finance.read', 'finance.write'], name: 'Book-keeper' }), 200);
    await ok(oak.api('POST', '/finance/charges', charge(memberId), { token: bea.token }));
    expect((await ok(oak.api('GET', `/roles/${role.id}`), 200)).name).toBe('Book-keeper');
  });

  it("shows a change of a user's roles on their next request, with the same access token, both ways", async () => {
    await ok(oak.api('POST', '/roles', { key: 'payer', name: 'Payer', permissions: ['finance.read', 'finance.write'] }));
    await ok(oak.api('POST', '/roles', { key: 'viewer', name: 'Viewer', permissions: ['finance.read'] }));
    const vic = await oak.newUser('vic@oak.test', ['viewer']);
    expectProblem(await oak.api('POST', '/finance/charges', charge(memberId), { token: vic.token }), 403, 'permission_denied');
    await ok(oak.api('PATCH', `/users/${vic.id}`, { roles: ['payer'] }), 200);
    await ok(oak.api('POST', '/finance/charges', charge(memberId), { token: vic.token }));
    await ok(oak.api('PATCH', `/users/${vic.id}`, { roles: ['viewer'] }), 200);
    expectProblem(await oak.api('POST', '/finance/charges', charge(memberId), { token: vic.token }), 403, 'permission_denied');
    expect((await ok(oak.api('GET', '/me', undefined, { token: vic.token }), 200)).permissions).toEqual(['finance.read']);
  });

  it('keeps system roles read-only', async () => {
    const roles = (await ok(oak.api('GET', '/roles'), 200)).data as { id: string; key: string; system: boolean; permissions: string[] }[];
    const staff = roles.find((r) => r.key === 'staff')!;
    expect(staff.system).toBe(true);
    expectProblem(await oak.api('PATCH', `/roles/${staff.id}`, { permissions: ['members.read'] }), 409, 'core.system_role_immutable');
    expectProblem(await oak.api('DELETE', `/roles/${staff.id}`), 409, 'core.system_role_immutable');
    expect((await ok(oak.api('GET', `/roles/${staff.id}`), 200)).permissions).toEqual([...staff.permissions].sort());
  });

  it('refuses unknown permissions, a taken or malformed key, and a role still held', async () => {
    expectProblem(await oak.api('POST', '/roles', { key: 'oddity', name: 'Oddity', permissions: ['finance.write', 'moon.launch'] }), 422, 'core.unknown_permission', ['permissions']);
    expectProblem(await oak.api('POST', '/roles', { key: 'manager', name: 'Another manager', permissions: [] }), 409, 'core.role_key_taken', ['key']);
    await ok(oak.api('POST', '/roles', { key: 'gardener', name: 'Gardener', permissions: [] }));
    expectProblem(await oak.api('POST', '/roles', { key: 'gardener', name: 'Gardener 2', permissions: [] }), 409, 'core.role_key_taken', ['key']);
    expect((await oak.api('POST', '/roles', { key: 'Bad Key!', name: 'Bad', permissions: [] })).statusCode).toBe(400);
    expectProblem(await oak.api('POST', '/roles', { key: 'snoop', name: 'Snoop', permissions: [], fieldRestrictions: { members: { hidden: ['salary'] } } }), 422, 'unprocessable');

    const held = await ok(oak.api('POST', '/roles', { key: 'temp', name: 'Temp', permissions: ['members.read'] }));
    const temp = await oak.newUser('temp@oak.test', ['temp']);
    expectProblem(await oak.api('DELETE', `/roles/${held.id}`), 409, 'core.role_in_use');
    await ok(oak.api('PATCH', `/users/${temp.id}`, { roles: [] }), 200);
    await ok(oak.api('DELETE', `/roles/${held.id}`), 204);
    expect((await oak.api('GET', `/roles/${held.id}`)).statusCode).toBe(404);
  });

  it('lets no one give a role, or a user, permissions they do not hold', async () => {
    await ok(oak.api('POST', '/roles', { key: 'role-admin', name: 'Role admin', permissions: ['roles.read', 'roles.write', 'users.read', 'users.write', 'members.read'] }));
    await ok(oak.api('POST', '/roles', { key: 'big-spender', name: 'Big spender', permissions: ['finance.read', 'finance.write'] }));
    const ada = await oak.newUser('ada@oak.test', ['role-admin']);
    const lone = await oak.newUser('lone@oak.test', []);
    expectProblem(await oak.api('POST', '/roles', { key: 'escalator', name: 'Escalator', permissions: ['members.read', 'finance.write'] }, { token: ada.token }), 403, 'core.permission_not_held', ['permissions']);
    expectProblem(await oak.api('PATCH', `/users/${lone.id}`, { roles: ['big-spender'] }, { token: ada.token }), 403, 'core.permission_not_held', 'roles');
    const own = await ok(oak.api('POST', '/roles', { key: 'reader', name: 'Reader', permissions: ['members.read'] }, { token: ada.token }));
    expectProblem(await oak.api('PATCH', `/roles/${own.id}`, { permissions: ['finance.write'] }, { token: ada.token }), 403, 'core.permission_not_held');
    // Nor change or delete a role stronger than themselves.
    const big = (await ok(oak.api('GET', '/roles'), 200)).data.find((r: { key: string }) => r.key === 'big-spender');
    expectProblem(await oak.api('PATCH', `/roles/${big.id}`, { permissions: [] }, { token: ada.token }), 403, 'core.permission_not_held');
    expectProblem(await oak.api('DELETE', `/roles/${big.id}`, undefined, { token: ada.token }), 403, 'core.permission_not_held');
    expect((await ok(oak.api('GET', `/roles/${big.id}`), 200)).permissions).toEqual(['finance.read', 'finance.write']);
    // Step-up permissions are fine in a role: the step-up gate still asks its holders for a second factor.
    await ok(oak.api('POST', '/roles', { key: 'approver', name: 'Approver', permissions: ['finance.read', 'finance.approve'] }));
  });

  it('records role changes in the audit log', async () => {
    const role = await ok(oak.api('POST', '/roles', { key: 'audited', name: 'Audited', permissions: ['members.read'] }));
    await ok(oak.api('PATCH', `/roles/${role.id}`, { permissions: ['members.read', 'members.write'] }), 200);
    await ok(oak.api('DELETE', `/roles/${role.id}`), 204);
    const entries = (await ok(oak.api('GET', '/audit?action=role.*&limit=100'), 200)).data.filter((e: { target: { id: string } | null }) => e.target?.id === role.id);
    expect(entries.map((e: { action: string }) => e.action).sort()).toEqual(['role.changed', 'role.created', 'role.deleted']);
    expect(entries.find((e: { action: string }) => e.action === 'role.changed').details).toMatchObject({ permissions: { from: ['members.read'], to: ['members.read', 'members.write'] } });
  });
});

describe('member field allowlists', () => {
  it('never shows hidden fields to a role that hides them, refuses writes to them, and shows them when another role sees them', async () => {
    const desk = await ok(oak.api('POST', '/roles', { key: 'front-desk', name: 'Front desk', permissions: ['members.read', 'members.write', 'api_keys.manage'], fieldRestrictions: { members: { hidden: ['email', 'phone', 'notes'] } } }));
    expect(desk.fieldRestrictions).toEqual({ members: { hidden: ['email', 'notes', 'phone'] } });
    const fred = await oak.newUser('fred@oak.test', ['front-desk']);
    const as = { token: fred.token };
    expect((await ok(oak.api('GET', '/me', undefined, as), 200)).hiddenFields).toEqual({ members: ['email', 'notes', 'phone'] });
    const secrets = ['petra@private.test', '555 0199', 'Private note about Petra'];
    const expectNoSecrets = (body: string) => {
      for (const s of secrets) expect(body).not.toContain(s);
    };

    const list = await oak.api('GET', '/members?limit=100', undefined, as);
    expect(list.statusCode).toBe(200);
    expectNoSecrets(list.body);
    const petra = list.json().data.find((m: { id: string }) => m.id === memberId);
    expect(petra).toMatchObject({ firstName: 'Petra', lastName: 'Payer' });
    for (const f of ['email', 'phone', 'notes']) expect(petra).not.toHaveProperty(f);

    const one = await oak.api('GET', `/members/${memberId}`, undefined, as);
    expect(one.statusCode).toBe(200);
    expectNoSecrets(one.body);
    expect(one.json()).not.toHaveProperty('email');

    // The search does not look at what it hides: an e-mail finds nothing.
    expect((await ok(oak.api('GET', '/members?q=private.test', undefined, as), 200)).data).toEqual([]);
    expect((await ok(oak.api('GET', '/members/count?q=private.test', undefined, as), 200)).count).toBe(0);
    expect((await ok(oak.api('GET', '/members?q=Payer', undefined, as), 200)).data).toHaveLength(1);
    expect((await ok(oak.api('GET', '/members?q=private.test'), 200)).data).toHaveLength(1);

    // Writes to hidden fields are refused, naming them; other fields can still be changed.
    expectProblem(await oak.api('PATCH', `/members/${memberId}`, { email: 'new@private.test' }, as), 403, 'field_restricted', ['email']);
    expectProblem(await oak.api('POST', '/members', { firstName: 'New', lastName: 'Comer', type: 'owner', notes: 'x', phone: '+31 1 234' }, as), 403, 'field_restricted', ['notes', 'phone']);
    const renamed = await ok(oak.api('PATCH', `/members/${memberId}`, { status: 'active' }, as), 200);
    expect(renamed).not.toHaveProperty('notes');
    const made = await ok(oak.api('POST', '/members', { firstName: 'Walk', lastName: 'In', type: 'renter' }, as));
    expect(made).not.toHaveProperty('email');

    // An API key of the desk's user sees no more than the user.
    const key = await ok(oak.api('POST', '/api-keys', { name: 'Desk sync', permissions: ['members.read'] }, as));
    const byKey = await oak.api('GET', `/members/${memberId}`, undefined, { token: key.key });
    expect(byKey.statusCode).toBe(200);
    expectNoSecrets(byKey.body);

    // A field is visible when any role sees it: the desk with staff sees everything again, at once.
    await ok(oak.api('PATCH', `/users/${fred.id}`, { roles: ['front-desk', 'staff'] }), 200);
    const full = await ok(oak.api('GET', `/members/${memberId}`, undefined, as), 200);
    expect(full).toMatchObject({ email: 'petra@private.test', notes: 'Private note about Petra' });

    // Lifting the restriction on the role shows the fields to its holders on their next request.
    await ok(oak.api('PATCH', `/users/${fred.id}`, { roles: ['front-desk'] }), 200);
    expect(await ok(oak.api('GET', `/members/${memberId}`, undefined, as), 200)).not.toHaveProperty('phone');
    await ok(oak.api('PATCH', `/roles/${desk.id}`, { fieldRestrictions: { members: { hidden: ['notes'] } } }), 200);
    const partly = await ok(oak.api('GET', `/members/${memberId}`, undefined, as), 200);
    expect(partly).toMatchObject({ email: 'petra@private.test', phone: '+31 20 555 0199' });
    expect(partly).not.toHaveProperty('notes');
  });

  it('lets no one make a role that sees fields hidden from them', async () => {
    await ok(oak.api('POST', '/roles', { key: 'desk-admin', name: 'Desk admin', permissions: ['roles.read', 'roles.write', 'members.read'], fieldRestrictions: { members: { hidden: ['notes'] } } }));
    const dina = await oak.newUser('dina@oak.test', ['desk-admin']);
    expectProblem(await oak.api('POST', '/roles', { key: 'peek', name: 'Peek', permissions: ['members.read'] }, { token: dina.token }), 403, 'core.permission_not_held');
    await ok(oak.api('POST', '/roles', { key: 'no-peek', name: 'No peek', permissions: ['members.read'], fieldRestrictions: { members: { hidden: ['notes', 'email'] } } }, { token: dina.token }));
  });
});
