import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, estate, ok, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';

/** A member's credit paying charges the moment they are posted, and postings arriving at once. */

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
});
afterAll(() => t?.close());

const api: Estate['api'] = (...args) => oak.api(...args);
const newMember = (): Promise<string> => oak.newMember({ firstName: 'Cato', lastName: `C-${randomUUID().slice(0, 8)}` });

const charge = (memberId: string, amount: number, o: Record<string, unknown> = {}) =>
  ok(api('POST', '/finance/charges', { memberId, kind: 'levy', description: 'Levy', amount, currency: 'EUR', dueDate: day(-30), ...o }));

const pay = (memberId: string, amount: number, o: Record<string, unknown> = {}) =>
  ok(api('POST', '/finance/payments', { memberId, method: 'bank_transfer', amount, currency: 'EUR', receivedOn: day(-5), ...o }));

const balanceOf = async (memberId: string, currency = 'EUR', asOf = day(0)) =>
  ((await ok(api('GET', `/finance/members/${memberId}/balance?asOf=${asOf}`), 200)).balances as { currency: string; receivable: number; credit: number; balance: number }[]).find((b) => b.currency === currency);

const events = async (type: string) => (await oak.outbox(type)).map((e) => e.data as Record<string, unknown>);

type Line = { accountCode: string; amount: number; memberId: string | null; chargeId: string | null };

describe('credit applied when charges are posted', () => {
  it('pays a new charge from the member’s credit at once, with the entry and events of a payment’s allocation', async () => {
    const member = await newMember();
    await pay(member, 5_000);

    const paid = await charge(member, 3_000);
    expect(paid).toMatchObject({ status: 'paid', allocated: 3_000, outstanding: 0, allocations: [expect.objectContaining({ chargeId: paid.id, amount: 3_000, paymentId: null, releasedEntryId: null })] });
    expect(await ok(api('GET', `/finance/charges/${paid.id}`), 200)).toEqual(paid);
    // Dated when the money was there (the payment, five days ago), not when the charge was due.
    const entry = await ok(api('GET', `/finance/journal/${paid.allocations[0].entryId}`), 200);
    expect(entry).toMatchObject({ kind: 'allocation', date: day(-5), description: 'Allocation to 1 charge' });
    expect(entry.lines.map((l: Line) => [l.accountCode, l.amount, l.memberId, l.chargeId])).toEqual([
      ['2300', 3_000, member, null],
      ['1100', -3_000, member, paid.id],
    ]);
    expect(await balanceOf(member)).toEqual({ currency: 'EUR', receivable: 0, credit: 2_000, balance: -2_000 });
    expect((await events('charge.posted')).map((e) => e.id)).toContain(paid.id);
    expect((await events('charge.paid')).find((e) => e.id === paid.id)).toMatchObject({ status: 'paid', allocated: 3_000 });
    expect((await events('payment.allocated')).find((e) => e.memberId === member)).toMatchObject({ paymentId: null, currency: 'EUR', total: 3_000, allocations: [expect.objectContaining({ chargeId: paid.id, amount: 3_000 })] });

    // What is left pays part of the next; the one after owes all of it.
    expect(await charge(member, 4_000)).toMatchObject({ status: 'partially_paid', allocated: 2_000, outstanding: 2_000 });
    expect(await charge(member, 1_000)).toMatchObject({ status: 'open', allocated: 0, allocations: [] });
    expect(await balanceOf(member)).toEqual({ currency: 'EUR', receivable: 3_000, credit: 0, balance: 3_000 });
  });

  it('settles the oldest open charge first, in the charge’s currency only, and never before the charge is in the books', async () => {
    const member = await newMember();
    const oldest = await charge(member, 1_000, { dueDate: day(-90) });
    const named = await charge(member, 1_000, { dueDate: day(-60) });
    // A payment naming a charge keeps what is left as credit, beside the older open charge.
    await pay(member, 2_500, { allocations: [{ chargeId: named.id }] });
    expect(await balanceOf(member)).toMatchObject({ receivable: 1_000, credit: 1_500 });

    const posted = await charge(member, 1_000, { dueDate: day(-10) });
    expect(await ok(api('GET', `/finance/charges/${oldest.id}`), 200)).toMatchObject({ status: 'paid', allocated: 1_000 });
    expect(posted).toMatchObject({ status: 'partially_paid', allocated: 500 });
    expect(posted.allocations[0].entryId).toBe((await ok(api('GET', `/finance/charges/${oldest.id}`), 200)).allocations[0].entryId);
    expect((await ok(api('GET', `/finance/journal/${posted.allocations[0].entryId}`), 200)).description).toBe('Allocation to 2 charges');

    // Credit in dollars pays no euro charge, and pays the dollar one.
    await pay(member, 700, { currency: 'USD' });
    expect(await charge(member, 100)).toMatchObject({ status: 'open' });
    expect(await charge(member, 500, { currency: 'USD' })).toMatchObject({ status: 'paid' });
    expect(await balanceOf(member, 'USD')).toMatchObject({ receivable: 0, credit: 200 });

    // A charge for a coming period is paid on the day it enters the books, not before.
    const coming = await charge(member, 150, { currency: 'USD', periodStart: day(20), periodEnd: day(49), dueDate: day(25) });
    expect(coming).toMatchObject({ status: 'paid', allocated: 150 });
    expect((await ok(api('GET', `/finance/journal/${coming.allocations[0].entryId}`), 200)).date).toBe(day(20));
    expect(await balanceOf(member, 'USD')).toMatchObject({ receivable: 0, credit: 200 });
    expect(await balanceOf(member, 'USD', day(20))).toMatchObject({ receivable: 0, credit: 50 });
  });

  it('never spends credit twice when charges and payments of one member are posted at once', async () => {
    const member = await newMember();
    await pay(member, 5_000);
    const posts = Array.from({ length: 8 }, (_, i) => api('POST', '/finance/charges', { memberId: member, kind: 'levy', description: `Levy ${i}`, amount: 800, currency: 'EUR', dueDate: day(-40 + i) }));
    const payments = Array.from({ length: 4 }, (_, i) => api('POST', '/finance/payments', { memberId: member, method: 'cash', amount: 100 + i, currency: 'EUR', receivedOn: day(-1) }));
    const results = await Promise.all([...posts, ...payments]);
    for (const res of results) expect(res.statusCode, res.body).toBe(201);

    const received = 5_000 + 4 * 100 + 6;
    const owed = 8 * 800;
    // Whatever the order they ran in, the credit went to charges until either ran out.
    expect(await balanceOf(member)).toEqual({ currency: 'EUR', receivable: owed - received, credit: 0, balance: owed - received });
    const charges = (await ok(api('GET', `/finance/charges?memberId=${member}&limit=50`), 200)).data as { id: string; amount: number; allocated: number }[];
    let allocated = 0;
    for (const c of charges) {
      const detail = await ok(api('GET', `/finance/charges/${c.id}`), 200);
      expect(detail.allocated).toBeLessThanOrEqual(c.amount);
      expect(detail.allocations.reduce((sum: number, a: { amount: number }) => sum + a.amount, 0)).toBe(detail.allocated);
      allocated += detail.allocated;
    }
    expect(allocated).toBe(received);
  });
});
