import { AppError } from '../../kernel/errors.js';
import { appendAudit } from '../audit.js';
import type { ControlContext } from '../context.js';
import { emitControl } from '../events.js';
import type { Plan } from '../plans/plans.repository.js';
import type { BillingTables } from './billing.tables.js';
import { addDays, addInterval, startOfDay } from './periods.js';
import type { PriceTerms } from './pricing.js';
import { SubscriptionsRepository, type SubscriptionRow } from './subscriptions.repository.js';

export interface SubscriptionView {
  tenantId: string;
  plan: string;
  status: BillingTables['control.subscriptions']['status'];
  dunning: BillingTables['control.subscriptions']['dunning'];
  terms: PriceTerms;
  periodStart: Date;
  periodEnd: Date;
  trialEndsAt: Date | null;
  country: string | null;
  billingEmail: string | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
}

/** A nullable timestamp column as a Date. */
export const date = (d: Date | string | null): Date | null => (d === null ? null : new Date(d));

export const subscriptionView = (r: SubscriptionRow): SubscriptionView => ({
  tenantId: r.tenantId,
  plan: r.planKey,
  status: r.status,
  dunning: r.dunning,
  terms: r.terms,
  periodStart: new Date(r.periodStart),
  periodEnd: new Date(r.periodEnd),
  trialEndsAt: date(r.trialEndsAt),
  country: r.country,
  billingEmail: r.billingEmail,
  cancelAtPeriodEnd: r.cancelAtPeriodEnd,
  canceledAt: date(r.canceledAt),
});

/** The price a subscription takes from its plan, as the plan stands now. */
export const termsOf = (plan: Plan): PriceTerms => ({
  planKey: plan.key,
  planName: plan.name,
  amountMinor: plan.price.amountMinor,
  currency: plan.price.currency,
  interval: plan.price.interval,
  trialDays: plan.pricing.trialDays,
  components: plan.pricing.components,
});

/**
 * A tenant's subscription to its plan: started with the tenant (on trial when the plan has
 * one), changed with its plan (prorated to the day at the period's invoice), canceled at a
 * period's end. Every change is audited and emitted as a `subscription.*` event.
 */
export class SubscriptionsService {
  constructor(private readonly now: () => Date = () => new Date()) {}

  async get(ctx: ControlContext, tenantId: string): Promise<SubscriptionView> {
    const row = await new SubscriptionsRepository(ctx.db).find(tenantId);
    if (!row) throw new AppError('not_found', 'The tenant has no subscription');
    return subscriptionView(row);
  }

  /** Starts a new tenant's subscription, in the transaction that registers the tenant. Periods start at the day's midnight (UTC). */
  async start(ctx: ControlContext, tenantId: string, plan: Plan): Promise<SubscriptionView> {
    const start = startOfDay(this.now());
    const terms = termsOf(plan);
    const trial = terms.trialDays > 0;
    const periodEnd = trial ? addDays(start, terms.trialDays) : addInterval(start, terms.interval);
    // Paid periods start on the day the first one does: today, or the trial's end.
    const anchorDay = (trial ? periodEnd : start).getUTCDate();
    const row = await new SubscriptionsRepository(ctx.db).insert({ tenantId, planKey: plan.key, status: trial ? 'trialing' : 'active', terms, periodStart: start, periodEnd, trialEndsAt: trial ? periodEnd : null, anchorDay });
    if (!row) return this.get(ctx, tenantId);
    await emitControl(ctx.db, 'subscription.created', tenantId, subscriptionView(row));
    return subscriptionView(row);
  }

  /**
   * Moves the subscription to another plan from today: the period's invoice charges each plan's
   * base price for its days. On trial, the trial simply continues on the new plan.
   */
  async changePlan(ctx: ControlContext, tenantId: string, plan: Plan): Promise<SubscriptionView> {
    const repo = new SubscriptionsRepository(ctx.db);
    const current = await repo.lock(tenantId);
    if (!current) return this.start(ctx, tenantId, plan);
    if (current.planKey === plan.key) return subscriptionView(current);
    const terms = termsOf(plan);
    if (current.status !== 'trialing') {
      const today = startOfDay(this.now());
      const periodStart = new Date(current.periodStart);
      // The period's first stretch, on the terms it began with, unless an earlier change recorded it.
      if ((await repo.changes(tenantId, periodStart, new Date(current.periodEnd))).length === 0) await repo.addChange(tenantId, periodStart, current.terms);
      await repo.addChange(tenantId, today > periodStart ? today : periodStart, terms);
    }
    const row = await repo.update(tenantId, { planKey: plan.key, terms });
    await appendAudit(ctx.db, { actor: ctx.actor, action: 'subscription.changed', target: tenantId, data: { from: current.planKey, to: plan.key } });
    await emitControl(ctx.db, 'subscription.changed', tenantId, { ...subscriptionView(row), previousPlan: current.planKey });
    return subscriptionView(row);
  }

  /** Cancels at the period's end (the period is paid for), or takes a cancellation back. */
  async cancelAtPeriodEnd(ctx: ControlContext, tenantId: string, cancel: boolean): Promise<SubscriptionView> {
    const repo = new SubscriptionsRepository(ctx.db);
    const current = await repo.lock(tenantId);
    if (!current) throw new AppError('not_found', 'The tenant has no subscription');
    if (current.status === 'canceled') throw new AppError('invalid_state', 'The subscription is canceled already');
    const row = await repo.update(tenantId, { cancelAtPeriodEnd: cancel });
    await appendAudit(ctx.db, { actor: ctx.actor, action: cancel ? 'subscription.cancel_scheduled' : 'subscription.cancel_withdrawn', target: tenantId });
    await emitControl(ctx.db, 'subscription.updated', tenantId, subscriptionView(row));
    return subscriptionView(row);
  }

  /** Where invoices go and which country's tax they carry. */
  async setBillingDetails(ctx: ControlContext, tenantId: string, details: { country?: string | null; billingEmail?: string | null }): Promise<SubscriptionView> {
    const repo = new SubscriptionsRepository(ctx.db);
    if (!(await repo.lock(tenantId))) throw new AppError('not_found', 'The tenant has no subscription');
    const row = await repo.update(tenantId, { country: details.country?.toUpperCase(), billingEmail: details.billingEmail?.toLowerCase() });
    await appendAudit(ctx.db, { actor: ctx.actor, action: 'subscription.billing_details_set', target: tenantId, data: { country: row.country } });
    await emitControl(ctx.db, 'subscription.updated', tenantId, subscriptionView(row));
    return subscriptionView(row);
  }
}
