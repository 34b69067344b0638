import { sql, type Kysely, type Selectable } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { BillingTables, DunningStage, SubscriptionStatus } from './billing.tables.js';
import type { PriceTerms } from './pricing.js';

export type SubscriptionRow = Selectable<BillingTables['control.subscriptions']>;

/** SQL for subscriptions (`control.subscriptions`) and their mid-period plan changes. */
export class SubscriptionsRepository {
  private readonly db: Kysely<BillingTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  async insert(row: { tenantId: string; planKey: string; status: SubscriptionStatus; terms: PriceTerms; periodStart: Date; periodEnd: Date; trialEndsAt: Date | null; anchorDay: number }): Promise<SubscriptionRow | undefined> {
    return this.db
      .insertInto('control.subscriptions')
      .values({ ...row, terms: JSON.stringify(row.terms) })
      .onConflict((oc) => oc.column('tenantId').doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  async find(tenantId: string): Promise<SubscriptionRow | undefined> {
    return this.db.selectFrom('control.subscriptions').selectAll().where('tenantId', '=', tenantId).executeTakeFirst();
  }

  /** The subscription, locked until the transaction ends: one invoice run, plan change or payment at a time. */
  async lock(tenantId: string): Promise<SubscriptionRow | undefined> {
    return this.db.selectFrom('control.subscriptions').selectAll().where('tenantId', '=', tenantId).forUpdate().executeTakeFirst();
  }

  /** Tenants whose period has ended by `now`, oldest first, skipping any another run holds. */
  async due(now: Date, limit: number, skip: string[]): Promise<string[]> {
    let q = this.db.selectFrom('control.subscriptions').select('tenantId').where('periodEnd', '<=', now).where('status', '<>', 'canceled');
    if (skip.length > 0) q = q.where('tenantId', 'not in', skip);
    const rows = await q.orderBy('periodEnd').limit(limit).execute();
    return rows.map((r) => r.tenantId);
  }

  async update(tenantId: string, patch: Partial<{ planKey: string; status: SubscriptionStatus; dunning: DunningStage | null; terms: PriceTerms; periodStart: Date; periodEnd: Date; trialEndsAt: Date | null; country: string | null; billingEmail: string | null; cancelAtPeriodEnd: boolean; canceledAt: Date | null }>): Promise<SubscriptionRow> {
    const { terms, ...rest } = patch;
    return this.db
      .updateTable('control.subscriptions')
      .set({ ...rest, ...(terms ? { terms: JSON.stringify(terms) } : {}), updatedAt: new Date() })
      .where('tenantId', '=', tenantId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async addChange(tenantId: string, at: Date, terms: PriceTerms): Promise<void> {
    await this.db
      .insertInto('control.subscriptionChanges')
      .values({ tenantId, at, terms: JSON.stringify(terms) })
      .onConflict((oc) => oc.columns(['tenantId', 'at']).doUpdateSet({ terms: JSON.stringify(terms) }))
      .execute();
  }

  /** The plan changes recorded within [from, to), oldest first: the first, at `from`, holds the terms the period began with. */
  async changes(tenantId: string, from: Date, to: Date): Promise<{ at: Date; terms: PriceTerms }[]> {
    const rows = await this.db.selectFrom('control.subscriptionChanges').select(['at', 'terms']).where('tenantId', '=', tenantId).where('at', '>=', from).where('at', '<', to).orderBy('at').execute();
    return rows.map((r) => ({ at: new Date(r.at), terms: r.terms }));
  }

  /** Subscriptions being collected (dunning), or all of one status, most overdue first. */
  async list(filter: { dunning?: boolean; status?: SubscriptionStatus }, limit: number): Promise<SubscriptionRow[]> {
    let q = this.db.selectFrom('control.subscriptions').selectAll();
    if (filter.dunning) q = q.where('dunning', 'is not', null);
    if (filter.status) q = q.where('status', '=', filter.status);
    return q.orderBy('periodEnd').limit(limit).execute();
  }

  /** Monthly recurring revenue now, per plan and currency: each live subscription's base price, a year's as a twelfth. */
  async mrr(): Promise<{ planKey: string; currency: string; subscriptions: number; mrrMinor: number }[]> {
    const { rows } = await sql<{ planKey: string; currency: string; subscriptions: string; mrrMinor: string }>`
      SELECT plan_key, terms ->> 'currency' AS currency, count(*) AS subscriptions,
             round(sum(CASE WHEN terms ->> 'interval' = 'year' THEN (terms ->> 'amountMinor')::numeric / 12 ELSE (terms ->> 'amountMinor')::numeric END)) AS mrr_minor
        FROM control.subscriptions
       WHERE status IN ('active', 'past_due')
       GROUP BY 1, 2
       ORDER BY 1, 2`.execute(this.db);
    // The rows come through the CamelCase plugin: plan_key and mrr_minor are read as planKey and mrrMinor.
    return rows.map((r) => ({ planKey: r.planKey, currency: r.currency, subscriptions: Number(r.subscriptions), mrrMinor: Number(r.mrrMinor) }));
  }
}
