import { sql, type Kysely, type Selectable } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { LicenceClaims } from '../../kernel/security/licence.js';
import type { ControlTables } from '../control.tables.js';
import type { LicenceAdjustments } from './licence-adjustments.js';

const columns = ['id', 'jws', 'claims', 'overrides', 'issuedAt', 'expiresAt'] as const;
export type LicenceRow = Pick<Selectable<ControlTables['control.licences']>, (typeof columns)[number]>;

/** A tenant with its current licence: what renewing or reissuing it starts from. */
export interface CurrentLicence {
  tenantId: string;
  slug: string;
  planKey: string;
  claims: LicenceClaims;
  overrides: LicenceAdjustments;
  expiresAt: Date;
}

/** SQL for issued licences (`control.licences`): append-only, the newest is the tenant's. */
export class LicencesRepository {
  private readonly db: Kysely<ControlTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  current(tenantId: string): Promise<LicenceRow | undefined> {
    return this.db.selectFrom('control.licences').select(columns).where('tenantId', '=', tenantId).orderBy('issuedAt', 'desc').limit(1).executeTakeFirst();
  }

  /**
   * Active tenants whose current (newest) licence expires before `before`, soonest first; not
   * those whose subscription is canceled: renewal follows the subscription.
   */
  expiringForActiveTenants(before: Date, limit: number): Promise<CurrentLicence[]> {
    return this.#tenantsWithCurrent()
      .where('t.status', '=', 'active')
      .where('current.expiresAt', '<', before)
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM control.subscriptions s WHERE s.tenant_id = t.id AND s.status = 'canceled')`)
      .orderBy('current.expiresAt')
      .limit(limit)
      .execute();
  }

  /**
   * Active and suspended tenants (of `plan`, or of any) whose current licence was issued before
   * their plan's modules or limits last changed, oldest first: those a plan edit has to reach.
   */
  olderThanTheirPlan(plan: string | null, limit: number): Promise<CurrentLicence[]> {
    let query = this.#tenantsWithCurrent()
      .innerJoin('control.plans as p', 'p.key', 't.planKey')
      .where('t.status', 'in', ['active', 'suspended'])
      .whereRef('current.issuedAt', '<', 'p.termsChangedAt');
    if (plan) query = query.where('t.planKey', '=', plan);
    return query.orderBy('current.issuedAt').limit(limit).execute();
  }

  #tenantsWithCurrent() {
    return this.db
      .selectFrom('control.tenants as t')
      .innerJoinLateral(
        (eb) => eb.selectFrom('control.licences as l').select(['l.claims', 'l.overrides', 'l.issuedAt', 'l.expiresAt']).whereRef('l.tenantId', '=', 't.id').orderBy('l.issuedAt', 'desc').limit(1).as('current'),
        (join) => join.onTrue(),
      )
      .select(['t.id as tenantId', 't.slug', 't.planKey', 'current.claims', 'current.overrides', 'current.expiresAt']);
  }

  async exists(tenantId: string): Promise<boolean> {
    return (await this.db.selectFrom('control.licences').select('id').where('tenantId', '=', tenantId).limit(1).executeTakeFirst()) !== undefined;
  }

  insert(licence: { id: string; tenantId: string; jws: string; claims: LicenceClaims; overrides: LicenceAdjustments; expiresAt: Date }): Promise<LicenceRow> {
    return this.db
      .insertInto('control.licences')
      .values({ id: licence.id, tenantId: licence.tenantId, jws: licence.jws, claims: JSON.stringify(licence.claims), overrides: JSON.stringify(licence.overrides), expiresAt: licence.expiresAt })
      .returning(columns)
      .executeTakeFirstOrThrow();
  }
}
