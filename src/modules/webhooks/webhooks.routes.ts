import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { IdParams } from '../../kernel/http/schemas.js';
import {
  CreateWebhookEndpoint,
  ListDeliveriesQuery,
  ListEndpointsQuery,
  UpdateWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointPage,
  WebhookEndpointWithSecret,
} from './webhooks.schemas.js';
import type { WebhooksService } from './webhooks.service.js';

const module = 'webhooks';
const tags = ['webhooks'];
const read = { module, permission: 'webhooks.read' };
const write = { module, permission: 'webhooks.write' };

export function webhooksRoutes(app: HttpApp, service: WebhooksService): void {
  app.get('/webhooks/endpoints', {
    config: { access: read },
    schema: { operationId: 'webhooks.endpoints.list', tags, summary: 'List webhook endpoints (cursor-paginated)', querystring: ListEndpointsQuery, response: { 200: WebhookEndpointPage } },
  }, (req) => service.listEndpoints(req.ctx, req.query as typeof req.query & { limit: number }));

  // The signing secret is shown once: an Idempotency-Key retry gets the id, never the secret again.
  app.post('/webhooks/endpoints', {
    config: { access: write, idempotency: 'status-only' },
    schema: { operationId: 'webhooks.endpoints.create', tags, summary: 'Register a webhook endpoint; the answer shows its signing secret, once', body: CreateWebhookEndpoint, response: { 201: WebhookEndpointWithSecret } },
  }, async (req, reply) => {
    reply.code(201);
    return service.createEndpoint(req.ctx, req.body);
  });

  app.get('/webhooks/endpoints/:id', {
    config: { access: read },
    schema: { operationId: 'webhooks.endpoints.get', tags, summary: 'One webhook endpoint', params: IdParams, response: { 200: WebhookEndpoint } },
  }, (req) => service.getEndpoint(req.ctx, req.params.id));

  app.patch('/webhooks/endpoints/:id', {
    config: { access: write },
    schema: { operationId: 'webhooks.endpoints.update', tags, summary: 'Change a webhook endpoint (enabling it again clears its failure record)', params: IdParams, body: UpdateWebhookEndpoint, response: { 200: WebhookEndpoint } },
  }, (req) => service.updateEndpoint(req.ctx, req.params.id, req.body));

  app.delete('/webhooks/endpoints/:id', {
    config: { access: write },
    schema: { operationId: 'webhooks.endpoints.delete', tags, summary: 'Remove a webhook endpoint and its delivery history', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await service.deleteEndpoint(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });

  app.post('/webhooks/endpoints/:id/rotate-secret', {
    config: { access: write, idempotency: 'status-only' },
    schema: { operationId: 'webhooks.endpoints.rotateSecret', tags, summary: 'Replace the signing secret; the old one keeps signing next to it for 24 hours', params: IdParams, response: { 200: WebhookEndpointWithSecret } },
  }, (req) => service.rotateSecret(req.ctx, req.params.id));

  app.post('/webhooks/endpoints/:id/test', {
    config: { access: write },
    schema: { operationId: 'webhooks.endpoints.test', tags, summary: 'Send a webhook.test message to the endpoint', params: IdParams, response: { 202: WebhookDelivery } },
  }, async (req, reply) => {
    reply.code(202);
    return service.sendTest(req.ctx, req.params.id);
  });

  app.get('/webhooks/endpoints/:id/deliveries', {
    config: { access: read },
    schema: { operationId: 'webhooks.deliveries.list', tags, summary: "An endpoint's deliveries, newest first, with every attempt (cursor-paginated)", params: IdParams, querystring: ListDeliveriesQuery, response: { 200: WebhookDeliveryPage } },
  }, (req) => service.listDeliveries(req.ctx, req.params.id, req.query as typeof req.query & { limit: number }));

  app.post('/webhooks/deliveries/:id/retry', {
    config: { access: write },
    schema: { operationId: 'webhooks.deliveries.retry', tags, summary: 'Attempt a delivery again now (also replays one that succeeded)', params: IdParams, response: { 202: WebhookDelivery } },
  }, async (req, reply) => {
    reply.code(202);
    return service.retryDelivery(req.ctx, req.params.id);
  });
}
