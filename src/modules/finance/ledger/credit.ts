import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { emitAll } from '../../../kernel/events/outbox.js';
import { newId } from '../../../kernel/ids.js';
import { safeTotal, sumExact } from '../../../kernel/money.js';
import { CreditRepository, type CreditEntry, type PlannedShare } from './credit.repository.js';
import type { SystemAccount } from './journal.js';
import type { Allocation, Charge, ChargeStatus } from './ledger.types.js';

/**
 * A charge's status from what settled it: nothing left to pay is `paid` when payments settled
 * it all, `written_off` when any of it was written off (a debt given up is not a debt paid).
 */
export function chargeStatus(c: { amount: number; allocated: number; writtenOff: number }): ChargeStatus {
  const settled = c.allocated + c.writtenOff;
  if (settled === 0) return 'open';
  if (settled < c.amount) return 'partially_paid';
  return c.writtenOff > 0 ? 'written_off' : 'paid';
}

const latest = (dates: IsoDate[]): IsoDate => dates.reduce((a, b) => (b > a ? b : a));

/** Credit of one member in one currency settling charges: a share of it for each charge. */
export interface Settlement {
  memberId: string;
  currency: string;
  date: IsoDate;
  shares: { charge: Pick<Charge, 'id' | 'unitId' | 'leaseId' | 'amount' | 'allocated' | 'writtenOff'>; amount: number }[];
}

interface SettleOptions {
  accounts: Record<SystemAccount, string>;
  paymentId?: string | null;
  createdBy?: string | null;
}

/**
 * Writes settlements: per settlement an allocation entry (member credit debited, each
 * charge's receivable credited) and its allocations, and the charges' new `allocated` and
 * status, in one statement however many; then `charge.paid` for each charge settled in full
 * and `payment.allocated` per settlement. Answers the allocations and the charges as they are now.
 */
export async function writeSettlements(scope: TenantScope, settlements: Settlement[], options: SettleOptions): Promise<{ allocations: Allocation[]; charges: Charge[] }> {
  const entries: CreditEntry[] = settlements.map((s) => ({
    id: newId(),
    memberId: s.memberId,
    currency: s.currency,
    date: s.date,
    description: `Allocation to ${s.shares.length} charge${s.shares.length === 1 ? '' : 's'}`,
    total: safeTotal(sumExact(s.shares.map((share) => share.amount)), 'allocation'),
    shares: s.shares.map(({ charge, amount }) => ({
      allocationId: newId(),
      chargeId: charge.id,
      unitId: charge.unitId,
      leaseId: charge.leaseId,
      amount,
      status: chargeStatus({ ...charge, allocated: charge.allocated + amount }),
    })),
  }));
  const paymentId = options.paymentId ?? null;
  const accounts = { receivable: options.accounts.receivable, memberCredit: options.accounts.member_credit };
  const written = new Map((await new CreditRepository(scope.db).write(scope.tenant.id, entries, accounts, paymentId, options.createdBy ?? null)).map((c) => [c.id, c]));

  const made = entries.map((e) => ({
    entry: e,
    allocations: e.shares.map((s): Allocation => ({ id: s.allocationId, chargeId: s.chargeId, paymentId, amount: s.amount, currency: e.currency, entryId: e.id })),
  }));
  const charges = entries.flatMap((e) => e.shares.map((s) => written.get(s.chargeId)!));
  await emitAll(scope, 'charge.paid', charges.filter((c) => c.status === 'paid'));
  await emitAll(scope, 'payment.allocated', made.map(({ entry, allocations }) => ({ memberId: entry.memberId, paymentId, currency: entry.currency, total: entry.total, allocations })));
  return { allocations: made.flatMap((m) => m.allocations), charges };
}

/**
 * Settles open charges from credit, for every member and currency of `pairs` at once: each
 * member's credit in the currency pays their open charges in it, oldest due first, until it
 * runs out. Two statements for the lot (the plan, then writeSettlements).
 *
 * The caller holds the members' locks (lockMember, lockMembers): credit read here is spent
 * before anyone else may read it. The entry is dated `date`, or else on the latest of the
 * charges' entries and of the lines in the member's credit: never before the money or the
 * charges it joins, so that a balance on any earlier day is what it was.
 */
export async function settleFromCredit(scope: TenantScope, pairs: { memberId: string; currency: string }[], options: SettleOptions & { date?: IsoDate }): Promise<{ allocations: Allocation[]; charges: Charge[] }> {
  const shares = await new CreditRepository(scope.db).plan(scope.tenant.id, options.accounts.member_credit, pairs);
  const groups = new Map<string, PlannedShare[]>();
  for (const s of shares) {
    const key = `${s.memberId}/${s.currency}`;
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const settlements = [...groups.values()].map((group) => ({
    memberId: group[0]!.memberId,
    currency: group[0]!.currency,
    date: options.date ?? latest([group[0]!.creditDate, ...group.map((s) => s.chargeDate)]),
    shares: group.map((s) => ({ charge: { id: s.chargeId, unitId: s.unitId, leaseId: s.leaseId, amount: s.amount, allocated: s.allocated, writtenOff: s.writtenOff }, amount: s.share })),
  }));
  return writeSettlements(scope, settlements, options);
}
