import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, estate, expectProblem, ok, today, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import type { TestDb } from '../../../../test/test-db.js';
import { newId } from '../../../kernel/ids.js';
import type { SystemAccount } from './journal.js';

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak', stepUp: true });
});
afterAll(() => t?.close());

const api: Estate['api'] = (...args) => oak.api(...args);
/** A real tenant-bound transaction (row-level security applies), for looking and for bypassing the code. */
const tx: Estate['tx'] = (fn) => oak.tx(fn);
const newMember = (lastName = `F-${randomUUID().slice(0, 8)}`): Promise<string> => oak.newMember({ firstName: 'Fenna', lastName });
const charge = (memberId: string, amount: number, o: Record<string, unknown> = {}) =>
  ok(api('POST', '/finance/charges', { memberId, kind: 'levy', description: 'Levy', amount, currency: 'EUR', dueDate: day(-30), ...o }));

const pay = (memberId: string, amount: number, o: Record<string, unknown> = {}) =>
  ok(api('POST', '/finance/payments', { memberId, method: 'bank_transfer', amount, currency: 'EUR', receivedOn: day(-5), ...o }));

const system = async () => {
  const accounts = (await ok(api('GET', '/finance/accounts?limit=200'), 200)).data as { id: string; systemKey: string | null; code: string }[];
  return Object.fromEntries(accounts.filter((a) => a.systemKey).map((a) => [a.systemKey, a.id])) as Record<SystemAccount, string>;
};

const events = async (type: string) => (await oak.outbox(type)).map((e) => e.data as Record<string, unknown>);

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

describe('the database guards the ledger', () => {
  it('refuses an unbalanced entry at commit, even when the code is bypassed', async () => {
    const { bank } = await system();
    const id = newId();
    const attempt = tx(async (db) => {
      await db.insertInto('financeEntries').values({ tenantId: oak.id, id, entryDate: '2026-01-01', description: 'Bypass', kind: 'manual' }).execute();
      await db.insertInto('financeLines').values({ tenantId: oak.id, entryId: id, lineNo: 1, accountId: bank, amount: 100, currency: 'EUR', entryDate: '2026-01-01' }).execute();
    });
    await expect(attempt).rejects.toThrow(/does not balance in EUR: off by 100/);
    const empty = newId();
    await expect(tx((db) => db.insertInto('financeEntries').values({ tenantId: oak.id, id: empty, entryDate: '2026-01-01', description: 'No lines', kind: 'manual' }).execute())).rejects.toThrow(/has no lines/);
    const found = await tx((db) => db.selectFrom('financeEntries').select('id').where('id', 'in', [id, empty]).execute());
    expect(found).toEqual([]);
  });

  it('refuses every change and removal of posted entries and lines', async () => {
    const member = await newMember();
    const posted = await charge(member, 5_000);
    const attempts: [string, (db: TestDb) => Promise<unknown>][] = [
      ['update a line', (db) => db.updateTable('financeLines').set({ amount: 1 }).where('entryId', '=', posted.entryId).execute()],
      ['delete a line', (db) => db.deleteFrom('financeLines').where('entryId', '=', posted.entryId).execute()],
      ['update an entry', (db) => db.updateTable('financeEntries').set({ description: 'Rewritten' }).where('id', '=', posted.entryId).execute()],
      ['delete an entry', (db) => db.deleteFrom('financeEntries').where('id', '=', posted.entryId).execute()],
      ['truncate-like delete of all lines', (db) => sql`DELETE FROM finance_lines`.execute(db)],
    ];
    for (const [what, attempt] of attempts) await expect(tx(attempt), what).rejects.toThrow(/append-only/);
    const entry = await ok(api('GET', `/finance/journal/${posted.entryId}`), 200);
    expect(entry.lines.map((l: { amount: number }) => l.amount)).toEqual([5_000, -5_000]);
  });
});
