import { sql } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';

/** Members' portal accounts as other modules ask after them; runs in the tenant transaction, under RLS. */
export class MemberAccountsRepository {
  private readonly db;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  async choices(memberIds: readonly string[], category: string, channel: string): Promise<{ memberId: string; enabled: boolean }[]> {
    const result = await sql<{ memberId: string; enabled: boolean }>`
      SELECT u.member_id, bool_or(p.enabled) AS enabled
        FROM users u JOIN notification_preferences p ON p.tenant_id = u.tenant_id AND p.user_id = u.id
       WHERE u.member_id = ANY(${[...memberIds]}::uuid[]) AND u.status = 'active'
         AND p.category = ${category} AND p.channel = ${channel}
       GROUP BY u.member_id`.execute(this.db);
    return result.rows;
  }

  async locales(memberIds: readonly string[]): Promise<{ memberId: string; locale: string }[]> {
    const result = await sql<{ memberId: string; locale: string }>`
      SELECT DISTINCT ON (u.member_id) u.member_id, u.locale FROM users u
       WHERE u.member_id = ANY(${[...memberIds]}::uuid[]) AND u.status = 'active' AND u.locale IS NOT NULL
       ORDER BY u.member_id, u.created_at DESC`.execute(this.db);
    return result.rows;
  }
}
