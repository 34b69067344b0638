import type { Kysely } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { TenantInfo } from '../../kernel/context.js';
import { isUuid } from '../../kernel/ids.js';
import type { TenantDirectory } from '../../kernel/tenant-directory.js';
import type { ControlTables } from '../control.tables.js';

// A safety net only: changes arrive as notifications (see platform.ts), at once.
const TTL_MS = 60_000;

interface Entry {
  tenant: TenantInfo | null;
  expires: number;
}

/**
 * The tenant registry as the data plane and the job runtime see it (the kernel's
 * TenantDirectory), read from the control schema and cached. Every change on the control
 * plane invalidates it: directly in the same process, and through a PostgreSQL notification
 * in every other, so suspensions and licence reissues take effect at once everywhere.
 */
export class ControlTenantDirectory implements TenantDirectory {
  readonly #byKey = new Map<string, Entry>();

  private readonly control: Kysely<ControlTables>;

  constructor(control: Db) {
    this.control = tablesOf(control);
  }

  byIdOrSlug(value: string): Promise<TenantInfo | null> {
    const key = value.toLowerCase();
    return this.#cached(`t:${key}`, () => this.#load(isUuid(key) ? { id: key } : { slug: key }));
  }

  byDomain(host: string): Promise<TenantInfo | null> {
    return this.#cached(`d:${host}`, () => this.#load({ domain: host }));
  }

  async liveTenantIds(): Promise<string[]> {
    const rows = await this.control.selectFrom('control.tenants').select('id').where('status', 'in', ['active', 'suspended']).execute();
    return rows.map((r) => r.id);
  }

  async dedicatedDatabases(): Promise<{ slug: string; databaseName: string }[]> {
    return this.control
      .selectFrom('control.tenants')
      .select(['slug', 'databaseName'])
      .where('placement', '=', 'dedicated')
      .where('status', 'in', ['active', 'suspended'])
      .where('databaseName', 'is not', null)
      .$narrowType<{ databaseName: string }>()
      .execute();
  }

  invalidate(): void {
    this.#byKey.clear();
  }

  async #cached(key: string, load: () => Promise<TenantInfo | null>): Promise<TenantInfo | null> {
    const now = Date.now();
    const hit = this.#byKey.get(key);
    if (hit && hit.expires > now) return hit.tenant;
    const tenant = await load();
    if (this.#byKey.size > 50_000) this.#byKey.clear();
    this.#byKey.set(key, { tenant, expires: now + TTL_MS });
    return tenant;
  }

  async #load(by: { id: string } | { slug: string } | { domain: string }): Promise<TenantInfo | null> {
    let query = this.control
      .selectFrom('control.tenants as t')
      .select((eb) => [
        't.id',
        't.slug',
        't.name',
        't.status',
        't.placement',
        't.databaseName',
        't.branding',
        eb
          .selectFrom('control.licences as l')
          .select('l.jws')
          .whereRef('l.tenantId', '=', 't.id')
          .orderBy('l.issuedAt', 'desc')
          .limit(1)
          .as('licenceJws'),
      ]);
    if ('id' in by) query = query.where('t.id', '=', by.id);
    else if ('slug' in by) query = query.where('t.slug', '=', by.slug);
    else query = query.where('t.id', 'in', this.control.selectFrom('control.domains').select('tenantId').where('domain', '=', by.domain));
    const row = await query.executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      status: row.status,
      placement: row.placement,
      databaseName: row.databaseName,
      licenceJws: row.licenceJws ?? null,
      branding: row.branding ?? {},
    };
  }
}
