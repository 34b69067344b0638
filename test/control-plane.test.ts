import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Control, newTenant, startControlPlane } from './control-plane-helpers.js';
import { fieldsOf } from './fixture.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';

// Sign-in, plans and tenants; licences, domains, branding and the audit log are in control-plane.licences.test.ts.

let t: TestPlatform;
let oak: TestTenant;
let control: Control;

beforeAll(async () => {
  ({ t, oak, control } = await startControlPlane());
});
afterAll(() => t?.close());

describe('platform sign-in', () => {
  it('signs the platform administrator in and answers a wrong password and an unknown e-mail alike', async () => {
    const ok = await t.call('POST', '/control/v1/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String), refreshToken: expect.any(String) });

    const wrong = await t.call('POST', '/control/v1/auth/login', { body: { email: ADMIN_EMAIL, password: 'not-the-password' } });
    const unknown = await t.call('POST', '/control/v1/auth/login', { body: { email: 'nobody@courtyard.test', password: 'not-the-password' } });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('invalid_credentials');
    }
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('refuses control routes without a token, with a garbage token, and with a tenant user token', async () => {
    const none = await t.call('GET', '/control/v1/tenants');
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('unauthenticated');

    const garbage = await t.call('GET', '/control/v1/tenants', { token: 'not.a.jwt' });
    expect(garbage.statusCode).toBe(401);

    // The tenant token is genuine (it works on the data plane) but meant for another audience.
    const me = await t.call('GET', '/api/v1/me', { token: oak.token, tenant: 'oak' });
    expect(me.statusCode).toBe(200);
    const tenantToken = await t.call('GET', '/control/v1/tenants', { token: oak.token });
    expect(tenantToken.statusCode).toBe(401);
    expect(tenantToken.json().code).toBe('unauthenticated');
  });
});

describe('module catalogue and plans', () => {
  it('lists the licensable modules, without the always-licensed core', async () => {
    const res = await control('GET', '/modules');
    expect(res.statusCode).toBe(200);
    const keys = res.json().data.map((m: { key: string }) => m.key);
    expect(keys).toContain('members');
    expect(keys).not.toContain('core');
  });

  it('seeds the starter, standard and enterprise plans', async () => {
    const res = await control('GET', '/plans');
    expect(res.statusCode).toBe(200);
    const plans = res.json().data as { key: string; modules: string[]; price: { currency: string } }[];
    expect(plans.map((p) => p.key)).toEqual(expect.arrayContaining(['starter', 'standard', 'enterprise']));
    for (const p of plans) expect(p.modules).toContain('members');
    // Webhooks joined standard and enterprise in a later migration (control/0002).
    expect(Object.fromEntries(plans.filter((p) => ['starter', 'standard', 'enterprise'].includes(p.key)).map((p) => [p.key, p.modules.includes('webhooks')]))).toEqual({ starter: false, standard: true, enterprise: true });
  });

  it('creates a plan, refuses a duplicate key and an unknown module, and changes limits and price', async () => {
    const plan = { key: 'community', name: 'Community', modules: ['members'], limits: { members: 100, users: 3, storageMb: 512 }, price: { amountMinor: 1900, currency: 'GBP', interval: 'month' } };
    const created = await control('POST', '/plans', plan);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...plan, description: '', active: true });

    const duplicate = await control('POST', '/plans', plan);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('already_exists');

    const unknownModule = await control('POST', '/plans', { ...plan, key: 'spaceship', modules: ['members', 'warp-drive'] });
    expect(unknownModule.statusCode).toBe(400);
    expect(unknownModule.json().code).toBe('validation_failed');
    expect(unknownModule.json().errors).toEqual([expect.objectContaining({ field: 'modules', message: expect.stringContaining('warp-drive') })]);
    const coreOnly = await control('POST', '/plans', { ...plan, key: 'core-only', modules: ['core'] });
    expect(coreOnly.statusCode).toBe(400);

    const patched = await control('PATCH', '/plans/community', { limits: { members: 150 }, price: { amountMinor: 2500, currency: 'EUR', interval: 'year' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ limits: { members: 150, users: 3, storageMb: 512 }, price: { amountMinor: 2500, currency: 'EUR', interval: 'year' } });

    const badCurrency = await control('PATCH', '/plans/community', { price: { amountMinor: 2500, currency: 'euro', interval: 'month' } });
    expect(badCurrency.statusCode).toBe(400);
    expect(badCurrency.json().code).toBe('validation_failed');
    expect(fieldsOf(badCurrency.json())).toContain('price.currency');

    const listed = (await control('GET', '/plans')).json().data.find((p: { key: string }) => p.key === 'community');
    expect(listed.price).toEqual({ amountMinor: 2500, currency: 'EUR', interval: 'year' });
  });

  it('refuses a change to a plan that does not exist', async () => {
    const res = await control('PATCH', '/plans/no-such-plan', { name: 'Ghost' });
    expect(res.statusCode).toBe(404);
  });
});

describe('tenants', () => {
  it('creates an active, pooled tenant by default', async () => {
    const res = await control('POST', '/tenants', newTenant('birch'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      slug: 'birch',
      name: 'Tenant birch',
      plan: 'standard',
      status: 'active',
      placement: 'pooled',
      placementReason: 'default',
      admin: { email: 'owner@birch.test' },
      provisioning: { attempts: 1, completed: ['database', 'schema', 'modules', 'licence', 'activate'] },
    });
    expect(res.json().admin.generatedPassword).toBeUndefined();
    await expect(t.login('birch', 'owner@birch.test')).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it('refuses slugs that are not DNS labels, reserved words and taken slugs', async () => {
    for (const slug of ['Upper', 'under_score', 'a'.repeat(41), '-leading', 'trailing-', 'double--hyphen']) {
      const res = await control('POST', '/tenants', newTenant(slug));
      expect(res.statusCode, slug).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(fieldsOf(res.json()), slug).toContain('slug');
    }
    for (const slug of ['www', 'api', 'admin']) {
      const res = await control('POST', '/tenants', newTenant(slug));
      expect(res.statusCode, slug).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'slug', message: `"${slug}" is reserved` }]);
    }
    const taken = await control('POST', '/tenants', newTenant('oak'));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('already_exists');
    expect(fieldsOf(taken.json())).toEqual(['slug']);
  });

  it('refuses an unknown plan, a retired plan and a missing administrator, and writes no tenant', async () => {
    const unknownPlan = await control('POST', '/tenants', newTenant('pine', { plan: 'platinum' }));
    expect(unknownPlan.statusCode).toBe(400);
    expect(fieldsOf(unknownPlan.json())).toEqual(['plan']);

    const { admin: _admin, ...withoutAdmin } = newTenant('pine');
    const noAdmin = await control('POST', '/tenants', withoutAdmin);
    expect(noAdmin.statusCode).toBe(400);
    expect(fieldsOf(noAdmin.json())).toEqual(['admin']);

    const retired = await control('POST', '/plans', { key: 'legacy', name: 'Legacy', modules: ['members'], limits: { members: null, users: null, storageMb: null }, price: { amountMinor: 0, currency: 'EUR', interval: 'year' }, active: false });
    expect(retired.statusCode).toBe(201);
    // null is "no limit", kept as null (never coerced to a limit of 0).
    expect(retired.json().limits).toEqual({ members: null, users: null, storageMb: null });
    const onRetiredPlan = await control('POST', '/tenants', newTenant('pine', { plan: 'legacy' }));
    expect(onRetiredPlan.statusCode).toBe(400);
    expect(onRetiredPlan.json().errors).toEqual([{ field: 'plan', message: 'is retired' }]);

    expect((await control('GET', '/tenants/pine')).statusCode).toBe(404);
  });

  it('generates the administrator password when none is given, and that password signs in', async () => {
    const res = await control('POST', '/tenants', { ...newTenant('cedar'), admin: { email: 'Owner@Cedar.test', name: 'Owner' } });
    expect(res.statusCode).toBe(201);
    const generated = res.json().admin.generatedPassword as string;
    expect(res.json().admin.email).toBe('owner@cedar.test');
    expect(generated.length).toBeGreaterThanOrEqual(12);
    const tokens = await t.login('cedar', 'owner@cedar.test', generated);
    expect(tokens.accessToken).toEqual(expect.any(String));
    await expect(t.login('cedar', 'owner@cedar.test', TENANT_PASSWORD)).rejects.toThrow(/tenant login failed/);
  });

  it('pages through tenants with a cursor, each seen once, and searches and filters them', async () => {
    const slugs = ['page-1', 'page-2', 'page-3', 'page-4', 'page-5'];
    for (const slug of slugs) expect((await control('POST', '/tenants', newTenant(slug))).statusCode).toBe(201);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await control('GET', `/tenants?limit=2&q=page-${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as { data: { slug: string }[]; nextCursor: string | null };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((x) => x.slug));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(slugs);

    const all: string[] = [];
    cursor = null;
    do {
      const page: { data: { slug: string }[]; nextCursor: string | null } = (await control('GET', `/tenants?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      all.push(...page.data.map((x) => x.slug));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining([...slugs, 'oak', 'birch', 'cedar']));

    const byName = (await control('GET', '/tenants?q=TENANT%20PAGE-3')).json();
    expect(byName.data.map((x: { slug: string }) => x.slug)).toEqual(['page-3']);
    const wildcard = (await control('GET', '/tenants?q=%25')).json();
    expect(wildcard.data).toHaveLength(0);

    expect((await control('POST', '/tenants/page-4/suspend')).statusCode).toBe(200);
    const suspended = (await control('GET', '/tenants?status=suspended')).json();
    expect(suspended.data.map((x: { slug: string }) => x.slug)).toEqual(['page-4']);
    const badStatus = await control('GET', '/tenants?status=sleeping');
    expect(badStatus.statusCode).toBe(400);
    const badCursor = await control('GET', '/tenants?cursor=garbage');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().code).toBe('invalid_cursor');
  });

  it('reads a tenant by id and by slug, and answers 404 for one that does not exist', async () => {
    const bySlug = await control('GET', '/tenants/oak');
    expect(bySlug.statusCode).toBe(200);
    expect(bySlug.json().id).toBe(oak.id);
    const byId = await control('GET', `/tenants/${oak.id}`);
    expect(byId.statusCode).toBe(200);
    expect(byId.json()).toEqual(bySlug.json());
    const missing = await control('GET', '/tenants/no-such-tenant');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('tenant_not_found');
  });

  it('renames a tenant, and a new plan reissues the licence with that plan', async () => {
    const renamed = await control('PATCH', '/tenants/birch', { name: 'Birch Estate' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('Birch Estate');

    const before = (await control('GET', '/tenants/birch/licence')).json();
    expect(before.claims).toMatchObject({ plan: 'standard', limits: { members: 5000, users: 50 } });

    const replanned = await control('PATCH', '/tenants/birch', { plan: 'community' });
    expect(replanned.statusCode).toBe(200);
    expect(replanned.json().plan).toBe('community');
    const after = (await control('GET', '/tenants/birch/licence')).json();
    expect(after.id).not.toBe(before.id);
    expect(after.claims).toMatchObject({ plan: 'community', modules: ['members'], limits: { members: 150, users: 3, storageMb: 512 } });

    // The data plane sees the new licence at once.
    const { accessToken } = await t.login('birch', 'owner@birch.test');
    const me = (await t.call('GET', '/api/v1/me', { token: accessToken, tenant: 'birch' })).json();
    expect(me.licence).toMatchObject({ plan: 'community', limits: { members: 150 } });

    const unknownPlan = await control('PATCH', '/tenants/birch', { plan: 'platinum' });
    expect(unknownPlan.statusCode).toBe(400);
    expect(fieldsOf(unknownPlan.json())).toEqual(['plan']);
    const empty = await control('PATCH', '/tenants/birch', {});
    expect(empty.statusCode).toBe(400);
  });

  it('suspends, resumes and archives a tenant, and refuses transitions the lifecycle does not allow', async () => {
    await control('POST', '/tenants', newTenant('elm'));
    const elm = await t.login('elm', 'owner@elm.test');

    const suspended = await control('POST', '/tenants/elm/suspend');
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json().status).toBe('suspended');
    const refused = await t.call('GET', '/api/v1/me', { token: elm.accessToken, tenant: 'elm' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('tenant_suspended');
    const again = await control('POST', '/tenants/elm/suspend');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'control.tenant_status_forbids', detail: 'A suspended tenant cannot be suspended' });

    const resumed = await control('POST', '/tenants/elm/resume');
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json().status).toBe('active');
    expect((await t.call('GET', '/api/v1/me', { token: elm.accessToken, tenant: 'elm' })).statusCode).toBe(200);
    const resumeActive = await control('POST', '/tenants/elm/resume');
    expect(resumeActive.statusCode).toBe(409);
    expect(resumeActive.json()).toMatchObject({ code: 'control.tenant_status_forbids', detail: 'An active tenant cannot be resumed' });

    const archived = await control('POST', '/tenants/elm/archive');
    expect(archived.statusCode).toBe(200);
    expect(archived.json().status).toBe('archived');
    for (const [action, done] of [['suspend', 'suspended'], ['resume', 'resumed'], ['archive', 'archived']]) {
      const res = await control('POST', `/tenants/elm/${action}`);
      expect(res.statusCode, action).toBe(409);
      expect(res.json()).toMatchObject({ code: 'control.tenant_status_forbids', detail: `An archived tenant cannot be ${done}` });
    }
    const licenceBefore = (await control('GET', '/tenants/elm/licence')).json();
    const licence = await control('POST', '/tenants/elm/licence', {});
    expect(licence.statusCode).toBe(409);
    // A new plan for an archived tenant is recorded, but reissues no licence either.
    const replanned = await control('PATCH', '/tenants/elm', { plan: 'starter' });
    expect(replanned.statusCode).toBe(200);
    expect(replanned.json()).toMatchObject({ plan: 'starter', status: 'archived' });
    expect((await control('GET', '/tenants/elm/licence')).json().id).toBe(licenceBefore.id);
    expect((await t.call('GET', '/api/v1/me', { token: elm.accessToken, tenant: 'elm' })).statusCode).toBe(403);
  });
});
