import type { TenantScope } from '../../../kernel/context.js';
import { firstDay, lastDay, levyPeriodStarting, rentPeriodsStarting, type Month } from './billing.periods.js';
import { BillingRepository } from './billing.repository.js';
import type { Schedule, SkipReason } from './billing.schemas.js';
import type { Plan, PlanLine } from './billing.types.js';
import { levyUnits, rentLeases, type LevyUnit, type RentLease } from './billing.sources.js';
import { largestRemainder, shareUnits, type Claim } from './billing.split.js';
import { renderDescription } from './schedules.service.js';

type Draft = Omit<PlanLine, 'status' | 'reason' | 'detail' | 'chargeId'>;
const charge = (d: Draft): PlanLine => ({ ...d, status: 'pending', reason: null, detail: null, chargeId: null });
const skip = (d: Draft, reason: SkipReason, detail: string): PlanLine => ({ ...d, status: 'skipped', reason, detail, chargeId: null });

/**
 * A unit's levy: the budget's part for it, charged to its owners on the period's first day.
 * Several owners split it by ownership share, by the same largest-remainder rule; shares that
 * do not sum to 1 are taken relative to their sum, so the owners recorded pay the whole part.
 */
function levyLines(schedule: Schedule, period: Month, units: LevyUnit[]): PlanLine[] {
  const p = levyPeriodStarting(period, { frequency: schedule.frequency!, dueDay: schedule.dueDay!, startPeriod: schedule.startPeriod, endPeriod: schedule.endPeriod });
  if (!p) return [];
  const budget = schedule.budget!;
  const draft = (u: LevyUnit, memberId: string | null, amount: number | null): Draft => ({
    scheduleId: schedule.id,
    kind: 'levy',
    target: `schedule:${schedule.id}:${p.key}:${u.id}`,
    naturalKey: memberId === null ? null : `schedule:${schedule.id}:${p.key}:${u.id}:${memberId}`,
    memberId,
    unitId: u.id,
    leaseId: null,
    amount,
    currency: budget.currency,
    description: renderDescription(schedule.description, { schedule: schedule.name, period: period, periodStart: p.start, periodEnd: p.end, unit: u.label, property: u.propertyName }),
    periodStart: p.start,
    periodEnd: p.end,
    dueDate: p.due,
  });

  const sharing = units.flatMap((u) => {
    const weight = u.participationShare === null ? 0n : shareUnits(u.participationShare);
    return weight > 0n ? [{ u, claim: { weight, tieBreak: [u.label, u.id] } satisfies Claim }] : [];
  });
  const parts = largestRemainder(budget.amount, sharing.map((s) => s.claim));
  const partOf = new Map(sharing.map((s, i) => [s.u.id, parts[i]!]));

  const lines: PlanLine[] = [];
  for (const u of units) {
    const part = partOf.get(u.id);
    if (part === undefined) {
      lines.push(skip(draft(u, null, null), 'no_share', `unit ${u.label} has no participation share`));
      continue;
    }
    if (u.ownerIds.length === 0) {
      lines.push(skip(draft(u, null, part), 'no_owner', `unit ${u.label} has no owner on ${p.start}`));
      continue;
    }
    if (part === 0) {
      lines.push(skip(draft(u, null, 0), 'zero_amount', `unit ${u.label}'s part of the budget rounds to nothing`));
      continue;
    }
    // Shares are required of owners; were one missing, the owners would share equally.
    const ownerWeights = u.ownerShares.some((s) => s === null) ? u.ownerIds.map(() => 1n) : u.ownerShares.map((s) => shareUnits(s!));
    const ownerParts = largestRemainder(part, u.ownerIds.map((id, i) => ({ weight: ownerWeights[i]!, tieBreak: [id] })));
    u.ownerIds.forEach((memberId, i) => {
      const amount = ownerParts[i]!;
      lines.push(amount > 0 ? charge(draft(u, memberId, amount)) : skip(draft(u, memberId, 0), 'zero_amount', `the owner's part of unit ${u.label}'s levy rounds to nothing`));
    });
  }
  return lines;
}

/**
 * A lease's rent for each of its periods that begins in the month, charged to the lead renter
 * or split equally between the renters (largest remainder, earlier renters first on ties).
 */
function rentLines(schedule: Schedule, period: Month, leases: RentLease[]): PlanLine[] {
  if (period < schedule.startPeriod || (schedule.endPeriod !== null && period > schedule.endPeriod)) return [];
  const lines: PlanLine[] = [];
  for (const l of leases) {
    const terms = { startDate: l.startDate, endDate: l.endDate, frequency: l.frequency, dueDay: l.dueDay, amount: l.rentAmount };
    for (const rp of rentPeriodsStarting(period, terms)) {
      const target = `rent:${l.id}:${rp.start}`;
      const draft = (memberId: string | null, amount: number): Draft => ({
        scheduleId: schedule.id,
        kind: 'rent',
        target,
        naturalKey: memberId === null ? null : `${target}:${memberId}`,
        memberId,
        unitId: l.unitId,
        leaseId: l.id,
        amount,
        currency: l.currency,
        description: renderDescription(schedule.description, { schedule: schedule.name, period, periodStart: rp.start, periodEnd: rp.end, unit: l.unitLabel, property: l.propertyName }),
        periodStart: rp.start,
        periodEnd: rp.end,
        dueDate: rp.start,
      });
      if (l.renterIds.length === 0) {
        lines.push(skip(draft(null, rp.amount), 'no_renter', `lease ${l.id} has no renter`));
        continue;
      }
      const payers = schedule.renterSplit === 'equal' ? l.renterIds : l.renterIds.slice(0, 1);
      // Renters in lease order: the position, zero-padded, orders ties the way the lease lists them.
      const parts = largestRemainder(rp.amount, payers.map((_, i) => ({ weight: 1n, tieBreak: [String(i).padStart(3, '0')] })));
      payers.forEach((memberId, i) => {
        const amount = parts[i]!;
        lines.push(amount > 0 ? charge(draft(memberId, amount)) : skip(draft(memberId, 0), 'zero_amount', rp.amount === 0 ? `lease ${l.id} has no rent` : 'the renter’s part of the rent rounds to nothing'));
      });
    }
  }
  return lines;
}

/**
 * What billing `period` with `schedules` charges: every line, in a stable order (schedules by
 * name, then units by label or leases by unit), checked against what is already charged.
 * Writes nothing: the preview is this, and a run stores it as its items.
 *
 * A line whose natural key is taken is `existing` (made before: a repeated or resumed run).
 * A unit's levy or a lease period's rent already charged to other members (the owners or
 * renters changed after it was billed) is skipped, never charged twice.
 */
export async function planPeriod(scope: TenantScope, period: Month, schedules: Schedule[]): Promise<Plan> {
  let lines: PlanLine[] = [];
  for (const s of schedules) {
    if (s.kind === 'levy') {
      const due = levyPeriodStarting(period, { frequency: s.frequency!, dueDay: s.dueDay!, startPeriod: s.startPeriod, endPeriod: s.endPeriod });
      if (due) lines.push(...levyLines(s, period, await levyUnits(scope, s.propertyId!, s.includeSubProperties, due.start)));
    } else {
      lines.push(...rentLines(s, period, await rentLeases(scope, s.propertyId, s.includeSubProperties, firstDay(period), lastDay(period))));
    }
  }

  const repo = new BillingRepository(scope.db);
  const keys = lines.flatMap((l) => (l.naturalKey !== null && l.status === 'pending' ? [l.naturalKey] : []));
  const existing = await repo.chargesByNaturalKey(scope.tenant.id, keys);
  const billed = await repo.billedTargets(scope.tenant.id, [...new Set(lines.filter((l) => l.status === 'pending').map((l) => l.target))]);
  const planned = new Map<string, Set<string>>();
  for (const l of lines) if (l.naturalKey !== null) planned.set(l.target, (planned.get(l.target) ?? new Set()).add(l.naturalKey));
  const claimed = new Map<string, string>();
  lines = lines.map((l) => {
    if (l.status !== 'pending') return l;
    const chargeId = existing.get(l.naturalKey!);
    if (chargeId) return { ...l, status: 'existing', chargeId };
    // Billed before to members who are all in this plan: an earlier run left some of them to do.
    // Billed to anyone else: who owns or rents changed since, and the target is charged already.
    const others = [...(billed.get(l.target) ?? [])].filter((k) => !planned.get(l.target)!.has(k));
    if (others.length > 0) return { ...l, status: 'skipped', reason: 'billed_to_others', detail: `already charged to member ${others.map((k) => k.slice(k.lastIndexOf(':') + 1)).join(', ')}` };
    // Two schedules reaching one target in the same plan (a lease under two rent schedules).
    const first = claimed.get(l.naturalKey!);
    if (first !== undefined && first !== l.scheduleId) return { ...l, status: 'skipped', reason: 'already_charged', detail: `also billed by schedule ${first} in this run` };
    claimed.set(l.naturalKey!, l.scheduleId);
    return l;
  });
  return { period, schedules, lines };
}
