import type { AnyRoute } from '@tanstack/react-router';

/** Billing runs, schedules, late fees, bank import and Stripe settings: built on branch h11-finance-b, which replaces this file. */
export const financeBillingRoutes: AnyRoute[] = [];
