import { startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';

/** What the control-plane tests (control-plane*.test.ts) share. */

export type Control = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) => ReturnType<TestPlatform['call']>;

/** A platform with one tenant (oak), and control-plane calls as the platform administrator. */
export async function startControlPlane(): Promise<{ t: TestPlatform; oak: TestTenant; control: Control }> {
  const t = await startPlatform();
  const token = await t.platformToken();
  const oak = await t.createTenant('oak');
  const control: Control = (method, url, body) => t.call(method, `/control/v1${url}`, { token, ...(body !== undefined ? { body } : {}) });
  return { t, oak, control };
}

/** A tenant's creation body: standard plan, an owner with the test password. */
export const newTenant = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  name: `Tenant ${slug}`,
  plan: 'standard',
  admin: { email: `owner@${slug}.test`, name: `Owner of ${slug}`, password: TENANT_PASSWORD },
  ...extra,
});
