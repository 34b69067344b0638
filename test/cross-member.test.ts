import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, ok, type Estate } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';
import { jobContext, takeEvents } from './mail-helpers.js';
import { enrolTotp, totpCode } from './mfa-helpers.js';
import { assertion, attestation, newPasskey } from './passkey-helpers.js';

/**
 * Member scope, the portal's promise: a member signed in sees their own home and lease and
 * nothing of their neighbours'. Ann (an owner who lives in her flat) aims every route a
 * portal login may reach at Ben's records (a renter in another block) and gets 404, never the
 * data; she reaches no staff route at all. A route admitting portal logins that this file does
 * not exercise fails it.
 */

let t: TestPlatform;
let oak: Estate;

interface Person {
  memberId: string;
  token: string;
  unitId: string;
  propertyId: string;
  occupancyIds: string[];
  leaseIds: string[];
  /** Charges, payments and statements. */
  moneyIds: string[];
  /** Documents shared with their unit (Ben's list holds a staff-only one too: neither is Ann's). */
  documentIds: string[];
  /** Announcements sent to them alone. */
  newsIds: string[];
}
let ann: Person;
let ben: Person;
/** Everything of Ben's that must never appear in Ann's answers. */
const bens: string[] = [];

const portalUser = async (memberId: string, email: string): Promise<string> => (await oak.newPortalUser(memberId, email)).token;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
  const annMember = await ok(oak.api('POST', '/members', { firstName: 'Annabel', lastName: 'Oakenshield', type: 'owner' }));
  const benMember = await ok(oak.api('POST', '/members', { firstName: 'Benedikt', lastName: 'Quillfeather', type: 'renter', notes: 'Private note of Ben' }));
  const annBlock = await ok(oak.api('POST', '/properties', { name: 'Acorn House', kind: 'residential' }));
  const benBlock = await ok(oak.api('POST', '/properties', { name: 'Beechwood Secret Court', kind: 'residential', notes: 'Private note of the Beechwood block' }));
  const annUnit = await ok(oak.api('POST', `/properties/${annBlock.id}/units`, { label: 'A-101', kind: 'apartment' }));
  const benUnit = await ok(oak.api('POST', `/properties/${benBlock.id}/units`, { label: 'BEN-SECRET-7', kind: 'apartment', notes: 'Private note of unit 7' }));
  const annOwner = await ok(oak.api('POST', `/units/${annUnit.id}/occupants`, { memberId: annMember.id, role: 'owner', startDate: '2024-01-01', ownershipShare: '1' }));
  const annResident = await ok(oak.api('POST', `/units/${annUnit.id}/occupants`, { memberId: annMember.id, role: 'resident', startDate: '2024-01-01' }));
  const lease = await ok(oak.api('POST', '/leases', { unitId: benUnit.id, renterIds: [benMember.id], startDate: '2025-01-01', endDate: '2027-12-31', rent: { amount: 123_456, currency: 'EUR' }, frequency: 'monthly', dueDay: 1, deposit: 246_912, notes: 'Private lease note of Ben' }));
  await ok(oak.api('POST', `/leases/${lease.id}/activate`), 200);
  const benOccupancies = (await ok(oak.api('GET', `/units/${benUnit.id}/occupants?history=true`), 200)).data.map((o: { id: string }) => o.id);
  expect(benOccupancies).toHaveLength(1);

  // Money: a charge each, Ben's rent paid, a statement each.
  const annCharge = await ok(oak.api('POST', '/finance/charges', { memberId: annMember.id, unitId: annUnit.id, kind: 'levy', description: 'Levy of Acorn House', amount: 11_111, currency: 'EUR', dueDate: '2026-01-31' }));
  const benCharge = await ok(oak.api('POST', '/finance/charges', { memberId: benMember.id, unitId: benUnit.id, leaseId: lease.id, kind: 'rent', description: 'Secret rent of Beechwood', amount: 123_456, currency: 'EUR', dueDate: '2026-01-05' }));
  const benPayment = await ok(oak.api('POST', '/finance/payments', { memberId: benMember.id, method: 'bank_transfer', amount: 123_456, currency: 'EUR', receivedOn: '2026-01-04', reference: 'BEN-SECRET-PAYMENT' }));
  const annStatement = await ok(oak.api('POST', '/finance/statements', { memberId: annMember.id, from: '2026-01-01', to: '2026-01-31' }));
  const benStatement = await ok(oak.api('POST', '/finance/statements', { memberId: benMember.id, from: '2026-01-01', to: '2026-01-31' }));

  // Documents: one shared with each home, one with staff only.
  const docFor = async (title: string, audience: string) => {
    const doc = await ok(oak.api('POST', '/documents', { title, audience }));
    await ok(t.call('POST', `/api/v1/documents/${doc.id}/versions`, { token: oak.token, tenant: 'oak', body: `${title} contents`, headers: { 'content-type': 'text/plain', 'x-file-name': 'notes.txt' } }));
    return doc.id as string;
  };
  const annDoc = await docFor('Acorn House notice', `unit:${annUnit.id}`);
  const benDoc = await docFor('Beechwood secret notice', `unit:${benUnit.id}`);
  const staffDoc = await docFor('Secret staff rota', 'staff');

  // Announcements: one to each home (delivered: the news feeds hold them).
  const announce = async (title: string, memberId: string) => {
    const a = await ok(oak.api('POST', '/announcements', { title, body: `${title} body`, criteria: { memberIds: [memberId] }, channels: [] }));
    await ok(oak.api('POST', `/announcements/${a.id}/send`, {}), 200);
    return a.id as string;
  };
  const annNews = await announce('Acorn House news', annMember.id);
  const benNews = await announce('Beechwood secret news', benMember.id);
  const deliver = t.platform.modules.get('communications')!.subscribers!.find((s) => s.name === 'communications.deliver')!;
  for (const event of await takeEvents(t.platform, oak.id, ['communications.announcement.released'])) await deliver.handle(event, jobContext(t.platform));

  ann = { memberId: annMember.id, token: await portalUser(annMember.id, 'ann@oak.test'), unitId: annUnit.id, propertyId: annBlock.id, occupancyIds: [annOwner.id, annResident.id], leaseIds: [], moneyIds: [annCharge.id, annStatement.id], documentIds: [annDoc], newsIds: [annNews] };
  ben = { memberId: benMember.id, token: await portalUser(benMember.id, 'ben@oak.test'), unitId: benUnit.id, propertyId: benBlock.id, occupancyIds: benOccupancies, leaseIds: [lease.id], moneyIds: [benCharge.id, (benPayment.payment?.id ?? benPayment.id), benStatement.id], documentIds: [benDoc, staffDoc], newsIds: [benNews] };
  bens.push('Beechwood secret news', benNews, 'Beechwood secret notice', 'Secret staff rota', benDoc, staffDoc, 'BEN-SECRET-PAYMENT', benCharge.id, (benPayment.payment?.id ?? benPayment.id), benStatement.id, benMember.id, 'Benedikt', 'Quillfeather', 'Private note of Ben', benBlock.id, 'Beechwood Secret Court', 'Private note of the Beechwood block', benUnit.id, 'BEN-SECRET-7', 'Private note of unit 7', lease.id, 'Private lease note of Ben', '123456', ...benOccupancies);
});
afterAll(() => t?.close());

const routes = () => t.platform.routes.filter((r) => r.url.startsWith('/api/v1/'));
const portalRoutes = () => routes().filter((r) => typeof (r.access as { own?: unknown } | undefined)?.own === 'string');

/** `instance` of a problem echoes the caller's own URL: checked apart, then left out. */
function expectNothingOfBen(res: LightMyRequestResponse, url: string) {
  if (res.body.length === 0) return; // HEAD
  const { instance, ...rest } = res.json();
  if (instance !== undefined) expect(instance).toBe(url);
  const text = JSON.stringify(rest);
  const leaked = bens.filter((s) => text.toLowerCase().includes(s.toLowerCase()));
  expect(leaked, `${res.statusCode} ${text}`).toEqual([]);
}

describe('member scope through the API', () => {
  it('shows a member their own home, occupancy and lease', async () => {
    const as = (p: Person) => oak.as(p);
    expect((await ok(as(ann).api('GET', `/units/${ann.unitId}`), 200)).status).toBe('owner-occupied');
    expect((await ok(as(ann).api('GET', `/properties/${ann.propertyId}`), 200)).name).toBe('Acorn House');
    expect((await ok(as(ann).api('GET', '/units'), 200)).data.map((u: { id: string }) => u.id)).toEqual([ann.unitId]);
    expect((await ok(as(ann).api('GET', '/properties'), 200)).data.map((p: { id: string }) => p.id)).toEqual([ann.propertyId]);
    expect((await ok(as(ann).api('GET', `/members/${ann.memberId}/units`), 200)).data).toHaveLength(2);
    expect((await ok(as(ann).api('GET', `/units/${ann.unitId}/occupants`), 200)).data).toHaveLength(2);

    expect((await ok(as(ben).api('GET', `/leases/${ben.leaseIds[0]}`), 200)).status).toBe('active');
    expect((await ok(as(ben).api('GET', '/leases'), 200)).data.map((l: { id: string }) => l.id)).toEqual(ben.leaseIds);
    expect((await ok(as(ben).api('GET', `/units/${ben.unitId}`), 200)).status).toBe('occupied');
    expect((await ok(as(ann).api('GET', '/finance/charges'), 200)).data.map((c: { id: string }) => c.id)).toEqual([ann.moneyIds[0]]);
    expect((await ok(as(ann).api('GET', '/finance/statements'), 200)).data.map((c: { id: string }) => c.id)).toEqual([ann.moneyIds[1]]);
    expect((await as(ann).api('GET', `/finance/statements/${ann.moneyIds[1]}/pdf`)).statusCode).toBe(200);
    expect((await ok(as(ann).api('GET', `/finance/members/${ann.memberId}/balance`), 200))).toBeTruthy();
    expect((await ok(as(ben).api('GET', '/finance/payments'), 200)).data.map((p: { id: string }) => p.id)).toEqual([ben.moneyIds[1]]);
    expect((await ok(as(ann).api('GET', '/documents'), 200)).data.map((d: { id: string }) => d.id)).toEqual(ann.documentIds);
    expect((await ok(as(ann).api('GET', '/news'), 200)).data.map((n: { id: string }) => n.id)).toEqual(ann.newsIds);
    const link = await ok(as(ann).api('POST', `/documents/${ann.documentIds[0]}/link`), 200);
    expect((await t.call('GET', `/api/v1${link.url}`, { tenant: 'oak' })).body).toBe('Acorn House notice contents');
  });

  it("answers every portal route aimed at a neighbour's records with 404, and lists none of them", async () => {
    const portal = portalRoutes();
    expect(portal.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/v1/units', 'GET /api/v1/units/:id', 'GET /api/v1/properties/:id', 'GET /api/v1/leases/:id', 'GET /api/v1/units/:id/occupants', 'GET /api/v1/members/:id/units', 'GET /api/v1/documents/:id', 'POST /api/v1/documents/:id/link']),
    );
    const foreign = [ben.memberId, ben.unitId, ben.propertyId, ...ben.occupancyIds, ...ben.leaseIds, ...ben.moneyIds, ...ben.documentIds, ...ben.newsIds];
    for (const r of portal) {
      if (r.url.includes('/:')) {
        for (const id of foreign) {
          const url = r.url.replace(/:[A-Za-z_]+/g, id);
          const res = await t.call(r.method as never, url, { token: ann.token, tenant: 'oak' });
          expect(res.statusCode, `${r.method} ${url}: ${res.body}`).toBe(404);
          expectNothingOfBen(res, url);
        }
      } else if (r.method === 'POST') {
        // Paying for a neighbour (a checkout for their charges) is paying for no one she may name.
        const res = await t.call('POST', r.url, { token: ann.token, tenant: 'oak', body: { memberId: ben.memberId, successUrl: 'https://oak.example/ok', cancelUrl: 'https://oak.example/cancel' } });
        expect(res.statusCode, `${r.method} ${r.url}: ${res.body}`).toBe(404);
        expectNothingOfBen(res, r.url);
      } else if (r.method === 'PATCH') {
        // Her own details (PATCH /members/me): there is no id to aim at Ben; she changes her own phone.
        const res = await t.call('PATCH', r.url, { token: ann.token, tenant: 'oak', body: { phone: '+44 1111' } });
        expect(res.statusCode, `${r.method} ${r.url}: ${res.body}`).toBe(200);
        expectNothingOfBen(res, r.url);
      } else {
        const res = await t.call(r.method as never, r.url, { token: ann.token, tenant: 'oak' });
        expect(res.statusCode, `${r.method} ${r.url}: ${res.body}`).toBe(200);
        expectNothingOfBen(res, r.url);
      }
    }
  });

  it('refuses a member every staff route of the estate and the audit log, reads and writes alike', async () => {
    const estate = routes().filter((r) => ['members', 'properties', 'occupancy', 'leases', 'finance', 'audit', 'documents', 'communications'].includes((r.access as { module?: string } | undefined)?.module ?? '') && r.method !== 'HEAD' && !(r.access as { public?: boolean }).public && !portalRoutes().includes(r));
    expect(estate.length).toBeGreaterThan(10);
    for (const r of estate) {
      const url = r.url.replace(/:[A-Za-z_]+/g, ann.unitId);
      const res = await t.call(r.method as never, url, { token: ann.token, tenant: 'oak', ...(r.method === 'GET' || r.method === 'HEAD' || r.method === 'DELETE' ? {} : { body: {} }) });
      expect(res.statusCode, `${r.method} ${r.url}: ${res.body}`).toBe(403);
      expect(res.json().code).toBe('permission_denied');
    }
  });

  it("lets a member see and end only her own sessions, never a neighbour's", async () => {
    const bensSessions = (await ok(t.call('GET', '/api/v1/me/sessions', { token: ben.token, tenant: 'oak' }), 200)).data.map((x: { id: string }) => x.id);
    expect(bensSessions.length).toBeGreaterThan(0);
    const own = await t.call('GET', '/api/v1/me/sessions', { token: ann.token, tenant: 'oak' });
    expect(own.statusCode).toBe(200);
    expect(own.json().data.filter((x: { id: string }) => bensSessions.includes(x.id))).toEqual([]);
    for (const id of bensSessions) {
      const url = `/api/v1/me/sessions/${id}`;
      const res = await t.call('DELETE', url, { token: ann.token, tenant: 'oak' });
      expect(res.statusCode, res.body).toBe(404);
      expectNothingOfBen(res, url);
    }
    const me = await t.call('GET', '/api/v1/me', { token: ben.token, tenant: 'oak' });
    expect(me.statusCode).toBe(200);
    const renamed = await t.call('PATCH', '/api/v1/me', { token: ann.token, tenant: 'oak', body: { locale: 'en-GB' } });
    expect(renamed.statusCode).toBe(200);
    expectNothingOfBen(renamed, '/api/v1/me');
  });

  it("lets a member read and change only her own member details and notification preferences", async () => {
    const asAnn = (method: 'GET' | 'PATCH' | 'PUT', url: string, body?: unknown) => t.call(method, url, { token: ann.token, tenant: 'oak', ...(body ? { body } : {}) });
    const asBen = (method: 'GET' | 'PUT', url: string, body?: unknown) => t.call(method, url, { token: ben.token, tenant: 'oak', ...(body ? { body } : {}) });
    expect((await ok(asBen('GET', '/api/v1/members/me'), 200)).firstName).toBe('Benedikt');
    const mine = await ok(asAnn('GET', '/api/v1/members/me'), 200);
    expect(mine.id).toBe(ann.memberId);
    expectNothingOfBen(await asAnn('GET', '/api/v1/members/me'), '/api/v1/members/me');
    for (const [method, url] of [['GET', `/api/v1/members/${ben.memberId}`], ['PATCH', `/api/v1/members/${ben.memberId}`]] as const) {
      const res = await asAnn(method, url, method === 'PATCH' ? { phone: '+44 2222' } : undefined);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('permission_denied');
    }
    // The staff-only setting of what members may change.
    expect((await asAnn('PATCH', '/api/v1/settings/member-self-service', { editableFields: ['firstName', 'lastName'] })).statusCode).toBe(403);
    expect((await ok(asBen('GET', '/api/v1/members/me'), 200)).phone).toBeNull();

    const bensPrefs = await ok(asBen('GET', '/api/v1/me/notification-preferences'), 200);
    await ok(asBen('PUT', '/api/v1/me/notification-preferences', { ...bensPrefs, meetings: { email: false, sms: true } }), 200);
    expect((await ok(asAnn('GET', '/api/v1/me/notification-preferences'), 200)).meetings).toEqual({ email: true, sms: false });
  });

  it("refuses a member the tenant's API keys: none made, none seen, none revoked", async () => {
    const staffKey = await ok(oak.api('POST', '/api-keys', { name: 'Oak office sync', permissions: ['members.read'] }));
    const asAnn = (method: string, url: string, body?: unknown) => t.call(method as never, url, { token: ann.token, tenant: 'oak', ...(body ? { body } : {}) });
    for (const [method, url, body] of [['GET', '/api/v1/api-keys'], ['POST', '/api/v1/api-keys', { name: 'Ann key', permissions: [] }], ['GET', `/api/v1/api-keys/${staffKey.id}`], ['DELETE', `/api/v1/api-keys/${staffKey.id}`]] as [string, string, unknown?][]) {
      const res = await asAnn(method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(403);
      expect(res.json().code).toBe('permission_denied');
      expect(res.body).not.toContain('Oak office sync');
    }
    expect((await t.call('GET', '/api/v1/members', { token: staffKey.key, tenant: 'oak' })).statusCode).toBe(200);
  });

  it("refuses a member the tenant's single sign-on settings: none made, seen, changed or removed", async () => {
    const provider = await ok(oak.api('POST', '/sso/providers', { name: 'Oak office IdP', issuer: 'https://idp.oak-office.test', clientId: 'oak-client', clientSecret: 'oak-client-secret-1' }));
    const asAnn = (method: string, url: string, body?: unknown) => t.call(method as never, url, { token: ann.token, tenant: 'oak', ...(body ? { body } : {}) });
    for (const [method, url, body] of [['GET', '/api/v1/sso/providers'], ['POST', '/api/v1/sso/providers', { name: 'Ann IdP', issuer: 'https://ann.test', clientId: 'a', clientSecret: 'b' }], ['GET', `/api/v1/sso/providers/${provider.id}`], ['PATCH', `/api/v1/sso/providers/${provider.id}`, { name: 'Ann now' }], ['DELETE', `/api/v1/sso/providers/${provider.id}`]] as [string, string, unknown?][]) {
      const res = await asAnn(method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(403);
      expect(res.json().code).toBe('permission_denied');
      expect(res.body).not.toContain('oak-client');
    }
    // The sign-in page's list is public, and shows the name only.
    expect((await asAnn('GET', '/api/v1/auth/sso/providers')).json()).toEqual({ data: [{ id: provider.id, name: 'Oak office IdP' }] });
    expect((await oak.api('DELETE', `/sso/providers/${provider.id}`)).statusCode).toBe(204);
  });

  it("refuses a member the tenant's roles and permission catalogue: none seen, made, changed or deleted", async () => {
    const desk = await ok(oak.api('POST', '/roles', { key: 'oak-desk', name: 'Oak secret desk', permissions: ['members.read'] }));
    const asAnn = (method: string, url: string, body?: unknown) => t.call(method as never, url, { token: ann.token, tenant: 'oak', ...(body ? { body } : {}) });
    const attempts: [string, string, unknown?][] = [
      ['GET', '/api/v1/permissions'],
      ['GET', '/api/v1/roles'],
      ['POST', '/api/v1/roles', { key: 'ann-role', name: 'Ann role', permissions: [] }],
      ['GET', `/api/v1/roles/${desk.id}`],
      ['PATCH', `/api/v1/roles/${desk.id}`, { permissions: [] }],
      ['DELETE', `/api/v1/roles/${desk.id}`],
    ];
    for (const [method, url, body] of attempts) {
      const res = await asAnn(method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(403);
      expect(res.json().code).toBe('permission_denied');
      expect(res.body).not.toContain('Oak secret desk');
    }
    expect((await ok(oak.api('GET', `/roles/${desk.id}`), 200)).permissions).toEqual(['members.read']);
    await ok(oak.api('DELETE', `/roles/${desk.id}`), 204);
  });

  it("lets a member use and turn off only her own two-step sign-in, never a neighbour's", async () => {
    const call = (method: 'GET' | 'POST' | 'DELETE' | 'PATCH', url: string, token: string, body?: unknown) => t.call(method, url, { token, tenant: 'oak', ...(body !== undefined ? { body } : {}) });
    const bens2fa = await enrolTotp(t, 'oak', ben.token);
    const status = await call('GET', '/api/v1/me/mfa', ann.token);
    expect(status.json()).toMatchObject({ totp: { enrolled: false }, recoveryCodesRemaining: 0 });
    // Ben's codes mean nothing on Ann's account, enrolled or not, and are not spent by her trying.
    for (const [method, url] of [['DELETE', '/api/v1/me/mfa/totp'], ['POST', '/api/v1/auth/step-up']] as const) {
      const res = await call(method, url, ann.token, { code: bens2fa.recoveryCodes[0] });
      expect(res.statusCode, res.body).toBe(409);
      expectNothingOfBen(res, url);
    }
    const { secret } = (await call('POST', '/api/v1/me/mfa/totp', ann.token)).json();
    expect(secret).not.toBe(bens2fa.secret);
    const confirm = await call('POST', '/api/v1/me/mfa/totp/confirm', ann.token, { code: await totpCode(bens2fa.secret) });
    expect(confirm.statusCode).toBe(422);
    expect((await call('GET', '/api/v1/me/mfa', ben.token)).json()).toMatchObject({ totp: { enrolled: true }, recoveryCodesRemaining: 10 });
    expect((await call('GET', '/api/v1/settings/two-step', ann.token)).statusCode).toBe(403);
    expect((await call('PATCH', '/api/v1/settings/two-step', ann.token, { requiredRoles: [] })).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/auth/step-up', ben.token, { code: bens2fa.recoveryCodes[0] })).statusCode).toBe(200);
  });

  it("lets a member register, list, use and remove only her own passkeys, never a neighbour's", async () => {
    const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token: string, body?: unknown) => t.call(method, url, { token, tenant: 'oak', ...(body !== undefined ? { body } : {}) });
    const bensKey = newPasskey();
    const bensOptions = (await call('POST', '/api/v1/me/passkeys/registration-options', ben.token)).json();
    const made = await call('POST', '/api/v1/me/passkeys', ben.token, { name: 'Secret phone of Ben', response: attestation(bensKey, bensOptions) });
    expect(made.statusCode, made.body).toBe(201);
    bens.push('Secret phone of Ben', made.json().id, bensKey.credentialId.toString('base64url'));

    const listed = await call('GET', '/api/v1/me/passkeys', ann.token);
    expect(listed.json()).toEqual({ data: [] });
    expectNothingOfBen(listed, '/api/v1/me/passkeys');
    const options = await call('POST', '/api/v1/me/passkeys/registration-options', ann.token);
    expect(options.json().excludeCredentials).toEqual([]);
    expectNothingOfBen(options, '/api/v1/me/passkeys/registration-options');
    const removed = await call('DELETE', `/api/v1/me/passkeys/${made.json().id}`, ann.token);
    expect(removed.statusCode).toBe(404);
    expectNothingOfBen(removed, `/api/v1/me/passkeys/${made.json().id}`);
    // Ben's registration options do not register a passkey for Ann.
    const bensNext = (await call('POST', '/api/v1/me/passkeys/registration-options', ben.token)).json();
    expect((await call('POST', '/api/v1/me/passkeys', ann.token, { response: attestation(newPasskey(), bensNext) })).statusCode).toBe(422);
    // Ben's passkey does not step Ann up, with Ann's options or Ben's.
    expect((await call('POST', '/api/v1/auth/step-up/passkey/options', ann.token)).statusCode).toBe(401);
    const bensStepUp = (await call('POST', '/api/v1/auth/step-up/passkey/options', ben.token)).json();
    const stepped = await call('POST', '/api/v1/auth/step-up/passkey', ann.token, { response: assertion(bensKey, bensStepUp) });
    expect(stepped.statusCode, stepped.body).toBe(401);
    expectNothingOfBen(stepped, '/api/v1/auth/step-up/passkey');
    expect((await call('GET', '/api/v1/me/passkeys', ben.token)).json().data).toHaveLength(1);
  });

  it('lets a member with no member link see nothing of the estate', async () => {
    const { token } = await oak.newUser('unlinked@oak.test', ['member']);
    for (const url of ['/api/v1/units', '/api/v1/properties', '/api/v1/leases', `/api/v1/units/${ann.unitId}`]) {
      const res = await t.call('GET', url, { token, tenant: 'oak' });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(403);
    }
  });
});
