import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../src/kernel/db/tables.js';
import { addDays, isoDate } from '../src/kernel/dates.js';
import { TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';
import { steppedUp } from './mfa-helpers.js';
import { testDb, type TestDb } from './test-db.js';

/**
 * The one test fixture every module's tests start from: a tenant of a running platform with,
 * as asked, an estate (a property with units), members, a staff user and a portal user, and
 * helpers that talk to the tenant API as its owner. Everything goes through the HTTP API on a
 * real database, so a fixture is only as trusting as a client would be.
 */

export type Method = NonNullable<InjectOptions['method']>;
type Body = Record<string, unknown>;
/** A resource's JSON body as the API returned it (loosely typed, as `res.json()` is). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface EstateOptions {
  slug: string;
  plan?: string;
  placement?: 'pooled' | 'dedicated';
  /** Labels of units to create in one property (`property`); a number gives U-1, U-2, ... */
  units?: number | string[];
  /** A property even without units: its name, or true for a generated one. */
  property?: string | boolean;
  /** Members to create (owners named Member 1, Member 2, ...). */
  members?: number;
  /** A staff user, signed in (`estate.staff`). */
  staff?: boolean;
  /** A portal user linked to the first member (created if `members` is 0), signed in (`estate.portal`). */
  portalUser?: boolean;
  /** The owner enrols two-step sign-in and steps up, so that its token allows finance.approve's actions (for 15 minutes). */
  stepUp?: boolean;
}

export interface SignedInUser {
  id: string;
  email: string;
  token: string;
}

export interface Estate extends TestTenant {
  t: TestPlatform;
  /** The estate's property, when one was asked for (`units` or `property`). */
  propertyId: string;
  unitIds: string[];
  memberIds: string[];
  staff?: SignedInUser;
  portal?: SignedInUser & { memberId: string };
  /** `/api/v1${url}` on this tenant, as its owner unless another token is given. */
  api(method: Method, url: string, body?: unknown, options?: { token?: string; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  /** The same helpers acting as another of the tenant's users (a staff or portal login). */
  as(user: { token: string }): Estate;
  /**
   * A tenant-bound transaction (row-level security applies), for what no route shows: `db` sees
   * every table in camelCase, `trx` is the same transaction as a module's functions take it.
   */
  tx<T>(fn: (db: TestDb, trx: Db) => Promise<T>): Promise<T>;
  /** The tenant's outbox events (of one type), oldest first: no workers run in tests, so nothing relays them away. */
  outbox(type?: string): Promise<{ type: string; data: Json }[]>;
  /** Runs a module's job for this tenant as a worker would, with the clock at `now`. */
  runJob(module: string, job: string, now?: Date): Promise<void>;
  /** A property (random name, residential); returns its body. */
  newProperty(body?: Body): Promise<Json>;
  /** A unit (random label, apartment) in the estate's property or the one given; returns its body. */
  newUnit(propertyId?: string, body?: Body): Promise<Json>;
  /** A member (an owner with a random last name); returns its id. */
  newMember(body?: Body): Promise<string>;
  /** Attaches a member to a unit (as its sole owner since 2025-01-01 unless told); returns the occupancy. */
  occupy(unitId: string, memberId: string, body?: Body): Promise<Json>;
  /** A draft lease on `leaseTerms` (of a new unit in a new property, to a new renter, unless told), active with `activate`; returns its body. */
  newLease(body?: Body, options?: { activate?: boolean }): Promise<Json>;
  /** A tenant user with a password, signed in. */
  newUser(email: string, roles: string[], body?: Body): Promise<SignedInUser>;
  /** A portal login for a member, signed in. */
  newPortalUser(memberId: string, email?: string): Promise<SignedInUser>;
}

/** Today and `n` days from it, as the API's dates. */
export const today = isoDate(new Date());
export const day = (n: number): string => addDays(today, n);
export const uniq = (): string => randomUUID().slice(0, 8);

/** A lease's terms: monthly 1,200.00 EUR due on the 1st with a deposit, from ten days ago for a year, unless told. */
export const leaseTerms = (unitId: string, renterIds: string[], body: Body = {}): Body => ({
  unitId,
  renterIds,
  startDate: day(-10),
  endDate: day(355),
  rent: { amount: 120_000, currency: 'EUR' },
  frequency: 'monthly',
  dueDay: 1,
  deposit: 240_000,
  ...body,
});

/** Expects `status` (201 unless told) and returns the JSON body, or null for 204. */
export async function ok(res: LightMyRequestResponse | Promise<LightMyRequestResponse>, status = 201) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.statusCode === 204 ? null : r.json();
}

/**
 * Expects a problem document with this status and code, and with `fields` exactly these invalid
 * fields (a list) or among them this one (a string); returns it.
 */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string, fields?: string[] | string) {
  expect({ status: res.statusCode, code: res.json().code }, res.body).toEqual({ status, code });
  expect(res.headers['content-type']).toContain('application/problem+json');
  if (typeof fields === 'string') expect(fieldsOf(res.json())).toContain(fields);
  else if (fields) expect(fieldsOf(res.json()).sort()).toEqual([...fields].sort());
  return res.json();
}

/** The fields a validation problem names. */
export const fieldsOf = (problem: { errors?: { field: string }[] }): string[] => (problem.errors ?? []).map((e) => e.field);

/** A tenant with what `options` asks for; see `Estate`. */
export async function estate(t: TestPlatform, options: EstateOptions): Promise<Estate> {
  const { slug, plan, placement } = options;
  return kit(t, await t.createTenant(slug, { ...(plan ? { plan } : {}), ...(placement ? { placement } : {}) }), options);
}

/** The `Estate` helpers for a tenant created otherwise (for instance with a licence or compliance). */
export async function kit(t: TestPlatform, tenant: TestTenant, options: Partial<EstateOptions> = {}): Promise<Estate> {
  const e = helpers(t, options.stepUp ? { ...tenant, token: await steppedUp(t, tenant.slug, tenant.token) } : tenant);
  const units = typeof options.units === 'number' ? Array.from({ length: options.units }, (_, i) => `U-${i + 1}`) : (options.units ?? []);
  if (options.property || units.length) {
    e.propertyId = (await e.newProperty(typeof options.property === 'string' ? { name: options.property } : {})).id;
    for (const label of units) e.unitIds.push((await e.newUnit(e.propertyId, { label })).id);
  }
  for (let i = 1; i <= (options.members ?? 0); i++) e.memberIds.push(await e.newMember({ firstName: 'Member', lastName: String(i) }));
  if (options.staff) e.staff = await e.newUser(`staff@${tenant.slug}.test`, ['staff']);
  if (options.portalUser) {
    const memberId = e.memberIds[0] ?? (await e.newMember());
    e.portal = { ...(await e.newPortalUser(memberId, `portal@${tenant.slug}.test`)), memberId };
  }
  return e;
}

function helpers(t: TestPlatform, tenant: TestTenant, made: Pick<Estate, 'propertyId' | 'unitIds' | 'memberIds'> = { propertyId: '', unitIds: [], memberIds: [] }): Estate {
  const api: Estate['api'] = (method, url, body, o = {}) =>
    t.call(method, `/api/v1${url}`, { token: o.token ?? tenant.token, tenant: tenant.slug, ...(body !== undefined ? { body } : {}), ...(o.headers ? { headers: o.headers } : {}) });
  const newUser: Estate['newUser'] = async (email, roles, body = {}) => {
    const created = await ok(api('POST', '/users', { email, name: email, password: TENANT_PASSWORD, roles, ...body }));
    return { id: created.id, email, token: (await t.login(tenant.slug, email)).accessToken };
  };
  const e: Estate = {
    ...tenant,
    ...made,
    t,
    api,
    as: (user) => ({ ...helpers(t, { ...tenant, token: user.token }, e), staff: e.staff, portal: e.portal }),
    tx: (fn) => t.platform.jobs.context().tenantTransaction(tenant.id, (trx) => fn(testDb(trx), trx)),
    outbox: (type) =>
      e.tx(async (db) => {
        const rows = await db.selectFrom('outbox').select(['type', 'data']).$if(type !== undefined, (q) => q.where('type', '=', type!)).orderBy('id').execute();
        return rows.map((r) => ({ type: r.type, data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data }));
      }),
    runJob: async (module, name, now = new Date()) => {
      const job = t.platform.modules.get(module)?.jobs?.find((j) => j.name === name);
      if (!job) throw new Error(`no job ${name} in module ${module}`);
      await job.handler({ id: randomUUID(), name, data: { tenantId: tenant.id }, retryCount: 0 }, { ...t.platform.jobs.context(), now: () => now });
    },
    newProperty: async (body = {}) => ok(api('POST', '/properties', { name: `Property ${uniq()}`, kind: 'residential', ...body })),
    newUnit: async (propertyId = e.propertyId, body = {}) => ok(api('POST', `/properties/${propertyId}/units`, { label: `U-${uniq()}`, kind: 'apartment', ...body })),
    newMember: async (body = {}) => (await ok(api('POST', '/members', { firstName: 'Mia', lastName: `M-${uniq()}`, type: 'owner', ...body }))).id,
    occupy: async (unitId, memberId, body = {}) => {
      const role = body.role ?? 'owner';
      return ok(api('POST', `/units/${unitId}/occupants`, { memberId, role, startDate: '2025-01-01', ...(role === 'owner' ? { ownershipShare: '1' } : {}), ...body }));
    },
    newLease: async (body = {}, o = {}) => {
      const unitId = (body.unitId as string | undefined) ?? (await e.newUnit((await e.newProperty()).id)).id;
      const renterIds = (body.renterIds as string[] | undefined) ?? [await e.newMember({ firstName: 'Rhea', type: 'renter' })];
      const lease = await ok(api('POST', '/leases', leaseTerms(unitId, renterIds, body)));
      return o.activate ? ok(api('POST', `/leases/${lease.id}/activate`), 200) : lease;
    },
    newUser,
    newPortalUser: async (memberId, email = `portal-${uniq()}@${tenant.slug}.test`) => newUser(email, ['member'], { memberId }),
  };
  return e;
}
