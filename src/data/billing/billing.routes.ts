import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Checkout, Invoice, InvoiceStatus, PlanOffer, Subscription } from '../../kernel/billing.schemas.js';
import type { HttpApp } from '../../kernel/http/app.js';
import { requestLocale } from '../../kernel/http/request-locale.js';
import { IdParams, Page, PageQuery } from '../../kernel/http/schemas.js';
import { UsageQuery, UsageReport } from '../../kernel/metering/usage.schemas.js';
import type { PlatformAccount } from '../../kernel/platform-account.js';
import { requestPrincipal, requestTenant } from '../pipeline.js';

const module = 'billing';
const tags = ['billing'];
const read = { module, permission: 'billing.read' } as const;
const manage = { module, permission: 'billing.manage' } as const;

/**
 * The tenant's own account with the platform, for its owner. Each answer is fetched in a
 * pre-handler, after the gates and before the tenant transaction: the registry's connection is
 * not the tenant's to hold (on the embedded database they are the same one).
 */
export function billingRoutes(app: HttpApp, account: PlatformAccount): void {
  const answers = new WeakMap<FastifyRequest, unknown>();
  const fetched = <T>(fetch: (req: FastifyRequest, tenantId: string) => Promise<T>) => ({
    preHandler: async (req: FastifyRequest) => {
      answers.set(req, await fetch(req, requestTenant(req).id));
    },
  });
  const answer = <T>(req: FastifyRequest) => answers.get(req) as T;

  app.get('/billing/usage', {
    config: { access: read },
    schema: { operationId: 'billing.usage', tags, summary: "What the community has used, per meter, bucket by bucket (hour, day or month, in UTC): what the platform's invoices are priced from", querystring: UsageQuery, response: { 200: UsageReport } },
    ...fetched((req, tenantId) => account.usage(tenantId, req.query as never)),
  }, (req) => answer(req));

  app.get('/billing/subscription', {
    config: { access: read },
    schema: { operationId: 'billing.subscription.get', tags, summary: "The community's subscription: plan, status, period, price, and how far collection has gone if an invoice is overdue", response: { 200: Subscription } },
    ...fetched((_req, tenantId) => account.subscription(tenantId)),
  }, (req) => answer(req));

  app.get('/billing/plans', {
    config: { access: read },
    schema: { operationId: 'billing.plans', tags, summary: 'The plans the community can move to, with their prices and limits', response: { 200: Type.Object({ data: Type.Array(PlanOffer) }) } },
    ...fetched(async () => ({ data: await account.plans() })),
  }, (req) => answer(req));

  app.put('/billing/subscription', {
    config: { access: manage },
    schema: { operationId: 'billing.subscription.changePlan', tags, summary: "Move to another plan from today: the period's invoice charges each plan for its days, and the licence (modules, limits) follows at once", body: Type.Object({ plan: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }), response: { 200: Subscription } },
    ...fetched((req, tenantId) => account.changePlan(tenantId, (req.body as { plan: string }).plan, `tenant:${requestTenant(req).slug}:user:${requestPrincipal(req)?.userId ?? 'unknown'}`)),
  }, (req) => answer(req));

  app.get('/billing/invoices', {
    config: { access: read },
    schema: { operationId: 'billing.invoices.list', tags, summary: "The platform's invoices and credit notes to the community, newest first (cursor-paginated)", querystring: Type.Object({ ...PageQuery, status: Type.Optional(InvoiceStatus) }, { additionalProperties: false }), response: { 200: Page(Invoice) } },
    ...fetched((req, tenantId) => account.invoices(tenantId, req.query as { limit: number })),
  }, (req) => answer(req));

  app.get('/billing/invoices/:id', {
    config: { access: read },
    schema: { operationId: 'billing.invoices.get', tags, summary: 'One invoice or credit note', params: IdParams, response: { 200: Invoice } },
    ...fetched((req, tenantId) => account.invoice(tenantId, (req.params as { id: string }).id)),
  }, (req) => answer(req));

  app.get('/billing/invoices/:id/pdf', {
    config: { access: read },
    schema: { operationId: 'billing.invoices.pdf', tags, summary: 'The invoice or credit note as a PDF', params: IdParams, produces: ['application/pdf'], response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } },
    ...fetched((req, tenantId) => account.invoicePdf(tenantId, (req.params as { id: string }).id, requestLocale(req))),
  }, async (req, reply) => {
    const { number, body } = answer<{ number: string; body: Buffer }>(req);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${number}.pdf"`).send(body);
  });

  app.post('/billing/invoices/:id/checkout', {
    config: { access: manage },
    schema: { operationId: 'billing.invoices.checkout', tags, summary: "Pay what is due on an open invoice by card: the Stripe Checkout page to go to, which returns to the Billing page; the payment shows once Stripe's webhook has recorded it", params: IdParams, response: { 200: Checkout } },
    ...fetched((req, tenantId) => account.checkout(tenantId, (req.params as { id: string }).id)),
  }, (req) => answer(req));
}
