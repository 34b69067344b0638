// Long on purpose: one walk over every data-plane route against one seeded pair of tenants reads best in one file.
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIsolation } from '../src/kernel/db/isolation-check.js';
import { APP_ROLE, TENANT_SETTING } from '../src/kernel/db/roles.js';
import { toAppError } from '../src/kernel/http/problem.js';
import { startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';
import { jobContext, readMailFile, relayMail, takeEvents } from './mail-helpers.js';
import { enrolTotp, steppedUp, totpCode } from './mfa-helpers.js';
import { assertion, attestation, newPasskey, type SoftPasskey } from './passkey-helpers.js';

/**
 * Tenant isolation, the promise everything else rests on. Tenant B's owner (every
 * permission) aims every data-plane route at tenant A's records and must learn nothing
 * and change nothing. A data-plane route this file does not exercise fails it.
 */

let t: TestPlatform;
let alder: TestTenant;
let birch: TestTenant;

interface Seeded {
  memberIds: string[];
  userIds: string[];
  roleIds: string[];
  clerkId: string;
  /** Everything of the tenant that must never appear in another tenant's answers. */
  secrets: string[];
}
let a: Seeded;
let b: Seeded;

const memberOf = (firstName: string, lastName: string, email: string) => ({ firstName, lastName, email, type: 'owner', phone: '+31 20 555 0101', notes: `Notes of ${firstName}` });

async function seed(tenant: TestTenant, people: [string, string][], clerk: { email: string; name: string }): Promise<Seeded> {
  const opts = { token: tenant.token, tenant: tenant.slug };
  const memberIds: string[] = [];
  const secrets: string[] = [tenant.id, tenant.adminEmail, `Owner of ${tenant.slug}`, clerk.email, clerk.name];
  for (const [first, last] of people) {
    const email = `${first}.${last}@${tenant.slug}-mail.test`.toLowerCase();
    const res = await t.call('POST', '/api/v1/members', { ...opts, body: memberOf(first, last, email) });
    expect(res.statusCode).toBe(201);
    memberIds.push(res.json().id);
    secrets.push(first, last, email, `Notes of ${first}`);
  }
  const created = await t.call('POST', '/api/v1/users', { ...opts, body: { email: clerk.email, name: clerk.name, password: TENANT_PASSWORD, roles: ['staff'], memberId: memberIds[0] } });
  expect(created.statusCode).toBe(201);
  // A custom role (hiding members' notes) besides the system ones.
  const role = await t.call('POST', '/api/v1/roles', { ...opts, body: { key: `${tenant.slug}-desk`, name: `Desk of ${tenant.slug}`, description: `Front desk of ${tenant.slug}`, permissions: ['members.read'], fieldRestrictions: { members: { hidden: ['notes'] } } } });
  expect(role.statusCode, role.body).toBe(201);
  secrets.push(`${tenant.slug}-desk`, `Desk of ${tenant.slug}`);
  const userIds = (await t.call('GET', '/api/v1/users?limit=200', opts)).json().data.map((u: { id: string }) => u.id);
  const roleIds = (await t.call('GET', '/api/v1/roles', opts)).json().data.map((r: { id: string }) => r.id);
  expect(userIds).toHaveLength(2);
  expect(roleIds.length).toBeGreaterThan(0);
  return { memberIds, userIds, roleIds, clerkId: created.json().id, secrets: [...secrets, ...memberIds, ...userIds, ...roleIds] };
}

beforeAll(async () => {
  t = await startPlatform();
  alder = await t.createTenant('alder');
  birch = await t.createTenant('birch');
  // Birch's owner has given a second factor, so that finance.approve's routes reach their handlers.
  birch = { ...birch, token: await steppedUp(t, 'birch', birch.token) };
  a = await seed(alder, [['Aldous', 'Quimby'], ['Zenobia', 'Wurtzel'], ['Octavia', 'Pemberton']], { email: 'clerk@alder-office.test', name: 'Clementine Alder-Clerk' });
  b = await seed(birch, [['Birgit', 'Nordqvist'], ['Hamish', 'Tolliver']], { email: 'clerk@birch-office.test', name: 'Bartholomew Birch-Clerk' });
  alderMail = await seedMail(alder, a, { email: 'invitee@alder-office.test', name: 'Ignatius Alder-Invitee' });
  alderHooks = await seedWebhooks(alder, a, 'https://203.0.113.61/alder-erp/hooks');
  birchHooks = await seedWebhooks(birch, b, 'https://203.0.113.62/birch-erp/hooks');
  alderEstate = await seedEstate(alder, a, 'Alderwood Secret Estate', 98_765);
  birchEstate = await seedEstate(birch, b, 'Birchwood Estate', 54_321);
  alderMoney = await seedFinance(alder, a, alderEstate, 31_337);
  birchMoney = await seedFinance(birch, b, birchEstate, 27_182);
  alderKeys = await seedApiKey(alder, a, 'Alder secret ERP key');
  birchKeys = await seedApiKey(birch, b, 'Birch ERP key');
  alderSso = await seedSso(alder, a, 'Alder secret IdP');
  birchSso = await seedSso(birch, b, 'Birch IdP');
  alderPasskey = await seedPasskey(alder, a);
  alderDocs = await seedDocuments(alder, a, alderEstate);
  alderNews = await seedAnnouncements(alder, a, alderEstate);
  alderInvoices = await seedInvoice(alder, a);
  alderObjects = await seedObjects(alder, a, alderEstate, 'Alder');
  birchObjects = await seedObjects(birch, b, birchEstate, 'Birch');
});

/**
 * A custom object `permit` in each tenant (the same key), with a relation to a unit, a record,
 * and the custom fields of members set on one member: alder's names and values are secrets.
 */
let alderObjects: { definitionIds: string[]; fieldIds: string[]; recordIds: string[]; ruleIds: string[]; automationIds: string[] };
let birchObjects: { definitionIds: string[]; fieldIds: string[]; recordIds: string[]; ruleIds: string[]; automationIds: string[] };
async function seedObjects(tenant: TestTenant, seeded: Seeded, estate: Estate, name: string) {
  const opts = { token: tenant.token, tenant: tenant.slug };
  const created = async (url: string, body: unknown, method: 'POST' | 'PUT' = 'POST', status = 201) => {
    const res = await t.call(method, url, { ...opts, body });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
    return res.json();
  };
  const permit = await created('/api/v1/objects/definitions', {
    key: 'permit',
    singular: `${name} secret permit`,
    plural: `${name} secret permits`,
    fields: [
      { key: 'plate', label: `${name} secret plate`, type: 'text', rules: { unique: true } },
      { key: 'unit', label: 'Unit', type: 'relation', config: { target: 'unit' } },
      { key: 'fee', label: 'Fee', type: 'number' },
    ],
  });
  const ext = await created('/api/v1/objects/definitions', { key: 'member', extends: 'member', singular: 'Member', plural: 'Members', fields: [{ key: 'bay', label: `${name} secret bay`, type: 'text' }] });
  const record = await created('/api/v1/objects/permit/records', { plate: `${name.toUpperCase()}-SECRET-PLATE`, unit: estate.unitIds[0], fee: name === 'Alder' ? 7_654_321 : 1_234_567 });
  await created(`/api/v1/objects/extensions/member/${seeded.memberIds[0]}`, { bay: `${name} secret bay 9` }, 'PUT', 200);
  const ruled = await created('/api/v1/objects/definitions/permit/rules', { expression: 'fee >= 0', message: `${name} secret rule`, fields: ['fee'] });
  const ruleIds = ruled.rules.map((r: { id: string }) => r.id as string);
  const automation = await created('/api/v1/objects/definitions/permit/automations', { name: `${name} secret automation`, trigger: { type: 'created' }, actions: [{ type: 'emit_webhook', event: `${name.toLowerCase()}_secret_event` }] });
  const fieldIds = [...permit.fields, ...ext.fields].map((f: { id: string }) => f.id);
  seeded.secrets.push(`${name} secret permit`, `${name} secret plate`, `${name.toUpperCase()}-SECRET-PLATE`, `${name} secret bay`, `${name} secret rule`, String(name === 'Alder' ? 7_654_321 : 1_234_567), permit.id, ext.id, record.id, ...fieldIds, ...ruleIds, `${name} secret automation`, `${name.toLowerCase()}_secret_event`, automation.id);
  return { definitionIds: [permit.id as string, ext.id as string], fieldIds, recordIds: [record.id as string], ruleIds, automationIds: [automation.id as string] };
}

/** An invoice of the platform to alder: its first period closed early, its billing address a secret. */
let alderInvoices: { ids: string[] };
async function seedInvoice(tenant: TestTenant, seeded: Seeded) {
  const admin = await t.platformToken();
  const billingEmail = `treasurer@${tenant.slug}-books.test`;
  expect((await t.call('PATCH', `/control/v1/tenants/${tenant.slug}/subscription`, { token: admin, body: { billingEmail } })).statusCode).toBe(200);
  await sql`UPDATE control.subscriptions SET period_start = period_start - interval '1 month', period_end = now() - interval '1 minute' WHERE tenant_id = ${tenant.id}`.execute(t.platform.main.kysely);
  expect((await t.call('POST', '/control/v1/billing/run', { token: admin })).json().issued).toBe(1);
  const invoices = (await t.call('GET', `/control/v1/invoices?tenant=${tenant.slug}`, { token: admin })).json().data as { id: string; number: string }[];
  seeded.secrets.push(billingEmail, ...invoices.flatMap((i) => [i.id, i.number]));
  return { ids: invoices.map((i) => i.id) };
}

/** A saved segment and an announcement sent to it (delivered: its recipients exist), its title a secret. */
let alderNews: { ids: string[] };
async function seedAnnouncements(tenant: TestTenant, seeded: Seeded, estate: Estate) {
  const opts = { token: tenant.token, tenant: tenant.slug };
  const segment = (await t.call('POST', '/api/v1/segments', { ...opts, body: { name: `Secret segment of ${tenant.slug}`, criteria: { propertyIds: [estate.propertyIds[0]] } } })).json();
  const made = await t.call('POST', '/api/v1/announcements', { ...opts, body: { title: `Secret notice of ${tenant.slug}`, body: `Secret words of ${tenant.slug}`, segmentId: segment.id, channels: [] } });
  expect(made.statusCode, made.body).toBe(201);
  const draft = await t.call('POST', '/api/v1/announcements', { ...opts, body: { title: `Secret draft of ${tenant.slug}`, body: 'Draft', segmentId: segment.id } });
  expect((await t.call('POST', `/api/v1/announcements/${made.json().id}/send`, { ...opts, body: {} })).statusCode).toBe(200);
  const tenantId = (await t.platform.directory.byIdOrSlug(tenant.slug))!.id;
  const deliver = t.platform.modules.get('communications')!.subscribers!.find((s) => s.name === 'communications.deliver')!;
  for (const event of await takeEvents(t.platform, tenantId, ['communications.announcement.released'])) await deliver.handle(event, jobContext(t.platform));
  seeded.secrets.push(`Secret segment of ${tenant.slug}`, `Secret notice of ${tenant.slug}`, `Secret words of ${tenant.slug}`, `Secret draft of ${tenant.slug}`, segment.id, made.json().id, draft.json().id);
  return { ids: [segment.id as string, made.json().id as string, draft.json().id as string] };
}

/** A folder and a document shared with a unit, with a version (its bytes a secret too). */
let alderDocs: { folderIds: string[]; documentIds: string[]; link: string };
async function seedDocuments(tenant: TestTenant, seeded: Seeded, estate: Estate) {
  const opts = { token: tenant.token, tenant: tenant.slug };
  const folder = (await t.call('POST', '/api/v1/document-folders', { ...opts, body: { name: `Secret folder of ${tenant.slug}` } })).json();
  const doc = (await t.call('POST', '/api/v1/documents', { ...opts, body: { title: `Secret minutes of ${tenant.slug}`, tags: [`${tenant.slug}-secret-tag`], folderId: folder.id, audience: `unit:${estate.unitIds[0]}` } })).json();
  const version = await t.call('POST', `/api/v1/documents/${doc.id}/versions`, { ...opts, body: `Secret contents of ${tenant.slug}`, headers: { 'content-type': 'text/plain', 'x-file-name': `secret-${tenant.slug}.txt` } });
  expect(version.statusCode, version.body).toBe(201);
  const link = (await t.call('POST', `/api/v1/documents/${doc.id}/link`, opts)).json().url as string;
  seeded.secrets.push(`Secret folder of ${tenant.slug}`, `Secret minutes of ${tenant.slug}`, `${tenant.slug}-secret-tag`, `Secret contents of ${tenant.slug}`, `secret-${tenant.slug}.txt`, version.json().sha256, folder.id, doc.id);
  return { folderIds: [folder.id], documentIds: [doc.id], link };
}

/** A single sign-on provider (nothing is fetched from its issuer until someone signs in), its secret among the secrets. */
let alderSso: { ids: string[] };
let birchSso: { ids: string[] };
async function seedSso(tenant: TestTenant, seeded: Seeded, name: string) {
  const body = { name, issuer: `https://idp.${tenant.slug}-secret.test`, clientId: `${tenant.slug}-sso-client-id`, clientSecret: `${tenant.slug}-sso-client-secret`, emailDomains: [`${tenant.slug}-staff.test`], required: true, roleMapping: { [`${tenant.slug}-admins`]: 'manager' } };
  const made = await t.call('POST', '/api/v1/sso/providers', { token: tenant.token, tenant: tenant.slug, body });
  if (made.statusCode !== 201) throw new Error(`SSO provider of ${tenant.slug}: ${made.statusCode} ${made.body}`);
  seeded.secrets.push(name, made.json().id, body.issuer, body.clientId, body.clientSecret, `${tenant.slug}-admins`);
  return { ids: [made.json().id as string] };
}

/** A user of the tenant with a passkey (a soft authenticator, test/passkey-helpers.ts), who signs in with a password and then the passkey. */
let alderPasskey: { key: SoftPasskey; id: string; email: string };
async function seedPasskey(tenant: TestTenant, seeded: Seeded) {
  const email = `passkey-holder@${tenant.slug}-office.test`;
  const user = await t.call('POST', '/api/v1/users', { token: tenant.token, tenant: tenant.slug, body: { email, name: `Passkey Holder of ${tenant.slug}`, password: TENANT_PASSWORD, roles: ['manager'] } });
  expect(user.statusCode, user.body).toBe(201);
  seeded.userIds.push(user.json().id);
  const opts = { token: (await t.login(tenant.slug, email)).accessToken, tenant: tenant.slug };
  const key = newPasskey();
  const options = (await t.call('POST', '/api/v1/me/passkeys/registration-options', opts)).json();
  const made = await t.call('POST', '/api/v1/me/passkeys', { ...opts, body: { name: `Secret laptop of ${tenant.slug}`, response: attestation(key, options) } });
  expect(made.statusCode, made.body).toBe(201);
  seeded.secrets.push(email, `Passkey Holder of ${tenant.slug}`, `Secret laptop of ${tenant.slug}`, made.json().id, key.credentialId.toString('base64url'));
  return { key, id: made.json().id as string, email };
}

/** An API key (used once, so that its last use is noted), and the key itself among the secrets. */
let alderKeys: { ids: string[]; key: string };
let birchKeys: { ids: string[]; key: string };
async function seedApiKey(tenant: TestTenant, seeded: Seeded, name: string) {
  const opts = { token: tenant.token, tenant: tenant.slug };
  const made = await t.call('POST', '/api/v1/api-keys', { ...opts, body: { name, permissions: ['members.read', 'api_keys.manage'] } });
  expect(made.statusCode, made.body).toBe(201);
  expect((await t.call('GET', '/api/v1/members', { token: made.json().key, tenant: tenant.slug })).statusCode).toBe(200);
  seeded.secrets.push(name, made.json().id, made.json().key, made.json().prefix);
  return { ids: [made.json().id as string], key: made.json().key as string };
}

/** Money: an account of the tenant's own, a manual entry, a charge and its payment, a statement, a levy schedule and its run, a bank import. */
interface Money {
  accountIds: string[];
  entryIds: string[];
  chargeIds: string[];
  paymentIds: string[];
  statementIds: string[];
  scheduleIds: string[];
  runIds: string[];
  importIds: string[];
}
let alderMoney: Money;
let birchMoney: Money;
async function seedFinance(tenant: TestTenant, seeded: Seeded, estate: Estate, amount: number): Promise<Money> {
  const opts = { token: tenant.token, tenant: tenant.slug };
  const created = async (url: string, body: unknown, status = 201) => {
    const res = await t.call('POST', url, { ...opts, body });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
    return res.json();
  };
  const account = await created('/api/v1/finance/accounts', { code: '6100', name: `Gardening of ${tenant.slug}`, type: 'expense' });
  const bank = (await t.call('GET', '/api/v1/finance/accounts?limit=200', opts)).json().data.find((x: { code: string }) => x.code === '1000');
  const entry = await created('/api/v1/finance/journal', { date: '2026-01-10', description: `Hedge trimming of ${tenant.slug}`, lines: [{ accountId: account.id, amount, currency: 'EUR' }, { accountId: bank.id, amount: -amount, currency: 'EUR' }] });
  const charge = await created('/api/v1/finance/charges', { memberId: seeded.memberIds[0], unitId: estate.unitIds[0], kind: 'levy', description: `Levy of ${tenant.slug}`, amount: amount + 1, currency: 'EUR', dueDate: '2026-01-31' });
  const payment = await created('/api/v1/finance/payments', { memberId: seeded.memberIds[0], method: 'bank_transfer', amount: amount + 2, currency: 'EUR', receivedOn: '2026-01-20', reference: `PAY-${tenant.slug}-REF` });
  const statement = await created('/api/v1/finance/statements', { memberId: seeded.memberIds[0], from: '2026-01-01', to: '2026-01-31' });
  const schedule = await created('/api/v1/finance/schedules', { kind: 'levy', name: `Service charge of ${tenant.slug}`, propertyId: estate.propertyIds[1], budget: { amount: amount * 10, currency: 'EUR' }, startPeriod: '2026-01' });
  const run = await t.call('POST', '/api/v1/finance/billing-runs', { ...opts, body: { period: '2026-02', scheduleIds: [schedule.id], dryRun: false } });
  expect([201, 202], run.body).toContain(run.statusCode);
  const bankImport = await created('/api/v1/finance/bank-imports', { csv: `Date,Amount,Reference\n2026-01-25,${(amount + 3) / 100},BANK-${tenant.slug}-LINE\n`, mapping: { date: 'Date', amount: 'Amount', reference: 'Reference' }, currency: 'EUR' });
  const money: Money = {
    accountIds: [account.id],
    entryIds: [entry.id],
    chargeIds: [charge.id],
    paymentIds: [payment.payment?.id ?? payment.id],
    statementIds: [statement.id],
    scheduleIds: [schedule.id],
    runIds: [run.json().id],
    importIds: [bankImport.id],
  };
  seeded.secrets.push(`Gardening of ${tenant.slug}`, `Hedge trimming of ${tenant.slug}`, `Levy of ${tenant.slug}`, `PAY-${tenant.slug}-REF`, `Service charge of ${tenant.slug}`, `BANK-${tenant.slug}-LINE`, String(amount), String(amount + 1), String(amount + 2), ...Object.values(money).flat());
  return money;
}

/** An estate: a property with a block, a unit in it, an owner who lives there and a renter under an active lease on a second unit. */
interface Estate {
  propertyIds: string[];
  unitIds: string[];
  occupancyIds: string[];
  leaseIds: string[];
}
let alderEstate: Estate;
let birchEstate: Estate;
async function seedEstate(tenant: TestTenant, seeded: Seeded, name: string, rent: number): Promise<Estate> {
  const opts = { token: tenant.token, tenant: tenant.slug };
  const created = async (url: string, body: unknown) => {
    const res = await t.call('POST', url, { ...opts, body });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
    return res.json();
  };
  const estate = await created('/api/v1/properties', { name, kind: 'residential', address: { lines: [`1 ${name} Road`], city: `${tenant.slug}ton`, postalCode: 'ZZ1 1ZZ', country: 'GB' }, notes: `Estate notes of ${tenant.slug}` });
  const block = await created('/api/v1/properties', { name: `${name} Block`, kind: 'residential', parentId: estate.id });
  const home = await created(`/api/v1/properties/${block.id}/units`, { label: `${tenant.slug.toUpperCase()}-HOME-1`, kind: 'apartment', participationShare: '0.5', notes: `Unit notes of ${tenant.slug}` });
  const flat = await created(`/api/v1/properties/${block.id}/units`, { label: `${tenant.slug.toUpperCase()}-FLAT-2`, kind: 'apartment', participationShare: '0.5' });
  const owner = await created(`/api/v1/units/${home.id}/occupants`, { memberId: seeded.memberIds[0], role: 'owner', startDate: '2024-01-01', ownershipShare: '1' });
  const resident = await created(`/api/v1/units/${home.id}/occupants`, { memberId: seeded.memberIds[0], role: 'resident', startDate: '2024-01-01' });
  const lease = await created('/api/v1/leases', { unitId: flat.id, renterIds: [seeded.memberIds[1]], startDate: '2025-01-01', endDate: '2027-12-31', rent: { amount: rent, currency: 'EUR' }, frequency: 'monthly', dueDay: 3, deposit: rent * 2, notes: `Lease notes of ${tenant.slug}` });
  const activated = await t.call('POST', `/api/v1/leases/${lease.id}/activate`, opts);
  expect(activated.statusCode, activated.body).toBe(200);
  const occupants = await t.call('GET', `/api/v1/units/${flat.id}/occupants?history=true`, opts);
  const renterOccupancies = occupants.json().data.map((o: { id: string }) => o.id);
  const estateIds = { propertyIds: [estate.id, block.id], unitIds: [home.id, flat.id], occupancyIds: [owner.id, resident.id, ...renterOccupancies], leaseIds: [lease.id] };
  seeded.secrets.push(name, `1 ${name} Road`, `${tenant.slug}ton`, `Estate notes of ${tenant.slug}`, `${tenant.slug.toUpperCase()}-HOME-1`, `${tenant.slug.toUpperCase()}-FLAT-2`, `Unit notes of ${tenant.slug}`, `Lease notes of ${tenant.slug}`, String(rent), String(rent * 2), ...Object.values(estateIds).flat());
  return estateIds;
}

/** A webhook endpoint with a delivery (a test message; no worker runs here, and the endpoint is then disabled). */
let alderHooks: { endpointIds: string[]; deliveryIds: string[] };
let birchHooks: { endpointIds: string[]; deliveryIds: string[] };
async function seedWebhooks(tenant: TestTenant, seeded: Seeded, url: string) {
  const opts = { token: tenant.token, tenant: tenant.slug };
  const description = `Hooks of ${tenant.slug} to its private ERP`;
  const endpoint = await t.call('POST', '/api/v1/webhooks/endpoints', { ...opts, body: { url, events: ['member.*'], description } });
  expect(endpoint.statusCode, endpoint.body).toBe(201);
  const test = await t.call('POST', `/api/v1/webhooks/endpoints/${endpoint.json().id}/test`, opts);
  expect(test.statusCode, test.body).toBe(202);
  expect((await t.call('PATCH', `/api/v1/webhooks/endpoints/${endpoint.json().id}`, { ...opts, body: { enabled: false } })).statusCode).toBe(200);
  seeded.secrets.push(url, description, endpoint.json().id, endpoint.json().secret, test.json().id, test.json().eventId);
  return { endpointIds: [endpoint.json().id as string], deliveryIds: [test.json().id as string] };
}

/** Alder's e-mail: an invitation (sent, as an .eml file: no SMTP here) and its own invitation template. */
let alderMail: { messageIds: string[]; token: string; templateSubject: string };
async function seedMail(tenant: TestTenant, seeded: Seeded, invitee: { email: string; name: string }) {
  const opts = { token: tenant.token, tenant: tenant.slug };
  const templateSubject = `Secret welcome of ${tenant.slug}, {{recipient.name}}`;
  const template = await t.call('PUT', '/api/v1/mail/templates/invitation', { ...opts, body: { subject: templateSubject, text: 'Private text {{acceptUrl}}', html: '<p>Private html</p>' } });
  expect(template.statusCode, template.body).toBe(200);
  const invited = await t.call('POST', '/api/v1/users', { ...opts, body: { ...invitee, roles: ['member'] } });
  expect(invited.statusCode, invited.body).toBe(201);
  const [event] = await relayMail(t.platform, tenant.id);
  const messageId = (event!.data as { messageId: string }).messageId;
  const mail = await readMailFile(t.config.dataDir, messageId);
  const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
  seeded.userIds.push(invited.json().id);
  seeded.secrets.push(invitee.email, invitee.name, invited.json().id, messageId, `Secret welcome of ${tenant.slug}`, 'Private text', 'Private html', token);
  return { messageIds: [messageId], token, templateSubject };
}
afterAll(() => t?.close());

/** Routes (`METHOD /url`) this file has aimed at the other tenant; checked against the route table at the end. */
const exercised = new Set<string>();

/** Calls a data-plane route as tenant B's owner, filling its path parameters with `fill`. */
function asBirch(method: string, route: string, options: { fill?: string; body?: unknown; token?: string } = {}) {
  exercised.add(`${method} ${route}`);
  const url = options.fill === undefined ? route : route.replace(/:[A-Za-z_]+/g, options.fill);
  // A text body is a CSV file (the imports take nothing else).
  const headers = typeof options.body === 'string' ? { headers: { 'content-type': 'text/csv' } } : {};
  return t.call(method as never, url, { token: options.token ?? birch.token, tenant: 'birch', ...(options.body !== undefined ? { body: options.body } : {}), ...headers });
}

/** Fails when a response of tenant B carries anything of tenant A. `instance` echoes the caller's own URL and is checked apart; `requestId` is left out. */
function expectNothingOf(seeded: Seeded, res: LightMyRequestResponse, url?: string) {
  let text = res.body;
  if (res.headers['content-type']?.toString().includes('json') && text.length > 0) {
    // requestId is this request's own random id: a 5-digit amount can turn up inside it by chance.
    const { instance, requestId: _requestId, ...rest } = res.json();
    if (instance !== undefined) expect(instance).toBe(url);
    text = JSON.stringify(rest);
  }
  const leaked = seeded.secrets.filter((s) => text.toLowerCase().includes(s.toLowerCase()));
  expect(leaked, `${res.statusCode} ${text}`).toEqual([]);
}

async function snapshot(tenant: TestTenant) {
  const opts = { token: tenant.token, tenant: tenant.slug };
  const members = (await t.call('GET', '/api/v1/members?limit=200', opts)).json();
  const users = (await t.call('GET', '/api/v1/users?limit=200', opts)).json();
  const roles = (await t.call('GET', '/api/v1/roles', opts)).json();
  const webhooks = (await t.call('GET', '/api/v1/webhooks/endpoints?limit=200', opts)).json();
  const deliveries = [];
  for (const e of webhooks.data as { id: string }[]) deliveries.push((await t.call('GET', `/api/v1/webhooks/endpoints/${e.id}/deliveries?limit=200`, opts)).json());
  const properties = (await t.call('GET', '/api/v1/properties?limit=200&includeArchived=true', opts)).json();
  const units = (await t.call('GET', '/api/v1/units?limit=200&includeArchived=true', opts)).json();
  const leases = (await t.call('GET', '/api/v1/leases?limit=200', opts)).json();
  const occupants = [];
  for (const u of units.data as { id: string }[]) occupants.push((await t.call('GET', `/api/v1/units/${u.id}/occupants?history=true`, opts)).json());
  const apiKeys = (await t.call('GET', '/api/v1/api-keys?limit=200', opts)).json();
  const sso = (await t.call('GET', '/api/v1/sso/providers', opts)).json();
  const documents = (await t.call('GET', '/api/v1/documents?limit=200', opts)).json();
  const objects = (await t.call('GET', '/api/v1/objects/definitions?includeArchived=true', opts)).json();
  const permits = (await t.call('GET', '/api/v1/objects/permit/records?limit=200', opts)).json();
  const automations = (await t.call('GET', '/api/v1/objects/definitions/permit/automations', opts)).json();
  const extensions = [];
  for (const m of members.data as { id: string }[]) extensions.push((await t.call('GET', `/api/v1/objects/extensions/member/${m.id}`, opts)).json());
  const folders = (await t.call('GET', '/api/v1/document-folders', opts)).json();
  const segments = (await t.call('GET', '/api/v1/segments', opts)).json();
  const announcements = (await t.call('GET', '/api/v1/announcements?limit=200', opts)).json();
  const recipients = [];
  for (const x of announcements.data as { id: string }[]) recipients.push((await t.call('GET', `/api/v1/announcements/${x.id}/recipients?limit=200`, opts)).json());
  const passkeys = await t.platform.router.tenantTransaction((await t.platform.directory.byIdOrSlug(tenant.slug))!, async (db) => (await sql`SELECT id, counter, last_used_at FROM passkeys ORDER BY id`.execute(db)).rows);
  return { members, users, roles, webhooks, deliveries, properties, units, leases, occupants, apiKeys, sso, passkeys, documents, folders, segments, announcements, recipients, objects, permits, extensions, automations };
}

const dataRoutes = () => t.platform.routes.filter((r) => r.url.startsWith('/api/v1/')).map((r) => `${r.method} ${r.url}`);

/**
 * The body each route with a path parameter is sent, valid enough to reach the database.
 * A new route with a parameter must be added here, or the walk below fails.
 */
const paramRouteBodies: Record<string, unknown> = {
  'GET /api/v1/members/:id': undefined,
  'HEAD /api/v1/members/:id': undefined,
  'PATCH /api/v1/members/:id': { notes: 'Overwritten by birch', status: 'former' },
  'DELETE /api/v1/members/:id': undefined,
  'GET /api/v1/users/:id': undefined,
  'HEAD /api/v1/users/:id': undefined,
  'PATCH /api/v1/users/:id': { name: 'Hijacked by birch', status: 'disabled', roles: ['member'] },
  'POST /api/v1/users/:id/invitation': undefined,
  'DELETE /api/v1/me/sessions/:id': undefined,
  'DELETE /api/v1/me/passkeys/:id': undefined,
  'GET /api/v1/api-keys/:id': undefined,
  'HEAD /api/v1/api-keys/:id': undefined,
  'DELETE /api/v1/api-keys/:id': undefined,
  'GET /api/v1/sso/providers/:id': undefined,
  'HEAD /api/v1/sso/providers/:id': undefined,
  'PATCH /api/v1/sso/providers/:id': { name: 'Hijacked by birch', required: false, clientSecret: 'birch-knows-it-now' },
  'DELETE /api/v1/sso/providers/:id': undefined,
  'GET /api/v1/auth/sso/:providerId/start': undefined,
  'HEAD /api/v1/auth/sso/:providerId/start': undefined,
  'GET /api/v1/roles/:id': undefined,
  'HEAD /api/v1/roles/:id': undefined,
  'PATCH /api/v1/roles/:id': { name: 'Hijacked by birch', permissions: ['members.read', 'members.write'], fieldRestrictions: {} },
  'DELETE /api/v1/roles/:id': undefined,
  'GET /api/v1/mail/messages/:id': undefined,
  'HEAD /api/v1/mail/messages/:id': undefined,
  'POST /api/v1/mail/messages/:id/retry': undefined,
  // Template kinds are names, not ids: a foreign id names no kind (404); the kinds themselves are probed below.
  'GET /api/v1/mail/templates/:kind': undefined,
  'HEAD /api/v1/mail/templates/:kind': undefined,
  'PUT /api/v1/mail/templates/:kind': { subject: 'Hijacked by birch', text: 'Hijacked', html: '<p>Hijacked</p>' },
  'DELETE /api/v1/mail/templates/:kind': undefined,
  'GET /api/v1/webhooks/endpoints/:id': undefined,
  'HEAD /api/v1/webhooks/endpoints/:id': undefined,
  'PATCH /api/v1/webhooks/endpoints/:id': { url: 'https://203.0.113.99/birch', description: 'Hijacked by birch', enabled: true },
  'DELETE /api/v1/webhooks/endpoints/:id': undefined,
  'POST /api/v1/webhooks/endpoints/:id/rotate-secret': undefined,
  'POST /api/v1/webhooks/endpoints/:id/test': undefined,
  'GET /api/v1/webhooks/endpoints/:id/deliveries': undefined,
  'HEAD /api/v1/webhooks/endpoints/:id/deliveries': undefined,
  'POST /api/v1/webhooks/deliveries/:id/retry': undefined,
  'GET /api/v1/properties/:id': undefined,
  'HEAD /api/v1/properties/:id': undefined,
  'PATCH /api/v1/properties/:id': { name: 'Hijacked by birch', notes: 'Hijacked', archived: true },
  'DELETE /api/v1/properties/:id': undefined,
  'GET /api/v1/properties/:id/units': undefined,
  'HEAD /api/v1/properties/:id/units': undefined,
  'POST /api/v1/properties/:id/units': { label: 'HIJACK-1', kind: 'apartment' },
  'GET /api/v1/units/:id': undefined,
  'HEAD /api/v1/units/:id': undefined,
  'PATCH /api/v1/units/:id': { label: 'HIJACKED', unavailable: true, notes: 'Hijacked' },
  'DELETE /api/v1/units/:id': undefined,
  'GET /api/v1/units/:id/occupants': undefined,
  'HEAD /api/v1/units/:id/occupants': undefined,
  // Birch's own member: only the unit is foreign.
  'POST /api/v1/units/:id/occupants': () => ({ memberId: b.memberIds[0], role: 'resident', startDate: '2025-06-01' }),
  'PATCH /api/v1/occupancies/:id': { endDate: '2025-12-31', notes: 'Hijacked by birch' },
  'DELETE /api/v1/occupancies/:id': undefined,
  'GET /api/v1/members/:id/units': undefined,
  'HEAD /api/v1/members/:id/units': undefined,
  'GET /api/v1/leases/:id': undefined,
  'HEAD /api/v1/leases/:id': undefined,
  'PATCH /api/v1/leases/:id': { notes: 'Hijacked by birch' },
  'POST /api/v1/leases/:id/activate': undefined,
  'POST /api/v1/leases/:id/terminate': { date: '2026-01-01', reason: 'Hijacked by birch' },
  'POST /api/v1/leases/:id/renew': {},
  'PATCH /api/v1/finance/accounts/:id': { name: 'Hijacked by birch', archived: true },
  'GET /api/v1/finance/accounts/:id/ledger': undefined,
  'HEAD /api/v1/finance/accounts/:id/ledger': undefined,
  'GET /api/v1/finance/journal/:id': undefined,
  'HEAD /api/v1/finance/journal/:id': undefined,
  'POST /api/v1/finance/journal/:id/reverse': { reason: 'Hijacked by birch' },
  'GET /api/v1/finance/charges/:id': undefined,
  'HEAD /api/v1/finance/charges/:id': undefined,
  'POST /api/v1/finance/charges/:id/void': { reason: 'Hijacked by birch' },
  'POST /api/v1/finance/charges/:id/write-off': { reason: 'Hijacked by birch', amount: 1 },
  'GET /api/v1/finance/payments/:id': undefined,
  'HEAD /api/v1/finance/payments/:id': undefined,
  'POST /api/v1/finance/payments/:id/refund': { amount: 1, reason: 'Hijacked by birch' },
  'GET /api/v1/finance/members/:id/balance': undefined,
  'HEAD /api/v1/finance/members/:id/balance': undefined,
  'GET /api/v1/finance/members/:id/statement': undefined,
  'HEAD /api/v1/finance/members/:id/statement': undefined,
  'GET /api/v1/finance/statements/:id': undefined,
  'HEAD /api/v1/finance/statements/:id': undefined,
  'GET /api/v1/finance/statements/:id/pdf': undefined,
  'HEAD /api/v1/finance/statements/:id/pdf': undefined,
  // Checkout sessions need a payment provider, which this file does not set up: a session of
  // another tenant read by id is in src/modules/finance/providers/stripe.test.ts.
  'GET /api/v1/finance/checkout-sessions/:id': undefined,
  'HEAD /api/v1/finance/checkout-sessions/:id': undefined,
  'GET /api/v1/finance/schedules/:id': undefined,
  'HEAD /api/v1/finance/schedules/:id': undefined,
  'PATCH /api/v1/finance/schedules/:id': { name: 'Hijacked by birch', active: false },
  'DELETE /api/v1/finance/schedules/:id': undefined,
  'GET /api/v1/finance/billing-runs/:id': undefined,
  'HEAD /api/v1/finance/billing-runs/:id': undefined,
  'GET /api/v1/finance/billing-runs/:id/items': undefined,
  'HEAD /api/v1/finance/billing-runs/:id/items': undefined,
  'GET /api/v1/finance/bank-imports/:id': undefined,
  'HEAD /api/v1/finance/bank-imports/:id': undefined,
  // A line id of no import, and birch's own member: only the import is foreign.
  'DELETE /api/v1/document-folders/:id': undefined,
  'GET /api/v1/documents/:id': undefined,
  'HEAD /api/v1/documents/:id': undefined,
  'PATCH /api/v1/documents/:id': { title: 'Hijacked by birch', audience: 'members' },
  'GET /api/v1/documents/:id/versions': undefined,
  'HEAD /api/v1/documents/:id/versions': undefined,
  // A file of birch's own: only the document is foreign (what the parser stored is removed).
  'POST /api/v1/documents/:id/versions': '%PDF-1.4 hijacked by birch',
  'POST /api/v1/documents/:id/link': undefined,
  // A foreign id is no signed link (403); alder's own link is tried on birch below.
  'GET /api/v1/document-files/:token': undefined,
  'HEAD /api/v1/document-files/:token': undefined,
  'PATCH /api/v1/segments/:id': { name: 'Hijacked by birch' },
  'DELETE /api/v1/segments/:id': undefined,
  'GET /api/v1/announcements/:id': undefined,
  'HEAD /api/v1/announcements/:id': undefined,
  'PATCH /api/v1/announcements/:id': { title: 'Hijacked by birch' },
  'DELETE /api/v1/announcements/:id': undefined,
  'POST /api/v1/announcements/:id/send': {},
  'POST /api/v1/announcements/:id/unschedule': undefined,
  'GET /api/v1/announcements/:id/recipients': undefined,
  'HEAD /api/v1/announcements/:id/recipients': undefined,
  'POST /api/v1/news/:id/read': undefined,
  'GET /api/v1/members/:id/contact-status': undefined,
  'HEAD /api/v1/members/:id/contact-status': undefined,
  // A foreign id is no signed link (403); links are signed per tenant (communications.test.ts).
  'GET /api/v1/communications/unsubscribe/:token': undefined,
  'HEAD /api/v1/communications/unsubscribe/:token': undefined,
  'POST /api/v1/communications/unsubscribe/:token': undefined,
  'GET /api/v1/communications/open/:token': undefined,
  'HEAD /api/v1/communications/open/:token': undefined,
  // The platform's invoices to the tenant: another tenant's is not found.
  'GET /api/v1/billing/invoices/:id': undefined,
  'HEAD /api/v1/billing/invoices/:id': undefined,
  'GET /api/v1/billing/invoices/:id/pdf': undefined,
  'HEAD /api/v1/billing/invoices/:id/pdf': undefined,
  'POST /api/v1/billing/invoices/:id/checkout': undefined,
  // Object keys and record kinds are words, not ids: a foreign id names no object (404); alder's own are aimed at below.
  'GET /api/v1/objects/definitions/:key': undefined,
  'HEAD /api/v1/objects/definitions/:key': undefined,
  'PATCH /api/v1/objects/definitions/:key': { singular: 'Hijacked by birch' },
  'POST /api/v1/objects/definitions/:key/archive': undefined,
  'GET /api/v1/objects/definitions/:key/changes': undefined,
  'GET /api/v1/objects/definitions/:key/automations': undefined,
  'HEAD /api/v1/objects/definitions/:key/automations': undefined,
  'POST /api/v1/objects/definitions/:key/automations': { name: 'Hijacked by birch', trigger: { type: 'created' }, actions: [{ type: 'emit_webhook', event: 'hijacked' }] },
  'GET /api/v1/objects/definitions/:key/automations/:id': undefined,
  'HEAD /api/v1/objects/definitions/:key/automations/:id': undefined,
  'PATCH /api/v1/objects/definitions/:key/automations/:id': { name: 'Hijacked by birch', enabled: false },
  'DELETE /api/v1/objects/definitions/:key/automations/:id': undefined,
  'GET /api/v1/objects/definitions/:key/automations/:id/runs': undefined,
  'HEAD /api/v1/objects/definitions/:key/automations/:id/runs': undefined,
  'HEAD /api/v1/objects/definitions/:key/changes': undefined,
  'POST /api/v1/objects/definitions/:key/fields': { key: 'hijack', label: 'Hijacked by birch', type: 'text' },
  'PATCH /api/v1/objects/definitions/:key/fields/:field': { label: 'Hijacked by birch' },
  'DELETE /api/v1/objects/definitions/:key/fields/:field': undefined,
  'POST /api/v1/objects/definitions/:key/fields/:field/restore': undefined,
  'POST /api/v1/objects/definitions/:key/fields/:field/purge': undefined,
  'POST /api/v1/objects/definitions/:key/expressions/check': { expression: 'plate', purpose: 'formula' },
  'POST /api/v1/objects/definitions/:key/rules': { expression: 'fee >= 1', message: 'Hijacked by birch' },
  'PATCH /api/v1/objects/definitions/:key/rules/:rule': { message: 'Hijacked by birch' },
  'DELETE /api/v1/objects/definitions/:key/rules/:rule': undefined,
  'GET /api/v1/objects/extensions/:target/:id': undefined,
  'HEAD /api/v1/objects/extensions/:target/:id': undefined,
  'PUT /api/v1/objects/extensions/:target/:id': { bay: 'Hijacked by birch' },
  'GET /api/v1/objects/:key/records': undefined,
  'HEAD /api/v1/objects/:key/records': undefined,
  'POST /api/v1/objects/:key/records': { plate: 'HIJACKED' },
  'GET /api/v1/objects/:key/records/:id': undefined,
  'HEAD /api/v1/objects/:key/records/:id': undefined,
  'PATCH /api/v1/objects/:key/records/:id': { plate: 'HIJACKED', fee: 1 },
  'DELETE /api/v1/objects/:key/records/:id': undefined,
  'POST /api/v1/objects/:key/records/import': 'plate\nHIJACKED\n',
  'GET /api/v1/objects/:key/records/export': undefined,
  'HEAD /api/v1/objects/:key/records/export': undefined,
  'POST /api/v1/finance/bank-imports/:id/confirm': () => ({ lines: [{ lineId: '01a20000-0000-7000-8000-000000000000', memberId: b.memberIds[0] }] }),
};
const probeBody = (key: string): unknown => {
  const body = paramRouteBodies[key];
  return typeof body === 'function' ? (body as () => unknown)() : body;
};

describe('cross-tenant isolation through the API', () => {
  // Every route with a parameter times every foreign id: the walk grows with the API, beyond the
  // default 30 s on a loaded machine with PGlite.
  it("walks every data-plane route with a path parameter using the other tenant's ids and gets 404 or 403", async () => {
    const paramRoutes = dataRoutes().filter((r) => r.includes('/:'));
    expect(paramRoutes.length).toBeGreaterThan(0);
    expect(paramRoutes.filter((r) => !(r in paramRouteBodies)), 'routes with no cross-tenant probe body').toEqual([]);
    expect(Object.keys(paramRouteBodies).filter((r) => !paramRoutes.includes(r)), 'probe bodies of routes that no longer exist').toEqual([]);

    const before = { a: await snapshot(alder), b: await snapshot(birch) };
    const alderSessions = (await t.call('GET', '/api/v1/me/sessions', { token: alder.token, tenant: 'alder' })).json().data.map((x: { id: string }) => x.id);
    expect(alderSessions.length).toBeGreaterThan(0);
    const foreignIds = [...alderSessions, ...a.memberIds, ...a.userIds, ...a.roleIds, ...alderMail.messageIds, ...alderHooks.endpointIds, ...alderHooks.deliveryIds, ...alderKeys.ids, ...alderSso.ids, alderPasskey.id, ...Object.values(alderEstate).flat(), ...Object.values(alderMoney).flat(), ...alderDocs.folderIds, ...alderDocs.documentIds, ...alderNews.ids, ...alderInvoices.ids, ...Object.values(alderObjects).flat(), alder.id];
    const called = new Set<string>();
    for (const key of paramRoutes) {
      const [method, route] = key.split(' ') as [string, string];
      for (const id of foreignIds) {
        const res = await asBirch(method, route, { fill: id, body: probeBody(key) });
        expect([403, 404], `${key} with ${id}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        if (method !== 'HEAD') expect(res.headers['content-type']).toContain('application/problem+json');
        expectNothingOf(a, res, route.replace(/:[A-Za-z_]+/g, id));
        called.add(key);
      }
    }
    expect([...called].sort()).toEqual([...paramRoutes].sort());

    // Nothing was written in either tenant.
    expect(await snapshot(alder)).toEqual(before.a);
    expect(await snapshot(birch)).toEqual(before.b);
  }, 120_000);

  it('shows a tenant none of the other tenant\'s rows on any list route', async () => {
    const lists = dataRoutes().filter((r) => (r.startsWith('GET ') || r.startsWith('HEAD ')) && !r.includes('/:'));
    expect(lists).toEqual(expect.arrayContaining(['GET /api/v1/members', 'GET /api/v1/users', 'GET /api/v1/roles', 'GET /api/v1/me']));
    for (const key of lists) {
      const [method, route] = key.split(' ') as [string, string];
      const res = await asBirch(method, route);
      // SSO's callback is a redirect (here back to the sign-in page: birch started no sign-in).
      // Birch's owner is no member, so has no member details of its own (the portal's walk, test/cross-member.test.ts, reads them).
      // Labels name their records in the query (probed with alder's ids with the custom objects below).
      expect(res.statusCode, `${key}: ${res.body}`).toBe(route === '/api/v1/auth/sso/callback' ? 302 : route === '/api/v1/members/me' ? 404 : route === '/api/v1/objects/labels' ? 400 : 200);
      expectNothingOf(a, res, route);
    }

    // Each list holds exactly the caller's own rows.
    const ids = (res: LightMyRequestResponse) => res.json().data.map((r: { id: string }) => r.id).sort();
    expect(ids(await asBirch('GET', '/api/v1/members?limit=200'))).toEqual([...b.memberIds].sort());
    expect((await asBirch('GET', '/api/v1/members/count')).json()).toEqual({ count: b.memberIds.length });
    expect(ids(await asBirch('GET', '/api/v1/users?limit=200'))).toEqual([...b.userIds].sort());
    expect(ids(await asBirch('GET', '/api/v1/roles'))).toEqual([...b.roleIds].sort());
    expect(ids(await asBirch('GET', '/api/v1/api-keys?limit=200'))).toEqual([...birchKeys.ids].sort());
    expect(ids(await asBirch('GET', '/api/v1/sso/providers'))).toEqual([...birchSso.ids].sort());
    expect(ids(await asBirch('GET', '/api/v1/auth/sso/providers'))).toEqual([...birchSso.ids].sort());
    expectNothingOf(a, await asBirch('GET', '/api/v1/api-keys?q=alder'));
    expect(ids(await asBirch('GET', '/api/v1/webhooks/endpoints?limit=200'))).toEqual([...birchHooks.endpointIds].sort());
    expect(ids(await asBirch('GET', '/api/v1/webhooks/endpoints/:id/deliveries', { fill: birchHooks.endpointIds[0] }))).toEqual([...birchHooks.deliveryIds].sort());
    expect((await asBirch('GET', '/api/v1/me')).json().tenant.id).toBe(birch.id);
    // The audit log: birch's own entries (its clerk's creation among them), none naming alder's users.
    const audit: { actor: { id: string | null }; target: { id: string | null } | null }[] = (await asBirch('GET', '/api/v1/audit?limit=200')).json().data;
    expect(audit.some((e) => e.target?.id === b.clerkId)).toBe(true);
    expect(audit.filter((e) => a.userIds.includes(e.actor.id ?? '') || a.userIds.includes(e.target?.id ?? ''))).toEqual([]);
    expect((await asBirch('GET', '/api/v1/audit/verify')).json()).toMatchObject({ valid: true, entries: expect.any(Number) });
    // Searching and filtering finds nothing of the other tenant either.
    for (const q of ['Quimby', 'aldous', 'alder-mail', '%', 'a']) {
      const res = await asBirch('GET', `/api/v1/members?q=${encodeURIComponent(q)}&limit=200`);
      expect(res.statusCode).toBe(200);
      expectNothingOf(a, res);
    }
    const page = await asBirch('GET', '/api/v1/users?limit=1');
    const next = await asBirch('GET', `/api/v1/users?limit=200&cursor=${page.json().nextCursor}`);
    expectNothingOf(a, next);
    // The estate: lists, searches, filters and reports hold the caller's own rows only.
    expect(ids(await asBirch('GET', '/api/v1/properties?limit=200&includeArchived=true'))).toEqual([...birchEstate.propertyIds].sort());
    expect(ids(await asBirch('GET', '/api/v1/units?limit=200&includeArchived=true'))).toEqual([...birchEstate.unitIds].sort());
    expect(ids(await asBirch('GET', '/api/v1/leases?limit=200'))).toEqual([...birchEstate.leaseIds].sort());
    for (const url of ['/api/v1/units?q=HOME', '/api/v1/units?q=alder', '/api/v1/units?status=occupied', '/api/v1/units?status=owner-occupied', `/api/v1/units?propertyId=${alderEstate.propertyIds[1]}`, `/api/v1/leases?unitId=${alderEstate.unitIds[1]}`, `/api/v1/leases?memberId=${a.memberIds[1]}`, '/api/v1/reports/vacancy?format=csv', '/api/v1/reports/rent-roll?format=csv', '/api/v1/reports/rent-roll']) {
      const res = await t.call('GET', url, { token: birch.token, tenant: 'birch' });
      expect([200, 404], `${url}: ${res.body}`).toContain(res.statusCode);
      expectNothingOf(a, res, url);
    }
  });

  it("refuses documents that name another tenant's folder, unit, property or member, and its download links", async () => {
    const before = { a: await snapshot(alder), b: await snapshot(birch) };
    const attempts: [string, string, unknown][] = [
      ['POST', '/api/v1/document-folders', { name: 'Hijack', parentId: alderDocs.folderIds[0] }],
      ['POST', '/api/v1/documents', { title: 'Hijack', folderId: alderDocs.folderIds[0] }],
      ['POST', '/api/v1/documents', { title: 'Hijack', audience: `unit:${alderEstate.unitIds[0]}` }],
      ['POST', '/api/v1/documents', { title: 'Hijack', audience: `property:${alderEstate.propertyIds[0]}` }],
      ['POST', '/api/v1/documents', { title: 'Hijack', audience: `member:${a.memberIds[0]}` }],
    ];
    for (const [method, url, body] of attempts) {
      const res = await asBirch(method, url, { body });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      expectNothingOf({ ...a, secrets: a.secrets.filter((secret) => !JSON.stringify(body).includes(secret)) }, res, url);
    }
    for (const method of ['GET', 'HEAD']) {
      const res = await asBirch(method, '/api/v1/document-files/:token', { fill: alderDocs.link.split('/').pop() });
      expect(res.statusCode, res.body).toBe(403);
      expectNothingOf(a, res, `/api/v1${alderDocs.link}`);
    }
    expect((await t.call('GET', `/api/v1${alderDocs.link}`, { tenant: 'alder' })).body).toBe('Secret contents of alder');
    expect(await snapshot(alder)).toEqual(before.a);
    expect(await snapshot(birch)).toEqual(before.b);
  });

  it("refuses announcements and segments that name another tenant's property, unit, member, segment or document", async () => {
    const before = { a: await snapshot(alder), b: await snapshot(birch) };
    const attempts: [string, unknown, number][] = [
      ['/api/v1/segments', { name: 'Hijack', criteria: { propertyIds: [alderEstate.propertyIds[0]] } }, 400],
      ['/api/v1/segments', { name: 'Hijack', criteria: { unitIds: [alderEstate.unitIds[0]] } }, 400],
      ['/api/v1/segments', { name: 'Hijack', criteria: { memberIds: [a.memberIds[0]] } }, 400],
      ['/api/v1/announcements/preview', { criteria: { memberIds: [a.memberIds[0]] } }, 400],
      ['/api/v1/announcements/preview', { segmentId: alderNews.ids[0] }, 400],
      ['/api/v1/announcements', { title: 'Hijack', body: 'x', segmentId: alderNews.ids[0] }, 400],
      ['/api/v1/announcements', { title: 'Hijack', body: 'x', criteria: {}, documentIds: alderDocs.documentIds }, 422],
    ];
    for (const [url, body, status] of attempts) {
      const res = await asBirch('POST', url, { body });
      expect(res.statusCode, `POST ${url}: ${res.body}`).toBe(status);
      expectNothingOf({ ...a, secrets: a.secrets.filter((secret) => !JSON.stringify(body).includes(secret)) }, res, url);
    }
    // Twilio's callbacks to birch name alder's text and alder's member's number: unsigned, they are refused.
    for (const url of ['/api/v1/communications/sms/status', '/api/v1/communications/sms/inbound']) {
      const res = await asBirch('POST', url, { body: { MessageSid: `SM${'b'.repeat(32)}`, MessageStatus: 'failed', From: '+15005550006', Body: 'STOP' } });
      expect(res.statusCode, `POST ${url}: ${res.body}`).toBe(403);
      expectNothingOf(a, res, url);
    }
    // Birch's own settings are birch's.
    const settings = await asBirch('PUT', '/api/v1/communications/settings', { body: { openTracking: false, quietHours: { start: '21:00', end: '08:00' } } });
    expect(settings.statusCode, settings.body).toBe(200);
    expect((await t.call('GET', '/api/v1/communications/settings', { token: alder.token, tenant: 'alder' })).json()).toEqual({ openTracking: true, quietHours: null });
    expect(await snapshot(alder)).toEqual(before.a);
    expect(await snapshot(birch)).toEqual(before.b);
  });

  it("refuses money that names another tenant's member, charge, property or schedule, and shows none of its money", async () => {
    const before = { a: await snapshot(alder), b: await snapshot(birch) };
    const ledgerOf = async (tenant: TestTenant) => (await t.call('GET', '/api/v1/finance/journal?limit=200', { token: tenant.token, tenant: tenant.slug })).json();
    const alderLedger = await ledgerOf(alder);
    const foreignMember = a.memberIds[0]!;
    const attempts: [string, string, unknown, number[]][] = [
      ['POST', '/api/v1/finance/charges', { memberId: foreignMember, kind: 'levy', description: 'Hijack', amount: 100, currency: 'EUR', dueDate: '2026-01-01' }, [404]],
      ['POST', '/api/v1/finance/payments', { memberId: foreignMember, method: 'cash', amount: 100, currency: 'EUR', receivedOn: '2026-01-01' }, [404]],
      ['POST', '/api/v1/finance/payments', { memberId: b.memberIds[0], method: 'cash', amount: 100, currency: 'EUR', receivedOn: '2026-01-01', allocations: [{ chargeId: alderMoney.chargeIds[0] }] }, [404]],
      ['POST', '/api/v1/finance/allocations', { memberId: foreignMember, currency: 'EUR' }, [404]],
      ['POST', '/api/v1/finance/journal', { date: '2026-01-01', description: 'Hijack', lines: [{ accountId: birchMoney.accountIds[0], amount: 100, currency: 'EUR', memberId: foreignMember }, { accountId: alderMoney.accountIds[0], amount: -100, currency: 'EUR' }] }, [404]],
      ['POST', '/api/v1/finance/statements', { memberId: foreignMember, from: '2026-01-01', to: '2026-01-31' }, [404]],
      ['POST', '/api/v1/finance/schedules', { kind: 'levy', name: 'Hijack', propertyId: alderEstate.propertyIds[0], budget: { amount: 100, currency: 'EUR' }, startPeriod: '2026-01' }, [404]],
      ['POST', '/api/v1/finance/billing-runs', { period: '2026-03', scheduleIds: [alderMoney.scheduleIds[0]], dryRun: true }, [404]],
      ['POST', '/api/v1/finance/checkout-sessions', { memberId: foreignMember, successUrl: 'https://birch.example/ok', cancelUrl: 'https://birch.example/cancel' }, [404, 409]],
    ];
    for (const [method, url, body, statuses] of attempts) {
      const res = await asBirch(method, url, { body });
      expect(statuses, `${method} ${url}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
      expectNothingOf({ ...a, secrets: a.secrets.filter((secret) => !JSON.stringify(body).includes(secret)) }, res, url);
    }
    // An account of birch's own, with the code alder's own account has: codes are per tenant.
    const account = await asBirch('POST', '/api/v1/finance/accounts', { body: { code: '6200', name: 'Birch snow clearing', type: 'expense' } });
    expect(account.statusCode, account.body).toBe(201);
    expectNothingOf(a, account);
    birchMoney.accountIds.push(account.json().id);
    // A bank statement naming the other tenant's members and charges matches nobody here.
    const csv = `Date,Amount,Reference\n2026-02-01,313.38,${alderMoney.chargeIds[0]}\n2026-02-02,10.00,${foreignMember} Aldous Quimby\n`;
    const imported = await asBirch('POST', '/api/v1/finance/bank-imports', { body: { csv, mapping: { date: 'Date', amount: 'Amount', reference: 'Reference' }, currency: 'EUR' } });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().lines.every((l: { proposal: { memberId?: string } | null }) => !l.proposal?.memberId)).toBe(true);
    birchMoney.importIds.push(imported.json().id);
    // Birch's own settings and rules are birch's; its webhook refuses an event for another tenant.
    for (const [method, url, body] of [['GET', '/api/v1/finance/providers/stripe', undefined], ['PUT', '/api/v1/finance/late-fee-rule', { enabled: false, graceDays: 10, kind: 'flat', amount: 500, repeat: 'once' }]] as const) {
      const res = await asBirch(method, url, body === undefined ? {} : { body });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      expectNothingOf(a, res, url);
    }
    exercised.add('PUT /api/v1/finance/providers/stripe');
    const settings = await t.call('PUT', '/api/v1/finance/providers/stripe', { token: birch.token, tenant: 'birch', body: { secretKey: 'sk_test_birch0123456789', webhookSecret: 'whsec_birch0123456789', enabled: false } });
    expect(settings.statusCode, settings.body).toBe(200);
    exercised.add('POST /api/v1/finance/providers/stripe/webhook');
    const event = JSON.stringify({ id: 'evt_1', type: 'checkout.session.completed', data: { object: { id: 'cs_1', payment_status: 'paid', amount_total: 100, currency: 'eur', metadata: { courtyardTenantId: alder.id, memberId: foreignMember } } } });
    const hook = await t.call('POST', '/api/v1/finance/providers/stripe/webhook', { tenant: 'birch', body: event, headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' } });
    expect(hook.statusCode, hook.body).toBe(400);
    // Alder's ledger is as it was; birch's lists hold birch's money only.
    expect(await ledgerOf(alder)).toEqual(alderLedger);
    const ids = (res: LightMyRequestResponse) => res.json().data.map((r: { id: string }) => r.id).sort();
    expect(ids(await asBirch('GET', '/api/v1/finance/charges?limit=200'))).toEqual([...birchMoney.chargeIds].sort());
    expect(ids(await asBirch('GET', '/api/v1/finance/statements?limit=200'))).toEqual([...birchMoney.statementIds].sort());
    expect(ids(await asBirch('GET', '/api/v1/finance/schedules?limit=200'))).toEqual([...birchMoney.scheduleIds].sort());
    for (const url of ['/api/v1/finance/reports/trial-balance?format=csv', '/api/v1/finance/reports/arrears?format=csv', '/api/v1/finance/reports/arrears?groupBy=property', '/api/v1/finance/reports/income?format=csv', '/api/v1/finance/reports/collections', `/api/v1/finance/charges?memberId=${foreignMember}`, `/api/v1/finance/payments?memberId=${foreignMember}`, `/api/v1/finance/statements?memberId=${foreignMember}`]) {
      const res = await t.call('GET', url, { token: birch.token, tenant: 'birch' });
      expect([200, 404], `${url}: ${res.body}`).toContain(res.statusCode);
      expectNothingOf(a, res, url);
    }
    expect(await snapshot(alder)).toEqual(before.a);
  });

  it("keeps a tenant's custom objects to itself: its definitions, fields, records and standard records' custom fields, under the same object key", async () => {
    const before = { a: await snapshot(alder), b: await snapshot(birch) };
    const [recordId] = alderObjects.recordIds;
    const [permitId] = alderObjects.definitionIds;
    const probes: [string, string, unknown][] = [
      ['GET', `/api/v1/objects/permit/records/${recordId}`, undefined],
      ['HEAD', `/api/v1/objects/permit/records/${recordId}`, undefined],
      ['PATCH', `/api/v1/objects/permit/records/${recordId}`, { fee: 1 }],
      ['DELETE', `/api/v1/objects/permit/records/${recordId}`, undefined],
      ['GET', `/api/v1/objects/extensions/member/${a.memberIds[0]}`, undefined],
      ['PUT', `/api/v1/objects/extensions/member/${a.memberIds[0]}`, { bay: 'Hijacked by birch' }],
      ...alderObjects.fieldIds.flatMap((id): [string, string, unknown][] => [
        ['PATCH', `/api/v1/objects/definitions/permit/fields/${id}`, { label: 'Hijacked by birch' }],
        ['DELETE', `/api/v1/objects/definitions/permit/fields/${id}`, undefined],
        ['POST', `/api/v1/objects/definitions/permit/fields/${id}/restore`, undefined],
        ['POST', `/api/v1/objects/definitions/permit/fields/${id}/purge`, undefined],
      ]),
      ['GET', `/api/v1/objects/definitions/${permitId}`, undefined],
      ...alderObjects.ruleIds.flatMap((id): [string, string, unknown][] => [
        ['PATCH', `/api/v1/objects/definitions/permit/rules/${id}`, { message: 'Hijacked by birch' }],
        ['DELETE', `/api/v1/objects/definitions/permit/rules/${id}`, undefined],
      ]),
      ...alderObjects.automationIds.flatMap((id): [string, string, unknown][] => [
        ['GET', `/api/v1/objects/definitions/permit/automations/${id}`, undefined],
        ['PATCH', `/api/v1/objects/definitions/permit/automations/${id}`, { name: 'Hijacked by birch', enabled: false }],
        ['DELETE', `/api/v1/objects/definitions/permit/automations/${id}`, undefined],
        ['GET', `/api/v1/objects/definitions/permit/automations/${id}/runs`, undefined],
      ]),
    ];
    for (const [method, url, body] of probes) {
      const res = await t.call(method as never, url, { token: birch.token, tenant: 'birch', ...(body !== undefined ? { body } : {}) });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
      expectNothingOf(a, res, url);
    }
    // A record naming alder's unit, or alder's value of a unique field: neither is birch's business.
    const foreignUnit = await asBirch('POST', '/api/v1/objects/:key/records', { fill: 'permit', body: { plate: 'BIRCH-2', unit: alderEstate.unitIds[0] } });
    expect(foreignUnit.statusCode, foreignUnit.body).toBe(400);
    const sameValue = await asBirch('POST', '/api/v1/objects/:key/records', { fill: 'permit', body: { plate: 'ALDER-SECRET-PLATE' } });
    expect(sameValue.statusCode, sameValue.body).toBe(201);
    birchObjects.recordIds.push(sameValue.json().id);
    a.secrets = a.secrets.filter((s) => s !== 'ALDER-SECRET-PLATE');
    // Lists, filters and searches hold birch's records only.
    for (const url of ['/api/v1/objects/permit/records?limit=200', `/api/v1/objects/permit/records?filter[unit]=${alderEstate.unitIds[0]}`, '/api/v1/objects/permit/records?q=SECRET', '/api/v1/objects/permit/records?sort=-fee', '/api/v1/objects/definitions?includeArchived=true', '/api/v1/objects/definitions/permit', '/api/v1/objects/definitions/permit/changes', '/api/v1/objects/definitions/permit/automations']) {
      const res = await t.call('GET', url, { token: birch.token, tenant: 'birch' });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      expectNothingOf(a, res, url);
    }
    // Labels in one call: alder's ids name nothing for birch, whatever the target.
    for (const [target, ids] of [['member', a.memberIds], ['unit', alderEstate.unitIds], ['property', alderEstate.propertyIds], ['lease', alderEstate.leaseIds], ['permit', alderObjects.recordIds]] as const) {
      for (const method of ['GET', 'HEAD'] as const) {
        exercised.add(`${method} /api/v1/objects/labels`);
        const url = `/api/v1/objects/labels?target=${target}&ids=${ids.join(',')}`;
        const res = await t.call(method, url, { token: birch.token, tenant: 'birch' });
        expect(res.statusCode, res.body).toBe(200);
        if (method === 'GET') expect(res.json().data).toEqual([]);
        expectNothingOf(a, res, url);
      }
    }
    // Its export and its own OpenAPI document are birch's alone; an import naming alder's unit finds no such unit.
    for (const res of [await asBirch('GET', '/api/v1/objects/:key/records/export', { fill: 'permit' }), await asBirch('GET', '/api/v1/objects/openapi.json')]) {
      expect(res.statusCode, res.body).toBe(200);
      expectNothingOf(a, res);
    }
    const dry = await asBirch('POST', '/api/v1/objects/:key/records/import', { fill: 'permit', body: `plate,unit\nBIRCH-3,${alderEstate.unitIds[0]}\n` });
    expect(dry.json().errors, dry.body).toEqual([expect.objectContaining({ row: 2, column: 'unit', code: 'not_found' })]);
    const listed = (await asBirch('GET', '/api/v1/objects/:key/records', { fill: 'permit' })).json().data.map((r: { id: string }) => r.id);
    expect(listed.sort()).toEqual([...birchObjects.recordIds].sort());
    // An object birch defines is birch's alone.
    const boat = await asBirch('POST', '/api/v1/objects/definitions', { body: { key: 'boat_slip', singular: 'Birch boat slip', plural: 'Birch boat slips' } });
    expect(boat.statusCode, boat.body).toBe(201);
    expectNothingOf(a, boat, '/api/v1/objects/definitions');
    expect((await t.call('GET', '/api/v1/objects/definitions/boat_slip', { token: alder.token, tenant: 'alder' })).statusCode).toBe(404);
    expect(await snapshot(alder)).toEqual(before.a);
    await t.call('DELETE', `/api/v1/objects/permit/records/${sameValue.json().id}`, { token: birch.token, tenant: 'birch' });
    birchObjects.recordIds.pop();
  });

  it("refuses estate records that name another tenant's property, unit or member, and writes nothing", async () => {
    const before = { a: await snapshot(alder), b: await snapshot(birch) };
    const attempts: [string, unknown][] = [
      ['/api/v1/properties', { name: 'Birch annexe', kind: 'residential', parentId: alderEstate.propertyIds[0] }],
      ['/api/v1/leases', { unitId: alderEstate.unitIds[1], renterIds: [b.memberIds[0]], startDate: '2028-01-01', rent: { amount: 1000, currency: 'EUR' }, frequency: 'monthly', dueDay: 1 }],
      ['/api/v1/leases', { unitId: birchEstate.unitIds[0], renterIds: [a.memberIds[1]], startDate: '2028-01-01', rent: { amount: 1000, currency: 'EUR' }, frequency: 'monthly', dueDay: 1 }],
    ];
    for (const [url, body] of attempts) {
      const res = await asBirch('POST', url, { body });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(404);
      // The refusal may name the id the caller sent; nothing else of the other tenant.
      expectNothingOf({ ...a, secrets: a.secrets.filter((secret) => !JSON.stringify(body).includes(secret)) }, res, url);
    }
    // An import naming the other tenant's estate as a parent finds no such parent here.
    const csv = `property,parent_property,property_kind,unit,unit_kind\nAlderwood Secret Estate Block,Alderwood Secret Estate,residential,HIJACK-9,apartment\n`;
    exercised.add('POST /api/v1/properties/import');
    const imported = await t.call('POST', '/api/v1/properties/import?dryRun=false', { token: birch.token, tenant: 'birch', body: csv, headers: { 'content-type': 'text/csv' } });
    expect([400, 422], imported.body).toContain(imported.statusCode);
    expect(await snapshot(alder)).toEqual(before.a);
    expect(await snapshot(birch)).toEqual(before.b);
  });

  it("refuses to create a user linked to another tenant's member, and writes nothing", async () => {
    const before = { a: await snapshot(alder), b: await snapshot(birch) };
    const res = await asBirch('POST', '/api/v1/users', { body: { email: 'linked@birch-office.test', name: 'Linked Elsewhere', roles: ['member'], memberId: a.memberIds[1] } });
    expect([403, 404], res.body).toContain(res.statusCode);
    expect(res.json().code).toBe('not_found');
    expectNothingOf(a, res, '/api/v1/users');
    expect(await snapshot(alder)).toEqual(before.a);
    expect(await snapshot(birch)).toEqual(before.b);

    // Linking to the tenant's own member works: the refusal above is about the other tenant.
    const own = await asBirch('POST', '/api/v1/users', { body: { email: 'linked@birch-office.test', name: 'Linked Here', roles: ['member'], memberId: b.memberIds[1] } });
    expect(own.statusCode).toBe(201);
    expect(own.json().memberId).toBe(b.memberIds[1]);
    b.userIds.push(own.json().id);
  });

  it("refuses to link a user to another tenant's member, and writes nothing", async () => {
    const before = { a: await snapshot(alder), b: await snapshot(birch) };
    const res = await asBirch('PATCH', '/api/v1/users/:id', { fill: b.clerkId, body: { memberId: a.memberIds[2], name: 'Renamed' } });
    expect([403, 404], res.body).toContain(res.statusCode);
    expect(res.json().code).toBe('not_found');
    expectNothingOf(a, res, `/api/v1/users/${b.clerkId}`);
    expect(await snapshot(alder)).toEqual(before.a);
    expect(await snapshot(birch)).toEqual(before.b);
    const clerk = (await asBirch('GET', '/api/v1/users/:id', { fill: b.clerkId })).json();
    expect(clerk).toMatchObject({ memberId: b.memberIds[0], name: 'Bartholomew Birch-Clerk' });
  });

  it("does not reveal that an e-mail is taken in another tenant", async () => {
    const res = await asBirch('POST', '/api/v1/users', { body: { email: 'clerk@alder-office.test', name: 'Same Address', password: TENANT_PASSWORD, roles: ['staff'] } });
    expect(res.statusCode).toBe(201);
    b.userIds.push(res.json().id);
    const alderClerk = (await t.call('GET', `/api/v1/users/${a.clerkId}`, { token: alder.token, tenant: 'alder' })).json();
    expect(alderClerk).toMatchObject({ email: 'clerk@alder-office.test', name: 'Clementine Alder-Clerk' });
    // Remove the shared address from the secrets: it is now birch's too.
    a.secrets = a.secrets.filter((s) => s !== 'clerk@alder-office.test');
  });

  it("creates a member only in the caller's tenant", async () => {
    const res = await asBirch('POST', '/api/v1/members', { body: memberOf('Fresh', 'Birchling', 'fresh@birch-mail.test') });
    expect(res.statusCode).toBe(201);
    b.memberIds.push(res.json().id);
    const fromAlder = await t.call('GET', `/api/v1/members/${res.json().id}`, { token: alder.token, tenant: 'alder' });
    expect(fromAlder.statusCode).toBe(404);
    const alderList = (await t.call('GET', '/api/v1/members?limit=200', { token: alder.token, tenant: 'alder' })).json();
    expect(alderList.data.map((m: { id: string }) => m.id).sort()).toEqual([...a.memberIds].sort());
  });

  it("creates an SSO provider only in the caller's tenant; discovery and password sign-in know only the caller's own", async () => {
    const res = await asBirch('POST', '/api/v1/sso/providers', { body: { name: 'Birch second IdP', issuer: 'https://idp2.birch.test', clientId: 'b2', clientSecret: 'b2-secret' } });
    expect(res.statusCode, res.body).toBe(201);
    expectNothingOf(a, res, '/api/v1/sso/providers');
    expect((await t.call('GET', `/api/v1/sso/providers/${res.json().id}`, { token: alder.token, tenant: 'alder' })).statusCode).toBe(404);
    expect((await t.call('GET', '/api/v1/sso/providers', { token: alder.token, tenant: 'alder' })).json().data.map((p: { id: string }) => p.id)).toEqual(alderSso.ids);
    // Alder's required domain means nothing at birch: discovery finds nothing, a password is only wrong.
    const found = await asBirch('POST', '/api/v1/auth/sso/discover', { body: { email: 'someone@alder-staff.test' } });
    expect(found.json()).toEqual({ providers: [], required: false, providerId: null });
    expectNothingOf(a, found, '/api/v1/auth/sso/discover');
    expect((await t.call('POST', '/api/v1/auth/login', { tenant: 'birch', body: { email: 'someone@alder-staff.test', password: 'not-the-password-1' } })).json().code).toBe('invalid_credentials');
    expect((await asBirch('POST', '/api/v1/auth/sso/discover', { body: { email: 'someone@birch-staff.test' } })).json()).toMatchObject({ required: true, providerId: birchSso.ids[0] });
    expect((await t.call('DELETE', `/api/v1/sso/providers/${res.json().id}`, { token: birch.token, tenant: 'birch' })).statusCode).toBe(204);
  });

  it("creates an API key only in the caller's tenant, and refuses one tenant's key at the other with 401, never its data", async () => {
    const res = await asBirch('POST', '/api/v1/api-keys', { body: { name: 'Birch new key', permissions: ['members.read'] } });
    expect(res.statusCode, res.body).toBe(201);
    expectNothingOf(a, res, '/api/v1/api-keys');
    expect((await t.call('GET', `/api/v1/api-keys/${res.json().id}`, { token: alder.token, tenant: 'alder' })).statusCode).toBe(404);
    expect((await t.call('GET', '/api/v1/api-keys?limit=200', { token: alder.token, tenant: 'alder' })).json().data.map((k: { id: string }) => k.id)).toEqual(alderKeys.ids);
    for (const url of ['/api/v1/members', '/api/v1/api-keys', `/api/v1/members/${a.memberIds[0]}`, '/api/v1/me']) {
      const refused = await t.call('GET', url, { token: alderKeys.key, tenant: 'birch' });
      expect(refused.statusCode, url).toBe(401);
      expect(refused.json().code).toBe('unauthenticated');
      expectNothingOf(a, refused, url);
    }
    // Through birch's own key, still only birch's rows.
    const listed = await t.call('GET', '/api/v1/members?limit=200', { token: birchKeys.key, tenant: 'birch' });
    expect(listed.json().data.map((m: { id: string }) => m.id).sort()).toEqual([...b.memberIds].sort());
    expectNothingOf(a, listed);
  });

  it("creates a webhook endpoint only in the caller's tenant", async () => {
    const res = await asBirch('POST', '/api/v1/webhooks/endpoints', { body: { url: 'https://203.0.113.63/birch-new', events: ['*'], enabled: false } });
    expect(res.statusCode, res.body).toBe(201);
    birchHooks.endpointIds.push(res.json().id);
    expectNothingOf(a, res);
    const fromAlder = await t.call('GET', `/api/v1/webhooks/endpoints/${res.json().id}`, { token: alder.token, tenant: 'alder' });
    expect(fromAlder.statusCode).toBe(404);
    const alderList = (await t.call('GET', '/api/v1/webhooks/endpoints?limit=200', { token: alder.token, tenant: 'alder' })).json();
    expect(alderList.data.map((e: { id: string }) => e.id)).toEqual(alderHooks.endpointIds);
  });

  it("creates a custom role only in the caller's tenant", async () => {
    const res = await asBirch('POST', '/api/v1/roles', { body: { key: 'copy-desk', name: 'Birch copy desk', permissions: ['members.read'] } });
    expect(res.statusCode, res.body).toBe(201);
    b.roleIds.push(res.json().id);
    expect((await t.call('GET', `/api/v1/roles/${res.json().id}`, { token: alder.token, tenant: 'alder' })).statusCode).toBe(404);
    const alderRoles = (await t.call('GET', '/api/v1/roles', { token: alder.token, tenant: 'alder' })).json().data;
    expect(alderRoles.map((r: { id: string }) => r.id).sort()).toEqual([...a.roleIds].sort());
    expect(JSON.stringify(alderRoles)).not.toContain('Birch copy desk');
    expectNothingOf(a, res);
    // Birch's role cannot be given to alder's users.
    const grant = await t.call('PATCH', `/api/v1/users/${a.clerkId}`, { token: birch.token, tenant: 'birch', body: { roles: ['copy-desk'] } });
    expect(grant.statusCode).toBe(404);
  });

  it("changes the branding of the caller's tenant only, and never shows another tenant's", async () => {
    const alderOpts = { token: alder.token, tenant: 'alder' };
    const alderBranding = { displayName: 'Alderwood Secret Branding', primaryColor: '#a1d2e3', logoUrl: 'https://alder.example/secret-logo.png' };
    expect((await t.call('PATCH', '/api/v1/settings/branding', { ...alderOpts, body: alderBranding })).statusCode).toBe(200);
    const own = await asBirch('PATCH', '/api/v1/settings/branding', { body: { displayName: 'Birch Branding', primaryColor: '#123456' } });
    expect(own.statusCode, own.body).toBe(200);
    const read = await asBirch('GET', '/api/v1/settings/branding');
    expect(read.json()).toEqual({ displayName: 'Birch Branding', primaryColor: '#123456' });
    for (const res of [own, read, await asBirch('GET', '/api/v1/me')]) {
      for (const secret of Object.values(alderBranding)) expect(res.body).not.toContain(secret);
    }
    expect((await t.call('GET', '/api/v1/settings/branding', alderOpts)).json()).toEqual(alderBranding);
    expect((await t.call('GET', '/api/v1/me', alderOpts)).json().branding).toEqual(alderBranding);
  });

  it("changes the time zone and default locale of the caller's tenant only", async () => {
    const alderOpts = { token: alder.token, tenant: 'alder' };
    expect((await t.call('PATCH', '/api/v1/settings/regional', { ...alderOpts, body: { timeZone: 'Pacific/Tongatapu', defaultLocale: 'es' } })).statusCode).toBe(200);
    const own = await asBirch('PATCH', '/api/v1/settings/regional', { body: { timeZone: 'Pacific/Honolulu' } });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toEqual({ timeZone: 'Pacific/Honolulu', defaultLocale: 'en' });
    const read = await asBirch('GET', '/api/v1/settings/regional');
    expect(read.json()).toEqual({ timeZone: 'Pacific/Honolulu', defaultLocale: 'en' });
    expect((await t.call('GET', '/api/v1/settings/regional', alderOpts)).json()).toEqual({ timeZone: 'Pacific/Tongatapu', defaultLocale: 'es' });
    expect((await asBirch('GET', '/api/v1/me')).json().tenant).toMatchObject({ timeZone: 'Pacific/Honolulu', defaultLocale: 'en' });
  });

  it("changes the plan of the caller's tenant only", async () => {
    const admin = await t.platformToken();
    const moved = await asBirch('PUT', '/api/v1/billing/subscription', { body: { plan: 'enterprise' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ tenantId: birch.id, plan: 'enterprise' });
    expectNothingOf(a, moved, '/api/v1/billing/subscription');
    expect((await t.call('GET', '/control/v1/tenants/alder/subscription', { token: admin })).json().plan).toBe('standard');
    expect((await t.call('GET', '/control/v1/tenants/alder', { token: admin })).json().plan).toBe('standard');
    expect((await asBirch('PUT', '/api/v1/billing/subscription', { body: { plan: 'standard' } })).statusCode).toBe(200);
  });

  it("changes the member self-service setting, a member's own details and notification preferences in the caller's tenant only", async () => {
    const alderOpts = { token: alder.token, tenant: 'alder' };
    const alderPrefs = (await t.call('GET', '/api/v1/me/notification-preferences', alderOpts)).json();
    const setting = await asBirch('PATCH', '/api/v1/settings/member-self-service', { body: { editableFields: ['phone', 'address', 'email'] } });
    expect(setting.json()).toEqual({ editableFields: ['email', 'phone', 'address'] });
    expect((await asBirch('GET', '/api/v1/settings/member-self-service')).json()).toEqual({ editableFields: ['email', 'phone', 'address'] });
    expect((await t.call('GET', '/api/v1/settings/member-self-service', alderOpts)).json()).toEqual({ editableFields: ['phone', 'address'] });

    const prefs = await asBirch('PUT', '/api/v1/me/notification-preferences', { body: { ...alderPrefs, billing: { email: false, sms: true } } });
    expect(prefs.statusCode, prefs.body).toBe(200);
    expect((await t.call('GET', '/api/v1/me/notification-preferences', alderOpts)).json()).toEqual(alderPrefs);

    const portal = await t.call('POST', '/api/v1/users', { token: birch.token, tenant: 'birch', body: { email: 'own-details@birch.test', name: 'Own Details', password: TENANT_PASSWORD, roles: ['member'], memberId: b.memberIds[0] } });
    expect(portal.statusCode, portal.body).toBe(201);
    const token = (await t.login('birch', 'own-details@birch.test')).accessToken;
    const own = await asBirch('PATCH', '/api/v1/members/me', { token, body: { phone: '+31 20 555 0199' } });
    expect(own.json()).toMatchObject({ id: b.memberIds[0], phone: '+31 20 555 0199' });
    expectNothingOf(a, own);
    expectNothingOf(a, await asBirch('GET', '/api/v1/members/me', { token }));
    // Alder's members keep their phones; birch's token is no key to alder's portal.
    expect((await t.call('GET', `/api/v1/members/${a.memberIds[0]}`, alderOpts)).json().phone).toBe('+31 20 555 0101');
    expect((await t.call('PATCH', '/api/v1/members/me', { token, tenant: 'alder', body: { phone: '+1 555' } })).json().code).toBe('tenant_mismatch');
  });

  it("refuses another tenant's users and refresh tokens at sign-in, refresh and sign-out", async () => {
    const login = await asBirch('POST', '/api/v1/auth/login', { body: { email: alder.adminEmail, password: TENANT_PASSWORD } });
    expect(login.statusCode).toBe(401);
    expect(login.json().code).toBe('invalid_credentials');
    const clerkLogin = await asBirch('POST', '/api/v1/auth/login', { body: { email: 'clerk@alder-office.test', password: TENANT_PASSWORD } });
    expect(clerkLogin.statusCode).toBe(200);
    // That is birch's own user with the same address, signed in to birch.
    const who = (await t.call('GET', '/api/v1/me', { token: clerkLogin.json().accessToken, tenant: 'birch' })).json();
    expect(who.tenant.id).toBe(birch.id);
    expect(b.userIds).toContain(who.user.id);

    const alderSession = await t.login('alder', alder.adminEmail);
    const refresh = await asBirch('POST', '/api/v1/auth/refresh', { token: '', body: { refreshToken: alderSession.refreshToken } });
    expect(refresh.statusCode).toBe(401);
    expect(refresh.json().code).toBe('invalid_refresh_token');
    expectNothingOf(a, refresh, '/api/v1/auth/refresh');
    const logout = await asBirch('POST', '/api/v1/auth/logout', { token: '', body: { refreshToken: alderSession.refreshToken } });
    expect([204, 401]).toContain(logout.statusCode);

    // Birch's attempts neither spent nor revoked alder's session.
    const stillGood = await t.call('POST', '/api/v1/auth/refresh', { tenant: 'alder', body: { refreshToken: alderSession.refreshToken } });
    expect(stillGood.statusCode).toBe(200);
  });

  it("keeps a tenant's e-mail to itself: its delivery log, its templates and its invitation tokens", async () => {
    const alderOpts = { token: alder.token, tenant: 'alder' };
    const alderLog = async () => (await t.call('GET', '/api/v1/mail/messages?limit=200', alderOpts)).json();
    const before = await alderLog();
    expect(before.data.map((m: { id: string }) => m.id)).toEqual(alderMail.messageIds);
    // Birch's retry of it in the walk above requeued nothing.
    expect(before.data[0]).toMatchObject({ status: 'sent', attempts: 1 });

    const log = await asBirch('GET', '/api/v1/mail/messages');
    expect(log.statusCode).toBe(200);
    expect(log.json().data.filter((m: { id: string }) => alderMail.messageIds.includes(m.id))).toEqual([]);
    expectNothingOf(a, log);
    // Birch changing and resetting its own templates of every kind leaves alder's own as it was.
    for (const kind of ['invitation', 'password_reset', 'notification']) {
      const own = await asBirch('GET', '/api/v1/mail/templates/:kind', { fill: kind });
      expect(own.statusCode).toBe(200);
      expect(own.json().overridden).toBe(false);
      expectNothingOf(a, own, `/api/v1/mail/templates/${kind}`);
      expect((await asBirch('HEAD', '/api/v1/mail/templates/:kind', { fill: kind })).statusCode).toBe(200);
      expect((await asBirch('PUT', '/api/v1/mail/templates/:kind', { fill: kind, body: { subject: 'Birch subject', text: 'Birch text', html: '<p>Birch</p>' } })).statusCode).toBe(200);
      expect((await asBirch('DELETE', '/api/v1/mail/templates/:kind', { fill: kind })).statusCode).toBe(204);
    }
    const templates = await asBirch('GET', '/api/v1/mail/templates');
    expect(templates.json().data.every((d: { overridden: boolean }) => !d.overridden)).toBe(true);
    expectNothingOf(a, templates);
    const alderTemplate = (await t.call('GET', '/api/v1/mail/templates/invitation', alderOpts)).json();
    expect(alderTemplate).toMatchObject({ overridden: true, subject: alderMail.templateSubject });

    // Alder's invitation token means nothing at birch's address, and is still good at alder's.
    const accept = await asBirch('POST', '/api/v1/auth/accept-invitation', { token: '', body: { token: alderMail.token, password: 'an evening by the lake' } });
    expect(accept.statusCode).toBe(400);
    expect(accept.json().code).toBe('invalid_token');
    expectNothingOf(a, accept, '/api/v1/auth/accept-invitation');
    expect(await alderLog()).toEqual(before);
    const accepted = await t.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'alder', body: { token: alderMail.token, password: 'a quiet morning walk' } });
    expect(accepted.statusCode).toBe(204);
    expect((await t.login('alder', 'invitee@alder-office.test', 'a quiet morning walk')).accessToken).toBeTruthy();
  });

  it("keeps a tenant's accounts to itself: password resets, their links, and the signed-in user's own routes", async () => {
    const alderOpts = { token: alder.token, tenant: 'alder' };
    const alderLog = async () => (await t.call('GET', '/api/v1/mail/messages?limit=200', alderOpts)).json();
    const before = await alderLog();
    // Birch asked for a reset of alder's owner: birch has no such user, and alder is sent nothing.
    const asked = await asBirch('POST', '/api/v1/auth/password-reset', { token: '', body: { email: alder.adminEmail } });
    expect(asked.statusCode).toBe(202);
    expect(await alderLog()).toEqual(before);
    expect((await asBirch('GET', '/api/v1/mail/messages')).json().data.filter((m: { to: { email: string } }) => m.to.email === alder.adminEmail)).toEqual([]);

    // A reset link of alder's means nothing at birch's address.
    expect((await t.call('POST', '/api/v1/auth/password-reset', { tenant: 'alder', body: { email: alder.adminEmail } })).statusCode).toBe(202);
    const [event] = await relayMail(t.platform, alder.id);
    const mail = await readMailFile(t.config.dataDir, (event!.data as { messageId: string }).messageId);
    const token = /reset-password#token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
    const confirm = await asBirch('POST', '/api/v1/auth/password-reset/confirm', { token: '', body: { token, password: 'an evening by the lake' } });
    expect(confirm.statusCode).toBe(400);
    expect(confirm.json().code).toBe('invalid_token');
    expectNothingOf(a, confirm, '/api/v1/auth/password-reset/confirm');
    expect((await t.call('GET', '/api/v1/me', alderOpts)).statusCode).toBe(200);

    // Birch's owner changes only their own account.
    const renamed = await asBirch('PATCH', '/api/v1/me', { body: { name: 'Birch Owner Renamed' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().tenant.id).toBe(birch.id);
    expectNothingOf(a, renamed, '/api/v1/me');
    expect((await t.call('GET', '/api/v1/me', alderOpts)).json().user.name).not.toBe('Birch Owner Renamed');
    const wrong = await asBirch('POST', '/api/v1/me/password', { body: { currentPassword: 'not the password at all', newPassword: 'an evening by the lake' } });
    expect(wrong.statusCode).toBe(422);
    expectNothingOf(a, wrong, '/api/v1/me/password');
  });

  it("keeps a tenant's two-step sign-in to itself: its authenticators, recovery codes, sign-in tokens and required roles", async () => {
    const alderOpts = { token: alder.token, tenant: 'alder' };
    const alderUser = await t.call('POST', '/api/v1/users', { ...alderOpts, body: { email: 'second@alder-office.test', name: 'Alder Second', password: TENANT_PASSWORD, roles: ['manager'] } });
    expect(alderUser.statusCode).toBe(201);
    a.userIds.push(alderUser.json().id);
    const alderToken = (await t.login('alder', 'second@alder-office.test')).accessToken;
    const alder2fa = await enrolTotp(t, 'alder', alderToken);
    expect((await t.call('PATCH', '/api/v1/settings/two-step', { ...alderOpts, body: { requiredRoles: ['staff'] } })).statusCode).toBe(200);
    const challenge = (await t.call('POST', '/api/v1/auth/login', { tenant: 'alder', body: { email: 'second@alder-office.test', password: TENANT_PASSWORD } })).json();
    expect(challenge.mfaRequired).toBe(true);

    // Birch sees its own status and setting, never alder's.
    expect((await asBirch('GET', '/api/v1/me/mfa')).json()).toMatchObject({ totp: { enrolled: true }, recoveryCodesRemaining: 9 });
    expect((await asBirch('GET', '/api/v1/settings/two-step')).json()).toEqual({ requiredRoles: [] });
    expect((await asBirch('PATCH', '/api/v1/settings/two-step', { body: { requiredRoles: ['manager'] } })).json()).toEqual({ requiredRoles: ['manager'] });
    expect((await t.call('GET', '/api/v1/settings/two-step', alderOpts)).json()).toEqual({ requiredRoles: ['staff'] });
    expect((await asBirch('PATCH', '/api/v1/settings/two-step', { body: { requiredRoles: [] } })).statusCode).toBe(200);

    // Alder's sign-in token is nothing at birch's address, and is not spent by the attempt.
    for (const [route, body] of [['/api/v1/auth/mfa', { mfaToken: challenge.mfaToken, code: alder2fa.recoveryCodes[0] }], ['/api/v1/auth/mfa/enrol', { mfaToken: challenge.mfaToken }]] as const) {
      const res = await asBirch('POST', route, { token: '', body });
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json().code).toBe('core.invalid_mfa_token');
      expectNothingOf(a, res, route);
    }
    // Alder's codes do not step birch up, turn birch's off or confirm an enrolment of birch's.
    for (const [method, route] of [['POST', '/api/v1/auth/step-up'], ['DELETE', '/api/v1/me/mfa/totp']] as const) {
      const res = await asBirch(method, route, { body: { code: alder2fa.recoveryCodes[1] } });
      expect(res.statusCode, res.body).toBe(422);
      expectNothingOf(a, res, route);
    }
    const enrolAgain = await asBirch('POST', '/api/v1/me/mfa/totp');
    expect(enrolAgain.statusCode).toBe(409);
    const confirm = await asBirch('POST', '/api/v1/me/mfa/totp/confirm', { body: { code: await totpCode(alder2fa.secret) } });
    expect(confirm.statusCode).toBe(409);

    const done = await t.call('POST', '/api/v1/auth/mfa', { tenant: 'alder', body: { mfaToken: challenge.mfaToken, code: alder2fa.recoveryCodes[0] } });
    expect(done.statusCode, done.body).toBe(200);
    expect((await t.call('GET', '/api/v1/me/mfa', { token: done.json().accessToken, tenant: 'alder' })).json().recoveryCodesRemaining).toBe(9);
  });

  it("keeps a tenant's passkeys to itself: its credentials, its challenges and its sign-in tokens", async () => {
    const alderOpts = { token: alder.token, tenant: 'alder' };
    const before = { a: await snapshot(alder), b: await snapshot(birch) };
    // Birch's owner lists only their own (none), and is given options naming nothing of alder's.
    const listed = await asBirch('GET', '/api/v1/me/passkeys');
    expect(listed.json()).toEqual({ data: [] });
    expectNothingOf(a, listed);
    const registration = await asBirch('POST', '/api/v1/me/passkeys/registration-options');
    expect(registration.statusCode).toBe(200);
    expect(registration.json().excludeCredentials).toEqual([]);
    expectNothingOf(a, registration);
    // Alder's registration options do not register a passkey at birch.
    const alderRegistration = (await t.call('POST', '/api/v1/me/passkeys/registration-options', alderOpts)).json();
    const planted = await asBirch('POST', '/api/v1/me/passkeys', { body: { response: attestation(newPasskey(), alderRegistration) } });
    expect(planted.statusCode, planted.body).toBe(422);
    expectNothingOf(a, planted, '/api/v1/me/passkeys');

    // Alder's credential does not sign in at birch, with birch's challenge or alder's.
    const signIn = await asBirch('POST', '/api/v1/auth/passkey/options', { token: '' });
    expect(signIn.statusCode).toBe(200);
    for (const options of [signIn.json(), (await t.call('POST', '/api/v1/auth/passkey/options', { tenant: 'alder' })).json()]) {
      const res = await asBirch('POST', '/api/v1/auth/passkey', { token: '', body: { response: assertion(alderPasskey.key, options) } });
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json().code).toBe('core.passkey_verification_failed');
      expectNothingOf(a, res, '/api/v1/auth/passkey');
    }

    // Alder's sign-in token is nothing at birch's address.
    const challenge = (await t.call('POST', '/api/v1/auth/login', { tenant: 'alder', body: { email: alderPasskey.email, password: TENANT_PASSWORD } })).json();
    expect(challenge).toMatchObject({ mfaRequired: true, methods: ['passkey'] });
    const alderOptions = (await t.call('POST', '/api/v1/auth/mfa/passkey/options', { tenant: 'alder', body: { mfaToken: challenge.mfaToken } })).json();
    for (const [route, body] of [['/api/v1/auth/mfa/passkey/options', { mfaToken: challenge.mfaToken }], ['/api/v1/auth/mfa/passkey', { mfaToken: challenge.mfaToken, response: assertion(alderPasskey.key, alderOptions) }]] as const) {
      const res = await asBirch('POST', route, { token: '', body });
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json().code).toBe('core.invalid_mfa_token');
      expectNothingOf(a, res, route);
    }
    // Birch's owner has no passkey to step up with, and alder's does not count.
    const stepOptions = await asBirch('POST', '/api/v1/auth/step-up/passkey/options');
    expect(stepOptions.statusCode).toBe(401);
    expectNothingOf(a, stepOptions, '/api/v1/auth/step-up/passkey/options');
    const stepped = await asBirch('POST', '/api/v1/auth/step-up/passkey', { body: { response: assertion(alderPasskey.key, alderOptions) } });
    expect(stepped.statusCode, stepped.body).toBe(401);
    expectNothingOf(a, stepped, '/api/v1/auth/step-up/passkey');

    expect(await snapshot(alder)).toEqual(before.a);
    expect(await snapshot(birch)).toEqual(before.b);
    // Alder's own sign-in still works with the untouched options.
    const done = await t.call('POST', '/api/v1/auth/mfa/passkey', { tenant: 'alder', body: { mfaToken: challenge.mfaToken, response: assertion(alderPasskey.key, alderOptions) } });
    expect(done.statusCode, done.body).toBe(200);
  });

  it("refuses the other tenant's token on every data-plane route with 403 tenant_mismatch", async () => {
    const routes = dataRoutes();
    for (const key of routes) {
      const [method, route] = key.split(' ') as [string, string];
      const url = route.replace(/:[A-Za-z_]+/g, b.memberIds[0]!);
      const res = await t.call(method as never, url, { token: alder.token, tenant: 'birch', ...(['POST', 'PATCH', 'PUT'].includes(method) ? { body: {} } : {}) });
      expect(res.statusCode, `${key}: ${res.body}`).toBe(403);
      if (method !== 'HEAD') expect(res.json().code).toBe('tenant_mismatch');
    }
    expect((await t.call('GET', `/api/v1/members/${b.memberIds[0]}`, { token: birch.token, tenant: 'birch' })).statusCode).toBe(200);
  });

  it('exercised every data-plane route in the route table', () => {
    const table = new Set(dataRoutes());
    expect(table.size).toBeGreaterThan(10);
    expect([...table].filter((r) => !exercised.has(r)), 'data-plane routes no cross-tenant test aims at the other tenant').toEqual([]);
  });
});

describe('cross-tenant isolation in the database', () => {
  it('shows a query outside a tenant-bound transaction no tenant rows at all', async () => {
    await t.platform.main.session(async (s) => {
      const tables = (await s.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((r) => r.tablename);
      expect(tables).toEqual(expect.arrayContaining(['members', 'users', 'roles', 'user_roles', 'refresh_tokens']));
      await s.query('BEGIN');
      try {
        await s.query(`SET LOCAL ROLE ${APP_ROLE}`);
        for (const table of tables) {
          const [row] = await s.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
          expect(row!.n, table).toBe(0);
        }
        // The rows are there: with the tenant set in this transaction, its own rows appear.
        await s.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [alder.id]);
        const [members] = await s.query<{ n: number }>('SELECT count(*)::int AS n FROM members');
        expect(members!.n).toBe(a.memberIds.length);
        const [users] = await s.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
        expect(users!.n).toBe(a.userIds.length);
        // And the control schema stays closed to the application role.
        await expect(s.query('SELECT count(*) FROM control.tenants')).rejects.toThrow(/permission denied/);
      } finally {
        await s.query('ROLLBACK');
      }
    });
  });

  it('never lets interleaved requests of two tenants on a pool of one connection see each other', async () => {
    const small = await startPlatform({ config: { poolMax: 1 } });
    try {
      const [one, two] = [await small.createTenant('one'), await small.createTenant('two')];
      const own = new Map<string, string[]>();
      for (const tenant of [one, two]) {
        const ids: string[] = [];
        for (let i = 0; i < 3; i++) {
          const res = await small.call('POST', '/api/v1/members', { token: tenant.token, tenant: tenant.slug, body: memberOf(`${tenant.slug}${i}`, `Of-${tenant.slug}`, `${i}@${tenant.slug}.test`) });
          expect(res.statusCode).toBe(201);
          ids.push(res.json().id);
        }
        own.set(tenant.slug, ids);
      }

      const requests = Array.from({ length: 60 }, (_, i) => {
        const [tenant, other] = i % 2 === 0 ? [one, two] : [two, one];
        const kind = Math.floor(i / 2) % 6;
        if (kind < 4) return { tenant, kind: 'list' as const, res: small.call('GET', '/api/v1/members?limit=200', { token: tenant.token, tenant: tenant.slug }) };
        if (kind === 4) return { tenant, kind: 'foreign' as const, res: small.call('GET', `/api/v1/members/${own.get(other.slug)![0]}`, { token: tenant.token, tenant: tenant.slug }) };
        return { tenant, kind: 'create' as const, res: small.call('POST', '/api/v1/members', { token: tenant.token, tenant: tenant.slug, body: memberOf(`New${i}`, `Of-${tenant.slug}`, `new${i}@${tenant.slug}.test`) }) };
      });
      const created = new Map<string, string[]>([['one', []], ['two', []]]);
      for (const r of requests) {
        const res = await r.res;
        if (r.kind === 'foreign') {
          expect(res.statusCode).toBe(404);
          continue;
        }
        if (r.kind === 'create') {
          expect(res.statusCode, res.body).toBe(201);
          created.get(r.tenant.slug)!.push(res.json().id);
          continue;
        }
        expect(res.statusCode, res.body).toBe(200);
        const lastNames = new Set(res.json().data.map((m: { lastName: string }) => m.lastName));
        expect([...lastNames]).toEqual([`Of-${r.tenant.slug}`]);
        const ids = res.json().data.map((m: { id: string }) => m.id);
        expect(ids).toEqual(expect.arrayContaining(own.get(r.tenant.slug)!));
      }
      for (const tenant of [one, two]) {
        const list = (await small.call('GET', '/api/v1/members?limit=200', { token: tenant.token, tenant: tenant.slug })).json();
        expect(list.data.map((m: { id: string }) => m.id).sort()).toEqual([...own.get(tenant.slug)!, ...created.get(tenant.slug)!].sort());
      }
    } finally {
      await small.close();
    }
  });

  it('maps a reference to a missing row to 404 and a row still referenced to 409', async () => {
    const errors = await t.platform.main.session(async (s) => {
      const caught: unknown[] = [];
      await s.query('BEGIN');
      try {
        await s.query('CREATE TEMP TABLE cy_parent (id int PRIMARY KEY) ON COMMIT DROP');
        await s.query('CREATE TEMP TABLE cy_child (id int PRIMARY KEY, parent int REFERENCES cy_parent (id)) ON COMMIT DROP');
        await s.query('INSERT INTO cy_parent VALUES (1)');
        await s.query('INSERT INTO cy_child VALUES (1, 1)');
        await s.query('SAVEPOINT probe');
        await s.query('INSERT INTO cy_child VALUES (2, 2)').catch((e: unknown) => caught.push(e));
        await s.query('ROLLBACK TO SAVEPOINT probe');
        await s.query('DELETE FROM cy_parent WHERE id = 1').catch((e: unknown) => caught.push(e));
      } finally {
        await s.query('ROLLBACK');
      }
      return caught;
    });
    expect(errors).toHaveLength(2);
    const [missing, referenced] = errors.map(toAppError);
    expect(missing).toMatchObject({ code: 'not_found', status: 404 });
    expect(referenced).toMatchObject({ code: 'conflict', status: 409 });
  });

  it('makes the isolation check refuse a table without row-level security, with a key not led by tenant_id, or with a policy that lets other tenants’ rows through', async () => {
    const main = t.platform.main;
    expect(await checkIsolation(main)).toEqual([]);
    try {
      await main.session((s) =>
        s.exec(`
          CREATE TABLE public.cy_unprotected (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
          CREATE TABLE public.cy_badkey (tenant_id uuid NOT NULL, id uuid NOT NULL, code text NOT NULL, PRIMARY KEY (id, tenant_id), UNIQUE (code));
          ALTER TABLE public.cy_badkey ENABLE ROW LEVEL SECURITY;
          ALTER TABLE public.cy_badkey FORCE ROW LEVEL SECURITY;
          CREATE POLICY tenant_isolation ON public.cy_badkey USING (tenant_id = nullif(current_setting('${TENANT_SETTING}', true), '')::uuid);
          CREATE TABLE public.cy_open (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
          ALTER TABLE public.cy_open ENABLE ROW LEVEL SECURITY;
          ALTER TABLE public.cy_open FORCE ROW LEVEL SECURITY;
          CREATE POLICY tenant_isolation ON public.cy_open USING (tenant_id = nullif(current_setting('${TENANT_SETTING}', true), '')::uuid);
          CREATE POLICY everyone ON public.cy_open USING (true);
        `),
      );
      const problems = await checkIsolation(main);
      const about = (table: string) => problems.filter((p) => p.includes(`table ${table}`));
      expect(about('cy_unprotected')).toEqual([
        expect.stringMatching(/cy_unprotected does not enable row-level security$/),
        expect.stringMatching(/cy_unprotected does not force row-level security$/),
        expect.stringMatching(/cy_unprotected has no row-level security policy$/),
      ]);
      expect(about('cy_badkey')).toEqual(
        expect.arrayContaining([expect.stringMatching(/cy_badkey: primary key \S+ does not lead with tenant_id$/), expect.stringMatching(/cy_badkey: unique key \S+ does not lead with tenant_id$/)]),
      );
      expect(about('cy_badkey')).toHaveLength(2);
      // A second permissive policy that lets every row through undoes the first.
      expect(about('cy_open')).toEqual([expect.stringMatching(/cy_open: policy everyone does not confine rows to tenant_id = the current tenant$/)]);
      expect(problems).toHaveLength(6);
    } finally {
      await main.session((s) => s.exec('DROP TABLE IF EXISTS public.cy_unprotected; DROP TABLE IF EXISTS public.cy_badkey; DROP TABLE IF EXISTS public.cy_open;'));
    }
    expect(await checkIsolation(main)).toEqual([]);
  });
});
