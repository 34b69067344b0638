import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, estate, expectProblem, ok, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { newId } from '../../../kernel/ids.js';

/** Payments into the ledger: allocation, refunds, credit, retries and payments arriving at once. */

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak', stepUp: true });
});
afterAll(() => t?.close());

const api: Estate['api'] = (...args) => oak.api(...args);
const newMember = (lastName = `F-${randomUUID().slice(0, 8)}`): Promise<string> => oak.newMember({ firstName: 'Fenna', lastName });
const charge = (memberId: string, amount: number, o: Record<string, unknown> = {}) =>
  ok(api('POST', '/finance/charges', { memberId, kind: 'levy', description: 'Levy', amount, currency: 'EUR', dueDate: day(-30), ...o }));

const pay = (memberId: string, amount: number, o: Record<string, unknown> = {}) =>
  ok(api('POST', '/finance/payments', { memberId, method: 'bank_transfer', amount, currency: 'EUR', receivedOn: day(-5), ...o }));

const balanceOf = async (memberId: string, currency = 'EUR') =>
  ((await ok(api('GET', `/finance/members/${memberId}/balance`), 200)).balances as { currency: string; receivable: number; credit: number; balance: number }[]).find((b) => b.currency === currency);

const events = async (type: string) => (await oak.outbox(type)).map((e) => e.data as Record<string, unknown>);

describe('payments', () => {
  it('records a payment into the member’s credit and settles open charges oldest due first', async () => {
    const member = await newMember();
    const later = await charge(member, 3_000, { dueDate: day(-10) });
    const older = await charge(member, 2_000, { dueDate: day(-40) });
    const recorded = await pay(member, 6_000, { reference: 'INV-7', payer: 'F. Owner' });
    expect(recorded).toMatchObject({ memberId: member, method: 'bank_transfer', amount: 6_000, currency: 'EUR', receivedOn: day(-5), reference: 'INV-7', payer: 'F. Owner', refunded: 0, memberCredit: 1_000 });
    expect(recorded.allocations.map((a: { chargeId: string; amount: number; paymentId: string }) => [a.chargeId, a.amount, a.paymentId])).toEqual([[older.id, 2_000, recorded.id], [later.id, 3_000, recorded.id]]);
    const { memberCredit: _, ...detail } = recorded;
    expect(await ok(api('GET', `/finance/payments/${recorded.id}`), 200)).toEqual(detail);
    expect(await balanceOf(member)).toEqual({ currency: 'EUR', receivable: 0, credit: 1_000, balance: -1_000 });
    const entry = await ok(api('GET', `/finance/journal/${recorded.entryId}`), 200);
    expect(entry.lines.map((l: { accountCode: string; amount: number }) => [l.accountCode, l.amount])).toEqual([['1000', 6_000], ['2300', -6_000]]);
    expect((await events('payment.recorded')).map((e) => e.id)).toContain(recorded.id);
    expect((await events('payment.allocated')).find((e) => e.paymentId === recorded.id)).toMatchObject({ memberId: member, total: 5_000, currency: 'EUR' });
    expect((await events('charge.paid')).map((e) => e.id)).toEqual(expect.arrayContaining([older.id, later.id]));

    // The credit left settles the next charge the moment it is posted; the next payment pays on.
    const next = await charge(member, 1_500);
    expect(next).toMatchObject({ status: 'partially_paid', allocated: 1_000, outstanding: 500, allocations: [expect.objectContaining({ amount: 1_000, paymentId: null })] });
    const small = await pay(member, 100);
    expect(small.allocations).toEqual([expect.objectContaining({ chargeId: next.id, amount: 100 })]);
    expect((await ok(api('GET', `/finance/charges/${next.id}`), 200))).toMatchObject({ status: 'partially_paid', allocated: 1_100, outstanding: 400 });
    expect(small.memberCredit).toBe(0);
  });

  it('settles the charges named, in order and up to the amounts given, and keeps the rest as credit', async () => {
    const member = await newMember();
    const a = await charge(member, 5_000, { dueDate: day(-60) });
    const b = await charge(member, 5_000, { dueDate: day(-30) });
    const recorded = await pay(member, 7_000, { allocations: [{ chargeId: b.id }, { chargeId: a.id, amount: 1_000 }] });
    expect(recorded.allocations.map((x: { chargeId: string; amount: number }) => [x.chargeId, x.amount]).sort()).toEqual([[a.id, 1_000], [b.id, 5_000]].sort());
    expect(recorded.memberCredit).toBe(1_000);
    expect((await ok(api('GET', `/finance/charges/${a.id}`), 200))).toMatchObject({ outstanding: 4_000, status: 'partially_paid' });
  });

  it('refuses allocations to another currency, to unknown or settled charges, twice the same charge, or more than there is', async () => {
    const member = await newMember();
    const eur = await charge(member, 5_000);
    const usd = await charge(member, 5_000, { currency: 'USD' });
    const other = await charge(await newMember(), 5_000);
    const before = await balanceOf(member);

    const mismatch = await api('POST', '/finance/payments', { memberId: member, method: 'cash', amount: 1_000, currency: 'EUR', receivedOn: day(-1), allocations: [{ chargeId: usd.id }] });
    expectProblem(mismatch, 400, 'validation_failed');
    expect(mismatch.json().errors).toEqual([{ field: 'allocations.0.chargeId', message: 'is in USD, the payment in EUR' }]);
    for (const chargeId of [newId(), other.id]) {
      const res = await api('POST', '/finance/payments', { memberId: member, method: 'cash', amount: 1_000, currency: 'EUR', receivedOn: day(-1), allocations: [{ chargeId }] });
      expectProblem(res, 404, 'not_found');
      expect(res.json().errors).toEqual([{ field: 'allocations.0.chargeId', message: 'is not a charge of this member' }]);
    }
    const repeated = await api('POST', '/finance/payments', { memberId: member, method: 'cash', amount: 1_000, currency: 'EUR', receivedOn: day(-1), allocations: [{ chargeId: eur.id, amount: 100 }, { chargeId: eur.id, amount: 100 }] });
    expectProblem(repeated, 400, 'validation_failed');
    expect(repeated.json().errors[0].field).toBe('allocations.1.chargeId');
    const tooMuch = await api('POST', '/finance/payments', { memberId: member, method: 'cash', amount: 1_000, currency: 'EUR', receivedOn: day(-1), allocations: [{ chargeId: eur.id, amount: 1_001 }] });
    expectProblem(tooMuch, 400, 'validation_failed');
    expect(tooMuch.json().errors[0].field).toBe('allocations');
    const overCharge = await api('POST', '/finance/payments', { memberId: member, method: 'cash', amount: 9_000, currency: 'EUR', receivedOn: day(-1), allocations: [{ chargeId: eur.id, amount: 6_000 }] });
    expectProblem(overCharge, 400, 'validation_failed');
    expect(overCharge.json().errors).toEqual([{ field: 'allocations.0.amount', message: 'is more than the 5000 the charge owes' }]);
    const ghost = await api('POST', '/finance/payments', { memberId: newId(), method: 'cash', amount: 1_000, currency: 'EUR', receivedOn: day(-1) });
    expectProblem(ghost, 404, 'not_found');
    expect(ghost.json().errors).toEqual([{ field: 'memberId', message: 'is not a member of this tenant' }]);
    expectProblem(await api('POST', '/finance/payments', { memberId: member, method: 'barter', amount: 1_000, currency: 'EUR', receivedOn: day(-1) }), 400, 'validation_failed');
    expectProblem(await api('POST', '/finance/payments', { memberId: member, method: 'cash', amount: 12.5, currency: 'EUR', receivedOn: day(-1) }), 400, 'validation_failed');

    // Nothing of the refused payments stayed behind.
    expect(await balanceOf(member)).toEqual(before);
    expect((await ok(api('GET', `/finance/payments?memberId=${member}`), 200)).data).toEqual([]);

    await pay(member, 5_000);
    const settled = await api('POST', '/finance/payments', { memberId: member, method: 'cash', amount: 1_000, currency: 'EUR', receivedOn: day(-1), allocations: [{ chargeId: eur.id }] });
    expectProblem(settled, 409, 'finance.charge_owes_nothing');
    expect(settled.json().errors).toEqual([{ field: 'allocations.0.chargeId', message: 'owes nothing' }]);
  });

  it('records a payment once however often it is retried with the same Idempotency-Key', async () => {
    const member = await newMember();
    await charge(member, 2_500);
    const key = randomUUID();
    const body = { memberId: member, method: 'bank_transfer', amount: 2_500, currency: 'EUR', receivedOn: day(-1), reference: 'RETRY-1' };
    const first = await api('POST', '/finance/payments', body, { headers: { 'idempotency-key': key } });
    expect(first.statusCode, first.body).toBe(201);
    const retry = await api('POST', '/finance/payments', body, { headers: { 'idempotency-key': key } });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const payments = (await ok(api('GET', `/finance/payments?memberId=${member}`), 200)).data;
    expect(payments.map((p: { id: string }) => p.id)).toEqual([first.json().id]);
    expect(await balanceOf(member)).toEqual({ currency: 'EUR', receivable: 0, credit: 0, balance: 0 });
    // The same key for another payment is a mistake the client is told about.
    expectProblem(await api('POST', '/finance/payments', { ...body, amount: 2_600 }, { headers: { 'idempotency-key': key } }), 422, 'idempotency_key_reused');
  });

  it('refunds out of the member’s credit, never more than the payment has left or the credit holds', async () => {
    const member = await newMember();
    const levy = await charge(member, 4_000);
    const payment = await pay(member, 10_000);
    expect(payment.memberCredit).toBe(6_000);
    const tooMuch = await api('POST', `/finance/payments/${payment.id}/refund`, { amount: 10_001, reason: 'Overpaid' });
    expectProblem(tooMuch, 400, 'validation_failed');
    expect(tooMuch.json().errors[0].field).toBe('amount');
    const beyondCredit = await api('POST', `/finance/payments/${payment.id}/refund`, { amount: 6_001, reason: 'Overpaid' });
    expectProblem(beyondCredit, 409, 'finance.refund_exceeds_credit');
    expect(beyondCredit.json().credit).toBe(6_000);

    const refunded = await ok(api('POST', `/finance/payments/${payment.id}/refund`, { amount: 6_000, reason: 'Overpaid' }), 200);
    expect(refunded).toMatchObject({ id: payment.id, refunded: 6_000 });
    expect((await events('payment.refunded')).find((e) => e.id === payment.id)).toMatchObject({ amountRefunded: 6_000, reason: 'Overpaid' });
    expect(await balanceOf(member)).toEqual({ currency: 'EUR', receivable: 0, credit: 0, balance: 0 });

    // Voiding the charge releases its 4,000 to credit, which can then be refunded too.
    await ok(api('POST', `/finance/charges/${levy.id}/void`, { reason: 'Not owed' }), 200);
    expect(await ok(api('POST', `/finance/payments/${payment.id}/refund`, { amount: 4_000, reason: 'Levy cancelled' }), 200)).toMatchObject({ refunded: 10_000 });
    expectProblem(await api('POST', `/finance/payments/${payment.id}/refund`, { amount: 1, reason: 'More' }), 400, 'validation_failed');
    expectProblem(await api('POST', `/finance/payments/${payment.id}/refund`, { amount: 1, reason: 'Early', date: day(-6) }), 400, 'validation_failed');
    expectProblem(await api('POST', `/finance/payments/${newId()}/refund`, { amount: 1, reason: 'Ghost' }), 404, 'not_found');
    expect(await balanceOf(member)).toEqual({ currency: 'EUR', receivable: 0, credit: 0, balance: 0 });
  });

  it('applies credit to the charges named and refuses asking for more than the credit', async () => {
    const member = await newMember();
    const a = await charge(member, 2_000, { dueDate: day(-50) });
    const b = await charge(member, 2_000, { dueDate: day(-40) });
    // Credit beside open charges: a void gives back what the payment settled, and stays credit.
    const raisedTwice = await charge(member, 3_000, { dueDate: day(-60) });
    await pay(member, 3_000);
    await ok(api('POST', `/finance/charges/${raisedTwice.id}/void`, { reason: 'Raised twice' }), 200);
    expectProblem(await api('POST', '/finance/allocations', { memberId: member, currency: 'EUR', allocations: [{ chargeId: a.id, amount: 2_000 }, { chargeId: b.id, amount: 1_001 }] }), 400, 'validation_failed');
    const applied = await ok(api('POST', '/finance/allocations', { memberId: member, currency: 'EUR', allocations: [{ chargeId: b.id }] }), 200);
    expect(applied.allocations.map((x: { chargeId: string; amount: number }) => [x.chargeId, x.amount])).toEqual([[b.id, 2_000]]);
    expect(applied.memberCredit).toBe(1_000);
    const rest = await ok(api('POST', '/finance/allocations', { memberId: member, currency: 'EUR' }), 200);
    expect(rest.allocations.map((x: { chargeId: string; amount: number }) => [x.chargeId, x.amount])).toEqual([[a.id, 1_000]]);
    // No credit left: nothing to do, and a wrong target is still refused.
    expect(await ok(api('POST', '/finance/allocations', { memberId: member, currency: 'EUR' }), 200)).toEqual({ allocations: [], memberCredit: 0 });
    expectProblem(await api('POST', '/finance/allocations', { memberId: member, currency: 'EUR', allocations: [{ chargeId: newId() }] }), 404, 'not_found');
    expectProblem(await api('POST', '/finance/allocations', { memberId: newId(), currency: 'EUR' }), 404, 'not_found');
  });

  it('lists payments newest first, by member, method and dates', async () => {
    const member = await newMember();
    const p1 = await pay(member, 100, { receivedOn: '2026-01-10', method: 'cash' });
    const p2 = await pay(member, 200, { receivedOn: '2026-02-10' });
    const p3 = await pay(member, 300, { receivedOn: '2026-03-10', currency: 'USD' });
    const ids = (query: string) => api('GET', `/finance/payments?memberId=${member}${query}`).then((r) => r.json().data.map((p: { id: string }) => p.id));
    expect(await ids('')).toEqual([p3.id, p2.id, p1.id]);
    expect(await ids('&sort=receivedOn')).toEqual([p1.id, p2.id, p3.id]);
    expect(await ids('&method=cash')).toEqual([p1.id]);
    expect(await ids('&currency=USD')).toEqual([p3.id]);
    expect(await ids('&receivedFrom=2026-02-01&receivedTo=2026-02-28')).toEqual([p2.id]);
    const first = await ok(api('GET', `/finance/payments?memberId=${member}&limit=2`), 200);
    const second = await ok(api('GET', `/finance/payments?memberId=${member}&limit=2&cursor=${first.nextCursor}`), 200);
    expect([...first.data, ...second.data].map((p: { id: string }) => p.id)).toEqual([p3.id, p2.id, p1.id]);
    expect(second.nextCursor).toBeNull();
    expectProblem(await api('GET', `/finance/payments/${newId()}`), 404, 'not_found');
  });
  it('searches the reference and the payer, taking % and _ literally, and pages through the matches', async () => {
    const member = await newMember();
    const tag = randomUUID().slice(0, 8);
    const ids = async (q: string) => (await ok(api('GET', `/finance/payments?q=${encodeURIComponent(q)}`), 200)).data.map((p: { id: string }) => p.id);
    const byReference = await pay(member, 100, { reference: `INV-${tag}` });
    const byPayer = await pay(member, 100, { payer: `Ada Payer ${tag}` });
    const literal = await pay(member, 100, { reference: `50%_off ${tag}` });
    await pay(member, 100, { reference: `50xyoff ${tag}` });
    expect(await ids(`inv-${tag}`)).toEqual([byReference.id]);
    expect(await ids(`PAYER ${tag}`)).toEqual([byPayer.id]);
    expect(await ids(`50%_off ${tag}`)).toEqual([literal.id]);
    expect(await ids(`nothing ${tag}`)).toEqual([]);
    const paged = [];
    for (const [i, received] of ['2026-01-10', '2026-02-10', '2026-03-10'].entries()) paged.unshift((await pay(member, 1, { receivedOn: received, reference: `Paged-${tag} ${i}` })).id);
    const first = await ok(api('GET', `/finance/payments?q=paged-${tag}&limit=2`), 200);
    const second = await ok(api('GET', `/finance/payments?q=paged-${tag}&limit=2&cursor=${first.nextCursor}`), 200);
    expect([...first.data, ...second.data].map((p: { id: string }) => p.id)).toEqual(paged);
    expect(second.nextCursor).toBeNull();
  });
});

describe('concurrent payments', () => {
  it('never settles more than a charge owes nor spends credit twice when ten payments for one member arrive at once', async () => {
    const member = await newMember();
    // Credit already held: each of the parallel payments would spend it, were they not serialised.
    await pay(member, 3_000);
    const charges = [await charge(member, 2_500, { dueDate: day(-90) }), await charge(member, 4_000, { dueDate: day(-60) }), await charge(member, 3_300, { dueDate: day(-30) })];
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => api('POST', '/finance/payments', { memberId: member, method: 'bank_transfer', amount: 100 + i, currency: 'EUR', receivedOn: day(-1), reference: `P-${i}` })));
    for (const res of results) expect(res.statusCode, res.body).toBe(201);
    const received = 3_000 + 10 * 100 + 45;
    const owed = 2_500 + 4_000 + 3_300;

    expect(await balanceOf(member)).toEqual({ currency: 'EUR', receivable: owed - received, credit: 0, balance: owed - received });
    const settled = [];
    for (const c of charges) {
      const now = await ok(api('GET', `/finance/charges/${c.id}`), 200);
      expect(now.allocated).toBeLessThanOrEqual(c.amount);
      expect(now.allocations.reduce((sum: number, a: { amount: number }) => sum + a.amount, 0)).toBe(now.allocated);
      settled.push(now.allocated);
    }
    // Oldest due first: the first charge paid, the second in part, the third untouched.
    expect(settled).toEqual([2_500, received - 2_500, 0]);
    // The credit held paid the charges as they were posted; the payments' own money the rest.
    const allocated = results.flatMap((r) => r.json().allocations as { amount: number }[]).reduce((sum, a) => sum + a.amount, 0);
    expect(allocated).toBe(received - 3_000);
    for (const res of results) expect(res.json().memberCredit).toBe(0);
  });

  it('never over-allocates when parallel payments name the same charge', async () => {
    const member = await newMember();
    const target = await charge(member, 5_000);
    const results = await Promise.all(Array.from({ length: 10 }, () => api('POST', '/finance/payments', { memberId: member, method: 'cash', amount: 1_500, currency: 'EUR', receivedOn: day(-1), allocations: [{ chargeId: target.id }] })));
    const accepted = results.filter((r) => r.statusCode === 201);
    // 1,500 × 3 = 4,500, the fourth settles the last 500 and keeps 1,000 as credit; the rest find nothing owed.
    expect(accepted).toHaveLength(4);
    for (const res of results.filter((r) => r.statusCode !== 201)) expectProblem(res, 409, 'finance.charge_owes_nothing');
    expect(await ok(api('GET', `/finance/charges/${target.id}`), 200)).toMatchObject({ status: 'paid', allocated: 5_000 });
    expect(await balanceOf(member)).toEqual({ currency: 'EUR', receivable: 0, credit: 1_000, balance: -1_000 });
  });
});
