import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, ok as expectStatus, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { billingJobs } from './billing.routes.js';

let t: TestPlatform;

beforeAll(async () => {
  t = await startPlatform();
});
afterAll(() => t?.close());

/** Every test has a tenant of its own: the job looks at every overdue charge of the tenant. */
const newTenant = () => estate(t, { slug: `lf-${randomUUID().slice(0, 8)}` });

type Method = 'GET' | 'POST' | 'PUT';
const api = (tenant: Estate, method: Method, url: string, body?: unknown) => tenant.api(method, url, body);
const ok = (res: Promise<LightMyRequestResponse>, status = 200) => expectStatus(res, status);

async function member(tenant: Estate) {
  return (await ok(api(tenant, 'POST', '/members', { firstName: 'Lee', lastName: `L-${randomUUID().slice(0, 8)}`, type: 'owner' }), 201)).id as string;
}

async function charge(tenant: Estate, memberId: string, amount: number, dueDate: string, description = `Levy ${dueDate}`) {
  return ok(api(tenant, 'POST', '/finance/charges', { memberId, kind: 'levy', description, amount, currency: 'EUR', dueDate }), 201);
}

async function pay(tenant: Estate, memberId: string, chargeId: string, amount: number) {
  await ok(api(tenant, 'POST', '/finance/payments', { memberId, method: 'bank_transfer', amount, currency: 'EUR', receivedOn: '2025-03-01', allocations: [{ chargeId }] }), 201);
}

const setRule = (tenant: Estate, rule: Record<string, unknown>) => ok(api(tenant, 'PUT', '/finance/late-fee-rule', rule));

/** The daily job for the tenant, on the day `date` (as the scheduler would run it, 01:30 UTC). */
async function lateFees(tenant: Estate, date: string) {
  const job = billingJobs({}).find((j) => j.name === 'finance.late-fees')!;
  await job.handler({ id: randomUUID(), name: job.name, data: { tenantId: tenant.id }, retryCount: 0 }, { ...t.platform.jobs.context(), now: () => new Date(`${date}T01:30:00Z`) });
}

type ChargeJson = { id: string; memberId: string; unitId: string | null; leaseId: string | null; kind: string; amount: number; description: string; dueDate: string; naturalKey: string | null };
async function fees(tenant: Estate, memberId?: string): Promise<ChargeJson[]> {
  const res = await ok(api(tenant, 'GET', `/finance/charges?kind=fee&limit=200${memberId ? `&memberId=${memberId}` : ''}`));
  return res.data;
}

describe('the late-fee rule', () => {
  it('is off until set, and is replaced whole by PUT', async () => {
    const tenant = await newTenant();
    expect(await ok(api(tenant, 'GET', '/finance/late-fee-rule'))).toEqual({ enabled: false, graceDays: 0, kind: 'flat', amount: null, percentBasisPoints: null, cap: null, repeat: 'once', updatedAt: null });
    const rule = await setRule(tenant, { enabled: true, graceDays: 7, kind: 'percent', percentBasisPoints: 250, cap: 5_000, repeat: 'monthly' });
    expect(rule).toMatchObject({ enabled: true, graceDays: 7, kind: 'percent', amount: null, percentBasisPoints: 250, cap: 5_000, repeat: 'monthly' });
    expect(await ok(api(tenant, 'GET', '/finance/late-fee-rule'))).toEqual(rule);
    const flat = await setRule(tenant, { enabled: true, graceDays: 0, kind: 'flat', amount: 1_500, repeat: 'once' });
    expect(flat).toMatchObject({ kind: 'flat', amount: 1_500, percentBasisPoints: null, cap: null });
  });

  it('refuses a rule whose fee does not fit its kind, naming the fields', async () => {
    const tenant = await newTenant();
    const flat = await api(tenant, 'PUT', '/finance/late-fee-rule', { enabled: true, graceDays: 3, kind: 'flat', percentBasisPoints: 100, repeat: 'once' });
    expect(flat.statusCode, flat.body).toBe(400);
    expect(flat.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount', 'percentBasisPoints']);
    const shape = await api(tenant, 'PUT', '/finance/late-fee-rule', { enabled: true, graceDays: -1, kind: 'percent', percentBasisPoints: 10_001, repeat: 'weekly' });
    expect(shape.statusCode).toBe(400);
    expect((await ok(api(tenant, 'GET', '/finance/late-fee-rule'))).enabled).toBe(false);
  });
});

describe('late fees', () => {
  it('charges a percentage of what is owed once per charge, after the grace days, capped, and never on a fee', async () => {
    const tenant = await newTenant();
    await setRule(tenant, { enabled: true, graceDays: 5, kind: 'percent', percentBasisPoints: 150, cap: 200, repeat: 'once' });
    const m = await member(tenant);
    const plain = await charge(tenant, m, 10_000, '2025-03-10', 'Levy March');
    const large = await charge(tenant, m, 50_000, '2025-03-10');
    const paid = await charge(tenant, m, 10_000, '2025-03-10');
    await pay(tenant, m, paid.id, 10_000);
    const part = await charge(tenant, m, 10_000, '2025-03-10');
    await pay(tenant, m, part.id, 4_000);
    const later = await charge(tenant, m, 10_000, '2025-03-20');

    await lateFees(tenant, '2025-03-15');
    expect(await fees(tenant)).toEqual([]);

    await lateFees(tenant, '2025-03-16');
    await lateFees(tenant, '2025-03-16');
    const first = await fees(tenant, m);
    const feeOn = (c: { id: string }, list: ChargeJson[]) => list.filter((f) => f.naturalKey === `late-fee:${c.id}:once`).map((f) => f.amount);
    expect(feeOn(plain, first)).toEqual([150]);
    expect(feeOn(large, first)).toEqual([200]); // 750, capped
    expect(feeOn(part, first)).toEqual([90]); // 1.5 % of the 6,000 still owed
    expect(feeOn(paid, first)).toEqual([]);
    expect(feeOn(later, first)).toEqual([]);
    expect(first).toHaveLength(3);
    expect(first.find((f) => f.naturalKey === `late-fee:${plain.id}:once`)).toMatchObject({ memberId: m, kind: 'fee', description: 'Late fee on Levy March', dueDate: '2025-03-16', unitId: null, leaseId: null });

    // A month on: once means once, and the fees themselves are never charged a fee.
    await lateFees(tenant, '2025-04-20');
    const after = await fees(tenant, m);
    expect(after).toHaveLength(4);
    expect(feeOn(later, after)).toEqual([150]);
  });

  it('charges a monthly fee once in each month of lateness, however often and however concurrently the job runs', async () => {
    const tenant = await newTenant();
    await setRule(tenant, { enabled: true, graceDays: 0, kind: 'flat', amount: 500, repeat: 'monthly' });
    const m = await member(tenant);
    const overdue = await charge(tenant, m, 20_000, '2025-01-31');
    const keys = async () => (await fees(tenant, m)).map((f) => f.naturalKey).sort();

    await lateFees(tenant, '2025-01-31');
    expect(await keys()).toEqual([]);
    await lateFees(tenant, '2025-02-01');
    await lateFees(tenant, '2025-02-01');
    await lateFees(tenant, '2025-02-28');
    expect(await keys()).toEqual([`late-fee:${overdue.id}:2025-02`]);
    await Promise.all([lateFees(tenant, '2025-03-01'), lateFees(tenant, '2025-03-01')]);
    await lateFees(tenant, '2025-03-31');
    expect(await keys()).toEqual([`late-fee:${overdue.id}:2025-02`, `late-fee:${overdue.id}:2025-03`]);
    expect((await fees(tenant, m)).every((f) => f.amount === 500)).toBe(true);
  });

  it('charges nothing while the rule is disabled', async () => {
    const tenant = await newTenant();
    const m = await member(tenant);
    await charge(tenant, m, 10_000, '2025-01-01');
    await lateFees(tenant, '2025-06-01');
    await setRule(tenant, { enabled: false, graceDays: 0, kind: 'flat', amount: 500, repeat: 'once' });
    await lateFees(tenant, '2025-06-01');
    expect(await fees(tenant)).toEqual([]);
  });
});
