import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import type { TenantScope } from '../../../kernel/context.js';
import { postCharge, voidCharge, writeOffCharge } from '../ledger/index.js';
import { recordPayment } from '../ledger/index.js';

let t: TestPlatform;
let oak: Estate;
let ada: string;
let bob: string;
let unit: string;
let property: string;

/** Money moves through the ledger functions in a real tenant-bound transaction; the reports are read through the API. */
const tx = <T>(fn: (scope: TenantScope) => Promise<T>) => oak.tx((db) => fn({ db, tenant: { id: oak.id } } as TenantScope));
const get = async (url: string) => {
  const res = await oak.api('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak', units: ['C-1'], property: 'Counting House' });
  property = oak.propertyId;
  unit = oak.unitIds[0]!;
  ada = await oak.newMember({ firstName: 'Ada', lastName: 'Ledger' });
  bob = await oak.newMember({ firstName: 'Bob', lastName: 'Ledger' });

  // Ada: January levy 100.00 (due 31 Jan), February levy 100.00 (due 28 Feb), a 25.00 fee due
  // 15 Feb that is voided, a payment of 150.00 on 10 Feb, a 5.00 charge written off in March.
  await tx(async (s) => {
    await postCharge(s, { memberId: ada, unitId: unit, kind: 'levy', description: 'Levy January', amount: 10_000, currency: 'EUR', periodStart: '2026-01-01', periodEnd: '2026-01-31', dueDate: '2026-01-31' });
    await postCharge(s, { memberId: ada, unitId: unit, kind: 'levy', description: 'Levy February', amount: 10_000, currency: 'EUR', periodStart: '2026-02-01', periodEnd: '2026-02-28', dueDate: '2026-02-28' });
    const fee = await postCharge(s, { memberId: ada, unitId: unit, kind: 'fee', description: 'Key replacement', amount: 2_500, currency: 'EUR', dueDate: '2026-02-15' }, { date: '2026-02-05' });
    await voidCharge(s, fee.charge.id, '2026-02-20', 'charged by mistake', null);
    await recordPayment(s, { memberId: ada, method: 'bank_transfer', amount: 15_000, currency: 'EUR', receivedOn: '2026-02-10', reference: 'ADA-FEB' });
    const small = await postCharge(s, { memberId: ada, unitId: unit, kind: 'other', description: 'Parking pass', amount: 500, currency: 'EUR', dueDate: '2026-03-10' }, { date: '2026-03-01' });
    await writeOffCharge(s, small.charge.id, null, '2026-03-20', 'goodwill', null);
    await postCharge(s, { memberId: bob, kind: 'rent', description: 'Rent January', amount: 80_000, currency: 'EUR', dueDate: '2026-01-05' }, { date: '2026-01-01' });
  });
});
afterAll(() => t?.close());

describe('member statements', () => {
  it('lists every charge, payment, void and write-off with running balances, and chains periods to the cent', async () => {
    const jan = (await get(`/finance/members/${ada}/statement?from=2026-01-01&to=2026-01-31`)).json();
    expect(jan.currencies).toEqual([{ currency: 'EUR', opening: 0, charges: 10_000, credits: 0, closing: 10_000, lines: [expect.objectContaining({ date: '2026-01-01', kind: 'charge', description: 'Levy January', amount: 10_000, balance: 10_000 })] }]);

    const feb = (await get(`/finance/members/${ada}/statement?from=2026-02-01&to=2026-02-28`)).json().currencies[0];
    expect(feb.opening).toBe(jan.currencies[0].closing);
    expect(feb.lines.map((l: { kind: string; amount: number }) => [l.kind, l.amount])).toEqual([
      ['charge', 10_000],
      ['charge', 2_500],
      ['payment', -15_000],
      ['void', -2_500],
    ]);
    expect(feb.closing).toBe(5_000);

    const mar = (await get(`/finance/members/${ada}/statement?from=2026-03-01&to=2026-03-31`)).json().currencies[0];
    expect(mar).toMatchObject({ opening: 5_000, charges: 500, credits: 500, closing: 5_000 });
    // One statement over the whole quarter ends where the three monthly ones do.
    const quarter = (await get(`/finance/members/${ada}/statement?from=2026-01-01&to=2026-03-31`)).json().currencies[0];
    expect(quarter).toMatchObject({ opening: 0, closing: mar.closing, charges: jan.currencies[0].charges + feb.charges + mar.charges });
    // And it agrees with the balance the ledger gives.
    const balance = (await get(`/finance/members/${ada}/balance?asOf=2026-03-31`)).json();
    expect(JSON.stringify(balance)).toContain('5000');
  });

  it('refuses a period that ends before it starts, and an unknown member', async () => {
    const backwards = await oak.api('GET', `/finance/members/${ada}/statement?from=2026-02-01&to=2026-01-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([expect.objectContaining({ field: 'to' })]);
    const unknown = await oak.api('GET', `/finance/members/${unit}/statement?from=2026-01-01&to=2026-01-31`);
    expect(unknown.statusCode).toBe(404);
  });

  it("shows a portal member their own statement and no one else's, and none of the reports", async () => {
    const as = oak.as(await oak.newPortalUser(ada, 'ada@oak.test'));
    expect((await as.api('GET', `/finance/members/${ada}/statement?from=2026-01-01&to=2026-12-31`)).statusCode).toBe(200);
    const other = await as.api('GET', `/finance/members/${bob}/statement?from=2026-01-01&to=2026-12-31`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Rent January');
    for (const url of ['/finance/reports/arrears', '/finance/reports/income?from=2026-01-01&to=2026-12-31', '/finance/reports/collections?from=2026-01-01&to=2026-12-31', '/finance/reports/collections/monthly']) {
      expect((await as.api('GET', url)).statusCode, url).toBe(403);
    }
  });
});

describe('finance reports', () => {
  it('ages arrears as they stood on a date, per member, unit and property', async () => {
    // 31 Jan: Ada's January levy is due today (current); Bob's rent is 26 days late.
    const jan = (await get('/finance/reports/arrears?asOf=2026-01-31')).json();
    const row = (id: string) => jan.rows.find((r: { id: string }) => r.id === id);
    expect(row(ada)).toMatchObject({ name: 'Ada Ledger', current: 10_000, days1to30: 0, total: 10_000 });
    expect(row(bob)).toMatchObject({ current: 0, days1to30: 80_000, total: 80_000 });
    // 15 May: the payment settled January, the fee and part of February (oldest first); the fee's void put its share back on
    // February, so half of February is left, 76 days late.
    const may = (await get('/finance/reports/arrears?asOf=2026-05-15')).json();
    expect(may.rows.find((r: { id: string }) => r.id === ada)).toMatchObject({ days61to90: 5_000, total: 5_000 });
    expect(may.rows.find((r: { id: string }) => r.id === bob)).toMatchObject({ over90: 80_000 });
    expect(may.totals).toEqual([expect.objectContaining({ currency: 'EUR', total: 85_000 })]);

    const byUnit = (await get('/finance/reports/arrears?asOf=2026-05-15&groupBy=unit')).json();
    expect(byUnit.rows).toEqual(expect.arrayContaining([expect.objectContaining({ id: unit, name: 'C-1', total: 5_000 }), expect.objectContaining({ id: null, total: 80_000 })]));
    const byProperty = (await get('/finance/reports/arrears?asOf=2026-05-15&groupBy=property')).json();
    expect(byProperty.rows).toEqual(expect.arrayContaining([expect.objectContaining({ id: property, name: 'Counting House', total: 5_000 })]));

    const csv = await get('/finance/reports/arrears?asOf=2026-05-15&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('member,name,currency,current,1-30,31-60,61-90,90+,total');
    expect(lines.at(-1)).toBe('Total,,EUR,0,0,0,5000,80000,85000');
  });

  it('sums income per account net of voids, and the collections rate of what fell due', async () => {
    const income = (await get('/finance/reports/income?from=2026-01-01&to=2026-03-31')).json();
    const by = Object.fromEntries(income.rows.map((r: { code: string; income: number }) => [r.code, r.income]));
    // Levies 200.00; rent 800.00; the voided fee nets to 0; the parking pass 5.00 (written off as an expense, not against income).
    expect(by).toMatchObject({ '4000': 20_000, '4100': 80_000, '4200': 0, '4900': 500 });
    expect(income.totals).toEqual([{ currency: 'EUR', income: 100_500 }]);

    const collected = (await get('/finance/reports/collections?from=2026-01-01&to=2026-03-31')).json();
    // Due in the quarter and not void: 100 + 100 + 800 + 5; collected 150 by payment; 5 written off.
    expect(collected.rows).toEqual([{ currency: 'EUR', charges: 4, charged: 100_500, collected: 15_000, writtenOff: 500, rate: 0.1493 }]);
    const early = (await get('/finance/reports/collections?from=2026-01-01&to=2026-03-31&asOf=2026-02-01')).json();
    expect(early.rows[0].collected).toBe(0);
  });

  it('sums what was billed and collected per month and currency, every month of the span present', async () => {
    const monthly = (await get('/finance/reports/collections/monthly?from=2025-12&to=2026-04')).json();
    // Billed by due month, the voided fee left out (the written-off parking pass was billed all the same);
    // collected by the month the payment was received.
    expect(monthly).toEqual({
      from: '2025-12',
      to: '2026-04',
      rows: [
        { month: '2025-12', currency: 'EUR', billed: 0, collected: 0 },
        { month: '2026-01', currency: 'EUR', billed: 90_000, collected: 0 },
        { month: '2026-02', currency: 'EUR', billed: 10_000, collected: 15_000 },
        { month: '2026-03', currency: 'EUR', billed: 500, collected: 0 },
        { month: '2026-04', currency: 'EUR', billed: 0, collected: 0 },
      ],
    });

    // Another currency gets rows of its own, and only the currencies the span saw are there.
    await tx((s) => recordPayment(s, { memberId: bob, method: 'cash', amount: 4_200, currency: 'USD', receivedOn: '2027-01-31', reference: 'BOB-USD' }));
    expect((await get('/finance/reports/collections/monthly?from=2026-12&to=2027-02')).json().rows).toEqual([
      { month: '2026-12', currency: 'USD', billed: 0, collected: 0 },
      { month: '2027-01', currency: 'USD', billed: 0, collected: 4_200 },
      { month: '2027-02', currency: 'USD', billed: 0, collected: 0 },
    ]);
    expect((await get('/finance/reports/collections/monthly?from=2030-01&to=2030-12')).json().rows).toEqual([]);
    // By default, the twelve months up to this one.
    const byDefault = (await get('/finance/reports/collections/monthly')).json();
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect(byDefault.to).toBe(thisMonth);
    expect(Number(byDefault.to.slice(0, 4)) * 12 + Number(byDefault.to.slice(5)) - (Number(byDefault.from.slice(0, 4)) * 12 + Number(byDefault.from.slice(5)))).toBe(11);

    const csv = await get('/finance/reports/collections/monthly?from=2026-01&to=2026-02&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trimEnd().split('\r\n')).toEqual(['month,currency,billed,collected', '2026-01,EUR,90000,0', '2026-02,EUR,10000,15000']);
  });

  it('refuses a span that runs backwards or over 24 months, and a month that is not one', async () => {
    expectProblem(await oak.api('GET', '/finance/reports/collections/monthly?from=2026-05&to=2026-04'), 400, 'validation_failed', ['to']);
    expect((await oak.api('GET', '/finance/reports/collections/monthly?from=2024-01&to=2025-12')).statusCode).toBe(200);
    expectProblem(await oak.api('GET', '/finance/reports/collections/monthly?from=2024-01&to=2026-01'), 400, 'validation_failed', ['to']);
    expectProblem(await oak.api('GET', '/finance/reports/collections/monthly?from=2026-13&to=2026-12'), 400, 'validation_failed', ['from']);
    expectProblem(await oak.api('GET', '/finance/reports/collections/monthly?from=2026-01-01'), 400, 'validation_failed', ['from']);
  });
});
