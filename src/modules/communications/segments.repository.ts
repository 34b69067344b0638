import type { Kysely } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { CommunicationsTables } from './communications.tables.js';
import type { Segment, SegmentCriteria } from './communications.schemas.js';

const columns = ['id', 'name', 'criteria', 'createdAt', 'updatedAt'] as const;
const asSegment = (row: { id: string; name: string; criteria: SegmentCriteria | string; createdAt: Date; updatedAt: Date }): Segment => ({
  ...row,
  criteria: typeof row.criteria === 'string' ? (JSON.parse(row.criteria) as SegmentCriteria) : row.criteria,
});

/** Saved segments' SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class SegmentsRepository {
  private readonly db: Kysely<CommunicationsTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  async list(): Promise<Segment[]> {
    return (await this.db.selectFrom('commSegments').select(columns).orderBy('name').orderBy('id').execute()).map(asSegment);
  }

  async find(id: string): Promise<Segment | undefined> {
    const row = await this.db.selectFrom('commSegments').select(columns).where('id', '=', id).executeTakeFirst();
    return row && asSegment(row);
  }

  async nameTaken(name: string, except?: string): Promise<boolean> {
    let q = this.db.selectFrom('commSegments').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
    if (except) q = q.where('id', '<>', except);
    return (await q.executeTakeFirst()) !== undefined;
  }

  async insert(tenantId: string, segment: { id: string; name: string; criteria: SegmentCriteria }): Promise<Segment> {
    const now = new Date();
    const row = await this.db.insertInto('commSegments')
      .values({ tenantId, id: segment.id, name: segment.name, criteria: JSON.stringify(segment.criteria), createdAt: now, updatedAt: now })
      .returning(columns).executeTakeFirstOrThrow();
    return asSegment(row);
  }

  async update(id: string, patch: { name?: string; criteria?: SegmentCriteria }): Promise<Segment | undefined> {
    const row = await this.db.updateTable('commSegments')
      .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.criteria ? { criteria: JSON.stringify(patch.criteria) } : {}), updatedAt: new Date() })
      .where('id', '=', id).returning(columns).executeTakeFirst();
    return row && asSegment(row);
  }

  async inUse(id: string): Promise<boolean> {
    return (await this.db.selectFrom('announcements').select('id').where('segmentId', '=', id).executeTakeFirst()) !== undefined;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.deleteFrom('commSegments').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n;
  }
}
