import { useQuery } from '@tanstack/react-query';
import type { operations } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';

type Json<K extends 'billing.subscription.get' | 'billing.plans' | 'billing.invoices.list' | 'billing.usage'> = operations[K]['responses'][200]['content']['application/json'];

export type Subscription = Json<'billing.subscription.get'>;
export type Plan = Json<'billing.plans'>['data'][number];
export type Component = Plan['pricing']['components'][number];
export type Invoice = Json<'billing.invoices.list'>['data'][number];
export type InvoiceStatus = Invoice['status'];
export type UsageSeries = Json<'billing.usage'>['data'][number];
export type Meter = UsageSeries['meter'];
export type Dunning = Subscription['dunning'];

/** Every query of the Billing page starts with this key: a plan change or a payment refreshes them all. */
export const BILLING = 'billing';

export function useSubscription(enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: [BILLING, 'subscription'], queryFn: async () => unwrap(await api.GET('/api/v1/billing/subscription')), enabled });
}

export function usePlans() {
  const api = useApi();
  return useQuery({ queryKey: [BILLING, 'plans'], queryFn: async () => unwrap(await api.GET('/api/v1/billing/plans')).data });
}

/**
 * The period's usage so far (the server's now ends it). Buckets start on the hour (or the day,
 * in UTC), and a bucket counts when it starts in the range: the range starts at the bucket the
 * period began in. By the hour while that is at most 60 days back (a monthly period), so the
 * totals are the period's to the hour; by the day for a longer (yearly) one.
 */
export function useUsage(periodStart: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [BILLING, 'usage', periodStart],
    queryFn: async () => {
      const { from, granularity } = usageRange(periodStart!, new Date());
      return unwrap(await api.GET('/api/v1/billing/usage', { params: { query: { from, granularity } } }));
    },
    enabled: Boolean(periodStart),
  });
}

/** Where the usage query starts, and by what bucket (see useUsage). */
export function usageRange(periodStart: string, now: Date): { from: string; granularity: 'hour' | 'day' } {
  const start = new Date(periodStart);
  const byHour = now.getTime() - start.getTime() <= 60 * 86_400_000;
  if (byHour) start.setUTCMinutes(0, 0, 0);
  else start.setUTCHours(0, 0, 0, 0);
  return { from: start.toISOString(), granularity: byHour ? 'hour' : 'day' };
}
