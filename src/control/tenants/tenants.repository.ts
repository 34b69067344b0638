import { sql, type Kysely, type Selectable } from 'kysely';
import type { Branding, TenantStatus } from '../../kernel/context.js';
import type { Placement } from '../../kernel/db/router.js';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import { containsPattern } from '../../kernel/db/like.js';
import { isUuid } from '../../kernel/ids.js';
import type { Regional } from '../../kernel/regional.js';
import type { ControlTables } from '../control.tables.js';

/** A tenant as the registry keeps it, with its custom domains. */
export type TenantRow = Selectable<ControlTables['control.tenants']> & { domains: string[] | null };

export interface NewTenant {
  id: string;
  slug: string;
  name: string;
  planKey: string;
  placement: Placement;
  placementReason: string;
  databaseName: string | null;
  region: string;
  compliance: string[];
  expectedMembers: number | null;
  timeZone?: string;
  defaultLocale?: string;
  adminRequest: { email: string; name: string; passwordHash: string };
}

/** SQL for the tenant registry (`control.tenants`, `control.domains`). */
export class TenantsRepository {
  private readonly db: Kysely<ControlTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  #select() {
    return this.db
      .selectFrom('control.tenants as t')
      .selectAll('t')
      .select((eb) => eb.selectFrom('control.domains as d').select(sql<string[]>`array_agg(d.domain ORDER BY d.domain)`.as('domains')).whereRef('d.tenantId', '=', 't.id').as('domains'));
  }

  async find(idOrSlug: string): Promise<TenantRow | undefined> {
    return this.#select().where(isUuid(idOrSlug) ? 't.id' : 't.slug', '=', idOrSlug.toLowerCase()).executeTakeFirst();
  }

  /** A page in id order (UUIDv7: creation order), one more than `limit` to tell whether there is a next. */
  async list(query: { limit: number; after: string | null; q?: string; status?: TenantStatus }): Promise<TenantRow[]> {
    let q = this.#select().orderBy('t.id').limit(query.limit + 1);
    if (query.after) q = q.where('t.id', '>', query.after);
    if (query.status) q = q.where('t.status', '=', query.status);
    if (query.q) {
      const like = containsPattern(query.q);
      q = q.where((eb) => eb.or([eb('t.slug', 'ilike', like), eb('t.name', 'ilike', like)]));
    }
    return q.execute();
  }

  /** Registers a tenant as `provisioning`; false when the slug is taken. */
  async insert(t: NewTenant): Promise<boolean> {
    const row = await this.db
      .insertInto('control.tenants')
      .values({
        id: t.id,
        slug: t.slug,
        name: t.name,
        planKey: t.planKey,
        status: 'provisioning',
        placement: t.placement,
        placementReason: t.placementReason,
        databaseName: t.databaseName,
        region: t.region,
        compliance: t.compliance,
        expectedMembers: t.expectedMembers,
        ...(t.timeZone ? { timeZone: t.timeZone } : {}),
        ...(t.defaultLocale ? { defaultLocale: t.defaultLocale } : {}),
        adminRequest: JSON.stringify(t.adminRequest),
        provisioning: JSON.stringify({ completed: [], attempts: 0 }),
      })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Moves a failed tenant back to `provisioning`, atomically: false when it was not failed. */
  async claimFailed(id: string): Promise<boolean> {
    const row = await this.db
      .updateTable('control.tenants')
      .set({ status: 'provisioning', updatedAt: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async update(id: string, patch: { name?: string; planKey?: string; timeZone?: string; defaultLocale?: string }): Promise<void> {
    await this.db
      .updateTable('control.tenants')
      .set({
        ...(patch.name ? { name: patch.name } : {}),
        ...(patch.planKey ? { planKey: patch.planKey } : {}),
        ...(patch.timeZone ? { timeZone: patch.timeZone } : {}),
        ...(patch.defaultLocale ? { defaultLocale: patch.defaultLocale } : {}),
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .execute();
  }

  async setStatus(id: string, from: TenantStatus, to: TenantStatus): Promise<void> {
    await this.db.updateTable('control.tenants').set({ status: to, updatedAt: new Date() }).where('id', '=', id).where('status', '=', from).execute();
  }

  /** The tenant's branding, its row locked until the transaction ends (a change reads, merges, writes). */
  async brandingForUpdate(id: string): Promise<Branding | undefined> {
    const row = await this.db.selectFrom('control.tenants').select('branding').where('id', '=', id).forUpdate().executeTakeFirst();
    return row ? (row.branding ?? {}) : undefined;
  }

  /** The tenant's regional settings, its row locked until the transaction ends. */
  async regionalForUpdate(id: string): Promise<Regional | undefined> {
    return this.db.selectFrom('control.tenants').select(['timeZone', 'defaultLocale']).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  async setBranding(id: string, branding: Branding): Promise<void> {
    await this.db.updateTable('control.tenants').set({ branding: JSON.stringify(branding), updatedAt: new Date() }).where('id', '=', id).execute();
  }

  /** Adds a custom domain; nothing when another tenant (or this one) has it already. */
  async insertDomain(tenantId: string, domain: string): Promise<{ domain: string; tenantId: string; createdAt: Date } | undefined> {
    return this.db
      .insertInto('control.domains')
      .values({ domain, tenantId })
      .onConflict((oc) => oc.column('domain').doNothing())
      .returning(['domain', 'tenantId', 'createdAt'])
      .executeTakeFirst();
  }

  async deleteDomain(tenantId: string, domain: string): Promise<boolean> {
    const result = await this.db.deleteFrom('control.domains').where('tenantId', '=', tenantId).where('domain', '=', domain).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Tenants that still hold data: active or suspended. */
  async liveIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('control.tenants').select('id').where('status', 'in', ['active', 'suspended']).execute();
    return rows.map((r) => r.id);
  }

  /** The dedicated databases of live tenants. */
  dedicatedDatabases(): Promise<{ slug: string; databaseName: string }[]> {
    return this.db
      .selectFrom('control.tenants')
      .select(['slug', 'databaseName'])
      .where('placement', '=', 'dedicated')
      .where('status', 'in', ['active', 'suspended'])
      .where('databaseName', 'is not', null)
      .$narrowType<{ databaseName: string }>()
      .execute();
  }

  /**
   * What the data plane needs of a tenant, with its current licence (id and JWS), by id, slug
   * or custom domain: the whole of a cold tenant lookup, in one round trip.
   */
  routing(by: { id: string } | { slug: string } | { domain: string }) {
    let query = this.db
      .selectFrom('control.tenants as t')
      .leftJoinLateral(
        (eb) => eb.selectFrom('control.licences as l').select(['l.id', 'l.jws']).whereRef('l.tenantId', '=', 't.id').orderBy('l.issuedAt', 'desc').limit(1).as('cl'),
        (join) => join.onTrue(),
      )
      .select(['t.id', 't.slug', 't.name', 't.status', 't.placement', 't.databaseName', 't.branding', 't.timeZone', 't.defaultLocale', 'cl.id as licenceId', 'cl.jws as licenceJws']);
    if ('id' in by) query = query.where('t.id', '=', by.id);
    else if ('slug' in by) query = query.where('t.slug', '=', by.slug);
    else query = query.where('t.id', 'in', this.db.selectFrom('control.domains').select('tenantId').where('domain', '=', by.domain));
    return query.executeTakeFirst();
  }
}
