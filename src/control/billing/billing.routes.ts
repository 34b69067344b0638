import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Checkout, CheckoutUrls, Invoice, InvoiceStatus, Subscription } from '../../kernel/billing.schemas.js';
import type { RouteAccess } from '../../kernel/http/access.js';
import type { HttpApp } from '../../kernel/http/app.js';
import { rawJsonRoutes } from '../../kernel/http/raw-json.js';
import { requestLocale } from '../../kernel/http/request-locale.js';
import { IdParams, Page, PageQuery, Timestamp } from '../../kernel/http/schemas.js';
import type { ControlContext } from '../context.js';
import { TenantParams } from '../control.schemas.js';
import type { TenantsService } from '../tenants/tenants.service.js';
import { invoiceView, type BillingService } from './billing.service.js';
import type { Collection } from './collection.js';
import type { InvoiceRun } from './invoice-run.js';
import type { SubscriptionsService } from './subscriptions.service.js';

export interface ControlBilling {
  service: BillingService;
  subscriptions: SubscriptionsService;
  collection: Collection;
  run: InvoiceRun;
  now: () => Date;
}

const tags = ['billing'];
const Country = Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2' });
const TaxRate = Type.Object({ country: Type.String(), rateBp: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Basis points: 2100 is 21 %' }), name: Type.String({ minLength: 1, maxLength: 60 }) });
const InvoicesQuery = Type.Object(
  {
    ...PageQuery,
    tenant: Type.Optional(Type.String({ maxLength: 64, description: 'Tenant id or slug' })),
    status: Type.Optional(InvoiceStatus),
    kind: Type.Optional(Type.Union([Type.Literal('invoice'), Type.Literal('credit_note')])),
  },
  { additionalProperties: false },
);
const Revenue = Type.Object({
  mrr: Type.Array(Type.Object({ planKey: Type.String(), currency: Type.String(), subscriptions: Type.Integer(), mrrMinor: Type.Integer() })),
  invoiced: Type.Array(Type.Object({ month: Timestamp, planKey: Type.String(), currency: Type.String(), amountMinor: Type.Integer() })),
});

/** The platform's billing for operators (`/control/v1`): subscriptions, invoices and credit notes, tax rates, revenue, and Stripe's webhook. */
export function billingRoutes(app: HttpApp, deps: { billing: ControlBilling; tenants: TenantsService }, admin: RouteAccess, open: RouteAccess, ctxOf: (req: FastifyRequest) => ControlContext): void {
  const { service, subscriptions, collection } = deps.billing;
  const tenantId = async (ctx: ControlContext, tenant: string) => (await deps.tenants.get(ctx, tenant)).id;

  app.get('/tenants/:tenant/subscription', {
    config: { access: admin },
    schema: { operationId: 'control.tenants.subscription.get', tags, summary: "The tenant's subscription: plan, status, dunning stage, period and price terms", params: TenantParams, response: { 200: Subscription } },
  }, async (req) => subscriptions.get(ctxOf(req), await tenantId(ctxOf(req), req.params.tenant)));

  app.patch('/tenants/:tenant/subscription', {
    config: { access: admin },
    schema: {
      operationId: 'control.tenants.subscription.update',
      tags,
      summary: "Set where the tenant's invoices go and which country's tax they carry, or cancel at the period's end (false takes it back). A plan change is PATCH /tenants/{tenant} with `plan`",
      params: TenantParams,
      body: Type.Object({ country: Type.Optional(Type.Union([Country, Type.Null()])), billingEmail: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])), cancelAtPeriodEnd: Type.Optional(Type.Boolean()) }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: Subscription },
    },
  }, async (req) => {
    const ctx = ctxOf(req);
    const id = await tenantId(ctx, req.params.tenant);
    return ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      const { cancelAtPeriodEnd, ...details } = req.body;
      let view = Object.keys(details).length > 0 ? await subscriptions.setBillingDetails(tctx, id, details) : await subscriptions.get(tctx, id);
      if (cancelAtPeriodEnd !== undefined) view = await subscriptions.cancelAtPeriodEnd(tctx, id, cancelAtPeriodEnd);
      return view;
    });
  });

  app.get('/billing/subscriptions', {
    config: { access: admin },
    schema: { operationId: 'control.billing.subscriptions', tags, summary: 'Subscriptions being collected (dunning: true), or of one status, most overdue first (at most 500)', querystring: Type.Object({ dunning: Type.Optional(Type.Boolean()), status: Type.Optional(Type.Union([Type.Literal('trialing'), Type.Literal('active'), Type.Literal('past_due'), Type.Literal('canceled')])) }, { additionalProperties: false }), response: { 200: Type.Object({ data: Type.Array(Subscription) }) } },
  }, async (req) => ({ data: await service.subscriptions(ctxOf(req).db, req.query) }));

  app.get('/billing/revenue', {
    config: { access: admin },
    schema: { operationId: 'control.billing.revenue', tags, summary: 'Monthly recurring revenue now, by plan, and what was invoiced month by month (credit notes taken off)', querystring: Type.Object({ months: Type.Integer({ minimum: 1, maximum: 60, default: 12 }) }, { additionalProperties: false }), response: { 200: Revenue } },
  }, async (req) => service.revenue(ctxOf(req).db, req.query.months));

  app.post('/billing/run', {
    config: { access: admin },
    schema: { operationId: 'control.billing.run', tags, summary: 'Close every billing period that has ended now (the hourly job does the same): invoices issued and periods renewed, each once', response: { 200: Type.Object({ issued: Type.Integer(), renewed: Type.Integer(), failed: Type.Integer() }) } },
  }, async (req) => deps.billing.run.run(deps.billing.now(), req.log));

  app.get('/invoices', {
    config: { access: admin },
    schema: { operationId: 'control.invoices.list', tags, summary: 'Invoices and credit notes, newest first (cursor-paginated; by tenant, status and kind)', querystring: InvoicesQuery, response: { 200: Page(Invoice) } },
  }, async (req) => {
    const ctx = ctxOf(req);
    const { tenant, ...query } = req.query;
    return service.listInvoices(ctx.db, { ...query, ...(tenant ? { tenantId: await tenantId(ctx, tenant) } : {}) });
  });

  app.get('/invoices/:id', {
    config: { access: admin },
    schema: { operationId: 'control.invoices.get', tags, summary: 'One invoice or credit note', params: IdParams, response: { 200: Invoice } },
  }, async (req) => invoiceView(await service.invoice(ctxOf(req).db, req.params.id)));

  app.get('/invoices/:id/pdf', {
    config: { access: admin },
    schema: { operationId: 'control.invoices.pdf', tags, summary: 'The invoice or credit note as a PDF', params: IdParams, produces: ['application/pdf'], response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } },
  }, async (req, reply) => {
    const { number, body } = await service.pdf(ctxOf(req).db, req.params.id, undefined, requestLocale(req));
    return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${number}.pdf"`).send(body);
  });

  app.post('/invoices/:id/payments', {
    config: { access: admin, stepUp: true },
    schema: { operationId: 'control.invoices.markPaid', tags, summary: "Record the payment of an open invoice by bank transfer: the tenant's standing is restored at once when nothing else is overdue", params: IdParams, body: Type.Object({ reference: Type.String({ minLength: 1, maxLength: 200, description: "The transfer's reference, as the bank shows it" }) }, { additionalProperties: false }), response: { 200: Invoice } },
  }, async (req) => invoiceView(await collection.markPaid(ctxOf(req), req.params.id, { via: 'bank_transfer', reference: req.body.reference })));

  app.post('/invoices/:id/credit-notes', {
    config: { access: admin, stepUp: true },
    schema: { operationId: 'control.invoices.credit', tags, summary: 'Issue a credit note against an invoice, for an amount (tax included) or all it has left; the invoice is never edited, and one credited in full is void', params: IdParams, body: Type.Object({ amountMinor: Type.Optional(Type.Integer({ minimum: 1 })), reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }), response: { 201: Invoice } },
  }, async (req, reply) => reply.code(201).send(invoiceView(await collection.creditNote(ctxOf(req), req.params.id, req.body))));

  app.post('/invoices/:id/checkout', {
    config: { access: admin },
    schema: { operationId: 'control.invoices.checkout', tags, summary: "A Stripe Checkout page for what is due on an open invoice (to send to the tenant); the webhook records the payment", params: IdParams, body: CheckoutUrls, response: { 200: Checkout } },
  }, async (req) => service.checkout(ctxOf(req).db, req.params.id, undefined, req.body));

  app.get('/tax-rates', {
    config: { access: admin },
    schema: { operationId: 'control.taxRates.list', tags, summary: "Tax rates per country of a tenant's billing address (a country without one is taxed at 0)", response: { 200: Type.Object({ data: Type.Array(TaxRate) }) } },
  }, async (req) => ({ data: await service.taxRates(ctxOf(req).db) }));

  app.put('/tax-rates/:country', {
    config: { access: admin },
    schema: { operationId: 'control.taxRates.put', tags, summary: "Set a country's tax rate; invoices issued from now on carry it", params: Type.Object({ country: Country }, { additionalProperties: false }), body: Type.Object({ rateBp: TaxRate.properties.rateBp, name: TaxRate.properties.name }, { additionalProperties: false }), response: { 200: TaxRate } },
  }, async (req) => service.putTaxRate(ctxOf(req), { country: req.params.country, ...req.body }));

  app.delete('/tax-rates/:country', {
    config: { access: admin },
    schema: { operationId: 'control.taxRates.delete', tags, summary: "Remove a country's tax rate", params: Type.Object({ country: Country }, { additionalProperties: false }), response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await service.deleteTaxRate(ctxOf(req), req.params.country);
    return reply.code(204).send(null);
  });

  // Stripe signs the exact bytes it sends: this route alone keeps its body raw.
  rawJsonRoutes(app, (raw) => {
    raw.post('/billing/stripe/webhook', {
      config: { access: open },
      schema: {
        operationId: 'control.billing.stripeWebhook',
        tags,
        summary: "Stripe's notifications of the operator's account (checkout.session.*), verified with COURTYARD_BILLING_STRIPE_WEBHOOK_SECRET; a paid checkout of an invoice is recorded once",
        security: [],
        headers: Type.Object({ 'stripe-signature': Type.Optional(Type.String()) }),
        response: { 200: Type.Object({ received: Type.Literal(true), outcome: Type.String() }) },
      },
    }, (req) => service.webhook(req.body as Buffer, req.headers, req.log));
  });
}
