import { sql, type Kysely } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { ControlTables } from '../control.tables.js';

/** SQL for the offers of modules to plans (`control.module_offers`): each pair is offered once. */
export class ModuleOffersRepository {
  private readonly db: Kysely<ControlTables>;

  constructor(db: Db) {
    this.db = tablesOf<ControlTables>(db);
  }

  async planModules(): Promise<Map<string, string[]>> {
    const rows = await this.db.selectFrom('control.plans').select(['key', 'modules']).orderBy('key').execute();
    return new Map(rows.map((r) => [r.key, r.modules]));
  }

  /** The modules already offered to a plan (or decided for it by the operator). */
  async offered(): Promise<Set<string>> {
    const rows = await this.db.selectFrom('control.moduleOffers').select(['planKey', 'module']).execute();
    return new Set(rows.map((r) => `${r.planKey}/${r.module}`));
  }

  /**
   * Records the offers; answers the pairs this call recorded (a process starting beside this one
   * may have recorded some first: its transaction holds them until it commits).
   */
  async record(pairs: { plan: string; module: string }[]): Promise<{ plan: string; module: string }[]> {
    if (pairs.length === 0) return [];
    const rows = await this.db
      .insertInto('control.moduleOffers')
      .values(pairs.map((p) => ({ planKey: p.plan, module: p.module })))
      .onConflict((oc) => oc.columns(['planKey', 'module']).doNothing())
      .returning(['planKey', 'module'])
      .execute();
    return rows.map((r) => ({ plan: r.planKey, module: r.module }));
  }

  /** Adds a module to a plan, unless it holds it already. */
  async addToPlan(plan: string, module: string): Promise<void> {
    await this.db
      .updateTable('control.plans')
      .set({ modules: sql<string[]>`array_append(modules, ${module})`, updatedAt: new Date(), termsChangedAt: sql<Date>`clock_timestamp()` })
      .where('key', '=', plan)
      .where(sql<boolean>`NOT (${module} = ANY (modules))`)
      .execute();
  }
}
