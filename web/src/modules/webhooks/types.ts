import type { operations } from '@courtyard/sdk';
import type { MessageId } from '../../i18n/intl.js';

export type Endpoint = operations['webhooks.endpoints.get']['responses'][200]['content']['application/json'];
export type Delivery = operations['webhooks.deliveries.list']['responses'][200]['content']['application/json']['data'][number];

/** The event patterns offered: everything, or every event of an area (`member.*`); an endpoint's other patterns are kept and shown too. */
export const EVENT_PATTERNS: { id: string; label: MessageId }[] = [
  { id: '*', label: 'webhooks.events.all' },
  { id: 'member.*', label: 'webhooks.events.member' },
  { id: 'property.*', label: 'webhooks.events.property' },
  { id: 'unit.*', label: 'webhooks.events.unit' },
  { id: 'occupancy.*', label: 'webhooks.events.occupancy' },
  { id: 'lease.*', label: 'webhooks.events.lease' },
  { id: 'charge.*', label: 'webhooks.events.charge' },
  { id: 'payment.*', label: 'webhooks.events.payment' },
  { id: 'statement.*', label: 'webhooks.events.statement' },
  { id: 'user.*', label: 'webhooks.events.user' },
];

/** The options of the events picker: the offered patterns, then whatever else the endpoint has. */
export function eventOptions(current: string[], t: (id: MessageId) => string): { id: string; label: string; description?: string }[] {
  const offered = EVENT_PATTERNS.map((p) => ({ id: p.id, label: t(p.label), description: p.id }));
  const others = current.filter((e) => !EVENT_PATTERNS.some((p) => p.id === e)).map((e) => ({ id: e, label: e }));
  return [...offered, ...others];
}

/** An endpoint created or rotated answers its secret; a replayed request answers only its id. */
export const secretOf = (data: unknown): string | null => (data && typeof data === 'object' && 'secret' in data && typeof data.secret === 'string' ? data.secret : null);
