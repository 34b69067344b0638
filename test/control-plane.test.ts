import { compactVerify, importSPKI } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/control/audit.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TENANT_PASSWORD, startPlatform, type TestPlatform, type TestTenant } from './helpers.js';
import { testDb } from './test-db.js';

let t: TestPlatform;
let token: string;
let oak: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  token = await t.platformToken();
  oak = await t.createTenant('oak');
});
afterAll(() => t?.close());

/** A control-plane call as the platform administrator. */
const control = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
  t.call(method, `/control/v1${url}`, { token, ...(body !== undefined ? { body } : {}) });

const newTenant = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  name: `Tenant ${slug}`,
  plan: 'standard',
  admin: { email: `owner@${slug}.test`, name: `Owner of ${slug}`, password: TENANT_PASSWORD },
  ...extra,
});

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

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

describe('licences', () => {
  it('returns a licence that verifies offline with the public key alone', async () => {
    const res = await control('GET', '/tenants/oak/licence');
    expect(res.statusCode).toBe(200);
    const licence = res.json();
    const { value } = await testDb(t.platform.main.kysely).selectFrom('control.secrets').select('value').where('name', '=', 'licence_public_key').executeTakeFirstOrThrow();
    const key = await importSPKI(value, 'EdDSA');
    const { payload, protectedHeader } = await compactVerify(licence.jws, key);
    expect(protectedHeader.alg).toBe('EdDSA');
    const claims = JSON.parse(new TextDecoder().decode(payload));
    expect(claims).toEqual(licence.claims);
    const now = Date.now() / 1000;
    expect([...claims.modules].sort()).toEqual(['finance', 'leases', 'members', 'occupancy', 'properties', 'webhooks']);
    expect(claims).toMatchObject({ iss: 'courtyard', sub: oak.id, tenant: 'oak', plan: 'standard', limits: { members: 5000, users: 50, storageMb: 20480 }, grace: 14 * 86_400 });
    expect(claims.exp).toBeGreaterThan(now + 300 * 86_400);
    expect(new Date(licence.expiresAt).getTime()).toBe(claims.exp * 1000);

    // A single changed character in the payload breaks the signature.
    const [header, body, signature] = licence.jws.split('.');
    const forged = JSON.stringify({ ...claims, plan: 'enterprise' });
    expect(Buffer.from(body, 'base64url').toString()).toBe(JSON.stringify(claims));
    await expect(compactVerify(`${header}.${Buffer.from(forged).toString('base64url')}.${signature}`, key)).rejects.toThrow();
  });

  it('reissues a licence with overrides, and the data plane follows it', async () => {
    const expiresAt = new Date(Date.now() + 30 * 86_400_000);
    expiresAt.setMilliseconds(0);
    const removed = await control('POST', '/tenants/oak/licence', { removeModules: ['finance', 'leases'], limits: { users: 7 }, expiresAt: expiresAt.toISOString(), graceDays: 3 });
    expect(removed.statusCode).toBe(201);
    expect([...removed.json().claims.modules].sort()).toEqual(['members', 'occupancy', 'properties', 'webhooks']);
    expect(removed.json().claims).toMatchObject({ limits: { members: 5000, users: 7, storageMb: 20480 }, exp: expiresAt.getTime() / 1000, grace: 3 * 86_400 });
    expect((await control('GET', '/tenants/oak/licence')).json().id).toBe(removed.json().id);

    const unlicensed = await t.call('GET', '/api/v1/leases', { token: oak.token, tenant: 'oak' });
    expect(unlicensed.statusCode).toBe(403);
    expect(unlicensed.json().code).toBe('module_not_licensed');

    const added = await control('POST', '/tenants/oak/licence', { addModules: ['leases', 'finance'] });
    expect(added.statusCode).toBe(201);
    expect([...added.json().claims.modules].sort()).toEqual(['finance', 'leases', 'members', 'occupancy', 'properties', 'webhooks']);
    expect((await t.call('GET', '/api/v1/leases', { token: oak.token, tenant: 'oak' })).statusCode).toBe(200);

    // A module cannot be licensed without the modules it needs.
    const orphaned = await control('POST', '/tenants/oak/licence', { removeModules: ['members'] });
    expect(orphaned.statusCode).toBe(400);
  });

  it('keeps an expired licence working through its grace period, and refuses the tenant after it', async () => {
    const inGrace = await control('POST', '/tenants/oak/licence', { expiresAt: new Date(Date.now() - 86_400_000).toISOString(), graceDays: 2 });
    expect(inGrace.statusCode).toBe(201);
    const me = await t.call('GET', '/api/v1/me', { token: oak.token, tenant: 'oak' });
    expect(me.statusCode).toBe(200);
    expect(me.json().licence.state).toBe('grace');

    const lapsed = await control('POST', '/tenants/oak/licence', { expiresAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), graceDays: 2 });
    expect(lapsed.statusCode).toBe(201);
    const refused = await t.call('GET', '/api/v1/members', { token: oak.token, tenant: 'oak' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('licence_expired');

    expect((await control('POST', '/tenants/oak/licence', {})).statusCode).toBe(201);
    const restored = await t.call('GET', '/api/v1/me', { token: oak.token, tenant: 'oak' });
    expect(restored.json().licence.state).toBe('valid');
  });

  it('refuses overrides naming modules that are unknown or always licensed', async () => {
    const before = (await control('GET', '/tenants/oak/licence')).json();
    for (const body of [{ addModules: ['warp-drive'] }, { modules: ['core', 'members'] }]) {
      const res = await control('POST', '/tenants/oak/licence', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(fieldsOf(res.json())).toEqual(['modules']);
    }
    const bad = await control('POST', '/tenants/oak/licence', { graceDays: -1, expiresAt: 'tomorrow' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json()).sort()).toEqual(['expiresAt', 'graceDays']);
    expect((await control('GET', '/tenants/oak/licence')).json().id).toBe(before.id);
  });

  it('answers 404 for the licence of a tenant that does not exist', async () => {
    const res = await control('GET', '/tenants/no-such-tenant/licence');
    expect(res.statusCode).toBe(404);
  });
});

describe('domains and branding', () => {
  it('adds a custom domain once, refuses it for another tenant and under the base domain, and removes it', async () => {
    const added = await control('POST', '/tenants/oak/domains', { domain: 'Portal.Oak-Estate.example' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ domain: 'portal.oak-estate.example', tenantId: oak.id });
    expect((await control('GET', '/tenants/oak')).json().domains).toEqual(['portal.oak-estate.example']);

    const taken = await control('POST', '/tenants/birch/domains', { domain: 'portal.oak-estate.example' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('already_exists');

    for (const domain of ['oak.courtyard.test', 'courtyard.test', 'deep.sub.courtyard.test']) {
      const res = await control('POST', '/tenants/birch/domains', { domain });
      expect(res.statusCode, domain).toBe(400);
      expect(fieldsOf(res.json())).toEqual(['domain']);
    }
    const notADomain = await control('POST', '/tenants/birch/domains', { domain: 'not a domain' });
    expect(notADomain.statusCode).toBe(400);

    // A fully qualified name (trailing dot) is the same domain, when added and when removed.
    const fqdn = await control('POST', '/tenants/birch/domains', { domain: 'Birch.Example.' });
    expect(fqdn.statusCode).toBe(201);
    expect(fqdn.json().domain).toBe('birch.example');
    const removed = await control('DELETE', '/tenants/birch/domains/Birch.Example.');
    expect(removed.statusCode).toBe(204);
    expect((await control('GET', '/tenants/birch')).json().domains).toEqual([]);
    const unknown = await control('DELETE', '/tenants/birch/domains/birch.example');
    expect(unknown.statusCode).toBe(404);
    const othersDomain = await control('DELETE', '/tenants/birch/domains/portal.oak-estate.example');
    expect(othersDomain.statusCode).toBe(404);
    expect((await t.call('GET', '/control/v1/resolve?host=birch.example')).statusCode).toBe(404);
  });

  it('refuses branding with a bad colour, and resolves hosts to the tenant and its branding without a token', async () => {
    const bad = await control('PUT', '/tenants/oak/branding', { primaryColor: 'green' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['primaryColor']);

    const branding = { displayName: 'Oak Estate', primaryColor: '#1a5e20', accentColor: '#FFC107', logoUrl: 'https://cdn.example/oak.png', supportEmail: 'help@oak.test' };
    const set = await control('PUT', '/tenants/oak/branding', branding);
    expect(set.statusCode).toBe(200);
    expect(set.json().branding).toEqual(branding);

    const expected = { tenant: { id: oak.id, slug: 'oak', name: 'Tenant oak', status: 'active' }, branding };
    for (const host of ['portal.oak-estate.example', 'PORTAL.oak-estate.example:443', 'oak.courtyard.test']) {
      const res = await t.call('GET', `/control/v1/resolve?host=${encodeURIComponent(host)}`);
      expect(res.statusCode, host).toBe(200);
      expect(res.json()).toEqual(expected);
    }
    for (const host of ['nowhere.example', 'nobody.courtyard.test', 'www.courtyard.test', 'elm.courtyard.test']) {
      const res = await t.call('GET', `/control/v1/resolve?host=${host}`);
      expect(res.statusCode, host).toBe(404);
      expect(res.json().code).toBe('tenant_not_found');
    }

    const me = await t.call('GET', '/api/v1/me', { token: oak.token, tenant: 'oak' });
    expect(me.statusCode).toBe(200);
    expect(me.json().branding).toEqual(branding);
    // The custom domain names the tenant on the data plane too.
    const byHost = await t.call('GET', '/api/v1/me', { token: oak.token, headers: { host: 'portal.oak-estate.example' } });
    expect(byHost.statusCode).toBe(200);
    expect(byHost.json().tenant.slug).toBe('oak');
  });
});

describe('the audit log', () => {
  it('records the actions above in a chain that verifies', async () => {
    const rows = await testDb(t.platform.main.kysely).selectFrom('control.auditLog').select(['action', 'target', 'actor']).orderBy('seq').execute();
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining([
      'platform_user.bootstrapped', 'platform_user.signed_in', 'plan.created', 'plan.updated', 'tenant.created', 'tenant.provisioned',
      'tenant.updated', 'tenant.suspended', 'tenant.resumed', 'tenant.archived', 'licence.issued', 'domain.added', 'domain.removed', 'tenant.branding_set',
    ]));
    expect(rows.find((r) => r.action === 'tenant.branding_set')).toMatchObject({ target: oak.id, actor: expect.stringMatching(/^platform:/) });
    expect(await verifyAudit(t.platform.main.kysely)).toBeNull();
  });

  it('refuses to update or delete audit entries', async () => {
    const db = t.platform.main.kysely;
    await expect(sql`UPDATE control.audit_log SET actor = 'someone-else' WHERE seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM control.audit_log WHERE seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    expect(await verifyAudit(db)).toBeNull();
  });

  it('finds the first tampered entry when the trigger is bypassed', async () => {
    const db = t.platform.main.kysely;
    const target = await testDb(db).selectFrom('control.auditLog').select(['seq', 'data']).where('action', '=', 'licence.issued').orderBy('seq').limit(1).executeTakeFirstOrThrow();
    // The trigger is per table, so bypassing it needs one connection for all three statements.
    await db.connection().execute(async (conn) => {
      await sql`ALTER TABLE control.audit_log DISABLE TRIGGER audit_log_append_only`.execute(conn);
      try {
        await sql`UPDATE control.audit_log SET data = jsonb_set(data, '{plan}', '"enterprise"') WHERE seq = ${target.seq}`.execute(conn);
      } finally {
        await sql`ALTER TABLE control.audit_log ENABLE TRIGGER audit_log_append_only`.execute(conn);
      }
    });
    expect(await verifyAudit(db)).toBe(Number(target.seq));
    await expect(sql`UPDATE control.audit_log SET actor = 'x' WHERE seq = ${target.seq}`.execute(db)).rejects.toThrow(/append-only/);
  });
});
