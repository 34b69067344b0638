import { SignJWT } from 'jose';
import type { LicenceClaims } from '../src/kernel/security/licence.js';
import { startPlatform, type TestPlatform, type TestTenant } from './helpers.js';
import { testDb } from './test-db.js';

/**
 * What the pipeline tests (pipeline*.test.ts) share. The calls below act on the platform the
 * file's `startPipelinePlatform` started (each test file runs in a process of its own).
 */

let t: TestPlatform;

/** A platform with two tenants, oak and elm, and a platform administrator's token (`admin`). */
export async function startPipelinePlatform(): Promise<{ t: TestPlatform; admin: string; oak: TestTenant; elm: TestTenant }> {
  t = await startPlatform();
  const admin = await t.platformToken();
  return { t, admin, oak: await t.createTenant('oak'), elm: await t.createTenant('elm') };
}

export const control = () => testDb(t.platform.main.kysely);

export const me = (o: Parameters<TestPlatform['call']>[2]) => t.call('GET', '/api/v1/me', o);

async function tokenSecret(): Promise<Uint8Array> {
  const row = await control().selectFrom('control.secrets').select('value').where('name', '=', 'token_secret').executeTakeFirstOrThrow();
  return new TextEncoder().encode(row.value);
}

/** An access token signed with the platform's own secret, with the given lifetime. */
export async function signAccess(claims: { sub: string; tid: string; roles: string[]; sid: string }, iat: number, exp: number, audience = 'courtyard:tenant') {
  return new SignJWT({ roles: claims.roles, sid: claims.sid, tid: claims.tid })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(await tokenSecret());
}

export const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
export const unb64 = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

export async function newestLicence(tenantId: string) {
  return control().selectFrom('control.licences').selectAll().where('tenantId', '=', tenantId).orderBy('issuedAt', 'desc').limit(1).executeTakeFirstOrThrow();
}

/** Stores a licence as the tenant's newest, as if the control plane had issued it, and drops the data plane's cache. */
export async function storeLicence(tenantId: string, jws: string, claims: LicenceClaims) {
  await control()
    .insertInto('control.licences')
    .values({ id: claims.jti, tenantId, jws, claims: JSON.stringify(claims), expiresAt: new Date(claims.exp * 1000) })
    .execute();
  t.platform.directory.invalidate();
}

export function licenceClaimsFor(tenant: TestTenant): Omit<LicenceClaims, 'iss' | 'jti' | 'iat'> {
  const now = Math.floor(Date.now() / 1000);
  return { sub: tenant.id, tenant: tenant.slug, plan: 'standard', modules: ['members'], limits: { members: 100, users: 10, storageMb: 100 }, nbf: now - 60, exp: now + 3600, grace: 0 };
}
