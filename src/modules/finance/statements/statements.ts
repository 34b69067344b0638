import { sql } from 'kysely';
import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { exact, safeTotal } from '../../../kernel/money.js';
import { systemAccounts } from '../ledger/index.js';

/** A line of a statement: one journal entry's effect on what the member owes. */
export interface StatementLine {
  entryId: string;
  date: IsoDate;
  kind: string;
  description: string;
  chargeId: string | null;
  /** Positive: the member owes more (a charge, a fee, a refund); negative: less (a payment, a void, a write-off). */
  amount: number;
  balance: number;
}

export interface Statement {
  memberId: string;
  from: IsoDate;
  to: IsoDate;
  /** `charges`: what raised the balance (charges, fees, refunds); `credits`: what lowered it (payments, voids, write-offs). */
  currencies: { currency: string; opening: number; charges: number; credits: number; closing: number; lines: StatementLine[] }[];
}

/**
 * A member's statement for `from`..`to` (inclusive), per currency: the balance before `from`,
 * every entry that changed what they owe, and the balance after `to`. The balance is the
 * member's receivable plus their member-credit lines (credit is negative), so an allocation
 * (credit moved onto a charge) changes nothing and does not appear; one statement's closing
 * balance is by construction the next one's opening balance.
 */
export async function memberStatement(scope: TenantScope, memberId: string, from: IsoDate, to: IsoDate): Promise<Statement> {
  const accounts = await systemAccounts(scope);
  const relevant = [accounts.receivable, accounts.member_credit];
  const opening = await sql<{ currency: string; balance: string }>`
    SELECT currency, sum(amount) AS balance FROM finance_lines
     WHERE member_id = ${memberId} AND account_id IN (${relevant[0]}, ${relevant[1]}) AND entry_date < ${from}::date
     GROUP BY currency`.execute(scope.db);
  const movements = await sql<{ entry_id: string; entry_date: string; kind: string; description: string; currency: string; charge_id: string | null; amount: string }>`
    SELECT l.entry_id, l.entry_date, e.kind, e.description, l.currency, min(l.charge_id::text)::uuid AS charge_id, sum(l.amount) AS amount
      FROM finance_lines l JOIN finance_entries e ON e.tenant_id = l.tenant_id AND e.id = l.entry_id
     WHERE l.member_id = ${memberId} AND l.account_id IN (${relevant[0]}, ${relevant[1]})
       AND l.entry_date BETWEEN ${from}::date AND ${to}::date
     GROUP BY l.entry_id, l.entry_date, e.kind, e.description, l.currency
    HAVING sum(l.amount) <> 0
     ORDER BY l.entry_date, l.entry_id`.execute(scope.db);

  // Running sums as bigints, exact; each is part of the ledger, so within 2^53 − 1 (turnover cap).
  const byCurrency = new Map<string, { opening: bigint; charges: bigint; credits: bigint; closing: bigint; lines: StatementLine[] }>();
  const get = (currency: string) => {
    let c = byCurrency.get(currency);
    if (!c) byCurrency.set(currency, (c = { opening: 0n, charges: 0n, credits: 0n, closing: 0n, lines: [] }));
    return c;
  };
  for (const o of opening.rows) get(o.currency).opening = exact(o.balance);
  for (const c of byCurrency.values()) c.closing = c.opening;
  for (const m of movements.rows) {
    const c = get(m.currency);
    const amount = exact(m.amount);
    c.closing += amount;
    if (amount > 0n) c.charges += amount;
    else c.credits -= amount;
    c.lines.push({ entryId: m.entry_id, date: m.entry_date, kind: m.kind, description: m.description, chargeId: m.charge_id, amount: safeTotal(amount, 'statement line'), balance: safeTotal(c.closing, 'balance') });
  }
  const currencies = [...byCurrency].map(([currency, c]) => ({
    currency,
    opening: safeTotal(c.opening, 'opening balance'),
    charges: safeTotal(c.charges, 'charges'),
    credits: safeTotal(c.credits, 'credits'),
    closing: safeTotal(c.closing, 'closing balance'),
    lines: c.lines,
  }));
  return { memberId, from, to, currencies: currencies.sort((a, b) => a.currency.localeCompare(b.currency)) };
}
