import { sql, type Kysely, type Selectable } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { LicenceLimits } from '../../kernel/security/licence.js';
import type { PlanPricing } from '../billing/pricing.js';
import type { ControlTables } from '../control.tables.js';

export interface Plan {
  key: string;
  name: string;
  description: string;
  modules: string[];
  limits: LicenceLimits;
  price: { amountMinor: number; currency: string; interval: 'month' | 'year' };
  /** Metered components and the trial, beside the base price. */
  pricing: PlanPricing;
  active: boolean;
}

/** A plan's fields as the operator sets them: a patch names only those it changes. */
export type PlanFields = Omit<Plan, 'key'>;

const columns = ['key', 'name', 'description', 'modules', 'limits', 'priceMinor', 'currency', 'interval', 'pricing', 'active'] as const;
type PlanRow = Pick<Selectable<ControlTables['control.plans']>, (typeof columns)[number]>;

// bigint arrives as a string from node-postgres; prices stay far below 2^53.
const plan = (r: PlanRow): Plan => ({
  key: r.key,
  name: r.name,
  description: r.description,
  modules: r.modules,
  limits: r.limits,
  price: { amountMinor: Number(r.priceMinor), currency: r.currency, interval: r.interval },
  pricing: r.pricing,
  active: r.active,
});

/** SQL for the catalogue of plans (`control.plans`). */
export class PlansRepository {
  private readonly db: Kysely<ControlTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  async list(): Promise<Plan[]> {
    return (await this.db.selectFrom('control.plans').select(columns).orderBy('priceMinor').execute()).map(plan);
  }

  async find(key: string): Promise<Plan | undefined> {
    const row = await this.db.selectFrom('control.plans').select(columns).where('key', '=', key).executeTakeFirst();
    return row && plan(row);
  }

  /** Adds a plan; undefined when the key is taken. */
  async insert(p: Plan): Promise<Plan | undefined> {
    const row = await this.db
      .insertInto('control.plans')
      .values({
        key: p.key,
        name: p.name,
        description: p.description,
        modules: p.modules,
        limits: JSON.stringify(p.limits),
        priceMinor: p.price.amountMinor,
        currency: p.price.currency,
        interval: p.price.interval,
        pricing: JSON.stringify(p.pricing),
        active: p.active,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning(columns)
      .executeTakeFirst();
    return row && plan(row);
  }

  async update(key: string, patch: Partial<PlanFields>): Promise<Plan> {
    const row = await this.db
      .updateTable('control.plans')
      .set({
        updatedAt: new Date(),
        // The database's clock, like a licence's issued_at that it is compared with.
        ...(patch.modules || patch.limits ? { termsChangedAt: sql<Date>`clock_timestamp()` } : {}),
        name: patch.name,
        description: patch.description,
        modules: patch.modules,
        limits: patch.limits && JSON.stringify(patch.limits),
        priceMinor: patch.price?.amountMinor,
        currency: patch.price?.currency,
        interval: patch.price?.interval,
        pricing: patch.pricing && JSON.stringify(patch.pricing),
        active: patch.active,
      })
      .where('key', '=', key)
      .returning(columns)
      .executeTakeFirstOrThrow();
    return plan(row);
  }
}
