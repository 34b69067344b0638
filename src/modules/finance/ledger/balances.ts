import { sql } from 'kysely';
import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { notFound } from '../../../kernel/errors.js';
import { exact, safeTotal } from '../../../kernel/money.js';
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
  const result = await sql<{ account_id: string; code: string; name: string; type: string; currency: string; balance: string }>`
    SELECT a.id AS account_id, a.code, a.name, a.type, l.currency, sum(l.amount) AS balance
      FROM finance_lines l JOIN finance_accounts a ON a.tenant_id = l.tenant_id AND a.id = l.account_id
     WHERE l.entry_date <= ${asOf}::date
     GROUP BY a.id, a.code, a.name, a.type, l.currency
     ORDER BY a.code, l.currency`.execute(scope.db);
  // Each account's balance goes in the column of its side, as a trial balance is read: the
  // columns then add up to the totals, and the totals agree when the ledger balances. Summed
  // as bigints (a sum() is numeric, read as text): every figure is exact, and within 2^53 − 1
  // as the turnover cap keeps it (docs/finance.md, Exact totals).
  const totals = new Map<string, { debit: bigint; credit: bigint }>();
  const rows = result.rows.map((r) => {
    const balance = exact(r.balance);
    const [debit, credit] = balance > 0n ? [balance, 0n] : [0n, -balance];
    const t = totals.get(r.currency) ?? { debit: 0n, credit: 0n };
    totals.set(r.currency, { debit: t.debit + debit, credit: t.credit + credit });
    return { accountId: r.account_id, code: r.code, name: r.name, type: r.type, currency: r.currency, debit: safeTotal(debit, 'debit'), credit: safeTotal(credit, 'credit'), balance: safeTotal(balance, 'balance') };
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
  const result = await sql<{ currency: string; receivable: string; credit: string }>`
    SELECT currency,
           coalesce(sum(amount) FILTER (WHERE account_id = ${accounts.receivable}), 0) AS receivable,
           coalesce(-sum(amount) FILTER (WHERE account_id = ${accounts.member_credit}), 0) AS credit
      FROM finance_lines
     WHERE member_id = ${memberId} AND entry_date <= ${asOf}::date
       AND account_id IN (${accounts.receivable}, ${accounts.member_credit})
     GROUP BY currency ORDER BY currency`.execute(scope.db);
  return result.rows.map((r) => {
    const [receivable, credit] = [exact(r.receivable), exact(r.credit)];
    return { currency: r.currency, receivable: safeTotal(receivable, 'receivable'), credit: safeTotal(credit, 'credit'), balance: safeTotal(receivable - credit, 'balance') };
  });
}

/** An account's lines between two dates with the running balance, opening from everything before. */
export async function accountLedger(scope: TenantScope, accountId: string, from: IsoDate, to: IsoDate) {
  const account = await scope.db.selectFrom('finance_accounts').select(['id', 'code', 'name', 'type']).where('id', '=', accountId).executeTakeFirst();
  if (!account) throw notFound('The account');
  const opening = await sql<{ currency: string; balance: string }>`
    SELECT currency, sum(amount) AS balance FROM finance_lines WHERE account_id = ${accountId} AND entry_date < ${from}::date GROUP BY currency`.execute(scope.db);
  const lines = await sql<{ entry_id: string; line_no: number; entry_date: string; description: string; kind: string; amount: string; currency: string; member_id: string | null; charge_id: string | null; running: string }>`
    SELECT l.entry_id, l.line_no, l.entry_date, e.description, e.kind, l.amount, l.currency, l.member_id, l.charge_id,
           sum(l.amount) OVER (PARTITION BY l.currency ORDER BY l.entry_date, l.entry_id, l.line_no) AS running
      FROM finance_lines l JOIN finance_entries e ON e.tenant_id = l.tenant_id AND e.id = l.entry_id
     WHERE l.account_id = ${accountId} AND l.entry_date BETWEEN ${from}::date AND ${to}::date
     ORDER BY l.entry_date, l.entry_id, l.line_no`.execute(scope.db);
  const openingBy = new Map(opening.rows.map((r) => [r.currency, exact(r.balance)]));
  return {
    account,
    from,
    to,
    opening: [...openingBy].map(([currency, balance]) => ({ currency, balance: safeTotal(balance, 'opening balance') })),
    lines: lines.rows.map((l) => ({
      entryId: l.entry_id,
      lineNo: l.line_no,
      date: l.entry_date,
      description: l.description,
      kind: l.kind,
      amount: Number(l.amount),
      currency: l.currency,
      memberId: l.member_id,
      chargeId: l.charge_id,
      balance: safeTotal((openingBy.get(l.currency) ?? 0n) + exact(l.running), 'running balance'),
    })),
  };
}
