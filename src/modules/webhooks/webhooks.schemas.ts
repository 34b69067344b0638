import { Type, type Static } from 'typebox';
import { Page, PageQuery, SearchQuery, Timestamp, Uuid } from '../../kernel/http/schemas.js';
import { EVENT_PATTERN } from '../../kernel/webhooks/patterns.js';

export const DISABLED_REASONS = ['manual', 'gone', 'failing'] as const;
export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

const Url = Type.String({ minLength: 1, maxLength: 2048, description: 'An http or https URL without credentials; it must resolve to public addresses.' });
const Events = Type.Array(Type.String({ minLength: 1, maxLength: 200, pattern: EVENT_PATTERN }), {
  minItems: 1,
  maxItems: 100,
  description: 'Event types to deliver: exact (`member.created`), a prefix (`member.*`) or everything (`*`).',
});
const Description = Type.String({ maxLength: 500 });

export const WebhookEndpoint = Type.Object({
  id: Uuid,
  url: Type.String(),
  description: Type.String(),
  events: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  disabledReason: Type.Union([Type.Enum(DISABLED_REASONS), Type.Null()], { description: 'Why the endpoint is disabled: by a user, the receiver answered 410 Gone, or it failed for 5 days.' }),
  failingSince: Type.Union([Timestamp, Type.Null()]),
  previousSecretExpiresAt: Type.Union([Timestamp, Type.Null()], { description: 'Until then the secret before the last rotation signs too.' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WebhookEndpoint = Static<typeof WebhookEndpoint>;

/** The endpoint with its signing secret: only in the answers to create and rotate. */
export const WebhookEndpointWithSecret = Type.Object({
  ...WebhookEndpoint.properties,
  secret: Type.String({ description: 'The signing secret (`whsec_...`). Shown this once: store it.' }),
});
export type WebhookEndpointWithSecret = Static<typeof WebhookEndpointWithSecret>;

export const CreateWebhookEndpoint = Type.Object(
  {
    url: Url,
    events: Events,
    description: Type.Optional(Description),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateWebhookEndpoint = Static<typeof CreateWebhookEndpoint>;

export const UpdateWebhookEndpoint = Type.Partial(CreateWebhookEndpoint, { additionalProperties: false, minProperties: 1 });
export type UpdateWebhookEndpoint = Static<typeof UpdateWebhookEndpoint>;

export const ListEndpointsQuery = Type.Object({ ...PageQuery, q: Type.Optional(SearchQuery('Matches the URL or the description.')) }, { additionalProperties: false });
export type ListEndpointsQuery = Static<typeof ListEndpointsQuery>;
export const WebhookEndpointPage = Page(WebhookEndpoint);

export const WebhookAttempt = Type.Object({
  number: Type.Integer(),
  attemptedAt: Timestamp,
  statusCode: Type.Union([Type.Integer(), Type.Null()]),
  responseBody: Type.Union([Type.String(), Type.Null()], { description: 'The first 1 KiB of the response body.' }),
  durationMs: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
});

export const WebhookDelivery = Type.Object({
  id: Uuid,
  endpointId: Uuid,
  eventId: Type.String({ description: 'Sent as `webhook-id`: the same on every attempt.' }),
  eventType: Type.String(),
  status: Type.Enum(DELIVERY_STATUSES),
  attemptCount: Type.Integer(),
  nextAttemptAt: Type.Union([Timestamp, Type.Null()]),
  lastAttemptAt: Type.Union([Timestamp, Type.Null()]),
  lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
  lastResponseBody: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Array(WebhookAttempt),
  payload: Type.Any({ description: 'The body delivered: `{type, timestamp, data}`.' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WebhookDelivery = Static<typeof WebhookDelivery>;

export const ListDeliveriesQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(Type.Enum(DELIVERY_STATUSES)) },
  { additionalProperties: false },
);
export type ListDeliveriesQuery = Static<typeof ListDeliveriesQuery>;
export const WebhookDeliveryPage = Page(WebhookDelivery);
