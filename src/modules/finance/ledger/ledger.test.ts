import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from '../../../../test/helpers.js';
import { addDays, isoDate } from '../../../kernel/dates.js';
import type { AnyDB } from '../../../kernel/db/database.js';
import { newId } from '../../../kernel/ids.js';
import type { SystemAccount } from './journal.js';

let t: TestPlatform;
let oak: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
});
afterAll(() => t?.close());

const today = isoDate(new Date());
const day = (n: number) => addDays(today, n);

type Method = 'GET' | 'POST' | 'PATCH';
const api = (method: Method, url: string, body?: unknown, o: { token?: string; headers?: Record<string, string> } = {}) =>
  t.call(method, `/api/v1${url}`, { token: o.token ?? oak.token, tenant: oak.slug, ...(body !== undefined ? { body } : {}), ...(o.headers ? { headers: o.headers } : {}) });

/** A real tenant-bound transaction (row-level security applies), for looking and for bypassing the code. */
const tx = <T>(fn: (db: Kysely<AnyDB>) => Promise<T>) => t.platform.jobs.context().tenantTransaction(oak.id, fn);

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect({ status: res.statusCode, code: res.json().code }, res.body).toEqual({ status, code });
}

async function ok(res: Promise<LightMyRequestResponse>, status = 201) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

async function newMember(lastName = `F-${randomUUID().slice(0, 8)}`): Promise<string> {
  return (await ok(api('POST', '/members', { firstName: 'Fenna', lastName, type: 'owner' }))).id;
}

async function newUnit(): Promise<string> {
  const property = await ok(api('POST', '/properties', { name: `P-${randomUUID().slice(0, 8)}`, kind: 'residential' }));
  return (await ok(api('POST', `/properties/${property.id}/units`, { label: `U-${randomUUID().slice(0, 8)}`, kind: 'apartment' }))).id;
}

const charge = (memberId: string, amount: number, o: Record<string, unknown> = {}) =>
  ok(api('POST', '/finance/charges', { memberId, kind: 'levy', description: 'Levy', amount, currency: 'EUR', dueDate: day(-30), ...o }));

const pay = (memberId: string, amount: number, o: Record<string, unknown> = {}) =>
  ok(api('POST', '/finance/payments', { memberId, method: 'bank_transfer', amount, currency: 'EUR', receivedOn: day(-5), ...o }));

const balanceOf = async (memberId: string, currency = 'EUR') =>
  ((await ok(api('GET', `/finance/members/${memberId}/balance`), 200)).balances as { currency: string; receivable: number; credit: number; balance: number }[]).find((b) => b.currency === currency);

const system = async () => {
  const accounts = (await ok(api('GET', '/finance/accounts?limit=200'), 200)).data as { id: string; systemKey: string | null; code: string }[];
  return Object.fromEntries(accounts.filter((a) => a.systemKey).map((a) => [a.systemKey, a.id])) as Record<SystemAccount, string>;
};

/** The events of a type in the tenant's outbox (no workers run in tests: nothing relays them away). */
const events = (type: string) =>
  tx(async (db) =>
    (await db.selectFrom('outbox').select('data').where('type', '=', type).orderBy('occurred_at').orderBy('id').execute()).map(
      (r: { data: unknown }) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>,
    ),
  );

describe('the chart of accounts', () => {
  it('sets up the system accounts on first use and adds the tenant’s own, codes unique', async () => {
    const list = await ok(api('GET', '/finance/accounts'), 200);
    expect(list.data.map((a: { code: string }) => a.code)).toEqual(['1000', '1100', '2100', '2200', '2300', '4000', '4100', '4200', '4900', '5100']);
    expect(list.data.find((a: { systemKey: string }) => a.systemKey === 'receivable')).toMatchObject({ code: '1100', type: 'asset', archived: false });

    const garden = await ok(api('POST', '/finance/accounts', { code: '6100', name: 'Gardening', type: 'expense' }));
    expect(garden).toMatchObject({ code: '6100', name: 'Gardening', type: 'expense', systemKey: null, archived: false, archivedAt: null });
    const again = await api('POST', '/finance/accounts', { code: '6100', name: 'Gardening again', type: 'expense' });
    expectProblem(again, 409, 'already_exists');
    expect(again.json().errors).toEqual([{ field: 'code', message: 'is taken by another account' }]);
    expectProblem(await api('POST', '/finance/accounts', { code: '1000', name: 'My bank', type: 'asset' }), 409, 'already_exists');
    expectProblem(await api('POST', '/finance/accounts', { code: 'no spaces', name: 'Bad', type: 'asset' }), 400, 'validation_failed');
    expectProblem(await api('POST', '/finance/accounts', { code: '7000', name: 'Bad', type: 'revenue' }), 400, 'validation_failed');

    const page = await ok(api('GET', '/finance/accounts?limit=4'), 200);
    const next = await ok(api('GET', `/finance/accounts?limit=200&cursor=${page.nextCursor}`), 200);
    expect([...page.data, ...next.data].map((a: { code: string }) => a.code)).toContain('6100');
    expect((await ok(api('GET', '/finance/accounts?type=expense'), 200)).data.map((a: { code: string }) => a.code)).toEqual(['5100', '6100']);
  });

  it('renames and archives a tenant account, but never archives a system account', async () => {
    const account = await ok(api('POST', '/finance/accounts', { code: '6200', name: 'Lifts', type: 'expense' }));
    const archived = await ok(api('PATCH', `/finance/accounts/${account.id}`, { name: 'Lift repairs', archived: true }), 200);
    expect(archived).toMatchObject({ name: 'Lift repairs', archived: true });
    expect(archived.archivedAt).not.toBeNull();
    expect((await ok(api('GET', '/finance/accounts?limit=200'), 200)).data.map((a: { id: string }) => a.id)).not.toContain(account.id);
    expect((await ok(api('GET', '/finance/accounts?limit=200&includeArchived=true'), 200)).data.map((a: { id: string }) => a.id)).toContain(account.id);
    expect(await ok(api('PATCH', `/finance/accounts/${account.id}`, { archived: false }), 200)).toMatchObject({ archived: false, archivedAt: null });

    const { bank } = await system();
    const refused = await api('PATCH', `/finance/accounts/${bank}`, { archived: true });
    expectProblem(refused, 409, 'finance.system_account');
    expect(refused.json().systemKey).toBe('bank');
    expect(await ok(api('PATCH', `/finance/accounts/${bank}`, { name: 'Main bank account' }), 200)).toMatchObject({ name: 'Main bank account', systemKey: 'bank' });
    expectProblem(await api('PATCH', `/finance/accounts/${newId()}`, { name: 'Ghost' }), 404, 'not_found');
    expectProblem(await api('PATCH', `/finance/accounts/${bank}`, {}), 400, 'validation_failed');
  });

  it('shows an account’s lines over a period with opening, running and closing balances', async () => {
    const account = await ok(api('POST', '/finance/accounts', { code: '6300', name: 'Cleaning', type: 'expense' }));
    const { bank } = await system();
    const spend = (date: string, amount: number) =>
      ok(api('POST', '/finance/journal', { date, description: `Cleaning ${date}`, lines: [{ accountId: account.id, amount, currency: 'EUR' }, { accountId: bank, amount: -amount, currency: 'EUR' }] }));
    await spend('2025-12-15', 1_000);
    await spend('2026-01-10', 2_500);
    await spend('2026-02-01', 500);
    await spend('2026-03-01', 7_000);
    const ledger = await ok(api('GET', `/finance/accounts/${account.id}/ledger?from=2026-01-01&to=2026-02-28`), 200);
    expect(ledger).toMatchObject({ account: { id: account.id, code: '6300' }, from: '2026-01-01', to: '2026-02-28', opening: [{ currency: 'EUR', balance: 1_000 }], closing: [{ currency: 'EUR', balance: 4_000 }] });
    expect(ledger.lines.map((l: { date: string; amount: number; balance: number }) => [l.date, l.amount, l.balance])).toEqual([['2026-01-10', 2_500, 3_500], ['2026-02-01', 500, 4_000]]);
    const year = await ok(api('GET', `/finance/accounts/${account.id}/ledger?to=2026-12-31`), 200);
    expect(year.from).toBe('2026-01-01');
    expect(year.closing).toEqual([{ currency: 'EUR', balance: 11_000 }]);
    expectProblem(await api('GET', `/finance/accounts/${account.id}/ledger?from=2026-03-01&to=2026-01-01`), 400, 'validation_failed');
    expectProblem(await api('GET', `/finance/accounts/${newId()}/ledger`), 404, 'not_found');
  });
});

describe('the journal', () => {
  it('posts a balanced manual entry, reads and lists it, and reverses it once', async () => {
    const { bank, levy_income } = await system();
    const member = await newMember();
    const entry = await ok(api('POST', '/finance/journal', {
      date: '2026-01-31',
      description: 'Opening balance of the reserve fund',
      lines: [{ accountId: bank, amount: 500_000, currency: 'EUR', memberId: member }, { accountId: levy_income, amount: -500_000, currency: 'EUR' }],
    }));
    expect(entry).toMatchObject({ date: '2026-01-31', kind: 'manual', reversesId: null, reversedById: null, description: 'Opening balance of the reserve fund' });
    expect(entry.lines).toMatchObject([{ lineNo: 1, accountId: bank, accountCode: '1000', amount: 500_000, memberId: member }, { lineNo: 2, accountId: levy_income, amount: -500_000, memberId: null }]);
    expect(await ok(api('GET', `/finance/journal/${entry.id}`), 200)).toEqual(entry);
    expect((await events('journal.posted')).map((e) => e.id)).toContain(entry.id);
    expect((await ok(api('GET', `/finance/journal?memberId=${member}`), 200)).data.map((e: { id: string }) => e.id)).toEqual([entry.id]);

    const reversal = await ok(api('POST', `/finance/journal/${entry.id}/reverse`, { reason: 'Entered twice', date: '2026-02-01' }));
    expect(reversal).toMatchObject({ kind: 'reversal', reversesId: entry.id, date: '2026-02-01', description: 'Reversal: Entered twice' });
    expect(reversal.lines.map((l: { amount: number }) => l.amount)).toEqual([-500_000, 500_000]);
    expect((await ok(api('GET', `/finance/journal/${entry.id}`), 200)).reversedById).toBe(reversal.id);
    expect((await events('journal.reversed')).find((e) => e.id === reversal.id)).toMatchObject({ reversesId: entry.id });

    const twice = await api('POST', `/finance/journal/${entry.id}/reverse`, { reason: 'Again' });
    expectProblem(twice, 409, 'finance.entry_already_reversed');
    expect(twice.json().reversedById).toBe(reversal.id);
    expectProblem(await api('POST', `/finance/journal/${reversal.id}/reverse`, { reason: 'Undo the undo' }), 409, 'finance.entry_not_manual');
    expectProblem(await api('POST', `/finance/journal/${newId()}/reverse`, { reason: 'Ghost' }), 404, 'not_found');
  });

  it('refuses a reversal dated before the entry', async () => {
    const { bank, other_income } = await system();
    const entry = await ok(api('POST', '/finance/journal', { date: '2026-03-10', description: 'Hall hire', lines: [{ accountId: bank, amount: 9_000, currency: 'EUR' }, { accountId: other_income, amount: -9_000, currency: 'EUR' }] }));
    const early = await api('POST', `/finance/journal/${entry.id}/reverse`, { reason: 'Oops', date: '2026-03-09' });
    expectProblem(early, 400, 'validation_failed');
    expect(early.json().errors[0].field).toBe('date');
  });

  it('refuses unbalanced entries, zero amounts, unknown and archived accounts, and the receivable and member-credit accounts', async () => {
    const { bank, levy_income, receivable, member_credit } = await system();
    const archived = await ok(api('POST', '/finance/accounts', { code: '6900', name: 'Old', type: 'expense' }));
    await ok(api('PATCH', `/finance/accounts/${archived.id}`, { archived: true }), 200);
    const post = (lines: unknown[]) => api('POST', '/finance/journal', { date: '2026-01-15', description: 'Test', lines });
    const line = (accountId: string, amount: number, currency = 'EUR', o = {}) => ({ accountId, amount, currency, ...o });

    const unbalanced = await post([line(bank, 100), line(levy_income, -99)]);
    expectProblem(unbalanced, 422, 'finance.entry_unbalanced');
    expect(unbalanced.json().detail).toContain('EUR off by 1');
    // Balanced in total, not per currency.
    expectProblem(await post([line(bank, 100), line(levy_income, -100, 'USD')]), 422, 'finance.entry_unbalanced');

    const zero = await post([line(bank, 0), line(levy_income, 0)]);
    expectProblem(zero, 400, 'validation_failed');
    expect(zero.json().errors.map((e: { field: string }) => e.field)).toEqual(['lines.0.amount', 'lines.1.amount']);
    const kept = await post([line(receivable, 100), line(member_credit, -100)]);
    expectProblem(kept, 400, 'validation_failed');
    expect(kept.json().errors.map((e: { field: string }) => e.field)).toEqual(['lines.0.accountId', 'lines.1.accountId']);
    expect(kept.json().errors[0].message).toContain('receivable');
    const old = await post([line(archived.id, 100), line(bank, -100)]);
    expectProblem(old, 400, 'validation_failed');
    expect(old.json().errors[0]).toMatchObject({ field: 'lines.0.accountId', message: expect.stringContaining('archived') });
    expectProblem(await post([line(bank, 100, 'XYZ'), line(levy_income, -100, 'XYZ')]), 400, 'validation_failed');
    expectProblem(await post([line(bank, 100, 'eur'), line(levy_income, -100, 'eur')]), 400, 'validation_failed');
    expectProblem(await post([line(bank, 100)]), 400, 'validation_failed');
    expectProblem(await post([line(bank, 1.5), line(levy_income, -1.5)]), 400, 'validation_failed');

    const ghost = await post([line(newId(), 100), line(bank, -100, 'EUR', { memberId: newId() })]);
    expectProblem(ghost, 404, 'not_found');
    expect(ghost.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['lines.0.accountId', 'lines.1.memberId']);
  });

  it('corrects charges and payments where they were made, not by reversing their entries', async () => {
    const member = await newMember();
    const c = await charge(member, 10_000);
    const p = await pay(member, 4_000);
    for (const [id, hint] of [[c.entryId, 'void the charge'], [p.entryId, 'refund the payment'], [p.allocations[0].entryId, 'void the charges']]) {
      const res = await api('POST', `/finance/journal/${id}/reverse`, { reason: 'Not here' });
      expectProblem(res, 409, 'finance.entry_not_manual');
      expect(res.json().detail).toContain(hint);
    }
  });

  it('lists the journal newest first, page by page, by date range, kind and account', async () => {
    const { bank, other_income } = await system();
    const account = await ok(api('POST', '/finance/accounts', { code: '4950', name: 'Parking', type: 'income' }));
    const ids: string[] = [];
    for (const [i, date] of ['2024-05-01', '2024-05-02', '2024-05-02', '2024-05-03', '2024-05-04'].entries()) {
      const income = i % 2 === 0 ? account.id : other_income;
      ids.push((await ok(api('POST', '/finance/journal', { date, description: `Parking ${i}`, lines: [{ accountId: bank, amount: 100 + i, currency: 'EUR' }, { accountId: income, amount: -(100 + i), currency: 'EUR' }] }))).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = await ok(api('GET', `/finance/journal?from=2024-05-01&to=2024-05-31&limit=2${cursor ? `&cursor=${cursor}` : ''}`), 200);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect((await ok(api('GET', '/finance/journal?from=2024-05-02&to=2024-05-03&sort=date'), 200)).data.map((e: { id: string }) => e.id)).toEqual(ids.slice(1, 4));
    expect((await ok(api('GET', `/finance/journal?accountId=${account.id}&sort=date`), 200)).data.map((e: { id: string }) => e.id)).toEqual([ids[0], ids[2], ids[4]]);
    const kinds = (await ok(api('GET', '/finance/journal?kind=manual&limit=200'), 200)).data.map((e: { kind: string }) => e.kind);
    expect(new Set(kinds)).toEqual(new Set(['manual']));
    expectProblem(await api('GET', '/finance/journal?cursor=garbage'), 400, 'invalid_cursor');
  });
});

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
});

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

    // The credit left settles the next charge when the next payment comes, before that payment's own money.
    const next = await charge(member, 1_500);
    const small = await pay(member, 100);
    expect(small.allocations).toEqual([expect.objectContaining({ chargeId: next.id, amount: 1_100 })]);
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
    await pay(member, 3_000);
    const a = await charge(member, 2_000, { dueDate: day(-50) });
    const b = await charge(member, 2_000, { dueDate: day(-40) });
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
});

describe('balances and the trial balance', () => {
  it('gives a member’s balance per currency on a date, with their open charges', async () => {
    const member = await newMember();
    const eur = await charge(member, 9_000, { dueDate: '2026-01-01' });
    await charge(member, 2_000, { currency: 'GBP', dueDate: '2026-02-01' });
    await pay(member, 4_000, { receivedOn: '2026-03-01' });
    const now = await ok(api('GET', `/finance/members/${member}/balance`), 200);
    expect(now).toMatchObject({
      memberId: member,
      asOf: today,
      balances: [
        { currency: 'EUR', receivable: 5_000, credit: 0, balance: 5_000 },
        { currency: 'GBP', receivable: 2_000, credit: 0, balance: 2_000 },
      ],
    });
    expect(now.openCharges.map((c: { id: string; outstanding: number }) => [c.id, c.outstanding])).toEqual([[eur.id, 5_000], [expect.any(String), 2_000]]);
    expect((await ok(api('GET', `/finance/members/${member}/balance?asOf=2026-01-15`), 200)).balances).toEqual([{ currency: 'EUR', receivable: 9_000, credit: 0, balance: 9_000 }]);
    expect((await ok(api('GET', `/finance/members/${member}/balance?asOf=2025-12-31`), 200)).balances).toEqual([]);
    expectProblem(await api('GET', `/finance/members/${newId()}/balance`), 404, 'not_found');
  });

  it('balances the trial balance per currency, as JSON and as CSV', async () => {
    const member = await newMember();
    await charge(member, 1_234, { currency: 'CHF' });
    await pay(member, 1_000, { currency: 'CHF' });
    const report = await ok(api('GET', '/finance/reports/trial-balance'), 200);
    expect(report.asOf).toBe(today);
    expect(report.totals.length).toBeGreaterThan(1);
    for (const total of report.totals) expect(total.debit, total.currency).toBe(total.credit);
    for (const row of report.rows) expect(row.debit - row.credit).toBe(row.balance);
    const chf = report.rows.filter((r: { currency: string }) => r.currency === 'CHF').map((r: { code: string; debit: number; credit: number }) => [r.code, r.debit, r.credit]);
    expect(chf).toEqual(expect.arrayContaining([['1000', 1_000, 0], ['1100', 234, 0], ['4000', 0, 1_234]]));

    const csv = await api('GET', `/finance/reports/trial-balance?format=csv&asOf=${today}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="trial-balance-${today}.csv"`);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('code,name,type,currency,debit,credit,balance');
    expect(lines).toContain('1100,Accounts receivable,asset,CHF,234,0,234');
    expect(lines.filter((l) => l.startsWith('Total,'))).toHaveLength(report.totals.length);
    expect((await ok(api('GET', '/finance/reports/trial-balance?asOf=1999-01-01'), 200))).toEqual({ asOf: '1999-01-01', rows: [], totals: [] });
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
    await ok(api('POST', '/users', { email, name: 'Portal Owner', password: TENANT_PASSWORD, roles: ['member'], memberId: mine }));
    const token = (await t.login(oak.slug, email)).accessToken;
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

describe('the database guards the ledger', () => {
  it('refuses an unbalanced entry at commit, even when the code is bypassed', async () => {
    const { bank } = await system();
    const id = newId();
    const attempt = tx(async (db) => {
      await db.insertInto('finance_entries').values({ tenant_id: oak.id, id, entry_date: '2026-01-01', description: 'Bypass', kind: 'manual' }).execute();
      await db.insertInto('finance_lines').values({ tenant_id: oak.id, entry_id: id, line_no: 1, account_id: bank, amount: 100, currency: 'EUR', entry_date: '2026-01-01' }).execute();
    });
    await expect(attempt).rejects.toThrow(/does not balance in EUR: off by 100/);
    const empty = newId();
    await expect(tx((db) => db.insertInto('finance_entries').values({ tenant_id: oak.id, id: empty, entry_date: '2026-01-01', description: 'No lines', kind: 'manual' }).execute())).rejects.toThrow(/has no lines/);
    const found = await tx((db) => db.selectFrom('finance_entries').select('id').where('id', 'in', [id, empty]).execute());
    expect(found).toEqual([]);
  });

  it('refuses every change and removal of posted entries and lines', async () => {
    const member = await newMember();
    const posted = await charge(member, 5_000);
    const attempts: [string, (db: Kysely<AnyDB>) => Promise<unknown>][] = [
      ['update a line', (db) => db.updateTable('finance_lines').set({ amount: 1 }).where('entry_id', '=', posted.entryId).execute()],
      ['delete a line', (db) => db.deleteFrom('finance_lines').where('entry_id', '=', posted.entryId).execute()],
      ['update an entry', (db) => db.updateTable('finance_entries').set({ description: 'Rewritten' }).where('id', '=', posted.entryId).execute()],
      ['delete an entry', (db) => db.deleteFrom('finance_entries').where('id', '=', posted.entryId).execute()],
      ['truncate-like delete of all lines', (db) => sql`DELETE FROM finance_lines`.execute(db)],
    ];
    for (const [what, attempt] of attempts) await expect(tx(attempt), what).rejects.toThrow(/append-only/);
    const entry = await ok(api('GET', `/finance/journal/${posted.entryId}`), 200);
    expect(entry.lines.map((l: { amount: number }) => l.amount)).toEqual([5_000, -5_000]);
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
    const allocated = results.flatMap((r) => r.json().allocations as { amount: number }[]).reduce((sum, a) => sum + a.amount, 0);
    expect(allocated).toBe(received);
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
