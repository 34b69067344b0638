import type { Db } from './db/tables.js';

/**
 * What a module may ask of members' portal accounts, which the data plane's identity keeps (a
 * module cannot read the planes): the choices a member made there. Runs in the caller's tenant
 * transaction, so row-level security applies. The data plane implements it; the platform hands
 * it to the modules that send messages.
 */
export interface MemberAccounts {
  /**
   * The choices the portal accounts of `memberIds` made for messages of `category` by
   * `channel` (`billing`, `announcements`, `maintenance`, `meetings`; `email`, `sms`). A member
   * with no account, or whose accounts chose nothing, is left out: the sender applies its
   * default. A member with several accounts wants it when one of them does.
   */
  choices(db: Db, memberIds: readonly string[], category: string, channel: string): Promise<Map<string, boolean>>;
  /** The language the portal account of each of `memberIds` chose (members without one are left out). */
  locales(db: Db, memberIds: readonly string[]): Promise<Map<string, string>>;
}
