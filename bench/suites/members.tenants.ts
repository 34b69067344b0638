/**
 * The many-tenants suite: the members suite's read, `GET /api/v1/members/{id}` through the
 * whole pipeline, with its tenant drawn uniformly at random from the first 10 seeded tenants
 * (f) and from every seeded tenant, 10,000 by default (g), on one data set in one run, each
 * after the same warm-up. The ratios say whether the pipeline stays flat as tenants multiply:
 * the tenant, licence, role and session caches must hold every tenant, and a cold one must
 * cost little. Seeded like the members suite (a few tenants through TenantsService, the rest
 * in bulk with licences issued by LicencesService), with 10 members per tenant by default.
 */
import type { Scenario, Suite } from '../lib/types.js';
import { checkReadOne, readOneOf, seedMembers, type BenchTenant, type MembersFixture } from './members.js';

const FEW = 10;
const few = new WeakMap<MembersFixture, BenchTenant[]>();
/** The first FEW tenants, sliced once per fixture: `request` runs once per request. */
const fewOf = (f: MembersFixture) => few.get(f) ?? few.set(f, f.tenants.slice(0, FEW)).get(f)!;

const scenarios: Scenario<MembersFixture>[] = [
  { id: 'f', key: 'members.get.few-tenants', title: `GET /api/v1/members/{id}, ${FEW} tenants`, server: { kind: 'platform' }, request: (f) => readOneOf(fewOf(f)), check: checkReadOne },
  { id: 'g', key: 'members.get.all-tenants', title: 'GET /api/v1/members/{id}, every tenant', server: { kind: 'platform' }, request: (f) => readOneOf(f.tenants), check: checkReadOne },
];

export const membersTenantsSuite: Suite<MembersFixture> = {
  name: 'tenants',
  description: `One member read with ${FEW} tenants and with every seeded tenant, drawn uniformly at random`,
  seed: (env) => seedMembers(env),
  describeFixture: (f) => ({
    tenants: f.tenants.length,
    fewTenants: Math.min(FEW, f.tenants.length),
    membersPerTenant: f.tenants[0]?.members.length ?? 0,
    seedingSeconds: Object.fromEntries(Object.entries(f.seeding).map(([k, v]) => [k.replace(/Seconds$/, ''), Math.round(v * 100) / 100])),
  }),
  scenarios,
  ratios: [
    { name: '(g)/(f)', numerator: 'g', denominator: 'f', target: 0.9 },
    { name: '(g)/(f) p50', metric: 'p50', numerator: 'g', denominator: 'f', target: 1.1 },
  ],
  // The warm-up reaches most tenants at least once (at 2,500 req/s, 15 s is about 3.7 draws a
  // tenant: 97 % of 10,000 seen), so the window measures a process that has met its tenants,
  // as a long-running one has; the few still cold show in (g)'s db transactions per request.
  defaults: { tenants: 10_000, membersPerTenant: 10, warmupSeconds: 15 },
};
