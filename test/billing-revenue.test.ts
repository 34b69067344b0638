import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';

const DAY = 86_400_000;
let clock = Math.floor(Date.now() / DAY) * DAY + 3_600_000;
let t: TestPlatform;
let admin: string;
const control = (method: 'GET' | 'POST', url: string) => t.call(method, `/control/v1${url}`, { token: admin });

beforeAll(async () => {
  t = await startPlatform({ platform: { clock: () => new Date(clock) } });
  admin = await t.platformToken();
});
afterAll(() => t?.close());

// The report's SQL names its columns in snake_case; the rows reach the repository camelCased.
describe('the revenue report', () => {
  it('answers MRR by plan, then what the period-end run invoiced, by month of issue', async () => {
    await t.createTenant('revenue-oak');
    const before = await ok(control('GET', '/billing/revenue?months=12'), 200);
    expect(before.mrr).toEqual([expect.objectContaining({ planKey: 'standard', subscriptions: 1 })]);
    expect(before.mrr[0].mrrMinor).toBeGreaterThan(0);
    expect(before.invoiced).toEqual([]);

    const sub = await ok(control('GET', '/tenants/revenue-oak/subscription'), 200);
    clock = new Date(sub.periodEnd).getTime() + 3_600_000;
    expect(await ok(control('POST', '/billing/run'), 200)).toMatchObject({ issued: 1 });
    const after = await ok(control('GET', '/billing/revenue?months=12'), 200);
    expect(after.invoiced).toEqual([expect.objectContaining({ planKey: 'standard', currency: 'EUR' })]);
    expect(after.invoiced[0].amountMinor).toBeGreaterThan(0);
  });
});
