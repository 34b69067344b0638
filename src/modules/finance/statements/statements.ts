import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { safeTotal } from '../../../kernel/money.js';
import { systemAccounts } from '../ledger/index.js';
import { StatementsRepository } from './statements.repository.js';

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
  const repo = new StatementsRepository(scope.db);
  const opening = await repo.opening(memberId, [accounts.receivable, accounts.member_credit], from);
  const movements = await repo.movements(memberId, [accounts.receivable, accounts.member_credit], from, to);

  // Running sums as bigints, exact; each is part of the ledger, so within 2^53 − 1 (turnover cap).
  const byCurrency = new Map<string, { opening: bigint; charges: bigint; credits: bigint; closing: bigint; lines: StatementLine[] }>();
  const get = (currency: string) => {
    let c = byCurrency.get(currency);
    if (!c) byCurrency.set(currency, (c = { opening: 0n, charges: 0n, credits: 0n, closing: 0n, lines: [] }));
    return c;
  };
  for (const o of opening) get(o.currency).opening = o.balance;
  for (const c of byCurrency.values()) c.closing = c.opening;
  for (const { amount, currency, ...m } of movements) {
    const c = get(currency);
    c.closing += amount;
    if (amount > 0n) c.charges += amount;
    else c.credits -= amount;
    c.lines.push({ ...m, amount: safeTotal(amount, 'statement line'), balance: safeTotal(c.closing, 'balance') });
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
