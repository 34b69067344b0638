import type { operations } from '@courtyard/sdk';
import type { MessageId } from '../../../i18n/intl.js';

export type Schedule = operations['finance.schedules.get']['responses'][200]['content']['application/json'];
export type BillingRun = operations['finance.billingRuns.get']['responses'][200]['content']['application/json'];
export type RunItem = operations['finance.billingRuns.items']['responses'][200]['content']['application/json']['data'][number];
export type Preview = operations['finance.billingRuns.start']['responses'][200]['content']['application/json'];
export type PreviewCharge = Preview['charges'][number];
export type PreviewSkip = Preview['skipped'][number];
export type LateFeeRule = operations['finance.lateFeeRule.get']['responses'][200]['content']['application/json'];

export const REASONS = ['no_share', 'no_owner', 'no_renter', 'zero_amount', 'already_charged', 'billed_to_others'] as const;
/** A skip reason in words; an unknown one (a newer server) shows as it is. */
export const reasonLabel = (reason: string | null): MessageId | null =>
  reason && (REASONS as readonly string[]).includes(reason) ? (`finance.billing.reason.${reason}` as MessageId) : null;

export const runStatusLabel = (status: BillingRun['status']): MessageId => `finance.billing.runStatus.${status}`;
export const itemStatusLabel = (status: RunItem['status']): MessageId => `finance.billing.itemStatus.${status}`;
export const kindLabel = (kind: Schedule['kind']): MessageId => `finance.billing.kind.${kind}`;
export const frequencyLabel = (frequency: NonNullable<Schedule['frequency']>): MessageId => `finance.billing.frequency.${frequency}`;
