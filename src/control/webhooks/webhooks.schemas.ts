import { Type, type Static } from 'typebox';
import { Page, PageQuery, Timestamp, Uuid } from '../../kernel/http/schemas.js';
import { EVENT_PATTERN } from '../../kernel/webhooks/patterns.js';

/** The operator's webhooks, as `/control/v1/webhooks` shows them: the tenants' webhooks' shapes, without a tenant. */

const Url = Type.String({ minLength: 1, maxLength: 2048, description: 'An http or https URL without credentials; it must resolve to public addresses (unless COURTYARD_WEBHOOKS_ALLOW_PRIVATE).' });
const Events = Type.Array(Type.String({ minLength: 1, maxLength: 200, pattern: EVENT_PATTERN }), {
  minItems: 1,
  maxItems: 100,
  description: 'Control-plane event types to deliver: exact (`invoice.issued`), a prefix (`invoice.*`) or everything (`*`). See GET /control/v1/webhooks/event-types.',
});

export const OperatorWebhookEndpoint = Type.Object({
  id: Uuid,
  url: Type.String(),
  description: Type.String(),
  events: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  disabledReason: Type.Union([Type.Enum(['manual', 'gone', 'failing']), Type.Null()], { description: 'Why the endpoint is disabled: by an operator, the receiver answered 410 Gone, or it failed for 5 days.' }),
  failingSince: Type.Union([Timestamp, Type.Null()]),
  previousSecretExpiresAt: Type.Union([Timestamp, Type.Null()], { description: 'Until then the secret before the last rotation signs too.' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type OperatorWebhookEndpoint = Static<typeof OperatorWebhookEndpoint>;

export const OperatorWebhookEndpointWithSecret = Type.Object({
  ...OperatorWebhookEndpoint.properties,
  secret: Type.String({ description: 'The signing secret (`whsec_...`). Shown this once: store it.' }),
});

export const CreateOperatorWebhookEndpoint = Type.Object(
  { url: Url, events: Events, description: Type.Optional(Type.String({ maxLength: 500 })), enabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type CreateOperatorWebhookEndpoint = Static<typeof CreateOperatorWebhookEndpoint>;
export const UpdateOperatorWebhookEndpoint = Type.Partial(CreateOperatorWebhookEndpoint, { additionalProperties: false, minProperties: 1 });
export type UpdateOperatorWebhookEndpoint = Static<typeof UpdateOperatorWebhookEndpoint>;

export const OperatorWebhookEndpointPage = Page(OperatorWebhookEndpoint);

export const OperatorWebhookDelivery = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Sent as `webhook-id`: the same on every attempt of this delivery.' }),
  endpointId: Uuid,
  eventId: Type.String({ description: 'The event\'s id, `id` in the body.' }),
  eventType: Type.String(),
  status: Type.Enum(['pending', 'succeeded', 'failed']),
  attemptCount: Type.Integer(),
  nextAttemptAt: Type.Union([Timestamp, Type.Null()]),
  lastAttemptAt: Type.Union([Timestamp, Type.Null()]),
  lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
  lastResponseBody: Type.Union([Type.String(), Type.Null()], { description: 'The first 1 KiB of the last response body.' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Array(
    Type.Object({
      number: Type.Integer(),
      attemptedAt: Timestamp,
      statusCode: Type.Union([Type.Integer(), Type.Null()]),
      responseBody: Type.Union([Type.String(), Type.Null()], { description: 'The first 1 KiB of the response body.' }),
      durationMs: Type.Integer(),
      error: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  payload: Type.Any({ description: 'The body delivered: `{id, type, version, occurredAt, tenantId, data}`.' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type OperatorWebhookDelivery = Static<typeof OperatorWebhookDelivery>;
export const OperatorWebhookDeliveryPage = Page(OperatorWebhookDelivery);

export const DeliveriesQuery = Type.Object({ ...PageQuery, status: Type.Optional(Type.Enum(['pending', 'succeeded', 'failed'])) }, { additionalProperties: false });
export const EndpointsQuery = Type.Object(PageQuery, { additionalProperties: false });

export const ControlEventType = Type.Object({ type: Type.String(), version: Type.Integer(), description: Type.String() });
