import type { Generated } from 'kysely';
import type { TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';
import type { WebhookDelivery, WebhookEndpoint } from './webhooks.schemas.js';

/** The tables `migrations/` creates, as the webhooks repository sees them (camelCase). */
export interface WebhooksTables {
  webhookEndpoints: {
    tenantId: TenantKey;
    id: string;
    url: string;
    description: Generated<string>;
    events: string[];
    enabled: Generated<boolean>;
    disabledReason: WebhookEndpoint['disabledReason'];
    secret: string;
    previousSecret: string | null;
    previousSecretExpiresAt: Date | null;
    failingSince: Date | null;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  webhookDeliveries: {
    tenantId: TenantKey;
    id: string;
    endpointId: string;
    eventId: string;
    eventType: string;
    payload: string;
    status: Generated<WebhookDelivery['status']>;
    attemptCount: Generated<number>;
    nextAttemptAt: Date | null;
    claimedUntil: Date | null;
    lastAttemptAt: Date | null;
    lastStatusCode: number | null;
    lastResponseBody: string | null;
    lastError: string | null;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  webhookAttempts: {
    tenantId: TenantKey;
    deliveryId: string;
    number: number;
    attemptedAt: Date;
    statusCode: number | null;
    responseBody: string | null;
    durationMs: number;
    error: string | null;
  };
}
