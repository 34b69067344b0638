import type { Kysely } from 'kysely';
import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
import type { CommunicationsTables } from './communications.tables.js';

/** Opt-outs, bounces and the tenant's sending settings; runs inside the tenant transaction, under RLS. */
export class ConsentRepository {
  private readonly db: Kysely<CommunicationsTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  /** The members among `memberIds` who opted out of `category` (or of everything) by `channel`. */
  async optedOut(memberIds: readonly string[], channel: 'email' | 'sms', category: string): Promise<Set<string>> {
    if (memberIds.length === 0) return new Set();
    const rows = await this.db.selectFrom('commOptOuts').select('memberId').distinct()
      .where('memberId', '=', anyUuid(memberIds)).where('channel', '=', channel).where('category', 'in', [category, '*']).execute();
    return new Set(rows.map((r) => r.memberId));
  }

  async optOut(tenantId: string, memberId: string, channel: 'email' | 'sms', category: string, source: 'unsubscribe' | 'stop'): Promise<void> {
    await this.db.insertInto('commOptOuts').values({ tenantId, memberId, channel, category, source, createdAt: new Date() })
      .onConflict((oc) => oc.columns(['tenantId', 'memberId', 'channel', 'category']).doNothing()).execute();
  }

  /** Undoes a STOP (the member texted START). */
  async optIn(memberId: string, channel: 'email' | 'sms', category: string): Promise<void> {
    await this.db.deleteFrom('commOptOuts').where('memberId', '=', memberId).where('channel', '=', channel).where('category', '=', category).execute();
  }

  async optOutsOf(memberId: string) {
    return this.db.selectFrom('commOptOuts').select(['channel', 'category', 'source', 'createdAt']).where('memberId', '=', memberId).orderBy('createdAt').execute();
  }

  /** Which of `addresses` bounced for good. */
  async bounced(addresses: readonly string[]): Promise<Set<string>> {
    if (addresses.length === 0) return new Set();
    const rows = await this.db.selectFrom('commBounces').select('address').where('address', 'in', addresses.map((a) => a.toLowerCase())).execute();
    return new Set(rows.map((r) => r.address));
  }

  async recordBounce(tenantId: string, address: string, memberId: string | null, reason: string, at: Date): Promise<void> {
    await this.db.insertInto('commBounces').values({ tenantId, address: address.toLowerCase(), memberId, reason, bouncedAt: at })
      .onConflict((oc) => oc.columns(['tenantId', 'address']).doUpdateSet({ reason, bouncedAt: at, memberId })).execute();
  }

  async bouncesOf(memberId: string) {
    return this.db.selectFrom('commBounces').select(['address', 'reason', 'bouncedAt']).where('memberId', '=', memberId).orderBy('bouncedAt', 'desc').execute();
  }

  async settings() {
    return this.db.selectFrom('commSettings').select(['openTracking', 'quietHoursStart', 'quietHoursEnd']).executeTakeFirst();
  }

  async saveSettings(tenantId: string, s: { openTracking: boolean; quietHoursStart: string | null; quietHoursEnd: string | null }): Promise<void> {
    await this.db.insertInto('commSettings').values({ tenantId, ...s, updatedAt: new Date() })
      .onConflict((oc) => oc.column('tenantId').doUpdateSet({ ...s, updatedAt: new Date() })).execute();
  }
}
