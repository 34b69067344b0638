import type { Db } from '../../kernel/db/tables.js';
import type { TenantInfo } from '../../kernel/context.js';
import { isUuid } from '../../kernel/ids.js';
import type { TenantDirectory } from '../../kernel/tenant-directory.js';

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

  constructor(private readonly control: Db) {}

  byIdOrSlug(value: string): Promise<TenantInfo | null> {
    const key = value.toLowerCase();
    return this.#cached(`t:${key}`, () => this.#load(isUuid(key) ? { id: key } : { slug: key }));
  }

  byDomain(host: string): Promise<TenantInfo | null> {
    return this.#cached(`d:${host}`, () => this.#load({ domain: host }));
  }

  async liveTenantIds(): Promise<string[]> {
    const rows = await this.control.selectFrom('control.tenants').select('id').where('status', 'in', ['active', 'suspended']).execute();
    return rows.map((r: { id: string }) => r.id);
  }

  async dedicatedDatabases(): Promise<{ slug: string; databaseName: string }[]> {
    const rows = await this.control
      .selectFrom('control.tenants')
      .select(['slug', 'database_name'])
      .where('placement', '=', 'dedicated')
      .where('status', 'in', ['active', 'suspended'])
      .execute();
    return rows.map((r: { slug: string; database_name: string }) => ({ slug: r.slug, databaseName: r.database_name }));
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
        't.database_name',
        't.branding',
        eb
          .selectFrom('control.licences as l')
          .select('l.jws')
          .whereRef('l.tenant_id', '=', 't.id')
          .orderBy('l.issued_at', 'desc')
          .limit(1)
          .as('licence_jws'),
      ]);
    if ('id' in by) query = query.where('t.id', '=', by.id);
    else if ('slug' in by) query = query.where('t.slug', '=', by.slug);
    else query = query.where('t.id', 'in', this.control.selectFrom('control.domains').select('tenant_id').where('domain', '=', by.domain));
    const row = await query.executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      status: row.status,
      placement: row.placement,
      databaseName: row.database_name,
      licenceJws: row.licence_jws ?? null,
      branding: row.branding ?? {},
    };
  }
}
