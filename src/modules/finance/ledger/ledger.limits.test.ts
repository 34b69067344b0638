import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, estate, expectProblem, ok, today, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { MAX_AMOUNT } from '../../../kernel/money.js';
import type { SystemAccount } from './journal.js';

/**
 * The limits that keep every figure exact: one amount is at most 10^13 minor units, and what
 * one tenant's ledger debits in a currency adds up to at most 2^53 − 1, the largest integer a
 * JSON number holds exactly. Each test uses a currency of its own, so it knows every line of it.
 */

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak', stepUp: true });
});
afterAll(() => t?.close());

const MAX = MAX_AMOUNT;
const api = (method: 'GET' | 'POST', url: string, body?: unknown) => oak.api(method, url, body);
/** A validation problem naming this field among its invalid ones. */
const expectFieldError = (res: Parameters<typeof expectProblem>[0], field: string) => expectProblem(res, 400, 'validation_failed', field);

const newMember = (): Promise<string> => oak.newMember({ firstName: 'Max', lastName: `Amount-${randomUUID().slice(0, 8)}` });

const systemAccounts = async () => {
  const accounts = (await ok(api('GET', '/finance/accounts?limit=200'), 200)).data as { id: string; systemKey: string | null }[];
  return Object.fromEntries(accounts.filter((a) => a.systemKey).map((a) => [a.systemKey, a.id])) as Record<SystemAccount, string>;
};

const trialTotals = async (currency: string) =>
  ((await ok(api('GET', '/finance/reports/trial-balance?asOf=2999-12-31'), 200)).totals as { currency: string; debit: number; credit: number }[]).find((x) => x.currency === currency);

describe('one amount', () => {
  it('takes the largest amount and refuses one minor unit more, with a field error', async () => {
    const memberId = await newMember();
    const accounts = await systemAccounts();
    const payment = { memberId, method: 'bank_transfer', currency: 'NOK', receivedOn: day(-1) };
    for (const amount of [MAX + 1, Number.MAX_SAFE_INTEGER]) {
      expectFieldError(await api('POST', '/finance/payments', { ...payment, amount }), 'amount');
      expectFieldError(await api('POST', '/finance/charges', { memberId, kind: 'levy', description: 'Levy', amount, currency: 'NOK', dueDate: day(-1) }), 'amount');
      const lines = [{ accountId: accounts.bank, amount, currency: 'NOK' }, { accountId: accounts.other_income, amount: -amount, currency: 'NOK' }];
      expectFieldError(await api('POST', '/finance/journal', { date: day(-1), description: 'Too much', lines }), 'lines.0.amount');
    }
    const paid = await ok(api('POST', '/finance/payments', { ...payment, amount: MAX }));
    expectFieldError(await api('POST', `/finance/payments/${paid.id}/refund`, { amount: MAX + 1, reason: 'Too much' }), 'amount');
    expect((await ok(api('POST', `/finance/payments/${paid.id}/refund`, { amount: MAX, reason: 'All of it' }), 200)).refunded).toBe(MAX);
    expect(await trialTotals('NOK')).toEqual({ currency: 'NOK', debit: 0, credit: 0 });
  });
});

describe('totals of the largest amounts', () => {
  it('are exact in the trial balance, the member balance, the statement, arrears, income and collections', async () => {
    const memberId = await newMember();
    const cur = 'CHF';
    // Three charges of the largest amount, each later in the aging buckets, and two payments
    // that settle the oldest and all but 7 of the next.
    for (const daysAgo of [100, 70, 40]) await ok(api('POST', '/finance/charges', { memberId, kind: 'levy', description: `Levy ${daysAgo}`, amount: MAX, currency: cur, dueDate: day(-daysAgo) }));
    for (const amount of [MAX, MAX - 7]) await ok(api('POST', '/finance/payments', { memberId, method: 'bank_transfer', amount, currency: cur, receivedOn: day(-10) }));

    const balance = (await ok(api('GET', `/finance/members/${memberId}/balance`), 200)).balances.find((b: { currency: string }) => b.currency === cur);
    expect(balance).toEqual({ currency: cur, receivable: MAX + 7, credit: 0, balance: MAX + 7 });

    const statement = (await ok(api('GET', `/finance/members/${memberId}/statement?from=${day(-365)}&to=${today}`), 200)).currencies.find((c: { currency: string }) => c.currency === cur);
    expect(statement).toMatchObject({ opening: 0, charges: 3 * MAX, credits: 2 * MAX - 7, closing: MAX + 7 });
    expect(statement.lines.at(-1).balance).toBe(MAX + 7);

    const arrears = (await ok(api('GET', `/finance/reports/arrears?asOf=${today}&groupBy=member`), 200)).rows.find((r: { id: string; currency: string }) => r.id === memberId && r.currency === cur);
    expect(arrears).toMatchObject({ current: 0, days1to30: 0, days31to60: MAX, days61to90: 7, over90: 0, total: MAX + 7 });

    const trial = (await ok(api('GET', '/finance/reports/trial-balance?asOf=2999-12-31'), 200)) as { rows: { code: string; currency: string; debit: number; credit: number }[]; totals: unknown[] };
    expect(trial.rows.filter((r) => r.currency === cur).map(({ code, debit, credit }) => ({ code, debit, credit }))).toEqual([
      { code: '1000', debit: 2 * MAX - 7, credit: 0 },
      { code: '1100', debit: MAX + 7, credit: 0 },
      { code: '2300', debit: 0, credit: 0 },
      { code: '4000', debit: 0, credit: 3 * MAX },
    ]);
    expect(await trialTotals(cur)).toEqual({ currency: cur, debit: 3 * MAX, credit: 3 * MAX });

    const income = await ok(api('GET', `/finance/reports/income?from=${day(-365)}&to=${today}`), 200);
    expect(income.totals).toContainEqual({ currency: cur, income: 3 * MAX });
    const collections = await ok(api('GET', `/finance/reports/collections?from=${day(-365)}&to=${today}`), 200);
    expect(collections.rows).toContainEqual({ currency: cur, charges: 3, charged: 3 * MAX, collected: 2 * MAX - 7, writtenOff: 0, rate: 0.6667 });
  });
});

describe('what one ledger can accumulate', () => {
  it('takes debits up to 2^53 − 1 in a currency, exact to the minor unit, and refuses any more without a trace', async () => {
    const cur = 'SEK';
    const accounts = await systemAccounts();
    // 18 entries of 50 debits and 50 credits of the largest amount: 9 × 10^15 debited.
    const lines = [...Array.from({ length: 50 }, () => ({ accountId: accounts.bank, amount: MAX, currency: cur })), ...Array.from({ length: 50 }, () => ({ accountId: accounts.other_income, amount: -MAX, currency: cur }))];
    for (let i = 0; i < 18; i++) await ok(api('POST', '/finance/journal', { date: day(-2), description: `Hall hire ${i}`, lines }));
    const filled = 18 * 50 * MAX;
    expect(await trialTotals(cur)).toEqual({ currency: cur, debit: filled, credit: filled });

    const memberId = await newMember();
    const pay = (amount: number) => api('POST', '/finance/payments', { memberId, method: 'bank_transfer', amount, currency: cur, receivedOn: day(-1) });
    const refused = await pay(MAX);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().code).toBe('unprocessable');
    expect((await ok(api('GET', `/finance/payments?memberId=${memberId}`), 200)).data).toEqual([]);
    expect(await trialTotals(cur)).toEqual({ currency: cur, debit: filled, credit: filled });

    // Exactly what is left fits, and the totals are 2^53 − 1 to the minor unit.
    const left = Number.MAX_SAFE_INTEGER - filled;
    await ok(pay(left));
    expect(await trialTotals(cur)).toEqual({ currency: cur, debit: Number.MAX_SAFE_INTEGER, credit: Number.MAX_SAFE_INTEGER });
    const balance = (await ok(api('GET', `/finance/members/${memberId}/balance`), 200)).balances;
    expect(balance).toEqual([{ currency: cur, receivable: 0, credit: left, balance: -left }]);
    expect((await pay(1)).statusCode).toBe(422);
    // Another currency has a cap of its own.
    await ok(api('POST', '/finance/payments', { memberId, method: 'bank_transfer', amount: MAX, currency: 'DKK', receivedOn: day(-1) }));
  });
});
