import type { Kysely, Selectable } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { LicenceClaims } from '../../kernel/security/licence.js';
import type { ControlTables } from '../control.tables.js';

const columns = ['id', 'jws', 'claims', 'issuedAt', 'expiresAt'] as const;
export type LicenceRow = Pick<Selectable<ControlTables['control.licences']>, (typeof columns)[number]>;

/** SQL for issued licences (`control.licences`): append-only, the newest is the tenant's. */
export class LicencesRepository {
  private readonly db: Kysely<ControlTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  current(tenantId: string): Promise<LicenceRow | undefined> {
    return this.db.selectFrom('control.licences').select(columns).where('tenantId', '=', tenantId).orderBy('issuedAt', 'desc').limit(1).executeTakeFirst();
  }

  /** Active tenants whose current (newest) licence expires before `before`, soonest first. */
  expiringForActiveTenants(before: Date, limit: number): Promise<{ tenantId: string; slug: string; planKey: string; claims: LicenceClaims; expiresAt: Date }[]> {
    return this.db
      .selectFrom('control.tenants as t')
      .innerJoinLateral(
        (eb) => eb.selectFrom('control.licences as l').select(['l.claims', 'l.expiresAt']).whereRef('l.tenantId', '=', 't.id').orderBy('l.issuedAt', 'desc').limit(1).as('current'),
        (join) => join.onTrue(),
      )
      .select(['t.id as tenantId', 't.slug', 't.planKey', 'current.claims', 'current.expiresAt'])
      .where('t.status', '=', 'active')
      .where('current.expiresAt', '<', before)
      .orderBy('current.expiresAt')
      .limit(limit)
      .execute();
  }

  async exists(tenantId: string): Promise<boolean> {
    return (await this.db.selectFrom('control.licences').select('id').where('tenantId', '=', tenantId).limit(1).executeTakeFirst()) !== undefined;
  }

  insert(licence: { id: string; tenantId: string; jws: string; claims: LicenceClaims; expiresAt: Date }): Promise<LicenceRow> {
    return this.db
      .insertInto('control.licences')
      .values({ id: licence.id, tenantId: licence.tenantId, jws: licence.jws, claims: JSON.stringify(licence.claims), expiresAt: licence.expiresAt })
      .returning(columns)
      .executeTakeFirstOrThrow();
  }
}
