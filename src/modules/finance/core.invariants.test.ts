import type { LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform, type TestTenant } from '../../../test/helpers.js';
import { addDays, isoDate } from '../../kernel/dates.js';

/**
 * The ledger's promises under any sequence of money operations, through the API: random runs
 * of charges, payments (oldest-first or naming charges), credit applied, voids, write-offs and
 * refunds for a few members in one or two currencies, after which the books must still add up.
 * A failing run prints its seed and the shrunk sequence of operations.
 */

let t: TestPlatform;
let oak: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
});
afterAll(() => t?.close());

const today = isoDate(new Date());
const day = (n: number) => addDays(today, n);
const api = (method: 'GET' | 'POST', url: string, body?: unknown) =>
  t.call(method, `/api/v1${url}`, { token: oak.token, tenant: oak.slug, ...(body !== undefined ? { body } : {}) });
const tx = <T>(fn: Parameters<ReturnType<typeof t.platform.jobs.context>['tenantTransaction']>[1]) => t.platform.jobs.context().tenantTransaction(oak.id, fn) as Promise<T>;

const MEMBERS = 3;
type Targets = { pick: number; amount?: number }[] | null;
type Op =
  | { op: 'charge'; m: number; c: number; amount: number; dueDaysAgo: number }
  | { op: 'pay'; m: number; c: number; amount: number; daysAgo: number; targets: Targets }
  | { op: 'apply'; m: number; c: number; targets: Targets }
  | { op: 'void'; pick: number }
  | { op: 'writeOff'; pick: number; amount?: number }
  | { op: 'refund'; pick: number; amount: number };

const member = fc.nat({ max: MEMBERS - 1 });
const currency = fc.nat({ max: 1 });
const targets: fc.Arbitrary<Targets> = fc.option(fc.array(fc.record({ pick: fc.nat(), amount: fc.option(fc.integer({ min: 1, max: 8_000 }), { nil: undefined }) }, { requiredKeys: ['pick'] }), { minLength: 1, maxLength: 3 }), { nil: null });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('charge' as const), m: member, c: currency, amount: fc.integer({ min: 1, max: 20_000 }), dueDaysAgo: fc.integer({ min: 1, max: 90 }) }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('pay' as const), m: member, c: currency, amount: fc.integer({ min: 1, max: 25_000 }), daysAgo: fc.integer({ min: 0, max: 90 }), targets }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('apply' as const), m: member, c: currency, targets }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('void' as const), pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('writeOff' as const), pick: fc.nat(), amount: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }) }, { requiredKeys: ['op', 'pick'] }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('refund' as const), pick: fc.nat(), amount: fc.integer({ min: 1, max: 10_000 }) }), weight: 2 },
);

/** What the successful answers say happened, per member and currency: the balance they imply. */
class Model {
  charges: { id: string; memberId: string; currency: string; amount: number; writtenOff: number; void: boolean }[] = [];
  payments: { id: string; memberId: string; currency: string }[] = [];
  private totals = new Map<string, number>();

  add(memberId: string, currency: string, amount: number) {
    const key = `${memberId}/${currency}`;
    this.totals.set(key, (this.totals.get(key) ?? 0) + amount);
  }

  expected(memberId: string, currency: string) {
    return this.totals.get(`${memberId}/${currency}`) ?? 0;
  }
}

function expectStatus(res: LightMyRequestResponse, allowed: number[], what: Op) {
  expect(allowed, `${JSON.stringify(what)} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
  if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
}

async function run(ops: Op[], currencies: string[], memberIds: string[], model: Model) {
  const targetsFor = (memberId: string, picks: Targets) => {
    const own = model.charges.filter((c) => c.memberId === memberId);
    if (!picks || own.length === 0) return undefined;
    // Distinct charges: naming one twice is refused outright, which says little about the books.
    const chosen = [...new Map(picks.map((p) => [own[p.pick % own.length]!.id, p.amount])).entries()];
    return chosen.map(([chargeId, amount]) => (amount === undefined ? { chargeId } : { chargeId, amount }));
  };
  for (const o of ops) {
    switch (o.op) {
      case 'charge': {
        const [memberId, cur] = [memberIds[o.m]!, currencies[o.c % currencies.length]!];
        const res = await api('POST', '/finance/charges', { memberId, kind: 'levy', description: 'Levy', amount: o.amount, currency: cur, dueDate: day(-o.dueDaysAgo) });
        expectStatus(res, [201], o);
        model.charges.push({ id: res.json().id, memberId, currency: cur, amount: o.amount, writtenOff: 0, void: false });
        model.add(memberId, cur, o.amount);
        break;
      }
      case 'pay': {
        const [memberId, cur] = [memberIds[o.m]!, currencies[o.c % currencies.length]!];
        const allocations = targetsFor(memberId, o.targets);
        const res = await api('POST', '/finance/payments', { memberId, method: 'bank_transfer', amount: o.amount, currency: cur, receivedOn: day(-o.daysAgo), ...(allocations ? { allocations } : {}) });
        // Naming charges can be refused: another currency, nothing owed, more than owed or held.
        expectStatus(res, allocations ? [201, 400, 409] : [201], o);
        if (res.statusCode === 201) {
          model.payments.push({ id: res.json().id, memberId, currency: cur });
          model.add(memberId, cur, -o.amount);
        }
        break;
      }
      case 'apply': {
        const [memberId, cur] = [memberIds[o.m]!, currencies[o.c % currencies.length]!];
        const allocations = targetsFor(memberId, o.targets);
        const res = await api('POST', '/finance/allocations', { memberId, currency: cur, ...(allocations ? { allocations } : {}) });
        expectStatus(res, allocations ? [200, 400, 409] : [200], o);
        break;
      }
      case 'void': {
        const c = model.charges[o.pick % Math.max(model.charges.length, 1)];
        if (!c) break;
        const res = await api('POST', `/finance/charges/${c.id}/void`, { reason: 'Property test' });
        // Refused when void already or written off in part.
        expectStatus(res, c.void || c.writtenOff > 0 ? [409] : [200], o);
        if (res.statusCode === 200) {
          c.void = true;
          model.add(c.memberId, c.currency, -c.amount);
        }
        break;
      }
      case 'writeOff': {
        const c = model.charges[o.pick % Math.max(model.charges.length, 1)];
        if (!c) break;
        const res = await api('POST', `/finance/charges/${c.id}/write-off`, { reason: 'Property test', ...(o.amount ? { amount: o.amount } : {}) });
        expectStatus(res, c.void ? [409] : [200, 400, 409], o);
        if (res.statusCode === 200) {
          const delta = res.json().writtenOff - c.writtenOff;
          expect(delta).toBeGreaterThan(0);
          c.writtenOff += delta;
          model.add(c.memberId, c.currency, -delta);
        }
        break;
      }
      case 'refund': {
        const p = model.payments[o.pick % Math.max(model.payments.length, 1)];
        if (!p) break;
        const res = await api('POST', `/finance/payments/${p.id}/refund`, { amount: o.amount, reason: 'Property test' });
        expectStatus(res, [200, 400, 409], o);
        if (res.statusCode === 200) model.add(p.memberId, p.currency, o.amount);
        break;
      }
    }
  }
}

const all = async <T>(url: string): Promise<T[]> => {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const res = await api('GET', `${url}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    rows.push(...res.json().data);
    cursor = res.json().nextCursor;
  } while (cursor);
  return rows;
};

async function checkBooks(currencies: string[], memberIds: string[], model: Model) {
  // Scoped to this run's members, so that a run fails for what it did and shrinks to it.
  const members = sql.join(memberIds.map((id) => sql`${id}::uuid`));
  const entries = sql`(SELECT entry_id FROM finance_lines WHERE member_id IN (${members}))`;
  // Every entry has lines and balances per currency: asked of the lines themselves.
  const unbalanced = await tx<unknown[]>(async (db) =>
    (await sql`SELECT entry_id, currency, sum(amount) AS off FROM finance_lines WHERE entry_id IN ${entries} GROUP BY entry_id, currency HAVING sum(amount) <> 0`.execute(db)).rows,
  );
  expect(unbalanced).toEqual([]);
  const bare = await tx<unknown[]>(async (db) => (await sql`SELECT entry_id FROM finance_lines WHERE entry_id IN ${entries} GROUP BY entry_id HAVING count(*) < 2`.execute(db)).rows);
  expect(bare).toEqual([]);

  const trial = (await api('GET', '/finance/reports/trial-balance?asOf=2999-12-31')).json();
  for (const total of trial.totals as { currency: string; debit: number; credit: number }[]) expect(total.debit, total.currency).toBe(total.credit);

  // Each charge: never settled beyond its amount, and its `allocated` is its live allocations.
  const drift = await tx<unknown[]>(async (db) =>
    (await sql`
      SELECT c.id, c.amount, c.allocated, c.written_off, coalesce(sum(a.amount) FILTER (WHERE a.reversed_entry_id IS NULL), 0) AS live
        FROM finance_charges c LEFT JOIN finance_allocations a ON a.tenant_id = c.tenant_id AND a.charge_id = c.id
       WHERE c.member_id IN (${members})
       GROUP BY c.id, c.amount, c.allocated, c.written_off
      HAVING c.allocated + c.written_off > c.amount OR c.allocated <> coalesce(sum(a.amount) FILTER (WHERE a.reversed_entry_id IS NULL), 0)
          OR c.allocated < 0 OR c.written_off < 0`.execute(db)).rows,
  );
  expect(drift).toEqual([]);

  for (const memberId of memberIds) {
    const charges = await all<{ amount: number; currency: string; status: string; writtenOff: number; outstanding: number; allocated: number }>(`/finance/charges?memberId=${memberId}`);
    const payments = await all<{ id: string; amount: number; currency: string; refunded: number }>(`/finance/payments?memberId=${memberId}`);
    const balance = (await api('GET', `/finance/members/${memberId}/balance?asOf=2999-12-31`)).json();
    for (const cur of currencies) {
      const live = charges.filter((c) => c.currency === cur && c.status !== 'void');
      const paid = payments.filter((p) => p.currency === cur);
      const charged = live.reduce((s, c) => s + c.amount, 0);
      const writtenOff = live.reduce((s, c) => s + c.writtenOff, 0);
      const received = paid.reduce((s, p) => s + p.amount - p.refunded, 0);
      const outstanding = live.reduce((s, c) => s + c.outstanding, 0);
      const allocated = live.reduce((s, c) => s + c.allocated, 0);
      const b = (balance.balances as { currency: string; receivable: number; credit: number; balance: number }[]).find((x) => x.currency === cur) ?? { receivable: 0, credit: 0, balance: 0 };
      const where = `member ${memberId} in ${cur}`;
      expect(b.balance, where).toBe(charged - writtenOff - received);
      expect(b.receivable, where).toBe(outstanding);
      expect(b.credit, where).toBe(received - allocated);
      expect(b.balance, `${where}, as the accepted operations imply`).toBe(model.expected(memberId, cur));
    }
  }
}

describe('the books under random sequences of money operations', () => {
  it('always balance, per entry, per currency and per member', { timeout: 180_000 }, async () => {
    let runNo = 0;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(op, { minLength: 5, maxLength: 12, size: 'max' }), async (twoCurrencies, ops) => {
        runNo++;
        const currencies = twoCurrencies ? ['EUR', 'USD'] : ['EUR'];
        const memberIds: string[] = [];
        for (let i = 0; i < MEMBERS; i++) {
          const res = await api('POST', '/members', { firstName: 'Prop', lastName: `Run${runNo}-${i}`, type: 'owner' });
          expect(res.statusCode, res.body).toBe(201);
          memberIds.push(res.json().id);
        }
        const model = new Model();
        await run(ops, currencies, memberIds, model);
        await checkBooks(currencies, memberIds, model);
      }),
      { numRuns: 25 },
    );
  });
});
