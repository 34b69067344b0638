import { sql } from 'kysely';
import type { IsoDate } from '../../kernel/dates.js';
import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
import type { LeasesTables } from './leases.tables.js';

/**
 * What other modules may read of the leases, each in one query however many ids it is given.
 * They run in the caller's tenant transaction, under row-level security.
 */

/** A lease's rent terms and its renters in the lease's order (the lead renter first). */
export interface RentTerms {
  id: string;
  unitId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  rentAmount: number;
  currency: string;
  frequency: 'weekly' | 'monthly' | 'quarterly' | 'yearly';
  dueDay: number;
  renterIds: string[];
}

/**
 * Leases that were activated and are in force on some day from `from` to `to` (active or
 * ending, and those that ended or were terminated since: a past month's rent is what was let
 * then), of the units given or of every unit. Leases cancelled before they began hold no days
 * and are left out. In no particular order.
 */
export async function leasesInForce(db: Db, from: IsoDate, to: IsoDate, unitIds?: readonly string[]): Promise<RentTerms[]> {
  if (unitIds?.length === 0) return [];
  // Through tablesOf for its camelCase: the row comes back in RentTerms' names.
  const result = await sql<RentTerms>`
    SELECT l.id, l.unit_id, l.start_date, l.end_date, l.rent_amount, l.currency, l.frequency, l.due_day,
           array(SELECT r.member_id::text FROM lease_renters r WHERE r.tenant_id = l.tenant_id AND r.lease_id = l.id ORDER BY r.position, r.member_id) AS renter_ids
      FROM leases l
     WHERE l.activated_at IS NOT NULL
       AND l.status <> 'draft'
       AND l.start_date <= ${to}::date
       AND (l.end_date IS NULL OR (l.end_date >= ${from}::date AND l.end_date >= l.start_date))
       ${unitIds ? sql`AND l.unit_id = ${anyUuid(unitIds)}` : sql``}`.execute(tablesOf<LeasesTables>(db));
  // bigint: a number, as every amount the ledger keeps is within 2^53 (docs/finance.md).
  return result.rows.map((r) => ({ ...r, rentAmount: Number(r.rentAmount) }));
}

/** The leases among `ids` that exist. */
export async function existingLeases(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tablesOf<LeasesTables>(db).selectFrom('leases').select('id').where('id', '=', anyUuid(ids)).execute();
  return new Set(rows.map((r) => r.id));
}

/** The renters of leases in force on `today` that end before `before`: a communications segment's condition. */
export async function rentersWithLeaseEndingBefore(db: Db, today: IsoDate, before: IsoDate): Promise<string[]> {
  const result = await sql<{ memberId: string }>`
    SELECT DISTINCT r.member_id FROM leases l JOIN lease_renters r ON r.tenant_id = l.tenant_id AND r.lease_id = l.id
     WHERE l.activated_at IS NOT NULL AND l.status IN ('active', 'ending')
       AND l.start_date <= ${today}::date AND l.end_date IS NOT NULL AND l.end_date >= ${today}::date AND l.end_date < ${before}::date`.execute(tablesOf<LeasesTables>(db));
  return result.rows.map((r) => r.memberId);
}

/** The unit and start of each lease among `ids` that exists: what names a lease in a list (a custom field's link). */
export async function leaseStarts(db: Db, ids: readonly string[]): Promise<Map<string, { unitId: string; startDate: IsoDate }>> {
  if (ids.length === 0) return new Map();
  const rows = await tablesOf<LeasesTables>(db).selectFrom('leases').select(['id', 'unitId', 'startDate']).where('id', '=', anyUuid(ids)).execute();
  return new Map(rows.map(({ id, ...rest }) => [id, rest]));
}
