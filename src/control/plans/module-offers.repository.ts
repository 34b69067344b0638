import { sql, type Kysely } from 'kysely';
import type { AnyDB } from '../../kernel/db/database.js';

/** SQL for the offers of modules to plans (`control.module_offers`): each pair is offered once. */
export class ModuleOffersRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  async planModules(): Promise<Map<string, string[]>> {
    const rows = await this.db.selectFrom('control.plans').select(['key', 'modules']).orderBy('key').execute();
    return new Map(rows.map((r) => [r.key as string, r.modules as string[]]));
  }

  /** The modules already offered to a plan (or decided for it by the operator). */
  async offered(): Promise<Set<string>> {
    const rows = await this.db.selectFrom('control.module_offers').select(['plan_key', 'module']).execute();
    return new Set(rows.map((r) => `${r.plan_key as string}/${r.module as string}`));
  }

  /**
   * Records the offers; answers the pairs this call recorded (a process starting beside this one
   * may have recorded some first: its transaction holds them until it commits).
   */
  async record(pairs: { plan: string; module: string }[]): Promise<{ plan: string; module: string }[]> {
    if (pairs.length === 0) return [];
    const rows = await this.db
      .insertInto('control.module_offers')
      .values(pairs.map((p) => ({ plan_key: p.plan, module: p.module })))
      .onConflict((oc) => oc.columns(['plan_key', 'module']).doNothing())
      .returning(['plan_key', 'module'])
      .execute();
    return rows.map((r) => ({ plan: r.plan_key as string, module: r.module as string }));
  }

  /** Adds a module to a plan, unless it holds it already. */
  async addToPlan(plan: string, module: string): Promise<void> {
    await this.db
      .updateTable('control.plans')
      .set({ modules: sql`array_append(modules, ${module})`, updated_at: new Date() })
      .where('key', '=', plan)
      .where(sql<boolean>`NOT (${module} = ANY (modules))`)
      .execute();
  }
}
