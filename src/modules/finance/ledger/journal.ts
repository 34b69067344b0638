import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { AppError } from '../../../kernel/errors.js';
import { financeErrors } from '../finance.errors.js';
import { newId } from '../../../kernel/ids.js';
import { JournalRepository } from './journal.repository.js';

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

/** The accounts the platform posts to by itself; a tenant adds its own beside them. */
export const SYSTEM_ACCOUNTS = {
  bank: { code: '1000', name: 'Bank and cash', type: 'asset' },
  receivable: { code: '1100', name: 'Accounts receivable', type: 'asset' },
  deposits_held: { code: '2100', name: 'Deposits held', type: 'liability' },
  owner_payable: { code: '2200', name: 'Owner payable', type: 'liability' },
  member_credit: { code: '2300', name: 'Member credit and suspense', type: 'liability' },
  levy_income: { code: '4000', name: 'Levy income', type: 'income' },
  rent_income: { code: '4100', name: 'Rent income', type: 'income' },
  late_fee_income: { code: '4200', name: 'Late-fee income', type: 'income' },
  other_income: { code: '4900', name: 'Service, utility and other income', type: 'income' },
  bad_debt: { code: '5100', name: 'Bad debt written off', type: 'expense' },
} as const satisfies Record<string, { code: string; name: string; type: AccountType }>;
export type SystemAccount = keyof typeof SYSTEM_ACCOUNTS;

export interface LineInput {
  account: { key: SystemAccount } | { id: string };
  /** Debit positive, credit negative, in minor units. */
  amount: number;
  currency: string;
  memberId?: string | null;
  unitId?: string | null;
  leaseId?: string | null;
  chargeId?: string | null;
}

export interface EntryInput {
  date: IsoDate;
  description: string;
  kind: string;
  lines: LineInput[];
  reversesId?: string;
  createdBy?: string | null;
}

/**
 * Ids of the tenant's system accounts, by key; seeds the chart on first use (idempotent, and
 * concurrent seeders agree). Not cached across transactions: a seeding transaction may roll back.
 */
export async function systemAccounts(scope: TenantScope): Promise<Record<SystemAccount, string>> {
  const journal = new JournalRepository(scope.db);
  const read = async () => (await journal.systemAccountIds()) as Record<SystemAccount, string>;
  const found = await read();
  if (Object.keys(SYSTEM_ACCOUNTS).every((k) => k in found)) return found;
  await journal.seedAccounts(scope.tenant.id, Object.entries(SYSTEM_ACCOUNTS).map(([key, a]) => ({ id: newId(), code: a.code, name: a.name, type: a.type, systemKey: key })));
  const seeded = await read();
  // A tenant account holding a system account's code would leave the key unseeded, and the
  // posting that needs it would write a line to no account.
  const missing = Object.keys(SYSTEM_ACCOUNTS).filter((k) => !(k in seeded));
  if (missing.length > 0) throw new Error(`finance: system accounts ${missing.join(', ')} could not be seeded (their codes are taken)`);
  return seeded;
}

/** Refuses an entry that does not balance per currency before the database has to. */
export function assertBalanced(lines: Pick<LineInput, 'amount' | 'currency'>[]): void {
  if (lines.length < 2) throw new AppError('validation_failed', 'A journal entry needs at least two lines', { errors: [{ field: 'lines', message: 'needs at least two lines' }] });
  // Summed exactly: past 2^53 numbers round (2^53 + 1 is 2^53), and an entry off by one could pass.
  const totals = new Map<string, bigint>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount) || l.amount === 0) throw new AppError('validation_failed', 'Line amounts are non-zero whole minor units', { errors: [{ field: 'lines', message: 'amounts must be non-zero integers' }] });
    totals.set(l.currency, (totals.get(l.currency) ?? 0n) + BigInt(l.amount));
  }
  const off = [...totals].filter(([, total]) => total !== 0n);
  if (off.length > 0) {
    throw new AppError(financeErrors.entry_unbalanced, `The entry does not balance: ${off.map(([c, t]) => `${c} off by ${t}`).join(', ')}`, { errors: [{ field: 'lines', message: 'debits and credits must be equal per currency' }] });
  }
}

/**
 * Posts a balanced journal entry in the caller's transaction and returns its id. The database
 * checks the balance again at commit and refuses any later edit.
 */
export async function postEntry(scope: TenantScope, entry: EntryInput, accounts?: Record<SystemAccount, string>): Promise<string> {
  assertBalanced(entry.lines);
  const ids = entry.lines.some((l) => 'key' in l.account) ? (accounts ?? (await systemAccounts(scope))) : accounts;
  const id = newId();
  await new JournalRepository(scope.db).insertEntry(
    scope.tenant.id,
    id,
    { date: entry.date, description: entry.description, kind: entry.kind, reversesId: entry.reversesId ?? null, createdBy: entry.createdBy ?? null },
    entry.lines.map((l) => ({
      accountId: 'key' in l.account ? ids![l.account.key] : l.account.id,
      amount: l.amount,
      currency: l.currency,
      memberId: l.memberId ?? null,
      unitId: l.unitId ?? null,
      leaseId: l.leaseId ?? null,
      chargeId: l.chargeId ?? null,
    })),
  );
  return id;
}

/** Posts the mirror image of an entry (every line negated), linked to it; an entry is reversed once. */
export async function reverseEntry(scope: TenantScope, entryId: string, date: IsoDate, description: string, kind = 'reversal', createdBy: string | null = null): Promise<string> {
  const journal = new JournalRepository(scope.db);
  const lines = await journal.linesToReverse(entryId);
  if (lines.length === 0) throw new AppError('not_found', 'The journal entry was not found');
  const already = await journal.reversalOf(entryId);
  if (already) throw new AppError(financeErrors.entry_already_reversed, 'The journal entry is already reversed', { reversalId: already });
  return postEntry(scope, {
    date,
    description,
    kind,
    reversesId: entryId,
    createdBy,
    lines: lines.map(({ accountId, amount, ...concerning }) => ({ account: { id: accountId }, amount: -amount, ...concerning })),
  });
}

/**
 * Members' money movements are serialised by lock buckets, not by one lock per member: a
 * billing batch locks the members of 500 charges, and 500 advisory locks in one transaction
 * would fill PostgreSQL's shared lock table (max_locks_per_transaction, 64 per connection by
 * default) with a dozen batches at once. With buckets a batch takes at most MEMBER_LOCK_BUCKETS
 * locks; the price is that two members of one bucket wait for each other.
 */
const MEMBER_LOCK_BUCKETS = 32;

function memberBucket(memberId: string): number {
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < memberId.length; i++) hash = Math.imul(hash ^ memberId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % MEMBER_LOCK_BUCKETS;
}

const bucketLock = (scope: TenantScope, bucket: number) => `finance:member:${scope.tenant.id}:${bucket}`;

/** Serialises money movements of one member (allocations, payments, voids, postings), across processes. */
export async function lockMember(scope: TenantScope, memberId: string): Promise<void> {
  await new JournalRepository(scope.db).lock(bucketLock(scope, memberBucket(memberId)));
}

/**
 * lockMember for many members in one statement (a billing batch's, a bank import's), their
 * buckets taken in ascending order: every transaction that holds more than one member's lock
 * takes them through here first, so that no two deadlock. A lock already held is taken again
 * at no cost, so lockMember after lockMembers waits for nobody.
 */
export async function lockMembers(scope: TenantScope, memberIds: string[]): Promise<void> {
  const buckets = [...new Set(memberIds.map(memberBucket))].sort((a, b) => a - b);
  if (buckets.length > 0) await new JournalRepository(scope.db).lockAll(buckets.map((b) => bucketLock(scope, b)));
}
