import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import type { SsoTables } from './sso.tables.js';

export type SsoProviderRow = Selectable<SsoTables['ssoProviders']>;

/** What a provider is configured with (the secret sealed already). */
export interface SsoProviderInput {
  name: string;
  issuer: string;
  clientId: string;
  clientSecretSealed: string;
  scopes: string[];
  roleClaim: string | null;
  roleMapping: Record<string, string>;
  defaultRoles: string[];
  emailDomains: string[];
  required: boolean;
  jitProvisioning: boolean;
}

/** SQL for the tenant's SSO providers. Runs inside the tenant transaction: RLS scopes every statement. */
export class SsoRepository {
  private readonly db: Kysely<SsoTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  insert(tenantId: string, input: SsoProviderInput, id: string = newId()): Promise<SsoProviderRow> {
    return this.db
      .insertInto('ssoProviders')
      .values({ tenantId, id, ...input, roleMapping: JSON.stringify(input.roleMapping) as never })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  find(id: string): Promise<SsoProviderRow | undefined> {
    return this.db.selectFrom('ssoProviders').selectAll().where('id', '=', id).executeTakeFirst();
  }

  list(): Promise<SsoProviderRow[]> {
    return this.db.selectFrom('ssoProviders').selectAll().orderBy('name').orderBy('id').execute();
  }

  update(id: string, patch: Partial<SsoProviderInput>): Promise<SsoProviderRow | undefined> {
    const { roleMapping, ...rest } = patch;
    return this.db
      .updateTable('ssoProviders')
      .set({ ...rest, ...(roleMapping !== undefined ? { roleMapping: JSON.stringify(roleMapping) as never } : {}), updatedAt: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.db.deleteFrom('ssoProviders').where('id', '=', id).returning('id').execute();
    return rows.length > 0;
  }

  /** The providers that name this (lower-case) e-mail domain. */
  forDomain(domain: string): Promise<SsoProviderRow[]> {
    return this.db.selectFrom('ssoProviders').selectAll().where(sql<boolean>`${domain} = ANY(email_domains)`).orderBy('name').orderBy('id').execute();
  }
}
