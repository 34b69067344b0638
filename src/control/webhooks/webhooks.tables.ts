import type { Generated } from 'kysely';
import type { Timestamptz } from '../../kernel/db/kernel.tables.js';

export type DisabledReason = 'manual' | 'gone' | 'failing';
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** The operator's webhook tables (migration 0018), as the control plane's SQL sees them. */
export interface OperatorWebhooksTables {
  'control.webhookEndpoints': {
    id: string;
    url: string;
    description: Generated<string>;
    events: string[];
    enabled: Generated<boolean>;
    disabledReason: DisabledReason | null;
    secret: string;
    previousSecret: string | null;
    previousSecretExpiresAt: Date | null;
    failingSince: Date | null;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  'control.webhookDeliveries': {
    id: string;
    endpointId: string;
    eventId: string;
    eventType: string;
    payload: string;
    status: Generated<DeliveryStatus>;
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
  'control.webhookAttempts': {
    deliveryId: string;
    number: number;
    attemptedAt: Date;
    statusCode: number | null;
    responseBody: string | null;
    durationMs: number;
    error: string | null;
  };
}
