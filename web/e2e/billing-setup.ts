import { createCourtyardClient, type CourtyardClient } from '../../sdk/src/index.js';
import { accessTokenOf, server, TENANT_PASSWORD } from './browser.js';

/** The tenant's API as its manager, through the SDK (as an integrator would set things up). */
export async function managerApi(tenant: { slug: string; email: string }): Promise<CourtyardClient> {
  const api = createCourtyardClient({ baseUrl: server().url, tenant: tenant.slug });
  const login = await api.POST('/api/v1/auth/login', { body: { email: tenant.email, password: TENANT_PASSWORD } });
  if (!login.data) throw new Error(`login to ${tenant.slug}: ${JSON.stringify(login.error)}`);
  const token = accessTokenOf(login.data);
  return createCourtyardClient({ baseUrl: server().url, tenant: tenant.slug, accessToken: () => token });
}

function must<T>(what: string, answer: { data?: T; error?: unknown }): T {
  if (answer.data === undefined) throw new Error(`${what}: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

export interface BillingEstate {
  propertyId: string;
  propertyName: string;
  /** The units in label order: three owned (shares 0.3, 0.3, 0.4; the first by two owners half each) and one with a share and no owner. */
  units: { id: string; label: string; share: string; owners: { id: string; name: string }[] }[];
}

/**
 * A property with four units and their participation shares, owners with ownership shares
 * (owners since 2020, so any month since is billed), ready for a levy schedule.
 */
export async function billingEstate(api: CourtyardClient): Promise<BillingEstate> {
  const propertyName = 'Linden Court';
  const property = must('property', await api.POST('/api/v1/properties', { body: { name: propertyName, kind: 'residential' } }));
  const plan: { label: string; share: string; owners: [string, string, string][] }[] = [
    { label: 'A-01', share: '0.3', owners: [['Ada', 'Lovelace', '0.5'], ['Alan', 'Turing', '0.5']] },
    { label: 'A-02', share: '0.3', owners: [['Grace', 'Hopper', '1']] },
    { label: 'A-03', share: '0.4', owners: [['Edsger', 'Dijkstra', '1']] },
    { label: 'A-04', share: '0.1', owners: [] },
  ];
  const units: BillingEstate['units'] = [];
  for (const u of plan) {
    const unit = must(`unit ${u.label}`, await api.POST('/api/v1/properties/{id}/units', { params: { path: { id: property.id } }, body: { label: u.label, kind: 'apartment', participationShare: u.share } }));
    const owners = [];
    for (const [firstName, lastName, share] of u.owners) {
      const member = must(`member ${lastName}`, await api.POST('/api/v1/members', { body: { firstName, lastName, type: 'owner', email: `${firstName.toLowerCase()}@example.test` } }));
      must(`owner ${lastName}`, await api.POST('/api/v1/units/{id}/occupants', { params: { path: { id: unit.id } }, body: { memberId: member.id, role: 'owner', startDate: '2020-01-01', ownershipShare: share } }));
      owners.push({ id: member.id, name: `${firstName} ${lastName}` });
    }
    units.push({ id: unit.id, label: u.label, share: u.share, owners });
  }
  return { propertyId: property.id, propertyName, units };
}

/** A member's open charges, oldest due first. */
export async function openCharges(api: CourtyardClient, memberId: string) {
  return must('charges', await api.GET('/api/v1/finance/charges', { params: { query: { memberId, outstanding: true, limit: 50 } } })).data;
}
