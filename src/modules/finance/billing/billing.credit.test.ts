import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, events, levyEstate, ok, runJob, start, startBilling } from '../../../../test/billing-helpers.js';
import { day } from '../../../../test/fixture.js';
import type { TestPlatform } from '../../../../test/helpers.js';

/** A billing run's charges paid at once from the credit their members hold, batch by batch. */

let t: TestPlatform;

beforeAll(async () => {
  ({ t } = await startBilling());
});
afterAll(() => t?.close());

const pay = (memberId: string, amount: number, o: Record<string, unknown> = {}) =>
  ok(api('POST', '/finance/payments', { memberId, method: 'bank_transfer', amount, currency: 'EUR', receivedOn: day(-5), ...o }), 201);

const chargesOfMember = async (memberId: string) =>
  (await ok(api('GET', `/finance/charges?memberId=${memberId}`))).data as { id: string; amount: number; allocated: number; status: string; dueDate: string }[];

const balanceOf = async (memberId: string, currency = 'EUR') =>
  ((await ok(api('GET', `/finance/members/${memberId}/balance`))).balances as { currency: string; receivable: number; credit: number }[]).find((b) => b.currency === currency);

describe('billing runs and credit', () => {
  it('pays each new charge from its member’s credit, oldest open charge first, in the batch that posts it', async () => {
    const { units, schedule } = await levyEstate(['0.25', '0.25', '0.25', '0.25']);
    const [rich, partly, dollars, none] = units.map((u) => u.memberId);
    await pay(rich!, 4_000);
    // Credit beside an older open charge: a payment naming a charge keeps the rest as credit.
    const older = await ok(api('POST', '/finance/charges', { memberId: partly, kind: 'service', description: 'Key', amount: 300, currency: 'EUR', dueDate: '2025-01-10' }), 201);
    await pay(partly!, 1_000, { allocations: [{ chargeId: older.id, amount: 100 }] });
    await pay(dollars!, 500, { currency: 'USD' });

    const run = (await start('2025-05', [schedule.id])).json();
    await runJob(run.id, { batchSize: 2 });
    expect(await ok(api('GET', `/finance/billing-runs/${run.id}`))).toMatchObject({ status: 'completed', counts: { planned: 4, created: 4, failed: 0 } });

    const levyOf = async (memberId: string) => (await chargesOfMember(memberId)).find((c) => c.dueDate === '2025-05-05')!;
    expect(await levyOf(rich!)).toMatchObject({ amount: 2_500, allocated: 2_500, status: 'paid' });
    expect(await balanceOf(rich!)).toMatchObject({ receivable: 0, credit: 1_500 });
    // The older charge first (what it still owed), then the levy with the rest.
    expect(await ok(api('GET', `/finance/charges/${older.id}`))).toMatchObject({ allocated: 300, status: 'paid' });
    expect(await levyOf(partly!)).toMatchObject({ allocated: 700, status: 'partially_paid' });
    expect(await balanceOf(partly!)).toMatchObject({ receivable: 1_800, credit: 0 });
    expect(await levyOf(dollars!)).toMatchObject({ allocated: 0, status: 'open' });
    expect(await balanceOf(dollars!, 'USD')).toMatchObject({ credit: 500 });
    expect(await levyOf(none!)).toMatchObject({ allocated: 0, status: 'open' });

    const allocated = (await events('payment.allocated')).map((e) => e.data).filter((d) => d.paymentId === null);
    expect(allocated.map((d) => [d.memberId, d.total]).sort()).toEqual([[rich, 2_500], [partly, 900]].sort());
    expect((await events('charge.paid')).map((e) => e.data.id)).toEqual(expect.arrayContaining([older.id, (await levyOf(rich!)).id]));

    // The job again (at least once): the charges exist, and no credit is spent twice.
    await runJob(run.id, { batchSize: 2 });
    expect(await balanceOf(rich!)).toMatchObject({ receivable: 0, credit: 1_500 });
    expect(await balanceOf(partly!)).toMatchObject({ receivable: 1_800, credit: 0 });
  });
});
