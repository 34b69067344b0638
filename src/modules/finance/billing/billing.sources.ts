import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { IsoDate } from '../../../kernel/dates.js';
import type { AnyDB } from '../../../kernel/db/database.js';
import type { RentFrequency } from './billing.periods.js';

/** A unit that shares a levy, with its owners on the period's first day. */
export interface LevyUnitRow {
  id: string;
  label: string;
  property_name: string;
  /** numeric(12, 9) as an exact decimal string; null: no share recorded. */
  participation_share: string | null;
  owner_ids: string[];
  /** Parallel to owner_ids; exact decimal strings. */
  owner_shares: (string | null)[];
}

/** A lease in force at some time in the billed month, with its renters in their order. */
export interface RentLeaseRow {
  id: string;
  unit_id: string;
  unit_label: string;
  property_name: string;
  start_date: IsoDate;
  end_date: IsoDate | null;
  rent_amount: number;
  currency: string;
  frequency: RentFrequency;
  due_day: number;
  renter_ids: string[];
}

/**
 * What billing reads of other modules' tables (properties, units, occupancies, leases and
 * lease renters): this is the only file of the finance module that does, and only to read.
 * Their services answer one unit or lease at a time; a run over an estate of 50,000 units
 * needs one query per schedule instead. Runs inside the tenant transaction, under RLS.
 */
export class BillingSourcesRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  /** The property's id set: itself, and with `deep` every property inside it at any depth. */
  private properties(propertyId: string, deep: boolean): RawBuilder<unknown> {
    if (!deep) return sql`SELECT ${propertyId}::uuid AS id`;
    return sql`
      WITH RECURSIVE tree AS (
        SELECT p.id FROM properties p WHERE p.id = ${propertyId}::uuid
        UNION
        SELECT c.id FROM properties c JOIN tree t ON c.parent_id = t.id
      )
      SELECT id FROM tree`;
  }

  /**
   * The property's units that are not archived (and, with `deep`, those of the properties inside
   * it), each with its participation share and the owners whose occupancy covers `onDate`.
   * Ordered by label then id: the order charges are planned and remainders are given in.
   */
  async levyUnits(propertyId: string, deep: boolean, onDate: IsoDate): Promise<LevyUnitRow[]> {
    const result = await sql<LevyUnitRow>`
      SELECT u.id, u.label, p.name AS property_name, u.participation_share, o.owner_ids, o.owner_shares
        FROM units u
        JOIN properties p ON p.tenant_id = u.tenant_id AND p.id = u.property_id
        CROSS JOIN LATERAL (
          SELECT coalesce(array_agg(o.member_id::text ORDER BY o.member_id), '{}') AS owner_ids,
                 coalesce(array_agg(o.ownership_share::text ORDER BY o.member_id), '{}') AS owner_shares
            FROM occupancies o
           WHERE o.tenant_id = u.tenant_id AND o.unit_id = u.id AND o.role = 'owner'
             AND o.start_date <= ${onDate}::date AND (o.end_date IS NULL OR o.end_date >= ${onDate}::date)
        ) o
       WHERE u.property_id IN (${this.properties(propertyId, deep)})
         AND u.archived_at IS NULL
       ORDER BY u.label, u.id`.execute(this.db);
    return result.rows;
  }

  /**
   * Leases that were activated and are in force on some day from `from` to `to` (active or
   * ending, and those that ended or were terminated since: a run for a past month bills what
   * was let then), of the property's units or every unit. Leases cancelled before they began
   * hold no days and are left out.
   */
  async rentLeases(propertyId: string | null, deep: boolean, from: IsoDate, to: IsoDate): Promise<RentLeaseRow[]> {
    const inProperty = propertyId === null ? sql`` : sql`AND u.property_id IN (${this.properties(propertyId, deep)})`;
    // Driven from the leases, units and properties joined by key through laterals that
    // `OFFSET 0` keeps the planner from flattening (as the rent roll does, for the same reason).
    const result = await sql<RentLeaseRow>`
      SELECT l.id, l.unit_id, u.label AS unit_label, p.name AS property_name, l.start_date, l.end_date,
             l.rent_amount, l.currency, l.frequency, l.due_day,
             array(SELECT r.member_id::text FROM lease_renters r WHERE r.tenant_id = l.tenant_id AND r.lease_id = l.id ORDER BY r.position, r.member_id) AS renter_ids
        FROM leases l
        CROSS JOIN LATERAL (SELECT u.label, u.property_id FROM units u WHERE u.tenant_id = l.tenant_id AND u.id = l.unit_id OFFSET 0) u
        CROSS JOIN LATERAL (SELECT p.name FROM properties p WHERE p.tenant_id = l.tenant_id AND p.id = u.property_id OFFSET 0) p
       WHERE l.activated_at IS NOT NULL
         AND l.status <> 'draft'
         AND l.start_date <= ${to}::date
         AND (l.end_date IS NULL OR (l.end_date >= ${from}::date AND l.end_date >= l.start_date))
         ${inProperty}
       ORDER BY u.label, l.unit_id, l.start_date, l.id`.execute(this.db);
    return result.rows.map((r) => ({ ...r, rent_amount: Number(r.rent_amount) }));
  }

  /** The property and every property above it, nearest first. */
  async ancestry(propertyId: string): Promise<string[]> {
    const result = await sql<{ id: string }>`
      WITH RECURSIVE up AS (
        SELECT p.id, p.parent_id, 0 AS depth FROM properties p WHERE p.id = ${propertyId}::uuid
        UNION ALL
        SELECT q.id, q.parent_id, up.depth + 1 FROM properties q JOIN up ON q.id = up.parent_id WHERE up.depth < 100
      )
      SELECT id FROM up ORDER BY depth`.execute(this.db);
    return result.rows.map((r) => r.id);
  }
}
