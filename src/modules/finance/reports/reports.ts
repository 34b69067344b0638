import { sql } from 'kysely';
import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { exact, safeTotal, sumExact } from '../../../kernel/money.js';
import { systemAccounts } from '../ledger/index.js';

export const AGING_GROUPS = ['member', 'unit', 'property'] as const;
export type AgingGroup = (typeof AGING_GROUPS)[number];

export interface AgingRow {
  /** The member, unit or property id; null for charges with no unit (grouped by unit or property). */
  id: string | null;
  name: string | null;
  currency: string;
  current: number;
  days1to30: number;
  days31to60: number;
  days61to90: number;
  over90: number;
  total: number;
}

const AGING_FIGURES = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90', 'total'] as const;
const agingFigures = (f: bigint[]) => Object.fromEntries(AGING_FIGURES.map((k, i) => [k, safeTotal(f[i]!, `${k} arrears`)])) as Record<(typeof AGING_FIGURES)[number], number>;

/**
 * Arrears aging on `asOf`: what each charge still owed that day (its receivable lines up to
 * then, so a later payment does not rewrite the past), by days past its due date, summed per
 * member, unit or property. Unapplied credit is not netted here: it shows on the balance.
 * Names come from the members, units and properties tables (a read-only join for the report).
 */
export async function arrearsAging(scope: TenantScope, asOf: IsoDate, groupBy: AgingGroup): Promise<{ asOf: IsoDate; groupBy: AgingGroup; rows: AgingRow[]; totals: Omit<AgingRow, 'id' | 'name'>[] }> {
  const { receivable } = await systemAccounts(scope);
  const key = groupBy === 'member' ? sql`c.member_id` : groupBy === 'unit' ? sql`c.unit_id` : sql`u.property_id`;
  const name =
    groupBy === 'member'
      ? sql`(SELECT m.first_name || ' ' || m.last_name FROM members m WHERE m.id = g.id)`
      : groupBy === 'unit'
        ? sql`(SELECT x.label FROM units x WHERE x.id = g.id)`
        : sql`(SELECT p.name FROM properties p WHERE p.id = g.id)`;
  const result = await sql<{ id: string | null; name: string | null; currency: string; current: string; d30: string; d60: string; d90: string; over: string }>`
    WITH owed AS (
      SELECT l.charge_id, sum(l.amount) AS amount
        FROM finance_lines l
       WHERE l.account_id = ${receivable} AND l.charge_id IS NOT NULL AND l.entry_date <= ${asOf}::date
       GROUP BY l.charge_id
      HAVING sum(l.amount) > 0
    ), aged AS (
      SELECT ${key} AS id, c.currency, o.amount, ${asOf}::date - c.due_date AS late
        FROM owed o
        JOIN finance_charges c ON c.id = o.charge_id
        LEFT JOIN units u ON u.tenant_id = c.tenant_id AND u.id = c.unit_id
    ), grouped AS (
      SELECT id, currency,
             coalesce(sum(amount) FILTER (WHERE late <= 0), 0) AS current,
             coalesce(sum(amount) FILTER (WHERE late BETWEEN 1 AND 30), 0) AS d30,
             coalesce(sum(amount) FILTER (WHERE late BETWEEN 31 AND 60), 0) AS d60,
             coalesce(sum(amount) FILTER (WHERE late BETWEEN 61 AND 90), 0) AS d90,
             coalesce(sum(amount) FILTER (WHERE late > 90), 0) AS over
        FROM aged GROUP BY id, currency
    )
    SELECT g.*, ${name} AS name FROM grouped g ORDER BY name, g.id, g.currency`.execute(scope.db);
  // Summed as bigints from the numeric sums: exact, and within 2^53 − 1 as the turnover cap
  // keeps every figure (what is still owed is part of what was debited).
  const totals = new Map<string, bigint[]>();
  const rows = result.rows.map((r) => {
    const buckets = [r.current, r.d30, r.d60, r.d90, r.over].map(exact);
    const figures = [...buckets, sumExact(buckets)];
    const t = totals.get(r.currency);
    totals.set(r.currency, t ? t.map((v, i) => v + figures[i]!) : figures);
    return { id: r.id, name: r.name, currency: r.currency, ...agingFigures(figures) };
  });
  return { asOf, groupBy, rows, totals: [...totals].map(([currency, t]) => ({ currency, ...agingFigures(t) })) };
}

/** Income per income account between two dates (inclusive), credits positive, net of reversals. */
export async function incomeByAccount(scope: TenantScope, from: IsoDate, to: IsoDate) {
  await systemAccounts(scope);
  const result = await sql<{ account_id: string; code: string; name: string; currency: string; income: string }>`
    SELECT a.id AS account_id, a.code, a.name, l.currency, -sum(l.amount) AS income
      FROM finance_lines l JOIN finance_accounts a ON a.tenant_id = l.tenant_id AND a.id = l.account_id
     WHERE a.type = 'income' AND l.entry_date BETWEEN ${from}::date AND ${to}::date
     GROUP BY a.id, a.code, a.name, l.currency
     ORDER BY a.code, l.currency`.execute(scope.db);
  const totals = new Map<string, bigint>();
  const rows = result.rows.map((r) => {
    const income = exact(r.income);
    totals.set(r.currency, (totals.get(r.currency) ?? 0n) + income);
    return { accountId: r.account_id, code: r.code, name: r.name, currency: r.currency, income: safeTotal(income, 'income') };
  });
  return { from, to, rows, totals: [...totals].map(([currency, income]) => ({ currency, income: safeTotal(income, 'income total') })) };
}

/**
 * Collections for charges due between two dates: what was charged (voids excluded), what of
 * it was settled by payments by `asOf` (default `to`), and the rate. Write-offs are shown
 * apart: they settle a charge without collecting it.
 */
export async function collections(scope: TenantScope, from: IsoDate, to: IsoDate, asOf: IsoDate = to) {
  const result = await sql<{ currency: string; charges: string; charged: string; collected: string; written_off: string }>`
    SELECT c.currency, count(*) AS charges, sum(c.amount) AS charged,
           coalesce(sum((SELECT sum(a.amount) FROM finance_allocations a
                           JOIN finance_entries e ON e.tenant_id = a.tenant_id AND e.id = a.entry_id
                          WHERE a.tenant_id = c.tenant_id AND a.charge_id = c.id AND a.reversed_entry_id IS NULL AND e.entry_date <= ${asOf}::date)), 0) AS collected,
           sum(c.written_off) AS written_off
      FROM finance_charges c
     WHERE c.status <> 'void' AND c.due_date BETWEEN ${from}::date AND ${to}::date
     GROUP BY c.currency ORDER BY c.currency`.execute(scope.db);
  return {
    from,
    to,
    asOf,
    rows: result.rows.map((r) => {
      const [charged, collected] = [exact(r.charged), exact(r.collected)];
      // The rate to four decimals, from the exact sums (rounded half up).
      const rate = charged === 0n ? null : Number((collected * 20_000n + charged) / (2n * charged)) / 10_000;
      return { currency: r.currency, charges: Number(r.charges), charged: safeTotal(charged, 'amount charged'), collected: safeTotal(collected, 'amount collected'), writtenOff: safeTotal(exact(r.written_off), 'amount written off'), rate };
    }),
  };
}
