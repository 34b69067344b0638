import type { MemberAccounts } from '../../kernel/member-accounts.js';
import { MemberAccountsRepository } from './member-accounts.repository.js';

/** The identity's side of kernel/member-accounts: members' portal accounts and their choices. */
export const memberAccounts: MemberAccounts = {
  async choices(db, memberIds, category, channel) {
    if (memberIds.length === 0) return new Map();
    return new Map((await new MemberAccountsRepository(db).choices(memberIds, category, channel)).map((r) => [r.memberId, r.enabled]));
  },
  async locales(db, memberIds) {
    if (memberIds.length === 0) return new Map();
    return new Map((await new MemberAccountsRepository(db).locales(memberIds)).map((r) => [r.memberId, r.locale]));
  },
};
