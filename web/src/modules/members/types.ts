import type { operations } from '@courtyard/sdk';
import type { MessageId } from '../../i18n/intl.js';

export type Member = operations['members.get']['responses'][200]['content']['application/json'];
export type MemberType = Member['type'];

export const MEMBER_TYPES: { id: MemberType; label: MessageId }[] = [
  { id: 'resident', label: 'members.type.resident' },
  { id: 'owner', label: 'members.type.owner' },
  { id: 'renter', label: 'members.type.renter' },
  { id: 'household', label: 'members.type.household' },
  { id: 'other', label: 'members.type.other' },
];
export const typeLabel = (type: MemberType): MessageId => MEMBER_TYPES.find((m) => m.id === type)?.label ?? 'members.type.other';

export const statusLabel = (status: Member['status']): MessageId => `members.status.${status}`;
