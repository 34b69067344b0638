import { Type } from 'typebox';
import type { EventDefinition } from '../../kernel/events/event.js';

/** Sent by `POST /webhooks/endpoints/{id}/test`, to that endpoint only. */
export const TEST_EVENT = 'webhook.test';
/** Emitted when an endpoint is disabled by its receiver (410) or by 5 days of failure: the tenant is told. */
export const ENDPOINT_DISABLED_EVENT = 'webhook_endpoint.disabled';
/**
 * Internal: a delivery waits for an attempt now (a test message, a manual retry). Requests
 * have no queue, only the outbox; the webhooks subscriber turns this event into a delivery
 * job once the request's transaction has committed. Never delivered to endpoints.
 */
export const DELIVERY_REQUESTED_EVENT = 'webhook_delivery.requested';

export const webhookEvents: EventDefinition[] = [
  {
    type: ENDPOINT_DISABLED_EVENT,
    version: 1,
    description: 'A webhook endpoint was disabled: its receiver answered 410 Gone, or its deliveries failed for 5 days.',
    data: Type.Object({ endpointId: Type.String(), url: Type.String(), reason: Type.Union([Type.Literal('gone'), Type.Literal('failing')]), failingSince: Type.Union([Type.String(), Type.Null()]) }),
  },
  {
    type: TEST_EVENT,
    version: 1,
    description: 'A test message an administrator sent to one endpoint (delivered to that endpoint only, never through the outbox).',
    data: Type.Object({ endpointId: Type.String(), message: Type.String() }),
  },
  {
    type: DELIVERY_REQUESTED_EVENT,
    version: 1,
    description: 'Internal to the webhooks module: a delivery waits for an attempt now. Not delivered to endpoints.',
    data: Type.Object({ deliveryId: Type.String() }),
  },
];

/** Event types never delivered to endpoints. */
export const INTERNAL_EVENTS: ReadonlySet<string> = new Set([DELIVERY_REQUESTED_EVENT]);

/** The body delivered (Standard Webhooks' recommended shape). Built once, signed and sent as is on every attempt. */
export function payloadOf(type: string, timestamp: string, data: unknown): string {
  return JSON.stringify({ type, timestamp, data });
}
