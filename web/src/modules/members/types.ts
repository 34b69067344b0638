import type { operations } from '@courtyard/sdk';
import type { MessageId } from '../../i18n/intl.js';
import { listSearch } from '../../ui/paging.js';

/** A member; `address` is newer than the SDK's generated types (the lead regenerates them at merge). */
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

export type MemberStatus = Member['status'];
export const MEMBER_STATUSES: MemberStatus[] = ['prospective', 'active', 'inactive', 'former'];

export const MEMBER_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export const sortLabel = (sort: MemberSort): MessageId => `members.sort.${sort}`;

/** The members list's search as it lives in the URL: text, filters, sort and cursor. */
export interface MembersSearch {
  q?: string;
  cursor?: string;
  type?: MemberType;
  status?: MemberStatus;
  sort?: MemberSort;
}

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined => (values as readonly unknown[]).includes(v) ? (v as T) : undefined;

/** Reads the members list's search from the URL, dropping what is not one of the API's values. */
export function membersSearch(raw: Record<string, unknown>): MembersSearch {
  const base = listSearch(raw);
  return {
    q: base.q,
    cursor: base.cursor,
    type: oneOf(MEMBER_TYPES.map((m) => m.id), raw.type),
    status: oneOf(MEMBER_STATUSES, raw.status),
    sort: oneOf(MEMBER_SORTS, raw.sort),
  };
}
