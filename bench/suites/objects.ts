/**
 * The objects suite (issue 18): one tenant's custom object of 100,000 records and 20 fields,
 * read through `GET /api/v1/objects/{key}/records` with a filter and a sort (first page), and
 * searched with `q`; and the create throughput of a record against a member's, both on that
 * tenant, in the same run. A task times `q` one request at a time, per term.
 */
import { sql } from 'kysely';
import type { Platform } from '../../src/platform.js';
import { indexed, kindOf, type FieldDef } from '../../src/modules/objects/fields.js';
import { newId } from '../../src/kernel/ids.js';
import type { BenchRequest, Scenario, Suite, TaskEnv, TaskOutcome } from '../lib/types.js';
import { chunks, pick, seconds, summarise } from '../lib/util.js';
import { createOne, seedMembers, type MembersFixture } from './members.js';

const KEY = 'bench_case';
const RECORDS = 100_000;
const STATUSES = ['open', 'pending', 'closed'] as const;
const CITIES = ['Lisbon', 'Madrid', 'Leeds', 'Porto', 'Seville', 'Bristol', 'Valencia', 'Glasgow'];
const WORDS = ['boiler', 'window', 'parking', 'elevator', 'garden', 'roof', 'intercom', 'heating', 'doorbell', 'drainage', 'lighting', 'balcony'];
/** What `q` looks for: words of the titles (each in about 1 record in 12) and one in none. */
const TERMS = ['boiler', 'parking', 'intercom', 'drainage', 'nothing-like-it'];

export interface ObjectsFixture extends MembersFixture {
  /** The tenant holding the object (the first one), and its members' create target. */
  tenant: MembersFixture['tenants'][number];
  /** The field the list sorts on: `days_left`, a formula (`days_between(today(), due_on)`). */
  sortField: string;
}

const FIELDS = [
  { key: 'title', label: 'Title', type: 'text' },
  { key: 'status', label: 'Status', type: 'select', config: { options: STATUSES.map((s) => ({ key: s, label: s })) } },
  { key: 'priority', label: 'Priority', type: 'number' },
  { key: 'cost', label: 'Cost', type: 'currency', config: { currency: 'EUR' } },
  { key: 'due_on', label: 'Due on', type: 'date' },
  { key: 'opened_at', label: 'Opened at', type: 'datetime' },
  { key: 'urgent', label: 'Urgent', type: 'boolean' },
  { key: 'contact', label: 'Contact', type: 'email' },
  { key: 'phone', label: 'Phone', type: 'phone' },
  { key: 'link', label: 'Link', type: 'url' },
  { key: 'notes', label: 'Notes', type: 'long_text' },
  { key: 'tags', label: 'Tags', type: 'multi_select', config: { options: [{ key: 'ev', label: 'EV' }, { key: 'noise', label: 'Noise' }, { key: 'safety', label: 'Safety' }] } },
  { key: 'holder', label: 'Holder', type: 'relation', config: { target: 'member' } },
  { key: 'score', label: 'Score', type: 'number', config: { decimals: 2 } },
  { key: 'category', label: 'Category', type: 'select', config: { options: CITIES.map((c) => ({ key: c.toLowerCase(), label: c })) } },
  { key: 'reference', label: 'Reference', type: 'text' },
  { key: 'city', label: 'City', type: 'text' },
  { key: 'renewed_on', label: 'Renewed on', type: 'date' },
  { key: 'supplier', label: 'Supplier', type: 'text' },
  { key: 'days_left', label: 'Days left', type: 'formula', config: { expression: 'days_between(today(), due_on)' } },
];

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** Record `i`'s values by field key, as the API takes them (and as `data` holds them by id). */
function values(i: number, members: readonly string[]): Record<string, unknown> {
  const word = WORDS[i % WORDS.length]!;
  return {
    title: `${word[0]!.toUpperCase()}${word.slice(1)} repair ${i}`,
    status: STATUSES[i % 3],
    priority: i % 5,
    cost: { amountMinor: (i * 37) % 100_000, currency: 'EUR' },
    due_on: day((i * 7919) % 1460),
    opened_at: new Date(Date.UTC(2025, 0, 1) + ((i * 104_729) % 31_536_000) * 1000).toISOString(),
    urgent: i % 7 === 0,
    contact: `case${i}@bench.example`,
    phone: `+34 600 ${String(100_000 + (i % 900_000)).slice(-6)}`,
    link: `https://tickets.example/${i}`,
    notes: i % 3 === 0 ? 'Reported by the concierge; the supplier has a key.' : null,
    tags: i % 4 === 0 ? ['safety'] : [],
    holder: members[i % members.length] ?? null,
    score: Math.round(((i * 131) % 10_000) / 100 * 100) / 100,
    category: CITIES[i % CITIES.length]!.toLowerCase(),
    reference: `REF-${String(i).padStart(6, '0')}`,
    city: CITIES[(i * 3) % CITIES.length],
    renewed_on: i % 2 === 0 ? day(i % 700) : null,
    supplier: `Supplier ${i % 250}`,
  };
}

async function inject(p: Platform, tenant: ObjectsFixture['tenant'], method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await p.app.inject({ method, url, headers: { authorization: tenant.authorization, 'x-tenant-id': tenant.id }, ...(payload ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

/**
 * The definition through the API; the records in bulk inside tenant transactions (row-level
 * security checks every row), `data` and the value rows built with the module's own `indexed`,
 * as the repository writes them, with the formula's value computed as the module would (checked
 * against a record the module computes).
 */
async function seedObject(p: Platform, fixture: MembersFixture, log: (line: string) => void): Promise<Pick<ObjectsFixture, 'tenant' | 'sortField'>> {
  const tenant = fixture.tenants[0]!;
  const made = await inject(p, tenant, 'POST', '/api/v1/objects/definitions', { key: KEY, singular: 'Case', plural: 'Cases', fields: FIELDS });
  if (made.status !== 201) throw new Error(`defining the object answered ${made.status} ${JSON.stringify(made.body)}`);
  const fields = (made.body.fields as FieldDef[]).map((f) => ({ ...f, config: f.config ?? {}, rules: f.rules ?? {} }));
  const objectId = made.body.id as string;
  // The same object, empty, in every other tenant: the creates of (d) spread over them as (e)'s members do.
  for (const other of fixture.tenants.slice(1)) {
    const again = await inject(p, other, 'POST', '/api/v1/objects/definitions', { key: KEY, singular: 'Case', plural: 'Cases', fields: FIELDS });
    if (again.status !== 201) throw new Error(`defining the object answered ${again.status} ${JSON.stringify(again.body)}`);
  }
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const scalar = fields.filter((f) => kindOf(f));
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  const t0 = process.hrtime.bigint();
  for (const batch of chunks(Array.from({ length: RECORDS }, (_, i) => i), 2_000)) {
    const records = batch.map((i) => {
      const own = values(i, tenant.members);
      // The formula's value, as the module computes it on a write (the bench tenant's zone is UTC).
      const byKeyValues = { ...own, days_left: Math.round((Date.parse(own.due_on as string) - today) / 86_400_000) };
      const data = Object.fromEntries(Object.entries(byKeyValues).filter(([k]) => byKey.has(k)).map(([k, v]) => [byKey.get(k)!.id, v]));
      return { id: newId(), data };
    });
    const rows = records.flatMap((r) => scalar.map((f) => ({ record: r.id, field: f.id, ...indexed(f, r.data[f.id] ?? null)! })));
    await p.router.tenantTransaction({ id: tenant.id, placement: 'pooled', databaseName: null }, async (db) => {
      await sql`INSERT INTO object_records (tenant_id, object_id, id, data)
                SELECT ${tenant.id}::uuid, ${objectId}::uuid, r.id, r.data FROM unnest(${records.map((r) => r.id)}::uuid[], ${records.map((r) => JSON.stringify(r.data))}::jsonb[]) AS r(id, data)`.execute(db);
      await sql`INSERT INTO object_values (tenant_id, object_id, field_id, record_id, kind, num, txt, ts)
                SELECT ${tenant.id}::uuid, ${objectId}::uuid, v.field_id, v.record_id, v.kind, v.num, v.txt, v.ts
                  FROM unnest(${rows.map((r) => r.field)}::uuid[], ${rows.map((r) => r.record)}::uuid[], ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.num)}::numeric[],
                              ${rows.map((r) => r.txt)}::text[], ${rows.map((r) => r.ts)}::timestamptz[]) AS v(field_id, record_id, kind, num, txt, ts)`.execute(db);
    });
  }
  fixture.seeding.objectRecordsSeconds = seconds(t0);
  log(`  seeded ${RECORDS} records of ${fields.length} fields (${scalar.length} in the value index) in ${fixture.seeding.objectRecordsSeconds!.toFixed(1)} s`);
  // The seeded formula values must be the module's: a record written through the API computes its own.
  const probe = await inject(p, tenant, 'POST', `/api/v1/objects/${KEY}/records`, values(RECORDS, tenant.members));
  const expected = Math.round((Date.parse(values(RECORDS, tenant.members).due_on as string) - today) / 86_400_000);
  if (probe.status !== 201 || probe.body.days_left !== expected) throw new Error(`days_left is not what the module computes: ${probe.status} ${JSON.stringify(probe.body.days_left)}, expected ${expected}`);
  return { tenant, sortField: 'days_left' };
}

// ---------------------------------------------------------------------------------------------
// Requests

const headers = (f: ObjectsFixture) => ({ authorization: f.tenant.authorization, 'x-tenant-id': f.tenant.id });

/** A first page: one status, sorted on the sort field either way. */
const filterSort = (f: ObjectsFixture): BenchRequest => ({
  method: 'GET',
  path: `/api/v1/objects/${KEY}/records?filter[status]=${pick(STATUSES)}&sort=${Math.random() < 0.5 ? '' : '-'}${f.sortField}&limit=50`,
  headers: headers(f),
});

const search = (f: ObjectsFixture): BenchRequest => ({ method: 'GET', path: `/api/v1/objects/${KEY}/records?q=${encodeURIComponent(pick(TERMS))}&limit=50`, headers: headers(f) });

let created = 0;
/** Over the suite's tenants, as (e): at this rate one tenant would reach its plan's member limit within the run. */
const createRecord = (f: ObjectsFixture): BenchRequest => {
  const t = pick(f.tenants);
  const v = values(RECORDS + created++, t.members);
  return { method: 'POST', path: `/api/v1/objects/${KEY}/records`, headers: { authorization: t.authorization, 'x-tenant-id': t.id, 'content-type': 'application/json' }, body: JSON.stringify(v) };
};

const createMember = (f: ObjectsFixture): BenchRequest => createOne(f);

async function send(baseUrl: string, r: BenchRequest) {
  const res = await fetch(baseUrl + r.path, { method: r.method, headers: r.headers, ...(r.body ? { body: r.body } : {}) });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

async function expectPage(baseUrl: string, r: BenchRequest, min: number) {
  const res = await send(baseUrl, r);
  const data = res.body?.data;
  if (res.status !== 200 || !Array.isArray(data) || data.length < min) throw new Error(`${r.path} answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return data as Record<string, unknown>[];
}

async function checkFilterSort(f: ObjectsFixture, baseUrl: string) {
  const data = await expectPage(baseUrl, { method: 'GET', path: `/api/v1/objects/${KEY}/records?filter[status]=open&sort=${f.sortField}&limit=50`, headers: headers(f) }, 50);
  // Dates compare as ISO text, the formula's days as numbers.
  const keys = data.map((r) => r[f.sortField] as string | number);
  if (data.some((r) => r.status !== 'open') || keys.some((k, i) => i > 0 && k < keys[i - 1]!)) throw new Error('the page is not filtered and sorted');
}

async function checkSearch(f: ObjectsFixture, baseUrl: string) {
  const data = await expectPage(baseUrl, { method: 'GET', path: `/api/v1/objects/${KEY}/records?q=BOILER&limit=50`, headers: headers(f) }, 50);
  if (data.some((r) => !String(r.title).toLowerCase().includes('boiler'))) throw new Error('q found a record without the term');
}

async function checkCreate(f: ObjectsFixture, baseUrl: string) {
  const res = await send(baseUrl, createRecord(f));
  if (res.status !== 201 || typeof res.body?.id !== 'string') throw new Error(`create answered ${res.status} ${JSON.stringify(res.body)}`);
}

async function checkCreateMember(f: ObjectsFixture, baseUrl: string) {
  const res = await send(baseUrl, createMember(f));
  if (res.status !== 201) throw new Error(`member create answered ${res.status} ${JSON.stringify(res.body)}`);
}

// ---------------------------------------------------------------------------------------------
// `q`, one request at a time

async function timeSearches(f: ObjectsFixture, baseUrl: string, rounds: number, sort: string): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const term of TERMS) {
      const t0 = process.hrtime.bigint();
      const res = await send(baseUrl, { method: 'GET', path: `/api/v1/objects/${KEY}/records?q=${encodeURIComponent(term)}&limit=50${sort}`, headers: headers(f) });
      if (res.status !== 200) throw new Error(`q=${term} answered ${res.status}`);
      ms.push(seconds(t0) * 1000);
    }
  }
  return ms;
}

/** Each term alone on an idle server: a common word stops the walk early, a term found nowhere walks every record. */
async function searchAlone(f: ObjectsFixture, env: TaskEnv): Promise<TaskOutcome> {
  await timeSearches(f, env.baseUrl, 1, '');
  const summary: Record<string, unknown> = { terms: TERMS };
  const lines: string[] = [];
  for (const [name, sort] of [['creation order', ''], ['sorted on due_on', '&sort=due_on']] as const) {
    const all = await timeSearches(f, env.baseUrl, 4, sort);
    const byTerm = Object.fromEntries(TERMS.map((term, i) => [term, summarise(all.filter((_, k) => k % TERMS.length === i)).p50]));
    summary[name] = { ms: summarise(all), p50ByTerm: byTerm };
    lines.push(`q over ${RECORDS} records, ${name}: p50 ${summarise(all).p50} ms, max ${summarise(all).max} ms; p50 by term ${JSON.stringify(byTerm)}`);
  }
  for (const line of lines) env.log(`    ${line}`);
  return { valid: true, summary, lines, problems: [] };
}

// ---------------------------------------------------------------------------------------------

const scenarios: Scenario<ObjectsFixture>[] = [
  { id: 'a', key: 'objects.list.filter-sort', title: `GET records, filter + sort, first page of 50 (100k records), paced`, server: { kind: 'platform' }, request: filterSort, check: checkFilterSort, rate: (p) => p.rate },
  { id: 'b', key: 'objects.list.search', title: 'GET records?q=term, first page of 50 (100k records), paced', server: { kind: 'platform' }, request: search, check: checkSearch, rate: (p) => Math.max(1, Math.round(p.rate / 4)) },
  { id: 'c', key: 'objects.list.filter-sort.loaded', title: 'GET records, filter + sort, closed loop', server: { kind: 'platform' }, request: filterSort, check: checkFilterSort },
  // Last: they add records and members.
  { id: 'd', key: 'objects.create.pipeline', title: 'POST /api/v1/objects/{key}/records (20 fields, over the 10 tenants)', server: { kind: 'platform' }, request: createRecord, check: checkCreate },
  { id: 'e', key: 'members.create.pipeline', title: 'POST /api/v1/members (over the 10 tenants)', server: { kind: 'platform' }, request: createMember, check: checkCreateMember },
];

export const objectsSuite: Suite<ObjectsFixture> = {
  name: 'objects',
  description: 'A custom object of 100,000 records and 20 fields: filter + sort and search latency, create throughput against members',
  async seed(env) {
    let extra: Pick<ObjectsFixture, 'tenant' | 'sortField'> | undefined;
    const members = await seedMembers(env, { extend: async (p, fixture) => void (extra = await seedObject(p, fixture, env.log)) });
    return { ...members, ...extra! };
  },
  describeFixture: (f) => ({
    tenants: f.tenants.length,
    membersPerTenant: f.tenant.members.length,
    records: RECORDS,
    fields: FIELDS.length,
    sortField: f.sortField,
    seedingSeconds: Object.fromEntries(Object.entries(f.seeding).map(([k, v]) => [k.replace(/Seconds$/, ''), Math.round(v * 100) / 100])),
  }),
  scenarios,
  tasks: [{ id: 'f', key: 'objects.search.alone', title: 'q one request at a time, per term', server: { kind: 'platform' }, run: searchAlone }],
  ratios: [{ name: '(d)/(e)', numerator: 'd', denominator: 'e', target: 0.7 }],
  report: (results) => {
    const a = results.find((r) => r.id === 'a');
    return a ? [`(a) p99 ${a.latencyMs.p99} ms (goal <= 50 ms), p95 ${a.latencyMs.p95} ms, p50 ${a.latencyMs.p50} ms`] : [];
  },
  defaults: { tenants: 10, serviceTenants: 1, membersPerTenant: 100, rate: 20 },
};
