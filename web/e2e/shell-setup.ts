import { createCourtyardClient } from '../../sdk/src/index.js';
import { accessTokenOf, server, TENANT_PASSWORD } from './browser.js';

const day = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

function check<T>(what: string, r: { data?: T; error?: unknown }): T {
  if (!r.data) throw new Error(`${what}: ${JSON.stringify(r.error)}`);
  return r.data;
}

/**
 * What the dashboard draws, made through the API as the tenant's manager: a property with three
 * units, two members, a lease ending in 30 days, charges over the last months (some paid, one
 * 45 days overdue).
 */
export async function seedDashboard(tenant: { slug: string; email: string }): Promise<{ members: Record<string, string> }> {
  const base = { baseUrl: server().url, tenant: tenant.slug };
  const login = check('login', await createCourtyardClient(base).POST('/api/v1/auth/login', { body: { email: tenant.email, password: TENANT_PASSWORD } }));
  const api = createCourtyardClient({ ...base, accessToken: () => accessTokenOf(login) });
  const property = check('property', await api.POST('/api/v1/properties', { body: { name: 'Birch Court', kind: 'residential' } }));
  const units = [];
  for (const label of ['A1', 'A2', 'A3']) units.push(check(`unit ${label}`, await api.POST('/api/v1/properties/{id}/units', { params: { path: { id: property.id } }, body: { label, kind: 'apartment' } })));
  const members: Record<string, string> = {};
  for (const [first, last] of [['Grace', 'Hopper'], ['Alan', 'Turing']] as const) {
    members[`${first} ${last}`] = check(`member ${first}`, await api.POST('/api/v1/members', { body: { firstName: first, lastName: last, type: 'renter' } })).id;
  }
  const grace = members['Grace Hopper']!;
  const lease = check('lease', await api.POST('/api/v1/leases', { body: { unitId: units[0]!.id, renterIds: [grace], startDate: iso(-300), endDate: iso(30), rent: { amount: 95_000, currency: 'EUR' } } }));
  check('activate', await api.POST('/api/v1/leases/{id}/activate', { params: { path: { id: lease.id } } }));
  for (const [due, amount, paid] of [[-150, 95_000, 95_000], [-100, 95_000, 95_000], [-45, 95_000, 40_000], [-10, 95_000, 0]] as const) {
    const charge = check('charge', await api.POST('/api/v1/finance/charges', { body: { memberId: grace, amount, currency: 'EUR', description: 'Rent', dueDate: iso(due), kind: 'rent', leaseId: lease.id } }));
    if (paid > 0) check('payment', await api.POST('/api/v1/finance/payments', { body: { memberId: grace, amount: paid, currency: 'EUR', method: 'bank_transfer', receivedOn: iso(due + 1), allocations: [{ chargeId: charge.id }] } }));
  }
  return { members };
}
