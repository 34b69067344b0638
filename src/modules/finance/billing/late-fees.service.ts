import { principalOf, type TenantContext, type TenantScope } from '../../../kernel/context.js';
import { addDays, todayIn, type IsoDate } from '../../../kernel/dates.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { emit } from '../../../kernel/events/outbox.js';
import type { JobContext } from '../../../kernel/jobs/job.js';
import { addMonthsToDate, monthOf, monthsBetween } from './billing.periods.js';
import { divideHalfUp } from './billing.split.js';
import { postCharge } from '../ledger/index.js';
import { systemAccounts } from '../ledger/index.js';
import { LateFeesRepository, type OverdueCharge } from './late-fees.repository.js';
import type { LateFeeRule, PutLateFeeRule } from './late-fees.schemas.js';

export const LATE_FEE_RULE_UPDATED = 'late_fee_rule.updated';

/** What a tenant that never set a rule has: no late fees. */
const NO_RULE: LateFeeRule = { enabled: false, graceDays: 0, kind: 'flat', amount: null, percentBasisPoints: null, cap: null, repeat: 'once', updatedAt: null };

export async function getLateFeeRule(ctx: TenantContext): Promise<LateFeeRule> {
  return (await new LateFeesRepository(ctx.db).rule()) ?? NO_RULE;
}

/** Replaces the tenant's rule: a flat fee names its amount, a percentage its basis points, never both. */
export async function putLateFeeRule(ctx: TenantContext, input: PutLateFeeRule): Promise<LateFeeRule> {
  const errors: FieldError[] = [];
  const amount = input.amount ?? null;
  const percent = input.percentBasisPoints ?? null;
  if (input.kind === 'flat') {
    if (amount === null) errors.push({ field: 'amount', message: 'is required for a flat fee' });
    if (percent !== null) errors.push({ field: 'percentBasisPoints', message: 'is for a percentage fee only' });
  } else {
    if (percent === null) errors.push({ field: 'percentBasisPoints', message: 'is required for a percentage fee' });
    if (amount !== null) errors.push({ field: 'amount', message: 'is for a flat fee only' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'The late-fee rule has invalid fields', { errors });
  const rule = await new LateFeesRepository(ctx.db).putRule(
    ctx.tenant.id,
    { enabled: input.enabled, graceDays: input.graceDays, kind: input.kind, amount, percentBasisPoints: percent, cap: input.cap ?? null, repeat: input.repeat },
    principalOf(ctx).userId,
  );
  await emit(ctx, LATE_FEE_RULE_UPDATED, rule);
  return rule;
}

/**
 * Which fee period a charge due on `dueDate` is in on `today`, or null while it is not late:
 * `once`, or the month in which the current month of lateness began. Lateness starts the day
 * after due date + grace days, and its months are counted from that day (late from 31 January:
 * 28 February begins the second month), so the first two fees are never days apart.
 */
export function lateFeePeriod(rule: Pick<LateFeeRule, 'graceDays' | 'repeat'>, dueDate: IsoDate, today: IsoDate): string | null {
  const firstLateDay = addDays(dueDate, rule.graceDays + 1);
  if (today < firstLateDay) return null;
  if (rule.repeat === 'once') return 'once';
  return monthOf(addMonthsToDate(firstLateDay, monthsBetween(firstLateDay, today)));
}

/** The fee on what a charge still owes: flat, or a percentage rounded to the minor unit (halves up); at most the cap. */
export function lateFeeAmount(rule: Pick<LateFeeRule, 'kind' | 'amount' | 'percentBasisPoints' | 'cap'>, outstanding: number): number {
  const fee = rule.kind === 'flat' ? rule.amount! : Number(divideHalfUp(BigInt(outstanding) * BigInt(rule.percentBasisPoints!), 10_000n));
  return rule.cap === null ? fee : Math.min(fee, rule.cap);
}

const BATCH = 500;

/**
 * The daily late-fee pass of one tenant (the `finance.late-fees` job): every open or part-paid
 * charge (not itself a fee) late on `now`'s day (in the tenant's zone) gets the fee of its current period, once. The
 * fee is a charge like any other (kind `fee`, the same member, unit and lease, due the same
 * day), under the natural key `late-fee:<charge>:<period>`: a second run the same day, or the
 * same month, finds it and charges nothing. A period the job did not run in (the workers were
 * down a whole month) is not charged afterwards: only the current one is.
 */
export async function applyLateFees(ctx: JobContext, tenantId: string, now: Date, batchSize = BATCH): Promise<{ charged: number; alreadyCharged: number; considered: number }> {
  const tenant = await ctx.tenant(tenantId);
  const today = todayIn(tenant.timeZone, now);
  const totals = { charged: 0, alreadyCharged: 0, considered: 0 };
  let after: [IsoDate, string] | null = null;
  for (;;) {
    const page: OverdueCharge[] | null = await ctx.tenantTransaction(tenantId, async (db) => {
      const scope: TenantScope = { db, tenant };
      const repo = new LateFeesRepository(db);
      const rule = await repo.rule();
      if (!rule?.enabled) return null;
      await repo.lock(tenantId);
      const charges = await repo.overdue(tenantId, addDays(today, -rule.graceDays), after, batchSize);
      const due = charges.flatMap((c) => {
        const period = lateFeePeriod(rule, c.dueDate, today);
        const amount = lateFeeAmount(rule, c.outstanding);
        return period === null || amount <= 0 ? [] : [{ charge: c, key: `late-fee:${c.id}:${period}`, amount }];
      });
      const taken = await repo.takenKeys(tenantId, due.map((d) => d.key));
      const accounts = taken.size === due.length ? null : await systemAccounts(scope);
      for (const d of due) {
        if (taken.has(d.key)) continue;
        const { created } = await postCharge(
          scope,
          { memberId: d.charge.memberId, unitId: d.charge.unitId, leaseId: d.charge.leaseId, kind: 'fee', description: `Late fee on ${d.charge.description}`, amount: d.amount, currency: d.charge.currency, dueDate: today },
          { naturalKey: d.key, accounts: accounts!, date: today },
        );
        if (created) totals.charged++;
      }
      totals.alreadyCharged += taken.size;
      totals.considered += charges.length;
      return charges;
    });
    if (page === null || page.length < batchSize) break;
    const last = page[page.length - 1]!;
    after = [last.dueDate, last.id];
  }
  return totals;
}
