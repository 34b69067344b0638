import type { operations } from '@courtyard/sdk';
import type { MessageId } from '../../i18n/intl.js';

export type OperatorEndpoint = operations['control.webhooks.endpoints.get']['responses'][200]['content']['application/json'];
export type OperatorDelivery = operations['control.webhooks.deliveries.list']['responses'][200]['content']['application/json']['data'][number];

/** Names of the catalogue's areas (`invoice` of `invoice.issued`); an area without one shows its pattern. */
const AREAS: Record<string, MessageId> = {
  invoice: 'webhooks.console.area.invoice',
  subscription: 'webhooks.console.area.subscription',
  tenant: 'webhooks.console.area.tenant',
  credit_note: 'webhooks.console.area.credit_note',
};

/**
 * The events picker's options from the control event catalogue: everything, every event of
 * an area (`invoice.*`), then each type; an endpoint's other patterns are kept and shown too.
 */
export function eventOptions(catalogue: string[], current: string[], t: (id: MessageId) => string): { id: string; label: string; description?: string }[] {
  const areas = [...new Set(catalogue.map((type) => type.split('.')[0]!))];
  const options = [
    { id: '*', label: t('webhooks.events.all'), description: '*' },
    ...areas.map((area) => ({ id: `${area}.*`, label: AREAS[area] ? t(AREAS[area]) : `${area}.*`, description: `${area}.*` })),
    ...catalogue.map((type) => ({ id: type, label: type })),
  ];
  return [...options, ...current.filter((p) => !options.some((o) => o.id === p)).map((p) => ({ id: p, label: p }))];
}

/** An endpoint created or rotated answers its secret. */
export const secretOf = (data: unknown): string | null => (data && typeof data === 'object' && 'secret' in data && typeof data.secret === 'string' ? data.secret : null);
