import type { LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, estate, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { MAX_AMOUNT, sumExact as sum } from '../../../kernel/money.js';
import { assertBalanced } from './journal.js';

/**
 * The ledger's promises under any sequence of money operations, through the API: random runs
 * of charges, payments (oldest-first or naming charges), credit applied, voids, write-offs and
 * refunds for a few members in one or two currencies, after which the books must still add up.
 * After every operation no credit is below zero, and after each that applies credit (a charge
 * posted, a payment or an application naming no charges) its member holds no credit in its
 * currency beside an open charge in it. A failing run prints its seed and the shrunk sequence
 * of operations.
 */

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak', stepUp: true });
});
afterAll(() => t?.close());

const api = (method: 'GET' | 'POST', url: string, body?: unknown) => oak.api(method, url, body);
const tx: Estate['tx'] = (fn) => oak.tx(fn);

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

/**
 * Operations with amounts up to `max × scale` minor units: scale 1 for everyday sums, and a
 * scale that takes the largest payment (25,000 × 4 × 10^8) to MAX_AMOUNT for sums past what
 * a float adds exactly in its last digits.
 */
function operations(scale: number): fc.Arbitrary<Op> {
  const amount = (max: number) => fc.integer({ min: 1, max: max * scale });
  const targets: fc.Arbitrary<Targets> = fc.option(fc.array(fc.record({ pick: fc.nat(), amount: fc.option(amount(8_000), { nil: undefined }) }, { requiredKeys: ['pick'] }), { minLength: 1, maxLength: 3 }), { nil: null });
  return fc.oneof(
    { arbitrary: fc.record({ op: fc.constant('charge' as const), m: member, c: currency, amount: amount(20_000), dueDaysAgo: fc.integer({ min: 1, max: 90 }) }), weight: 4 },
    { arbitrary: fc.record({ op: fc.constant('pay' as const), m: member, c: currency, amount: amount(25_000), daysAgo: fc.integer({ min: 0, max: 90 }), targets }), weight: 4 },
    { arbitrary: fc.record({ op: fc.constant('apply' as const), m: member, c: currency, targets }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant('void' as const), pick: fc.nat() }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('writeOff' as const), pick: fc.nat(), amount: fc.option(amount(10_000), { nil: undefined }) }, { requiredKeys: ['op', 'pick'] }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('refund' as const), pick: fc.nat(), amount: amount(10_000) }), weight: 2 },
  );
}
const LARGE = MAX_AMOUNT / 25_000;

/** What the successful answers say happened, per member and currency: the balance they imply, summed exactly. */
class Model {
  charges: { id: string; memberId: string; currency: string; amount: number; writtenOff: number; void: boolean }[] = [];
  payments: { id: string; memberId: string; currency: string }[] = [];
  private totals = new Map<string, bigint>();

  add(memberId: string, currency: string, amount: number) {
    const key = `${memberId}/${currency}`;
    this.totals.set(key, (this.totals.get(key) ?? 0n) + BigInt(amount));
  }

  expected(memberId: string, currency: string) {
    return this.totals.get(`${memberId}/${currency}`) ?? 0n;
  }
}

function expectStatus(res: LightMyRequestResponse, allowed: number[], what: Op) {
  expect(allowed, `${JSON.stringify(what)} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
  if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
}

/** Per member and currency of the run: the credit the journal holds and how many charges are open. */
async function creditAndOpen(memberIds: string[], currencies: string[]) {
  const members = sql.join(memberIds.map((id) => sql`${id}::uuid`));
  const pairs = sql.join(currencies.map((c) => sql`${c}`));
  return tx<{ memberId: string; currency: string; credit: string | null; open: number }[]>(async (db) =>
    (await sql<{ memberId: string; currency: string; credit: string | null; open: number }>`
      SELECT m.id AS member_id, cur AS currency,
             (SELECT -sum(l.amount) FROM finance_lines l JOIN finance_accounts a ON a.tenant_id = l.tenant_id AND a.id = l.account_id
               WHERE a.system_key = 'member_credit' AND l.member_id = m.id AND l.currency = cur) AS credit,
             (SELECT count(*)::int FROM finance_charges c WHERE c.member_id = m.id AND c.currency = cur AND c.status IN ('open', 'partially_paid')) AS open
        FROM unnest(ARRAY[${members}]) AS m(id) CROSS JOIN unnest(ARRAY[${pairs}]::text[]) AS cur`.execute(db)).rows,
  );
}

/** No credit below zero; credit beside an open charge only where the operation left credit unapplied on purpose. */
async function checkCredit(o: Op, applied: { memberId: string; currency: string } | null, memberIds: string[], currencies: string[]) {
  for (const row of await creditAndOpen(memberIds, currencies)) {
    const credit = BigInt(row.credit ?? 0);
    expect(credit >= 0n, `${JSON.stringify(o)}: credit ${credit} of ${row.memberId} in ${row.currency}`).toBe(true);
    if (applied?.memberId === row.memberId && applied.currency === row.currency) {
      expect(credit > 0n && row.open > 0, `${JSON.stringify(o)} left credit ${credit} beside ${row.open} open charges`).toBe(false);
    }
  }
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
    // The member and currency whose credit the operation applies, when it applies it all.
    let applied: { memberId: string; currency: string } | null = null;
    switch (o.op) {
      case 'charge': {
        const [memberId, cur] = [memberIds[o.m]!, currencies[o.c % currencies.length]!];
        const res = await api('POST', '/finance/charges', { memberId, kind: 'levy', description: 'Levy', amount: o.amount, currency: cur, dueDate: day(-o.dueDaysAgo) });
        expectStatus(res, [201], o);
        applied = { memberId, currency: cur };
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
          // Naming charges keeps what is left as credit, whatever else is open.
          if (!allocations) applied = { memberId, currency: cur };
        }
        break;
      }
      case 'apply': {
        const [memberId, cur] = [memberIds[o.m]!, currencies[o.c % currencies.length]!];
        const allocations = targetsFor(memberId, o.targets);
        const res = await api('POST', '/finance/allocations', { memberId, currency: cur, ...(allocations ? { allocations } : {}) });
        expectStatus(res, allocations ? [200, 400, 409] : [200], o);
        if (!allocations) applied = { memberId, currency: cur };
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
    await checkCredit(o, applied, memberIds, currencies);
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

  const trial = (await api('GET', '/finance/reports/trial-balance?asOf=2999-12-31')).json() as { rows: { currency: string; debit: number; credit: number }[]; totals: { currency: string; debit: number; credit: number }[] };
  for (const total of trial.totals) {
    expect(total.debit, total.currency).toBe(total.credit);
    // Each total is its column, to the minor unit.
    const rows = trial.rows.filter((r) => r.currency === total.currency);
    expect(BigInt(total.debit), total.currency).toBe(sum(rows.map((r) => r.debit)));
    expect(BigInt(total.credit), total.currency).toBe(sum(rows.map((r) => r.credit)));
  }

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

  // What the allocations say is what the journal says: per charge, its allocated amount is what
  // allocation entries took off its receivable, less what releases put back.
  const unjournaled = await tx<unknown[]>(async (db) =>
    (await sql`
      SELECT c.id, c.allocated, j.settled
        FROM finance_charges c
        LEFT JOIN (SELECT l.charge_id, -sum(l.amount) AS settled
                     FROM finance_lines l
                     JOIN finance_entries e ON e.tenant_id = l.tenant_id AND e.id = l.entry_id
                     JOIN finance_accounts a ON a.tenant_id = l.tenant_id AND a.id = l.account_id
                    WHERE e.kind IN ('allocation', 'allocation_release') AND a.system_key = 'receivable' AND l.member_id IN (${members})
                    GROUP BY l.charge_id) j ON j.charge_id = c.id
       WHERE c.member_id IN (${members}) AND c.allocated <> coalesce(j.settled, 0)`.execute(db)).rows,
  );
  expect(unjournaled).toEqual([]);

  for (const memberId of memberIds) {
    const charges = await all<{ amount: number; currency: string; status: string; writtenOff: number; outstanding: number; allocated: number }>(`/finance/charges?memberId=${memberId}`);
    const payments = await all<{ id: string; amount: number; currency: string; refunded: number }>(`/finance/payments?memberId=${memberId}`);
    const balance = (await api('GET', `/finance/members/${memberId}/balance?asOf=2999-12-31`)).json();
    for (const cur of currencies) {
      const live = charges.filter((c) => c.currency === cur && c.status !== 'void');
      const paid = payments.filter((p) => p.currency === cur);
      const charged = sum(live.map((c) => c.amount));
      const writtenOff = sum(live.map((c) => c.writtenOff));
      const received = sum(paid.map((p) => p.amount - p.refunded));
      const outstanding = sum(live.map((c) => c.outstanding));
      const allocated = sum(live.map((c) => c.allocated));
      const b = (balance.balances as { currency: string; receivable: number; credit: number; balance: number }[]).find((x) => x.currency === cur) ?? { receivable: 0, credit: 0, balance: 0 };
      const where = `member ${memberId} in ${cur}`;
      expect(BigInt(b.balance), where).toBe(charged - writtenOff - received);
      expect(BigInt(b.receivable), where).toBe(outstanding);
      expect(BigInt(b.credit), where).toBe(received - allocated);
      expect(BigInt(b.balance), `${where}, as the accepted operations imply`).toBe(model.expected(memberId, cur));
    }
  }
}

let runNo = 0;
/** Random runs of `ops` for fresh members, after each of which the books must add up. */
const booksAddUp = (ops: fc.Arbitrary<Op>, numRuns: number) =>
  fc.assert(
    fc.asyncProperty(fc.boolean(), fc.array(ops, { minLength: 5, maxLength: 12, size: 'max' }), async (twoCurrencies, sequence) => {
      runNo++;
      const currencies = twoCurrencies ? ['EUR', 'USD'] : ['EUR'];
      const memberIds: string[] = [];
      for (let i = 0; i < MEMBERS; i++) memberIds.push(await oak.newMember({ firstName: 'Prop', lastName: `Run${runNo}-${i}` }));
      const model = new Model();
      await run(sequence, currencies, memberIds, model);
      await checkBooks(currencies, memberIds, model);
    }),
    { numRuns },
  );

describe('the books under random sequences of money operations', () => {
  it('always balance, per entry, per currency and per member', { timeout: 180_000 }, () => booksAddUp(operations(1), 25));

  // Ten runs of at most twelve operations of at most 2 × 10^13 debits each stay far within
  // what the tenant's ledger may accumulate (2^53 − 1 per currency).
  it('stay exact with amounts up to the largest one allowed', { timeout: 180_000 }, () => booksAddUp(operations(LARGE), 10));
});

describe('the balance check in code', () => {
  // Amounts past 2^53 are not valid lines (they are refused as not whole minor units), so
  // the lines are safe integers whose float sum rounds: 2^53 − 1 + 2 is 2^53 + 1, a float 2^53.
  const line = fc.integer({ min: 2 ** 52, max: Number.MAX_SAFE_INTEGER });
  it('refuses an entry off by one minor unit, however large its lines', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 2, maxLength: 6 }), fc.constantFrom(-1, 1), (debits, off) => {
        // Credits that balance the debits exactly, but for `off`, in lines no larger than a line may be.
        let left = sum(debits) + BigInt(off);
        const credits: number[] = [];
        while (left > 0n) {
          const part = left > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(left);
          credits.push(-part);
          left -= BigInt(part);
        }
        const lines = [...debits, ...credits].map((amount) => ({ amount, currency: 'EUR' }));
        expect(() => assertBalanced(lines)).toThrow(/does not balance/);
        expect(() => assertBalanced([...lines, { amount: off, currency: 'EUR' }])).not.toThrow();
      }),
    );
  });
});
