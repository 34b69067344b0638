import type { Db } from '../../kernel/db/tables.js';
import type { LicenceClaims } from '../../kernel/security/licence.js';

export interface LicenceRow {
  id: string;
  jws: string;
  claims: LicenceClaims;
  issued_at: Date;
  expires_at: Date;
}

/** SQL for issued licences (`control.licences`): append-only, the newest is the tenant's. */
export class LicencesRepository {
  constructor(private readonly db: Db) {}

  current(tenantId: string): Promise<LicenceRow | undefined> {
    return this.db.selectFrom('control.licences').select(['id', 'jws', 'claims', 'issued_at', 'expires_at']).where('tenant_id', '=', tenantId).orderBy('issued_at', 'desc').limit(1).executeTakeFirst();
  }

  async exists(tenantId: string): Promise<boolean> {
    return (await this.db.selectFrom('control.licences').select('id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirst()) !== undefined;
  }

  insert(licence: { id: string; tenantId: string; jws: string; claims: LicenceClaims; expiresAt: Date }): Promise<LicenceRow> {
    return this.db
      .insertInto('control.licences')
      .values({ id: licence.id, tenant_id: licence.tenantId, jws: licence.jws, claims: JSON.stringify(licence.claims), expires_at: licence.expiresAt })
      .returning(['id', 'jws', 'claims', 'issued_at', 'expires_at'])
      .executeTakeFirstOrThrow();
  }
}
