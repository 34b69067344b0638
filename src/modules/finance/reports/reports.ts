import { readScope, type TenantContext, type TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { fieldError, notFound } from '../../../kernel/errors.js';
import { safeTotal, sumExact } from '../../../kernel/money.js';
import { existingMembers, memberNames } from '../../members/index.js';
import { unitLabels } from '../../properties/index.js';
import { systemAccounts } from '../ledger/index.js';
import { memberStatement, type Statement } from '../statements/index.js';
import { ReportsRepository } from './reports.repository.js';

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
 * Names come from the members and properties modules, asked once for all the report's ids.
 */
export async function arrearsAging(scope: TenantScope, asOf: IsoDate, groupBy: AgingGroup): Promise<{ asOf: IsoDate; groupBy: AgingGroup; rows: AgingRow[]; totals: Omit<AgingRow, 'id' | 'name'>[] }> {
  const { receivable } = await systemAccounts(scope);
  const aged = await new ReportsRepository(scope.db).aging(receivable, asOf, groupBy === 'member' ? 'member' : 'unit');
  const ids = [...new Set(aged.flatMap((a) => (a.id === null ? [] : [a.id])))];
  let groups: { id: string | null; name: string | null; currency: string; buckets: bigint[] }[];
  if (groupBy === 'member') {
    const names = await memberNames(scope.db, ids);
    groups = aged.map((a) => {
      const n = a.id === null ? undefined : names.get(a.id);
      return { ...a, name: n ? `${n.firstName} ${n.lastName}` : null };
    });
  } else {
    const units = await unitLabels(scope.db, ids);
    if (groupBy === 'unit') {
      groups = aged.map((a) => ({ ...a, name: (a.id !== null && units.get(a.id)?.label) || null }));
    } else {
      // A charge whose unit is gone counts with those that have none, as the unit's property is unknown.
      const byProperty = new Map<string, { id: string | null; name: string | null; currency: string; buckets: bigint[] }>();
      for (const a of aged) {
        const unit = a.id === null ? undefined : units.get(a.id);
        const id = unit?.propertyId ?? null;
        const key = `${id}/${a.currency}`;
        const group = byProperty.get(key);
        if (group) group.buckets = group.buckets.map((v, i) => v + a.buckets[i]!);
        else byProperty.set(key, { id, name: unit?.propertyName ?? null, currency: a.currency, buckets: [...a.buckets] });
      }
      groups = [...byProperty.values()];
    }
  }
  // By name (unnamed last), then id (none last), then currency, as the rows are read.
  const order = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  groups.sort((a, b) => order(a.name, b.name) || order(a.id, b.id) || order(a.currency, b.currency));
  // Summed as bigints from the numeric sums: exact, and within 2^53 − 1 as the turnover cap
  // keeps every figure (what is still owed is part of what was debited).
  const totals = new Map<string, bigint[]>();
  const rows = groups.map((g) => {
    const figures = [...g.buckets, sumExact(g.buckets)];
    const t = totals.get(g.currency);
    totals.set(g.currency, t ? t.map((v, i) => v + figures[i]!) : figures);
    return { id: g.id, name: g.name, currency: g.currency, ...agingFigures(figures) };
  });
  return { asOf, groupBy, rows, totals: [...totals].map(([currency, t]) => ({ currency, ...agingFigures(t) })) };
}

/** Income per income account between two dates (inclusive), credits positive, net of reversals. */
export async function incomeByAccount(scope: TenantScope, from: IsoDate, to: IsoDate) {
  await systemAccounts(scope);
  const accounts = await new ReportsRepository(scope.db).income(from, to);
  const totals = new Map<string, bigint>();
  const rows = accounts.map((r) => {
    totals.set(r.currency, (totals.get(r.currency) ?? 0n) + r.income);
    return { ...r, income: safeTotal(r.income, 'income') };
  });
  return { from, to, rows, totals: [...totals].map(([currency, income]) => ({ currency, income: safeTotal(income, 'income total') })) };
}

/**
 * Collections for charges due between two dates: what was charged (voids excluded), what of
 * it was settled by payments by `asOf` (default `to`), and the rate. Write-offs are shown
 * apart: they settle a charge without collecting it.
 */
export async function collections(scope: TenantScope, from: IsoDate, to: IsoDate, asOf: IsoDate = to) {
  const sums = await new ReportsRepository(scope.db).collections(from, to, asOf);
  return {
    from,
    to,
    asOf,
    rows: sums.map(({ currency, charges, charged, collected, writtenOff }) => {
      // The rate to four decimals, from the exact sums (rounded half up).
      const rate = charged === 0n ? null : Number((collected * 20_000n + charged) / (2n * charged)) / 10_000;
      return { currency, charges, charged: safeTotal(charged, 'amount charged'), collected: safeTotal(collected, 'amount collected'), writtenOff: safeTotal(writtenOff, 'amount written off'), rate };
    }),
  };
}

/** The longest span of the monthly collections report, in months. */
export const MAX_MONTHS = 24;

/** `YYYY-MM` as a count of months, and back. */
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * Billed and collected per month from `from` to `to` (`YYYY-MM`, both included, at most 24
 * months; by default the twelve months up to this one): charges by the month they fell due,
 * payments by the month received. Every month is there for every currency the span saw, with
 * zeros where nothing moved.
 */
export async function monthlyCollections(scope: TenantScope, period: { from?: string; to?: string }, thisMonth: string) {
  const to = period.to ?? thisMonth;
  const last = monthIndex(to);
  const from = period.from ?? monthOf(last - 11);
  const first = monthIndex(from);
  if (last < first) throw fieldError('to', 'must be on or after from');
  if (last - first >= MAX_MONTHS) throw fieldError('to', `must be at most ${MAX_MONTHS} months from from`);
  const sums = await new ReportsRepository(scope.db).monthly(`${from}-01`, `${monthOf(last + 1)}-01`);
  const key = (month: string, currency: string) => `${month}/${currency}`;
  const billed = new Map(sums.billed.map((s) => [key(s.month, s.currency), s.amount]));
  const collected = new Map(sums.collected.map((s) => [key(s.month, s.currency), s.amount]));
  const currencies = [...new Set([...sums.billed, ...sums.collected].map((s) => s.currency))].sort();
  const rows = Array.from({ length: last - first + 1 }, (_, i) => monthOf(first + i)).flatMap((month) =>
    currencies.map((currency) => ({
      month,
      currency,
      billed: safeTotal(billed.get(key(month, currency)) ?? 0n, 'amount billed'),
      collected: safeTotal(collected.get(key(month, currency)) ?? 0n, 'amount collected'),
    })),
  );
  return { from, to, rows };
}

/**
 * A member's statement for a period, by default the month so far; a portal member gets 404
 * for anyone else's, as for a member the tenant does not have.
 */
export async function statementOf(ctx: TenantContext, memberId: string, period: { from?: IsoDate; to?: IsoDate }, today: IsoDate): Promise<Statement> {
  const scope = readScope(ctx, 'finance.read');
  if (scope && scope.memberId !== memberId) throw notFound('The member');
  const to = period.to ?? today;
  const from = period.from ?? `${to.slice(0, 7)}-01`;
  if (to < from) throw fieldError('to', 'must be on or after from');
  if (!(await existingMembers(ctx.db, [memberId])).has(memberId)) throw notFound('The member');
  return memberStatement(ctx, memberId, from, to);
}
