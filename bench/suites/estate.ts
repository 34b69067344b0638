/**
 * The estate suite: tenants each with an estate of 5,000 units (by default) in ten blocks,
 * owners, residents and renters attached, and a lease history — and the reads a property
 * manager runs on it: the rent roll (JSON and CSV), the vacancy report, and unit list pages
 * filtered by status.
 */
import type { Insertable } from 'kysely';
import type { Platform } from '../../src/platform.js';
import { isoDate, addDays } from '../../src/kernel/dates.js';
import { newId } from '../../src/kernel/ids.js';
import { refreshUnits } from '../../src/modules/occupancy/index.js';
import { testDb, type TestTables } from '../../test/test-db.js';
import type { BenchRequest, Scenario, Suite } from '../lib/types.js';
import { chunks, pick, seconds } from '../lib/util.js';
import { seedMembers, type BenchTenant, type MembersFixture } from './members.js';

const BLOCKS = 10;
const STATUSES = ['vacant', 'occupied', 'owner-occupied', 'unavailable'] as const;

export interface EstateTenant extends BenchTenant {
  estateId: string;
  blockIds: string[];
  units: number;
  /** Units per status after seeding, as the vacancy report must count them. */
  byStatus: Record<string, number>;
  /** Leases in force today: the rent roll's rows. */
  leasesInForce: number;
}

export interface EstateFixture extends MembersFixture {
  estates: EstateTenant[];
  unitsPerTenant: number;
}

/**
 * Seeds one tenant's estate inside one tenant-bound transaction (row-level security checks
 * every row): an estate with ten blocks; units with shares summing to 1 per block; per unit,
 * by position: 40 % owner-occupied (owner who resides), 45 % let (an owner elsewhere, a lease in
 * force with one renter, and an ended lease before it), 10 % vacant (owned, nobody lives
 * there), 5 % unavailable. Statuses are then derived by the occupancy module's own refresh.
 */
export async function seedEstate(p: Platform, t: BenchTenant, units: number): Promise<EstateTenant> {
  const today = isoDate(new Date());
  return p.router.tenantTransaction({ id: t.id, placement: 'pooled', databaseName: null }, async (trx) => {
    const db = testDb(trx);
    const estateId = newId();
    await db.insertInto('properties').values({ tenantId: t.id, id: estateId, name: 'Bench Estate', kind: 'residential', addressLines: ['1 Bench Road'], city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' }).execute();
    const blockIds = Array.from({ length: BLOCKS }, () => newId());
    await db
      .insertInto('properties')
      .values(blockIds.map((id, b) => ({ tenantId: t.id, id, parentId: estateId, name: `Block ${String.fromCharCode(65 + b)}`, kind: 'residential' as const, country: 'GB' })))
      .execute();

    const perBlock = Math.ceil(units / BLOCKS);
    const unitRows = Array.from({ length: units }, (_, i) => {
      const block = Math.floor(i / perBlock);
      const inBlock = Math.min(perBlock, units - block * perBlock);
      return {
        tenantId: t.id,
        id: newId(),
        propertyId: blockIds[block]!,
        label: `${String.fromCharCode(65 + block)}-${String((i % perBlock) + 1).padStart(4, '0')}`,
        kind: i % 50 === 49 ? ('parking' as const) : ('apartment' as const),
        floor: Math.floor((i % perBlock) / 20),
        area: (45 + (i % 7) * 10).toFixed(2),
        bedrooms: 1 + (i % 3),
        participationShare: (1 / inBlock).toFixed(9),
        amenities: i % 3 === 0 ? ['balcony'] : [],
        unavailable: i % 20 === 19,
      };
    });
    for (const batch of chunks(unitRows, 1000)) await db.insertInto('units').values(batch).execute();

    const members = t.members;
    const occupancies: Insertable<TestTables['occupancies']>[] = [];
    const leases: Insertable<TestTables['leases']>[] = [];
    const renters: Insertable<TestTables['leaseRenters']>[] = [];
    let leasesInForce = 0;
    const start = addDays(today, -400);
    unitRows.forEach((u, i) => {
      if (u.unavailable) return;
      const owner = members[i % members.length]!;
      const slot = i % 20;
      occupancies.push({ tenantId: t.id, id: newId(), unitId: u.id, memberId: owner, role: 'owner', startDate: start, ownershipShare: '1' });
      if (slot < 8) {
        occupancies.push({ tenantId: t.id, id: newId(), unitId: u.id, memberId: owner, role: 'resident', startDate: start });
      } else if (slot < 17) {
        const renter = members[(i + 2_500) % members.length]!;
        const ended = newId();
        const current = newId();
        const endedTo = addDays(today, -200);
        const from = addDays(endedTo, 1);
        const to = addDays(from, 364 + (i % 90));
        const common = { tenantId: t.id, unitId: u.id, currency: 'GBP', frequency: 'monthly' as const, dueDay: 1 + (i % 28), depositAmount: 150_000 };
        leases.push({ ...common, id: ended, status: 'ended', startDate: addDays(endedTo, -364), endDate: endedTo, rentAmount: 90_000 + (i % 40) * 1_000, activatedAt: new Date() });
        leases.push({ ...common, id: current, status: 'active', startDate: from, endDate: to, rentAmount: 95_000 + (i % 40) * 1_000, previousLeaseId: ended, activatedAt: new Date() });
        renters.push({ tenantId: t.id, leaseId: ended, memberId: renter }, { tenantId: t.id, leaseId: current, memberId: renter });
        occupancies.push({ tenantId: t.id, id: newId(), unitId: u.id, memberId: renter, role: 'renter', startDate: addDays(endedTo, -364), endDate: endedTo, leaseId: ended });
        occupancies.push({ tenantId: t.id, id: newId(), unitId: u.id, memberId: renter, role: 'renter', startDate: from, endDate: to, leaseId: current });
        leasesInForce++;
      }
    });
    for (const batch of chunks(leases, 1000)) await db.insertInto('leases').values(batch).execute();
    for (const batch of chunks(renters, 2000)) await db.insertInto('leaseRenters').values(batch).execute();
    for (const batch of chunks(occupancies, 1000)) await db.insertInto('occupancies').values(batch).execute();

    await refreshUnits({ db: trx, tenant: { id: t.id } as never }, null, today);
    const counts = await db.selectFrom('units').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<string, number>;
    for (const c of counts) byStatus[c.status] = Number(c.n);
    return { ...t, estateId, blockIds, units, byStatus, leasesInForce };
  });
}

async function seed(env: Parameters<Suite['seed']>[0]): Promise<EstateFixture> {
  const units = env.params.membersPerTenant;
  const estates: EstateTenant[] = [];
  const timings: Record<string, number> = {};
  const members = await seedMembers(env, {
    extend: async (p, f) => {
      const t0 = process.hrtime.bigint();
      // One tenant at a time: each estate is one large transaction.
      for (const t of f.tenants) estates.push(await seedEstate(p, t, units));
      timings.estatesSeconds = seconds(t0);
      env.log(`  seeded ${estates.length} estates of ${units} units (${JSON.stringify(estates[0]?.byStatus)}; ${estates[0]?.leasesInForce} leases in force each)`);
    },
  });
  return { ...members, seeding: { ...members.seeding, ...timings }, estates, unitsPerTenant: units };
}

// ---------------------------------------------------------------------------------------------
// Requests

const headers = (t: EstateTenant) => ({ authorization: t.authorization, 'x-tenant-id': t.id });

const rentRoll = (f: EstateFixture): BenchRequest => ({ method: 'GET', path: '/api/v1/reports/rent-roll', headers: headers(pick(f.estates)) });
const rentRollCsv = (f: EstateFixture): BenchRequest => ({ method: 'GET', path: '/api/v1/reports/rent-roll?format=csv', headers: headers(pick(f.estates)) });
const vacancy = (f: EstateFixture): BenchRequest => ({ method: 'GET', path: '/api/v1/reports/vacancy', headers: headers(pick(f.estates)) });
const unitsByStatus = (f: EstateFixture): BenchRequest => ({ method: 'GET', path: `/api/v1/units?status=${pick(STATUSES)}&limit=50`, headers: headers(pick(f.estates)) });
const unitsOfBlockByStatus = (f: EstateFixture): BenchRequest => {
  const t = pick(f.estates);
  return { method: 'GET', path: `/api/v1/units?propertyId=${pick(t.blockIds)}&status=${pick(STATUSES)}&limit=50`, headers: headers(t) };
};

// ---------------------------------------------------------------------------------------------
// Checks: the numbers the reports give match what was seeded.

async function get(baseUrl: string, r: BenchRequest) {
  const res = await fetch(baseUrl + r.path, { headers: r.headers });
  return { status: res.status, text: await res.text() };
}

async function checkRentRoll(f: EstateFixture, baseUrl: string) {
  const t = f.estates[0]!;
  const res = await get(baseUrl, { method: 'GET', path: '/api/v1/reports/rent-roll', headers: headers(t) });
  const rows = res.status === 200 ? (JSON.parse(res.text) as { data?: unknown[]; rows?: unknown[] }) : null;
  const count = rows?.data?.length ?? rows?.rows?.length;
  if (count !== t.leasesInForce) throw new Error(`rent roll answered ${res.status} with ${count} rows, expected ${t.leasesInForce}: ${res.text.slice(0, 300)}`);
}

async function checkRentRollCsv(f: EstateFixture, baseUrl: string) {
  const t = f.estates[0]!;
  const res = await get(baseUrl, { method: 'GET', path: '/api/v1/reports/rent-roll?format=csv', headers: headers(t) });
  const lines = res.text.trim().split('\r\n').length;
  // A header row, one row per lease in force, and possibly per-currency total rows.
  if (res.status !== 200 || lines < t.leasesInForce + 1) throw new Error(`rent roll CSV answered ${res.status} with ${lines} lines, expected at least ${t.leasesInForce + 1}`);
}

async function checkVacancy(f: EstateFixture, baseUrl: string) {
  const t = f.estates[0]!;
  const res = await get(baseUrl, { method: 'GET', path: '/api/v1/reports/vacancy', headers: headers(t) });
  if (res.status !== 200) throw new Error(`vacancy answered ${res.status}: ${res.text.slice(0, 300)}`);
  const text = res.text;
  for (const [status, n] of Object.entries(t.byStatus)) {
    if (n > 0 && !text.includes(String(n))) throw new Error(`vacancy report does not show ${n} ${status} units: ${text.slice(0, 500)}`);
  }
}

async function checkUnits(f: EstateFixture, baseUrl: string) {
  const t = f.estates[0]!;
  for (const status of STATUSES) {
    const res = await get(baseUrl, { method: 'GET', path: `/api/v1/units?status=${status}&limit=50`, headers: headers(t) });
    const body = JSON.parse(res.text) as { data: { status: string }[] };
    const expected = Math.min(50, t.byStatus[status] ?? 0);
    if (res.status !== 200 || body.data.length !== expected || body.data.some((u) => u.status !== status)) {
      throw new Error(`units?status=${status} answered ${res.status} with ${body.data?.length} rows, expected ${expected}`);
    }
  }
}

const scenarios: Scenario<EstateFixture>[] = [
  { id: 'a', key: 'estate.rent-roll.json', title: 'GET /api/v1/reports/rent-roll (every lease in force)', server: { kind: 'platform' }, request: rentRoll, check: checkRentRoll },
  { id: 'b', key: 'estate.rent-roll.csv', title: 'GET /api/v1/reports/rent-roll?format=csv', server: { kind: 'platform' }, request: rentRollCsv, check: checkRentRollCsv },
  { id: 'c', key: 'estate.vacancy', title: 'GET /api/v1/reports/vacancy (per property)', server: { kind: 'platform' }, request: vacancy, check: checkVacancy },
  { id: 'd', key: 'estate.units.by-status', title: 'GET /api/v1/units?status=…&limit=50', server: { kind: 'platform' }, request: unitsByStatus, check: checkUnits },
  { id: 'e', key: 'estate.units.block-by-status', title: 'GET /api/v1/units?propertyId=…&status=…&limit=50', server: { kind: 'platform' }, request: unitsOfBlockByStatus },
];

export const estateSuite: Suite<EstateFixture> = {
  name: 'estate',
  description: 'Rent roll, vacancy report and unit lists of 5,000-unit estates',
  seed,
  describeFixture: (f) => ({
    tenants: f.estates.length,
    unitsPerTenant: f.unitsPerTenant,
    membersPerTenant: f.tenants[0]?.members.length ?? 0,
    unitsByStatus: f.estates[0]?.byStatus,
    leasesInForcePerTenant: f.estates[0]?.leasesInForce,
    seedingSeconds: Object.fromEntries(Object.entries(f.seeding).map(([k, v]) => [k.replace(/Seconds$/, ''), Math.round(v * 100) / 100])),
  }),
  scenarios,
  ratios: [],
  // `--members` sets both the members and the units of each tenant's estate.
  defaults: { tenants: 4, membersPerTenant: 5000, serviceTenants: 1, connections: 8 },
};
