import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { notFound } from '../../../kernel/errors.js';
import { safeTotal } from '../../../kernel/money.js';
import { BalancesRepository } from './balances.repository.js';
import { systemAccounts } from './journal.js';

export interface TrialBalanceRow {
  accountId: string;
  code: string;
  name: string;
  type: string;
  currency: string;
  /** The balance when it is a debit, else 0. */
  debit: number;
  /** The balance when it is a credit, else 0. */
  credit: number;
  /** Debit positive. */
  balance: number;
}

/** Every account's balance per currency on `asOf` (inclusive); debits equal credits per currency. */
export async function trialBalance(scope: TenantScope, asOf: IsoDate): Promise<{ asOf: IsoDate; rows: TrialBalanceRow[]; totals: { currency: string; debit: number; credit: number }[] }> {
  await systemAccounts(scope);
  const accounts = await new BalancesRepository(scope.db).accountTotals(asOf);
  // Each account's balance goes in the column of its side, as a trial balance is read: the
  // columns then add up to the totals, and the totals agree when the ledger balances. Summed
  // as bigints (a sum() is numeric, read as text): every figure is exact, and within 2^53 − 1
  // as the turnover cap keeps it (docs/finance.md, Exact totals).
  const totals = new Map<string, { debit: bigint; credit: bigint }>();
  const rows = accounts.map((r) => {
    const balance = r.balance;
    const [debit, credit] = balance > 0n ? [balance, 0n] : [0n, -balance];
    const t = totals.get(r.currency) ?? { debit: 0n, credit: 0n };
    totals.set(r.currency, { debit: t.debit + debit, credit: t.credit + credit });
    return { accountId: r.accountId, code: r.code, name: r.name, type: r.type, currency: r.currency, debit: safeTotal(debit, 'debit'), credit: safeTotal(credit, 'credit'), balance: safeTotal(balance, 'balance') };
  });
  return {
    asOf,
    rows,
    totals: [...totals]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, t]) => ({ currency, debit: safeTotal(t.debit, 'debit total'), credit: safeTotal(t.credit, 'credit total') })),
  };
}

/** What a member owes per currency on `asOf`: receivable less unapplied credit (negative: in credit). */
export async function memberBalance(scope: TenantScope, memberId: string, asOf: IsoDate): Promise<{ currency: string; receivable: number; credit: number; balance: number }[]> {
  const accounts = await systemAccounts(scope);
  const totals = await new BalancesRepository(scope.db).memberTotals(memberId, asOf, { receivable: accounts.receivable, memberCredit: accounts.member_credit });
  return totals.map(({ currency, receivable, credit }) => ({ currency, receivable: safeTotal(receivable, 'receivable'), credit: safeTotal(credit, 'credit'), balance: safeTotal(receivable - credit, 'balance') }));
}

/**
 * The members who owe more than `over` minor units in `currency` on `asOf`, net of their
 * unapplied credit: an arrears list for the communications module's segments.
 */
export async function membersInArrears(scope: TenantScope, currency: string, over: number, asOf: IsoDate): Promise<string[]> {
  const accounts = await systemAccounts(scope);
  return new BalancesRepository(scope.db).membersOwing(currency, BigInt(over), asOf, { receivable: accounts.receivable, memberCredit: accounts.member_credit });
}

/** An account's lines between two dates with the running balance, opening from everything before. */
export async function accountLedger(scope: TenantScope, accountId: string, from: IsoDate, to: IsoDate) {
  const balances = new BalancesRepository(scope.db);
  const account = await balances.account(accountId);
  if (!account) throw notFound('The account');
  const openingBy = new Map((await balances.openingBalances(accountId, from)).map((r) => [r.currency, r.balance]));
  const lines = await balances.accountLines(accountId, from, to);
  return {
    account,
    from,
    to,
    opening: [...openingBy].map(([currency, balance]) => ({ currency, balance: safeTotal(balance, 'opening balance') })),
    lines: lines.map(({ running, ...line }) => ({ ...line, balance: safeTotal((openingBy.get(line.currency) ?? 0n) + running, 'running balance') })),
  };
}
