import type { operations } from '@courtyard/sdk';
import type { MessageId } from '../../i18n/intl.js';

export type Lease = operations['leases.get']['responses'][200]['content']['application/json'];
export type LeaseStatus = Lease['status'];
export type Frequency = Lease['frequency'];
export type RentRoll = Exclude<operations['reports.rentRoll']['responses'][200]['content']['application/json'], string>;

export const LEASE_STATUSES: LeaseStatus[] = ['draft', 'active', 'ending', 'ended', 'terminated'];
export const FREQUENCIES: Frequency[] = ['weekly', 'monthly', 'quarterly', 'yearly'];

export const statusLabel = (s: LeaseStatus): MessageId => `leases.status.${s}`;
export const frequencyLabel = (f: Frequency): MessageId => `leases.frequency.${f}`;
export const parseLeaseStatus = (v: unknown): LeaseStatus | undefined => ((LEASE_STATUSES as unknown[]).includes(v) ? (v as LeaseStatus) : undefined);

/** What the lease's status allows (docs/leases.md): the pages offer only these actions. */
export const canActivate = (l: Lease) => l.status === 'draft';
export const canTerminate = (l: Lease) => l.status === 'draft' || l.status === 'active' || l.status === 'ending';
export const canRenew = (l: Lease) => (l.status === 'active' || l.status === 'ending') && l.endDate !== null && l.successorId === null;
