import { createContext, useContext } from 'react';

/** The member whose portal this is (from `/api/v1/me`): every page reads their records. */
export interface PortalMember {
  memberId: string;
  name: string;
  /** The login also holds staff permissions (a manager who is a member too). */
  staff: boolean;
  /** The tenant's zone: "today" (this year's activity, what is due) is a day on its calendar. */
  timeZone: string;
  /** The tenant has the communications module: the member has a news feed. */
  news: boolean;
}
export const MemberContext = createContext<PortalMember | null>(null);

export function useMember(): PortalMember {
  const member = useContext(MemberContext);
  if (!member) throw new Error('useMember outside the portal');
  return member;
}
