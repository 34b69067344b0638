import type { operations } from '@courtyard/sdk';

export type Subscription = operations['control.tenants.subscription.get']['responses'][200]['content']['application/json'];
export type TaxRate = operations['control.taxRates.list']['responses'][200]['content']['application/json']['data'][number];
export type Revenue = operations['control.billing.revenue']['responses'][200]['content']['application/json'];
export type Usage = operations['control.tenants.usage']['responses'][200]['content']['application/json'];
