import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { RouteAccess } from '../../kernel/http/access.js';
import type { HttpApp } from '../../kernel/http/app.js';
import { IdParams } from '../../kernel/http/schemas.js';
import type { ControlContext } from '../context.js';
import { controlEvents } from '../events.js';
import {
  ControlEventType,
  CreateOperatorWebhookEndpoint,
  DeliveriesQuery,
  EndpointsQuery,
  OperatorWebhookDelivery,
  OperatorWebhookDeliveryPage,
  OperatorWebhookEndpoint,
  OperatorWebhookEndpointPage,
  OperatorWebhookEndpointWithSecret,
  UpdateOperatorWebhookEndpoint,
} from './webhooks.schemas.js';
import type { OperatorWebhooks } from './webhooks.service.js';

const tags = ['control'];

/** The operator's own webhooks (`/control/v1/webhooks`): the control plane's events, signed, to the operator's systems. */
export function operatorWebhookRoutes(app: HttpApp, webhooks: OperatorWebhooks, admin: RouteAccess, ctxOf: (req: FastifyRequest) => ControlContext): void {
  app.get('/webhooks/event-types', {
    config: { access: admin },
    schema: { operationId: 'control.webhooks.eventTypes', tags, summary: "The control plane's event catalogue: the types an operator webhook endpoint can subscribe to", response: { 200: Type.Object({ data: Type.Array(ControlEventType) }) } },
  }, async () => ({ data: controlEvents.map(({ type, version, description }) => ({ type, version, description })) }));

  app.get('/webhooks/endpoints', {
    config: { access: admin },
    schema: { operationId: 'control.webhooks.endpoints.list', tags, summary: "The operator's webhook endpoints (cursor-paginated)", querystring: EndpointsQuery, response: { 200: OperatorWebhookEndpointPage } },
  }, (req) => webhooks.list(ctxOf(req), req.query));

  app.post('/webhooks/endpoints', {
    config: { access: admin },
    schema: { operationId: 'control.webhooks.endpoints.create', tags, summary: 'Register an operator webhook endpoint for control-plane events; the answer shows its signing secret, once', body: CreateOperatorWebhookEndpoint, response: { 201: OperatorWebhookEndpointWithSecret } },
  }, async (req, reply) => reply.code(201).send(await webhooks.create(ctxOf(req), req.body)));

  app.get('/webhooks/endpoints/:id', {
    config: { access: admin },
    schema: { operationId: 'control.webhooks.endpoints.get', tags, summary: 'One operator webhook endpoint', params: IdParams, response: { 200: OperatorWebhookEndpoint } },
  }, (req) => webhooks.get(ctxOf(req), req.params.id));

  app.patch('/webhooks/endpoints/:id', {
    config: { access: admin },
    schema: { operationId: 'control.webhooks.endpoints.update', tags, summary: 'Change an operator webhook endpoint (enabling it again clears its failure record)', params: IdParams, body: UpdateOperatorWebhookEndpoint, response: { 200: OperatorWebhookEndpoint } },
  }, (req) => webhooks.update(ctxOf(req), req.params.id, req.body));

  app.delete('/webhooks/endpoints/:id', {
    config: { access: admin },
    schema: { operationId: 'control.webhooks.endpoints.delete', tags, summary: 'Remove an operator webhook endpoint and its delivery history', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await webhooks.remove(ctxOf(req), req.params.id);
    return reply.code(204).send(null);
  });

  app.post('/webhooks/endpoints/:id/rotate-secret', {
    config: { access: admin },
    schema: { operationId: 'control.webhooks.endpoints.rotateSecret', tags, summary: 'Replace the signing secret (shown once); the old one keeps signing next to it for 24 hours', params: IdParams, response: { 200: OperatorWebhookEndpointWithSecret } },
  }, (req) => webhooks.rotateSecret(ctxOf(req), req.params.id));

  app.post('/webhooks/endpoints/:id/test', {
    config: { access: admin },
    schema: { operationId: 'control.webhooks.endpoints.test', tags, summary: 'Send a webhook.test message to the endpoint', params: IdParams, response: { 202: OperatorWebhookDelivery } },
  }, async (req, reply) => reply.code(202).send(await webhooks.sendTest(ctxOf(req), req.params.id)));

  app.get('/webhooks/endpoints/:id/deliveries', {
    config: { access: admin },
    schema: { operationId: 'control.webhooks.deliveries.list', tags, summary: "An operator endpoint's deliveries, newest first, with their attempts (cursor-paginated)", params: IdParams, querystring: DeliveriesQuery, response: { 200: OperatorWebhookDeliveryPage } },
  }, (req) => webhooks.deliveries(ctxOf(req), req.params.id, req.query));

  app.post('/webhooks/deliveries/:id/redeliver', {
    config: { access: admin },
    schema: { operationId: 'control.webhooks.deliveries.redeliver', tags, summary: 'Attempt a delivery again now, with the same webhook-id (also replays one that succeeded)', params: IdParams, response: { 202: OperatorWebhookDelivery } },
  }, async (req, reply) => reply.code(202).send(await webhooks.redeliver(ctxOf(req), req.params.id)));
}
