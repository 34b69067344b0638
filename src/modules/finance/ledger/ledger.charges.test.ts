import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, estate, expectProblem, ok, today, type Estate, type Method } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { newId } from '../../../kernel/ids.js';

/** Charges in the ledger, and what a portal member sees of charges, payments and balance. */

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak', stepUp: true });
});
afterAll(() => t?.close());

const api: Estate['api'] = (...args) => oak.api(...args);
const newMember = (lastName = `F-${randomUUID().slice(0, 8)}`): Promise<string> => oak.newMember({ firstName: 'Fenna', lastName });
const newUnit = async (): Promise<string> => (await oak.newUnit((await oak.newProperty()).id)).id;

const charge = (memberId: string, amount: number, o: Record<string, unknown> = {}) =>
  ok(api('POST', '/finance/charges', { memberId, kind: 'levy', description: 'Levy', amount, currency: 'EUR', dueDate: day(-30), ...o }));

const pay = (memberId: string, amount: number, o: Record<string, unknown> = {}) =>
  ok(api('POST', '/finance/payments', { memberId, method: 'bank_transfer', amount, currency: 'EUR', receivedOn: day(-5), ...o }));

const balanceOf = async (memberId: string, currency = 'EUR') =>
  ((await ok(api('GET', `/finance/members/${memberId}/balance`), 200)).balances as { currency: string; receivable: number; credit: number; balance: number }[]).find((b) => b.currency === currency);

const events = async (type: string) => (await oak.outbox(type)).map((e) => e.data as Record<string, unknown>);

describe('charges', () => {
  it('posts a charge against the receivable and the kind’s income, reads it and lists it by filters', async () => {
    const member = await newMember();
    const unit = await newUnit();
    const posted = await charge(member, 12_345, { unitId: unit, kind: 'rent', description: 'Rent March', periodStart: '2026-03-01', periodEnd: '2026-03-31', dueDate: '2026-03-01' });
    expect(posted).toMatchObject({ memberId: member, unitId: unit, leaseId: null, kind: 'rent', amount: 12_345, currency: 'EUR', allocated: 0, writtenOff: 0, outstanding: 12_345, status: 'open', allocations: [], naturalKey: null });
    expect(await ok(api('GET', `/finance/charges/${posted.id}`), 200)).toEqual(posted);
    const entry = await ok(api('GET', `/finance/journal/${posted.entryId}`), 200);
    expect(entry).toMatchObject({ kind: 'charge', date: '2026-03-01' });
    expect(entry.lines.map((l: { accountCode: string; amount: number; memberId: string; unitId: string; chargeId: string }) => [l.accountCode, l.amount, l.memberId, l.unitId, l.chargeId])).toEqual([
      ['1100', 12_345, member, unit, posted.id],
      ['4100', -12_345, member, unit, posted.id],
    ]);
    expect((await events('charge.posted')).map((e) => e.id)).toContain(posted.id);

    const levy = await charge(member, 5_000, { dueDate: '2026-01-15' });
    const usd = await charge(member, 7_000, { kind: 'service', currency: 'USD', dueDate: '2026-02-15' });
    const ids = (query: string) => api('GET', `/finance/charges?memberId=${member}${query}`).then((r) => r.json().data.map((c: { id: string }) => c.id));
    expect(await ids('')).toEqual([levy.id, usd.id, posted.id]);
    expect(await ids('&sort=-dueDate')).toEqual([posted.id, usd.id, levy.id]);
    expect(await ids(`&unitId=${unit}`)).toEqual([posted.id]);
    expect(await ids('&kind=levy')).toEqual([levy.id]);
    expect(await ids('&currency=USD')).toEqual([usd.id]);
    expect(await ids('&dueBefore=2026-02-15')).toEqual([levy.id]);
    expect(await ids('&dueAfter=2026-01-15&dueBefore=2026-03-01')).toEqual([usd.id]);
    expect(await ids('&status=open&limit=1')).toEqual([levy.id]);
  });

  it('refuses bad amounts, currencies and periods with field errors, and unknown members, units and leases with 404', async () => {
    const member = await newMember();
    const post = (o: Record<string, unknown>) => api('POST', '/finance/charges', { memberId: member, kind: 'levy', description: 'Levy', amount: 100, currency: 'EUR', dueDate: '2026-01-01', ...o });
    const field = async (o: Record<string, unknown>, name: string) => {
      const res = await post(o);
      expectProblem(res, 400, 'validation_failed');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(name);
    };
    await field({ amount: 0 }, 'amount');
    await field({ amount: -5 }, 'amount');
    await field({ amount: 1.25 }, 'amount');
    await field({ amount: Number.MAX_SAFE_INTEGER + 1 }, 'amount');
    await field({ currency: 'eur' }, 'currency');
    await field({ currency: 'XYZ' }, 'currency');
    await field({ kind: 'tip' }, 'kind');
    await field({ periodStart: '2026-02-01', periodEnd: '2026-01-31' }, 'periodEnd');
    await field({ dueDate: '2026-02-30' }, 'dueDate');
    for (const [key, table] of [['memberId', 'member'], ['unitId', 'unit'], ['leaseId', 'lease']]) {
      const res = await post({ [key!]: newId() });
      expectProblem(res, 404, 'not_found');
      expect(res.json().detail).toContain(`The ${table}`);
      expect(res.json().errors).toEqual([{ field: key, message: `is not a ${table} of this tenant` }]);
    }
    expectProblem(await api('GET', `/finance/charges/${newId()}`), 404, 'not_found');
  });

  it('voids a charge: its entry is reversed, what was paid goes back to credit, and twice is refused', async () => {
    const member = await newMember();
    const first = await charge(member, 6_000, { dueDate: day(-40) });
    const second = await charge(member, 4_000, { dueDate: day(-20) });
    const paid = await pay(member, 8_000);
    expect(paid.allocations.map((a: { chargeId: string; amount: number }) => [a.chargeId, a.amount])).toEqual([[first.id, 6_000], [second.id, 2_000]]);

    const voided = await ok(api('POST', `/finance/charges/${first.id}/void`, { reason: 'Billed in error' }), 200);
    expect(voided).toMatchObject({ status: 'void', allocated: 0, outstanding: 0 });
    expect(voided.voidEntryId).not.toBeNull();
    expect(voided.allocations).toHaveLength(1);
    expect(voided.allocations[0].releasedEntryId).not.toBeNull();
    expect((await ok(api('GET', `/finance/journal/${voided.voidEntryId}`), 200))).toMatchObject({ kind: 'void', reversesId: first.entryId });
    expect((await events('charge.voided')).find((e) => e.id === first.id)).toMatchObject({ reason: 'Billed in error', releasedToCredit: 6_000 });
    // The released 6,000 is credit again; the second charge still owes 2,000.
    expect(await balanceOf(member)).toEqual({ currency: 'EUR', receivable: 2_000, credit: 6_000, balance: -4_000 });

    const again = await api('POST', `/finance/charges/${first.id}/void`, { reason: 'Again' });
    expectProblem(again, 409, 'finance.charge_already_void');
    expect(again.json()).toMatchObject({ status: 409, currentStatus: 'void' });
    expectProblem(await api('POST', `/finance/charges/${first.id}/write-off`, { reason: 'Void already' }), 409, 'finance.charge_already_void');
    const early = await api('POST', `/finance/charges/${second.id}/void`, { reason: 'Too early', date: day(-21) });
    expectProblem(early, 400, 'validation_failed');
    expect(early.json().errors[0].field).toBe('date');
    expectProblem(await api('POST', `/finance/charges/${newId()}/void`, { reason: 'Ghost' }), 404, 'not_found');
    expectProblem(await api('POST', `/finance/charges/${second.id}/void`, {}), 400, 'validation_failed');

    // Applying the credit now settles the second charge.
    const applied = await ok(api('POST', '/finance/allocations', { memberId: member, currency: 'EUR' }), 200);
    expect(applied.allocations.map((a: { chargeId: string; amount: number; paymentId: string | null }) => [a.chargeId, a.amount, a.paymentId])).toEqual([[second.id, 2_000, null]]);
    expect(applied.memberCredit).toBe(4_000);
    expect((await ok(api('GET', `/finance/charges/${second.id}`), 200)).status).toBe('paid');
  });

  it('writes off part or all of what is outstanding, never more, and not a paid charge', async () => {
    const member = await newMember();
    const debt = await charge(member, 10_000);
    await pay(member, 3_000);
    const over = await api('POST', `/finance/charges/${debt.id}/write-off`, { reason: 'Too much', amount: 7_001 });
    expectProblem(over, 400, 'validation_failed');
    expect(over.json().errors).toEqual([{ field: 'amount', message: 'is more than the 7000 outstanding' }]);
    const part = await ok(api('POST', `/finance/charges/${debt.id}/write-off`, { reason: 'Hardship', amount: 2_000 }), 200);
    expect(part).toMatchObject({ writtenOff: 2_000, outstanding: 5_000, status: 'partially_paid' });
    const rest = await ok(api('POST', `/finance/charges/${debt.id}/write-off`, { reason: 'Gone abroad' }), 200);
    expect(rest).toMatchObject({ allocated: 3_000, writtenOff: 7_000, outstanding: 0, status: 'written_off' });
    expect((await events('charge.written_off')).filter((e) => e.id === debt.id).map((e) => e.amountWrittenOff)).toEqual([2_000, 5_000]);
    expect(await balanceOf(member)).toEqual({ currency: 'EUR', receivable: 0, credit: 0, balance: 0 });
    const again = await api('POST', `/finance/charges/${debt.id}/write-off`, { reason: 'Again' });
    expectProblem(again, 409, 'finance.charge_owes_nothing');
    expect(again.json()).toMatchObject({ status: 409, currentStatus: 'written_off' });
    // Written off in part: voiding would undo what the write-off recorded.
    expectProblem(await api('POST', `/finance/charges/${debt.id}/void`, { reason: 'Undo' }), 409, 'finance.charge_written_off');

    const settled = await charge(member, 1_000);
    await pay(member, 1_000);
    const paid = await api('POST', `/finance/charges/${settled.id}/write-off`, { reason: 'Paid already' });
    expectProblem(paid, 409, 'finance.charge_owes_nothing');
    // The problem's status is the HTTP status; the charge's own is currentStatus.
    expect(paid.json()).toMatchObject({ status: 409, code: 'finance.charge_owes_nothing', currentStatus: 'paid', detail: expect.stringContaining('paid') });
  });
  it('searches the description, taking % and _ literally, and pages through the matches', async () => {
    const member = await newMember();
    const tag = randomUUID().slice(0, 8);
    const ids = async (q: string, more = '') => (await ok(api('GET', `/finance/charges?q=${encodeURIComponent(q)}${more}`), 200)).data.map((c: { id: string }) => c.id);
    const water = await charge(member, 100, { description: `Water ${tag}` });
    const literal = await charge(member, 100, { description: `50%_off ${tag}` });
    await charge(member, 100, { description: `50xyoff ${tag}` });
    expect(await ids(`WATER ${tag}`)).toEqual([water.id]);
    expect(await ids(`50%_off ${tag}`)).toEqual([literal.id]);
    expect(await ids(`nothing ${tag}`)).toEqual([]);
    const paged = [await charge(member, 1, { description: `Paged-${tag} a` }), await charge(member, 2, { description: `Paged-${tag} b` }), await charge(member, 3, { description: `Paged-${tag} c` })].map((c) => c.id);
    const first = await ok(api('GET', `/finance/charges?q=paged-${tag}&sort=createdAt&limit=2`), 200);
    const second = await ok(api('GET', `/finance/charges?q=paged-${tag}&sort=createdAt&limit=2&cursor=${first.nextCursor}`), 200);
    expect([...first.data, ...second.data].map((c: { id: string }) => c.id)).toEqual(paged);
    expect(second.nextCursor).toBeNull();
  });
});

describe('portal members', () => {
  it('shows a member their own charges, payments and balance, and nobody else’s', async () => {
    const mine = await newMember('Portal-Own');
    const theirs = await newMember('Portal-Neighbour');
    const myCharge = await charge(mine, 7_000);
    const myPayment = await pay(mine, 2_000);
    const theirCharge = await charge(theirs, 8_000);
    const theirPayment = await pay(theirs, 3_000);
    const email = `portal-${randomUUID().slice(0, 8)}@oak.test`;
    const token = (await oak.newPortalUser(mine, email)).token;
    const as = (method: Method, url: string, body?: unknown) => api(method, url, body, { token });

    expect((await ok(as('GET', '/finance/charges'), 200)).data.map((c: { id: string }) => c.id)).toEqual([myCharge.id]);
    expect((await ok(as('GET', `/finance/charges?memberId=${theirs}`), 200)).data).toEqual([]);
    expect((await ok(as('GET', `/finance/charges/${myCharge.id}`), 200)).allocations).toHaveLength(1);
    expect((await ok(as('GET', '/finance/payments'), 200)).data.map((p: { id: string }) => p.id)).toEqual([myPayment.id]);
    expect((await ok(as('GET', `/finance/payments/${myPayment.id}`), 200)).amount).toBe(2_000);
    expect((await ok(as('GET', `/finance/members/${mine}/balance`), 200)).balances).toEqual([{ currency: 'EUR', receivable: 5_000, credit: 0, balance: 5_000 }]);

    for (const url of [`/finance/charges/${theirCharge.id}`, `/finance/payments/${theirPayment.id}`, `/finance/members/${theirs}/balance`]) {
      const res = await as('GET', url);
      expectProblem(res, 404, 'not_found');
      // `instance` echoes the caller's own URL; the rest tells nothing of the neighbour.
      const { instance: _, ...rest } = res.json();
      expect(JSON.stringify(rest)).not.toMatch(new RegExp(`8000|${theirs}|${theirCharge.id}|${theirPayment.id}`));
    }
    for (const [method, url, body] of [
      ['GET', '/finance/accounts'], ['GET', '/finance/journal'], ['GET', `/finance/journal/${myCharge.entryId}`], ['GET', '/finance/reports/trial-balance'],
      ['POST', '/finance/charges', { memberId: mine, kind: 'levy', description: 'Self-billed', amount: 1, currency: 'EUR', dueDate: today }],
      ['POST', '/finance/payments', { memberId: mine, method: 'cash', amount: 1, currency: 'EUR', receivedOn: today }],
      ['POST', `/finance/charges/${myCharge.id}/void`, { reason: 'Do not want it' }],
      ['POST', `/finance/payments/${myPayment.id}/refund`, { amount: 1, reason: 'Want it back' }],
      ['POST', '/finance/allocations', { memberId: mine, currency: 'EUR' }],
    ] as [Method, string, unknown?][]) {
      expectProblem(await as(method, url, body), 403, 'permission_denied');
    }
  });
});
