import { compactVerify, importSPKI } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/control/audit.js';
import { type Control, newTenant, startControlPlane } from './control-plane-helpers.js';
import { fieldsOf, ok } from './fixture.js';
import type { TestPlatform, TestTenant } from './helpers.js';
import { testDb } from './test-db.js';

let t: TestPlatform;
let oak: TestTenant;
let control: Control;

beforeAll(async () => {
  ({ t, oak, control } = await startControlPlane());
  // What these tests build on and the audit log is to record: a second tenant (birch), renamed;
  // an archived one (elm), through suspension and resumption; a plan made and changed.
  await ok(control('POST', '/plans', { key: 'community', name: 'Community', modules: ['members'], limits: { members: 100, users: 3, storageMb: 512 }, price: { amountMinor: 1900, currency: 'GBP', interval: 'month' } }));
  await ok(control('PATCH', '/plans/community', { limits: { members: 150 } }), 200);
  await ok(control('POST', '/tenants', newTenant('birch')));
  await ok(control('PATCH', '/tenants/birch', { name: 'Birch Estate' }), 200);
  await ok(control('POST', '/tenants', newTenant('elm')));
  for (const action of ['suspend', 'resume', 'archive']) await ok(control('POST', `/tenants/elm/${action}`), 200);
});
afterAll(() => t?.close());

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
    expect([...claims.modules].sort()).toEqual(['communications', 'documents', 'finance', 'leases', 'members', 'objects', 'occupancy', 'properties', 'webhooks']);
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
    const removed = await control('POST', '/tenants/oak/licence', { removeModules: ['finance', 'leases', 'objects'], limits: { users: 7 }, expiresAt: expiresAt.toISOString(), graceDays: 3 });
    expect(removed.statusCode).toBe(201);
    expect([...removed.json().claims.modules].sort()).toEqual(['communications', 'documents', 'members', 'occupancy', 'properties', 'webhooks']);
    expect(removed.json().claims).toMatchObject({ limits: { members: 5000, users: 7, storageMb: 20480 }, exp: expiresAt.getTime() / 1000, grace: 3 * 86_400 });
    expect((await control('GET', '/tenants/oak/licence')).json().id).toBe(removed.json().id);

    const unlicensed = await t.call('GET', '/api/v1/leases', { token: oak.token, tenant: 'oak' });
    expect(unlicensed.statusCode).toBe(403);
    expect(unlicensed.json().code).toBe('module_not_licensed');

    const added = await control('POST', '/tenants/oak/licence', { addModules: ['leases', 'finance'] });
    expect(added.statusCode).toBe(201);
    expect([...added.json().claims.modules].sort()).toEqual(['communications', 'documents', 'finance', 'leases', 'members', 'objects', 'occupancy', 'properties', 'webhooks']);
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
    expect(await verifyAudit(t.platform.main.kysely)).toMatchObject({ valid: true });
  });

  it('refuses to update or delete audit entries', async () => {
    const db = t.platform.main.kysely;
    await expect(sql`UPDATE control.audit_log SET actor = 'someone-else' WHERE seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM control.audit_log WHERE seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    expect(await verifyAudit(db)).toMatchObject({ valid: true });
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
    expect(await verifyAudit(db)).toMatchObject({ valid: false, firstBrokenSeq: Number(target.seq) });
    await expect(sql`UPDATE control.audit_log SET actor = 'x' WHERE seq = ${target.seq}`.execute(db)).rejects.toThrow(/append-only/);
  });
});
