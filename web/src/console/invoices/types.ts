import type { operations } from '@courtyard/sdk';

export type Invoice = operations['control.invoices.get']['responses'][200]['content']['application/json'];
