import { useQuery } from '@tanstack/react-query';
import type { operations } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';

type Json<K extends keyof operations> = operations[K] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

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

/** The period's usage so far, day by day (the server's now ends it). */
export function useUsage(from: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [BILLING, 'usage', from],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/usage', { params: { query: { from, granularity: 'day' } } })),
    enabled: Boolean(from),
  });
}
