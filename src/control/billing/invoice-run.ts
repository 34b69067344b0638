import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import type { ControlContext } from '../context.js';
import { emitControl } from '../events.js';
import { LicencesRepository } from '../licences/licences.repository.js';
import type { LicencesService } from '../licences/licences.service.js';
import type { UsageService } from '../metering/usage.service.js';
import { PlansRepository, type Plan } from '../plans/plans.repository.js';
import { TenantsRepository } from '../tenants/tenants.repository.js';
import { computeInvoice, type TermsSegment } from './invoice-lines.js';
import { InvoicesRepository, type InvoiceRow } from './invoices.repository.js';
import { addDays, addInterval } from './periods.js';
import { SubscriptionsRepository, type SubscriptionRow } from './subscriptions.repository.js';
import { subscriptionView, termsOf } from './subscriptions.service.js';
import { TaxRatesRepository } from './tax-rates.repository.js';

export interface InvoiceRunDeps {
  db: Db;
  usage: UsageService;
  /** Days from issue to due. */
  paymentTermsDays: number;
  /** A canceled subscription's licence is reissued to end with its last period. */
  licences: LicencesService;
  onChange: (tenantId: string) => void;
}

/** `INV-2026-000042`: the series is the document's kind and the year of issue. */
export const documentNumber = (prefix: 'INV' | 'CN', issuedAt: Date, n: number) => `${prefix}-${issuedAt.getUTCFullYear()}-${String(n).padStart(6, '0')}`;

export const invoiceEventData = (i: InvoiceRow) => ({
  id: i.id,
  tenantId: i.tenantId,
  number: i.number,
  kind: i.kind,
  status: i.status,
  currency: i.currency,
  totalMinor: Number(i.totalMinor),
  periodStart: i.periodStart,
  periodEnd: i.periodEnd,
  dueAt: i.dueAt,
});

const PAGE = 200;
/**
 * Tenants closed at once. Their transactions meet only at the number sequence's row, which each
 * takes last, just before it commits: the rest of their work overlaps.
 */
const PARALLEL = 4;

/** What one run looks up once rather than per tenant. */
interface RunCache {
  plans: Map<string, Plan>;
  taxes: Map<string, number>;
  /** Tenants whose licence changed: the registry is told once their transaction has committed. */
  relicensed: Set<string>;
}

/**
 * The period-end run: each subscription whose period has ended gets its invoice, then its next
 * period (on the plan's price as it stands now: a price change applies from there). A trial's
 * end issues nothing and starts the first paid period. Each tenant is one transaction that
 * locks its subscription, so the run can be repeated, killed and resumed, or run by two workers
 * at once, and each period is invoiced once (the invoice's natural key holds it too).
 */
export class InvoiceRun {
  constructor(private readonly deps: InvoiceRunDeps) {}

  /** Every due subscription, page by page; one whose invoice fails is logged, skipped and retried next run. Answers the invoices issued. */
  async run(now: Date, log: Logger): Promise<{ issued: number; renewed: number; failed: number }> {
    const cache: RunCache = { plans: new Map(), taxes: new Map(), relicensed: new Set() };
    const failed: string[] = [];
    let issued = 0;
    let renewed = 0;
    const close = async (tenantId: string) => {
      try {
        const outcome = await this.deps.db.transaction().execute((trx) => this.#advance({ db: trx, actor: 'system:billing', log }, tenantId, now, cache));
        if (outcome === 'issued') issued++;
        if (outcome !== 'skipped') renewed++;
        if (cache.relicensed.delete(tenantId)) this.deps.onChange(tenantId);
      } catch (error) {
        failed.push(tenantId);
        log.error({ err: error, tenant: tenantId }, 'could not invoice the period');
      }
    };
    for (;;) {
      const due = await new SubscriptionsRepository(this.deps.db).due(now, PAGE, failed);
      if (due.length === 0) break;
      let next = 0;
      await Promise.all(Array.from({ length: Math.min(PARALLEL, due.length) }, async () => {
        while (next < due.length) await close(due[next++]!);
      }));
    }
    if (issued + renewed + failed.length > 0) log.info({ issued, renewed, failed: failed.length }, 'billing periods closed');
    return { issued, renewed, failed: failed.length };
  }

  async #plan(db: Db, key: string, cache: RunCache): Promise<Plan> {
    let plan = cache.plans.get(key);
    if (!plan) {
      plan = await new PlansRepository(db).find(key);
      if (!plan) throw new Error(`the subscription's plan ${key} does not exist`);
      cache.plans.set(key, plan);
    }
    return plan;
  }

  async #taxRate(db: Db, country: string | null, cache: RunCache): Promise<number> {
    if (!country) return 0;
    let rate = cache.taxes.get(country);
    if (rate === undefined) {
      rate = (await new TaxRatesRepository(db).find(country))?.rateBp ?? 0;
      cache.taxes.set(country, rate);
    }
    return rate;
  }

  /** Closes the tenant's period: its next one begins (or the subscription ends), then the invoice is issued, its number taken last. */
  async #advance(ctx: ControlContext, tenantId: string, now: Date, cache: RunCache): Promise<'issued' | 'renewed' | 'skipped'> {
    const db = ctx.db;
    const subs = new SubscriptionsRepository(db);
    const sub = await subs.lock(tenantId);
    if (!sub || sub.status === 'canceled' || new Date(sub.periodEnd) > now) return 'skipped';
    const periodEnd = new Date(sub.periodEnd);
    if (sub.cancelAtPeriodEnd) {
      const row = await subs.update(tenantId, { status: 'canceled', canceledAt: periodEnd });
      await emitControl(db, 'subscription.canceled', tenantId, subscriptionView(row));
      if (await this.#endLicence(ctx, tenantId, periodEnd)) cache.relicensed.add(tenantId);
    } else {
      const terms = termsOf(await this.#plan(db, sub.planKey, cache));
      const row = await subs.update(tenantId, {
        terms,
        periodStart: periodEnd,
        periodEnd: addInterval(periodEnd, terms.interval, sub.anchorDay),
        ...(sub.status === 'trialing' ? { status: 'active' as const } : {}),
      });
      await emitControl(db, sub.status === 'trialing' ? 'subscription.trial_ended' : 'subscription.renewed', tenantId, subscriptionView(row));
    }
    if (sub.status === 'trialing') return 'renewed';
    const invoice = await this.#issue(db, sub, now, cache);
    if (!invoice) return 'renewed';
    await emitControl(db, 'invoice.issued', tenantId, invoiceEventData(invoice));
    return 'issued';
  }

  /** The licence of a subscription that ended lasts no longer than it (its grace still applies): nothing renews it. */
  async #endLicence(ctx: ControlContext, tenantId: string, end: Date): Promise<boolean> {
    const current = await new LicencesRepository(ctx.db).current(tenantId);
    const tenant = await new TenantsRepository(ctx.db).find(tenantId);
    if (!current || !tenant || current.expiresAt <= end) return false;
    await this.deps.licences.reissue(ctx, { id: tenantId, slug: tenant.slug, plan: tenant.planKey }, { overrides: current.overrides, expiresAt: end });
    return true;
  }

  /** The period's invoice, unless it exists already (a run that committed it and died before answering). */
  async #issue(db: Db, sub: SubscriptionRow, now: Date, cache: RunCache): Promise<InvoiceRow | null> {
    const invoices = new InvoicesRepository(db);
    const periodStart = new Date(sub.periodStart);
    const periodEnd = new Date(sub.periodEnd);
    if (await invoices.forPeriod(sub.tenantId, periodStart)) return null;
    const changes = await new SubscriptionsRepository(db).changes(sub.tenantId, periodStart, periodEnd);
    const segments: TermsSegment[] = changes.length > 0 ? changes.map((c, i) => ({ terms: c.terms, from: c.at, to: changes[i + 1]?.at ?? periodEnd })) : [{ terms: sub.terms, from: periodStart, to: periodEnd }];
    const usage = await this.deps.usage.periodUsage(db, sub.tenantId, periodStart, periodEnd);
    const computed = computeInvoice({ periodStart, periodEnd, segments, usage, taxRateBp: await this.#taxRate(db, sub.country, cache) });
    const tenant = await new TenantsRepository(db).find(sub.tenantId);
    const issuedAt = now;
    const number = documentNumber('INV', issuedAt, await invoices.nextNumber(`INV-${issuedAt.getUTCFullYear()}`));
    const free = computed.totalMinor === 0;
    const invoice = await invoices.insert({
      id: newId(),
      tenantId: sub.tenantId,
      number,
      kind: 'invoice',
      corrects: null,
      planKey: sub.planKey,
      periodStart,
      periodEnd,
      status: 'open',
      currency: computed.currency,
      lines: computed.lines,
      subtotalMinor: computed.subtotalMinor,
      taxRateBp: computed.taxRateBp,
      taxMinor: computed.taxMinor,
      totalMinor: computed.totalMinor,
      billTo: { name: tenant?.name ?? sub.tenantId, slug: tenant?.slug ?? '', country: sub.country, email: sub.billingEmail },
      issuedAt,
      dueAt: addDays(issuedAt, this.deps.paymentTermsDays),
    });
    // Nothing to pay: settled as it is issued.
    return free ? ((await invoices.markPaid(invoice.id, { via: 'credit', reference: null, at: issuedAt })) ?? invoice) : invoice;
  }
}
