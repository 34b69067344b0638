/**
 * `npm run bench:cache-memory`: the heap the data plane's caches take per 10,000 tenants. Fills
 * the tenant directory's LRU (one entry per tenant, as a tenant's id resolves it), the licence
 * verifier (real Ed25519 licences, verified), the role cache (the four system roles with the
 * real permission keys) and the session cache (one session per tenant), with strings made
 * fresh per tenant as the database driver makes them, and compares the heap after a full GC.
 * Run with --expose-gc (the npm script does). Not a throughput benchmark: it needs no database.
 */
import { RolePermissionCache } from '../src/data/role-cache.js';
import type { TenantInfo } from '../src/kernel/context.js';
import { newId } from '../src/kernel/ids.js';
import { CACHE_MAX_ENTRIES, Lru } from '../src/kernel/lru.js';
import { generateLicenceKeyPair, LicenceSigner, LicenceVerifier } from '../src/kernel/security/licence.js';
import { SessionCache } from '../src/kernel/security/session-cache.js';

const TENANTS = Number(process.argv[2] ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:cache-memory)');

/** A copy the engine cannot share with the literal, as a value read from the database is. */
const fresh = (s: string) => Buffer.from(s).toString('utf8');
const PERMISSIONS = 'finance.approve finance.read finance.read.own finance.write leases.read leases.read.own leases.write mail.read mail.templates.write mail.write members.read members.write occupancy.read occupancy.read.own occupancy.write properties.read properties.read.own properties.write roles.read settings.read settings.write users.read users.write webhooks.read webhooks.write'.split(' ');
const ROLES: Record<string, string[]> = {
  owner: PERMISSIONS,
  manager: PERMISSIONS.filter((p) => !p.endsWith('.own') && p !== 'finance.approve'),
  staff: PERMISSIONS.filter((p) => p.endsWith('.read') || p === 'members.write'),
  member: PERMISSIONS.filter((p) => p.endsWith('.own')),
};

function heapMb(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / 1_048_576;
}

async function main() {
  const keys = generateLicenceKeyPair();
  const signer = await LicenceSigner.fromPem(keys.privateKey);
  const now = Math.floor(Date.now() / 1000);
  const tenants: { id: string; slug: string; userId: string; sessionId: string; licence: { id: string; jws: string } }[] = [];
  for (let i = 0; i < TENANTS; i++) {
    const id = newId();
    const slug = `tenant-${i}`;
    const { jws, claims } = await signer.sign({ sub: id, tenant: slug, plan: 'standard', modules: ['members', 'properties', 'occupancy', 'leases', 'finance', 'webhooks', 'mail'], limits: { members: 500, users: 25, storageMb: 1024 }, nbf: now, exp: now + 365 * 86_400, grace: 14 * 86_400 });
    tenants.push({ id, slug, userId: newId(), sessionId: newId(), licence: { id: claims.jti, jws } });
  }
  const baseline = heapMb();
  // Everything as the caches receive it: what the caches keep of it is what is measured.
  const infos = tenants.map((t): TenantInfo => ({ id: fresh(t.id), slug: fresh(t.slug), name: fresh(`Tenant ${t.slug}`), status: 'active', placement: 'pooled', databaseName: null, licenceId: fresh(t.licence.id), licenceJws: fresh(t.licence.jws), branding: {}, timeZone: 'UTC', defaultLocale: 'en' }));
  const roleRows = tenants.map(() => new Map(Object.entries(ROLES).map(([key, permissions]) => [fresh(key), { permissions: permissions.map(fresh), fieldRestrictions: {} }])));
  const states = tenants.map(() => ({ alive: true, endsAt: Date.now() + 86_400_000, active: true, roles: [fresh('owner')], memberId: null }));
  const directory = new Lru<string, TenantInfo | null>(CACHE_MAX_ENTRIES);
  const verifier = await LicenceVerifier.fromPem(keys.publicKey);
  const roles = new RolePermissionCache();
  const sessions = new SessionCache();

  for (const info of infos) directory.set(`t:${info.id}`, info);
  // The pipeline passes the directory's strings: while both hold a tenant, they share its text.
  for (const info of infos) await verifier.verify({ id: info.licenceId, jws: info.licenceJws }, info.id);
  tenants.forEach((t, i) => {
    roles.reserve(t.id)(roleRows[i]!);
    roles.cached(t.id, ['owner']);
    sessions.reserve(t.id, t.userId, t.sessionId)(states[i]!);
  });
  // From here on only the caches hold what they were given.
  infos.length = 0;
  roleRows.length = 0;
  states.length = 0;
  const total = heapMb() - baseline;

  // What each cache retains: the heap it frees when cleared.
  const figures: [string, number][] = [];
  let before = heapMb();
  const freed = (name: string, clear: () => void) => {
    clear();
    const after = heapMb();
    figures.push([name, before - after]);
    before = after;
  };
  freed('sessions (one per tenant)', () => sessions.clear());
  freed('role permissions (4 system roles, shared by content)', () => roles.forget(null));
  freed('tenant directory (TenantInfo)', () => directory.clear());
  // A verifier is cleared by dropping it: measured last, when it alone holds the licences' text.
  figures.push(['verified licences (claims and text, by jti)', before - baseline]);

  console.log(`heap per ${TENANTS.toLocaleString('en')} tenants (node ${process.version}), cleared in this order:`);
  for (const [name, mb] of figures) console.log(`  ${name.padEnd(56)} ${mb.toFixed(1).padStart(6)} MB`);
  console.log(`  ${'all four, together'.padEnd(56)} ${total.toFixed(1).padStart(6)} MB`);
  if (verifier === null) console.log('unreachable: keeps the verifier alive until here');
}

await main();
