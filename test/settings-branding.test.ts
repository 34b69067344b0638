import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn } from './auth-helpers.js';
import { expectProblem } from './fixture.js';
import { TENANT_PASSWORD, startPlatform, type TestPlatform, type TestTenant } from './helpers.js';

let t: TestPlatform;
let oak: TestTenant;
let elm: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
  elm = await t.createTenant('elm');
});
afterAll(() => t?.close());

const as = (tenant: TestTenant, token = tenant.token) => ({ token, tenant: tenant.slug });

async function tokenOf(tenant: TestTenant, email: string, roles: string[]) {
  await createUser(t, tenant, email, roles);
  const res = await signIn(t, tenant.slug, email, TENANT_PASSWORD);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().accessToken as string;
}

describe("the tenant's branding on the data plane", () => {
  it('reads and changes the branding, which /me and the registry then show', async () => {
    const before = await t.call('GET', '/api/v1/settings/branding', as(oak));
    expect(before.statusCode, before.body).toBe(200);

    const changed = await t.call('PATCH', '/api/v1/settings/branding', { ...as(oak), body: { displayName: 'Oak Homes', primaryColor: '#0f766e', logoUrl: 'https://oak.example/logo.png' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ displayName: 'Oak Homes', primaryColor: '#0f766e', logoUrl: 'https://oak.example/logo.png' });

    expect((await t.call('GET', '/api/v1/settings/branding', as(oak))).json()).toEqual(changed.json());
    expect((await t.call('GET', '/api/v1/me', as(oak))).json().branding).toEqual(changed.json());
    // The console sees what the tenant set.
    const tenant = await t.call('GET', `/control/v1/tenants/${oak.id}`, { token: await t.platformToken() });
    expect(tenant.json().branding).toEqual(changed.json());

    // A field absent is kept, null removes it.
    const partly = await t.call('PATCH', '/api/v1/settings/branding', { ...as(oak), body: { logoUrl: null, displayName: 'Oak Homes Ltd' } });
    expect(partly.statusCode, partly.body).toBe(200);
    expect(partly.json()).toEqual({ displayName: 'Oak Homes Ltd', primaryColor: '#0f766e' });

    // Another tenant's branding is untouched.
    expect((await t.call('GET', '/api/v1/settings/branding', as(elm))).json()).toEqual({});
  });

  it('refuses a colour that is not #rrggbb, a logo that is not https and an empty change', async () => {
    expectProblem(await t.call('PATCH', '/api/v1/settings/branding', { ...as(oak), body: { primaryColor: 'teal' } }), 400, 'validation_failed', 'primaryColor');
    expectProblem(await t.call('PATCH', '/api/v1/settings/branding', { ...as(oak), body: { logoUrl: 'http://oak.example/logo.png' } }), 400, 'validation_failed', 'logoUrl');
    expectProblem(await t.call('PATCH', '/api/v1/settings/branding', { ...as(oak), body: {} }), 400, 'validation_failed');
    expectProblem(await t.call('PATCH', '/api/v1/settings/branding', { ...as(oak), body: { favicon: 'x' } }), 400, 'validation_failed');
    expect((await t.call('GET', '/api/v1/settings/branding', as(oak))).json().primaryColor).not.toBe('teal');
  });

  it('lets staff read the branding but not change it; a manager may', async () => {
    const staff = await tokenOf(oak, 'staff@oak.test', ['staff']);
    expect((await t.call('GET', '/api/v1/settings/branding', as(oak, staff))).statusCode).toBe(200);
    expectProblem(await t.call('PATCH', '/api/v1/settings/branding', { ...as(oak, staff), body: { primaryColor: '#111111' } }), 403, 'permission_denied');
    const manager = await tokenOf(oak, 'manager@oak.test', ['manager']);
    const res = await t.call('PATCH', '/api/v1/settings/branding', { ...as(oak, manager), body: { primaryColor: '#222222' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().primaryColor).toBe('#222222');
    const member = await tokenOf(oak, 'member@oak.test', ['member']);
    expectProblem(await t.call('GET', '/api/v1/settings/branding', as(oak, member)), 403, 'permission_denied');
  });

  it('refuses a sign-in that is not the tenant\'s', async () => {
    expectProblem(await t.call('PATCH', '/api/v1/settings/branding', { token: elm.token, tenant: oak.slug, body: { primaryColor: '#333333' } }), 403, 'tenant_mismatch');
    expect((await t.call('GET', '/api/v1/settings/branding', as(oak))).json().primaryColor).toBe('#222222');
  });
});
