import { sql } from 'kysely';
import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { AppError } from '../../../kernel/errors.js';
import { financeErrors } from '../finance.errors.js';
import { newId } from '../../../kernel/ids.js';

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
  const read = async () => {
    const rows = await scope.db.selectFrom('finance_accounts').select(['id', 'system_key']).where('system_key', 'is not', null).execute();
    return Object.fromEntries(rows.map((r: { id: string; system_key: string }) => [r.system_key, r.id])) as Record<SystemAccount, string>;
  };
  const found = await read();
  if (Object.keys(SYSTEM_ACCOUNTS).every((k) => k in found)) return found;
  const rows = Object.entries(SYSTEM_ACCOUNTS).map(([key, a]) => ({ tenant_id: scope.tenant.id, id: newId(), code: a.code, name: a.name, type: a.type, system_key: key }));
  await scope.db.insertInto('finance_accounts').values(rows).onConflict((oc) => oc.doNothing()).execute();
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
  await scope.db
    .insertInto('finance_entries')
    .values({ tenant_id: scope.tenant.id, id, entry_date: entry.date, description: entry.description, kind: entry.kind, reverses_id: entry.reversesId ?? null, created_by: entry.createdBy ?? null })
    .execute();
  await scope.db
    .insertInto('finance_lines')
    .values(
      entry.lines.map((l, i) => ({
        tenant_id: scope.tenant.id,
        entry_id: id,
        line_no: i + 1,
        account_id: 'key' in l.account ? ids![l.account.key] : l.account.id,
        amount: l.amount,
        currency: l.currency,
        member_id: l.memberId ?? null,
        unit_id: l.unitId ?? null,
        lease_id: l.leaseId ?? null,
        charge_id: l.chargeId ?? null,
        entry_date: entry.date,
      })),
    )
    .execute();
  return id;
}

/** Posts the mirror image of an entry (every line negated), linked to it; an entry is reversed once. */
export async function reverseEntry(scope: TenantScope, entryId: string, date: IsoDate, description: string, kind = 'reversal', createdBy: string | null = null): Promise<string> {
  const lines = await scope.db
    .selectFrom('finance_lines')
    .select(['account_id', 'amount', 'currency', 'member_id', 'unit_id', 'lease_id', 'charge_id'])
    .where('entry_id', '=', entryId)
    .orderBy('line_no')
    .execute();
  if (lines.length === 0) throw new AppError('not_found', 'The journal entry was not found');
  const already = await scope.db.selectFrom('finance_entries').select('id').where('reverses_id', '=', entryId).executeTakeFirst();
  if (already) throw new AppError(financeErrors.entry_already_reversed, 'The journal entry is already reversed', { reversalId: already.id });
  return postEntry(scope, {
    date,
    description,
    kind,
    reversesId: entryId,
    createdBy,
    lines: lines.map((l: { account_id: string; amount: number; currency: string; member_id: string | null; unit_id: string | null; lease_id: string | null; charge_id: string | null }) => ({
      account: { id: l.account_id },
      amount: -Number(l.amount),
      currency: l.currency,
      memberId: l.member_id,
      unitId: l.unit_id,
      leaseId: l.lease_id,
      chargeId: l.charge_id,
    })),
  });
}

/** Serialises money movements of one member (allocations, payments, voids), across processes. */
export async function lockMember(scope: TenantScope, memberId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`finance:member:${scope.tenant.id}:${memberId}`}, 0))`.execute(scope.db);
}
